"""Gomoku rules: boards, five-in-a-row detection and uniform-random playouts (numba kernels).

Conventions (shared by every Gomoku module): a board is a C-contiguous ``numpy.int8`` array of shape
``(S, S)`` with ``S`` in ``MIN_SIZE..MAX_SIZE``; ``EMPTY`` (0), ``BLACK`` (1, moves first, shown as X) and
``WHITE`` (2, shown as O). A move is the flat index ``r * S + c``. ``exact5=False`` is free-style (five or
more in a row wins); ``exact5=True`` wins only with exactly five (an overline does not win). A game result
is ``0`` (draw: board full), ``1`` (black won) or ``2`` (white won).

The functions here validate their input and call private ``@njit(cache=True)`` kernels in
``envs.gomoku._kernels``; the kernels compile on first use and are loaded from the on-disk cache by later
processes. Seeds are explicit arguments: the same seed gives the same playouts.
"""
from __future__ import annotations

import numbers
from typing import Sequence

import numpy as np

from . import _kernels as K

__all__ = [
    "EMPTY",
    "BLACK",
    "WHITE",
    "MIN_SIZE",
    "MAX_SIZE",
    "check_size",
    "check_board",
    "check_player",
    "check_seed",
    "makes_five",
    "winning_moves",
    "winner_of",
    "game_result",
    "board_from_moves",
    "random_playout",
    "random_playouts",
]

EMPTY, BLACK, WHITE = 0, 1, 2
MIN_SIZE, MAX_SIZE = 5, 19


def _is_int(x) -> bool:
    return isinstance(x, numbers.Integral) and not isinstance(x, (bool, np.bool_))


def check_size(size) -> int:
    """Return ``size`` as an ``int`` if it is a valid board size, else raise ``ValueError``."""
    if not _is_int(size) or not MIN_SIZE <= int(size) <= MAX_SIZE:
        raise ValueError(
            f"board size must be an integer in {MIN_SIZE}..{MAX_SIZE}, got {size!r}; "
            f"pass e.g. size=9 or size=15"
        )
    return int(size)


def check_board(board, name: str = "board") -> np.ndarray:
    """Validate a board and return it as a C-contiguous ``int8`` array (a copy only if needed).

    Raises ``ValueError`` naming the problem (shape, size or a cell value other than 0, 1, 2).
    """
    arr = np.asarray(board)
    if arr.ndim != 2 or arr.shape[0] != arr.shape[1]:
        raise ValueError(f"{name} must be a square 2-D array of shape (S, S), got shape {arr.shape}")
    check_size(arr.shape[0])
    if arr.dtype.kind not in "iub":
        raise ValueError(f"{name} must hold integers 0 (empty), 1 (black), 2 (white), got dtype {arr.dtype}")
    if arr.size and (arr.min() < 0 or arr.max() > 2):
        bad = arr[(arr < 0) | (arr > 2)].ravel()[0]
        raise ValueError(f"{name} cells must be 0 (empty), 1 (black) or 2 (white), found {int(bad)}")
    return np.ascontiguousarray(arr, dtype=np.int8)


def check_player(player, name: str = "player") -> int:
    """Return ``player`` as an ``int`` if it is ``BLACK`` (1) or ``WHITE`` (2), else raise ``ValueError``."""
    if not _is_int(player) or int(player) not in (BLACK, WHITE):
        raise ValueError(f"{name} must be 1 (black) or 2 (white), got {player!r}")
    return int(player)


def check_seed(seed, name: str = "seed") -> np.uint64:
    """Return an integer seed as the ``uint64`` the kernels take (its two's-complement bits if negative)."""
    if not _is_int(seed):
        raise ValueError(f"{name} must be an integer, got {seed!r}")
    return np.uint64(int(seed) & 0xFFFFFFFFFFFFFFFF)


def _check_move(board: np.ndarray, move, name: str = "move") -> int:
    s = board.shape[0]
    if not _is_int(move) or not 0 <= int(move) < s * s:
        raise ValueError(f"{name} must be a flat index r * {s} + c in 0..{s * s - 1}, got {move!r}")
    move = int(move)
    if board.flat[move] != EMPTY:
        raise ValueError(
            f"{name} {move} (row {move // s}, column {move % s}) is occupied; choose an empty point"
        )
    return move


