"""numba kernels of the Dou Dizhu rules, playouts, exact solvers and UCT (private; see moves.py, solvers.py,
oracle.py).

Nothing here validates its input: the public functions do. Nothing is compiled at import time; every
kernel compiles on its first call and is cached on disk (``cache=True``).

Representations inside the kernels
----------------------------------
* A *hand* (any multiset of cards) is one ``int64``: 4 bits per rank, rank ``i`` (0 = "3" ... 11 = "A",
  12 = "2", 13 = black joker, 14 = red joker) in bits ``4i .. 4i+3``. Since every count is at most 4,
  removing a play from a hand is a plain subtraction, and a play fits a hand when no 4-bit field borrows.
* A *play* is two ``int64``: its cards (a hand as above) and its *meta* ``type << 9 | length << 4 | rank``
  (``PASS`` has cards 0 and meta 0). ``rank`` is the main rank (the lowest rank of a chain), ``length``
  the number of chain units (cards of a straight, pairs of a pair chain, trios of a plane; 1 otherwise).
* The *play to beat* is a meta; 0 means a free lead. Passing gives the opponent a free lead, so the
  meta of the move just made is always the next player's play to beat.
* ``flags``: bit 0 lets the rocket serve as kickers / wings, bit 1 lets a bomb serve as plane wings
  (both off under the strict default rule).

Random numbers: an inline xorshift64* generator seeded through splitmix64; ``_below(x, n)`` maps one
output to ``[0, n)`` by a multiply-shift of its top 32 bits.
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit, prange, types
from numba.typed import Dict

from ..core.rng import _SM_M1, _U32, _below, _next, _seed_state

N_RANKS = 15
PASS, SOLO, PAIR, TRIO, TRIO_SOLO, TRIO_PAIR, STRAIGHT, PAIR_CHAIN, PLANE, PLANE_SOLO, PLANE_PAIR, \
    FOUR_TWO_SOLO, FOUR_TWO_PAIR, BOMB, ROCKET = range(15)
ACE = 11        # highest rank of a chain
TWO = 12        # highest rank of a pair / trio / bomb
BJ, RJ = 13, 14
ROCKET_KICKERS = 1
BOMB_WINGS = 2
BUF = 1 << 16        # move buffer of one search: more than the plays of the whole deck under any variant


_OPTS = dict(cache=True, nogil=True, boundscheck=False, error_model="numpy")


# --------------------------------------------------------------------------------------------- hands
@njit(**_OPTS)
def _meta(t, length, rank):
    return (t << 9) | (length << 4) | rank


@njit(**_OPTS)
def n_cards_k(h):
    n = 0
    for i in range(N_RANKS):
        n += (h >> (4 * i)) & 15
    return n


@njit(**_OPTS)
def _emit(cards, meta, out_c, out_m, n):
    if n < out_c.shape[0]:
        out_c[n] = cards
        out_m[n] = meta
    return n + 1


@njit(**_OPTS)
def _enum(cap, k, mult, base, meta, no_rocket, out_c, out_m, n, take, suf):
    """Emit ``base`` plus every multiset of ``k`` units (``mult`` cards of a rank each) within ``cap``."""
    take[:] = 0
    suf[N_RANKS] = 0
    for j in range(N_RANKS - 1, -1, -1):
        suf[j] = suf[j + 1] + cap[j]
    if suf[0] < k:
        return n
    j = 0
    rem = k
    while True:
        while rem > 0 and j < N_RANKS and suf[j] >= rem:
            t = cap[j] if cap[j] < rem else rem
            take[j] = t
            rem -= t
            j += 1
        if rem == 0 and not (no_rocket and take[BJ] > 0 and take[RJ] > 0):
            cards = base
            for q in range(N_RANKS):
                cards += (take[q] * mult) << (4 * q)
            n = _emit(cards, meta, out_c, out_m, n)
        i = j - 1
        while i >= 0 and take[i] == 0:
            i -= 1
        if i < 0:
            break
        take[i] -= 1
        rem += 1
        j = i + 1
    return n


@njit(**_OPTS)
def _gen_type(c, t, length, minr, flags, out_c, out_m, n, ws):
    """Emit every play of type ``t`` in counts ``c`` with main rank > ``minr`` (and chain length
    ``length``, or every length when ``length`` < 0). ``ws``: a scratch array of 64 int64."""
    cap = ws[0:15]
    take = ws[16:31]
    suf = ws[32:48]
    no_rocket = (flags & ROCKET_KICKERS) == 0
    bomb_wings = (flags & BOMB_WINGS) != 0
    if t == SOLO:
        for r in range(minr + 1, N_RANKS):
            if c[r] >= 1:
                n = _emit(np.int64(1) << (4 * r), _meta(SOLO, 1, r), out_c, out_m, n)
    elif t == PAIR:
        for r in range(minr + 1, TWO + 1):
            if c[r] >= 2:
                n = _emit(np.int64(2) << (4 * r), _meta(PAIR, 1, r), out_c, out_m, n)
    elif t == TRIO:
        for r in range(minr + 1, TWO + 1):
            if c[r] >= 3:
                n = _emit(np.int64(3) << (4 * r), _meta(TRIO, 1, r), out_c, out_m, n)
    elif t == TRIO_SOLO or t == TRIO_PAIR:
        need = 1 if t == TRIO_SOLO else 2
        top = N_RANKS - 1 if t == TRIO_SOLO else TWO
        for r in range(minr + 1, TWO + 1):
            if c[r] >= 3:
                base = np.int64(3) << (4 * r)
                for s in range(0, top + 1):
                    if s != r and c[s] >= need:
                        n = _emit(base + (np.int64(need) << (4 * s)), _meta(t, 1, r), out_c, out_m, n)
    elif t == BOMB:
        for r in range(minr + 1, TWO + 1):
            if c[r] == 4:
                n = _emit(np.int64(4) << (4 * r), _meta(BOMB, 1, r), out_c, out_m, n)
    elif t == ROCKET:
        if c[BJ] >= 1 and c[RJ] >= 1:
            n = _emit((np.int64(1) << (4 * BJ)) + (np.int64(1) << (4 * RJ)), _meta(ROCKET, 1, BJ),
                      out_c, out_m, n)
    elif t == STRAIGHT or t == PAIR_CHAIN or t == PLANE:
        need = 1 if t == STRAIGHT else (2 if t == PAIR_CHAIN else 3)
        lmin = 5 if t == STRAIGHT else (3 if t == PAIR_CHAIN else 2)
        lmax = 12 if t == STRAIGHT else (10 if t == PAIR_CHAIN else 6)
        l0 = lmin if length < 0 else length
        l1 = lmax if length < 0 else length
        run = 0  # ranks from lo upwards (to the ace) with at least ``need`` cards
        for lo in range(ACE, minr, -1):
            run = run + 1 if c[lo] >= need else 0
            if run < l0:
                continue
            cards = np.int64(0)
            for r in range(lo, lo + l0 - 1):
                cards += np.int64(need) << (4 * r)
            top = run if run < l1 else l1
            for ln in range(l0, top + 1):
                cards += np.int64(need) << (4 * (lo + ln - 1))
                n = _emit(cards, _meta(t, ln, lo), out_c, out_m, n)
    elif t == PLANE_SOLO or t == PLANE_PAIR:
        lmax = 5 if t == PLANE_SOLO else 4
        l0 = 2 if length < 0 else length
        l1 = lmax if length < 0 else length
        run = 0
        for lo in range(ACE, minr, -1):
            run = run + 1 if c[lo] >= 3 else 0
            top = run if run < l1 else l1
            for ln in range(l0, top + 1):
                hi = lo + ln - 1
                base = np.int64(0)
                for r in range(lo, hi + 1):
                    base += np.int64(3) << (4 * r)
                for j in range(N_RANKS):
                    if lo <= j <= hi:
                        cap[j] = 0
                    elif t == PLANE_SOLO:
                        m = c[j]
                        if m == 4 and not bomb_wings:
                            m = 3
                        if (j == lo - 1 or (j == hi + 1 and j <= ACE)) and m > 2:
                            m = 2  # a trio next to the chain would lengthen it: never its wings
                        cap[j] = m
                    else:
                        if j > TWO or c[j] < 2:
                            cap[j] = 0
                        elif c[j] == 4 and bomb_wings:
                            cap[j] = 2
                        else:
                            cap[j] = 1
                if t == PLANE_SOLO:
                    n = _enum(cap, ln, 1, base, _meta(t, ln, lo), no_rocket, out_c, out_m, n, take, suf)
                else:
                    n = _enum(cap, ln, 2, base, _meta(t, ln, lo), False, out_c, out_m, n, take, suf)
    elif t == FOUR_TWO_SOLO or t == FOUR_TWO_PAIR:
        for r in range(minr + 1, TWO + 1):
            if c[r] != 4:
                continue
            for j in range(N_RANKS):
                if j == r:
                    cap[j] = 0
                elif t == FOUR_TWO_SOLO:
                    cap[j] = c[j] if c[j] < 2 else 2
                else:
                    cap[j] = 1 if (j <= TWO and c[j] >= 2) else 0
            base = np.int64(4) << (4 * r)
            if t == FOUR_TWO_SOLO:
                n = _enum(cap, 2, 1, base, _meta(t, 1, r), no_rocket, out_c, out_m, n, take, suf)
            else:
                n = _enum(cap, 2, 2, base, _meta(t, 1, r), False, out_c, out_m, n, take, suf)
    return n


@njit(**_OPTS)
def gen_k(h, prev, flags, out_c, out_m):
    """Every legal play of hand ``h`` against the play to beat ``prev`` (0: a free lead).

    Writes the plays into ``out_c`` / ``out_m`` and returns their number (which may exceed the buffer's
    length: then only the first ``len(out_c)`` were written). Against a play, the first is the pass.
    """
    return gen_ws(h, prev, flags, out_c, out_m, np.empty(64, np.int64))


@njit(**_OPTS)
def gen_ws(h, prev, flags, out_c, out_m, ws):
    """:func:`gen_k` with a caller's scratch array ``ws`` (64 int64; no allocation)."""
    c = ws[48:63]
    mx = 0
    n1 = 0  # ranks 3..A holding a card, a pair, a trio
    n2 = 0
    n3 = 0
    for i in range(N_RANKS):
        v = (h >> (4 * i)) & 15
        c[i] = v
        if v > mx:
            mx = v
        if i <= ACE and v > 0:
            n1 += 1
            if v >= 2:
                n2 += 1
                if v >= 3:
                    n3 += 1
    n = 0
    if prev == 0:
        for t in range(SOLO, ROCKET + 1):
            if mx < 3 and (t == TRIO or t == TRIO_SOLO or t == TRIO_PAIR):
                continue
            if (t == STRAIGHT and n1 < 5) or (t == PAIR_CHAIN and n2 < 3) or (
                    (t == PLANE or t == PLANE_SOLO or t == PLANE_PAIR) and n3 < 2):
                continue
            if mx < 4 and (t == BOMB or t == FOUR_TWO_SOLO or t == FOUR_TWO_PAIR):
                continue
            n = _gen_type(c, t, -1, -1, flags, out_c, out_m, n, ws)
        return n
    n = _emit(np.int64(0), np.int64(0), out_c, out_m, n)
    pt = prev >> 9
    if pt == ROCKET:
        return n
    pl = (prev >> 4) & 31
    pr = prev & 15
    if pt == BOMB:
        n = _gen_type(c, BOMB, -1, pr, flags, out_c, out_m, n, ws)
    else:
        n = _gen_type(c, pt, pl, pr, flags, out_c, out_m, n, ws)
        if mx == 4:
            n = _gen_type(c, BOMB, -1, -1, flags, out_c, out_m, n, ws)
    n = _gen_type(c, ROCKET, -1, -1, flags, out_c, out_m, n, ws)
    return n


