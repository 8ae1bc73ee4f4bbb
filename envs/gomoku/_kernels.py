"""numba kernels of the Gomoku rules, playouts, oracles and self-play (private; see rules.py / oracle.py).

Nothing here validates its input: the public functions in ``rules``, ``oracle`` and ``positions`` do.
Nothing is compiled at import time: every kernel compiles on its first call and is cached on disk
(``cache=True``), so later processes load it instead of compiling.

Board layout inside the kernels. A ``(S, S)`` board is copied into a flat *padded* ``int8`` array of
length ``(S + 2P) * W + P`` with row stride ``W = S + P`` (``P = PAD``, one cell): point ``(r, c)`` lives at
``(r + P) * W + c + P`` and every other cell holds the sentinel ``OFF`` (3). Walking a line in any of the four directions
``1, W, W + 1, W - 1`` from a point on the board reaches a sentinel before it can leave the array, so the
five-in-a-row scan needs no bounds checks.

Playouts use a second representation: per player, one integer of bits per line of the board (rows,
columns, both diagonals; see ``_bits_setup``) and the empty points as codes ``(r << 5) | c`` kept in an
array from which a uniformly random one is taken by swap-remove. The incremental five check sets the new
stone's bit in the four lines through it and tests each with shifts and ``&`` (``_fives``), without
branches per cell; this runs about 2.5x faster than walking the padded board.

Random numbers: the xorshift64* generator of :mod:`envs.core.rng`, shared with the other families.
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit, prange

from ..core.rng import _below, _next, _seed_state, _unit

OFF = 3  # sentinel value of the padding cells
PAD = 1  # width of the sentinel border (one cell suffices: line scans stop at the first sentinel)


_OPTS = dict(cache=True, nogil=True, boundscheck=False, error_model="numpy")
#: the VCT kernels (``vct_k`` and the recursive ``_vct``) compile in each process (a few seconds, on the
#: first call): numba's on-disk cache loads them into a process that then crashes (a recursive kernel
#: calling another recursive kernel), so they are not cached
_NOCACHE = dict(cache=False, nogil=True, boundscheck=False, error_model="numpy")


# --------------------------------------------------------------------------------------------- board
@njit(**_OPTS)
def _pad(board, out):
    """Copy a ``(S, S)`` board into the padded flat array ``out`` (sentinels included)."""
    s = board.shape[0]
    w = s + PAD
    for i in range(out.shape[0]):
        out[i] = OFF
    for r in range(s):
        for c in range(s):
            out[(r + PAD) * w + c + PAD] = board[r, c]


@njit(**_OPTS)
def _padded_len(s):
    return (s + 2 * PAD) * (s + PAD) + PAD


@njit(**_OPTS)
def _cell(move, s):
    """Padded index of the flat move ``r * S + c``."""
    return (move // s + PAD) * (s + PAD) + move % s + PAD


@njit(**_OPTS)
def _move_of(cell, s):
    """Flat move ``r * S + c`` of a padded index."""
    w = s + PAD
    return (cell // w - PAD) * s + cell % w - PAD


@njit(**_OPTS)
def _run(b, p, player, d):
    """Length of ``player``'s run through ``p`` along direction ``d`` (counting ``p`` itself)."""
    n = 1
    q = p + d
    while b[q] == player:
        n += 1
        q += d
    q = p - d
    while b[q] == player:
        n += 1
        q -= d
    return n


@njit(**_OPTS)
def _five_at(b, p, player, w, exact5):
    """Would ``player``'s stone at padded cell ``p`` make a winning line (the cell's own value is ignored)."""
    for d in (1, w, w + 1, w - 1):
        n = _run(b, p, player, d)
        if n == 5 or (n > 5 and not exact5):
            return True
    return False


@njit(**_OPTS)
def makes_five_k(board, move, player, exact5):
    """Kernel of ``rules.makes_five`` on an unpadded board."""
    s = board.shape[0]
    b = np.empty(_padded_len(s), np.int8)
    _pad(board, b)
    return _five_at(b, _cell(move, s), player, s + PAD, exact5)


@njit(**_OPTS)
def winning_moves_k(board, player, exact5):
    """Every empty point where ``player`` would complete a winning line, ascending."""
    s = board.shape[0]
    b = np.empty(_padded_len(s), np.int8)
    _pad(board, b)
    out = np.empty(s * s, np.int64)
    k = 0
    for m in range(s * s):
        p = _cell(m, s)
        if b[p] == 0 and _five_at(b, p, player, s + PAD, exact5):
            out[k] = m
            k += 1
    return out[:k]


@njit(**_OPTS)
def _line_winner(b, s, exact5):
    """Full scan of a padded board: the player owning a winning line (black first), else 0."""
    w = s + PAD
    for player in (1, 2):
        for r in range(s):
            for c in range(s):
                p = (r + PAD) * w + c + PAD
                if b[p] != player:
                    continue
                for d in (1, w, w + 1, w - 1):
                    if b[p - d] == player:  # count each run once, from its first stone
                        continue
                    n = 1
                    q = p + d
                    while b[q] == player:
                        n += 1
                        q += d
                    if n == 5 or (n > 5 and not exact5):
                        return player
    return 0


@njit(**_OPTS)
def winner_k(board, exact5):
    """Kernel of ``rules.winner_of``."""
    s = board.shape[0]
    b = np.empty(_padded_len(s), np.int8)
    _pad(board, b)
    return _line_winner(b, s, exact5)


@njit(**_OPTS)
def _mean_se(total, total_sq, n):
    """Mean and standard error (sample variance) of ``n`` samples given their sum and sum of squares."""
    mean = total / n
    if n < 2:
        return mean, 0.0
    var = (total_sq - n * mean * mean) / (n - 1)
    return mean, math.sqrt(max(var, 0.0) / n)


@njit(**_OPTS)
def winners_k(boards, exact5):
    """``winner_k`` of each board of an ``(N, S, S)`` batch."""
    out = np.empty(boards.shape[0], np.int64)
    for i in range(boards.shape[0]):
        out[i] = winner_k(boards[i], exact5)
    return out


