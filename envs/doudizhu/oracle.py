"""Reward oracles for Dou Dizhu plays: flat Monte Carlo rollouts and UCT search, batched over queries.

A *query* is ``(state, play)``: the value, for the side to move, of making ``play`` in ``state`` (1 win,
0 loss). The budget is ``rollouts``.

* :func:`flat_mc` estimates the random-play value: the mover's win probability when both sides then play
  uniformly random legal plays. It is unbiased for :func:`envs.doudizhu.solvers.solve` with
  ``perfect=False``, and its variance falls as ``1 / rollouts``.
* :func:`uct` runs a UCT search of ``rollouts`` iterations (UCB1 selection, children created on a node's
  first selection, one uniform-random playout per iteration) from the position after the play and returns
  the mover's mean reward at the root; as the budget grows it moves from the random-play value towards the
  minimax value.

Both run in parallel over the queries (numba ``prange``; the thread count is numba's default or
``NUMBA_NUM_THREADS``). In a process forked from one whose numba OpenMP pool was running, batches run
serially on the calling thread (same results). Seeds are per query, and each query draws from one random
stream seeded by its seed: the first ``n`` playouts of budget ``2n`` are the playouts of budget ``n``
(common random numbers; for UCT the first ``n`` iterations of the search are the whole search of ``n``).
"""
from __future__ import annotations

import math
import numbers
from typing import Sequence

import numpy as np

from ..core.forking import serial_batches

from . import _kernels as K
from .cards import pack
from .moves import Play
from .state import DdzState

__all__ = ["DEFAULT_C", "flat_mc", "uct", "flat_samples", "batch_values"]

#: UCB1 exploration constant of :func:`uct` (rewards in [0, 1])
DEFAULT_C = 0.7


def _check_rollouts(rollouts) -> int:
    if isinstance(rollouts, bool) or not isinstance(rollouts, (int, np.integer)) or int(rollouts) < 1:
        raise ValueError(f"rollouts must be a positive integer, got {rollouts!r}; e.g. rollouts=256")
    return int(rollouts)


def _check_c(c) -> float:
    if not isinstance(c, numbers.Real) or isinstance(c, bool) or not math.isfinite(c) or c < 0:
        raise ValueError(f"c must be a finite non-negative number, got {c!r}; the default is {DEFAULT_C}")
    return float(c)


def _arrays(states: Sequence[DdzState], plays: Sequence[Play], seeds):
    n = len(states)
    if len(plays) != n:
        raise ValueError(f"got {n} states but {len(plays)} plays; pass one play per state")
    sd = np.asarray(seeds)
    if sd.shape != (n,) or (n and sd.dtype.kind not in "iu"):
        raise ValueError(f"seeds must hold one integer per query ({n}), got {seeds!r}")
    if n and sd.dtype.kind == "i" and sd.min() < 0:
        raise ValueError("seeds must be non-negative integers")
    h0 = np.empty(n, np.int64)
    h1 = np.empty(n, np.int64)
    tm = np.empty(n, np.int64)
    cards = np.empty(n, np.int64)
    meta = np.empty(n, np.int64)
    flags = None
    for i, (s, p) in enumerate(zip(states, plays)):
        if not isinstance(s, DdzState) or not isinstance(p, Play):
            raise ValueError(f"query {i} must be a (DdzState, Play) pair, got ({type(s).__name__}, "
                             f"{type(p).__name__})")
        if flags is None:
            flags = s.flags
        elif s.flags != flags:
            raise ValueError("every state of one batch must use the same rule variant")
        if s.legal_by_text().get(p.text) != p:
            raise ValueError(f"query {i}: play {p.text!r} is not legal in state (to move {s.seat}); value only "
                             "legal plays")
        h0[i] = pack(s.hands[0])
        h1[i] = pack(s.hands[1])
        tm[i] = s.to_move
        cards[i] = p.packed
        meta[i] = p.meta
    return h0, h1, tm, cards, meta, sd.astype(np.int64).view(np.uint64) if n else np.empty(0, np.uint64), \
        (flags or 0)


def batch_values(states, plays, rollouts: int, seeds, use_uct: bool = False, c: float = DEFAULT_C):
    """``(values, stderrs, plays_made)`` of the queries: flat Monte Carlo, or UCT if ``use_uct``."""
    r = _check_rollouts(rollouts)
    cc = _check_c(c)
    h0, h1, tm, cards, meta, sd, flags = _arrays(states, plays, seeds)
    n = h0.shape[0]
    values = np.empty(n)
    stderrs = np.empty(n)
    made = np.zeros(n, np.int64)
    if n:
        kernel = K.values_serial_k if serial_batches() else K.values_k
        kernel(h0, h1, tm, cards, meta, r, np.ascontiguousarray(sd), np.int64(flags), bool(use_uct), cc, values,
               stderrs, made)
    return values, stderrs, made


def flat_mc(states, plays, rollouts: int, seeds):
    """Flat Monte Carlo values ``(values, stderrs)``: the mean result of ``rollouts`` uniform-random games
    after each play (the opponent first); stderr = sample standard deviation / sqrt(rollouts). A play that
    empties the mover's hand is worth exactly 1."""
    v, e, _ = batch_values(states, plays, rollouts, seeds, False)
    return v, e


def uct(states, plays, rollouts: int, seeds, c: float = DEFAULT_C):
    """UCT values ``(values, stderrs)``: the mover's mean reward at the root of a ``rollouts``-iteration
    search from the position after each play (stderr as if the root's rewards were independent: a rough
    guide only)."""
    v, e, _ = batch_values(states, plays, rollouts, seeds, True, c)
    return v, e


def flat_samples(state: DdzState, play: Play, rollouts: int, seed: int) -> np.ndarray:
    """The per-playout results (1.0 / 0.0) behind :func:`flat_mc` for one query, in playout order."""
    r = _check_rollouts(rollouts)
    h0, h1, tm, cards, meta, sd, flags = _arrays([state], [play], [seed])
    return K.flat_samples_k(h0[0], h1[0], tm[0], cards[0], meta[0], r, sd[0], np.int64(flags))
