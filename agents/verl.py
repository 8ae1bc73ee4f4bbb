"""verl adapters: reward functions with verl's signatures and an export of states to verl's parquet layout.

Export the training data, then point verl at this module::

    python -c "import agents; agents.export_verl('Gomoku9x9-LLM-v0', 'data/gomoku9', n_train=4096, rollouts=256)"
    python -m verl.trainer.main_ppo data.train_files=data/gomoku9/train.parquet \\
        data.val_files=data/gomoku9/test.parquet \\
        custom_reward_function.path=$(python -c "import agents.verl as m; print(m.__file__)") \\
        custom_reward_function.name=compute_score            # or compute_score_batch with the batch manager

Each parquet row carries what :func:`compute_score` needs to rebuild the environment, so no other
configuration is needed:

* ``data_source``: the env id;
* ``prompt``: the chat messages (system and user turns);
* ``ability``: ``"game"``, ``"code"``, ``"svg"``... (the first word of the env's budget kind);
* ``reward_model``: ``{"style": "rule", "ground_truth": <serialised state>}`` (the state is the ground truth
  verl passes back: the oracle judges the answer against it);
* ``extra_info``: ``{"env_id", "env_kwargs" (JSON string), "state", "index", "split"}``.

Seeds and threads. Each process keeps one :class:`agents.EnvReward` per (env id, env arguments), whose call
``k`` draws its oracle seeds from ``SeedSequence(REWARDDIAL_SEED, worker, k)`` (``REWARDDIAL_SEED`` is an
environment variable, default 0). ``worker`` tells the processes that score in parallel apart:

* the ``RANK`` environment variable, where a launcher or verl's worker groups set it;
* else, inside a named Ray actor, a hash of its name: verl's reward-loop workers are the actors
  ``reward_loop_worker_<i>``, so worker ``i`` draws the same seeds when the run is repeated;
* else, inside any other Ray worker process (e.g. ``launch_reward_fn_async`` tasks), the process id: distinct
  streams, but not reproducible from run to run;
* else 0: the trainer's own process (verl's naive and batch reward managers).

verl's reward loop calls the synchronous :func:`compute_score` from several threads at once
(``loop.run_in_executor``); the reward cache, the call counter and the environments are locked, so two
concurrent calls never share a seed nor an environment.

verl loads this file by its path as a stand-alone module, so it imports the rest of the package absolutely.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
from typing import Any, Sequence

__all__ = ["compute_score", "compute_score_batch", "export_verl", "verl_rows"]

_ABILITY = {"rollouts": "game", "tests": "code", "resolution": "svg"}

# reward callables reused across calls in this process, keyed by (env_id, env_kwargs JSON); verl may call from
# several threads, so the cache is filled under a lock (EnvReward and the backends lock the rest)
_REWARDS: dict[tuple[str, str], Any] = {}
_REWARDS_LOCK = threading.Lock()


def verl_rows(env_id: str, n: int, *, seed: int = 0, split: str = "train", **env_kwargs: Any) -> list[dict]:
    """``n`` states of ``env_id`` as verl rows (see the module docstring for the layout)."""
    from agents.data import budget_name, rows

    ability = _ABILITY.get(budget_name(env_id), "reasoning")
    out = []
    for i, row in enumerate(rows(env_id, n, seed=seed, **env_kwargs)):
        out.append({
            "data_source": env_id,
            "prompt": row["prompt"],
            "ability": ability,
            "reward_model": {"style": "rule", "ground_truth": row["state"]},
            "extra_info": {"env_id": env_id, "env_kwargs": row["env_kwargs"], "state": row["state"],
                           "index": i, "split": split},
        })
    return out


def export_verl(env_id: str, out_dir: str, *, n_train: int = 1024, n_test: int = 128, seed: int = 0,
                **env_kwargs: Any) -> dict[str, str]:
    """Write ``train.parquet`` and ``test.parquet`` of ``env_id``'s states for verl; returns their paths.

    Train states use seeds ``seed + i``; test states use seeds from ``seed + 10**9`` so the splits differ.
    """
    from agents._lazy import require

    pa = require("pyarrow", "agents.export_verl")
    pq = require("pyarrow.parquet", "agents.export_verl")
    os.makedirs(out_dir, exist_ok=True)
    paths = {}
    for split, n, base in (("train", n_train, seed), ("test", n_test, seed + 10**9)):
        if n == 0:
            continue
        table = pa.Table.from_pylist(verl_rows(env_id, n, seed=base, split=split, **env_kwargs))
        paths[split] = os.path.join(out_dir, f"{split}.parquet")
        pq.write_table(table, paths[split])
    return paths


def _info(extra_info: Any, data_source: Any, ground_truth: Any) -> tuple[str, dict, str]:
    """(env_id, env_kwargs, state) from a row's extra_info, with ground_truth/data_source as fallbacks."""
    info = extra_info if isinstance(extra_info, dict) else {}
    env_id = info.get("env_id") or data_source
    if not env_id:
        raise ValueError("cannot tell the environment: extra_info has no 'env_id' and data_source is empty; "
                         "export the data with agents.export_verl")
    kwargs = info.get("env_kwargs") or {}
    if isinstance(kwargs, str):
        kwargs = json.loads(kwargs)
    state = info.get("state") or ground_truth
    if not isinstance(state, str):
        raise ValueError(f"no serialised state for {env_id}: extra_info['state'] and ground_truth are "
                         f"{state!r}; export the data with agents.export_verl")
    return env_id, dict(kwargs), state


