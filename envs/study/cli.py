"""``rewarddial study`` and ``rewarddial simulate`` from the shell (plugged into envs.cli lazily).

Nothing heavy is imported at module level; the runner (numpy, gymnasium) and matplotlib load when a command
runs. :func:`add_parser` and :func:`add_simulate_parser` add the subcommands to a parent parser;
:func:`main` (``main(["study", ...])`` / ``main(["simulate", ...])``), :func:`study_main` and
:func:`simulate_main` run them from an argument list.
"""
from __future__ import annotations

import argparse
import sys
from typing import Any, Sequence

__all__ = ["add_parser", "add_simulate_parser", "main", "simulate_main", "study_main"]

_EPILOG = """\
examples:
  rewarddial study Gomoku9x9-LLM-v0 --quick --out study-out/gomoku9
  rewarddial study Gomoku9x9-LLM-v0 --budgets 4,16,64,256,1024 --states 200 --repeats 32 --out DIR
  rewarddial study Gomoku9x9-LLM-v0 --set estimator=uct --truth budget:16384 --top-k 8
  rewarddial study Gomoku9x9-LLM-v0 --quick --groups 2,4,8,16 --group-sampling softmax --temperature 0.05

outputs in --out: summary.csv, summary.json, pairs.csv, bias_variance_mse.png, accuracy_vs_cost.png
(and group_signal.png with --groups)
"""

_SIM_EPILOG = """\
examples:
  rewarddial simulate Gomoku9x9-LLM-v0 --budgets 4,16,64,256 --groups 2,4,8,16 --states 16 --cost 2e6 --out DIR
  rewarddial simulate Gomoku9x9-LLM-v0 --iterations 200 --lr 0.5 --kl 0.01 --epochs 2

outputs in --out: simulation.csv, curves.csv, simulation.json, learning_curves.png, equal_cost.png
"""


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("env_id", help="a registered id, e.g. Gomoku9x9-LLM-v0 (see `rewarddial list`)")
    p.add_argument("--truth", default=None,
                   help="exact (the env's truth()) | budget:N (its estimator at budget N) | auto (default: "
                        "exact if the env has it, else budget:16*max(budgets)) | any source the env's "
                        "truth() accepts, e.g. uct:65536 or engine:<cmd>@<ms> for Gomoku (keys the cache)")
    p.add_argument("--target", default="value", choices=("value", "reward"),
                   help="study the oracle's value (default) or the env's reward for it (its reward hook)")
    p.add_argument("--top-k", type=int, default=None, help="keep the top-k candidate actions by truth")
    p.add_argument("--seed", type=int, default=0, help="base seed of the states, repeats and groups (default 0)")
    p.add_argument("--set", action="append", metavar="KEY=VALUE",
                   help="environment argument, e.g. --set estimator=uct (repeatable)")
    p.add_argument("--out", default=None, help="directory for the CSV, JSON and PNG outputs")
    p.add_argument("--cache-dir", default=None,
                   help="truth cache directory (default $REWARDDIAL_CACHE or ~/.cache/rewarddial/truth)")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the truth cache")
    p.add_argument("--no-plots", action="store_true", help="write no PNG plots")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``study`` subcommand to ``subparsers`` (sets ``func``)."""
    p = subparsers.add_parser(
        "study", help="measure bias, variance, MSE and decision accuracy of the reward against its budget",
        description="Measure how the reward estimate's bias, variance and MSE, the decision accuracy, the "
                    "rank correlation and (with --groups) GRPO's group-level signal change with the oracle's "
                    "budget, against a ground truth.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    _common(p)
    p.add_argument("--budgets", default=None, help="comma-separated budgets (default 4,16,64,256,1024)")
    p.add_argument("--states", type=int, default=None, help="states to sample (default 200)")
    p.add_argument("--repeats", type=int, default=None, help="repeats per pair and budget (default 32)")
    p.add_argument("--groups", nargs="?", const="2,4,8,16", default=None, metavar="G,G,...",
                   help="also measure GRPO's group-level metrics for these group sizes (bare: 2,4,8,16)")
    p.add_argument("--group-sampling", default="uniform", choices=("uniform", "softmax"),
                   help="how a group's candidates are drawn: uniform (default) or softmax over the true "
                        "values (a stand-in for a better policy)")
    p.add_argument("--temperature", type=float, default=0.1,
                   help="temperature of --group-sampling softmax, in units of the target (default 0.1)")
    p.add_argument("--groups-per-state", type=int, default=None,
                   help="groups drawn per state, size and budget (default: --repeats)")
    p.add_argument("--quick", action="store_true",
                   help="the quick demo settings (about two minutes on 2 cores); explicit options override them")
    p.set_defaults(func=run_study_command)
    return p


def add_simulate_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``simulate`` subcommand to ``subparsers`` (sets ``func``)."""
    p = subparsers.add_parser(
        "simulate", help="GRPO on a tabular policy with the budgeted oracle as reward (no language model)",
        description="Run GRPO on a tabular softmax policy over each state's candidate actions, scored by the "
                    "env's budgeted oracle with fresh seeds each iteration, for a grid of budgets x group "
                    "sizes, and track the policy's true value and P(truly best) against iterations and "
                    "oracle cost.",
        epilog=_SIM_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    _common(p)
    p.add_argument("--budgets", default="4,16,64,256", help="comma-separated budgets (default 4,16,64,256)")
    p.add_argument("--groups", default="2,4,8,16", help="comma-separated group sizes G (default 2,4,8,16)")
    p.add_argument("--states", type=int, default=32, help="states of the policy (default 32)")
    p.add_argument("--iterations", type=int, default=100,
                   help="GRPO iterations per configuration, when --cost is not given (default 100)")
    p.add_argument("--cost", type=float, default=None,
                   help="oracle cost (budget units, all states) each configuration spends instead: it runs "
                        "cost / (states * G * budget) iterations")
    p.add_argument("--max-iterations", type=int, default=20000,
                   help="cap on iterations under --cost (default 20000)")
    p.add_argument("--runs", type=int, default=3, help="repeated runs per configuration (default 3)")
    p.add_argument("--lr", type=float, default=1.0, help="step size on the logits (default 1.0)")
    p.add_argument("--clip", type=float, default=0.2, help="ratio clip epsilon (default 0.2)")
    p.add_argument("--kl", type=float, default=0.0, help="coefficient of KL to the initial policy (default 0)")
    p.add_argument("--epochs", type=int, default=1,
                   help="optimisation steps per batch (default 1; the clip acts from 2 on)")
    p.set_defaults(func=run_simulate_command)
    return p


def _error(cmd: str, exc: BaseException) -> int:
    print(f"rewarddial {cmd}: error: {exc}", file=sys.stderr)
    return 2


def _kwargs(args: argparse.Namespace) -> dict[str, Any]:
    from envs.cli import parse_kwargs

    return parse_kwargs(args.set or [])


def run_study_command(args: argparse.Namespace) -> int:
    """Run the study that ``args`` describe, print its table; 0 on success, 2 on a bad argument."""
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
            env_kwargs=_kwargs(args),
            seed=args.seed,
            out=args.out,
            top_k=args.top_k,
            cache_dir=args.cache_dir,
            progress=not args.no_progress,
            use_cache=not args.no_cache,
            plots=not args.no_plots,
            target=args.target,
            groups=args.groups,
            group_sampling=args.group_sampling,
            temperature=args.temperature,
            groups_per_state=args.groups_per_state,
        )
    except (ValueError, TypeError, OverflowError) as exc:
        return _error("study", exc)
    print(result.format_table())
    if args.out:
        print(f"\nwrote {args.out}/summary.csv, summary.json, pairs.csv"
              + ("" if args.no_plots else ", bias_variance_mse.png, accuracy_vs_cost.png"
                 + (", group_signal.png" if result.group_rows else "")))
    return 0


