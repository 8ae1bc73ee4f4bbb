"""Reward oracles for Gomoku moves: flat Monte Carlo and UCT tree search, batched over queries.

A *query* is ``(board, to_move, move)``: the value of ``to_move`` playing ``move`` on ``board``, for that
player (win 1, draw 0.5, loss 0). The budget is ``rollouts``, the number of uniform-random playouts.

* :func:`flat_mc` estimates the *random-play value*: the mover's expected result when both sides play
  uniformly at random after the move. It is unbiased for that value and its variance falls as
  ``1 / rollouts``.
* :func:`uct` runs a UCT search (UCB1 selection, one node expanded per playout) from the position after
  the move and returns the mover's mean reward at the root. As the budget grows the search concentrates on
  the best replies, so the value moves from the random-play value towards the game-theoretic one: both its
  bias (against perfect play) and its variance fall with the budget. One ply is proven before any search:
  a move that leaves the opponent a point completing five is worth exactly 0, whatever the budget.

Both are compiled with numba and run in parallel over the queries on every core (``numba.prange``; the
thread count is numba's default, the number of cores, or ``NUMBA_NUM_THREADS``). Calls from several
Python threads at once are safe. In a process forked (``multiprocessing`` "fork") from one that already
ran a batch, numba's OpenMP pool cannot be used, so batches there run on one thread (same results);
use the "spawn" start method for parallel workers. Seeds are per query.
Common random numbers: each query draws from one random stream seeded by its seed, so with the same seed
the first ``n`` playouts of budget ``2n`` are the playouts of budget ``n`` (for UCT, the first ``n``
iterations of the search are the whole search of budget ``n``).
"""
from __future__ import annotations

import math
import numbers

import numpy as np

from ..core.forking import serial_batches
from . import _kernels as K
from .rules import _check_move, _is_int, check_board, check_player, check_seed, check_size

__all__ = ["DEFAULT_C", "MAX_ROLLOUTS", "ROLLOUT_POLICIES", "flat_mc", "flat_mc_samples", "uct", "uct_root", "uct_best_move",
           "proven_value", "proven_values", "Oracle", "FlatOracle", "UCTOracle"]

#: UCB1 exploration constant of :func:`uct`: score = mean + c * sqrt(ln N / n) with rewards in [0, 1].
#: Smaller than the textbook sqrt(2) so that the root value approaches the minimax value within a few
#: thousand playouts on 9x9 (with sqrt(2), a refuted move still looked 0.16 after 16k playouts).
DEFAULT_C = 0.5
#: the largest budget of the flat and UCT oracles: 2**24 playouts per query (about 30 s for one 15x15 flat
#: query on one core; UCT keeps one tree node per playout, about 70 bytes each)
MAX_ROLLOUTS = 2**24


def _check_rollouts(rollouts) -> int:
    if not _is_int(rollouts) or not 1 <= int(rollouts) <= MAX_ROLLOUTS:
        raise ValueError(f"rollouts must be an integer in 1..{MAX_ROLLOUTS} (2**24), got {rollouts!r}; "
                         "e.g. rollouts=256")
    return int(rollouts)


def _check_c(c) -> float:
    if not isinstance(c, numbers.Real) or isinstance(c, bool) or not math.isfinite(c) or c < 0:
        raise ValueError(f"c must be a finite non-negative number, got {c!r}; the default is {DEFAULT_C}")
    return float(c)


