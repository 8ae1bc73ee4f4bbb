"""Speed of the Gomoku kernels: playouts per second, cold start, batched oracle calls. Prints figures.

    .venv/bin/python benchmarks/gomoku_playouts.py            # full run, about a minute
    .venv/bin/python benchmarks/gomoku_playouts.py --quick    # shorter measurements

Figures printed:

1. uniform-random playouts per second on one core (the numba playout kernel, single-threaded), on empty
   and mid-game 9x9 and 15x15 boards, next to two references measured in the same run: a tight C loop
   (``benchmarks/c_playout.c``, compiled here with ``cc -O3 -march=native``; skipped without a C compiler)
   and a pure-Python playout of the kind popular AlphaZero-Gomoku projects use (a board class that rescans
   the stones for a winner after every move), and the ratios;
2. the time from process start to the first flat Monte Carlo estimate in a new process whose numba cache
   is warm (a subprocess: ``import envs.gomoku.oracle; flat_mc(...)``);
3. 512 (position, move) queries at rollouts=256 on 9x9 through ``flat_mc`` with every core and with one
   thread, and the speed-up;
4. the same 512 queries through ``uct`` at 256 rollouts.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from envs.gomoku import _kernels as K  # noqa: E402
from envs.gomoku import oracle, positions, rules  # noqa: E402

TARGETS = {9: 700_000, 15: 400_000}  # playouts/s/core on an empty board (a tight C loop: 850k and 520k)


# ---------------------------------------------------------------------------------------------------
class PyBoard:
    """A pure-Python Gomoku board in the style of popular AlphaZero-Gomoku projects (for comparison only).

    Stones live in a dict; the list of available points is kept; after every move the winner is found by
    rescanning every stone on the board in the four directions.
    """

    def __init__(self, size: int, n_in_row: int = 5):
        self.width = self.height = size
        self.n_in_row = n_in_row
        self.states: dict[int, int] = {}
        self.availables = list(range(size * size))
        self.current_player = 1

    def copy_from(self, states: dict[int, int], to_move: int) -> "PyBoard":
        self.states = dict(states)
        self.availables = [m for m in range(self.width * self.height) if m not in states]
        self.current_player = to_move
        return self

    def do_move(self, move: int) -> None:
        self.states[move] = self.current_player
        self.availables.remove(move)
        self.current_player = 3 - self.current_player

    def has_a_winner(self) -> tuple[bool, int]:
        width, height, n, states = self.width, self.height, self.n_in_row, self.states
        for m, player in states.items():
            h, w = divmod(m, width)
            if w <= width - n and all(states.get(m + i) == player for i in range(n)):
                return True, player
            if h <= height - n and all(states.get(m + i * width) == player for i in range(n)):
                return True, player
            if w <= width - n and h <= height - n and all(
                states.get(m + i * (width + 1)) == player for i in range(n)
            ):
                return True, player
            if w >= n - 1 and h <= height - n and all(
                states.get(m + i * (width - 1)) == player for i in range(n)
            ):
                return True, player
        return False, -1

    def playout(self, rng: random.Random) -> int:
        while True:
            win, player = self.has_a_winner()
            if win:
                return player
            if not self.availables:
                return 0
            self.do_move(rng.choice(self.availables))


def python_rate(size: int, states: dict[int, int], to_move: int, seconds: float) -> float:
    rng = random.Random(0)
    n, t0 = 0, time.process_time()
    while time.process_time() - t0 < seconds:
        PyBoard(size).copy_from(states, to_move).playout(rng)
        n += 1
    return n / (time.process_time() - t0)


def numba_rate(board: np.ndarray, to_move: int, n: int, repeats: int = 3) -> float:
    seed = rules.check_seed(1)
    K.playouts_k(board, to_move, 10, seed, False)  # compile / load
    best = float("inf")
    for _ in range(repeats):
        t0 = time.process_time()
        K.playouts_k(board, to_move, n, seed, False)
        best = min(best, time.process_time() - t0)
    return n / best


def build_c_reference(workdir: str) -> str | None:
    """Compile ``c_playout.c`` into ``workdir``; the executable's path, or None without a C compiler."""
    cc = shutil.which(os.environ.get("CC", "cc")) or shutil.which("gcc")
    if cc is None:
        return None
    exe = os.path.join(workdir, "c_playout")
    src = os.path.join(ROOT, "benchmarks", "c_playout.c")
    subprocess.run([cc, "-O3", "-march=native", "-o", exe, src], check=True)
    return exe


def c_rate(exe: str, board: np.ndarray, to_move: int, n: int, repeats: int = 3) -> float:
    """Playouts per CPU second of the C reference (best of ``repeats`` runs of ``n`` playouts)."""
    cells = "".join(str(int(v)) for v in board.ravel())
    best = float("inf")
    for _ in range(repeats):
        out = subprocess.run([exe, str(board.shape[0]), str(to_move), cells, str(n)], check=True,
                             capture_output=True, text=True)
        best = min(best, float(out.stdout.split()[0]))
    return n / best


def midgame(size: int, n_stones: int, seed: int) -> tuple[np.ndarray, int]:
    return rules.board_from_moves(size, positions.selfplay_moves(size, n_stones, seed))