# ------------------------------------------------------------------------------------------ playouts
@njit(**_OPTS)
def _empties(b, s, empt):
    """Fill ``empt`` with the padded cells of the empty points; return their number."""
    w = s + PAD
    n = 0
    for r in range(s):
        for c in range(s):
            p = (r + PAD) * w + c + PAD
            if b[p] == 0:
                empt[n] = p
                n += 1
    return n


@njit(**_OPTS)
def _code_table(s):
    """``table[p]`` = the playout code ``(r << 5) | c`` of each padded cell ``p`` on the board."""
    w = s + PAD
    table = np.zeros(_padded_len(s), np.int64)
    for r in range(s):
        for c in range(s):
            table[(r + PAD) * w + c + PAD] = (r << 5) | c
    return table


@njit(**_OPTS)
def _bits_setup(b, s, cells, n, lines, codes, code_of):
    """Line bitboards and move codes for a playout from the padded board ``b`` with empties ``cells[:n]``.

    ``lines[player - 1, k]`` holds, as bits, ``player``'s stones on line ``k``: rows ``0..S-1`` (bit = column),
    columns ``S..2S-1`` (bit = row), diagonals ``r - c`` at ``3S - 1 + r - c`` and anti-diagonals ``r + c``
    at ``4S - 1 + r + c`` (bit = column). ``codes[i]`` is ``code_of[cells[i]]`` (see ``_code_table``).
    """
    w = s + PAD
    for k in range(lines.shape[1]):
        lines[0, k] = 0
        lines[1, k] = 0
    for r in range(s):
        for c in range(s):
            v = b[(r + PAD) * w + c + PAD]
            if v == 1 or v == 2:
                pl = v - 1
                lines[pl, r] |= np.int64(1) << c
                lines[pl, s + c] |= np.int64(1) << r
                lines[pl, 3 * s - 1 + r - c] |= np.int64(1) << c
                lines[pl, 4 * s - 1 + r + c] |= np.int64(1) << c
    for i in range(n):
        codes[i] = code_of[cells[i]]


@njit(**_OPTS)
def _fives(x, exact5):
    """Non-zero iff the line bits ``x`` hold a winning run (five or more; exactly five if ``exact5``)."""
    y = x & (x >> 1) & (x >> 2) & (x >> 3) & (x >> 4)
    if exact5:
        y &= ~(x << 1) & ~(x >> 5)
    return y


@njit(**_OPTS)
def _playout(lines, codes, n, player, s, exact5, x):
    """One uniform-random playout, in place on the line bitboards and the ``n`` empty-point codes.

    ``player`` moves first. Returns ``(result, rng_state)``: the winner (1 or 2) or 0 for a full board.
    The position must have no winning line (then any winning line after a move runs through that move,
    so testing the four lines through it, whole, is the incremental check).
    """
    while n > 0:
        x, out = _next(x)
        i = _below(out, n)
        code = codes[i]
        n -= 1
        codes[i] = codes[n]
        r = code >> 5
        c = code & 31
        pl = player - 1
        bc = np.int64(1) << c
        k2 = 3 * s - 1 + r - c
        k3 = 4 * s - 1 + r + c
        x0 = lines[pl, r] | bc
        x1 = lines[pl, s + c] | (np.int64(1) << r)
        x2 = lines[pl, k2] | bc
        x3 = lines[pl, k3] | bc
        if (_fives(x0, exact5) | _fives(x1, exact5) | _fives(x2, exact5) | _fives(x3, exact5)) != 0:
            return player, x
        lines[pl, r] = x0
        lines[pl, s + c] = x1
        lines[pl, k2] = x2
        lines[pl, k3] = x3
        player = 3 - player
    return 0, x


@njit(**_OPTS)
def _line_bit(s, r, c, dr, dc):
    """``(line index, bit)`` of point ``(r, c)`` on its line of direction ``(dr, dc)`` (see ``_bits_setup``)."""
    if dr == 0:
        return r, c
    if dc == 0:
        return s + c, r
    if dc == 1:
        return 3 * s - 1 + r - c, c
    return 4 * s - 1 + r + c, c


@njit(**_OPTS)
def _is_five_point(lines, s, pl, r, c, exact5):
    """Is the empty point ``(r, c)`` a five point of player index ``pl`` (0 or 1) on the line bitboards."""
    for k in range(4):
        dr = 0 if k == 0 else 1
        dc = 1 if k == 0 else (0 if k == 1 else (1 if k == 2 else -1))
        li, bit = _line_bit(s, r, c, dr, dc)
        if _fives(lines[pl, li] | (np.int64(1) << bit), exact5) != 0:
            return True
    return False


@njit(**_OPTS)
def _new_five_points(lines, s, pl, r, c, exact5, thr, nthr):
    """Append to ``thr`` the empty points that ``pl``'s stone just played at ``(r, c)`` made five points
    (they lie on the four lines through it, within four cells). Returns the new count."""
    for k in range(4):
        dr = 0 if k == 0 else 1
        dc = 1 if k == 0 else (0 if k == 1 else (1 if k == 2 else -1))
        li, _ = _line_bit(s, r, c, dr, dc)
        x = lines[pl, li]
        occ = lines[0, li] | lines[1, li]
        for t in range(-4, 5):
            if t == 0:
                continue
            rr = r + t * dr
            cc = c + t * dc
            if rr < 0 or rr >= s or cc < 0 or cc >= s:
                continue
            _, bit = _line_bit(s, rr, cc, dr, dc)
            if (occ >> bit) & 1:
                continue
            if _fives(x | (np.int64(1) << bit), exact5) != 0 and nthr < thr.shape[0]:
                thr[nthr] = (rr << 5) | cc
                nthr += 1
    return nthr


