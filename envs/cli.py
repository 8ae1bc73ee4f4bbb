"""The ``rewarddial`` command: list, play, study, simulate, eval, train.

Subcommands that need optional dependencies live in their own modules and are imported only when used, so
``rewarddial list`` stays fast and works with the base install.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from typing import Any, Sequence

# name -> "module:function" that adds the subcommand's parser (function(subparsers) -> parser with
# a `func` default). Imported lazily so that a missing optional dependency only affects its own command.
_PLUGINS = {
    "study": "envs.study.cli:add_parser",
    "simulate": "envs.study.cli:add_simulate_parser",
    "eval": "agents.cli:add_eval_parser",
    "train": "agents.cli:add_train_parser",
}


def parse_kwargs(pairs: Sequence[str]) -> dict[str, Any]:
    """``["rollouts=64", "mode=game"]`` -> ``{"rollouts": 64, "mode": "game"}`` (ints, floats, bools parsed)."""
    out: dict[str, Any] = {}
    for pair in pairs:
        if "=" not in pair:
            raise SystemExit(f"error: --set expects key=value, got {pair!r} (for example --set rollouts=64)")
        key, value = pair.split("=", 1)
        out[key.strip()] = _literal(value.strip())
    return out


def _literal(value: str) -> Any:
    low = value.lower()
    if low in ("true", "false"):
        return low == "true"
    if low in ("none", "null"):
        return None
    for cast in (int, float):
        try:
            return cast(value)
        except ValueError:
            pass
    return value


def _cmd_list(args: argparse.Namespace) -> int:
    import gymnasium as gym

    import envs

    for env_id in envs.ENV_IDS:
        spec = gym.spec(env_id)
        kw = ", ".join(f"{k}={v!r}" for k, v in spec.kwargs.items())
        print(f"{env_id:<28} {spec.entry_point}  {kw}")
    return 0


def _cmd_play(args: argparse.Namespace) -> int:
    import gymnasium as gym

    import envs  # noqa: F401 - registers the ids

    kwargs = parse_kwargs(args.set or [])
    env = gym.make(args.env_id, **kwargs)
    obs, info = env.reset(seed=args.seed)
    total = 0.0
    inp = sys.stdin
    while True:
        print(obs)
        print("\nyour answer (a bare move is wrapped in <answer> tags; 'quit' to stop)> ", end="", flush=True)
        line = inp.readline()
        if not line or line.strip().lower() in ("quit", "exit", "q"):
            print("\nbye")
            return 0
        line = line.strip()
        if "<answer>" not in line.lower():
            line = f"<answer>{line}</answer>"
        obs, reward, terminated, truncated, info = env.step(line)
        total += reward
        est = info.get("estimate")
        detail = f" (estimate {est['value']:.3f} ± {est['stderr']:.3f})" if est else ""
        print(f"\nreward {reward:+.3f}{detail}; action {info.get('action')}; legal {info.get('legal')}")
        if info.get("opponent_action"):
            print(f"opponent plays {info['opponent_action']}")
        if terminated or truncated:
            outcome = info.get("outcome")
            print(f"episode over{f': {outcome}' if outcome else ''}; total reward {total:+.3f}")
            return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rewarddial", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("list", help="print the registered environment ids")
    p.set_defaults(func=_cmd_list)
    p = sub.add_parser("play", help="play an environment in the terminal")
    p.add_argument("env_id")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--set", action="append", metavar="KEY=VALUE",
                   help="environment argument, e.g. --set mode=game --set rollouts=64 (repeatable)")
    p.set_defaults(func=_cmd_play)
    for name, target in _PLUGINS.items():
        module_name, func_name = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            p = sub.add_parser(name, help=f"(unavailable: {exc})")
            p.set_defaults(func=lambda a, exc=exc, name=name: _unavailable(name, exc))
            continue
        getattr(module, func_name)(sub)
    return parser


def _unavailable(name: str, exc: Exception) -> int:
    print(f"rewarddial {name} is unavailable: {exc}. Install the extra it needs, e.g. "
          f"pip install 'rewarddial[train]'", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
