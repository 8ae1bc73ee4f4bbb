"""Seeded endgame positions: random deals filtered so that the choice matters, and a tactical set.

* ``"deal"``: seat A gets ``sizes[0]`` cards and seat B ``sizes[1]`` from a shuffled 54-card deck; A leads.
  A deal is kept when its plays do not all have the same exact value under the chosen truth (minimax: at
  least one winning and one losing play; random play: values that differ by more than ``1e-9``) and, if
  ``max_winning`` is set, when at most that many plays win under minimax (the difficulty knob: 1 keeps only
  positions with a single winning play). Positions beyond the solvers' limits are kept without the filter.
* ``"single"``: a deal in which every winning play is a solo (a single card) while the mover also holds at
  least one combination of two or more cards -- the positions where only a line of single cards wins,
  and where playing a combination (what random-play rewards favour) loses.

Each position depends only on its kind and seed (rejection sampling from ``numpy.random.default_rng(seed)``).
"""
from __future__ import annotations

import numpy as np

from . import _kernels as K
from . import solvers
from .state import DdzState

__all__ = ["KINDS", "MAX_TRIES", "deal", "generate"]

KINDS = ("deal", "single")
MAX_TRIES = 20000
_DECK = np.array([r for r in range(13) for _ in range(4)] + [13, 14], dtype=np.int64)


def deal(rng: np.random.Generator, sizes: tuple[int, int], rules: str = "strict") -> DdzState:
    """A random deal: A holds ``sizes[0]`` cards, B ``sizes[1]``, A leads."""
    perm = rng.permutation(_DECK)
    a = np.bincount(perm[:sizes[0]], minlength=15)
    b = np.bincount(perm[sizes[0]:sizes[0] + sizes[1]], minlength=15)
    return DdzState((tuple(int(x) for x in a), tuple(int(x) for x in b)), 0, None, rules)


def _keep(state: DdzState, kind: str, perfect: bool, max_winning: int | None) -> bool:
    plays = state.legal()
    if len(plays) < 2:
        return False
    need_minimax = kind == "single" or max_winning is not None or perfect
    if need_minimax and not solvers.solvable(state, True):
        return kind == "deal"
    if need_minimax:
        mm, _, _ = solvers.solve(state, plays, perfect=True)
        wins = [p for p, v in zip(plays, mm) if v == 1.0]
        if not wins or len(wins) == len(plays):
            return False
        if max_winning is not None and len(wins) > max_winning:
            return False
        if kind == "single":
            if any(p.type != K.SOLO for p in wins) or all(p.type == K.SOLO for p in plays):
                return False
    if not perfect:
        if not solvers.solvable(state, False):
            return True
        rv, _, _ = solvers.solve(state, plays, perfect=False)
        return float(rv.max() - rv.min()) > 1e-9
    return True


def generate(kind: str, seed: int, sizes: tuple[int, int], rules: str = "strict", truth: str = "minimax",
             max_winning: int | None = None) -> DdzState:
    """The position of task id ``"<kind>/<seed>"`` (see the module docstring)."""
    if kind not in KINDS:
        raise ValueError(f"kind={kind!r} is not one of {KINDS}")
    rng = np.random.default_rng(seed)
    perfect = truth == "minimax"
    for _ in range(MAX_TRIES):
        state = deal(rng, sizes, rules)
        if _keep(state, kind, perfect, max_winning):
            return DdzState(state.hands, 0, None, rules, "single" if kind == "single" else None)
    raise ValueError(f"no {kind!r} position with hands of {sizes[0]} and {sizes[1]} cards"
                     f"{'' if max_winning is None else f' and at most {max_winning} winning plays'} in "
                     f"{MAX_TRIES} deals from seed {seed}; use other sizes or a larger max_winning")
