"""Whether numba's parallel batch kernels may run in this process (shared by every family's oracles).

GNU OpenMP, numba's default threading layer on Linux, is not fork-safe: in a process forked from one whose
OpenMP pool was running, numba terminates the child the moment it enters a parallel region (see numba's
"threading layers" docs). Oracles then run their batches serially on the calling thread, with the same
results. :func:`serial_batches` says when; a fork hook keeps it up to date.
"""
from __future__ import annotations

import os

__all__ = ["serial_batches"]


def _omp_pool_started() -> bool:
    """Has numba's GNU OpenMP thread pool been started (in this process's memory image)?"""
    try:
        from numba.np.ufunc import parallel
    except ImportError:  # pragma: no cover
        return False
    return bool(getattr(parallel, "_is_initialized", False)) and getattr(parallel, "_threading_layer", "") == "omp"


def _os_threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0


# set at fork by the hook below, or at import when the pool is marked started but no worker threads exist
_SERIAL = _omp_pool_started() and _os_threads() == 1


def _after_fork_in_child() -> None:
    global _SERIAL
    _SERIAL = _SERIAL or _omp_pool_started()


os.register_at_fork(after_in_child=_after_fork_in_child)


def serial_batches() -> bool:
    """True in a process forked from one whose numba OpenMP pool was running: run batches serially."""
    return _SERIAL
