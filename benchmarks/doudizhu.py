"""Speed of the Dou Dizhu kernels against a straightforward pure-Python implementation run alongside them.

    .venv/bin/python benchmarks/doudizhu.py            # about two minutes on 2 cores
    .venv/bin/python benchmarks/doudizhu.py --quick

Every figure is the median of ``--repeats`` repeats, measured in CPU time of this process (``time.process_time``)
so that other load on a shared machine distorts it less; wall-clock medians are printed beside them. The
pure-Python reference (``PyMoves`` below: a move generator written the way popular Python engines write one,
type by type over a dict of counts, with ``itertools`` for the kickers) is checked against the kernel's plays
before it is timed, and every ratio compares two figures of the same run.

1. legal-move generation for 5-card and 10-card hands (free leads and replies to a random play): calls per
   second of the kernel in a batch loop, of one Python call of the kernel (``gen_k`` on preallocated
   buffers), of the public ``moves.legal_plays`` (which builds ``Play`` objects), and of ``PyMoves``;
   target: at least 10 times the reference;
2. the exact random-play win-rate of a 5 vs 5 endgame (target: median <= 2 ms), beside a memoised
   pure-Python recursion over ``PyMoves``;
3. the minimax value of a 10 vs 10 endgame (target: median <= 50 ms), and of 5 vs 5 beside a memoised
   pure-Python minimax;
4. uniform-random rollouts (plays per second on one core, target >= 1M) beside pure-Python playouts.
"""
from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time
from functools import lru_cache

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from envs.doudizhu import _kernels as K  # noqa: E402
from envs.doudizhu import solvers  # noqa: E402
from envs.doudizhu.cards import pack  # noqa: E402
from envs.doudizhu.moves import legal_plays  # noqa: E402
from envs.doudizhu.state import DdzState  # noqa: E402

DECK = np.array([r for r in range(13) for _ in range(4)] + [13, 14])


# ------------------------------------------------------------------------- the pure-Python reference
class PyMoves:
    """A straightforward Python move generator (strict rule): plays as (type, rank, length, counts)."""

    SOLO, PAIR, TRIO, TRIO1, TRIO2, STRAIGHT, PCHAIN, PLANE, PLANE1, PLANE2, FOUR1, FOUR2, BOMB, ROCKET = range(1, 15)

    def __init__(self, counts):
        self.c = {r: n for r, n in enumerate(counts) if n}

    def _cards(self, parts):
        out = [0] * 15
        for r, n in parts:
            out[r] += n
        return tuple(out)

    def _chains(self, need, lmin, lmax):
        for lo in range(12):
            for ln in range(lmin, lmax + 1):
                hi = lo + ln - 1
                if hi > 11:
                    break
                if all(self.c.get(r, 0) >= need for r in range(lo, hi + 1)):
                    yield lo, ln
                else:
                    break

    def by_type(self, t):
        c = self.c
        out = []
        if t == self.SOLO:
            out = [(t, r, 1, self._cards([(r, 1)])) for r in c]
        elif t == self.PAIR:
            out = [(t, r, 1, self._cards([(r, 2)])) for r, n in c.items() if n >= 2 and r <= 12]
        elif t == self.TRIO:
            out = [(t, r, 1, self._cards([(r, 3)])) for r, n in c.items() if n >= 3 and r <= 12]
        elif t == self.BOMB:
            out = [(t, r, 1, self._cards([(r, 4)])) for r, n in c.items() if n == 4]
        elif t == self.ROCKET:
            if c.get(13) and c.get(14):
                out = [(t, 13, 1, self._cards([(13, 1), (14, 1)]))]
        elif t in (self.TRIO1, self.TRIO2):
            k = 1 if t == self.TRIO1 else 2
            for r, n in c.items():
                if n >= 3 and r <= 12:
                    for s, m in c.items():
                        if s != r and m >= k and (k == 1 or s <= 12):
                            out.append((t, r, 1, self._cards([(r, 3), (s, k)])))
        elif t in (self.STRAIGHT, self.PCHAIN, self.PLANE):
            need, lmin, lmax = {self.STRAIGHT: (1, 5, 12), self.PCHAIN: (2, 3, 10), self.PLANE: (3, 2, 6)}[t]
            out = [(t, lo, ln, self._cards([(r, need) for r in range(lo, lo + ln)])) for lo, ln in
                   self._chains(need, lmin, lmax)]
        elif t in (self.PLANE1, self.PLANE2):
            lmax = 5 if t == self.PLANE1 else 4
            for lo, ln in self._chains(3, 2, lmax):
                chain = set(range(lo, lo + ln))
                seen = set()
                if t == self.PLANE1:
                    pool = [r for r, n in c.items() if r not in chain for _ in range(min(n, 3))]
                    for wings in itertools.combinations(sorted(pool), ln):
                        if wings in seen:
                            continue
                        seen.add(wings)
                        if 13 in wings and 14 in wings:
                            continue
                        if any(wings.count(a) >= 3 for a in (lo - 1, lo + ln) if 0 <= a <= 11):
                            continue
                        out.append((t, lo, ln, self._cards([(r, 3) for r in chain] + [(w, 1) for w in wings])))
                else:
                    pool = sorted(r for r, n in c.items() if r not in chain and n >= 2 and r <= 12)
                    for wings in itertools.combinations(pool, ln):
                        out.append((t, lo, ln, self._cards([(r, 3) for r in chain] + [(w, 2) for w in wings])))
        elif t in (self.FOUR1, self.FOUR2):
            for r, n in c.items():
                if n != 4:
                    continue
                if t == self.FOUR1:
                    pool = sorted(s for s, m in c.items() if s != r for _ in range(min(m, 2)))
                    for k in set(itertools.combinations(pool, 2)):
                        if k != (13, 14):
                            out.append((t, r, 1, self._cards([(r, 4)] + [(s, 1) for s in k])))
                else:
                    pool = sorted(s for s, m in c.items() if s != r and m >= 2 and s <= 12)
                    for k in itertools.combinations(pool, 2):
                        out.append((t, r, 1, self._cards([(r, 4)] + [(s, 2) for s in k])))
        return out

    def moves(self, prev=None):
        """Every legal play against ``prev`` ((type, rank, length, counts) or None)."""
        if prev is None:
            out = []
            for t in range(1, 15):
                out += self.by_type(t)
            return out
        pt, pr, pl, _ = prev
        out = [(0, 0, 0, (0,) * 15)]
        if pt == self.ROCKET:
            return out
        if pt == self.BOMB:
            out += [m for m in self.by_type(self.BOMB) if m[1] > pr]
        else:
            out += [m for m in self.by_type(pt) if m[2] == pl and m[1] > pr]
            out += self.by_type(self.BOMB)
        return out + self.by_type(self.ROCKET)