@njit(**_OPTS)
def count_plays_k(hands, prevs, flags):
    """Number of legal plays for each (hand, play to beat) (the benchmark's loop, without Python calls)."""
    buf_c = np.empty(BUF, np.int64)
    buf_m = np.empty(BUF, np.int64)
    ws = np.empty(64, np.int64)
    total = 0
    for i in range(hands.shape[0]):
        total += gen_ws(hands[i], prevs[i], flags, buf_c, buf_m, ws)
    return total


# ------------------------------------------------------------------------------------------ playouts
@njit(**_OPTS)
def _playout(h0, h1, tm, prev, flags, buf_c, buf_m, x, ws):
    """Uniform-random play to the end; returns ``(winner 0/1, plays made, rng state)``."""
    plays = 0
    while True:
        h = h0 if tm == 0 else h1
        n = gen_ws(h, prev, flags, buf_c, buf_m, ws)
        x, out = _next(x)
        k = _below(out, n)
        cards = buf_c[k]
        prev = buf_m[k]
        plays += 1
        if tm == 0:
            h0 -= cards
            if h0 == 0:
                return 0, plays, x
        else:
            h1 -= cards
            if h1 == 0:
                return 1, plays, x
        tm ^= 1


@njit(**_OPTS)
def _flat_one(h0, h1, tm, cards, meta, rollouts, seed, flags, samples, buf_c, buf_m):
    """Flat Monte Carlo of the mover ``tm`` playing ``(cards, meta)``: ``(value, stderr, plays)``."""
    keep = samples.shape[0] >= rollouts
    if tm == 0:
        h0 -= cards
        done = h0 == 0
    else:
        h1 -= cards
        done = h1 == 0
    if done:
        if keep:
            for k in range(rollouts):
                samples[k] = 1.0
        return 1.0, 0.0, 0
    x = _seed_state(seed)
    ws = np.empty(64, np.int64)
    total = 0.0
    plays = 0
    for k in range(rollouts):
        w, p, x = _playout(h0, h1, tm ^ 1, meta, flags, buf_c, buf_m, x, ws)
        v = 1.0 if w == tm else 0.0
        plays += p
        if keep:
            samples[k] = v
        total += v
    mean = total / rollouts
    if rollouts < 2:
        return mean, 0.0, plays
    var = (total - rollouts * mean * mean) / (rollouts - 1)
    return mean, math.sqrt(max(var, 0.0) / rollouts), plays