def makes_five(board, move: int, player: int, exact5: bool = False) -> bool:
    """Would ``player``'s stone on the empty point ``move`` complete a winning line.

    Only the lines through ``move`` are examined (the rest of the board is not checked for a winner).
    """
    b = check_board(board)
    m = _check_move(b, move)
    return bool(K.makes_five_k(b, m, check_player(player), bool(exact5)))


def winning_moves(board, player: int, exact5: bool = False) -> np.ndarray:
    """All empty points (ascending flat indices) where ``player`` would complete a winning line."""
    b = check_board(board)
    return K.winning_moves_k(b, check_player(player), bool(exact5))


def winner_of(board, exact5: bool = False) -> int:
    """Full scan: 1 or 2 if that player has a winning line on ``board``, else 0.

    If both players have one (impossible in a game played by the rules) black (1) is reported.
    """
    return int(K.winner_k(check_board(board), bool(exact5)))


def game_result(board, last_move: int | None = None, exact5: bool = False) -> int | None:
    """The result of the game on ``board``: None while it goes on, else 0 (a draw: the board is full with no
    winning line) or 1 / 2 (that player has a winning line).

    With ``last_move`` (a flat index holding a stone), only the lines through it are examined: the position
    before it must have had no winning line, as in a game played by the rules. Without it, the whole board is
    scanned (:func:`winner_of`).
    """
    b = check_board(board)
    s = b.shape[0]
    if last_move is None:
        won = int(K.winner_k(b, bool(exact5)))
    else:
        if not _is_int(last_move) or not 0 <= int(last_move) < s * s or b.flat[int(last_move)] == EMPTY:
            raise ValueError(f"last_move must be the flat index of a stone on the board, got {last_move!r}")
        m = int(last_move)
        player = int(b.flat[m])
        b2 = b.copy()
        b2.flat[m] = EMPTY
        won = player if K.makes_five_k(b2, m, player, bool(exact5)) else 0
    if won:
        return won
    if not (b == EMPTY).any():
        return 0
    return None


def board_from_moves(size: int, moves: Sequence[int], exact5: bool = False) -> tuple[np.ndarray, int]:
    """Play ``moves`` (flat indices, alternately from black) on an empty board: ``(board, to_move)``.

    Raises ``ValueError`` for an index off the board, a point played twice, or a move after a player has
    completed a winning line (the game was over). ``to_move`` is the player to move next.
    """
    s = check_size(size)
    board = np.zeros((s, s), np.int8)
    mv = list(moves) if not isinstance(moves, np.ndarray) else moves.tolist()
    player = BLACK
    over = False
    for i, m in enumerate(mv):
        if over:
            raise ValueError(
                f"move #{i} ({m!r}) comes after the game ended with a win at move #{i - 1}; "
                "truncate the move list at the winning move"
            )
        m = _check_move(board, m, name=f"move #{i}")
        over = bool(K.makes_five_k(board, m, player, bool(exact5)))
        board.flat[m] = player
        player = 3 - player
    return board, player


def random_playouts(board, to_move: int, n: int, seed: int, exact5: bool = False) -> np.ndarray:
    """Results (``int8``: 0 draw, 1 black, 2 white) of ``n`` uniform-random playouts from ``board``.

    ``to_move`` moves first. Each playout places stones on uniformly random empty points, alternately,
    until a stone completes a winning line or the board is full. All ``n`` playouts come from one random
    stream seeded by ``seed``, so the first ``k`` results of ``n`` are the results of ``k``. A board that
    already has a winning line gives that winner for every playout.
    """
    b = check_board(board)
    p = check_player(to_move, "to_move")
    if not _is_int(n) or int(n) < 0:
        raise ValueError(f"n must be a non-negative integer number of playouts, got {n!r}")
    done = int(K.winner_k(b, bool(exact5)))
    if done:
        return np.full(int(n), done, np.int8)
    return K.playouts_k(b, p, int(n), check_seed(seed), bool(exact5))


def random_playout(board, to_move: int, seed: int, exact5: bool = False) -> int:
    """One uniform-random playout from ``board`` (``to_move`` first) to the end: 0 draw, 1 or 2 the winner."""
    return int(random_playouts(board, to_move, 1, seed, exact5)[0])