def section_playouts(quick: bool) -> None:
    print("1. Uniform-random playouts per second per core (single-threaded, CPU time of each process)")
    with tempfile.TemporaryDirectory() as tmp:
        exe = build_c_reference(tmp)
        if exe is None:
            print("   (no C compiler found: the C reference column is skipped)")
        print(f"   {'board':<28}{'numba':>11}{'C':>11}{'numba/C':>9}{'pure Python':>13}{'numba/Py':>10}   target")
        for size, stones in ((9, 0), (9, 20), (15, 0), (15, 50)):
            board, to_move = (np.zeros((size, size), np.int8), 1) if stones == 0 else midgame(size, stones, 7)
            n = 100_000 if quick else 400_000
            rate = numba_rate(board, to_move, n)
            c = c_rate(exe, board, to_move, n) if exe else float("nan")
            states = {int(m): int(board.flat[m]) for m in np.flatnonzero(board.ravel())}
            py = python_rate(size, states, to_move, 1.0 if quick else 3.0)
            label = f"{size}x{size} " + ("empty" if stones == 0 else f"mid-game ({stones} stones)")
            target = ""
            if stones == 0:
                ok = rate >= TARGETS[size]
                target = f">= {TARGETS[size] // 1000}k: {'met' if ok else 'MISSED'}"
            print(f"   {label:<28}{rate:>11,.0f}{c:>11,.0f}{rate / c:>8.2f}x{py:>13,.0f}{rate / py:>9,.0f}x   {target}")


def section_cold_start() -> None:
    print("2. New process, warm numba cache: process start -> first flat_mc estimate")
    code = (
        "import time\n"
        "import numpy as np\n"
        "from envs.gomoku.oracle import flat_mc\n"
        "flat_mc(np.zeros((1, 9, 9), np.int8), [1], [40], 256, [0])\n"
        "print(time.time())\n"
    )

    def run(src: str) -> tuple[float, float]:
        """(seconds from launch to the child's printed time, seconds from launch to exit)."""
        t0 = time.time()
        out = subprocess.run([sys.executable, "-c", src], cwd=ROOT, check=True, capture_output=True, text=True)
        t_end = time.time()
        return float(out.stdout.split()[-1]) - t0, t_end - t0

    run(code)  # warm the cache
    firsts, exits = zip(*(run(code) for _ in range(5)))
    imports = min(run("import time\nimport numba\nprint(time.time())\n")[0] for _ in range(3))
    best = min(firsts)
    print(f"   first estimate {best:.2f} s after launch (best of 5; median {sorted(firsts)[2]:.2f} s), "
          f"process exit at {min(exits):.2f} s; interpreter + numpy + numba import alone {imports:.2f} s; "
          f"target <= 1 s: {'met' if best <= 1.0 else 'MISSED'}")


def queries(n: int, size: int = 9, seed: int = 0):
    rng = np.random.default_rng(seed)
    boards, to_move, moves = [], [], []
    for i in range(n):
        board, tm = midgame(size, int(rng.integers(6, 30)), seed * 100_000 + i)
        boards.append(board)
        to_move.append(tm)
        moves.append(int(rng.choice(np.flatnonzero(board.ravel() == 0))))
    return np.stack(boards), np.array(to_move), np.array(moves), np.arange(n)


def timed(fn, *args, repeats: int = 3, **kw) -> float:
    fn(*args, **kw)  # compile / load
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn(*args, **kw)
        best = min(best, time.perf_counter() - t0)
    return best


def all_cores_vs_one(fn, q) -> tuple[int, float, float]:
    """Best wall time of ``fn`` over the queries ``q`` with every numba thread, then with one thread."""
    import numba

    cores = numba.config.NUMBA_NUM_THREADS
    t_all = timed(fn, *q[:3], 256, q[3])
    numba.set_num_threads(1)
    try:
        t_one = timed(fn, *q[:3], 256, q[3])
    finally:
        numba.set_num_threads(cores)
    return cores, t_all, t_one


def section_batch() -> None:
    q = queries(512)
    print("3. 512 (position, move) queries, rollouts=256, 9x9 mid-game positions (6-29 stones), flat_mc")
    cores, t_all, t_one = all_cores_vs_one(oracle.flat_mc, q)
    print(f"   {cores} threads: {t_all:.3f} s   1 thread: {t_one:.3f} s   speed-up {t_one / t_all:.2f}x   "
          f"target <= 0.5 s: {'met' if t_all <= 0.5 else 'MISSED'}")
    print("4. The same 512 queries through uct, rollouts=256")
    cores, u_all, u_one = all_cores_vs_one(oracle.uct, q)
    print(f"   {cores} threads: {u_all:.3f} s ({u_all / 512 * 1e3:.2f} ms per query)   1 thread: {u_one:.3f} s   "
          f"speed-up {u_one / u_all:.2f}x")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="shorter measurements")
    args = ap.parse_args(argv)
    import numba

    load = os.getloadavg()[0]
    print(f"numba {numba.__version__}, {numba.config.NUMBA_NUM_THREADS} threads, {os.cpu_count()} CPUs, "
          f"load average {load:.2f}" + ("  (busy machine: wall-clock figures 2-4 are pessimistic)" if load > 0.5 else ""))
    section_playouts(args.quick)
    section_cold_start()
    section_batch()
    return 0


if __name__ == "__main__":
    sys.exit(main())
