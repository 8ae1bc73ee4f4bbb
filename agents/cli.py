"""The ``rewarddial`` console script: list, play, study and pbrain (from :mod:`envs.cli`), eval and train.

``envs`` never imports ``agents``: this module is the dispatcher, it adds ``eval`` and ``train`` to the
environment side's parser. Nothing heavy at import time.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, Sequence

from envs.cli import COMMANDS as _ENVS_COMMANDS

__all__ = ["add_eval_parser", "add_train_parser", "build_parser", "main"]

#: the subcommands this package adds to envs.cli's (each imported lazily)
COMMANDS = {
    **_ENVS_COMMANDS,
    "eval": "agents.cli:add_eval_parser",
    "train": "agents.cli:add_train_parser",
}

# keys of a train YAML config that are rewarddial's own (plus the env's budget name, e.g. ``rollouts``);
# every other key is a trl.GRPOConfig setting
_TRAIN_KEYS = ("env", "model", "budget", "env_kwargs", "num_states", "seed", "reward_backend", "num_workers",
               "output_dir", "grpo")


def build_parser() -> argparse.ArgumentParser:
    """The whole ``rewarddial`` parser: envs.cli's commands plus eval and train."""
    from envs.cli import build_parser as envs_parser

    return envs_parser(COMMANDS)


def main(argv: Sequence[str] | None = None) -> int:
    """The ``rewarddial`` console script (a user's mistake is one line on stderr and exit status 2)."""
    from envs.cli import run

    return run(build_parser(), argv)


def _count(minimum: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{text!r} must be at least {minimum}")
        return value

    parse.__name__ = "integer"
    return parse


def _number(text: str) -> float:
    import math

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} must be finite")
    return value


def _add_env_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--env", dest="env", default=None, help="environment id (see `rewarddial list`)")
    p.add_argument("--model", default=None,
                   help="model directory (a saved transformers model) or a hub id such as Qwen/Qwen2.5-0.5B-Instruct")
    p.add_argument("--budget", type=_count(1), default=None, metavar="N",
                   help="the oracle's budget, in the env's own unit (rollouts for Gomoku, think_ms with "
                        "--set estimator=engine, tests for code, resolution for SVG); default: the env's")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="environment argument, e.g. --set mode=game (ints, floats, true/false parsed; repeatable)")
    p.add_argument("--seed", type=_count(0), default=None, help="base seed (default 0)")


def _budget(env_id: str, kwargs: dict, args: argparse.Namespace, config: dict) -> tuple[int | None, str | None]:
    """The budget given by --budget, or by the config's ``budget`` key or its key of the env's budget name."""
    from .data import budget_name

    if args.budget is not None:
        return args.budget, "budget"
    name = budget_name(env_id, kwargs)
    given = [(key, config[key]) for key in ("budget", name) if config.get(key) is not None]
    if len(given) > 1:
        raise SystemExit(f"error: give the budget once, got {', '.join(f'{k}: {v}' for k, v in given)} in --config")
    return given[0][1] if given else None, given[0][0] if given else None


def _env_kwargs(args: argparse.Namespace, config: dict, env_id: str) -> dict:
    from envs.cli import check_env_id, parse_kwargs

    from .data import env_kwargs_with_budget

    check_env_id(env_id)
    kwargs = dict(config.get("env_kwargs") or {})
    if not isinstance(kwargs, dict):
        raise SystemExit(f"error: env_kwargs in --config must be a mapping, got {kwargs!r}")
    kwargs.update(parse_kwargs(args.set))
    budget, alias = _budget(env_id, kwargs, args, config)
    try:
        return env_kwargs_with_budget(env_id, kwargs, budget, alias)
    except ValueError as exc:
        raise SystemExit(f"error: {exc}") from exc


def _check_env(env_id: str, env_kwargs: dict) -> None:
    """Build the env once, so a bad --set value is reported before any model is loaded."""
    from .data import make_env

    make_env(env_id, **env_kwargs).close()


