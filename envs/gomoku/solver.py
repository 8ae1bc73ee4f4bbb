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
* :func:`vct` -- a depth-limited victory by continuous threats (threes and fours): a five, else a VCF, else a
  *threat* (a move after which the attacker would have a VCF if the defender passed: an open or broken three,
  a double three, a four-three) such that after **every** reply of the defender -- any empty point, so the
  blocks of a three, its far ends and the defender's counter-fours are all answered -- the attacker again has
  a VCT with one threat fewer. A four is answered by its forced block and does not count against ``depth``
  (the threats that are not fours); a defender's five point must be taken by the attacker's next move.
  ``max_nodes`` bounds the search (VCF nodes included). Sound like :func:`vcf`: it may miss a win, never claims
  a wrong one. ``proven_values(..., vct_depth=k)`` proves move values by it (0: the opponent has a VCT after
  the move; 1: the move wins by threats); it costs several hundred times the VCF proof per move on 15x15
  (``benchmarks/gomoku_solver.py``), so the env's truth uses it only with ``truth_vct=True``.

Both rules: free-style (five or more wins) and exact five (``exact5=True``: an overline does not win, so a
point that would make six is not a five point). The kernels are ``_vcf`` / ``_deep_proof`` / ``_vct`` in
``envs.gomoku._kernels`` (the VCT ones compile once per process: numba cannot cache them); a pure-Python
reference of the VCF lives in the tests, and the VCT is checked against brute-force minimax there.
"""
from __future__ import annotations

import numpy as np

from . import _kernels as K
from .rules import _is_int, check_board, check_player

__all__ = ["DEFAULT_DEPTH", "DEFAULT_NODES", "DEFAULT_VCT_DEPTH", "DEFAULT_VCT_NODES", "vcf", "vct",
           "proven_values"]

#: the largest number of the attacker's fours in a VCF line searched by default
DEFAULT_DEPTH = 20
#: the node budget of one VCF search by default (about 10-20 us per node on 15x15)
DEFAULT_NODES = 20_000
#: the largest number of the attacker's threats that are not fours in a VCT line searched by default
DEFAULT_VCT_DEPTH = 2
#: the node budget of one VCT search by default (VCF nodes inside it included)
DEFAULT_VCT_NODES = 20_000


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


def _check_vct_depth(vct_depth):
    if not _is_int(vct_depth) or not 0 <= int(vct_depth) <= 8:
        raise ValueError(f"vct_depth must be an integer in 0..8 (threats that are not fours), got {vct_depth!r}; "
                         f"0 turns the VCT off, the default of vct() is {DEFAULT_VCT_DEPTH}")
    return int(vct_depth)


def _vct_call(boards, to_move, moves, exact5, t, d, n):
    """``K.vct_k`` with its argument types pinned: one compiled signature only (numba's on-disk cache cannot
    link a second specialisation of the recursive kernel; see ``K.vct_k``)."""
    return K.vct_k(np.ascontiguousarray(boards, np.int8), np.ascontiguousarray(to_move, np.int64),
                   np.ascontiguousarray(moves, np.int64), bool(exact5), int(t), int(d), int(n))


def _vct_root(b, p, exact5, t, d, n):
    out, nodes = _vct_call(b[None], [p], [-1], exact5, t, d, n)
    return int(out[0]), int(nodes[0])


def vct(board, player: int, exact5: bool = False, depth: int = DEFAULT_VCT_DEPTH,
        max_nodes: int = DEFAULT_VCT_NODES, vcf_depth: int = DEFAULT_DEPTH) -> int | None:
    """The first move (flat index) of a VCT for ``player``, to move on ``board``, or None if none is found.

    A VCT (victory by continuous threats): a five, else a VCF, else a *threat* -- a move after which
    ``player`` would have a VCF if the opponent passed (an open or broken three, a double three, a four-three,
    ...) -- such that after **every** reply of the opponent (any empty point: the blocks of the three, its far
    ends, counter-fours, anything else) ``player`` again has a VCT with one threat fewer. A four is answered by
    its forced block and does not count; a counter-four of the defender must be blocked by ``player``'s move.
    ``depth`` bounds the threats that are not fours in a line (0: the VCF only), ``vcf_depth`` the fours of
    each VCF inside it, ``max_nodes`` the search nodes in all (VCF nodes included), so it always ends quickly.
    Sound: it may miss a win (None), never claims one that is not forced. The board must have no winning line.
    """
    b = check_board(board)
    p = check_player(player)
    t = _check_vct_depth(depth)
    d, n = _check_limits(vcf_depth, max_nodes)
    if K.winner_k(b, bool(exact5)):
        raise ValueError("board already has a winning line (the game is over); there is nothing to solve")
    move, _ = _vct_root(b, p, bool(exact5), t, d, n)
    return None if move < 0 else int(move)


def vct_nodes(board, player: int, exact5: bool = False, depth: int = DEFAULT_VCT_DEPTH,
              max_nodes: int = DEFAULT_VCT_NODES, vcf_depth: int = DEFAULT_DEPTH) -> tuple[int | None, int]:
    """:func:`vct` and the number of search nodes it visited."""
    b = check_board(board)
    p = check_player(player)
    t = _check_vct_depth(depth)
    d, n = _check_limits(vcf_depth, max_nodes)
    move, nodes = _vct_root(b, p, bool(exact5), t, d, n)
    return (None if move < 0 else int(move)), int(nodes)


def proven_values(boards, to_move, moves, exact5: bool = False, depth: int = DEFAULT_DEPTH,
                  max_nodes: int = DEFAULT_NODES, vct_depth: int = 0,
                  vct_nodes: int = DEFAULT_VCT_NODES) -> np.ndarray:
    """The mover's proven value of each of ``N`` queries (see the module docstring), NaN where unproven.

    Arguments as :func:`envs.gomoku.oracle.proven_values`; ``depth`` and ``max_nodes`` bound each VCF search.
    ``vct_depth=0`` (the default) proves by VCF only. ``vct_depth=k >= 1`` proves by :func:`vct` instead:
    **0** if after the move the opponent has a VCT of ``k`` threats, **1** if the move itself wins by threats
    (a four, or a threat after which every reply leaves a VCT of ``k - 1`` threats); each of the two searches
    has ``vct_nodes`` nodes (VCF nodes included). ``vct_depth=1`` proves what the VCF proof proves, and
    ``vct_depth >= 2`` more.
    """
    from .oracle import _check_queries

    d, n = _check_limits(depth, max_nodes)
    t = _check_vct_depth(vct_depth)
    _, nv = _check_limits(depth, vct_nodes)
    mv = np.asarray(moves)
    b, tm, mv, _ = _check_queries(boards, to_move, mv, np.zeros(mv.shape, np.int64), exact5)
    if t == 0:
        out = K.deep_proofs_k(b, tm, mv, bool(exact5), d, n)
    else:
        out, _ = _vct_call(b, tm, mv, exact5, t, d, nv)
    out[out < 0] = np.nan
    return out
