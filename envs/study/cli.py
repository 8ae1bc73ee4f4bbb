"""``rewarddial study``: the reward-variance study from the shell (plugged into envs.cli lazily).

Nothing heavy is imported at module level; the runner (numpy, gymnasium) and matplotlib load when the
command runs.
"""
from __future__ import annotations

import argparse
import sys

__all__ = ["add_parser", "main"]

_EPILOG = """\
examples:
  rewarddial study Gomoku9x9-LLM-v0 --quick --out study-out/gomoku9
  rewarddial study Gomoku9x9-LLM-v0 --budgets 4,16,64,256,1024 --states 200 --repeats 32 --out DIR
  rewarddial study Gomoku9x9-LLM-v0 --set estimator=uct --truth budget:16384 --top-k 8

outputs in --out: summary.csv, summary.json, pairs.csv, bias_variance_mse.png, accuracy_vs_cost.png
"""


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``study`` subcommand to ``subparsers`` (sets ``func``)."""
    p = subparsers.add_parser(
        "study", help="measure bias, variance, MSE and decision accuracy of the reward against its budget",
        description="Measure how the reward estimate's bias, variance and MSE, the decision accuracy and the "
                    "rank correlation change with the oracle's budget, against a ground truth.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("env_id", help="a registered id, e.g. Gomoku9x9-LLM-v0 (see `rewarddial list`)")
    p.add_argument("--budgets", default=None, help="comma-separated budgets (default 4,16,64,256,1024)")
    p.add_argument("--states", type=int, default=None, help="states to sample (default 200)")
    p.add_argument("--repeats", type=int, default=None, help="repeats per pair and budget (default 32)")
    p.add_argument("--truth", default=None,
                   help="exact (the env's truth()) | budget:N (its estimator at budget N) | auto (default: "
                        "exact if the env has it, else budget:16*max(budgets))")
    p.add_argument("--top-k", type=int, default=None, help="keep the top-k candidate actions by truth")
    p.add_argument("--seed", type=int, default=0, help="base seed of the states and repeats (default 0)")
    p.add_argument("--set", action="append", metavar="KEY=VALUE",
                   help="environment argument, e.g. --set estimator=uct (repeatable)")
    p.add_argument("--out", default=None, help="directory for the CSV, JSON and PNG outputs")
    p.add_argument("--cache-dir", default=None,
                   help="truth cache directory (default $REWARDDIAL_CACHE or ~/.cache/rewarddial/truth)")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the truth cache")
    p.add_argument("--no-plots", action="store_true", help="write no PNG plots")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--quick", action="store_true",
                   help="the quick demo settings (about two minutes on 2 cores); explicit options override them")
    p.set_defaults(func=main)
    return p


def main(args: argparse.Namespace) -> int:
    """Run the study that ``args`` describe, print its table; 0 on success, 2 on a bad argument."""
    from envs.cli import parse_kwargs

    from .runner import DEFAULT_BUDGETS, DEFAULT_REPEATS, DEFAULT_STATES, QUICK, run_study

    base = dict(QUICK) if args.quick else {"budgets": DEFAULT_BUDGETS, "states": DEFAULT_STATES,
                                           "repeats": DEFAULT_REPEATS, "truth": None}
    try:
        result = run_study(
            args.env_id,
            budgets=args.budgets if args.budgets is not None else base["budgets"],
            states=args.states if args.states is not None else base["states"],
            repeats=args.repeats if args.repeats is not None else base["repeats"],
            truth=args.truth if args.truth is not None else base["truth"],
            env_kwargs=parse_kwargs(args.set or []),
            seed=args.seed,
            out=args.out,
            top_k=args.top_k,
            cache_dir=args.cache_dir,
            progress=not args.no_progress,
            use_cache=not args.no_cache,
            plots=not args.no_plots,
        )
    except (ValueError, TypeError) as exc:
        print(f"rewarddial study: error: {exc}", file=sys.stderr)
        return 2
    print(result.format_table())
    if args.out:
        print(f"\nwrote {args.out}/summary.csv, summary.json, pairs.csv"
              + ("" if args.no_plots else ", bias_variance_mse.png, accuracy_vs_cost.png"))
    return 0
