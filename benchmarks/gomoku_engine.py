"""Figures of the Gomocup engine oracle and of ``rewarddial pbrain``. Prints tables; asserts nothing.

    .venv/bin/python benchmarks/gomoku_engine.py            # about a minute
    .venv/bin/python benchmarks/gomoku_engine.py --quick

1. Seconds per engine query at think_ms=200 against the test engine that behaves like Rapfi on the wire
   (tests/data/mock_rapfi_engine.py: input ignored for 150 ms after each move, a slow first reply), one
   process queried in a row and a pool of 2 (``engine_workers=2``), with the ratio to the thinking time.
2. pbrain's playouts per second (UCT, ``INFO max_node``), read from its MESSAGE lines, next to the flat
   playout kernel's rate on the same positions measured in the same run (the ratio).
3. Faulty-engine steps: for each faulty behaviour of the test engine, one ``env.step`` (time, reward,
   ``info["oracle_error"]``) with think_ms=50, reply_timeout=0.5 s, startup_timeout=0.5 s.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import numpy as np  # noqa: E402

from envs.gomoku import _kernels as K  # noqa: E402
from envs.gomoku.engine import EngineOracle  # noqa: E402
from envs.gomoku.env import GomokuEnv  # noqa: E402
from envs.gomoku.state import decode_state  # noqa: E402

MOCK = os.path.join(ROOT, "tests", "data", "mock_rapfi_engine.py")
PBRAIN = [sys.executable, "-c", f"import sys; sys.path.insert(0, {ROOT!r}); from envs.gomoku.pbrain import main; "
                                "sys.exit(main())"]


def queries(n, size=15, seed=0):
    env = GomokuEnv(size=size)
    states = [decode_state(s) for s in env.sample_states(n, seed=seed)]
    moves = [int(s.empty_points()[len(s.empty_points()) // 2]) for s in states]
    return states, moves


def engine_query_time(n):
    states, moves = queries(n)
    rows = []
    for workers in (1, 2):
        orc = EngineOracle([sys.executable, MOCK], workers=workers, options={"reply_timeout": 2.0})
        try:
            orc.estimate(states[:workers], moves[:workers], 200)  # start-up (slow first reply) not counted
            runs = []
            for _ in range(3):
                t0 = time.perf_counter()
                out = orc.estimate(states, moves, 200)
                runs.append((time.perf_counter() - t0) / n)
            failed = sum(not hasattr(e, "value") for e in out)
        finally:
            orc.close()
        med = statistics.median(runs)
        rows.append((workers, med, med / 0.2, failed))
    print("1. seconds per engine query at think_ms=200 (mock Rapfi: 150 ms deaf after each move)")
    print("   workers  s/query  ratio to think time  failed")
    for w, med, ratio, failed in rows:
        print(f"   {w:7d}  {med:7.3f}  {ratio:19.2f}  {failed:6d}")


def pbrain_speed(nodes):
    print(f"2. pbrain playouts per second (INFO max_node {nodes}), flat kernel on the same positions")
    print("   size  stones  pbrain/s   flat/s    ratio")
    for size in (9, 15):
        states, _ = queries(4, size=size, seed=5)
        for state in states:
            lines = ["START %d" % size, f"INFO max_node {nodes}", "BOARD"]
            for i, m in enumerate(state.moves):
                r, c = divmod(m, size)
                lines.append(f"{c},{r},{1 if (len(state.moves) - i) % 2 == 0 else 2}")
            lines += ["DONE", "BOARD"] + lines[3:-1] + ["DONE", "END"]
            out = subprocess.run(PBRAIN, input="\n".join(lines) + "\n", capture_output=True, text=True,
                                 timeout=300).stdout.splitlines()
            msg = [ln for ln in out if ln.startswith("MESSAGE")][-1]  # the second search: kernels warm
            playouts = int(msg.split("Playouts ")[1].split()[0])
            ms = float(msg.split("Time ")[1].rstrip("ms"))
            if playouts == 0 or ms == 0:  # a forced move (win or block): no search
                continue
            pb = playouts / (ms / 1000.0)
            K.playouts_k(state.board, state.to_move, 10, np.uint64(0), False)  # compiled or loaded
            t0 = time.process_time()
            K.playouts_k(state.board, state.to_move, 20000, np.uint64(1), False)
            flat = 20000 / (time.process_time() - t0)
            print(f"   {size:4d}  {len(state.moves):6d}  {pb:8.0f}  {flat:8.0f}  {pb / flat:7.3f}")


FAULTS = ["crash", "hang", "garbage", "bad-move", "occupied", "no-eval", "bad-eval", "no-start", "start-error",
          "late", "close-stdout", "exit-after-move", "binary", "no-about", "huge-line", "stderr-flood"]


def faulty_steps():
    print("3. faulty-engine steps (think_ms=50, reply_timeout=0.5 s, startup_timeout=0.5 s)")
    print("   fault            time s  reward  oracle_error")
    for fault in FAULTS:
        env = GomokuEnv(size=9, estimator="engine", think_ms=50, engine_workers=1,
                        engine_command=[sys.executable, MOCK, f"--fault={fault}", "--first-ms=0"],
                        engine_options={"reply_timeout": 0.5, "startup_timeout": 0.5})
        try:
            env.reset(options={"state": "gomoku:9:free:E5,E9,E6,A1,E7,B1,E8"})
            t0 = time.perf_counter()
            _, r, _, _, info = env.step("<answer>E4</answer>")
            took = time.perf_counter() - t0
        finally:
            env.close()
        err = info.get("oracle_error")
        err = "-" if err is None else err.split("mock_rapfi_engine.py', ")[-1][:70]
        print(f"   {fault:15s}  {took:6.2f}  {r:6.3f}  {err}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    engine_query_time(6 if args.quick else 20)
    pbrain_speed(16384 if args.quick else 65536)
    faulty_steps()


if __name__ == "__main__":
    main()