@njit(**_OPTS)
def flat_samples_k(h0, h1, tm, cards, meta, rollouts, seed, flags):
    samples = np.empty(rollouts, np.float64)
    buf_c = np.empty(BUF, np.int64)
    buf_m = np.empty(BUF, np.int64)
    _flat_one(h0, h1, tm, cards, meta, rollouts, seed, flags, samples, buf_c, buf_m)
    return samples


# ----------------------------------------------------------------------------------------------- UCT
@njit(**_OPTS)
def _grow(a, size):
    b = np.empty(size, a.dtype)
    b[:a.shape[0]] = a
    return b


@njit(**_OPTS)
def _uct_one(h0, h1, tm, cards, meta, rollouts, seed, flags, c_uct, buf_c, buf_m):
    """UCT value of the mover ``tm`` playing ``(cards, meta)``: ``(value, stderr, plays)``.

    The search runs from the position after the play (the opponent to move). Every iteration selects by
    UCB1 down the tree, expands a node's children when it is first selected, visits an unvisited child
    (chosen uniformly at random) and plays a uniform-random playout from it. Node rewards are for the
    player who made the move into the node.
    """
    if tm == 0:
        h0 -= cards
        if h0 == 0:
            return 1.0, 0.0, 0
    else:
        h1 -= cards
        if h1 == 0:
            return 1.0, 0.0, 0
    cap = 1024
    nh0 = np.empty(cap, np.int64)
    nh1 = np.empty(cap, np.int64)
    nprev = np.empty(cap, np.int64)
    ntm = np.empty(cap, np.int64)
    first = np.empty(cap, np.int64)
    nch = np.empty(cap, np.int64)
    nvis_ch = np.empty(cap, np.int64)   # children visited so far (they come first, in random order)
    visits = np.empty(cap, np.float64)
    value = np.empty(cap, np.float64)
    winner = np.empty(cap, np.int64)    # -1 live, else the winner (0/1)
    nh0[0] = h0
    nh1[0] = h1
    nprev[0] = meta
    ntm[0] = tm ^ 1
    first[0] = -1
    nch[0] = 0
    nvis_ch[0] = 0
    visits[0] = 0.0
    value[0] = 0.0
    winner[0] = -1
    n_nodes = 1
    path = np.empty(4096, np.int64)
    ws = np.empty(64, np.int64)
    x = _seed_state(seed)
    root_sum = 0.0
    root_sq = 0.0
    plays = 0
    for it in range(rollouts):
        node = 0
        depth = 0
        path[0] = 0
        result = -1
        while True:
            if winner[node] >= 0:
                result = winner[node]
                break
            if first[node] < 0:
                # expand: create every child, in a random order
                n = gen_ws(nh0[node] if ntm[node] == 0 else nh1[node], nprev[node], flags, buf_c, buf_m, ws)
                if n_nodes + n > cap:
                    while n_nodes + n > cap:
                        cap *= 2
                    nh0 = _grow(nh0, cap)
                    nh1 = _grow(nh1, cap)
                    nprev = _grow(nprev, cap)
                    ntm = _grow(ntm, cap)
                    first = _grow(first, cap)
                    nch = _grow(nch, cap)
                    nvis_ch = _grow(nvis_ch, cap)
                    visits = _grow(visits, cap)
                    value = _grow(value, cap)
                    winner = _grow(winner, cap)
                for i in range(n - 1, 0, -1):
                    x, out = _next(x)
                    j = _below(out, i + 1)
                    tc = buf_c[i]
                    buf_c[i] = buf_c[j]
                    buf_c[j] = tc
                    tmeta = buf_m[i]
                    buf_m[i] = buf_m[j]
                    buf_m[j] = tmeta
                p = ntm[node]
                first[node] = n_nodes
                nch[node] = n
                nvis_ch[node] = 0
                for i in range(n):
                    q = n_nodes + i
                    a = nh0[node]
                    b = nh1[node]
                    if p == 0:
                        a -= buf_c[i]
                    else:
                        b -= buf_c[i]
                    nh0[q] = a
                    nh1[q] = b
                    nprev[q] = buf_m[i]
                    ntm[q] = p ^ 1
                    first[q] = -1
                    nch[q] = 0
                    nvis_ch[q] = 0
                    visits[q] = 0.0
                    value[q] = 0.0
                    winner[q] = 0 if a == 0 else (1 if b == 0 else -1)
                n_nodes += n
            if nvis_ch[node] < nch[node]:
                child = first[node] + nvis_ch[node]
                nvis_ch[node] += 1
                depth += 1
                path[depth] = child
                if winner[child] >= 0:
                    result = winner[child]
                else:
                    result, pl, x = _playout(nh0[child], nh1[child], ntm[child], nprev[child], flags,
                                             buf_c, buf_m, x, ws)
                    plays += pl
                break
            logn = math.log(visits[node])
            best = -1
            best_score = -1.0e300
            for ch in range(first[node], first[node] + nch[node]):
                sc = value[ch] / visits[ch] + c_uct * math.sqrt(logn / visits[ch])
                if sc > best_score:
                    best_score = sc
                    best = ch
            node = best
            depth += 1
            path[depth] = node
        for d in range(depth, -1, -1):
            nd = path[d]
            into = ntm[nd] ^ 1  # the player who moved into the node
            v = 1.0 if result == into else 0.0
            visits[nd] += 1.0
            value[nd] += v
            if d == 0:
                root_sum += v
                root_sq += v * v
    mean = root_sum / rollouts
    if rollouts < 2:
        return mean, 0.0, plays
    var = (root_sq - rollouts * mean * mean) / (rollouts - 1)
    return mean, math.sqrt(max(var, 0.0) / rollouts), plays