@njit(**_OPTS)
def _playout_tactical(lines, codes, n, player, s, exact5, x, pos, thr, record):
    """One playout of the *tactical* policy, in place like ``_playout``: the player to move completes a five
    if it can, else blocks a point where the opponent would complete one, else plays uniformly at random.

    Five points are tracked incrementally: each stone adds the five points it creates on its four lines to
    its player's list (``thr``, shape ``(2, S*S)``); a listed point is used only if it is still empty and still a
    five point (under exact five, a later stone of the same player can turn it into an overline). ``pos``
    maps a code to its index in ``codes`` (filled here; an entry is trusted only if ``codes`` agrees, since a
    search reuses it between playouts from different positions). ``record``, if it has room, receives the codes played.
    Returns ``(result, rng_state)``.
    """
    for i in range(n):
        pos[codes[i]] = i
    nthr = np.zeros(2, np.int64)
    # the five points already on the board
    for i in range(n):
        code = codes[i]
        for side in range(2):
            if _is_five_point(lines, s, side, code >> 5, code & 31, exact5):
                thr[side, nthr[side]] = code
                nthr[side] += 1
    step = 0
    while n > 0:
        pl = player - 1
        i = -1
        # complete a five, else block one (stale entries -- taken, or no longer five points -- are dropped)
        for who in range(2):
            side = pl if who == 0 else 1 - pl
            cnt = nthr[side]
            j = 0
            while j < cnt:
                code = thr[side, j]
                k = pos[code]
                if 0 <= k < n and codes[k] == code and _is_five_point(lines, s, side, code >> 5, code & 31, exact5):
                    i = k
                    break
                cnt -= 1
                thr[side, j] = thr[side, cnt]
            nthr[side] = cnt
            if i >= 0:
                break
        if i < 0:
            x, out = _next(x)
            i = _below(out, n)
        code = codes[i]
        n -= 1
        last = codes[n]
        codes[i] = last
        pos[last] = i
        pos[code] = -1
        if step < record.shape[0]:
            record[step] = code
        step += 1
        r = code >> 5
        c = code & 31
        bc = np.int64(1) << c
        k2 = 3 * s - 1 + r - c
        k3 = 4 * s - 1 + r + c
        x0 = lines[pl, r] | bc
        x1 = lines[pl, s + c] | (np.int64(1) << r)
        x2 = lines[pl, k2] | bc
        x3 = lines[pl, k3] | bc
        if (_fives(x0, exact5) | _fives(x1, exact5) | _fives(x2, exact5) | _fives(x3, exact5)) != 0:
            return player, x
        lines[pl, r] = x0
        lines[pl, s + c] = x1
        lines[pl, k2] = x2
        lines[pl, k3] = x3
        nthr[pl] = _new_five_points(lines, s, pl, r, c, exact5, thr[pl], nthr[pl])
        player = 3 - player
    return 0, x


@njit(**_OPTS)
def _any_playout(lines, codes, n, player, s, exact5, x, tactical, pos, thr):
    """``_playout_tactical`` if ``tactical``, else the uniform ``_playout``."""
    if tactical:
        return _playout_tactical(lines, codes, n, player, s, exact5, x, pos, thr, np.empty(0, np.int64))
    return _playout(lines, codes, n, player, s, exact5, x)


@njit(**_OPTS)
def tactical_playout_k(board, to_move, seed, exact5):
    """One tactical playout from ``board`` (``to_move`` first): ``(result, flat moves played)``."""
    s = board.shape[0]
    b0 = np.empty(_padded_len(s), np.int8)
    _pad(board, b0)
    e0 = np.empty(s * s, np.int64)
    n0 = _empties(b0, s, e0)
    lines = np.empty((2, _n_lines(s)), np.int64)
    codes = np.empty(s * s, np.int64)
    _bits_setup(b0, s, e0, n0, lines, codes, _code_table(s))
    pos = np.full(1024, -1, np.int64)
    thr = np.empty((2, 32 * s * s), np.int64)
    record = np.full(s * s, -1, np.int64)
    res, _ = _playout_tactical(lines, codes, n0, to_move, s, exact5, _seed_state(seed), pos, thr, record)
    k = 0
    while k < record.shape[0] and record[k] >= 0:
        k += 1
    moves = np.empty(k, np.int64)
    for i in range(k):
        moves[i] = (record[i] >> 5) * s + (record[i] & 31)
    return res, moves


@njit(**_OPTS)
def _n_lines(s):
    return 6 * s - 1


@njit(**_OPTS)
def playouts_k(board, to_move, n_playouts, seed, exact5):
    """``n_playouts`` random playouts from ``board`` with ``to_move`` to move, one rng stream: the results."""
    s = board.shape[0]
    w = s + PAD
    b0 = np.empty(_padded_len(s), np.int8)
    _pad(board, b0)
    e0 = np.empty(s * s, np.int64)
    n0 = _empties(b0, s, e0)
    lines0 = np.empty((2, _n_lines(s)), np.int64)
    codes0 = np.empty(s * s, np.int64)
    _bits_setup(b0, s, e0, n0, lines0, codes0, _code_table(s))
    lines = lines0.copy()
    codes = codes0.copy()
    res = np.empty(n_playouts, np.int8)
    x = _seed_state(seed)
    for k in range(n_playouts):
        lines[:] = lines0
        codes[:n0] = codes0[:n0]
        r, x = _playout(lines, codes, n0, to_move, s, exact5, x)
        res[k] = r
    return res


