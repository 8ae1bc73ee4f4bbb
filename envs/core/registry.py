"""Registry look-ups that need no environment instance: the class behind an id and its budget's name."""
from __future__ import annotations

from typing import Any

__all__ = ["budget_name_for", "env_class", "env_spec"]


def env_spec(env_id: str):
    """Gymnasium's spec of ``env_id``, or a ValueError that lists the rewarddial ids."""
    import gymnasium as gym

    import envs

    if not isinstance(env_id, str) or env_id not in gym.registry:
        known = ", ".join(envs.ENV_IDS) or "(none)"
        raise ValueError(f"unknown environment id {env_id!r}; registered rewarddial ids: {known} "
                         "(run `rewarddial list`, or register your own with gymnasium.register)")
    return gym.spec(env_id)


def env_class(env_id: str) -> type:
    """The environment class registered under ``env_id`` (without building an instance)."""
    from gymnasium.envs.registration import load_env_creator

    entry = env_spec(env_id).entry_point
    return load_env_creator(entry) if isinstance(entry, str) else entry


def budget_name_for(env_id: str, kwargs: dict[str, Any] | None = None) -> str:
    """The constructor keyword that sets ``env_id``'s oracle budget, given these constructor ``kwargs``.

    ``budget_name_for("Gomoku9x9-LLM-v0")`` is ``"rollouts"``; with ``{"estimator": "engine"}`` it is
    ``"think_ms"``. The registered kwargs are merged under ``kwargs`` first.
    """
    spec = env_spec(env_id)
    cls = env_class(env_id)
    merged = {**(spec.kwargs or {}), **(kwargs or {})}
    fn = getattr(cls, "budget_name_for", None)
    if fn is None:
        name = getattr(cls, "budget_name", None)
        if not isinstance(name, str):
            raise ValueError(f"{env_id} declares no budget_name; it is not a rewarddial TextEnv")
        return name
    return fn(merged)
