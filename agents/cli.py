"""``rewarddial eval`` and ``rewarddial train`` (plugged into :mod:`envs.cli`). Nothing heavy at import time."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

__all__ = ["add_eval_parser", "add_train_parser"]

_BUDGET_FLAGS = ("budget", "rollouts", "tests", "resolution")

# keys of a train YAML config that are rewarddial's own; every other key is a trl.GRPOConfig setting
_TRAIN_KEYS = ("env", "model", "budget", "rollouts", "tests", "resolution", "env_kwargs", "num_states", "seed",
               "reward_backend", "num_workers", "output_dir", "grpo")


def _add_env_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--env", dest="env", default=None, help="environment id (see `rewarddial list`)")
    p.add_argument("--model", default=None, help="model directory or hub id")
    group = p.add_argument_group("oracle budget (any one; it sets the env's own budget argument)")
    group.add_argument("--budget", dest="budget_budget", type=int, default=None, metavar="N",
                       help="the env's reward budget, whatever its unit")
    group.add_argument("--rollouts", dest="budget_rollouts", type=int, default=None, metavar="N",
                       help="Monte Carlo rollouts per reward (games)")
    group.add_argument("--tests", dest="budget_tests", type=int, default=None, metavar="N", help="unit tests per reward (code)")
    group.add_argument("--resolution", dest="budget_resolution", type=int, default=None, metavar="N",
                       help="render resolution in pixels (SVG)")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="environment argument, e.g. --set mode=game (repeatable)")
    p.add_argument("--seed", type=int, default=None, help="base seed (default 0)")


def _budget(args: argparse.Namespace, config: dict) -> tuple[int | None, str | None]:
    given = [(name, getattr(args, f"budget_{name}")) for name in _BUDGET_FLAGS
             if getattr(args, f"budget_{name}") is not None]
    if not given:
        given = [(name, config[name]) for name in _BUDGET_FLAGS if config.get(name) is not None]
    if len(given) > 1:
        raise SystemExit(f"error: give the budget once, got {', '.join(f'--{n} {v}' for n, v in given)}")
    return (given[0][1], given[0][0]) if given else (None, None)


def _env_kwargs(args: argparse.Namespace, config: dict, env_id: str) -> dict:
    from envs.cli import parse_kwargs

    from .data import env_kwargs_with_budget

    kwargs = dict(config.get("env_kwargs") or {})
    kwargs.update(parse_kwargs(args.set))
    budget, alias = _budget(args, config)
    try:
        return env_kwargs_with_budget(env_id, kwargs, budget, alias)
    except ValueError as exc:
        raise SystemExit(f"error: {exc}") from exc


def _need(value: Any, flag: str) -> Any:
    if value is None:
        raise SystemExit(f"error: {flag} is required (on the command line or in --config)")
    return value


# ---------------------------------------------------------------------------------------------------- eval
def add_eval_parser(subparsers) -> argparse.ArgumentParser:
    """Add ``rewarddial eval``: play episodes with a model and report reward, format and illegal rates."""
    p = subparsers.add_parser(
        "eval", help="play episodes with a language model and print the metrics",
        description="Play --episodes episodes of --env with --model and print mean reward, format rate, "
                    "illegal-move rate and win/pass rate; the metrics are also written as JSON (--out).")
    _add_env_args(p)
    p.add_argument("--backend", choices=("transformers", "vllm"), default="transformers",
                   help="generation backend (vllm needs a GPU and pip install 'rewarddial[vllm]')")
    p.add_argument("--episodes", type=int, default=32, help="number of episodes (default 32)")
    p.add_argument("--temperature", type=float, default=0.7, help="sampling temperature; 0 is greedy")
    p.add_argument("--top-p", type=float, default=1.0)
    p.add_argument("--max-new-tokens", type=int, default=512, help="cap on each reply's length in tokens")
    p.add_argument("--batch-size", type=int, default=8, help="conversations per generation batch (transformers)")
    p.add_argument("--device", default=None, help="cpu, cuda, ... (transformers backend)")
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
    model = _need(args.model, "--model")
    if args.episodes < 1:
        raise SystemExit(f"error: --episodes {args.episodes} must be at least 1")
    env_kwargs = _env_kwargs(args, {}, env_id)
    backend_kwargs = {"device": args.device, "batch_size": args.batch_size} if args.backend == "transformers" else {}
    try:
        policy = LLMPolicy(model, backend=args.backend, temperature=args.temperature, top_p=args.top_p,
                           max_new_tokens=args.max_new_tokens, seed=args.seed or 0, **backend_kwargs)
    except (ImportError, ValueError) as exc:
        raise SystemExit(f"error: {exc}") from exc
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
    keys = ("episodes", "steps", "mean_reward", "reward_std", "format_rate", "illegal_rate", "mean_estimate",
            "mean_stderr", "pass_rate", "win_rate", "draw_rate", "loss_rate")
    lines = [f"{metrics['env_id']}  {metrics.get('model', '')}"]
    for k in keys:
        if k in metrics and metrics[k] is not None:
            v = metrics[k]
            lines.append(f"  {k:<14} {v:.4f}" if isinstance(v, float) else f"  {k:<14} {v}")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------- train
def add_train_parser(subparsers) -> argparse.ArgumentParser:
    """Add ``rewarddial train``: GRPO with TRL's GRPOTrainer, rewarded by the environment's oracle."""
    p = subparsers.add_parser(
        "train", help="GRPO training with TRL on an environment",
        description="GRPO with trl.GRPOTrainer on sampled states of --env, rewarded by the env's oracle at the "
                    "given budget (--rollouts/--tests/--resolution/--budget). Settings come from flags, a YAML "
                    "--config (rewarddial keys plus any trl.GRPOConfig field), and --grpo KEY=VALUE; flags win.")
    _add_env_args(p)
    p.add_argument("--config", default=None, help="YAML file of settings (see `rewarddial train --help`)")
    p.add_argument("--num-generations", type=int, default=None, help="completions per prompt (group size; 8+)")
    p.add_argument("--per-device-train-batch-size", type=int, default=None,
                   help="completions per device step (default: num-generations)")
    p.add_argument("--gradient-accumulation-steps", type=int, default=None)
    p.add_argument("--learning-rate", type=float, default=None)
    p.add_argument("--max-steps", type=int, default=None)
    p.add_argument("--num-train-epochs", type=float, default=None)
    p.add_argument("--max-completion-length", type=int, default=None, help="cap on completion tokens")
    p.add_argument("--temperature", type=float, default=None, help="sampling temperature of the rollouts")
    p.add_argument("--beta", type=float, default=None, help="KL coefficient")
    p.add_argument("--logging-steps", type=int, default=None)
    p.add_argument("--use-vllm", action="store_true", default=None, help="generate with vLLM (GPU)")
    p.add_argument("--vllm-mode", choices=("colocate", "server"), default=None)
    p.add_argument("--cpu", action="store_true", default=None, help="train on CPU (use_cpu)")
    p.add_argument("--bf16", action="store_true", default=None)
    p.add_argument("--output-dir", default=None, help="where the trained model is saved")
    p.add_argument("--num-states", type=int, default=None, help="states in the training set (default 1024)")
    p.add_argument("--reward-backend", choices=("process", "inline", "ray"), default=None,
                   help="where rewards are computed (default: a local process pool)")
    p.add_argument("--num-workers", type=int, default=None, help="reward pool size (default: CPU count)")
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
    with open(path) as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise SystemExit(f"error: --config {path} must hold a mapping of settings, got {type(data).__name__}")
    return data


def train_settings(args: argparse.Namespace) -> dict:
    """Everything ``rewarddial train`` needs, merged from YAML config, ``--grpo`` pairs and flags (flags win)."""
    from envs.cli import parse_kwargs

    config = load_config(args.config)
    env_id = _need(args.env or config.get("env"), "--env")
    grpo = dict(config.get("grpo") or {})
    grpo.update({k: v for k, v in config.items() if k not in _TRAIN_KEYS})
    grpo.update(parse_kwargs(args.grpo))
    for flag, field in _FLAG_TO_GRPO.items():
        if getattr(args, flag) is not None:
            grpo[field] = getattr(args, flag)
    return {
        "env_id": env_id,
        "model": _need(args.model or config.get("model"), "--model"),
        "env_kwargs": _env_kwargs(args, config, env_id),
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
    try:
        config = grpo_config(**s["grpo"])
    except (ImportError, ValueError) as exc:
        raise SystemExit(f"error: {exc}") from exc
    budget = ", ".join(f"{k}={v}" for k, v in s["env_kwargs"].items()) or "default budget"
    print(f"GRPO on {s['env_id']} ({budget}) with {s['model']}: {config.num_generations} generations per "
          f"prompt, {s['num_states']} states, rewards on the {s['reward_backend']} backend", file=sys.stderr)
    trainer = train(s["env_id"], s["model"], env_kwargs=s["env_kwargs"], num_states=s["num_states"], seed=s["seed"],
                    reward_backend=s["reward_backend"], num_workers=s["num_workers"], config=config)
    with open(f"{config.output_dir}/log_history.json", "w") as fh:
        json.dump(trainer.state.log_history, fh, indent=2)
    print(f"model and log_history.json saved to {config.output_dir}", file=sys.stderr)
    return 0
