"""Speed of SVG-LLM-v0's oracle: sanitized, isolated render-and-score evaluations per second. Prints figures.

    .venv/bin/python benchmarks/svg_render.py             # about a minute
    .venv/bin/python benchmarks/svg_render.py --quick

The jobs are every hand-written drawing of the 23 seed tasks (correct ones and near misses, 189 SVGs), each
scored by its task's verifier at 256 px. Measured in the same run, each repeated and reported as medians:

1. **isolated**: ``RenderPool(workers=2)`` (the env's path: sanitize, render with skia, verify, in two worker
   processes with memory limits and per-item time limits), batches of all jobs;
2. **in-process**: the same sanitize + render + verify in this process, one core, no isolation;
3. **render only**: skia rendering the raw SVG text in this process (no sanitizer, no verifier);
4. the same three for the parametric ``shapes`` tasks (render similarity against the reference).

Wall-clock rates depend on what else runs on the machine. So the script also reads the CPU time the work
used (this process and the workers, from ``/proc``) and prints **evaluations per CPU-second**: on an
otherwise idle machine with two cores, the isolated path's capacity is about twice that figure.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from envs.svg.env import _shape_candidates  # noqa: E402
from envs.svg.examples import EXAMPLES  # noqa: E402
from envs.svg.renderer import RenderPool  # noqa: E402
from envs.svg.worker import evaluate  # noqa: E402

TARGET = 500  # isolated evaluations per second on 2 cores at 256 px


def _cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds of this process and of ``pids`` (from /proc; 0 where unreadable)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in [os.getpid()] + pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, IndexError, ValueError):
            pass
    return total


def _rate(fn, n_jobs: int, repeats: int, pids=lambda: []) -> tuple[float, float]:
    """Median wall-clock rate and median rate per CPU-second over ``repeats`` runs of ``fn``."""
    walls, cpus = [], []
    for _ in range(repeats):
        c0, t0 = _cpu_seconds(pids()), time.perf_counter()
        fn()
        t1, c1 = time.perf_counter(), _cpu_seconds(pids())
        walls.append(n_jobs / (t1 - t0))
        cpus.append(n_jobs / max(c1 - c0, 1e-9))
    return statistics.median(walls), statistics.median(cpus)


def _raw_render(svgs: list[str], resolution: int) -> None:
    import skia

    surface = skia.Surface(resolution, resolution)
    for svg in svgs:
        dom = skia.SVGDOM.MakeFromStream(skia.MemoryStream(svg.encode(), True))
        canvas = surface.getCanvas()
        canvas.clear(skia.ColorWHITE)
        dom.setContainerSize(skia.Size(resolution, resolution))
        dom.render(canvas)
        surface.makeImageSnapshot().toarray()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--resolution", type=int, default=256)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="3 repeats of one pass")
    args = ap.parse_args(argv)
    passes = 1 if args.quick else 2
    repeats = 3 if args.quick else args.repeats
    res = args.resolution

    seed_jobs = []
    for task, ex in EXAMPLES.items():
        state = json.dumps({"task": task, "lang": "en"})
        for svg in ex["correct"] + [s for _, s in ex["near_miss"]]:
            seed_jobs.append((svg, state, res, False))
    shape_jobs = []
    for seed in range(24):
        state = json.dumps({"task": "shapes", "seed": seed, "lang": "en"})
        for _, svg in _shape_candidates(seed):
            shape_jobs.append((svg, state, res, False))

    pool = RenderPool(workers=args.workers)
    pool.evaluate(seed_jobs + shape_jobs)  # start and warm the workers (imports, caches)
    for job in seed_jobs + shape_jobs:  # warm this process too
        evaluate(*job[:3])
    pids = lambda: [w.proc.pid for w in pool._workers if w is not None]  # noqa: E731

    print(f"SVG oracle at {res} px; {os.cpu_count()} cores visible; load average "
          f"{os.getloadavg()[0]:.1f}; medians of {repeats} runs\n")
    header = f"{'jobs':<22}{'path':<34}{'evals/s':>10}{'per CPU-s':>11}{'ratio':>8}"
    print(header)
    print("-" * len(header))
    summary = {}
    for name, jobs in (("seed tasks (189 SVGs)", seed_jobs), ("shapes (24 x 8 SVGs)", shape_jobs)):
        batch = jobs * passes
        iso = _rate(lambda: pool.evaluate(batch), len(batch), repeats, pids)
        inproc = _rate(lambda: [evaluate(*j[:3]) for j in batch], len(batch), repeats)
        raw = _rate(lambda: _raw_render([j[0] for j in batch], res), len(batch), repeats)
        rows = ((f"isolated, {args.workers} workers", iso), ("in-process, 1 core (no isolation)", inproc),
                ("render only, 1 core (skia, raw)", raw))
        for label, (wall, cpu) in rows:
            print(f"{name:<22}{label:<34}{wall:>10.0f}{cpu:>11.0f}{wall / inproc[0]:>8.2f}")
        summary[name] = iso
        print()
    wall, cpu = summary["seed tasks (189 SVGs)"]
    print(f"isolated seed-task evaluations: {wall:.0f}/s wall-clock here, {cpu:.0f} per CPU-second "
          f"(about {cpu * min(2, args.workers):.0f}/s on {min(2, args.workers)} idle cores); target {TARGET}/s")
    print("ratio: wall-clock rate over the in-process rate of the same jobs in the same run")
    pool.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