# ------------------------------------------------------------------------------------------ batches
@njit(**_OPTS)
def _value_of(h0, h1, tm, cards, meta, rollouts, seeds, flags, use_uct, c_uct, i, values, stderrs, plays):
    buf_c = np.empty(BUF, np.int64)
    buf_m = np.empty(BUF, np.int64)
    if use_uct:
        v, se, p = _uct_one(h0[i], h1[i], tm[i], cards[i], meta[i], rollouts, seeds[i], flags, c_uct,
                            buf_c, buf_m)
    else:
        v, se, p = _flat_one(h0[i], h1[i], tm[i], cards[i], meta[i], rollouts, seeds[i], flags,
                             np.empty(0, np.float64), buf_c, buf_m)
    values[i] = v
    stderrs[i] = se
    plays[i] = p


@njit(parallel=True, **_OPTS)
def values_k(h0, h1, tm, cards, meta, rollouts, seeds, flags, use_uct, c_uct, values, stderrs, plays):
    for i in prange(h0.shape[0]):
        _value_of(h0, h1, tm, cards, meta, rollouts, seeds, flags, use_uct, c_uct, i, values, stderrs, plays)


@njit(**_OPTS)
def values_serial_k(h0, h1, tm, cards, meta, rollouts, seeds, flags, use_uct, c_uct, values, stderrs, plays):
    for i in range(h0.shape[0]):
        _value_of(h0, h1, tm, cards, meta, rollouts, seeds, flags, use_uct, c_uct, i, values, stderrs, plays)


