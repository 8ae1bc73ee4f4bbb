"""A pool of isolated render-and-score workers (see :mod:`envs.svg.worker`), restarted when they die.

``RenderPool.evaluate(jobs)`` splits a batch over the workers (renders are batched per child to amortise the
round trip), waits for each answer with a per-item time limit, and turns a worker that crashed, hung or
exceeded its memory limit into that one item's failure: the worker is killed and replaced, and the rest of
its batch goes to the replacement. The caller never sees an exception from a render.
"""
from __future__ import annotations

import json
import os
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

__all__ = ["RenderPool", "Result"]

_ROOT = str(Path(__file__).resolve().parents[2])
_BOOT = ("import sys; sys.path.insert(0, {root!r}); from envs.svg.worker import main; main({mem})")


@dataclass
class Result:
    """One job's outcome: ``status`` is "ok", "unrenderable" or "failed" (renderer or verifier failure)."""

    status: str
    score: float = 0.0
    reason: str = ""
    details: dict = field(default_factory=dict)
    image: np.ndarray | None = None


class _Worker:
    def __init__(self, memory_bytes: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-I", "-c", _BOOT.format(root=_ROOT, mem=int(memory_bytes))],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, close_fds=True,
            start_new_session=True)
        self.buf = bytearray()
        self.ready = False
        self.started = time.monotonic()

    def fileno(self) -> int:
        return self.proc.stdout.fileno()

    def send(self, jobs: list) -> None:
        data = json.dumps({"jobs": jobs}).encode()
        self.proc.stdin.write(struct.pack(">I", len(data)) + data)
        self.proc.stdin.flush()

    def pump(self) -> bool:
        """Read what is available; False when the worker closed its output (died)."""
        chunk = os.read(self.fileno(), 1 << 20)
        if not chunk:
            return False
        self.buf += chunk
        return True

    def frame(self) -> bytes | None:
        if len(self.buf) < 4:
            return None
        (n,) = struct.unpack(">I", self.buf[:4])
        if len(self.buf) < 4 + n:
            return None
        data = bytes(self.buf[4:4 + n])
        del self.buf[:4 + n]
        return data

    def kill(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        for f in (self.proc.stdin, self.proc.stdout):
            try:
                f.close()
            except OSError:
                pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass


class RenderPool:
    """Isolated render-and-score workers.

    Arguments:
        workers: number of worker processes (the batch is split across them).
        timeout: seconds one item may take (plus ``timeout_per_mpixel`` per million pixels rendered) before
            its worker is killed and the item fails.
        memory_mb: address-space limit of each worker.
        startup_timeout: seconds a new worker may take to import its libraries.
    """

    def __init__(self, workers: int = 1, timeout: float = 0.4, memory_mb: int = 2048,
                 startup_timeout: float = 30.0, timeout_per_mpixel: float = 1.0) -> None:
        if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
            raise ValueError(f"workers={workers!r} must be a positive integer")
        if not (timeout > 0):
            raise ValueError(f"timeout={timeout!r} must be a positive number of seconds")
        self.n_workers = workers
        self.timeout = float(timeout)
        self.timeout_per_mpixel = float(timeout_per_mpixel)
        self.memory_bytes = int(memory_mb) << 20
        self.startup_timeout = float(startup_timeout)
        self.restarts = 0
        self._workers: list[_Worker | None] = [None] * workers
        self._free = list(range(workers))
        self._cond = threading.Condition()

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_workers"] = [None] * self.n_workers
        state["_free"] = list(range(self.n_workers))
        state["_cond"] = None
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._cond = threading.Condition()

    def _worker(self, i: int) -> _Worker:
        w = self._workers[i]
        if w is None or w.proc.poll() is not None:
            if w is not None:
                w.kill()
            w = self._workers[i] = _Worker(self.memory_bytes)
        return w

    def _replace(self, i: int) -> None:
        w = self._workers[i]
        if w is not None:
            w.kill()
        with self._cond:
            self.restarts += 1
        self._workers[i] = _Worker(self.memory_bytes)  # starts importing now, in parallel with our work

    def close(self) -> None:
        for i, w in enumerate(self._workers):
            if w is not None:
                w.kill()
            self._workers[i] = None

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # noqa: BLE001
            pass

    def evaluate(self, jobs: list[tuple[str, str, int, bool]]) -> list[Result]:
        """Evaluate ``(svg, state, resolution, want_image)`` jobs; one :class:`Result` per job, in order.

        Thread-safe: concurrent calls share the workers (each call takes the free ones, at least one).
        """
        jobs = list(jobs)
        if not jobs:
            return []
        with self._cond:
            while not self._free:
                self._cond.wait()
            mine = self._free[:len(jobs)]
            del self._free[:len(mine)]
        try:
            return self._evaluate(jobs, mine)
        finally:
            with self._cond:
                self._free.extend(mine)
                self._cond.notify_all()

    def _item_timeout(self, job) -> float:
        return self.timeout + self.timeout_per_mpixel * (int(job[2]) ** 2) / 1e6

    def _evaluate(self, jobs: list, mine: list[int]) -> list[Result]:
        results: list[Result | None] = [None] * len(jobs)
        n = len(mine)
        bounds = np.linspace(0, len(jobs), n + 1).astype(int)
        # per worker: the indices still to answer, and whether they were sent
        queues = {w: list(range(bounds[k], bounds[k + 1])) for k, w in enumerate(mine)}
        sent = {w: False for w in mine}
        deadline: dict[int, float] = {}
        pending_image: dict[int, dict] = {}
        while any(queues.values()):
            now = time.monotonic()
            for i in list(queues):
                if not queues[i]:
                    continue
                w = self._worker(i)
                if not w.ready:
                    deadline.setdefault(i, w.started + self.startup_timeout)
                elif not sent[i]:
                    try:
                        w.send([jobs[k] for k in queues[i]])
                    except (BrokenPipeError, OSError):
                        self._fail(i, queues, results, "the render worker died", sent, deadline)
                        continue
                    sent[i] = True
                    deadline[i] = now + self._item_timeout(jobs[queues[i][0]])
            active = [i for i in queues if queues[i]]
            if not active:
                break
            fds = {self._workers[i].fileno(): i for i in active}
            wait = max(0.0, min(deadline[i] for i in active) - time.monotonic())
            readable, _, _ = select.select(list(fds), [], [], wait)
            for fd in readable:
                i = fds[fd]
                w = self._workers[i]
                if not w.pump():
                    self._fail(i, queues, results, "the render worker died (crash or memory limit)", sent,
                               deadline)
                    continue
                while queues[i]:
                    frame = w.frame()
                    if frame is None:
                        break
                    if not w.ready:
                        w.ready = True
                        deadline.pop(i, None)
                        continue
                    k = queues[i][0]
                    if k in pending_image:
                        head = pending_image.pop(k)
                        shape = tuple(head["image"])
                        image = np.frombuffer(frame, dtype=np.uint8).reshape(shape).copy()
                        results[k] = _result(head, image)
                    else:
                        head = json.loads(frame)
                        if "image" in head:
                            pending_image[k] = head
                            continue
                        results[k] = _result(head, None)
                    queues[i].pop(0)
                    if queues[i]:
                        deadline[i] = time.monotonic() + self._item_timeout(jobs[queues[i][0]])
            now = time.monotonic()
            for i in active:
                if queues[i] and i in deadline and now >= deadline[i] and self._workers[i] is not None:
                    w = self._workers[i]
                    why = ("the render worker did not start" if not w.ready else
                           f"the render took longer than {self._item_timeout(jobs[queues[i][0]]):.2f} s")
                    pending_image.pop(queues[i][0], None)
                    self._fail(i, queues, results, why, sent, deadline)
        return [r if r is not None else Result("failed", reason="no answer") for r in results]

    def _fail(self, i: int, queues: dict, results: list, why: str, sent: dict, deadline: dict) -> None:
        k = queues[i].pop(0)
        results[k] = Result("failed", reason=why)
        self._replace(i)
        sent[i] = False
        deadline.pop(i, None)


def _result(head: dict, image: np.ndarray | None) -> Result:
    status = head.get("status")
    if status == "ok":
        return Result("ok", float(head["score"]), "", head.get("details") or {}, image)
    if status == "unrenderable":
        return Result("unrenderable", 0.0, str(head.get("reason", "")))
    return Result("failed", 0.0, str(head.get("reason", "")))