@njit(**_OPTS)
def _flat_one(board, to_move, move, rollouts, seed, exact5, samples, tactical):
    """Flat Monte Carlo of one query; per-playout mover values into ``samples`` (if it has room).

    Returns ``(value, stderr)`` for the mover of ``move``.
    """
    s = board.shape[0]
    w = s + PAD
    b0 = np.empty(_padded_len(s), np.int8)
    _pad(board, b0)
    p = _cell(move, s)
    keep = samples.shape[0] >= rollouts
    if _five_at(b0, p, to_move, w, exact5):
        if keep:
            for k in range(rollouts):
                samples[k] = 1.0
        return 1.0, 0.0
    b0[p] = to_move
    e0 = np.empty(s * s, np.int64)
    n0 = _empties(b0, s, e0)
    if n0 == 0:
        if keep:
            for k in range(rollouts):
                samples[k] = 0.5
        return 0.5, 0.0
    lines0 = np.empty((2, _n_lines(s)), np.int64)
    codes0 = np.empty(s * s, np.int64)
    _bits_setup(b0, s, e0, n0, lines0, codes0, _code_table(s))
    lines = lines0.copy()
    codes = codes0.copy()
    pos = np.full(1024, -1, np.int64)
    thr = np.empty((2, 32 * s * s if tactical else 1), np.int64)
    x = _seed_state(seed)
    opp = 3 - to_move
    total = 0.0
    total2 = 0.0
    for k in range(rollouts):
        lines[:] = lines0
        codes[:n0] = codes0[:n0]
        r, x = _any_playout(lines, codes, n0, opp, s, exact5, x, tactical, pos, thr)
        v = 1.0 if r == to_move else (0.5 if r == 0 else 0.0)
        if keep:
            samples[k] = v
        total += v
        total2 += v * v
    return _mean_se(total, total2, rollouts)


@njit(**_OPTS)
def flat_samples_k(board, to_move, move, rollouts, seed, exact5, tactical):
    """Per-playout mover values of one flat Monte Carlo query."""
    samples = np.empty(rollouts, np.float64)
    _flat_one(board, to_move, move, rollouts, seed, exact5, samples, tactical)
    return samples


# ----------------------------------------------------------------------------------------------- UCT
@njit(**_OPTS)
def _play(b, e, pos, n, p, player):
    """Put ``player``'s stone on cell ``p`` and swap-remove it from the ``n`` empties; return ``n - 1``."""
    j = pos[p]
    n -= 1
    last = e[n]
    e[j] = last
    pos[last] = j
    pos[p] = -1
    b[p] = player
    return n


@njit(**_OPTS)
def _uct_search(b_root, root_player, rollouts, seed, exact5, c, s, out_moves, out_visits,
                out_values, tactical):
    """UCT search of ``rollouts`` iterations from the padded board ``b_root``, ``root_player`` to move.

    Every iteration selects by UCB1 down the tree, expands one untried move (chosen uniformly at random),
    and plays a uniform-random playout from it (or scores a terminal node directly). The root position
    must be live: no winning line, at least one empty point.

    Node statistics are kept from the point of view of the player who made the move *into* the node
    (for the root: the opponent of ``root_player``). Returns ``(root_sum, root_sum_sq, n, k)``: the sum and
    sum of squares of the root's per-iteration rewards, from that player's point of view, and ``rollouts``;
    the root's children's moves / visits / summed rewards (their movers' view) go to ``out_*``, if
    non-empty, with the number of children as the fourth return value.
    """
    w = s + PAD
    cells = s * s
    max_nodes = rollouts + 1
    first_child = np.full(max_nodes, -1, np.int64)
    next_sib = np.full(max_nodes, -1, np.int64)
    n_child = np.zeros(max_nodes, np.int64)
    cell_of = np.zeros(max_nodes, np.int64)
    term = np.full(max_nodes, -1, np.int64)  # -1 live, else decided result
    visits = np.zeros(max_nodes, np.float64)
    value = np.zeros(max_nodes, np.float64)
    n_nodes = 1
    mover_in = 3 - root_player  # player who moved into the root

    e0 = np.empty(cells, np.int64)
    n0 = _empties(b_root, s, e0)
    pos0 = np.full(b_root.shape[0], -1, np.int64)
    for i in range(n0):
        pos0[e0[i]] = i
    b = b_root.copy()
    e = e0.copy()
    pos = pos0.copy()
    mark = np.zeros(b_root.shape[0], np.uint8)
    path = np.empty(max_nodes + 1, np.int64)
    lines = np.empty((2, _n_lines(s)), np.int64)
    codes = np.empty(cells, np.int64)
    code_of = _code_table(s)
    pos_t = np.full(1024, -1, np.int64)
    thr = np.empty((2, 32 * s * s if tactical else 1), np.int64)

    x = _seed_state(seed)
    root_sum = 0.0
    root_sq = 0.0
    for it in range(rollouts):
        b[:] = b_root
        e[:n0] = e0[:n0]
        pos[:] = pos0
        n = n0
        node = 0
        player = root_player  # player to move at ``node``
        depth = 0
        path[0] = 0
        result = -1
        while True:
            if term[node] >= 0:
                result = term[node]
                break
            if n_child[node] < n:
                # expand one untried move, uniformly among the untried ones
                ch = first_child[node]
                while ch >= 0:
                    mark[cell_of[ch]] = 1
                    ch = next_sib[ch]
                x, out = _next(x)
                k = _below(out, n - n_child[node])
                p = -1
                for j in range(n):
                    q = e[j]
                    if mark[q] == 0:
                        if k == 0:
                            p = q
                            break
                        k -= 1
                ch = first_child[node]
                while ch >= 0:
                    mark[cell_of[ch]] = 0
                    ch = next_sib[ch]
                new = n_nodes
                n_nodes += 1
                cell_of[new] = p
                next_sib[new] = first_child[node]
                first_child[node] = new
                n_child[node] += 1
                win = _five_at(b, p, player, w, exact5)
                n = _play(b, e, pos, n, p, player)
                depth += 1
                path[depth] = new
                if win:
                    term[new] = player
                    result = player
                elif n == 0:
                    term[new] = 0
                    result = 0
                else:
                    _bits_setup(b, s, e, n, lines, codes, code_of)
                    r, x = _any_playout(lines, codes, n, 3 - player, s, exact5, x, tactical, pos_t, thr)
                    result = r
                break
            # select the child with the best UCB1 score
            logn = math.log(visits[node])
            best = -1
            best_score = -1.0e300
            ch = first_child[node]
            while ch >= 0:
                sc = value[ch] / visits[ch] + c * math.sqrt(logn / visits[ch])
                if sc > best_score:
                    best_score = sc
                    best = ch
                ch = next_sib[ch]
            n = _play(b, e, pos, n, cell_of[best], player)
            player = 3 - player
            node = best
            depth += 1
            path[depth] = node
        # back-propagate: the reward of a node is for the player who moved into it
        for dpt in range(depth, -1, -1):
            nd = path[dpt]
            # the mover into the node at depth dpt: mover_in if dpt is even, else its opponent
            into = mover_in if dpt % 2 == 0 else 3 - mover_in
            v = 1.0 if result == into else (0.5 if result == 0 else 0.0)
            visits[nd] += 1.0
            value[nd] += v
            if dpt == 0:
                root_sum += v
                root_sq += v * v
    k = 0
    if out_moves.shape[0] > 0:
        ch = first_child[0]
        while ch >= 0:
            out_moves[k] = _move_of(cell_of[ch], s)
            out_visits[k] = visits[ch]
            out_values[k] = value[ch]
            k += 1
            ch = next_sib[ch]
    return root_sum, root_sq, rollouts, k


