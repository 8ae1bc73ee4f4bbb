"""verl adapters: reward functions with verl's signatures and an export of states to verl's parquet layout.

Export the training data, then point verl at this module. verl 0.9 (its reward loop; managers ``naive``,
``dapo``, ``gdpo``, ``rate_limited``, ``remote``; no ``batch`` manager any more)::

    python -c "import agents; agents.export_verl('Gomoku9x9-LLM-v0', 'data/gomoku9', n_train=4096, rollouts=256)"
    python -m verl.trainer.main_ppo data.train_files=data/gomoku9/train.parquet \\
        data.val_files=data/gomoku9/test.parquet \\
        reward.reward_manager.name=naive \\
        reward.custom_reward_function.path=$(python -c "import agents.verl as m; print(m.__file__)") \\
        reward.custom_reward_function.name=compute_score_async \\
        +reward.custom_reward_function.reward_kwargs.group_size=8     # = actor_rollout_ref.rollout.n

:func:`compute_score_async` is a coroutine function, which verl 0.9 awaits once per response,
concurrently; it gathers the concurrent calls so that a GRPO group is scored in one oracle call. The
synchronous :func:`compute_score` (one oracle call per response; verl runs it in executor threads) and
:func:`compute_score_batch` (the batch manager of verl before 0.9, whose keys were the top-level
``custom_reward_function.path`` / ``.name`` and ``reward_model.reward_manager=batch``) keep working.
``+reward.custom_reward_function.reward_kwargs.rollouts=64`` (or ``.budget=64``) overrides the budget
stored with the data.

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

__all__ = ["compute_score", "compute_score_async", "compute_score_batch", "export_verl", "verl_rows"]


# reward callables reused across calls in this process, keyed by (env_id, env_kwargs JSON); verl may call from
# several threads, so the cache is filled under a lock (EnvReward and the backends lock the rest)
_REWARDS: dict[tuple[str, str], Any] = {}
_REWARDS_LOCK = threading.Lock()


def verl_rows(env_id: str, n: int, *, seed: int = 0, split: str = "train", **env_kwargs: Any) -> list[dict]:
    """``n`` states of ``env_id`` as verl rows (see the module docstring for the layout)."""
    from agents.data import rows

    ability = _ability(env_id)
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


def _ability(env_id: str) -> str:
    """verl's ``ability`` label: the env class's ``ability`` attribute if it has one, else its family (the
    package under ``envs``: ``"gomoku"``, ``"code"``...), else ``"custom"``."""
    from agents.data import env_class

    cls = env_class(env_id)
    label = getattr(cls, "ability", None)
    if isinstance(label, str) and label:
        return label
    parts = getattr(cls, "__module__", "").split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "envs" else "custom"


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
        # 1.0 where the oracle failed on this response (an engine died, a sandbox error): ``score`` is then
        # the env's finite oracle_error_reward, as verl needs a number for every response
        "oracle_error": float(getattr(scored, "oracle_error", None) is not None),
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
        kwargs.update(_budget_override(env_id, kwargs, reward_kwargs))
        parsed.append((env_id, kwargs, state))
        groups.setdefault((env_id, json.dumps(kwargs, sort_keys=True)), []).append(i)
    out: list[dict] = [{}] * n
    for (env_id, _), idx in groups.items():
        reward = _reward_for(env_id, parsed[idx[0]][1])
        scored = reward.score([parsed[i][2] for i in idx], [solution_strs[i] for i in idx])
        for i, s in zip(idx, scored):
            out[i] = _result(s)
    return out


def _budget_override(env_id: str, env_kwargs: dict, reward_kwargs: dict) -> dict:
    """The env's budget from verl's ``reward_kwargs`` (under the name the env gives it for these arguments,
    or as ``budget``), if given."""
    from agents.data import budget_name

    name = budget_name(env_id, env_kwargs)
    value = reward_kwargs.get(name, reward_kwargs.get("budget"))
    if value is None:
        return {}
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).strip().isdigit():
        raise ValueError(f"reward_kwargs {name}={value!r} must be a positive integer (the oracle budget)")
    return {name: int(value)}


def compute_score(data_source: str, solution_str: str, ground_truth: Any, extra_info: dict | None = None,
                  **reward_kwargs: Any) -> dict:
    """verl's naive reward manager entry point: the env's reward of one decoded response.

    Returns ``{"score": reward, "format_ok", "legal", "estimate", "estimate_stderr"}``; verl uses ``score``
    and logs the other keys.
    """
    return compute_score_batch([data_source], [solution_str], [ground_truth], [extra_info], **reward_kwargs)[0]


# ------------------------------------------------------------------------------------ verl 0.9: async batching
#: seconds a gathered batch waits for the next concurrent call before it is scored
BATCH_WINDOW = 0.02
#: the longest a call waits for others (seconds), however many keep arriving
BATCH_MAX_WAIT = 1.0


class _Batcher:
    """Gathers concurrent calls, from any thread or event loop, into one oracle call per environment.

    Each call adds one (state, response) item and gets a ``concurrent.futures.Future``. A daemon thread
    scores what has gathered once no new item arrived for ``window`` seconds (or the oldest item waited
    ``max_wait``, or an environment's pending items reach ``group_size``): one
    :meth:`agents.EnvReward.score` call per (env id, env arguments), so a GRPO group that verl scores
    concurrently costs one oracle call.
    """

    def __init__(self, window: float = BATCH_WINDOW, max_wait: float = BATCH_MAX_WAIT) -> None:
        self.window = window
        self.max_wait = max_wait
        self._cond = threading.Condition()
        self._pending: dict[tuple[str, str], list] = {}
        self._first = self._last = 0.0
        self._full = False
        self._thread: threading.Thread | None = None
        self.batches = 0  # oracle calls made (for tests and diagnostics)

    def submit(self, env_id: str, env_kwargs: dict, state: str, text: str, group_size: int | None = None):
        import concurrent.futures
        import time

        from agents.data import dumps_kwargs

        future: concurrent.futures.Future = concurrent.futures.Future()
        key = (env_id, dumps_kwargs(env_kwargs))
        with self._cond:
            now = time.monotonic()
            if not self._pending:
                self._first = now
            self._last = now
            items = self._pending.setdefault(key, [])
            items.append((state, text, future))
            if group_size is not None and len(items) >= group_size:
                self._full = True
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="rewarddial-verl-batcher", daemon=True)
                self._thread.start()
            self._cond.notify_all()
        return future

    def _take(self) -> dict:
        import time

        with self._cond:
            while True:
                if not self._pending:
                    self._cond.wait()
                    continue
                now = time.monotonic()
                due = min(self._last + self.window, self._first + self.max_wait)
                if self._full or now >= due:
                    batch, self._pending, self._full = self._pending, {}, False
                    return batch
                self._cond.wait(due - now)

    def _loop(self) -> None:
        while True:
            for (env_id, kwargs_json), items in self._take().items():
                try:
                    reward = _reward_for(env_id, json.loads(kwargs_json))
                    scored = reward.score([it[0] for it in items], [it[1] for it in items])
                    self.batches += 1
                except BaseException as exc:  # noqa: BLE001 - handed to every waiting caller
                    for it in items:
                        it[2].set_exception(exc)
                    continue
                for it, s in zip(items, scored):
                    it[2].set_result(_result(s))


_BATCHER = _Batcher()


def _group_size(reward_kwargs: dict) -> int | None:
    value = reward_kwargs.get("group_size")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"reward_kwargs group_size={value!r} must be a positive integer (verl's "
                         "actor_rollout_ref.rollout.n), or left out")
    return value


async def compute_score_async(data_source: str, solution_str: str, ground_truth: Any,
                              extra_info: dict | None = None, **reward_kwargs: Any) -> dict:
    """verl 0.9's reward loop entry point: the naive manager awaits it once per response, concurrently.

    Concurrent calls (from one event loop, several loops or threads) are gathered and scored together:
    one oracle call per environment for what arrives within :data:`BATCH_WINDOW` seconds of the previous
    call, so a GRPO group costs one oracle call. ``reward_kwargs`` may hold ``group_size`` (score as soon
    as that many responses of one environment are waiting; set it to ``actor_rollout_ref.rollout.n``) and
    the env's budget (``rollouts=64`` or ``budget=64``); other keys verl adds (``reward_router_address``,
    ``reward_model_tokenizer``) are ignored. Returns the dict :func:`compute_score` returns.

    verl 0.9 configuration::

        reward.reward_manager.name=naive
        reward.custom_reward_function.path=<path of agents/verl.py>
        reward.custom_reward_function.name=compute_score_async
        +reward.custom_reward_function.reward_kwargs.group_size=8
    """
    import asyncio

    env_id, kwargs, state = _info(extra_info, data_source, ground_truth)
    kwargs.update(_budget_override(env_id, kwargs, reward_kwargs))
    future = _BATCHER.submit(env_id, kwargs, state, solution_str, _group_size(reward_kwargs))
    return await asyncio.wrap_future(future)
