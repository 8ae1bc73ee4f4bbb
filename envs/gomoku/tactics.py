"""Tactical Gomoku positions with exact answers, and the pure-Python analysis that proves them.

Three kinds, each defined for the player to move (the *mover*) by what the mover and the *opponent* could
do with one stone. A *five point* of a player is an empty point where that player's stone would complete a
winning line under the rule in force (five or more in a row; exactly five under ``exact5``).

``"win1"`` -- win in one.
    The mover has at least one five point. Correct moves: every five point of the mover (each wins at once).

``"block4"`` -- must block a four.
    The mover has no five point and the opponent has at least one. Correct moves: the points after which
    the opponent has no five point any more. Every other move loses at once (the opponent completes five);
    generated positions have exactly one correct move.

``"open3"`` -- make an open four.
    Neither side has a five point, and the mover has a three that one stone turns into an open four.
    Correct moves: the points after which the mover has two or more five points (an open four such as
    ``.XXXX.``, or a double four). Each is a proven win: the opponent has no five to make, can take at most
    one of the mover's five points, and the mover completes five with another on the next move.

Generation (:func:`generate`) is seeded and deterministic: a realistic opening from
:func:`envs.gomoku.positions.selfplay_moves`, then the pattern (four stones in a five-point window for
``win1`` / ``block4``, three stones inside a six-point window with both ends empty for ``open3``) played
alternately with as many stones of the other side near it, so the position is a legal game history with the
mover to move. Candidates that do not meet the kind's definition are discarded and drawn again; the correct
set is always computed by :func:`correct_moves`, never assumed from the pattern.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import positions, rules
from .state import TACTIC_KINDS

__all__ = ["OPEN3_MIN_SIZE", "TacticalPosition", "generate", "generate_vcf", "five_points", "correct_moves",
           "makes_five_py"]

_DIRS = ((0, 1), (1, 0), (1, 1), (1, -1))
_ATTEMPTS = 200
#: the smallest board with room for an open four (six points in a line)
OPEN3_MIN_SIZE = 6


@dataclass(frozen=True)
class TacticalPosition:
    """A generated tactical position: its game history, its correct moves and its kind."""

    moves: tuple[int, ...]
    correct: frozenset[int]
    kind: str


# ------------------------------------------------------------------------------ pure-Python analysis
def makes_five_py(cells: list[int], size: int, move: int, player: int, exact5: bool) -> bool:
    """Would ``player``'s stone on ``move`` complete a winning line (flat list ``cells``; pure Python)."""
    r0, c0 = divmod(move, size)
    for dr, dc in _DIRS:
        n = 1
        for sign in (1, -1):
            r, c = r0 + sign * dr, c0 + sign * dc
            while 0 <= r < size and 0 <= c < size and cells[r * size + c] == player:
                n += 1
                r += sign * dr
                c += sign * dc
        if n == 5 or (n > 5 and not exact5):
            return True
    return False


def five_points(cells: list[int], size: int, player: int, exact5: bool) -> frozenset[int]:
    """All five points of ``player``: empty points where one stone completes a winning line."""
    return frozenset(i for i, v in enumerate(cells)
                     if v == rules.EMPTY and makes_five_py(cells, size, i, player, exact5))


def _near_lines(size: int, move: int, reach: int) -> list[int]:
    """The points on the four lines through ``move`` within ``reach`` steps (``move`` excluded)."""
    r0, c0 = divmod(move, size)
    out = []
    for dr, dc in _DIRS:
        for k in range(-reach, reach + 1):
            r, c = r0 + k * dr, c0 + k * dc
            if k and 0 <= r < size and 0 <= c < size:
                out.append(r * size + c)
    return out


def _five_points_after(cells: list[int], size: int, before: frozenset[int], move: int, stone: int,
                       player: int, exact5: bool) -> frozenset[int]:
    """``player``'s five points after ``stone`` is put on ``move``, given those before (``before``).

    A stone on ``move`` changes whether a point is a five point only if the point lies on a line through
    ``move`` within 5 steps (a run of five through the point plus the cell beyond its end), so only those
    points are re-examined.
    """
    cells[move] = stone
    try:
        out = set(before)
        out.discard(move)
        for q in _near_lines(size, move, 5):
            if cells[q] != rules.EMPTY:
                continue
            if makes_five_py(cells, size, q, player, exact5):
                out.add(q)
            else:
                out.discard(q)
        return frozenset(out)
    finally:
        cells[move] = rules.EMPTY


