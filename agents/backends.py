"""Where reward computation runs: in the caller, in a local process pool, or on a Ray cluster.

Every backend scores a batch of ``(state, completion)`` pairs of one environment with the env's batch call
(:meth:`envs.core.TextEnv.score_completions`) and returns one :class:`envs.core.Scored` per pair, with item
``i`` scored with seed ``seed + i`` whatever the backend, so the three backends give the same rewards.

* ``"inline"``: in the calling process (no pool; for tests, and for oracles that are parallel themselves).
* ``"process"``: a ``concurrent.futures.ProcessPoolExecutor`` (spawn context) whose workers each keep one
  env per (env id, arguments); the batch is split into one contiguous chunk per worker. The pool has
  ``os.cpu_count() // LOCAL_WORLD_SIZE`` workers by default, so the pools of the training processes that
  ``accelerate launch`` / torchrun start on one node share its cores instead of oversubscribing them.
  The workers do not re-import the main script, so a plain script without ``if __name__ == "__main__":``
  (and a notebook) works; a pool whose worker died is rebuilt.
* ``"ray"``: Ray tasks, one per chunk, for users who outgrow one machine; ``ray.init()`` is called only if
  Ray is not initialised yet (connect to a cluster by calling ``ray.init(address=...)`` first).

Workers receive the environment's Gymnasium spec with every batch, so ids registered only in the driver
(e.g. your own environments) work in the workers too.

Each process keeps one env per (env id, arguments) with a lock: scoring is thread-safe (verl's reward loop
calls the reward from several threads), and calls on one env are serialised.
"""
from __future__ import annotations

import os
import threading
import weakref
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Sequence

__all__ = ["BACKENDS", "cached_env", "check_backend", "default_workers", "make_backend", "score_chunk"]

BACKENDS = ("inline", "process", "ray")

# per-process cache of environments, keyed by (env id, JSON of the arguments), each with the lock that
# keeps two threads from using it at once; _CACHE_LOCK guards the two dicts
_ENV_CACHE: dict[tuple[str, str], Any] = {}
_ENV_LOCKS: dict[tuple[str, str], threading.Lock] = {}
_CACHE_LOCK = threading.Lock()


def _register(spec) -> None:
    import gymnasium as gym

    import envs  # noqa: F401 - registers the rewarddial ids

    if spec is not None and spec.id not in gym.registry:
        gym.registry[spec.id] = spec


def _cached(env_id: str, env_kwargs: dict, spec=None) -> tuple[Any, threading.Lock]:
    from .data import dumps_kwargs, make_env

    key = (env_id, dumps_kwargs(env_kwargs))
    with _CACHE_LOCK:
        env = _ENV_CACHE.get(key)
        if env is None:
            _register(spec)
            env = make_env(env_id, **env_kwargs)
            _ENV_CACHE[key] = env
            _ENV_LOCKS[key] = threading.Lock()
        return env, _ENV_LOCKS[key]


def cached_env(env_id: str, env_kwargs: dict, spec=None):
    """This process's env for ``(env_id, env_kwargs)``, built on first use (read-only use: score through
    :func:`score_chunk`, which holds the env's lock)."""
    return _cached(env_id, env_kwargs, spec)[0]


def score_chunk(spec, env_id: str, env_kwargs: dict, states: Sequence[str], completions: Sequence[str],
                seed: int, budget: int | None = None) -> list:
    """Score one chunk in this process (the function every backend runs), one thread at a time per env."""
    env, lock = _cached(env_id, env_kwargs, spec)
    with lock:
        return env.score_completions(list(states), list(completions), seed=int(seed), budget=budget)


def _picklable_spec(env_id: str):
    import pickle

    import gymnasium as gym

    spec = gym.spec(env_id)
    try:
        pickle.dumps(spec)
    except Exception:  # noqa: BLE001 - a spec with a callable entry point: workers must know the id already
        return None
    return spec


def _chunks(n: int, parts: int) -> list[tuple[int, int]]:
    parts = max(1, min(parts, n))
    bounds = [round(k * n / parts) for k in range(parts + 1)]
    return [(bounds[k], bounds[k + 1]) for k in range(parts) if bounds[k + 1] > bounds[k]]


