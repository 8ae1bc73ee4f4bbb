"""The process class of the 'process' reward backend's pool workers (module level, so that it pickles)."""
from __future__ import annotations

import itertools
from multiprocessing.context import SpawnContext, SpawnProcess

from .backends import WORKER_NAME

_COUNTER = itertools.count()


class WorkerProcess(SpawnProcess):
    """A spawned process named ``rewarddial-reward-worker-N``; the name tells the spawn machinery (see
    :func:`agents.backends._install_main_filter`) not to re-import the main script in it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.name = f"{WORKER_NAME}-{next(_COUNTER)}"


class WorkerContext(SpawnContext):
    """The spawn context with :class:`WorkerProcess` as its process class."""

    Process = WorkerProcess
