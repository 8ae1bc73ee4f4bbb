"""Code sandbox speed: per-execution overhead against a fresh interpreter, and the built-in set at tests=32.

    python benchmarks/code_sandbox.py            # about a minute on 2 cores
    python benchmarks/code_sandbox.py --quick

1. **Per-execution overhead.** One trivial program (``def f(x): return x``) with one test, run through the
   fork server (a confined child forked from a pre-started worker, uid switch, rlimits, private temp dir,
   cleanup of every descendant) and, in the same run, through a fresh ``python -I -S`` subprocess per
   completion (the cheapest fresh interpreter; no isolation at all). Medians of repeated runs. Target: the
   fork server's overhead at most 5 ms per execution.
2. **The built-in set at tests=32**: every problem's reference (and then every candidate, wrong variants
   included, of which the too-slow ones run into their time limits) scored through ``Code-LLM-v0`` with 2
   sandbox workers, in one batch: wall time, completions/s and tests/s.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from envs.code.env import CodeEnv  # noqa: E402
from envs.code.sandbox import Sandbox  # noqa: E402

TRIVIAL = "def f(x):\n    return x\n"


def _proc_cpu(pid: int) -> float:
    """CPU seconds of a process and its reaped children (utime, stime, cutime, cstime)."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _children_cpu() -> float:
    import resource
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def overhead(repeats: int) -> dict:
    job = {"mode": "call", "source": TRIVIAL, "entry_point": "f", "style": "function", "tests": ["[1]"],
           "limits": [1.0]}
    script = TRIVIAL + "import json\nprint(json.dumps(f(*json.loads('[1]'))))\n"
    with Sandbox(workers=1) as sb:
        for _ in range(5):
            sb.run(dict(job))
        [worker] = sb.worker_pids()
        fork, fresh = [], []
        cpu_fork = cpu_fresh = 0.0
        for _ in range(repeats):  # interleaved, so that load on the machine hits both alike
            c0, p0 = _proc_cpu(worker), time.process_time()
            t = time.perf_counter()
            rep = sb.run(dict(job))
            fork.append(time.perf_counter() - t)
            cpu_fork += _proc_cpu(worker) - c0 + time.process_time() - p0
            assert rep["results"][0]["v"] == "1", rep
            c0, p0 = _children_cpu(), time.process_time()
            t = time.perf_counter()
            out = subprocess.run([sys.executable, "-I", "-S", "-c", script], capture_output=True, text=True)
            fresh.append(time.perf_counter() - t)
            cpu_fresh += _children_cpu() - c0 + time.process_time() - p0
            assert out.stdout.strip() == "1", out
        missing = sb.missing
    return {"fork": statistics.median(fork), "fresh": statistics.median(fresh), "missing": missing,
            "cpu_fork": cpu_fork / repeats, "cpu_fresh": cpu_fresh / repeats}


def builtin_set(tests: int, all_candidates: bool) -> dict:
    env = CodeEnv(tests=tests, workers=2)
    try:
        states, completions = [], []
        for tid in env.task_ids:
            task = env.task(tid)
            task.limits()  # expected values and time limits (computed once per process, cached)
            acts = env.candidate_actions(tid)
            for a in acts if all_candidates else acts[:1]:
                states.append(tid)
                completions.append(env.format_action(a))
        env.score_completions(states[:2], completions[:2])  # start the workers
        t = time.perf_counter()
        scored = env.score_completions(states, completions, seed=0)
        wall = time.perf_counter() - t
        ok = sum(s.reward == 1.0 for s in scored)
        errors = sum(s.oracle_error is not None for s in scored)
    finally:
        env.close()
    return {"n": len(completions), "wall": wall, "full": ok, "errors": errors, "problems": len(env.task_ids)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer repeats")
    ap.add_argument("--tests", type=int, default=32)
    args = ap.parse_args()
    repeats = 3 if args.quick else 5
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; "
          f"{'root' if os.geteuid() == 0 else 'not root'}")
    per = [overhead(20 if args.quick else 40) for _ in range(repeats)]
    fork = statistics.median(p["fork"] for p in per)
    fresh = statistics.median(p["fresh"] for p in per)
    print("\n1. per-execution time of a trivial program with one test (median of "
          f"{repeats} medians)")
    print(f"   fork server (confined child)      {fork * 1e3:7.2f} ms")
    print(f"   fresh `python -I -S` subprocess   {fresh * 1e3:7.2f} ms")
    print(f"   ratio fresh / fork server         {fresh / fork:7.2f}x   (target: fork server <= 5 ms)")
    cf = statistics.median(p["cpu_fork"] for p in per)
    cr = statistics.median(p["cpu_fresh"] for p in per)
    print(f"   CPU time per execution (all processes involved; insensitive to other load on the machine):")
    print(f"   fork server {cf * 1e3:6.2f} ms, fresh subprocess {cr * 1e3:6.2f} ms, ratio {cr / max(cf, 1e-9):5.2f}x")
    if per[0]["missing"]:
        print("   reduced isolation: " + "; ".join(per[0]["missing"]))
    runs = [builtin_set(args.tests, False) for _ in range(1 if args.quick else 3)]
    ref = min(runs, key=lambda r: r["wall"]) if len(runs) < 3 else sorted(runs, key=lambda r: r["wall"])[1]
    print(f"\n2. the built-in set at tests={args.tests}, 2 workers ({ref['problems']} problems; median of "
          f"{len(runs)} runs)")
    print(f"   references:     {ref['n']:4d} completions in {ref['wall']:6.2f} s = {ref['n'] / ref['wall']:6.1f} "
          f"completions/s, {ref['n'] * args.tests / ref['wall']:7.0f} tests/s; full reward {ref['full']}/{ref['n']}, "
          f"oracle errors {ref['errors']}")
    allc = builtin_set(args.tests, True)
    print(f"   all candidates: {allc['n']:4d} completions in {allc['wall']:6.2f} s = {allc['n'] / allc['wall']:6.1f} "
          f"completions/s (wrong variants included; too-slow ones run into their limits), oracle errors "
          f"{allc['errors']}")


if __name__ == "__main__":
    main()
