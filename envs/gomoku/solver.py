"""A threat-space solver for Gomoku (numba): victory by continuous fours (VCF), and move values it proves.

* :func:`vcf` -- for the side to move, a win by continuous fours: every move of the attacker makes a *four*
  (leaves it a point that completes five), so the defender's reply is forced (the one point that completes
  the five; two such points and the attacker wins). A five point of the defender must be blocked by the
  attacker's four, two of them end the line. Found within ``depth`` fours and ``max_nodes`` search nodes;
  no proof is claimed beyond them (``None``), never a wrong one.
* :func:`proven_values` -- the value of a move where the solver proves it, for the mover: the one-ply proof
  of :func:`envs.gomoku.oracle.proven_values` first; then **0** if after the move the opponent (to move) has a
  VCF (the move lets it stand), and **1** if the move is a threat -- the mover would have a VCF if the
  opponent passed -- and after *every* reply of the opponent the mover has a VCF. The second covers fours,
  open threes, four-threes and any other single threat that continuous fours finish (a VCT of one threat).
  Everything else is NaN (unproven).

Both rules: free-style (five or more wins) and exact five (``exact5=True``: an overline does not win, so a
point that would make six is not a five point). The kernels are ``_vcf`` / ``_deep_proof`` in
``envs.gomoku._kernels``; a pure-Python reference of the same definitions lives in the tests.
"""
from __future__ import annotations

import numpy as np

from . import _kernels as K
from .rules import _is_int, check_board, check_player

__all__ = ["DEFAULT_DEPTH", "DEFAULT_NODES", "vcf", "proven_values"]

#: the largest number of the attacker's fours in a VCF line searched by default
DEFAULT_DEPTH = 20
#: the node budget of one VCF search by default (about 10-20 us per node on 15x15)
DEFAULT_NODES = 20_000


def _check_limits(depth, max_nodes):
    if not _is_int(depth) or not 0 <= int(depth) <= 225:
        raise ValueError(f"depth must be an integer in 0..225 (fours in a line), got {depth!r}; "
                         f"the default is {DEFAULT_DEPTH}")
    if not _is_int(max_nodes) or not 1 <= int(max_nodes) <= 10**9:
        raise ValueError(f"max_nodes must be an integer in 1..10**9, got {max_nodes!r}; the default is "
                         f"{DEFAULT_NODES}")
    return int(depth), int(max_nodes)


def vcf(board, player: int, exact5: bool = False, depth: int = DEFAULT_DEPTH,
        max_nodes: int = DEFAULT_NODES) -> int | None:
    """The first move (flat index) of a VCF for ``player``, to move on ``board``, or None if none is found.

    A move that completes five at once counts (a VCF of length zero). The board must have no winning line.
    """
    b = check_board(board)
    p = check_player(player)
    d, n = _check_limits(depth, max_nodes)
    if K.winner_k(b, bool(exact5)):
        raise ValueError("board already has a winning line (the game is over); there is nothing to solve")
    move, _ = K.vcf_k(b, p, bool(exact5), d, n)
    return None if move < 0 else int(move)


def vcf_nodes(board, player: int, exact5: bool = False, depth: int = DEFAULT_DEPTH,
              max_nodes: int = DEFAULT_NODES) -> tuple[int | None, int]:
    """:func:`vcf` and the number of search nodes it visited."""
    b = check_board(board)
    p = check_player(player)
    d, n = _check_limits(depth, max_nodes)
    move, nodes = K.vcf_k(b, p, bool(exact5), d, n)
    return (None if move < 0 else int(move)), int(nodes)


def proven_values(boards, to_move, moves, exact5: bool = False, depth: int = DEFAULT_DEPTH,
                  max_nodes: int = DEFAULT_NODES) -> np.ndarray:
    """The mover's proven value of each of ``N`` queries (see the module docstring), NaN where unproven.

    Arguments as :func:`envs.gomoku.oracle.proven_values`; ``depth`` and ``max_nodes`` bound each VCF search.
    """
    from .oracle import _check_queries

    d, n = _check_limits(depth, max_nodes)
    mv = np.asarray(moves)
    b, tm, mv, _ = _check_queries(boards, to_move, mv, np.zeros(mv.shape, np.int64), exact5)
    out = K.deep_proofs_k(b, tm, mv, bool(exact5), d, n)
    out[out < 0] = np.nan
    return out
