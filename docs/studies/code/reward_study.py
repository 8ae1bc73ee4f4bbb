"""Both rewards of Code-LLM-v0 against the whole test pool, as the number of tests grows.

    PYTHONPATH=. python docs/studies/code/reward_study.py --repeats 16 --out docs/studies/code

For every problem of the dataset whose row has a reference, every candidate program (the reference and
each wrong variant) is run on ``max(budgets)`` tests drawn with one seed per repeat. By common random
numbers, the first k of those tests are the k tests the env draws at ``tests=k`` with that seed, so every
budget is read off one run (the early stop after repeated timeouts depends only on earlier tests, so it
keeps this prefix property). The truth is the whole pool (``env.truth()``: every test run).

Per budget and reward (``continuous``: pass fraction; ``discrete``: format +0.1 and test term -1 / 0 / +1,
see the env's docstring): bias = mean over programs of (E r^ - r), bias^2, variance (mean over programs of
the variance over repeats) and MSE = variance + bias^2; and how often a wrong variant earns the full
discrete reward (passes all k tests) -- the false positives of a small test budget.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

from envs.code.env import CodeEnv  # noqa: E402

BUDGETS = (1, 2, 4, 8, 16, 32)
SEED_STRIDE = 1_000_003


def discrete(flags: np.ndarray, testable: bool) -> float:
    if not testable:
        return 0.1 - 1.0
    return 0.1 + (1.0 if flags.all() else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dataset", default="builtin")
    ap.add_argument("--repeats", type=int, default=16)
    ap.add_argument("--min-tests", type=int, default=32)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    t0 = time.perf_counter()
    kmax = max(BUDGETS)
    env = CodeEnv(dataset=args.dataset, tests=kmax, min_tests=args.min_tests, workers=2)
    try:
        pairs, labels = [], []
        for tid in env.task_ids:
            if env.task(tid).reference is None:
                continue  # rows without a reference are skipped: no known-correct program to compare
            for action, label in zip(env.candidate_actions(tid), env.candidate_labels(tid)):
                pairs.append((tid, action))
                labels.append(label)
        truths = env.truth(pairs)
        keep = [i for i, t in enumerate(truths) if hasattr(t, "value")]
        failed_truth = len(pairs) - len(keep)
        pairs = [pairs[i] for i in keep]
        labels = [labels[i] for i in keep]
        truths = [truths[i] for i in keep]
        n = len(pairs)
        t_truth = time.perf_counter() - t0
        flags = np.zeros((args.repeats, n, kmax))
        testable = np.ones((args.repeats, n), dtype=bool)
        ok = np.ones((args.repeats, n), dtype=bool)
        for r in range(args.repeats):
            seeds = [args.seed + r * SEED_STRIDE + i for i in range(n)]
            ests = env.estimate(pairs, budget=kmax, seeds=seeds)
            for i, est in enumerate(ests):
                if not hasattr(est, "value"):
                    ok[r, i] = False
                    continue
                flags[r, i] = est.info["test_passed"]
                testable[r, i] = est.info["testable"]
        t_all = time.perf_counter() - t0
    finally:
        env.close()
    truth_c = np.array([t.value for t in truths])
    truth_testable = np.array([t.info.get("testable", True) for t in truths])
    truth_d = np.where(truth_testable, 0.1 + (truth_c >= 1.0), -0.9)
    wrong = np.array([lab.startswith("wrong:") for lab in labels])
    usable = ok.all(axis=0)
    rows = []
    for k in BUDGETS:
        est_c = flags[:, :, :k].mean(axis=2) * testable
        est_d = np.array([[discrete(flags[r, i, :k], testable[r, i]) for i in range(n)]
                          for r in range(args.repeats)])
        row = {"tests": k}
        for name, est, truth in (("continuous", est_c, truth_c), ("discrete", est_d, truth_d)):
            e, t = est[:, usable], truth[usable]
            mean = e.mean(axis=0)
            var = e.var(axis=0)
            row[f"{name}_bias"] = float((mean - t).mean())
            row[f"{name}_bias2"] = float(((mean - t) ** 2).mean())
            row[f"{name}_var"] = float(var.mean())
            row[f"{name}_mse"] = float(((e - t) ** 2).mean())
        full = flags[:, :, :k].all(axis=2) & testable
        row["wrong_full_reward_rate"] = float(full[:, wrong & usable].mean())
        row["wrong_programs_ever_full"] = int(full[:, wrong & usable].any(axis=0).sum())
        row["reference_full_reward_rate"] = float(full[:, ~wrong & usable].mean())
        rows.append(row)
    meta = {"dataset": args.dataset, "problems": len({p[0] for p in pairs}), "programs": n,
            "wrong_variants": int(wrong.sum()), "repeats": args.repeats, "seed": args.seed,
            "min_tests": args.min_tests, "oracle_failures": int((~ok).sum()), "truth_failures": failed_truth,
            "wrong_with_truth_1": int((truth_c[wrong] >= 1.0).sum()),
            "seconds_truth": round(t_truth, 1), "seconds_total": round(t_all, 1)}
    table = format_table(rows, meta)
    print(table)
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        with open(os.path.join(args.out, "reward_study.csv"), "w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
        with open(os.path.join(args.out, "reward_study.json"), "w") as fh:
            json.dump({"meta": meta, "rows": rows}, fh, indent=1)
        with open(os.path.join(args.out, "reward_study.txt"), "w") as fh:
            fh.write(table + "\n")


def format_table(rows: list[dict], meta: dict) -> str:
    out = [f"Code-LLM-v0 dataset={meta['dataset']}: {meta['problems']} problems, {meta['programs']} programs "
           f"({meta['wrong_variants']} wrong variants), {meta['repeats']} repeats, truth = whole pool",
           "",
           "          continuous (pass fraction)                discrete (+-0.1 format, -1/0/+1 tests)        wrong variants",
           "tests     bias    bias^2  variance       MSE       bias    bias^2  variance       MSE   full-reward  ever-full"]
    for r in rows:
        out.append(f"{r['tests']:5d}  {r['continuous_bias']:+.4f}  {r['continuous_bias2']:.2e}  "
                   f"{r['continuous_var']:.2e}  {r['continuous_mse']:.2e}    {r['discrete_bias']:+.4f}  "
                   f"{r['discrete_bias2']:.2e}  {r['discrete_var']:.2e}  {r['discrete_mse']:.2e}   "
                   f"{r['wrong_full_reward_rate']:10.3f}  {r['wrong_programs_ever_full']:4d}/{meta['wrong_variants']}")
    out.append("")
    out.append(f"oracle failures: {meta['oracle_failures']}; references earning the full reward at every budget: "
               f"{rows[0]['reference_full_reward_rate']:.3f} (k=1) ... {rows[-1]['reference_full_reward_rate']:.3f} "
               f"(k={rows[-1]['tests']}); wall time {meta['seconds_total']} s (truth {meta['seconds_truth']} s)")
    return "\n".join(out)


if __name__ == "__main__":
    main()
