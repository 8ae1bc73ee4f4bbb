"""rewarddial's trainer side: every registered environment adapted to the GRPO trainers people use.

    import agents
    ds = agents.make_dataset("Gomoku9x9-LLM-v0", 512, seed=0, rollouts=256)     # datasets.Dataset
    reward = agents.EnvReward("Gomoku9x9-LLM-v0", rollouts=256)                  # TRL reward function
    trainer = trl.GRPOTrainer(model, reward_funcs=reward, train_dataset=ds, args=grpo_config)

Also here: :func:`compute_score_async` (verl 0.9), :func:`compute_score`, :func:`compute_score_batch` and
:func:`export_verl` for verl, :func:`environment_factory` for TRL's multi-turn ``environment_factory``,
:class:`LLMPolicy` (transformers or vLLM generation) and :func:`evaluate`. ``import agents`` is cheap: torch, transformers, trl, datasets,
ray and vllm are imported only by the functions that need them.
"""
from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "EnvReward", "LLMPolicy", "TextGameEnvironment", "budget_name", "compute_score", "compute_score_async",
    "compute_score_batch",
    "environment_factory", "evaluate", "export_verl", "make_dataset", "make_env", "verl_rows",
]

_WHERE = {
    "budget_name": "data", "make_dataset": "data", "make_env": "data",
    "EnvReward": "reward",
    "compute_score": "verl", "compute_score_async": "verl", "compute_score_batch": "verl", "export_verl": "verl", "verl_rows": "verl",
    "environment_factory": "trl_env", "TextGameEnvironment": "trl_env",
    "LLMPolicy": "policy",
    "evaluate": "evaluation",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'agents' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(__all__) | {n for n in globals() if n.startswith("__")})