# ----------------------------------------------------------------------------------- exact solvers
# Memo: an open-addressing hash table on two arrays (keys, -1 = empty; values) with linear probing. Once
# it is ``MAX_LOAD`` full it stops storing new positions (values stay exact; the search only repeats work).
MAX_LOAD = 0.7


@njit(**_OPTS)
def _index(h, mult):
    k = np.int64(0)
    for i in range(N_RANKS):
        k += ((h >> (4 * i)) & 15) * mult[i]
    return k


@njit(**_OPTS)
def _key(h0, h1, tm, prev, mult0, mult1, size1):
    return (((_index(h0, mult0) * size1 + _index(h1, mult1)) * 2 + tm) << 13) | prev


@njit(**_OPTS)
def _slot(keys, key):
    mask = keys.shape[0] - 1
    i = np.int64((np.uint64(key) * _SM_M1) >> _U32) & mask
    while keys[i] != key and keys[i] != -1:
        i = (i + 1) & mask
    return i


@njit(**_OPTS)
def _store(keys, vals, cnt, i, key, v):
    if keys[i] == -1 and cnt[0] < cnt[1]:
        keys[i] = key
        vals[i] = v
        cnt[0] += 1


@njit(**_OPTS)
def _search(h0, h1, tm, prev, flags, perfect, mult0, mult1, size1, keys, vals, cnt, buf_c, buf_m, order, ws):
    """Exact value of a position for the side to move: minimax (1.0 win / 0.0 loss) if ``perfect``, else
    the win probability under uniform random play by both sides. Memoised in ``keys``/``vals``.

    Depth-first with an explicit stack (numba cannot cache recursive functions). Frame ``d`` holds a
    position, its key, where its plays lie in ``buf_c``/``buf_m`` (from ``off``, ``n`` of them), the next
    play to try and the running sum (random play) of its children's values.
    """
    depth_max = 2 * (n_cards_k(h0) + n_cards_k(h1)) + 4
    fh0 = np.empty(depth_max, np.int64)
    fh1 = np.empty(depth_max, np.int64)
    ftm = np.empty(depth_max, np.int64)
    fprev = np.empty(depth_max, np.int64)
    fkey = np.empty(depth_max, np.int64)
    foff = np.empty(depth_max, np.int64)
    fn = np.empty(depth_max, np.int64)
    fi = np.empty(depth_max, np.int64)
    fnew = np.empty(depth_max, np.bool_)
    facc = np.empty(depth_max, np.float64)
    d = 0
    fh0[0] = h0
    fh1[0] = h1
    ftm[0] = tm
    fprev[0] = prev
    foff[0] = 0
    fnew[0] = True
    ret = 0.0
    while True:
        a = fh0[d]
        b = fh1[d]
        t = ftm[d]
        h = a if t == 0 else b
        off = foff[d]
        done = False
        result = 0.0
        if fnew[d]:
            fnew[d] = False
            key = _key(a, b, t, fprev[d], mult0, mult1, size1)
            fkey[d] = key
            slot = _slot(keys, key)
            if keys[slot] == key:
                ret = vals[slot]
                if d == 0:
                    return ret
                d -= 1
                continue
            n = gen_ws(h, fprev[d], flags, buf_c[off:], buf_m[off:], ws)
            if off + 2 * n + 64 > buf_c.shape[0]:
                raise ValueError("solver move buffer too small")
            fn[d] = n
            fi[d] = 0
            facc[d] = 0.0
            if perfect:
                for i in range(off, off + n):
                    if buf_c[i] == h:
                        done = True
                        result = 1.0
                        break
                if not done:
                    # enhanced transposition cutoff: a play already known to leave the opponent lost
                    for i in range(off, off + n):
                        if t == 0:
                            ck = _key(a - buf_c[i], b, 1, buf_m[i], mult0, mult1, size1)
                        else:
                            ck = _key(a, b - buf_c[i], 0, buf_m[i], mult0, mult1, size1)
                        cs = _slot(keys, ck)
                        if keys[cs] == ck and vals[cs] == 0.0:
                            done = True
                            result = 1.0
                            break
                if not done:
                    # the plays with the most cards first (they shorten the game), the pass last
                    for i in range(off, off + n):
                        last = 1 if buf_m[i] == 0 else 0
                        order[i] = ((last * 32 + (31 - n_cards_k(buf_c[i]))) << 20) | (i - off)
                    order[off:off + n].sort()
        else:
            # a child's value ``ret`` (for the child's mover) has come back
            if perfect:
                if ret == 0.0:
                    done = True
                    result = 1.0
            else:
                facc[d] += 1.0 - ret
            fi[d] += 1
        n = fn[d]
        if not done:
            pushed = False
            while fi[d] < n:
                if perfect:
                    i = off + (order[off + fi[d]] & ((1 << 20) - 1))
                else:
                    i = off + fi[d]
                    if buf_c[i] == h:
                        facc[d] += 1.0
                        fi[d] += 1
                        continue
                e = d + 1
                fh0[e] = a - buf_c[i] if t == 0 else a
                fh1[e] = b - buf_c[i] if t == 1 else b
                ftm[e] = t ^ 1
                fprev[e] = buf_m[i]
                foff[e] = off + n
                fnew[e] = True
                d = e
                pushed = True
                break
            if pushed:
                continue
            result = 0.0 if perfect else facc[d] / n
        key = fkey[d]
        slot = _slot(keys, key)
        _store(keys, vals, cnt, slot, key, result)
        ret = result
        if d == 0:
            return ret
        d -= 1