def _base_seed() -> int:
    value = os.environ.get("REWARDDIAL_SEED", "0")
    try:
        seed = int(value)
    except ValueError:
        seed = -1
    if seed < 0:
        raise ValueError(f"REWARDDIAL_SEED={value!r} must be a non-negative integer (the base seed of the rewards)")
    return seed


def worker_stream() -> int:
    """The number that sets this process's seeds apart from those of the other reward workers.

    ``RANK`` if set; else a hash of the Ray actor's name inside a named actor (verl's reward-loop workers);
    else the process id inside another Ray worker process; else 0 (see the module docstring).
    """
    from agents._seeding import process_rank

    if os.environ.get("RANK", "").strip():
        return process_rank()
    ray = sys.modules.get("ray")  # only if Ray is in use: never import it here
    if ray is None or not ray.is_initialized():
        return 0
    ctx = ray.get_runtime_context()
    if getattr(getattr(ctx, "worker", None), "mode", None) != getattr(ray, "WORKER_MODE", 1):
        return 0  # the driver (the trainer's process)
    name = ctx.get_actor_name() if ctx.get_actor_id() is not None else None
    if name:
        return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "little")
    return os.getpid()


def _reward_for(env_id: str, env_kwargs: dict):
    from agents.data import dumps_kwargs
    from agents.reward import EnvReward

    key = (env_id, dumps_kwargs(env_kwargs))
    with _REWARDS_LOCK:
        reward = _REWARDS.get(key)
        if reward is None:
            reward = EnvReward(env_id, reward_backend="inline", seed=_base_seed(), rank=worker_stream(),
                               **env_kwargs)
            _REWARDS[key] = reward
    return reward


def _result(scored) -> dict:
    est = scored.estimate
    return {
        "score": float(scored.reward),
        "format_ok": float(scored.format_ok),
        "legal": float(scored.legal),
        "estimate": float(est.value) if est is not None else 0.0,
        "estimate_stderr": float(est.stderr) if est is not None else 0.0,
    }


def compute_score_batch(data_sources: Sequence[str], solution_strs: Sequence[str], ground_truths: Sequence[Any],
                        extra_infos: Sequence[dict] | None = None, **reward_kwargs: Any) -> list[dict]:
    """verl's batch reward manager entry point: one dict per response, ``score`` plus logged keys.

    Responses are grouped by (env id, env arguments) and each group is scored with one batch call of the
    oracle. The budget comes from the row's ``env_kwargs`` unless ``reward_kwargs`` holds the env's budget
    name (e.g. ``custom_reward_function.reward_kwargs.rollouts=64``).
    """
    n = len(solution_strs)
    extra_infos = list(extra_infos) if extra_infos is not None else [None] * n
    if not (len(data_sources) == len(ground_truths) == len(extra_infos) == n):
        raise ValueError(f"verl passed lists of different lengths: {len(data_sources)} data_sources, {n} "
                         f"solution_strs, {len(ground_truths)} ground_truths, {len(extra_infos)} extra_infos")
    groups: dict[tuple[str, str], list[int]] = {}
    parsed = []
    for i in range(n):
        env_id, kwargs, state = _info(extra_infos[i], data_sources[i], ground_truths[i])
        kwargs.update(_budget_override(env_id, reward_kwargs))
        parsed.append((env_id, kwargs, state))
        groups.setdefault((env_id, json.dumps(kwargs, sort_keys=True)), []).append(i)
    out: list[dict] = [{}] * n
    for (env_id, _), idx in groups.items():
        reward = _reward_for(env_id, parsed[idx[0]][1])
        scored = reward.score([parsed[i][2] for i in idx], [solution_strs[i] for i in idx])
        for i, s in zip(idx, scored):
            out[i] = _result(s)
    return out


def _budget_override(env_id: str, reward_kwargs: dict) -> dict:
    """The env's budget from verl's ``reward_kwargs`` (under its own name or as ``budget``), if given."""
    from agents.data import budget_name

    name = budget_name(env_id)
    value = reward_kwargs.get(name, reward_kwargs.get("budget"))
    return {} if value is None else {name: int(value)}


def compute_score(data_source: str, solution_str: str, ground_truth: Any, extra_info: dict | None = None,
                  **reward_kwargs: Any) -> dict:
    """verl's naive reward manager entry point: the env's reward of one decoded response.

    Returns ``{"score": reward, "format_ok", "legal", "estimate", "estimate_stderr"}``; verl uses ``score``
    and logs the other keys.
    """
    return compute_score_batch([data_source], [solution_str], [ground_truth], [extra_info], **reward_kwargs)[0]
