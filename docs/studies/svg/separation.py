"""Separation of the SVG seed verifiers: the mean score of the correct drawings and of the near misses per task.

    PYTHONPATH=$PWD .venv/bin/python docs/studies/svg/separation.py [--resolution 256] [--out DIR]

Scores every hand-written drawing of envs/svg/examples.py (the env's candidate completions) through
SVG-LLM-v0's isolated oracle at the budget resolution and at the truth resolution (1024 px), and writes
separation.csv and separation.md beside this script (or in --out).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, ROOT)

from envs.svg.env import SVGEnv  # noqa: E402
from envs.svg.tasks import SEED_TASKS  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--resolution", type=int, default=256)
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = ap.parse_args(argv)
    env = SVGEnv(tasks="seed", resolution=args.resolution)
    rows = []
    for task in SEED_TASKS:
        state = json.dumps({"task": task, "lang": "en"})
        actions = env.candidate_actions(state)
        labels = env.candidate_labels(state)
        est = env.estimate([(state, a) for a in actions])
        truth = env.truth([(state, a) for a in actions])
        for kind in ("correct", "near_miss"):
            idx = [i for i, lab in enumerate(labels) if (lab == "correct") == (kind == "correct")]
            rows.append({"task": task, "kind": kind, "n": len(idx),
                         f"mean@{args.resolution}": sum(est[i].value for i in idx) / len(idx),
                         f"min@{args.resolution}": min(est[i].value for i in idx),
                         f"max@{args.resolution}": max(est[i].value for i in idx),
                         "mean@1024": sum(truth[i].value for i in idx) / len(idx)})
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "separation.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    r = args.resolution
    lines = [f"| task | correct: n, mean @{r} (min) | near miss: n, mean @{r} (max) | gap | correct / near miss @1024 |",
             "|---|---|---|---|---|"]
    gaps = []
    for task in SEED_TASKS:
        c = next(x for x in rows if x["task"] == task and x["kind"] == "correct")
        m = next(x for x in rows if x["task"] == task and x["kind"] == "near_miss")
        gap = c[f"mean@{r}"] - m[f"mean@{r}"]
        gaps.append(gap)
        lines.append(f"| {task} | {c['n']}, {c[f'mean@{r}']:.3f} ({c[f'min@{r}']:.3f}) | {m['n']}, "
                     f"{m[f'mean@{r}']:.3f} ({m[f'max@{r}']:.3f}) | {gap:.3f} | {c['mean@1024']:.3f} / "
                     f"{m['mean@1024']:.3f} |")
    lines.append(f"| **all 23** | | | **{sum(gaps) / len(gaps):.3f}** | |")
    text = "\n".join(lines) + "\n"
    with open(os.path.join(args.out, "separation.md"), "w") as f:
        f.write(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
