"""The reward function trainers call: the environment's own reward, scored in a batch."""
from __future__ import annotations

import threading
from typing import Any, Sequence

__all__ = ["EnvReward"]

#: the largest batch one call scores: item i of a call uses seed call_seed(k) + i, kept below 2**31 - 1
MAX_BATCH = 1 << 20


class EnvReward:
    """A picklable reward callable for TRL's GRPOTrainer (and any trainer with the same contract).

    ``EnvReward("Gomoku9x9-LLM-v0", rollouts=256)`` is called as ``f(prompts=, completions=, state=[...],
    **other_columns)`` and returns one float per completion: the environment's reward for that completion
    against the state of its row (``format_penalty`` if malformed, ``format_reward + illegal_reward`` if
    illegal, ``format_reward + estimate`` if legal). The whole batch goes through the oracle's batch call, in
    the chosen backend. Rows whose ``env_id`` column names another environment get ``None`` (TRL skips them),
    so one EnvReward per environment serves a dataset that mixes environments. A completion whose oracle
    call failed (``info["oracle_error"]``: an engine died, a sandbox error) also gets ``None``, never a
    made-up reward; the rest of the batch is scored.

    Where the trainer passes a ``log_metric`` hook (TRL >= 1.x), each call logs ``format_rate``,
    ``legal_rate``, ``oracle_error_rate``, ``estimate_value`` and ``estimate_stderr`` (the mean standard error of the oracle's
    estimates, i.e. the reward noise the budget leaves), under ``<name>/...``; ``log_extra`` gets the parsed
    action of each completion. The same figures are kept in :attr:`last_metrics` for other trainers.

    Arguments:
        env_id: a registered environment id.
        reward_backend: ``"process"`` (default: a local spawn process pool; works from a plain script without
            ``if __name__ == "__main__":`` and rebuilds itself if a worker dies), ``"inline"`` (in the
            trainer's process) or ``"ray"`` (Ray tasks; ``ray.init`` is called only if Ray is not initialised).
        num_workers: pool size / chunks per batch (default: the CPU count divided by ``LOCAL_WORLD_SIZE``,
            the number of training processes on this node).
        seed: base seed (a non-negative integer). Call ``k`` scores item ``i`` with seed
            ``call_seed(k) + i``, where ``call_seed(k)`` is hashed from ``(seed, rank, k)`` by numpy's
            ``SeedSequence``: reproducible, and unrelated across calls and processes (all seeds stay in
            ``[1, 2**31 - 1)``; a call scores at most ``2**20`` items).
        rank: this process's rank in a multi-process run, mixed into the seeds so that processes draw
            independent random numbers (default: the ``RANK`` environment variable that torchrun and
            ``accelerate launch`` set, 0 when unset).
        budget: the oracle budget for every call (default: the env's, i.e. the budget in ``env_kwargs``).
        name: the name TRL logs the reward under (default: the env id).
        **env_kwargs: environment arguments, e.g. ``rollouts=256``; they set the oracle budget.

    Pickling an EnvReward keeps its arguments and call counter, not its pool or env: they are rebuilt lazily.
    It is safe to call from several threads at once (verl's reward loop does): each call takes its own
    call number, and the backends never use one environment from two threads at a time.
    """

    def __init__(self, env_id: str, *, reward_backend: str = "process", num_workers: int | None = None,
                 seed: int = 0, rank: int | None = None, budget: int | None = None, name: str | None = None,
                 **env_kwargs: Any) -> None:
        from ._seeding import process_rank
        from .backends import _check_workers, cached_env, check_backend
        from .data import dumps_kwargs

        check_backend(reward_backend)
        if num_workers is not None:
            _check_workers(num_workers)
        if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
            raise ValueError(f"seed={seed!r} must be a non-negative integer")
        if rank is None:
            rank = process_rank()
        elif isinstance(rank, bool) or not isinstance(rank, int) or rank < 0:
            raise ValueError(f"rank={rank!r} must be a non-negative integer (or None for the RANK variable)")
        dumps_kwargs(env_kwargs)
        self.env_id = env_id
        self.env_kwargs = dict(env_kwargs)
        self.reward_backend = reward_backend
        self.num_workers = num_workers
        self.seed = seed
        self.rank = rank
        self.calls = 0
        self._lock = threading.Lock()
        self.__name__ = name or env_id
        self.last_metrics: dict[str, float] = {}
        self._backend = None
        # validate the id and arguments now (and learn the budget), with a clear error in the caller; the
        # inline backend then reuses this env
        env = cached_env(env_id, self.env_kwargs)
        self.budget_name = env.budget_name
        self.budget = env._check_budget(budget)

    # -- pickling: arguments and counter only; the backend (pool, Ray handle) is rebuilt on first call
    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_backend"] = None
        del state["_lock"]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    @property
    def backend(self):
        """The scoring backend (created on first use)."""
        with self._lock:  # two threads' first calls must not start two pools
            if self._backend is None:
                from .backends import make_backend

                self._backend = make_backend(self.reward_backend, self.num_workers)
            return self._backend

    def close(self) -> None:
        """Release the worker pool (it is also released when this object is collected or at exit)."""
        if self._backend is not None:
            self._backend.close()
            self._backend = None

    def call_seed(self, k: int) -> int:
        """The base seed of call number ``k`` (item ``i`` of that call is scored with ``call_seed(k) + i``).

        Hashed from ``(seed, rank, k)`` with numpy's ``SeedSequence``; in ``[1, 2**31 - 1 - 2**20)``, so the
        seeds of a whole call stay below ``2**31 - 1``.
        """
        from ._seeding import derive_seed

        if isinstance(k, bool) or not isinstance(k, int) or k < 0:
            raise ValueError(f"call number k={k!r} must be a non-negative integer")
        return derive_seed(self.seed, self.rank, k, room=MAX_BATCH)

    def next_seed(self) -> int:
        """The base seed of the next call (advances the call counter; thread-safe)."""
        with self._lock:
            k = self.calls
            self.calls += 1
        return self.call_seed(k)

    def score(self, states: Sequence[str], completions: Sequence[Any], seed: int | None = None) -> list:
        """The :class:`envs.core.Scored` of each completion against its state (one batch call)."""
        from envs.core import completion_text

        if len(states) != len(completions):
            raise ValueError(f"got {len(states)} states but {len(completions)} completions; pass one state per "
                             "completion (the dataset's `state` column)")
        if not states:
            return []
        if len(states) > MAX_BATCH:
            raise ValueError(f"got a batch of {len(states)} completions; one call scores at most {MAX_BATCH} "
                             "(its seeds must stay below 2**31 - 1): split the batch")
        seed = self.next_seed() if seed is None else seed
        texts = [completion_text(c) for c in completions]
        return self.backend.score(self.env_id, self.env_kwargs, list(states), texts, seed, self.budget)

    def __call__(self, prompts: Sequence[Any] | None = None, completions: Sequence[Any] | None = None, *,
                 state: Sequence[str] | None = None, env_id: Sequence[str] | None = None,
                 log_metric=None, log_extra=None, **kwargs: Any) -> list[float | None]:
        if completions is None:
            raise ValueError("EnvReward needs `completions` (TRL passes them as a keyword argument)")
        if state is None:
            raise ValueError("EnvReward needs the dataset's `state` column; build the dataset with "
                             "agents.make_dataset(env_id, n, ...) or add a `state` column of serialised states")
        if len(state) != len(completions):
            raise ValueError(f"got {len(state)} states but {len(completions)} completions; pass one state per "
                             "completion (the dataset's `state` column)")
        if env_id is not None and (isinstance(env_id, str) or len(env_id) != len(completions)):
            got = f"the string {env_id!r}" if isinstance(env_id, str) else f"{len(env_id)} entries"
            raise ValueError(f"the env_id column has {got} but there are {len(completions)} completions; pass "
                             "one env id per completion (the dataset's `env_id` column), or leave it out")
        mine = [i for i in range(len(completions)) if env_id is None or env_id[i] == self.env_id]
        scored = self.score([state[i] for i in mine], [completions[i] for i in mine])
        rewards: list[float | None] = [None] * len(completions)
        for i, s in zip(mine, scored):
            # an item whose oracle failed (engine died, sandbox error) gets None: the trainer skips it
            # instead of learning from a made-up reward
            rewards[i] = None if s.oracle_error is not None else float(s.reward)
        self.last_metrics = _metrics(scored)
        if log_metric is not None:
            for key, value in self.last_metrics.items():
                log_metric(f"{self.__name__}/{key}", value)
        if log_extra is not None:
            actions: list[str | None] = [None] * len(completions)
            for i, s in zip(mine, scored):
                actions[i] = s.action
            log_extra(f"{self.__name__}/action", actions)
        return rewards

    def __repr__(self) -> str:
        kw = "".join(f", {k}={v!r}" for k, v in self.env_kwargs.items())
        return f"EnvReward({self.env_id!r}{kw}, reward_backend={self.reward_backend!r})"


def _metrics(scored: Sequence) -> dict[str, float]:
    """Format rate, legal rate and the mean estimate and standard error of a scored batch."""
    if not scored:
        return {}
    n = len(scored)
    ests = [s.estimate for s in scored if s.estimate is not None]
    out = {
        "format_rate": sum(s.format_ok for s in scored) / n,
        "legal_rate": sum(s.legal for s in scored) / n,
        "oracle_error_rate": sum(s.oracle_error is not None for s in scored) / n,
    }
    if ests:
        out["estimate_value"] = sum(e.value for e in ests) / len(ests)
        out["estimate_stderr"] = sum(e.stderr for e in ests) / len(ests)
    return out