def run_simulate_command(args: argparse.Namespace) -> int:
    """Run the simulation that ``args`` describe, print its table; 0 on success, 2 on a bad argument."""
    from .simulate import run_simulation

    try:
        result = run_simulation(
            args.env_id, budgets=args.budgets, groups=args.groups, states=args.states,
            iterations=args.iterations, out=args.out, runs=args.runs, cost=args.cost,
            max_iterations=args.max_iterations, lr=args.lr, clip=args.clip, kl=args.kl, epochs=args.epochs,
            target=args.target, truth=args.truth, env_kwargs=_kwargs(args), seed=args.seed, top_k=args.top_k,
            cache_dir=args.cache_dir, use_cache=not args.no_cache, progress=not args.no_progress,
            plots=not args.no_plots,
        )
    except (ValueError, TypeError, OverflowError) as exc:
        return _error("simulate", exc)
    print(result.format_table())
    if args.out:
        print(f"\nwrote {args.out}/simulation.csv, curves.csv, simulation.json"
              + ("" if args.no_plots else ", learning_curves.png, equal_cost.png"))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rewarddial", description="The reward-variance study and simulation.")
    sub = parser.add_subparsers(dest="command", required=True)
    add_parser(sub)
    add_simulate_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """``main(["study", ENV, ...])`` or ``main(["simulate", ENV, ...])``: the exit status."""
    args = _parser().parse_args(argv)
    return int(args.func(args) or 0)


def study_main(argv: Sequence[str] | None = None) -> int:
    """``rewarddial study`` with ``argv`` the arguments after ``study``."""
    return main(["study", *(sys.argv[1:] if argv is None else argv)])


def simulate_main(argv: Sequence[str] | None = None) -> int:
    """``rewarddial simulate`` with ``argv`` the arguments after ``simulate``."""
    return main(["simulate", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
