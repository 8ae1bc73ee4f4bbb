"""Realistic mid-game Gomoku positions from noisy self-play of a fast heuristic policy (numba).

The policy, for the player to move: complete a winning line if it can; otherwise block the opponent's
winning point; otherwise play the empty point near the stones (within two rows and columns) with the best
line-pattern score: over every five-cell window through the point, attack weight for windows holding
only the mover's stones and a defence weight for windows holding only the opponent's (growing
geometrically with the number of stones), ties broken at random. With probability ``noise`` it plays
instead a uniformly random empty point near the stones. The first stone goes near the centre.

A game in which someone completes a line before the requested number of stones is thrown away and
another is played from the same random stream; so the result depends only on the arguments.
"""
from __future__ import annotations

import numbers

import numpy as np

from . import _kernels as K
from .rules import _is_int, check_seed, check_size

__all__ = ["selfplay_moves"]

#: games thrown away (someone won early) before the policy is forbidden to complete a line
MAX_ATTEMPTS = 200


def selfplay_moves(size: int, n_stones: int, seed: int, noise: float = 0.2, exact5: bool = False) -> np.ndarray:
    """The moves (game order, flat ``r * S + c``, ``int64``) of a mid-game position with ``n_stones`` stones.

    Black plays the even-numbered moves; no line is complete on the final board, under the rule chosen by
    ``exact5``. Deterministic in ``seed``. ``noise`` in ``[0, 1]`` is the probability of a random nearby
    move instead of the heuristic one (0 = pure heuristic, 1 = random near the stones).
    Rebuild the board with ``rules.board_from_moves(size, moves)``.
    """
    s = check_size(size)
    if not _is_int(n_stones) or not 0 <= int(n_stones) < s * s:
        raise ValueError(
            f"n_stones must be an integer in 0..{s * s - 1} for a {s}x{s} board (a move must remain), "
            f"got {n_stones!r}"
        )
    if not isinstance(noise, numbers.Real) or isinstance(noise, bool) or not 0.0 <= float(noise) <= 1.0:
        raise ValueError(f"noise must be a probability in [0, 1], got {noise!r}; the default is 0.2")
    moves, ok = K.selfplay_k(s, int(n_stones), check_seed(seed), float(noise), bool(exact5), MAX_ATTEMPTS)
    if not ok:
        raise ValueError(
            f"could not reach {n_stones} stones on a {s}x{s} board without a completed line; "
            "ask for fewer stones"
        )
    return moves
