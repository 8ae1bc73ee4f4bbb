"""The Gomoku task state and its serialised form.

A state is the move history in game order (black first) on a board of a given size under one rule, plus,
for positions of the tactical sets, the kind of tactic and the set of correct moves. The board, the side to
move and the last move all follow from the history, and the history is what a Gomocup engine is given.

Serialised form (``info["state"]``), readable and compact::

    gomoku:<size>:<free|exact5>:<moves>[:<kind>=<correct moves>]

    gomoku:9:free:E5,D4,F6
    gomoku:9:free:                        (the empty board)
    gomoku:9:free:E5,D4,E6,D6,E4,D7,E3,D5:win1=E2,E7

Points are written as in :mod:`envs.gomoku.text` (column letter, row number from the bottom).
:func:`decode_state` validates everything and raises ``ValueError`` naming the problem.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np

from . import rules
from .text import parse_point, point_index, point_name

__all__ = ["TACTIC_KINDS", "STATE_KINDS", "GomokuState", "encode_state", "decode_state"]

#: the kinds of tactical position whose correct moves one or two plies define (see :mod:`envs.gomoku.tactics`)
TACTIC_KINDS = ("win1", "block4", "open3")
#: every kind a state may carry: the tactical kinds and ``"vcf"`` (a win by continuous fours, whose correct
#: moves the threat-space solver proves; :func:`envs.gomoku.tactics.generate_vcf`)
STATE_KINDS = TACTIC_KINDS + ("vcf",)
_PREFIX = "gomoku"
_RULES = {"free": False, "exact5": True}
_EXAMPLE = "'gomoku:9:free:E5,D4,F6'"


@dataclass(frozen=True, eq=False)
class GomokuState:
    """A Gomoku position given by its history (immutable; the board is a read-only array).

    Attributes:
        size: the board size (5..19).
        moves: the flat move indices in game order, black first.
        exact5: the exact-five rule (an overline does not win) instead of free-style.
        kind: for tactical positions, ``"win1"``, ``"block4"`` or ``"open3"``; None otherwise.
        correct: for tactical positions, the flat indices of the correct moves; None otherwise.
        board: the ``(size, size)`` int8 board (0 empty, 1 black, 2 white), derived from ``moves``.
        to_move: the player to move (1 black, 2 white).
    """

    size: int
    moves: tuple[int, ...]
    exact5: bool = False
    kind: str | None = None
    correct: frozenset[int] | None = None
    board: np.ndarray = field(init=False, repr=False)
    to_move: int = field(init=False)

    def __post_init__(self) -> None:
        board, to_move = rules.board_from_moves(self.size, [int(m) for m in self.moves], self.exact5)
        board = np.ascontiguousarray(board, dtype=np.int8)
        board.setflags(write=False)
        object.__setattr__(self, "moves", tuple(int(m) for m in self.moves))
        object.__setattr__(self, "board", board)
        object.__setattr__(self, "to_move", int(to_move))
        if (self.kind is None) != (self.correct is None):
            raise ValueError("a tactical state needs both kind and correct (or neither)")
        if self.kind is not None and self.kind not in STATE_KINDS:
            raise ValueError(f"kind={self.kind!r} is not one of {STATE_KINDS}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GomokuState) and (self.size, self.moves, self.exact5, self.kind,
                                                    self.correct) == (other.size, other.moves, other.exact5,
                                                                      other.kind, other.correct)

    def __hash__(self) -> int:
        return hash((self.size, self.moves, self.exact5, self.kind, self.correct))

    @property
    def last_move(self) -> int | None:
        """The last move played, or None on the empty board."""
        return self.moves[-1] if self.moves else None

    @property
    def opponent(self) -> int:
        """The player who is not to move."""
        return rules.WHITE if self.to_move == rules.BLACK else rules.BLACK

    def empty_points(self) -> np.ndarray:
        """The flat indices of the empty points, ascending."""
        return np.flatnonzero(self.board.ravel() == rules.EMPTY)

    @cached_property
    def _winner(self) -> int:
        return int(rules.winner_of(self.board, self.exact5))

    def winner(self) -> int:
        """1 or 2 if that player has a winning line on the board, else 0."""
        return self._winner

    @cached_property
    def _result(self) -> int | None:
        return rules.game_result(self.board, None, self.exact5)

    def result(self) -> int | None:
        """The game's result: None while it goes on, 0 a draw (full board), 1 or 2 the winner."""
        return self._result

    @property
    def is_terminal(self) -> bool:
        """Is the game over (a winning line or a full board)."""
        return self._result is not None

    def play(self, move: int) -> "GomokuState":
        """The state after the side to move plays ``move`` (a plain, non-tactical state)."""
        return GomokuState(self.size, self.moves + (int(move),), self.exact5)