def _need(value: Any, flag: str) -> Any:
    if value is None:
        raise SystemExit(f"error: {flag} is required (on the command line or in --config)")
    return value


def check_model(model: str) -> str:
    """``model`` if it is a directory or reads as a hub id (``org/name``); a clear error for a path that
    does not exist."""
    if not isinstance(model, str) or not model.strip():
        raise SystemExit(f"error: --model {model!r} must name a model directory or a hub id")
    if os.path.isdir(model):
        return model
    looks_like_path = (model.startswith((".", "/", "~")) or model.endswith(("/", os.sep)) or model.count("/") != 1
                       or os.path.exists(model))
    if looks_like_path:
        raise SystemExit(f"error: --model {model}: no such model directory (give a directory that holds a saved "
                         "model, or a hub id such as Qwen/Qwen2.5-0.5B-Instruct)")
    return model


# ---------------------------------------------------------------------------------------------------- eval
def add_eval_parser(subparsers) -> argparse.ArgumentParser:
    """Add ``rewarddial eval``: play episodes with a model and report reward, format and illegal rates."""
    p = subparsers.add_parser(
        "eval", help="play episodes with a language model and print the metrics",
        description="Play --episodes episodes of --env with --model and print mean reward, format rate, "
                    "illegal-answer rate, the oracle's mean estimate and, for envs that report them, the "
                    "outcome rates of whole episodes (win/draw/loss/invalid/unfinished, adding up to 1) or the "
                    "pass rate; the metrics are also written as JSON (--out).")
    _add_env_args(p)
    p.add_argument("--backend", choices=("transformers", "vllm"), default="transformers",
                   help="generation backend (vllm needs a GPU and pip install 'rewarddial[vllm]')")
    p.add_argument("--episodes", type=_count(1), default=32, help="number of episodes (default 32)")
    p.add_argument("--temperature", type=_number, default=0.7, help="sampling temperature; 0 is greedy (default 0.7)")
    p.add_argument("--top-p", type=_number, default=1.0, help="nucleus sampling: keep the smallest set of tokens "
                                                             "whose probability reaches P (default 1.0: all)")
    p.add_argument("--max-new-tokens", type=_count(1), default=512,
                   help="cap on each reply's length in tokens (default 512)")
    p.add_argument("--batch-size", type=_count(1), default=8,
                   help="conversations per generation batch (transformers; default 8)")
    p.add_argument("--device", default=None, help="cpu, cuda, ... (transformers backend; default: cuda if available)")
    p.add_argument("--out", default=None, help="JSON file for the metrics (default eval-<env>.json)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run_eval)
    return p


def run_eval(args: argparse.Namespace) -> int:
    """Run ``rewarddial eval``."""
    import envs  # noqa: F401 - registers the ids

    from .evaluation import evaluate
    from .policy import LLMPolicy

    env_id = _need(args.env, "--env")
    model = check_model(_need(args.model, "--model"))
    env_kwargs = _env_kwargs(args, {}, env_id)
    _check_env(env_id, env_kwargs)
    backend_kwargs = {"device": args.device, "batch_size": args.batch_size} if args.backend == "transformers" else {}
    policy = LLMPolicy(model, backend=args.backend, temperature=args.temperature, top_p=args.top_p,
                       max_new_tokens=args.max_new_tokens, seed=args.seed or 0, **backend_kwargs)
    metrics = evaluate(env_id, policy, args.episodes, seed=args.seed or 0, progress=not args.no_progress,
                       **env_kwargs)
    metrics["model"] = model
    metrics["backend"] = args.backend
    out = args.out or f"eval-{env_id}.json"
    with open(out, "w") as fh:
        json.dump(metrics, fh, indent=2)
    print(_table(metrics))
    print(f"metrics written to {out}")
    return 0


def _table(metrics: dict) -> str:
    keys = ["episodes", "steps", "truncated", "mean_reward", "reward_std", "format_rate", "illegal_rate",
            "oracle_error_rate", "mean_estimate", "mean_stderr", "pass_rate"]
    keys += [k for k in metrics if k.endswith("_rate") and k not in keys]
    lines = [f"{metrics['env_id']}  {metrics.get('model', '')}"]
    for k in keys:
        if k in metrics and metrics[k] is not None:
            v = metrics[k]
            lines.append(f"  {k:<16} {v:.4f}" if isinstance(v, float) else f"  {k:<16} {v}")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------- train
_TRAIN_EPILOG = """\
a --config YAML file holds rewarddial keys (env, model, budget or the env's budget name such as rollouts,
env_kwargs, num_states, seed, reward_backend, num_workers, output_dir, grpo) and any trl.GRPOConfig field:

  env: Gomoku9x9-LLM-v0
  model: Qwen/Qwen2.5-3B-Instruct
  rollouts: 256
  num_generations: 8
  learning_rate: 1.0e-6
"""


def add_train_parser(subparsers) -> argparse.ArgumentParser:
    """Add ``rewarddial train``: GRPO with TRL's GRPOTrainer, rewarded by the environment's oracle."""
    p = subparsers.add_parser(
        "train", help="GRPO training with TRL on an environment",
        description="GRPO with trl.GRPOTrainer on sampled states of --env, rewarded by the env's oracle at the "
                    "given --budget. Settings come from flags, a YAML --config (rewarddial keys plus any "
                    "trl.GRPOConfig field), and --grpo KEY=VALUE; flags win.",
        epilog=_TRAIN_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_env_args(p)
    p.add_argument("--config", default=None, metavar="FILE", help="YAML file of settings (see below)")
    p.add_argument("--num-generations", type=_count(2), default=None,
                   help="completions per prompt, the GRPO group (default 8; 8 or more recommended)")
    p.add_argument("--per-device-train-batch-size", type=_count(1), default=None,
                   help="completions per device step (default: num-generations)")
    p.add_argument("--gradient-accumulation-steps", type=_count(1), default=None,
                   help="device steps per optimizer step (default 1)")
    p.add_argument("--learning-rate", type=_number, default=None, help="optimizer learning rate (default 1e-6)")
    p.add_argument("--max-steps", type=_count(1), default=None,
                   help="optimizer steps to train for (default: --num-train-epochs over the states)")
    p.add_argument("--num-train-epochs", type=_number, default=None, help="passes over the states (default 1)")
    p.add_argument("--max-completion-length", type=_count(1), default=None,
                   help="cap on completion tokens (default 512)")
    p.add_argument("--temperature", type=_number, default=None, help="sampling temperature of the rollouts")
    p.add_argument("--beta", type=_number, default=None, help="KL coefficient against the reference model")
    p.add_argument("--logging-steps", type=_count(1), default=None, help="log every N steps (default 1)")
    p.add_argument("--use-vllm", action="store_true", default=None, help="generate with vLLM (GPU)")
    p.add_argument("--vllm-mode", choices=("colocate", "server"), default=None,
                   help="vLLM in the training process (colocate) or a separate `trl vllm-serve` (server)")
    p.add_argument("--cpu", action="store_true", default=None, help="train on CPU (use_cpu)")
    p.add_argument("--bf16", action="store_true", default=None, help="bfloat16 mixed precision (GPU)")
    p.add_argument("--output-dir", default=None, help="where the trained model is saved (default grpo-<env>)")
    p.add_argument("--num-states", type=_count(1), default=None, help="states in the training set (default 1024)")
    p.add_argument("--reward-backend", choices=("process", "inline", "ray"), default=None,
                   help="where rewards are computed (default: a local process pool)")
    p.add_argument("--num-workers", type=_count(1), default=None,
                   help="reward pool size (default: this process's share of the CPUs)")
    p.add_argument("--grpo", action="append", default=[], metavar="KEY=VALUE",
                   help="any other trl.GRPOConfig setting, e.g. --grpo warmup_ratio=0.05 (repeatable)")
    p.set_defaults(func=run_train)
    return p


_FLAG_TO_GRPO = {"num_generations": "num_generations", "per_device_train_batch_size": "per_device_train_batch_size",
                 "gradient_accumulation_steps": "gradient_accumulation_steps", "learning_rate": "learning_rate",
                 "max_steps": "max_steps", "num_train_epochs": "num_train_epochs",
                 "max_completion_length": "max_completion_length", "temperature": "temperature", "beta": "beta",
                 "logging_steps": "logging_steps", "use_vllm": "use_vllm", "vllm_mode": "vllm_mode",
                 "cpu": "use_cpu", "bf16": "bf16"}


def load_config(path: str | None) -> dict:
    """The settings of a YAML ``--config`` file (empty without one)."""
    if path is None:
        return {}
    from ._lazy import require

    yaml = require("yaml", "rewarddial train --config")
    if not os.path.isfile(path):
        raise SystemExit(f"error: --config {path}: no such file")
    try:
        with open(path) as fh:
            data = yaml.safe_load(fh) or {}
    except yaml.YAMLError as exc:
        raise SystemExit(f"error: --config {path} is not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise SystemExit(f"error: --config {path} must hold a mapping of settings, got {type(data).__name__}")
    return data


def train_settings(args: argparse.Namespace) -> dict:
    """Everything ``rewarddial train`` needs, merged from YAML config, ``--grpo`` pairs and flags (flags win)."""
    from envs.cli import parse_kwargs

    from .data import budget_name

    config = load_config(args.config)
    env_id = _need(args.env or config.get("env"), "--env")
    env_kwargs = _env_kwargs(args, config, env_id)
    own = set(_TRAIN_KEYS) | {budget_name(env_id, env_kwargs)}
    grpo = dict(config.get("grpo") or {})
    grpo.update({k: v for k, v in config.items() if k not in own})
    grpo.update(parse_kwargs(args.grpo, flag="--grpo"))
    for flag, field in _FLAG_TO_GRPO.items():
        if getattr(args, flag) is not None:
            grpo[field] = getattr(args, flag)
    return {
        "env_id": env_id,
        "model": _need(args.model or config.get("model"), "--model"),
        "env_kwargs": env_kwargs,
        "num_states": args.num_states or config.get("num_states", 1024),
        "seed": args.seed if args.seed is not None else config.get("seed", 0),
        "reward_backend": args.reward_backend or config.get("reward_backend", "process"),
        "num_workers": args.num_workers or config.get("num_workers"),
        "grpo": {**grpo, "output_dir": args.output_dir or config.get("output_dir") or f"grpo-{env_id}"},
    }


def run_train(args: argparse.Namespace) -> int:
    """Run ``rewarddial train``."""
    import envs  # noqa: F401 - registers the ids

    from .train import grpo_config, train

    s = train_settings(args)
    check_model(s["model"])
    _check_env(s["env_id"], s["env_kwargs"])
    config = grpo_config(**s["grpo"])
    budget = ", ".join(f"{k}={v}" for k, v in s["env_kwargs"].items()) or "default budget"
    print(f"GRPO on {s['env_id']} ({budget}) with {s['model']}: {config.num_generations} generations per "
          f"prompt, {s['num_states']} states, rewards on the {s['reward_backend']} backend", file=sys.stderr)
    trainer = train(s["env_id"], s["model"], env_kwargs=s["env_kwargs"], num_states=s["num_states"], seed=s["seed"],
                    reward_backend=s["reward_backend"], num_workers=s["num_workers"], config=config)
    with open(f"{config.output_dir}/log_history.json", "w") as fh:
        json.dump(trainer.state.log_history, fh, indent=2)
    print(f"model and log_history.json saved to {config.output_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