def correct_moves(board: np.ndarray, to_move: int, kind: str, exact5: bool = False) -> frozenset[int]:
    """The correct moves of ``kind`` for ``to_move`` on ``board`` (empty if the position is not of that kind).

    See the module docstring for the definitions. Pure Python, independent of the numba kernels.
    """
    if kind not in TACTIC_KINDS:
        raise ValueError(f"kind={kind!r} is not one of {TACTIC_KINDS}")
    size = board.shape[0]
    cells = [int(v) for v in np.asarray(board).ravel()]
    mover, opp = to_move, 3 - to_move
    mine = five_points(cells, size, mover, exact5)
    if kind == "win1":
        return mine
    if mine:
        return frozenset()
    theirs = five_points(cells, size, opp, exact5)
    empty = [i for i, v in enumerate(cells) if v == rules.EMPTY]
    if kind == "block4":
        if not theirs:
            return frozenset()
        return frozenset(m for m in empty if not _five_points_after(cells, size, theirs, m, mover, opp, exact5))
    if theirs:  # open3: nobody may have a five point
        return frozenset()
    return frozenset(m for m in empty if len(_five_points_after(cells, size, mine, m, mover, mover, exact5)) >= 2)


# ------------------------------------------------------------------------------------- generation
def _base_range(size: int) -> tuple[int, int]:
    """How many opening stones a tactical position starts from (before its pattern is added)."""
    return 2, max(2, size * size // 8)


def _windows(cells: list[int], size: int, length: int) -> list[list[int]]:
    """Every line segment of ``length`` points that lies on the board and is entirely empty."""
    out = []
    for r in range(size):
        for c in range(size):
            for dr, dc in _DIRS:
                r1, c1 = r + (length - 1) * dr, c + (length - 1) * dc
                if not (0 <= r1 < size and 0 <= c1 < size):
                    continue
                seg = [(r + k * dr) * size + c + k * dc for k in range(length)]
                if all(cells[p] == rules.EMPTY for p in seg):
                    out.append(seg)
    return out


def _near(cells: list[int], size: int, seg: list[int], dist: int) -> list[int]:
    """Empty points within Chebyshev distance ``dist`` of the segment, not on it."""
    segset = set(seg)
    out = set()
    for p in seg:
        r0, c0 = divmod(p, size)
        for r in range(max(0, r0 - dist), min(size, r0 + dist + 1)):
            for c in range(max(0, c0 - dist), min(size, c0 + dist + 1)):
                q = r * size + c
                if q not in segset and cells[q] == rules.EMPTY:
                    out.add(q)
    return sorted(out)


def _candidate(kind: str, size: int, base: list[int], rng: np.random.Generator, exact5: bool) -> list[int] | None:
    """One attempt: ``base`` plus the kind's pattern and the other side's stones, or None."""
    cells = [rules.EMPTY] * (size * size)
    for i, m in enumerate(base):
        cells[m] = rules.BLACK if i % 2 == 0 else rules.WHITE
    mover = rules.BLACK if len(base) % 2 == 0 else rules.WHITE
    length = 6 if kind == "open3" else 5
    windows = _windows(cells, size, length)
    if not windows:
        return None
    seg = windows[int(rng.integers(len(windows)))]
    if kind == "open3":  # three of the four inner points; both ends stay empty
        inner = seg[1:5]
        pattern = [inner[i] for i in sorted(rng.choice(4, size=3, replace=False))]
    else:  # four of the five points
        pattern = [seg[i] for i in sorted(rng.choice(5, size=4, replace=False))]
    others = _near(cells, size, seg, 2)
    if len(others) < len(pattern):
        return None
    others = [others[i] for i in rng.choice(len(others), size=len(pattern), replace=False)]
    pattern = [pattern[i] for i in rng.permutation(len(pattern))]
    owner_first = kind != "block4"  # the mover owns the pattern in win1 and open3
    mine, theirs = (pattern, others) if owner_first else (others, pattern)
    moves = list(base)
    player = mover
    for a, b in zip(mine, theirs):
        for m in (a, b):
            if makes_five_py(cells, size, m, player, exact5):
                return None
            cells[m] = player
            moves.append(m)
            player = 3 - player
    return moves


def generate(kind: str, size: int, seed: int, exact5: bool = False) -> TacticalPosition:
    """A tactical position of ``kind`` (``"win1"``, ``"block4"``, ``"open3"``) on a ``size`` board.

    Deterministic in ``(kind, size, seed, exact5)``; ``seed`` is any integer >= 0.
    """
    if kind not in TACTIC_KINDS:
        raise ValueError(f"kind={kind!r} is not one of {TACTIC_KINDS}")
    size = rules.check_size(size)
    if kind == "open3" and size < OPEN3_MIN_SIZE:
        raise ValueError(f"kind='open3' needs a board of at least {OPEN3_MIN_SIZE}x{OPEN3_MIN_SIZE} (an open "
                         f"four spans six points), got size={size}; use a larger board or another kind")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed={seed!r} must be an integer >= 0")
    rng = np.random.default_rng([int(seed), TACTIC_KINDS.index(kind), size, int(bool(exact5))])
    lo, hi = _base_range(size)
    for _ in range(_ATTEMPTS):
        n_base = int(rng.integers(lo, hi + 1))
        base = [int(m) for m in positions.selfplay_moves(size, n_base, int(rng.integers(2**31)), exact5=exact5)]
        moves = _candidate(kind, size, base, rng, exact5)
        if moves is None:
            continue
        board, to_move = rules.board_from_moves(size, moves, exact5)
        if rules.winner_of(board, exact5):
            continue
        correct = correct_moves(board, to_move, kind, exact5)
        if correct:
            return TacticalPosition(tuple(moves), correct, kind)
    raise RuntimeError(f"no {kind} position found on a {size}x{size} board for seed {seed} after {_ATTEMPTS} "
                       "attempts; try another seed")


def generate_vcf(size: int, seed: int, exact5: bool = False) -> TacticalPosition:
    """A position (kind ``"vcf"``) in which the mover wins by continuous fours, from noisy self-play.

    Neither side has a point that completes five (so it is no ``win1`` / ``block4`` position), and the mover
    has a VCF (:func:`envs.gomoku.solver.vcf`). Correct moves: every empty point that the threat-space solver
    proves winning (:func:`envs.gomoku.solver.proven_values` = 1): the first moves of a VCF and any other
    threat that every reply loses to. Unlike the other kinds, the correct set comes from the numba solver (the
    tests check it against a pure-Python VCF and minimax). Deterministic in ``(size, seed, exact5)``.
    """
    from . import solver

    size = rules.check_size(size)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed={seed!r} must be an integer >= 0")
    rng = np.random.default_rng([int(seed), 99, size, int(bool(exact5))])
    lo, hi = max(6, size), max(8, size * size // 3)
    for _ in range(_ATTEMPTS * 5):
        n = int(rng.integers(lo, hi + 1))
        try:
            moves = [int(m) for m in positions.selfplay_moves(size, n, int(rng.integers(2**31)), noise=0.3,
                                                              exact5=exact5)]
        except ValueError:
            continue
        board, to_move = rules.board_from_moves(size, moves, exact5)
        if len(rules.winning_moves(board, to_move, exact5)) or len(rules.winning_moves(board, 3 - to_move, exact5)):
            continue
        if solver.vcf(board, to_move, exact5) is None:
            continue
        empty = np.flatnonzero(board.ravel() == rules.EMPTY)
        proven = solver.proven_values(np.repeat(board[None], len(empty), 0), [to_move] * len(empty), empty, exact5)
        correct = frozenset(int(m) for m, v in zip(empty, proven) if v == 1.0)
        if correct:
            return TacticalPosition(tuple(moves), correct, "vcf")
    raise RuntimeError(f"no vcf position found on a {size}x{size} board for seed {seed}; try another seed")
