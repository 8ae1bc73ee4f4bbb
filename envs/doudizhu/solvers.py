"""Exact values of Dou Dizhu endgames (numba kernels behind validating functions).

* **minimax** (``perfect=True``): the game-theoretic value for the side to move, 1 (a forced win) or 0,
  with both sides playing perfectly and both hands open; the winning plays are those worth 1.
* **random play** (``perfect=False``): the exact probability that the side to move wins when both sides
  then play uniformly random legal plays (every distinct play, the pass included when allowed, equally
  likely). This is the value that flat Monte Carlo rollouts estimate without bias.

Both search the game tree depth-first with a memo keyed by a compact integer: the two hands as indices
among the sub-multisets of the root's hands, the side to move and the play to beat (type, length, main
rank). Minimax stops at the first winning play of a position, tries the plays already known to win
first (enhanced transposition cutoff), then the plays with the most cards, the pass last.

Size limits (the random-play tree has no cut-offs): minimax up to :data:`MINIMAX_MAX_CARDS` cards in the
two hands together, random play up to :data:`RANDOM_MAX_CARDS`.
"""
from __future__ import annotations

import math

import numpy as np

from . import _kernels as K
from .cards import pack
from .moves import Play
from .state import DdzState

__all__ = ["MINIMAX_MAX_CARDS", "RANDOM_MAX_CARDS", "solve", "state_value", "solvable"]

MINIMAX_MAX_CARDS = 24
RANDOM_MAX_CARDS = 16


def solvable(state: DdzState, perfect: bool) -> bool:
    """Whether :func:`solve` takes this position (total cards within the solver's limit)."""
    total = sum(state.hands[0]) + sum(state.hands[1])
    return total <= (MINIMAX_MAX_CARDS if perfect else RANDOM_MAX_CARDS)


def _sizes(state: DdzState, perfect: bool) -> tuple[int, int]:
    total = sum(state.hands[0]) + sum(state.hands[1])
    limit = MINIMAX_MAX_CARDS if perfect else RANDOM_MAX_CARDS
    if total > limit:
        kind = "minimax" if perfect else "random-play"
        raise ValueError(f"the exact {kind} solver takes at most {limit} cards in the two hands together; this "
                         f"position has {total}. Use smaller hands (hand_size=) or an estimator")
    subs = [math.prod(c + 1 for c in h) for h in state.hands]
    want = subs[0] * subs[1] * 8 / K.MAX_LOAD
    bits = int(min(max(math.ceil(math.log2(max(want, 2))), 12), 20 if perfect else 22))
    levels = 2 * total + 4
    per_level = 2 * min(2 ** max(sum(state.hands[0]), sum(state.hands[1])), 32768) + 80
    return bits, min(levels * per_level, 1 << 24)


def solve(state: DdzState, plays: list[Play] | None = None, perfect: bool = True) -> tuple[np.ndarray, float, int]:
    """Exact values, for the mover, of each play in ``plays`` (default: every legal play).

    Returns ``(values, state_value, positions)``: the values in the order of ``plays``, the value of the
    position itself (the best play's under minimax, the mean over legal plays under random play, which
    then must be all of them) and the number of memoised positions.
    """
    if not isinstance(state, DdzState):
        raise ValueError(f"state must be a DdzState (decode_state(text)), got {type(state).__name__}")
    if state.winner() is not None:
        raise ValueError("the game is over (a hand is empty); there is no play to value")
    legal = state.legal()
    if plays is None:
        plays = legal
    else:
        ok = state.legal_by_text()
        for p in plays:
            if ok.get(p.text) != p:
                raise ValueError(f"play {p.text!r} is not legal in this position; legal: {sorted(ok)}")
    bits, buf = _sizes(state, perfect)
    cards = np.array([p.packed for p in plays], dtype=np.int64)
    metas = np.array([p.meta for p in plays], dtype=np.int64)
    prev = 0 if state.prev is None else state.prev.meta
    values, sv, n = K.solve_k(np.int64(pack(state.hands[0])), np.int64(pack(state.hands[1])),
                              np.int64(state.to_move), np.int64(prev), np.int64(state.flags), cards, metas,
                              bool(perfect), bits, buf)
    if not perfect and len(plays) != len(legal):
        sv = float("nan")
    return values, float(sv), int(n)


def state_value(state: DdzState, perfect: bool = True) -> float:
    """The value of the position for the side to move (minimax stops at its first winning play)."""
    if not isinstance(state, DdzState):
        raise ValueError(f"state must be a DdzState (decode_state(text)), got {type(state).__name__}")
    if state.winner() is not None:
        raise ValueError("the game is over (a hand is empty); there is no position to value")
    bits, buf = _sizes(state, perfect)
    prev = 0 if state.prev is None else state.prev.meta
    return float(K.state_value_k(np.int64(pack(state.hands[0])), np.int64(pack(state.hands[1])),
                                 np.int64(state.to_move), np.int64(prev), np.int64(state.flags), bool(perfect),
                                 bits, buf))
