"""GRPO on any registered environment with TRL's GRPOTrainer (what ``rewarddial train`` runs)."""
from __future__ import annotations

import difflib
import os
from typing import Any

from ._lazy import require

__all__ = ["build_trainer", "grpo_config", "train"]

#: settings ``rewarddial train`` uses unless told otherwise (groups of 8: see the README)
GRPO_DEFAULTS: dict[str, Any] = {
    "num_generations": 8,
    "learning_rate": 1e-6,
    "max_completion_length": 512,
    "logging_steps": 1,
    "report_to": [],
    "save_strategy": "no",
}


def grpo_config(output_dir: str = "rewarddial-grpo", **settings: Any):
    """A ``trl.GRPOConfig`` from :data:`GRPO_DEFAULTS` updated with ``settings`` (GRPOConfig field names).

    ``per_device_train_batch_size`` defaults to ``num_generations`` (one group per device step). An unknown
    setting is refused with the closest field names.
    """
    import dataclasses

    trl = require("trl", "GRPO training")
    fields = {f.name for f in dataclasses.fields(trl.GRPOConfig)}
    unknown = sorted(set(settings) - fields)
    if unknown:
        hints = {k: difflib.get_close_matches(k, fields, n=3) for k in unknown}
        raise ValueError(f"unknown GRPO settings {unknown} (closest GRPOConfig fields: {hints}); see "
                         "trl.GRPOConfig for the accepted names")
    merged = {**GRPO_DEFAULTS, **{k: v for k, v in settings.items() if v is not None}}
    merged.setdefault("per_device_train_batch_size", merged["num_generations"])
    return trl.GRPOConfig(output_dir=output_dir, **merged)


def build_trainer(env_id: str, model: Any, *, env_kwargs: dict | None = None, num_states: int = 1024,
                  seed: int = 0, reward_backend: str = "process", num_workers: int | None = None,
                  config: Any = None, tokenizer: Any = None, callbacks: list | None = None):
    """A ``trl.GRPOTrainer`` on ``num_states`` sampled states of ``env_id``, rewarded by :class:`EnvReward`.

    Args:
        env_id: a registered environment id.
        model: a model path / hub id or a loaded causal LM.
        env_kwargs: environment arguments, e.g. ``{"rollouts": 256}`` (the oracle budget).
        num_states: dataset size (states ``seed + i``).
        seed: seed of the states and of the reward's oracle calls.
        reward_backend: ``"process"`` (default), ``"inline"`` or ``"ray"`` (see :class:`agents.EnvReward`).
        num_workers: reward pool size.
        config: a ``trl.GRPOConfig`` or a dict of its settings (passed to :func:`grpo_config`).
        tokenizer: the processing class (default: loaded from ``model`` by TRL).
        callbacks: extra ``transformers.TrainerCallback`` s.
    """
    trl = require("trl", "GRPO training")
    from .data import make_dataset
    from .reward import EnvReward

    env_kwargs = dict(env_kwargs or {})
    if config is None or isinstance(config, dict):
        config = grpo_config(**(config or {}))
    dataset = make_dataset(env_id, num_states, seed=seed, **env_kwargs)
    reward = EnvReward(env_id, reward_backend=reward_backend, num_workers=num_workers, seed=seed, **env_kwargs)
    return trl.GRPOTrainer(model=model, reward_funcs=reward, args=config, train_dataset=dataset,
                           processing_class=tokenizer, callbacks=callbacks)


def train(env_id: str, model: Any, **kwargs: Any):
    """Build the trainer with :func:`build_trainer`, train, save the model to ``output_dir``; returns the trainer."""
    trainer = build_trainer(env_id, model, **kwargs)
    os.makedirs(trainer.args.output_dir, exist_ok=True)
    trainer.train()
    trainer.save_model(trainer.args.output_dir)
    return trainer