@njit(**_OPTS)
def _proof(b, p, to_move, s, exact5):
    """The one-ply proof of the move at empty padded cell ``p``: the mover's game value, or -1.0 if unproven.

    1.0 if the stone completes five; 0.5 if it fills the board; 0.0 if it leaves the opponent a point that
    completes five; 1.0 if it leaves the mover two or more such points while the opponent has none (the
    opponent can take only one). ``b`` is restored before returning. The only implementation of this proof:
    ``oracle.proven_value`` and the UCT kernel call it.
    """
    w = s + PAD
    if _five_at(b, p, to_move, w, exact5):
        return 1.0
    b[p] = to_move
    full = True
    opp_five = False
    own = 0
    for q in range(b.shape[0]):
        if b[q] == 0:
            full = False
            if _five_at(b, q, 3 - to_move, w, exact5):
                opp_five = True
                break
            if own < 2 and _five_at(b, q, to_move, w, exact5):
                own += 1
    b[p] = 0
    if full:
        return 0.5
    if opp_five:
        return 0.0
    if own >= 2:
        return 1.0
    return -1.0


@njit(**_OPTS)
def proofs_k(boards, to_move, moves, exact5):
    """``_proof`` of each query of a batch (``-1.0`` where one ply proves nothing)."""
    n = boards.shape[0]
    out = np.empty(n, np.float64)
    if n == 0:
        return out
    s = boards.shape[1]
    b = np.empty(_padded_len(s), np.int8)
    for i in range(n):
        _pad(boards[i], b)
        out[i] = _proof(b, _cell(moves[i], s), to_move[i], s, exact5)
    return out


@njit(**_OPTS)
def _uct_one(board, to_move, move, rollouts, seed, exact5, c, tactical):
    """UCT value of one query, for the mover of ``move``: ``(value, stderr)``.

    The one-ply proof (``_proof``) comes first: a proven move gets its value with stderr 0 and no search
    (a move that leaves the opponent a five would otherwise spend most of a small budget on the opponent's
    other replies before the search found that one).
    """
    s = board.shape[0]
    b = np.empty(_padded_len(s), np.int8)
    _pad(board, b)
    p = _cell(move, s)
    v = _proof(b, p, to_move, s, exact5)
    if v >= 0.0:
        return v, 0.0
    b[p] = to_move
    none = np.empty(0, np.int64)
    nonef = np.empty(0, np.float64)
    tot, sq, n, _ = _uct_search(b, 3 - to_move, rollouts, seed, exact5, c, s, none, nonef, nonef, tactical)
    return _mean_se(tot, sq, n)


@njit(**_OPTS)
def _value_of(boards, to_move, moves, rollouts, seeds, exact5, use_uct, c, i, values, stderrs, tactical):
    """Value query ``i`` of a batch (flat Monte Carlo, or UCT if ``use_uct``) into ``values``/``stderrs``."""
    if use_uct:
        v, se = _uct_one(boards[i], to_move[i], moves[i], rollouts, seeds[i], exact5, c, tactical)
    else:
        v, se = _flat_one(boards[i], to_move[i], moves[i], rollouts, seeds[i], exact5, np.empty(0, np.float64),
                          tactical)
    values[i] = v
    stderrs[i] = se


@njit(parallel=True, **_OPTS)
def values_k(boards, to_move, moves, rollouts, seeds, exact5, use_uct, c, values, stderrs, tactical):
    """Batched move values, parallel over queries (numba's threading layer)."""
    for i in prange(boards.shape[0]):
        _value_of(boards, to_move, moves, rollouts, seeds, exact5, use_uct, c, i, values, stderrs, tactical)


@njit(**_OPTS)
def values_serial_k(boards, to_move, moves, rollouts, seeds, exact5, use_uct, c, values, stderrs, tactical):
    """``values_k`` on the calling thread only (for processes where numba's thread pool is unusable)."""
    for i in range(boards.shape[0]):
        _value_of(boards, to_move, moves, rollouts, seeds, exact5, use_uct, c, i, values, stderrs, tactical)


@njit(**_OPTS)
def uct_root_k(board, to_move, rollouts, seed, exact5, c):
    """UCT search from ``board`` with ``to_move`` to move: the root children's moves, visits and values.

    Values are summed rewards for ``to_move`` (the mover of each child).
    """
    s = board.shape[0]
    b = np.empty(_padded_len(s), np.int8)
    _pad(board, b)
    moves = np.empty(s * s, np.int64)
    vis = np.empty(s * s, np.float64)
    val = np.empty(s * s, np.float64)
    _, _, _, k = _uct_search(b, to_move, rollouts, seed, exact5, c, s, moves, vis, val, False)
    return moves[:k], vis[:k], val[:k]