@njit(**_OPTS)
def _mults(h):
    mult = np.empty(N_RANKS, np.int64)
    m = np.int64(1)
    for i in range(N_RANKS):
        mult[i] = m
        m *= ((h >> (4 * i)) & 15) + 1
    return mult, m


@njit(**_OPTS)
def solve_k(h0, h1, tm, prev, flags, cards, metas, perfect, table_bits, buf_size):
    """Exact values for the mover ``tm`` of playing each ``(cards[i], metas[i])``, and of the position.

    ``perfect``: minimax values (1 win, 0 loss); else win-rates under uniform random play by both sides.
    Returns ``(values, state_value, memoised positions)``.
    """
    mult0, _ = _mults(h0)
    mult1, size1 = _mults(h1)
    buf_c = np.empty(buf_size, np.int64)
    buf_m = np.empty(buf_size, np.int64)
    order = np.empty(buf_size, np.int64)
    keys = np.full(1 << table_bits, -1, np.int64)
    vals = np.empty(1 << table_bits, np.float64)
    cnt = np.zeros(2, np.int64)
    cnt[1] = np.int64(MAX_LOAD * (1 << table_bits))
    ws = np.empty(64, np.int64)
    out = np.empty(cards.shape[0], np.float64)
    best = 0.0
    total = 0.0
    for i in range(cards.shape[0]):
        a = h0 - cards[i] if tm == 0 else h0
        b = h1 - cards[i] if tm == 1 else h1
        if (tm == 0 and a == 0) or (tm == 1 and b == 0):
            v = 1.0
        else:
            v = 1.0 - _search(a, b, tm ^ 1, metas[i], flags, perfect, mult0, mult1, size1, keys, vals, cnt,
                              buf_c, buf_m, order, ws)
        out[i] = v
        best = max(best, v)
        total += v
    state = best if perfect else (total / cards.shape[0] if cards.shape[0] else 0.0)
    return out, state, cnt[0]


@njit(**_OPTS)
def state_value_k(h0, h1, tm, prev, flags, perfect, table_bits, buf_size):
    """Exact value of the position for the side to move (minimax 1/0, or the random-play win-rate)."""
    mult0, _ = _mults(h0)
    mult1, size1 = _mults(h1)
    buf_c = np.empty(buf_size, np.int64)
    buf_m = np.empty(buf_size, np.int64)
    order = np.empty(buf_size, np.int64)
    keys = np.full(1 << table_bits, -1, np.int64)
    vals = np.empty(1 << table_bits, np.float64)
    cnt = np.zeros(2, np.int64)
    cnt[1] = np.int64(MAX_LOAD * (1 << table_bits))
    ws = np.empty(64, np.int64)
    return _search(h0, h1, tm, prev, flags, perfect, mult0, mult1, size1, keys, vals, cnt, buf_c, buf_m, order,
                   ws)
