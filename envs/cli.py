"""The environment side of the ``rewarddial`` command: list, play, study, simulate, pbrain.

The ``rewarddial`` console script is :func:`agents.cli.main`, which serves these subcommands and adds
``eval`` and ``train``; ``python -m envs.cli`` serves these alone (``envs`` never imports ``agents``).
Subcommands that need optional dependencies are imported only when used, so ``rewarddial list`` stays fast
and works with the base install.

A user's mistake (an unknown id, a bad ``--set`` value, a missing file, a budget out of range) ends in one
line on stderr and exit status 2, never a traceback; set ``REWARDDIAL_TRACEBACK=1`` to see the traceback.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Any, Callable, Mapping, Sequence

__all__ = ["COMMANDS", "build_parser", "check_env_id", "main", "parse_kwargs", "run", "user_error"]

# name -> "module:function" that adds the subcommand's parser (function(subparsers) -> parser with a `func`
# default). Imported lazily so that a missing optional dependency only affects its own command.
COMMANDS = {
    "study": "envs.study.cli:add_parser",
    "simulate": "envs.study.cli:add_simulate_parser",
}

_SET_HELP = ("environment argument KEY=VALUE (ints, floats, true/false and none are parsed), e.g. "
             "--set mode=game --set rollouts=64; repeatable")


def parse_kwargs(pairs: Sequence[str], flag: str = "--set") -> dict[str, Any]:
    """``["rollouts=64", "mode=game"]`` -> ``{"rollouts": 64, "mode": "game"}`` (ints, floats, bools parsed)."""
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise SystemExit(f"error: {flag} expects KEY=VALUE, got {pair!r} (for example {flag} rollouts=64)")
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


def check_env_id(env_id: str) -> str:
    """``env_id`` if it is a registered rewarddial text env, else a ValueError listing the rewarddial ids
    (not Gymnasium's suggestion of an unrelated env)."""
    from envs.core import TextEnv, env_class

    cls = env_class(env_id)
    if isinstance(cls, type) and not issubclass(cls, TextEnv):  # (a factory function is taken on trust)
        raise ValueError(f"{env_id} is not a rewarddial text environment (its entry point builds "
                         f"{getattr(cls, '__name__', cls)!r}); see `rewarddial list` for the ids")
    return env_id


def user_error(exc: BaseException) -> bool:
    """True for the exceptions a user's input causes (bad values, missing files or extras, unknown ids)."""
    if isinstance(exc, (ValueError, TypeError, OSError, ImportError, OverflowError)):
        return True
    gym_error = getattr(sys.modules.get("gymnasium.error"), "Error", None)
    return gym_error is not None and isinstance(exc, gym_error)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if text.lower().startswith("error") else f"error: {text}"


# ------------------------------------------------------------------------------------------------ commands
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

    check_env_id(args.env_id)
    kwargs = parse_kwargs(args.set or [])
    env = gym.make(args.env_id, **kwargs)
    save_render = getattr(env.unwrapped, "save_render", None)
    if args.png_dir is not None:
        if not callable(save_render):
            raise ValueError(f"--png-dir: {args.env_id} draws no pictures (its env has no save_render(path) "
                             "method); leave --png-dir out")
        os.makedirs(args.png_dir, exist_ok=True)
    obs, info = env.reset(seed=args.seed)
    total = 0.0
    step = 0
    inp = sys.stdin
    while True:
        print(obs)
        if args.png_dir is not None:
            print(f"picture: {_save_png(save_render, args.png_dir, step)}")
        print("\nyour answer (a bare move is wrapped in <answer> tags; 'quit' to stop)> ", end="", flush=True)
        line = inp.readline()
        if not line or line.strip().lower() in ("quit", "exit", "q"):
            print("\nbye")
            return 0
        line = line.strip()
        if "<" not in line:
            tag = getattr(env.unwrapped, "answer_tag", "answer")
            line = f"<{tag}>{line}</{tag}>"
        obs, reward, terminated, truncated, info = env.step(line)
        step += 1
        total += reward
        est = info.get("estimate")
        detail = f" (estimate {est['value']:.3f} ± {est['stderr']:.3f})" if est else ""
        if info.get("oracle_error"):
            detail += f" (oracle error: {info['oracle_error']})"
        print(f"\nreward {reward:+.3f}{detail}; action {info.get('action')}; legal {info.get('legal')}")
        if args.png_dir is not None:
            print(f"picture: {_save_png(save_render, args.png_dir, step)}")
        if info.get("opponent_action"):
            print(f"opponent plays {info['opponent_action']}")
        if terminated or truncated:
            outcome = info.get("outcome")
            print(f"episode over{f': {outcome}' if outcome else ''}; total reward {total:+.3f}")
            return 0


def _save_png(save_render: Callable[[str], Any], directory: str, step: int) -> str:
    path = os.path.join(directory, f"step-{step:03d}.png")
    save_render(path)
    return path


def _cmd_pbrain(argv: Sequence[str]) -> int:
    try:
        module = importlib.import_module("envs.gomoku.pbrain")
    except ModuleNotFoundError as exc:
        if exc.name not in ("envs.gomoku.pbrain", "envs.gomoku"):
            raise
        print("rewarddial pbrain: error: this install has no Gomocup brain (module envs.gomoku.pbrain is "
              "missing); update rewarddial", file=sys.stderr)
        return 2
    return int(module.main(list(argv)) or 0)


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be a non-negative integer")
    return value


def build_parser(commands: Mapping[str, str] | None = None) -> argparse.ArgumentParser:
    """The ``rewarddial`` parser with list, play, pbrain and the lazily imported ``commands``
    (default :data:`COMMANDS`: study, simulate)."""
    parser = argparse.ArgumentParser(
        prog="rewarddial", description="Gymnasium text environments for reinforcement learning of language "
                                       "models, in which the accuracy of the reward is a dial.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("list", help="print the registered environment ids",
                       description="Print every registered rewarddial id with its entry point and arguments.")
    p.set_defaults(func=_cmd_list)
    p = sub.add_parser(
        "play", help="play an environment in the terminal",
        description="Play an environment in the terminal: the prompt is printed, you type an answer (a bare "
                    "move is wrapped in answer tags), the reward and the oracle's estimate are printed.")
    p.add_argument("env_id", help="a registered id, e.g. Gomoku9x9-LLM-v0 (see `rewarddial list`)")
    p.add_argument("--seed", type=_seed, default=None, help="seed of reset() (default: random)")
    p.add_argument("--set", action="append", metavar="KEY=VALUE", help=_SET_HELP)
    p.add_argument("--png-dir", default=None, metavar="DIR",
                   help="write a PNG of the state after each step into DIR (step-000.png, ...), for envs that "
                        "draw (a save_render(path) method)")
    p.set_defaults(func=_cmd_play)
    p = sub.add_parser("pbrain", help="run the Gomoku oracle as a Gomocup (piskvork) brain on stdin/stdout",
                       description="Speak the Gomocup protocol on stdin/stdout; every argument after `pbrain` "
                                   "goes to envs.gomoku.pbrain (see `rewarddial pbrain --help`).",
                       add_help=False)
    p.add_argument("args", nargs=argparse.REMAINDER, help="arguments of the brain")
    p.set_defaults(func=lambda a: _cmd_pbrain(a.args))
    for name, target in (commands if commands is not None else COMMANDS).items():
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
    print(f"rewarddial {name}: error: unavailable ({exc}); install the extra it needs, e.g. "
          f"pip install 'rewarddial[train]'", file=sys.stderr)
    return 2


def run(parser: argparse.ArgumentParser, argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the subcommand; a user's mistake is one line on stderr and status 2."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "pbrain":  # every later argument belongs to the brain, options included
        return _cmd_pbrain(argv[1:])
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except SystemExit as exc:
        if isinstance(exc.code, str):  # raise SystemExit("error: ...") is how commands refuse input
            print(f"rewarddial {args.command}: {_one_line(Exception(exc.code))}", file=sys.stderr)
            return 2
        raise
    except Exception as exc:  # noqa: BLE001 - user errors become one line; anything else is a bug
        if not user_error(exc) or os.environ.get("REWARDDIAL_TRACEBACK"):
            raise
        print(f"rewarddial {args.command}: {_one_line(exc)}", file=sys.stderr)
        return 2


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m envs.cli``: list, play, study, simulate, pbrain (``rewarddial`` adds eval and train)."""
    return run(build_parser(), argv)


if __name__ == "__main__":
    sys.exit(main())