# -------------------------------------------------------------------------------------------- selfplay
@njit(**_OPTS)
def _window_score(b, p, player, d, weights):
    """Pattern score of the empty padded cell ``p`` for ``player`` along direction ``d``.

    Over the five-cell windows through ``p`` that lie on the board: ``weights[k]`` for a window holding
    ``k`` of ``player``'s stones and none of the opponent's (attack), plus a defence term for a window
    holding ``k`` opponent stones and none of ``player``'s (half the weight, three quarters from ``k = 3``).
    """
    opp = 3 - player
    lo = 0
    q = p - d
    while lo < 4 and b[q] != OFF:
        lo += 1
        q -= d
    hi = 0
    q = p + d
    while hi < 4 and b[q] != OFF:
        hi += 1
        q += d
    total = 0
    for start in range(-lo, hi - 3):
        own = 0
        their = 0
        for t in range(5):
            off = start + t
            if off == 0:
                continue
            v = b[p + off * d]
            if v == player:
                own += 1
            elif v == opp:
                their += 1
        if their == 0:
            total += weights[own]
        if own == 0:
            total += (weights[their] * 3) // 4 if their >= 3 else weights[their] // 2
    return total


@njit(**_OPTS)
def _near(b, p, w, dist):
    """Is there a stone within Chebyshev distance ``dist`` of padded cell ``p``."""
    for dr in range(-dist, dist + 1):
        for dc in range(-dist, dist + 1):
            q = p + dr * w + dc
            if 0 <= q < b.shape[0]:
                v = b[q]
                if v == 1 or v == 2:
                    # a column offset past the row's end wraps into the next or previous row:
                    # keep only cells whose column really is within ``dist``
                    cq = q % w
                    cp = p % w
                    if abs(cq - cp) <= dist:
                        return True
    return False


