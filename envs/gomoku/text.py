"""Gomoku as text: coordinates, the board grid and the prompt (an observer, apart from the rules).

Coordinates
-----------
A point is named by its column letter and its row number, as on a real board and in renju notation:
columns are the consecutive letters ``A, B, C, ...`` from left to right (no letter is skipped, so a 15x15
board runs A..O and its centre is H8), rows are numbered ``1..S`` from the bottom up. Array row ``r`` of a
board of size ``S`` is shown as row number ``S - r`` (the first array row is the top line of the grid), and
the flat move index is ``r * S + c``.

Parsing (:func:`parse_point`) is forgiving about form and strict about content: a letter and a number in
either order, any case, with optional spaces (``"H8"``, ``"h8"``, ``"8H"``, ``" h 8 "``) give the canonical
``"H8"``; anything else (two letters, no number, three digits, extra words) is not a point at all and gives
None (a format error). A well-formed point outside the board (``"Z9"``, ``"A0"``, ``"A12"`` on 9x9) keeps its
canonical form and is simply not legal: the env scores it as an illegal move, not as a format error.
"""
from __future__ import annotations

import re

import numpy as np

from .rules import BLACK, EMPTY, WHITE

__all__ = [
    "STONE_GLYPHS", "column_letters", "point_name", "parse_point", "point_index", "render_board",
    "player_name", "rules_text", "render_position",
]

#: the glyph of each point state on the grid
STONE_GLYPHS = {EMPTY: ".", BLACK: "X", WHITE: "O"}
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LETTER_FIRST = re.compile(r"^\s*([A-Za-z])\s*([0-9]{1,2})\s*$")
_NUMBER_FIRST = re.compile(r"^\s*([0-9]{1,2})\s*([A-Za-z])\s*$")


def column_letters(size: int) -> str:
    """The column letters of a board of ``size`` columns, left to right (``"ABCDEFGHI"`` for 9)."""
    return _LETTERS[:size]


def point_name(move: int, size: int) -> str:
    """The canonical name of the flat index ``move`` on a ``size`` board (``40`` on 9x9 is ``"E5"``)."""
    r, c = divmod(int(move), size)
    return f"{_LETTERS[c]}{size - r}"


def parse_point(text: str) -> str | None:
    """The canonical form (``"H8"``) of a written point, or None if ``text`` is not a point at all.

    The result may lie off the board; :func:`point_index` tells whether it is on a given board.
    """
    if not isinstance(text, str):
        return None
    m = _LETTER_FIRST.match(text)
    if m:
        letter, number = m.group(1), m.group(2)
    else:
        m = _NUMBER_FIRST.match(text)
        if not m:
            return None
        number, letter = m.group(1), m.group(2)
    return f"{letter.upper()}{int(number)}"


def point_index(name: str, size: int) -> int | None:
    """The flat index of a canonical point name on a ``size`` board, or None if it is off the board."""
    col = _LETTERS.find(name[:1])
    try:
        row = int(name[1:])
    except ValueError:
        return None
    if not (0 <= col < size and 1 <= row <= size):
        return None
    return (size - row) * size + col


def player_name(player: int) -> str:
    """``"X (black)"`` or ``"O (white)"``."""
    return "X (black)" if player == BLACK else "O (white)"


def render_board(board: np.ndarray) -> str:
    """The grid: column letters above and below, row numbers on both sides, X / O / . for the points."""
    size = board.shape[0]
    width = len(str(size))
    letters = " " * (width + 1) + " ".join(column_letters(size))
    lines = [letters]
    for r in range(size):
        num = str(size - r).rjust(width)
        row = " ".join(STONE_GLYPHS[int(v)] for v in board[r])
        lines.append(f"{num} {row} {num}")
    lines.append(letters)
    return "\n".join(lines)


def rules_text(size: int, exact5: bool) -> str:
    """One paragraph of rules for the prompt."""
    win = ("exactly five stones in an unbroken line (across, down or diagonal) wins; six or more do not"
           if exact5 else "five or more stones in an unbroken line (across, down or diagonal) wins")
    last = column_letters(size)[-1]
    return (f"Gomoku on a {size}x{size} board. Black (X) and white (O) take turns placing one stone on an "
            f"empty point; black moves first. {win[0].upper() + win[1:]}. "
            f"Columns are letters A-{last} from left to right, rows are numbers 1-{size} from bottom to top.")


def render_position(board: np.ndarray, to_move: int, last_move: int | None, exact5: bool,
                    answer_example: str, result: str | None = None) -> str:
    """The user turn: rules in one line, the grid, the stone counts, the last move and what to answer.

    ``result`` replaces the question when the game is over (game mode's final observation).
    """
    size = board.shape[0]
    rule = "exact five (an overline of six or more does not win)" if exact5 else "free-style (five or more wins)"
    n_black = int(np.count_nonzero(board == BLACK))
    n_white = int(np.count_nonzero(board == WHITE))
    lines = [f"Gomoku {size}x{size}, {rule}.", "", render_board(board), ""]
    lines.append(f"Stones: X (black) {n_black}, O (white) {n_white}.")
    if last_move is None:
        lines.append("Last move: none (the board is empty).")
    else:
        lines.append(f"Last move: {player_name(int(board.flat[last_move]))} at {point_name(last_move, size)}.")
    if result is not None:
        lines.append(result)
    else:
        lines.append(f"You play {player_name(to_move)}. Choose an empty point and answer like {answer_example}.")
    return "\n".join(lines)