def _check_queries(boards, to_move, moves, seeds, exact5):
    """Validate a batch of queries (vectorised); return kernel-ready arrays."""
    b = np.asarray(boards)
    if b.ndim != 3 or b.shape[1] != b.shape[2]:
        raise ValueError(f"boards must have shape (N, S, S), got shape {b.shape}")
    n, s = b.shape[0], b.shape[1]
    check_size(s)
    if b.dtype.kind not in "iub":
        raise ValueError(f"boards must hold integers 0 (empty), 1 (black), 2 (white), got dtype {b.dtype}")
    bad = (b < 0) | (b > 2)
    if bad.any():
        i = int(np.argwhere(bad)[0][0])
        raise ValueError(f"boards[{i}] cells must be 0 (empty), 1 (black) or 2 (white), found {int(b[bad][0])}")
    b = np.ascontiguousarray(b, dtype=np.int8)
    cols = []
    for name, arr in (("to_move", to_move), ("moves", moves), ("seeds", seeds)):
        a = np.asarray(arr)
        if a.shape != (n,):
            raise ValueError(f"{name} must have shape ({n},), one per board, got shape {a.shape}")
        if n and a.dtype.kind not in "iu":
            raise ValueError(f"{name} must hold integers, got dtype {a.dtype}")
        cols.append(a.astype(np.int64) if name != "seeds" else a)
    tm, mv, sd = cols
    for i in np.flatnonzero((tm != 1) & (tm != 2))[:1]:
        check_player(int(tm[i]), name=f"to_move[{i}]")
    for i in np.flatnonzero((mv < 0) | (mv >= s * s))[:1]:
        _check_move(b[i], int(mv[i]), name=f"moves[{i}]")
    for i in np.flatnonzero(b.reshape(n, s * s)[np.arange(n), mv] != 0)[:1]:
        _check_move(b[i], int(mv[i]), name=f"moves[{i}]")
    sd = sd.astype(np.int64).view(np.uint64) if sd.dtype.kind == "i" else sd.astype(np.uint64)
    won = K.winners_k(b, bool(exact5))
    for i in np.flatnonzero(won)[:1]:
        raise ValueError(
            f"boards[{i}] already has a winning line (the game is over); only live positions can be valued"
        )
    return b, tm, mv, np.ascontiguousarray(sd)


ROLLOUT_POLICIES = ("uniform", "tactical")


def _check_policy(policy) -> bool:
    if policy not in ROLLOUT_POLICIES:
        raise ValueError(f"rollout_policy={policy!r} is not one of {ROLLOUT_POLICIES}; use 'uniform' (random "
                         "playouts) or 'tactical' (complete a five, else block one, else random)")
    return policy == "tactical"


def _values(b, tm, mv, rollouts, sd, exact5, use_uct, c, tactical=False):
    """Run the batch kernel: in parallel over queries (numba ``prange``), or serially after an unsafe fork
    (:func:`envs.core.forking.serial_batches`)."""
    values = np.empty(b.shape[0])
    stderrs = np.empty(b.shape[0])
    if b.shape[0]:
        kernel = K.values_serial_k if serial_batches() else K.values_k
        kernel(b, tm, mv, rollouts, sd, exact5, use_uct, c, values, stderrs, bool(tactical))
    return values, stderrs


def flat_mc(boards, to_move, moves, rollouts: int, seeds, exact5: bool = False,
            rollout_policy: str = "uniform") -> tuple[np.ndarray, np.ndarray]:
    """Flat Monte Carlo values of ``N`` queries: ``(values, stderrs)``, two ``float64`` arrays of shape ``(N,)``.

    Args:
        boards: ``(N, S, S)`` int8 boards.
        to_move: ``(N,)`` the player (1 or 2) making each move.
        moves: ``(N,)`` flat indices ``r * S + c`` of empty points.
        rollouts: playouts per query (the budget).
        seeds: ``(N,)`` integer seeds, one random stream per query.
        exact5: exact-five rule instead of free-style.
        rollout_policy: ``"uniform"`` (uniformly random moves) or ``"tactical"`` (each player completes a five
            if it can, else blocks the opponent's five point, else plays uniformly at random).

    value = mean over ``rollouts`` playouts of the policy (opponent first, from the position after the
    move) of the mover's result; stderr = sample standard deviation / sqrt(rollouts). A move that wins at
    once has value 1.0 and stderr 0; one that fills the board without winning 0.5 and stderr 0.
    """
    r = _check_rollouts(rollouts)
    t = _check_policy(rollout_policy)
    b, tm, mv, sd = _check_queries(boards, to_move, moves, seeds, exact5)
    return _values(b, tm, mv, r, sd, bool(exact5), False, 0.0, t)


def flat_mc_samples(board, to_move: int, move: int, rollouts: int, seed: int, exact5: bool = False,
                    rollout_policy: str = "uniform") -> np.ndarray:
    """The per-playout mover values (1, 0.5, 0) behind ``flat_mc`` for one query, in playout order.

    ``flat_mc`` of the same query and seed is their mean; the first ``n`` of budget ``2n`` are those of ``n``.
    """
    r = _check_rollouts(rollouts)
    t = _check_policy(rollout_policy)
    b, tm, mv, sd = _check_queries(np.asarray(board)[None], [to_move], [move], [seed], exact5)
    return K.flat_samples_k(b[0], tm[0], mv[0], r, sd[0], bool(exact5), t)