@njit(**_OPTS)
def _heuristic_move(b, s, player, noise, exact5, weights, cand, x):
    """One move of the noisy heuristic policy; ``-1`` if the board is full. Returns ``(cell, rng_state)``."""
    w = s + PAD
    n_stones = 0
    n_cand = 0
    for r in range(s):
        for c in range(s):
            p = (r + PAD) * w + c + PAD
            if b[p] != 0:
                n_stones += 1
    if n_stones == 0:
        # opening: uniform within the central region
        half = max(1, s // 4)
        lo = s // 2 - half
        span = 2 * half + 1
        x, o1 = _next(x)
        x, o2 = _next(x)
        r = lo + _below(o1, span)
        c = lo + _below(o2, span)
        return (r + PAD) * w + c + PAD, x
    for r in range(s):
        for c in range(s):
            p = (r + PAD) * w + c + PAD
            if b[p] == 0 and _near(b, p, w, 2):
                cand[n_cand] = p
                n_cand += 1
    if n_cand == 0:
        for r in range(s):
            for c in range(s):
                p = (r + PAD) * w + c + PAD
                if b[p] == 0:
                    cand[n_cand] = p
                    n_cand += 1
        if n_cand == 0:
            return -1, x
    x, out = _next(x)
    if _unit(out) < noise:
        x, out = _next(x)
        return cand[_below(out, n_cand)], x
    best = -1
    best_score = -1.0
    for i in range(n_cand):
        p = cand[i]
        if _five_at(b, p, player, w, exact5):
            sc = 1.0e12
        elif _five_at(b, p, 3 - player, w, exact5):
            sc = 1.0e11
        else:
            sc = 0.0
            for d in (1, w, w + 1, w - 1):
                sc += _window_score(b, p, player, d, weights)
        x, out = _next(x)
        sc += _unit(out)  # random tie-break
        if sc > best_score:
            best_score = sc
            best = p
    return best, x


@njit(**_OPTS)
def selfplay_k(s, n_stones, seed, noise, exact5, max_attempts):
    """Moves of a noisy heuristic self-play game stopped at ``n_stones`` stones with no winning line.

    A game in which someone completes a line before ``n_stones`` is discarded and replayed with the same
    rng stream continuing (so the result is deterministic in ``seed``); after ``max_attempts`` such games
    the policy is forbidden to complete a line. Returns the flat moves (``r * S + c``).
    """
    w = s + PAD
    b = np.empty(_padded_len(s), np.int8)
    cand = np.empty(s * s, np.int64)
    moves = np.empty(n_stones, np.int64)
    weights = np.array([1, 20, 400, 8000, 160000], np.int64)
    x = _seed_state(seed)
    for attempt in range(max_attempts + 1):
        for i in range(b.shape[0]):
            b[i] = OFF
        for r in range(s):
            for c in range(s):
                b[(r + PAD) * w + c + PAD] = 0
        player = 1
        ok = True
        for k in range(n_stones):
            p, x = _heuristic_move(b, s, player, noise, exact5, weights, cand, x)
            if p < 0:
                ok = False
                break
            if _five_at(b, p, player, w, exact5):
                if attempt < max_attempts:
                    ok = False
                    break
                # last resort: any non-winning empty point, chosen at random
                n_c = 0
                for m in range(s * s):
                    q = _cell(m, s)
                    if b[q] == 0 and not _five_at(b, q, player, w, exact5):
                        cand[n_c] = q
                        n_c += 1
                if n_c == 0:
                    ok = False
                    break
                x, out = _next(x)
                p = cand[_below(out, n_c)]
            b[p] = player
            moves[k] = _move_of(p, s)
            player = 3 - player
        if ok:
            return moves, True
    return moves, False


# ------------------------------------------------------------------------------ threat-space solver
@njit(**_OPTS)
def _five_points_n(b, s, player, exact5, limit, out):
    """Up to ``limit`` of ``player``'s five points (empty cells completing a winning line) into ``out``;
    returns how many were found (stops at ``limit``)."""
    w = s + PAD
    k = 0
    for r in range(s):
        for c in range(s):
            p = (r + PAD) * w + c + PAD
            if b[p] == 0 and _five_at(b, p, player, w, exact5):
                out[k] = p
                k += 1
                if k >= limit:
                    return k
    return k


@njit(**_OPTS)
def _four_moves(b, s, player, exact5, out):
    """The empty cells where ``player``'s stone makes a four (leaves ``player`` a five point on a line through
    it); returns their number. Only directions with three of ``player``'s stones within four cells of the
    point can hold such a five point."""
    w = s + PAD
    k = 0
    for r in range(s):
        for c in range(s):
            m = (r + PAD) * w + c + PAD
            if b[m] != 0:
                continue
            found = False
            for d in (1, w, w + 1, w - 1):
                cnt = 0
                for sign in (1, -1):
                    q = m
                    for _ in range(4):
                        q += sign * d
                        v = b[q]
                        if v == OFF:
                            break
                        if v == player:
                            cnt += 1
                if cnt < 3:
                    continue
                b[m] = player
                for sign in (1, -1):
                    q = m
                    for _ in range(4):
                        q += sign * d
                        v = b[q]
                        if v == OFF:
                            break
                        if v == 0:
                            n = _run(b, q, player, d)
                            if n == 5 or (n > 5 and not exact5):
                                found = True
                                break
                    if found:
                        break
                b[m] = 0
                if found:
                    break
            if found:
                out[k] = m
                k += 1
    return k


@njit(**_OPTS)
def _vcf(b, s, a, exact5, depth, nodes, max_nodes):
    """Victory by continuous fours for ``a``, to move on the padded board ``b``: the first move (a padded
    cell) of a win, or -1 if none is found within ``depth`` fours and ``max_nodes`` nodes in all.

    ``a`` wins at once on a five point. Otherwise every move of ``a`` is a four; the defender ``d`` must take
    the one point that completes ``a``'s five (two such points: ``a`` wins). A defender's five point must be
    blocked by ``a``'s four, two of them lose the line. ``b`` is restored before returning. ``nodes[0]``
    counts the nodes visited (shared by the calls of one proof)."""
    nodes[0] += 1
    buf = np.empty(2, np.int64)
    if _five_points_n(b, s, a, exact5, 1, buf) > 0:
        return buf[0]
    if depth <= 0 or nodes[0] > max_nodes:
        return -1
    d = 3 - a
    nfd = _five_points_n(b, s, d, exact5, 2, buf)
    if nfd >= 2:
        return -1
    block = buf[0] if nfd == 1 else -1
    cands = np.empty(s * s, np.int64)
    nc = _four_moves(b, s, a, exact5, cands)
    for i in range(nc):
        m = cands[i]
        if block >= 0 and m != block:
            continue
        b[m] = a
        k = _five_points_n(b, s, a, exact5, 2, buf)
        win = False
        if k >= 2:
            win = True
        elif k == 1:
            q = buf[0]
            b[q] = d
            r = _vcf(b, s, a, exact5, depth - 1, nodes, max_nodes)
            b[q] = 0
            win = r >= 0
        b[m] = 0
        if win:
            return m
        if nodes[0] > max_nodes:
            return -1
    return -1


@njit(**_OPTS)
def vcf_k(board, player, exact5, depth, max_nodes):
    """``(first move as a flat index or -1, nodes visited)`` of a VCF for ``player`` to move on ``board``."""
    s = board.shape[0]
    b = np.empty(_padded_len(s), np.int8)
    _pad(board, b)
    nodes = np.zeros(1, np.int64)
    m = _vcf(b, s, player, exact5, depth, nodes, max_nodes)
    return (_move_of(m, s) if m >= 0 else -1), nodes[0]


@njit(**_OPTS)
def _deep_proof(b, p, mover, s, exact5, depth, max_nodes):
    """The one-ply proof, then the threat-space proof of the move at empty padded cell ``p`` (-1.0: none).

    0.0 if after the move the opponent (to move) has a VCF; 1.0 if the move is a threat (the mover would have
    a VCF if the opponent passed) and after every reply of the opponent the mover has a VCF (a victory by
    one threat of any kind, then continuous fours; this covers fours, open threes and double threats).
    ``b`` is restored before returning."""
    v = _proof(b, p, mover, s, exact5)
    if v >= 0.0 or depth <= 0:
        return v
    opp = 3 - mover
    nodes = np.zeros(1, np.int64)
    b[p] = mover
    out = -1.0
    if _vcf(b, s, opp, exact5, depth, nodes, max_nodes) >= 0:
        out = 0.0
    else:
        nodes[0] = 0
        if _vcf(b, s, mover, exact5, depth, nodes, max_nodes) >= 0:
            w = s + PAD
            every = True
            for r in range(s):
                for c in range(s):
                    q = (r + PAD) * w + c + PAD
                    if b[q] != 0:
                        continue
                    b[q] = opp
                    nodes[0] = 0
                    ok = _vcf(b, s, mover, exact5, depth, nodes, max_nodes) >= 0
                    b[q] = 0
                    if not ok:
                        every = False
                        break
                if not every:
                    break
            if every:
                out = 1.0
    b[p] = 0
    return out


@njit(**_OPTS)
def deep_proofs_k(boards, to_move, moves, exact5, depth, max_nodes):
    """``_deep_proof`` of each query of a batch (``-1.0`` where nothing is proven)."""
    n = boards.shape[0]
    out = np.empty(n, np.float64)
    if n == 0:
        return out
    s = boards.shape[1]
    b = np.empty(_padded_len(s), np.int8)
    for i in range(n):
        _pad(boards[i], b)
        out[i] = _deep_proof(b, _cell(moves[i], s), to_move[i], s, exact5, depth, max_nodes)
    return out


# ------------------------------------------------------------------- depth-limited VCT (threes and fours)
@njit(**_OPTS)
def _near_line(b, m, player, w):
    """Does ``player`` have two or more stones within four cells of ``m`` on one line (a stone at ``m`` could
    then make a three or a four)."""
    for d in (1, w, w + 1, w - 1):
        cnt = 0
        for sign in (1, -1):
            q = m
            for _ in range(4):
                q += sign * d
                v = b[q]
                if v == OFF:
                    break
                if v == player:
                    cnt += 1
        if cnt >= 2:
            return True
    return False


@njit(**_OPTS)
def _on_line_near(m, q, w, s):
    """Is padded cell ``q`` within five cells of ``m`` on one of the four lines through it."""
    rm, cm = m // w, m % w
    rq, cq = q // w, q % w
    dr, dc = rq - rm, cq - cm
    if abs(dr) > 5 or abs(dc) > 5:
        return False
    return dr == 0 or dc == 0 or dr == dc or dr == -dc


@njit(**_NOCACHE)
def _vct(b, s, a, exact5, t, fdepth, nodes, max_nodes, only):
    """Victory by continuous threats for ``a``, to move on the padded board ``b``: the first move (a padded
    cell) of a win, or -1 if none is found within ``t`` threats that are not fours, VCF lines of ``fdepth``
    fours and ``max_nodes`` nodes in all (VCF nodes included).

    ``a`` wins at once on a five point, else by a VCF (``_vcf``), else (``t >= 1``) by a move ``m`` that wins
    by threats: a four (the defender's reply is forced; fours do not use up ``t``), or a threat -- ``a``
    would have a VCF if the defender passed -- after which *every* empty point the defender can take (its
    counter-fours and the far blocking points included) leaves ``a`` a VCT of ``t - 1`` threats. A defender
    with two five points wins; with one, ``a``'s move must take it. With ``only >= 0``, only whether the move
    at the empty cell ``only`` wins that way (``only`` or -1; no five, VCF or block test first).
    Sound: every win returned is forced against every defence. ``b`` is restored before returning.
    (One self-recursive function: numba's on-disk cache does not load mutually recursive kernels.)"""
    nodes[0] += 1
    d = 3 - a
    w = s + PAD
    buf = np.empty(2, np.int64)
    block = -1
    if only < 0:
        if _five_points_n(b, s, a, exact5, 1, buf) > 0:
            return buf[0]
        if nodes[0] > max_nodes:
            return -1
        nfd = _five_points_n(b, s, d, exact5, 2, buf)
        if nfd >= 2:
            return -1
        if nfd == 1:
            block = buf[0]
        r = _vcf(b, s, a, exact5, fdepth, nodes, max_nodes)
        if r >= 0:
            return r
        if t <= 0:
            return -1
    for rr in range(s):
        for c in range(s):
            m = (rr + PAD) * w + c + PAD
            if only >= 0:
                if m != only:
                    continue
            elif block >= 0:
                if m != block:
                    continue
            elif b[m] != 0 or not _near_line(b, m, a, w):
                continue
            if nodes[0] > max_nodes:
                return -1
            b[m] = a
            k = _five_points_n(b, s, a, exact5, 2, buf)
            win = False
            if k >= 2:
                win = True
            elif k == 1:
                q = buf[0]
                b[q] = d
                win = _vct(b, s, a, exact5, t, fdepth, nodes, max_nodes, -1) >= 0
                b[q] = 0
            elif t >= 1 and _vcf(b, s, a, exact5, fdepth, nodes, max_nodes) >= 0:
                # a threat: every reply must lose; replies on the lines through m (the blocks) first
                win = True
                for phase in range(2):
                    for r2 in range(s):
                        for c2 in range(s):
                            q = (r2 + PAD) * w + c2 + PAD
                            if b[q] != 0 or _on_line_near(m, q, w, s) != (phase == 0):
                                continue
                            if nodes[0] > max_nodes:
                                win = False
                                break
                            b[q] = d
                            ok = (not _five_at(b, q, d, w, exact5)) and _vct(
                                b, s, a, exact5, t - 1, fdepth, nodes, max_nodes, -1) >= 0
                            b[q] = 0
                            if not ok:
                                win = False
                                break
                        if not win:
                            break
                    if not win:
                        break
            b[m] = 0
            if win:
                return m
    return -1


@njit(**_NOCACHE)
def vct_k(boards, to_move, moves, exact5, t, fdepth, max_nodes):
    """The VCT searches of a batch, the only entry point of ``_vct`` (numba's on-disk cache fails to link a
    recursive kernel reached from several cached entry points or through an intermediate one).

    Query ``i`` with ``moves[i] < 0``: a VCT for ``to_move[i]`` to move on ``boards[i]``: ``out[i]`` = its
    first move (flat index) or -1. With ``moves[i] >= 0`` (an empty point): the proof of that move for the
    mover ``to_move[i]``: the one-ply proof (``_proof``), else 0.0 if after it the opponent (to move) has a
    VCT of ``t`` threats, else 1.0 if the move itself wins by threats (``_vct`` with ``only``), else -1.0;
    each of the two searches gets ``max_nodes`` nodes. ``nodes_out[i]``: the nodes visited."""
    n = boards.shape[0]
    out = np.empty(n, np.float64)
    nodes_out = np.zeros(n, np.int64)
    if n == 0:
        return out, nodes_out
    s = boards.shape[1]
    b = np.empty(_padded_len(s), np.int8)
    nodes = np.zeros(1, np.int64)
    for i in range(n):
        _pad(boards[i], b)
        a = to_move[i]
        nodes[0] = 0
        if moves[i] < 0:
            m = _vct(b, s, a, exact5, t, fdepth, nodes, max_nodes, -1)
            out[i] = _move_of(m, s) if m >= 0 else -1
            nodes_out[i] = nodes[0]
            continue
        p = _cell(moves[i], s)
        v = _proof(b, p, a, s, exact5)
        if v < 0.0:
            b[p] = a
            lost = _vct(b, s, 3 - a, exact5, t, fdepth, nodes, max_nodes, -1) >= 0
            b[p] = 0
            nodes_out[i] = nodes[0]
            if lost:
                v = 0.0
            else:
                nodes[0] = 0
                if _vct(b, s, a, exact5, t, fdepth, nodes, max_nodes, p) >= 0:
                    v = 1.0
                nodes_out[i] += nodes[0]
        out[i] = v
    return out, nodes_out