class InlineBackend:
    """Scores in the calling process."""

    name = "inline"

    def score(self, env_id: str, env_kwargs: dict, states, completions, seed: int, budget=None) -> list:
        return score_chunk(None, env_id, env_kwargs, states, completions, seed, budget)

    def close(self) -> None:
        """Nothing to release."""


def _worker_init() -> None:
    # one pool worker per core: keep each worker's own thread pools (numba, OpenMP) to one thread, unless the
    # user chose otherwise, so that the pool does not oversubscribe the machine
    for var in ("NUMBA_NUM_THREADS", "OMP_NUM_THREADS"):
        os.environ.setdefault(var, "1")


def _shutdown(executor) -> None:
    executor.shutdown(wait=True, cancel_futures=True)


#: the name every pool worker process of the 'process' backend carries (see :func:`_install_main_filter`)
WORKER_NAME = "rewarddial-reward-worker"
_FILTER_LOCK = threading.Lock()


def _install_main_filter() -> None:
    """Start this package's pool workers without re-running the user's main script.

    A spawned child normally re-imports the parent's ``__main__`` (the script) before it runs anything, so
    a script without ``if __name__ == "__main__":`` would run its whole training code again in every worker
    and die there. The workers need nothing from ``__main__`` (they import :func:`score_chunk` and receive the
    env's spec), so for processes named :data:`WORKER_NAME` the preparation data sent to the child leaves
    the main script out; every other process is started exactly as before. Idempotent.
    """
    from multiprocessing import spawn

    with _FILTER_LOCK:
        original = spawn.get_preparation_data
        if getattr(original, "_rewarddial_filter", False):
            return

        def get_preparation_data(name, *args, **kwargs):
            data = original(name, *args, **kwargs)
            if isinstance(name, str) and name.startswith(WORKER_NAME):
                data.pop("init_main_from_path", None)
                data.pop("init_main_from_name", None)
            return data

        get_preparation_data._rewarddial_filter = True
        spawn.get_preparation_data = get_preparation_data


def _worker_context(with_main: bool):
    """A spawn context whose processes are named :data:`WORKER_NAME` (``with_main=False``: the workers do
    not re-import the main script) or the plain spawn context (``with_main=True``)."""
    import multiprocessing

    if with_main:
        return multiprocessing.get_context("spawn")
    _install_main_filter()
    from ._workers import WorkerContext

    return WorkerContext()


def _needs_main(spec) -> bool:
    """True when the env's entry point lives in the ``__main__`` script (the workers must then import it)."""
    if spec is None:
        return False
    entry = spec.entry_point
    module = entry.split(":")[0] if isinstance(entry, str) else getattr(entry, "__module__", "")
    return module == "__main__"


