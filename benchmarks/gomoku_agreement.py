"""Agreement of the Gomoku oracles with a strong truth, for one fixed set of positions. Prints a table.

    .venv/bin/python benchmarks/gomoku_agreement.py --size 9 --positions 12 --truth 16384

Positions: the env's midgame task (noisy heuristic self-play), seeds 0..N-1; pairs: every candidate move
(``candidate_actions``). Truth: the proofs (one ply, then the VCF solver) and, for the rest, UCT at
``--truth`` playouts (at least 64x the largest budget studied). For each oracle -- flat with uniform and with
tactical playouts, UCT with uniform playouts -- and each budget: the mean over positions of the Spearman rank
correlation between the estimates and the truth over the position's moves, the best-move agreement (the
oracle's best move is a truth-best move, ties included), and the root mean squared error, all on the moves
the truth does not prove exactly and on all moves.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import numpy as np  # noqa: E402

from envs.core import Estimate  # noqa: E402
from envs.gomoku.env import GomokuEnv  # noqa: E402


def spearman(a, b):
    ra = np.argsort(np.argsort(a, kind="stable"), kind="stable").astype(float)
    rb = np.argsort(np.argsort(b, kind="stable"), kind="stable").astype(float)
    # average ranks of ties
    for r, x in ((ra, a), (rb, b)):
        for v in np.unique(x):
            idx = np.flatnonzero(x == v)
            r[idx] = r[idx].mean()
    if ra.std() == 0 or rb.std() == 0:
        return np.nan
    return float(np.corrcoef(ra, rb)[0, 1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=9)
    ap.add_argument("--positions", type=int, default=12)
    ap.add_argument("--budgets", default="16,64,256")
    ap.add_argument("--truth", type=int, default=16384)
    ap.add_argument("--pbrain-ms", type=int, default=0,
                    help="use rewarddial pbrain at this thinking time as the truth's oracle instead of UCT")
    args = ap.parse_args()
    budgets = [int(b) for b in args.budgets.split(",")]
    if args.truth < 64 * max(budgets):
        raise SystemExit(f"--truth {args.truth} is below 64x the largest budget ({64 * max(budgets)})")
    base = GomokuEnv(size=args.size)
    states = base.sample_states(args.positions, seed=0)
    pairs = [(s, a) for s in states for a in base.candidate_actions(s)]
    t0 = time.perf_counter()
    pbrain = (f"{sys.executable} -c \"import sys; sys.path.insert(0, '{ROOT}'); from envs.gomoku.pbrain import "
              "main; sys.exit(main())\"")
    source = f"engine:{pbrain}@{args.pbrain_ms}" if args.pbrain_ms else f"uct:{args.truth}"
    label = f"pbrain at {args.pbrain_ms} ms" if args.pbrain_ms else f"UCT at {args.truth} playouts"
    truth = base.truth(pairs, source=source)
    failed = {i for i, t in enumerate(truth) if not isinstance(t, Estimate)}
    pairs = [p for i, p in enumerate(pairs) if i not in failed]
    truth = [t for i, t in enumerate(truth) if i not in failed]
    tt = time.perf_counter() - t0
    tv = np.array([t.value for t in truth])
    exact = np.array([t.exact for t in truth])
    print(f"{args.size}x{args.size}: {len(states)} positions, {len(pairs)} moves; truth: {int(exact.sum())} proven, "
          f"{int((~exact).sum())} estimated by {label} ({tt:.0f} s; {len(failed)} failed)")
    print("oracle          budget  spearman  best-move  rmse(all)  rmse(unproven)")
    owner = np.array([s for s, _ in pairs])
    for name, kw in (("flat uniform", {"estimator": "flat"}),
                     ("flat tactical", {"estimator": "flat", "rollout_policy": "tactical"}),
                     ("uct uniform", {"estimator": "uct"})):
        env = GomokuEnv(size=args.size, **kw)
        for b in budgets:
            est = env.estimate(pairs, budget=b, seed=1)
            ev = np.array([e.value if isinstance(e, Estimate) else np.nan for e in est])
            rhos, best = [], []
            for s in states:
                idx = np.flatnonzero(owner == s)
                rho = spearman(ev[idx], tv[idx])
                if not np.isnan(rho):
                    rhos.append(rho)
                best.append(tv[idx][int(np.argmax(ev[idx]))] == tv[idx].max())
            err = ev - tv
            print(f"{name:14s}  {b:6d}  {np.mean(rhos):8.3f}  {np.mean(best):9.3f}  {np.sqrt(np.mean(err ** 2)):9.3f}"
                  f"  {np.sqrt(np.mean(err[~exact] ** 2)):14.3f}")


if __name__ == "__main__":
    main()
