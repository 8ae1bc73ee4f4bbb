"""Environments by id, budget arguments by name, and GRPO datasets of sampled states.

Everything here works for whichever environments are registered (``envs.ENV_IDS``, or any id registered
with Gymnasium whose env derives from :class:`envs.core.TextEnv`): nothing is environment-specific.
"""
from __future__ import annotations

import json
from typing import Any

from ._lazy import require

__all__ = ["budget_name", "env_kwargs_with_budget", "make_dataset", "make_env", "rows"]


def _spec(env_id: str):
    from envs.core import env_spec

    return env_spec(env_id)


def env_class(env_id: str) -> type:
    """The environment class registered under ``env_id`` (without building an instance)."""
    from envs.core import env_class as _env_class

    return _env_class(env_id)


def budget_name(env_id: str, env_kwargs: dict | None = None) -> str:
    """The keyword argument that sets ``env_id``'s oracle budget with these arguments, as the env declares it
    (``envs.core.budget_name_for``): ``"rollouts"``, ``"tests"``, ``"resolution"``, ``"think_ms"``..."""
    from envs.core import budget_name_for

    return budget_name_for(env_id, env_kwargs or {})


def env_kwargs_with_budget(env_id: str, env_kwargs: dict | None = None, budget: int | None = None,
                           alias: str | None = None) -> dict:
    """``env_kwargs`` with the oracle budget set under the env's own argument name.

    The name comes from the env (``envs.core.budget_name_for(env_id, env_kwargs)``), so Gomoku's
    ``estimator="engine"`` puts the budget in ``think_ms``. ``alias`` is the name the user gave the budget
    (``"budget"`` or a name of their own); a name that is not this environment's budget is refused with
    the right one.
    """
    kwargs = dict(env_kwargs or {})
    if budget is None:
        return kwargs
    name = budget_name(env_id, kwargs)
    if alias not in (None, "budget", name):
        raise ValueError(f"{env_id} measures its reward budget in {name}, not {alias} (with these arguments); "
                         f"use --budget {budget} (or --set {name}={budget})")
    if isinstance(budget, bool) or not isinstance(budget, int) or budget < 1:
        raise ValueError(f"{name}={budget!r} must be a positive integer")
    if name in kwargs and kwargs[name] != budget:
        raise ValueError(f"the budget is given twice: {name}={kwargs[name]!r} and {budget!r}; give it once")
    kwargs[name] = budget
    return kwargs


def make_env(env_id: str, **env_kwargs: Any):
    """The unwrapped :class:`envs.core.TextEnv` for ``env_id`` built with ``env_kwargs``."""
    import gymnasium as gym

    from envs.core import TextEnv

    _spec(env_id)
    env = gym.make(env_id, disable_env_checker=True, **env_kwargs).unwrapped
    if not isinstance(env, TextEnv):
        raise TypeError(f"{env_id} builds a {type(env).__name__}, not a rewarddial TextEnv; the agents adapters "
                        "need the TextEnv batch API (score_completions, sample_states)")
    return env


def dumps_kwargs(env_kwargs: dict) -> str:
    """``env_kwargs`` as the JSON string stored in datasets (refusing values JSON cannot hold)."""
    try:
        return json.dumps(env_kwargs, sort_keys=True)
    except TypeError as exc:
        raise ValueError(f"environment arguments {env_kwargs!r} must be JSON-serialisable to be stored with the "
                         f"data ({exc}); pass numbers, strings, booleans, lists or dicts") from exc


def rows(env_id: str, n: int, *, seed: int = 0, user_turn: bool = True, **env_kwargs: Any) -> list[dict]:
    """The rows of :func:`make_dataset` as plain dicts (no ``datasets`` needed)."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"n={n!r} must be a positive number of states")
    kwargs_json = dumps_kwargs(env_kwargs)
    env = make_env(env_id, **env_kwargs)
    out = []
    for i, state in enumerate(env.sample_states(n, seed)):
        messages = env.messages(env.decode_state(state))
        if not user_turn:
            messages = [m if m["role"] != "user" else {"role": "user", "content": ""} for m in messages]
        out.append({"prompt": messages, "state": state, "env_id": env_id, "env_kwargs": kwargs_json,
                    "state_seed": seed + i})
    return out


def make_dataset(env_id: str, n: int, *, seed: int = 0, user_turn: bool = True, **env_kwargs: Any):
    """A ``datasets.Dataset`` of ``n`` sampled states of ``env_id``, one row per state, for GRPO.

    Columns:
        prompt: the conversational prompt (system and user turns), as the env renders the state.
        state: the serialised state; the reward function rebuilds it, so a GRPO group of completions of one
            prompt is scored against one state.
        env_id: the environment id.
        env_kwargs: the environment arguments (JSON string), e.g. ``'{"rollouts": 256}'``.
        state_seed: the seed state ``i`` was drawn with (``seed + i``).

    Args:
        env_id: a registered id, e.g. ``"Gomoku9x9-LLM-v0"``.
        n: number of states (rows).
        seed: state ``i`` is drawn with seed ``seed + i``.
        user_turn: False leaves the user turn empty, for TRL's ``environment_factory`` whose ``reset`` returns
            it (see :mod:`agents.trl_env`).
        **env_kwargs: environment arguments, e.g. ``rollouts=256``.
    """
    datasets = require("datasets", "agents.make_dataset")
    return datasets.Dataset.from_list(rows(env_id, n, seed=seed, user_turn=user_turn, **env_kwargs))