def py_random_value(a, b):
    @lru_cache(maxsize=None)
    def v(h0, h1, tm, prev):
        h = h0 if tm == 0 else h1
        ms = PyMoves(h).moves(prev)
        s = 0.0
        for m in ms:
            rest = tuple(x - y for x, y in zip(h, m[3]))
            if not any(rest):
                s += 1.0
                continue
            nxt = None if m[0] == 0 else m
            s += 1.0 - (v(rest, h1, 1, nxt) if tm == 0 else v(h0, rest, 0, nxt))
        return s / len(ms)
    return v(a, b, 0, None)


def py_minimax(a, b):
    @lru_cache(maxsize=None)
    def v(h0, h1, tm, prev):
        h = h0 if tm == 0 else h1
        for m in PyMoves(h).moves(prev):
            rest = tuple(x - y for x, y in zip(h, m[3]))
            if not any(rest):
                return 1
            nxt = None if m[0] == 0 else m
            if (v(rest, h1, 1, nxt) if tm == 0 else v(h0, rest, 0, nxt)) == 0:
                return 1
        return 0
    return v(a, b, 0, None)


def py_playout(a, b, rng):
    hands = [a, b]
    tm, prev, plays = 0, None, 0
    while True:
        ms = PyMoves(hands[tm]).moves(prev)
        m = ms[rng.randrange(len(ms))]
        plays += 1
        hands[tm] = tuple(x - y for x, y in zip(hands[tm], m[3]))
        if not any(hands[tm]):
            return tm, plays
        prev = None if m[0] == 0 else m
        tm ^= 1


# ------------------------------------------------------------------------------------------ helpers
def deal(rng, n, m=0):
    p = rng.permutation(DECK)
    a = tuple(int(x) for x in np.bincount(p[:n], minlength=15))
    b = tuple(int(x) for x in np.bincount(p[n:n + m], minlength=15))
    return a, b


def timed(fn, repeats):
    """Median CPU and wall seconds of ``fn()`` over ``repeats`` runs (after one warm-up run)."""
    fn()
    cpu, wall = [], []
    for _ in range(repeats):
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return statistics.median(cpu), statistics.median(wall)