def uct(boards, to_move, moves, rollouts: int, seeds, exact5: bool = False, c: float = DEFAULT_C,
        rollout_policy: str = "uniform"):
    """UCT values of ``N`` queries: ``(values, stderrs)``, two ``float64`` arrays of shape ``(N,)``.

    Arguments as in :func:`flat_mc`; ``c`` is the UCB1 exploration constant. The value of a move is the
    mover's mean reward at the root of a UCT search of ``rollouts`` playouts from the position after the
    move (the opponent to move at that root). The stderr is the standard error of the root's rewards as if
    they were independent: a rough guide only, since the search's playouts are not identically
    distributed. A move that wins at once has value 1.0 and stderr 0; one that leaves the opponent a point
    completing five has value 0.0 and stderr 0, without a search.
    """
    r = _check_rollouts(rollouts)
    cc = _check_c(c)
    t = _check_policy(rollout_policy)
    b, tm, mv, sd = _check_queries(boards, to_move, moves, seeds, exact5)
    return _values(b, tm, mv, r, sd, bool(exact5), True, cc, t)


def _check_live(board, to_move, exact5):
    b = check_board(board)
    p = check_player(to_move, "to_move")
    if K.winner_k(b, bool(exact5)):
        raise ValueError("board already has a winning line (the game is over); there is no move to search")
    if not (b == 0).any():
        raise ValueError("board is full; there is no move to search")
    return b, p


def uct_root(board, to_move: int, rollouts: int, seed: int, exact5: bool = False, c: float = DEFAULT_C):
    """UCT search from ``board`` with ``to_move`` to move; statistics of the root's expanded children.

    Returns ``(moves, visits, values)``: the flat moves of the expanded children, their visit counts, and
    their mean rewards for ``to_move``. Moves never expanded (budget smaller than the number of legal
    moves) are absent.
    """
    r = _check_rollouts(rollouts)
    cc = _check_c(c)
    b, p = _check_live(board, to_move, exact5)
    moves, visits, sums = K.uct_root_k(b, p, r, check_seed(seed), bool(exact5), cc)
    return moves, visits.astype(np.int64), sums / visits


def uct_best_move(board, to_move: int, rollouts: int, seed: int, exact5: bool = False, c: float = DEFAULT_C,
                  tactics: bool = True) -> int:
    """The move a UCT search of ``rollouts`` playouts picks for ``to_move``: the most visited root child.

    Ties go to the higher mean reward, then the lower index. With ``tactics=True`` (the default, for a
    game-mode opponent that should not blunder when the budget is smaller than the board) a move that wins
    at once is played, and otherwise, if the opponent has exactly one winning point, it is blocked,
    before any search. ``tactics=False`` gives the plain UCT choice.
    """
    b, p = _check_live(board, to_move, exact5)
    if tactics:
        wins = K.winning_moves_k(b, p, bool(exact5))
        if wins.size:
            return int(wins[0])
        threats = K.winning_moves_k(b, 3 - p, bool(exact5))
        if threats.size == 1:
            return int(threats[0])
    moves, visits, values = uct_root(b, p, rollouts, seed, exact5, c)
    order = np.lexsort((moves, -values, -visits))
    return int(moves[order[0]])


# ------------------------------------------------------------------------------------ one-ply proof
def proven_values(boards, to_move, moves, exact5: bool = False) -> np.ndarray:
    """The one-ply proof of ``N`` queries (arguments as in :func:`flat_mc`, without seeds).

    Returns a ``float64`` array: the mover's game value where one more ply proves it, NaN elsewhere. Proven:
    1 for a move that completes five; 0.5 for a move that fills the board without one; 0 for a move after
    which the opponent has a point that completes five; 1 for a move after which the mover has two or more
    such points and the opponent none (the opponent can block only one). This is the single implementation
    of the proof: the UCT kernel, the env's truth and the engine oracle all use it.
    """
    b, tm, mv, _ = _check_queries(boards, to_move, moves, np.zeros(len(np.asarray(moves)), np.int64), exact5)
    out = K.proofs_k(b, tm, mv, bool(exact5))
    out[out < 0] = np.nan
    return out