def encode_state(state: GomokuState) -> str:
    """The serialised form of ``state`` (see the module docstring)."""
    rule = "exact5" if state.exact5 else "free"
    text = f"{_PREFIX}:{state.size}:{rule}:" + ",".join(point_name(m, state.size) for m in state.moves)
    if state.kind is not None:
        text += f":{state.kind}=" + ",".join(point_name(m, state.size) for m in sorted(state.correct))
    return text


def _points(field_text: str, size: int, what: str, text: str) -> list[int]:
    out = []
    for item in field_text.split(",") if field_text.strip() else []:
        name = parse_point(item)
        idx = None if name is None else point_index(name, size)
        if idx is None:
            raise ValueError(f"state {text!r}: {what} {item!r} is not a point of the {size}x{size} board "
                             f"(points are written like 'E5': column letter, row number from the bottom)")
        out.append(idx)
    return out


def decode_state(text: str) -> GomokuState:
    """The state of a serialised string; raises ``ValueError`` naming what is wrong with it.

    Rejected: anything not of the form ``gomoku:<size>:<free|exact5>:<moves>[:<kind>=<moves>]``, a size
    outside 5..19, points off the board or played twice, a finished game (a winning line or a full board),
    an unknown tactic kind, and correct moves that are not empty points. Results are cached (a GRPO group
    decodes the same string many times), which is safe because states are immutable.
    """
    if not isinstance(text, str):
        raise ValueError(f"a Gomoku state must be a string such as {_EXAMPLE}, got {type(text).__name__}")
    return _decode(text)


@lru_cache(maxsize=4096)
def _decode(text: str) -> GomokuState:
    parts = text.strip().split(":")
    if len(parts) not in (4, 5) or parts[0] != _PREFIX:
        raise ValueError(f"state {text!r} is not a Gomoku state; expected "
                         f"'gomoku:<size>:<free|exact5>:<moves>[:<kind>=<moves>]', such as {_EXAMPLE}")
    try:
        size = int(parts[1])
    except ValueError:
        raise ValueError(f"state {text!r}: size {parts[1]!r} is not an integer") from None
    if not rules.MIN_SIZE <= size <= rules.MAX_SIZE:
        raise ValueError(f"state {text!r}: size {size} is outside {rules.MIN_SIZE}..{rules.MAX_SIZE}")
    if parts[2] not in _RULES:
        raise ValueError(f"state {text!r}: rule {parts[2]!r} is not one of {sorted(_RULES)}")
    exact5 = _RULES[parts[2]]
    moves = _points(parts[3], size, "move", text)
    seen: set[int] = set()
    for m in moves:
        if m in seen:
            raise ValueError(f"state {text!r}: point {point_name(m, size)} is played twice")
        seen.add(m)
    kind = correct = None
    if len(parts) == 5:
        kind, eq, correct_text = parts[4].partition("=")
        if not eq or kind not in STATE_KINDS:
            raise ValueError(f"state {text!r}: tactic {parts[4]!r} should be '<kind>=<moves>' with kind one "
                             f"of {STATE_KINDS}")
        correct = frozenset(_points(correct_text, size, "correct move", text))
        if not correct:
            raise ValueError(f"state {text!r}: a tactical state needs at least one correct move")
        taken = correct & seen
        if taken:
            raise ValueError(f"state {text!r}: correct move {point_name(min(taken), size)} is not empty")
    state = GomokuState(size, tuple(moves), exact5, kind, correct)
    won = state.winner()
    if won:
        raise ValueError(f"state {text!r} is a finished game ({'black' if won == 1 else 'white'} has a "
                         "winning line); pass a position in which a move is still to be made")
    if len(moves) == size * size:
        raise ValueError(f"state {text!r} is a finished game (the board is full)")
    return state