def line(label, value, unit, ref=None, target=None):
    text = f"  {label:<58} {value:>12,.1f} {unit}"
    if ref is not None:
        text += f"   x{ref:,.1f}"
    if target is not None:
        text += f"   (target {target})"
    print(text)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--repeats", type=int, default=None)
    args = ap.parse_args()
    reps = args.repeats or (3 if args.quick else 7)
    rng = np.random.default_rng(0)
    buf_c = np.empty(K.BUF, np.int64)
    buf_m = np.empty(K.BUF, np.int64)

    print("1. legal-move generation (calls per second; x = ratio to the pure-Python reference)")
    for size in (5, 10):
        hands = [deal(rng, size)[0] for _ in range(400 if args.quick else 2000)]
        prevs = []
        for _ in hands:
            if rng.random() < 0.5:
                prevs.append(None)
            else:
                plays = legal_plays(deal(rng, 12)[0])
                prevs.append(plays[int(rng.integers(len(plays)))])
        # the reference agrees with the kernel before it is timed
        for h, p in zip(hands[:200], prevs[:200]):
            ref = {m[3] for m in PyMoves(h).moves(None if p is None else (p.type, p.rank, p.length, p.cards))}
            assert ref == {q.cards for q in legal_plays(h, p)}, (h, p)
        packed = np.array([pack(h) for h in hands], np.int64)
        metas = np.array([0 if p is None else p.meta for p in prevs], np.int64)
        pyprev = [None if p is None else (p.type, p.rank, p.length, p.cards) for p in prevs]
        n = len(hands)

        def run_kernel():
            K.count_plays_k(packed, metas, np.int64(0))

        def run_call():
            for i in range(n):
                K.gen_k(packed[i], metas[i], 0, buf_c, buf_m)

        def run_public():
            for h, p in zip(hands, prevs):
                legal_plays(h, p)

        def run_py():
            for h, p in zip(hands, pyprev):
                PyMoves(h).moves(p)

        py_cpu, py_wall = timed(run_py, reps)
        py_rate = n / py_cpu
        print(f" {size}-card hands, half free leads, half replies ({n} calls per repeat)")
        line("pure-Python reference (PyMoves)", py_rate, "calls/s")
        for label, fn in (("numba kernel, batch loop (count_plays_k)", run_kernel),
                          ("numba kernel, one Python call each (gen_k)", run_call),
                          ("public legal_plays (Play objects)", run_public)):
            cpu, wall = timed(fn, reps)
            line(label, n / cpu, "calls/s", (n / cpu) / py_rate, ">= x10" if "gen_k" in label else None)

    print("\n2-3. exact solvers (median per position; x = speed-up over memoised pure Python)")
    n_pos = 15 if args.quick else 40
    pos5 = [deal(rng, 5, 5) for _ in range(n_pos)]
    pos10 = [deal(rng, 10, 10) for _ in range(n_pos)]

    def med(fn, items):
        fn(*items[0])
        cpu, wall = [], []
        for it in items:
            c0, w0 = time.process_time(), time.perf_counter()
            fn(*it)
            cpu.append(time.process_time() - c0)
            wall.append(time.perf_counter() - w0)
        return statistics.median(cpu) * 1e3, statistics.median(wall) * 1e3

    def ours(perfect):
        return lambda a, b: solvers.state_value(DdzState((a, b), 0), perfect)

    for label, fn, ref, items, target in (
            ("random-play win-rate, 5 vs 5", ours(False), py_random_value, pos5, "<= 2 ms"),
            ("minimax value, 5 vs 5", ours(True), py_minimax, pos5, None),
            ("minimax value, 10 vs 10", ours(True), None, pos10, "<= 50 ms")):
        cpu, wall = med(fn, items)
        if ref is not None:
            rcpu, _ = med(ref, items[: max(5, len(items) // 4)])
            line(f"pure Python, {label}", rcpu, "ms")
            line(f"numba, {label} (wall {wall:.2f} ms)", cpu, "ms", rcpu / cpu, target)
        else:
            line(f"numba, {label} (wall {wall:.2f} ms)", cpu, "ms", None, target)

    print("\n4. uniform-random rollouts on one core (plays per second)")
    qs = [deal(rng, 5, 5) for _ in range(16)] + [deal(rng, 17, 20) for _ in range(16)]
    for label, sub in (("5 vs 5", qs[:16]), ("17 vs 20", qs[16:])):
        states = [DdzState((a, b), 0) for a, b in sub]
        plays = [s.legal()[0] for s in states]
        h0 = np.array([pack(a) for a, _ in sub], np.int64)
        h1 = np.array([pack(b) for _, b in sub], np.int64)
        tm = np.zeros(len(sub), np.int64)
        cards = np.array([p.packed for p in plays], np.int64)
        meta = np.array([p.meta for p in plays], np.int64)
        seeds = np.arange(len(sub), dtype=np.uint64)
        vals, ses, made = np.empty(len(sub)), np.empty(len(sub)), np.zeros(len(sub), np.int64)
        rollouts = 500 if args.quick else 2000

        def run_rollouts():
            K.values_serial_k(h0, h1, tm, cards, meta, rollouts, seeds, np.int64(0), False, 0.7, vals, ses, made)

        cpu, wall = timed(run_rollouts, reps)
        rate = made.sum() / cpu
        prng = __import__("random").Random(0)
        after = [((tuple(x - y for x, y in zip(a, p.cards))), b) for (a, b), p in zip(sub, plays)]
        c0 = time.process_time()
        py_plays = 0
        for _ in range(3 if args.quick else 10):
            for a, b in after:
                if any(a):
                    py_plays += py_playout(b, a, prng)[1]
        py_rate = py_plays / (time.process_time() - c0)
        print(f" {label}")
        line("pure-Python playouts (PyMoves)", py_rate, "plays/s")
        line(f"numba playouts, one thread (wall {made.sum() / wall:,.0f}/s)", rate, "plays/s", rate / py_rate,
             ">= 1,000,000")
    return 0


if __name__ == "__main__":
    sys.exit(main())