def proven_value(board, to_move: int, move: int, exact5: bool = False) -> float | None:
    """:func:`proven_values` of one query: the proven value, or None where one ply proves nothing."""
    v = float(proven_values(np.asarray(board)[None], [to_move], [move], exact5)[0])
    return None if math.isnan(v) else v


# ------------------------------------------------------------------------------------ oracle objects
class Oracle:
    """The interface of a Gomoku reward oracle, as the env uses it.

    ``estimate(states, moves, budget, seeds)`` values each query ``(states[i], moves[i])`` (a
    :class:`~envs.gomoku.state.GomokuState` and a flat move index, legal) for the mover, with the budget
    ``budget`` (in the unit named by :attr:`budget_name`) and the seed ``seeds[i]``; it returns one
    :class:`~envs.core.Estimate` per query, or, for an oracle that can fail on one item (an external engine),
    an :class:`~envs.core.OracleFailure` naming the reason. ``close()`` releases what the oracle holds
    (processes); it may be called more than once.
    """

    #: the budget's name (the constructor argument that sets it)
    budget_name: str = "rollouts"
    #: the largest budget accepted
    max_budget: int = MAX_ROLLOUTS

    def estimate(self, states, moves, budget: int, seeds) -> list:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __getstate__(self):
        return dict(self.__dict__)


def _batch(states, moves, seeds):
    boards = np.stack([s.board for s in states]).astype(np.int8, copy=False)
    to_move = np.array([s.to_move for s in states], dtype=np.int64)
    return boards, to_move, np.asarray(moves, dtype=np.int64), np.asarray(seeds, dtype=np.int64)


class FlatOracle(Oracle):
    """Flat Monte Carlo (:func:`flat_mc`): the mean result of ``rollouts`` random playouts after the move.

    Only a move that completes five is exact (value 1, every playout a win); everything else, proven or
    not, is the random-play value the oracle estimates.
    """

    def __init__(self, exact5: bool = False, rollout_policy: str = "uniform") -> None:
        self.exact5 = bool(exact5)
        _check_policy(rollout_policy)
        self.rollout_policy = rollout_policy

    def estimate(self, states, moves, budget: int, seeds) -> list:
        from ..core import Estimate

        if not len(states):
            return []
        b, tm, mv, sd = _batch(states, moves, seeds)
        values, stderrs = flat_mc(b, tm, mv, int(budget), sd, exact5=self.exact5,
                                  rollout_policy=self.rollout_policy)
        out = []
        for s, m, v, e in zip(states, mv, values, stderrs):
            exact = bool(K.makes_five_k(s.board, int(m), int(s.to_move), self.exact5))
            out.append(Estimate(float(v), 0.0 if exact else float(e), int(budget), exact))
        return out

    def samples(self, state, move: int, budget: int, seed: int) -> np.ndarray:
        """The per-playout mover values behind :meth:`estimate` of one query (their mean is its value)."""
        return flat_mc_samples(state.board, state.to_move, int(move), int(budget), int(seed), self.exact5,
                               self.rollout_policy)


class UCTOracle(Oracle):
    """UCT search (:func:`uct`): the root value of a search of ``rollouts`` playouts after the move.

    A move proven by one ply (:func:`proven_values`) gets its proven value, exact, without a search.
    """

    def __init__(self, exact5: bool = False, c: float = DEFAULT_C, rollout_policy: str = "uniform") -> None:
        self.exact5 = bool(exact5)
        self.c = _check_c(c)
        _check_policy(rollout_policy)
        self.rollout_policy = rollout_policy

    def estimate(self, states, moves, budget: int, seeds) -> list:
        from ..core import Estimate

        if not len(states):
            return []
        b, tm, mv, sd = _batch(states, moves, seeds)
        values, stderrs = uct(b, tm, mv, int(budget), sd, exact5=self.exact5, c=self.c,
                              rollout_policy=self.rollout_policy)
        proven = K.proofs_k(b, tm, mv, self.exact5)
        return [Estimate(float(p), 0.0, int(budget), True) if p >= 0 else Estimate(float(v), float(e), int(budget))
                for v, e, p in zip(values, stderrs, proven)]