class ProcessBackend:
    """Scores in a local spawn-context process pool; ``num_workers`` defaults to the CPU count divided by
    ``LOCAL_WORLD_SIZE`` (the training processes on this node), at least 1.

    Works from a plain script or a notebook: the workers do not re-import the main script (unless the env
    class itself is defined there, when the script needs ``if __name__ == "__main__":``). A pool whose
    worker died (killed, out of memory) is replaced by a new one and the batch is scored again once; the
    next calls use the new pool.
    """

    name = "process"

    def __init__(self, num_workers: int | None = None) -> None:
        self.num_workers = _check_workers(num_workers)
        self._lock = threading.Lock()
        self._pools: dict[bool, tuple[Any, Any]] = {}  # with_main -> (executor, finalizer)
        self.rebuilds = 0

    def _executor(self, with_main: bool, broken=None):
        """The pool for ``with_main``; a new one if the current one is ``broken`` (thread-safe: one rebuild)."""
        from concurrent.futures import ProcessPoolExecutor

        with self._lock:
            pool = self._pools.get(with_main)
            if pool is not None and broken is not None and pool[0] is broken:
                pool[1]()  # shut the broken pool down
                self.rebuilds += 1
                pool = None
            if pool is None:
                executor = ProcessPoolExecutor(max_workers=self.num_workers, initializer=_worker_init,
                                               mp_context=_worker_context(with_main))
                # shut the pool down when this backend is collected or at interpreter exit, whichever is first
                pool = (executor, weakref.finalize(self, _shutdown, executor))
                self._pools[with_main] = pool
            return pool[0]

    def _run(self, executor, spec, env_id, env_kwargs, states, completions, seed, budget) -> list:
        futures = [executor.submit(score_chunk, spec, env_id, env_kwargs, states[a:b], completions[a:b],
                                   seed + a, budget)
                   for a, b in _chunks(len(states), self.num_workers)]
        return [item for fut in futures for item in fut.result()]

    def score(self, env_id: str, env_kwargs: dict, states, completions, seed: int, budget=None) -> list:
        spec = _picklable_spec(env_id)
        with_main = _needs_main(spec)
        executor = self._executor(with_main)
        try:
            return self._run(executor, spec, env_id, env_kwargs, states, completions, seed, budget)
        except BrokenProcessPool:
            executor = self._executor(with_main, broken=executor)
        try:
            return self._run(executor, spec, env_id, env_kwargs, states, completions, seed, budget)
        except BrokenProcessPool as exc:
            self._executor(with_main, broken=executor)  # the next call starts afresh
            hint = (" The env class is defined in your main script, which spawned workers re-import: put the "
                    "training code under `if __name__ == '__main__':` or move the class into a module."
                    if with_main else "")
            raise RuntimeError(
                f"a reward worker process died twice while scoring a batch of {len(states)} completions of "
                f"{env_id} (the pool was rebuilt after the first death; see the worker's error above).{hint} "
                "reward_backend='inline' scores in this process instead") from exc

    def processes(self) -> list:
        """The worker processes of the current pools (for diagnostics)."""
        with self._lock:
            return [p for executor, _ in self._pools.values() for p in list(executor._processes.values())]

    def close(self) -> None:
        """Shut the worker processes down (also done automatically when the backend is collected)."""
        with self._lock:
            pools, self._pools = list(self._pools.values()), {}
        for _, finalizer in pools:
            finalizer()


class RayBackend:
    """Scores as Ray tasks, ``num_chunks`` per batch (defaults to the cluster's CPU count)."""

    name = "ray"

    def __init__(self, num_workers: int | None = None) -> None:
        from ._lazy import require

        ray = require("ray", "reward_backend='ray'")
        if not ray.is_initialized():
            ray.init(include_dashboard=False)
        self._ray = ray
        self.num_workers = (_check_workers(num_workers) if num_workers is not None
                            else max(1, int(ray.cluster_resources().get("CPU", 1))))
        self._task = ray.remote(score_chunk)

    def score(self, env_id: str, env_kwargs: dict, states, completions, seed: int, budget=None) -> list:
        spec = _picklable_spec(env_id)
        refs = [self._task.remote(spec, env_id, env_kwargs, list(states[a:b]), list(completions[a:b]), seed + a,
                                  budget)
                for a, b in _chunks(len(states), self.num_workers)]
        return [item for chunk in self._ray.get(refs) for item in chunk]

    def close(self) -> None:
        """Ray's workers belong to the cluster; nothing to release here."""


def default_workers() -> int:
    """This process's share of the node's cores: ``os.cpu_count() // LOCAL_WORLD_SIZE``, at least 1.

    ``LOCAL_WORLD_SIZE`` (set by torchrun and ``accelerate launch``; 1 when unset) is the number of training
    processes on this node, each of which starts its own pool.
    """
    from ._seeding import local_world_size

    return max(1, (os.cpu_count() or 1) // local_world_size())


def _check_workers(num_workers: int | None) -> int:
    if num_workers is None:
        return default_workers()
    if isinstance(num_workers, bool) or not isinstance(num_workers, int) or num_workers < 1:
        raise ValueError(f"num_workers={num_workers!r} must be a positive integer (or None for this process's "
                         "share of the CPUs)")
    return num_workers


def check_backend(name: str) -> str:
    """``name`` if it is one of :data:`BACKENDS`, else a ValueError listing them."""
    if name not in BACKENDS:
        raise ValueError(f"reward_backend={name!r} is not one of {BACKENDS}; use 'process' (local pool, default), "
                         "'inline' (no pool) or 'ray' (Ray cluster)")
    return name


def make_backend(name: str, num_workers: int | None = None):
    """The reward backend called ``name`` (one of :data:`BACKENDS`)."""
    if check_backend(name) == "inline":
        return InlineBackend()
    return (ProcessBackend if name == "process" else RayBackend)(num_workers)

