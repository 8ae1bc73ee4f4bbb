"""A reward oracle backed by external Gomoku engines that speak the Gomocup (piskvork) protocol.

The engine is given the position after the move being valued, with the opponent to move, and a thinking time
(the budget, ``think_ms``). Its evaluation, read from its ``MESSAGE`` lines, is mapped to the opponent's
win-rate: a number ``v`` by a logistic curve ``1 / (1 + exp(-v / eval_scale))``, a mate score by its sign
(``Eval +M3``: the side to move mates, win-rate 1; ``Eval -M10``: it is mated, win-rate 0). The mover's value
is one minus that.

Protocol as engines speak it: ``START n`` -> ``OK``; ``INFO key value`` gets no reply; ``ABOUT`` -> a line
such as ``name="pbrain-x", version="1.0"``; ``BOARD`` then ``x,y,who`` lines (who 1 = the engine's stone, 2 =
the opponent's; x is the column, 0-based) and ``DONE`` -> the engine's move ``x,y``. Lines that start with
``MESSAGE``, ``INFO``, ``ERROR``, ``DEBUG`` or ``UNKNOWN`` are not moves.

How the client keeps every query answered:

* **Handshake before each query.** Some engines ignore their input for a moment after printing a move (a
  ``BOARD`` sent then is lost, and its stone lines come back as ``ERROR Unknown command``). So before each
  query the client sends ``ABOUT`` and waits for any reply, sending it again every ``handshake_interval``
  seconds until one comes; only then does it send the position. An engine that never answers ``ABOUT`` is
  queried without the handshake from then on.
* **Start-up.** The first reply after ``START`` includes the engine's start-up (loading weights): the first
  query of a process may take ``startup_timeout`` seconds more.
* **Failures.** An engine that exits, prints an impossible move, or gives no move within ``think_ms`` plus
  ``reply_timeout`` (plus ``startup_timeout`` on its first query) is killed. A query whose engine exited or
  answered nonsense is sent once more, to a freshly started engine; one that timed out is not (so a hanging
  engine costs one reply timeout and one restart, never more). A reply the killed engine might still owe is
  never taken as the answer to a later query: a fresh process owes nothing. A query that still fails raises
  :class:`EngineError` naming the reason. A move without an evaluation is a failure too, never a made-up 0.5.
* **Pool.** :class:`EngineOracle` sends a batch to ``workers`` engine processes in parallel (each with
  ``INFO thread_num 1``), and turns each failed query into that item's :class:`envs.core.OracleFailure`.

The engine runs in its own directory (engines load weights and configuration files from there); a relative
``command[0]`` is resolved against the caller's directory (a bare name on ``PATH``) before that.
"""
from __future__ import annotations

import math
import os
import queue
import re
import shlex
import shutil
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

__all__ = ["EngineError", "EngineReply", "GomocupEngine", "EngineOracle", "parse_eval", "MAX_THINK_MS"]

#: the largest thinking time per query (10 minutes)
MAX_THINK_MS = 600_000
_MOVE_RE = re.compile(r"^\s*(\d+)\s*,\s*(\d+)\s*$")
_DEFAULT_EVAL_RE = r"(?i)\bev(?:al)?\b\s*[:=]?\s*([-+]?\s*M?\s*\d+(?:\.\d+)?)"
_NUM_RE = re.compile(r"^([-+]?)\s*(M?)\s*(\d+(?:\.\d+)?)$", re.IGNORECASE)
_ABOUT_RE = re.compile(r"(?i)\bname\s*=")


class EngineError(RuntimeError):
    """The engine could not be started, died, answered nonsense or did not answer in time."""


@dataclass(frozen=True)
class EngineReply:
    """What an engine answered to one position: its move, its evaluation and the raw evaluation text.

    ``score`` is the numeric evaluation for the side to move (None for a mate score or no evaluation);
    ``mate`` the signed distance to mate for the side to move (``+3``: it mates, ``-10``: it is mated), else
    None; ``raw`` the evaluation as printed (``"-162"``, ``"+M3"``).
    """

    move: int
    score: float | None
    mate: int | None
    raw: str | None


def parse_eval(text: str) -> tuple[float | None, int | None]:
    """``(score, mate)`` of an evaluation as engines print it: ``"-162"`` -> (-162.0, None), ``"+M3"`` ->
    (None, 3), ``"-M10"`` -> (None, -10). Raises ``ValueError`` for anything else."""
    m = _NUM_RE.match(text.strip())
    if not m:
        raise ValueError(f"evaluation {text!r} is neither a number nor a mate score such as '+M3'")
    sign = -1 if m.group(1) == "-" else 1
    if m.group(2):
        return None, sign * int(float(m.group(3)))
    return sign * float(m.group(3)), None


class GomocupEngine:
    """One Gomocup-protocol engine process, queried position by position (see the module docstring).

    Arguments:
        command: the engine's command line (a string, split like a shell would, or an argument list).
        think_ms: thinking time per query in milliseconds (``INFO timeout_turn``), 1..``MAX_THINK_MS``.
        exact5: the exact-five rule (``INFO rule 1``) instead of free-style (``INFO rule 0``).
        eval_scale: the logistic scale that maps a numeric evaluation to a win-rate (200 suits engines that
            report centipawn-like scores; engines differ, so tune it).
        eval_pattern: a regular expression whose first group is the evaluation in a ``MESSAGE`` line.
        to_winrate: a function ``eval -> win-rate of the engine's side`` that replaces the logistic curve.
        reply_timeout: seconds to wait for a move beyond ``think_ms`` (engines keep their time only roughly).
        startup_timeout: more seconds allowed for the ``OK`` to ``START`` and the first move of a process.
        handshake: send ``ABOUT`` before each query until it is answered (see the module docstring).
        handshake_interval: seconds between two ``ABOUT`` of one handshake.
        extra_info: more ``INFO key value`` pairs (for example ``{"thread_num": 1, "max_memory": 0}``).
    """

    def __init__(
        self,
        command: str | Sequence[str],
        *,
        think_ms: int = 1000,
        exact5: bool = False,
        eval_scale: float = 200.0,
        eval_pattern: str = _DEFAULT_EVAL_RE,
        to_winrate: Callable[[float], float] | None = None,
        reply_timeout: float = 5.0,
        startup_timeout: float = 10.0,
        handshake: bool = True,
        handshake_interval: float = 0.05,
        extra_info: dict | None = None,
    ) -> None:
        if isinstance(command, str):
            if not command.strip():
                raise ValueError("command='' is empty; pass the engine's command line, e.g. 'pbrain-rapfi'")
            command = shlex.split(command)
        self.command = [str(c) for c in command]
        if not self.command:
            raise ValueError("command is empty; pass the engine's command line")
        if isinstance(think_ms, bool) or not isinstance(think_ms, (int, np.integer)) \
                or not 1 <= think_ms <= MAX_THINK_MS:
            raise ValueError(f"think_ms={think_ms!r} must be a number of milliseconds in 1..{MAX_THINK_MS}")
        for name, val in (("eval_scale", eval_scale), ("reply_timeout", reply_timeout),
                          ("startup_timeout", startup_timeout), ("handshake_interval", handshake_interval)):
            if isinstance(val, bool) or not isinstance(val, (int, float)) or not (val > 0 and math.isfinite(val)):
                raise ValueError(f"{name}={val!r} must be a positive number (seconds, or the eval scale)")
        self.think_ms = int(think_ms)
        self.exact5 = bool(exact5)
        self.eval_scale = float(eval_scale)
        self.eval_re = re.compile(eval_pattern)
        self.to_winrate = to_winrate
        self.reply_timeout = float(reply_timeout)
        self.startup_timeout = float(startup_timeout)
        self.handshake = bool(handshake)
        self.handshake_interval = float(handshake_interval)
        self.extra_info = dict(extra_info or {})
        self.restarts = 0
        self._proc: subprocess.Popen | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._size: int | None = None
        self._fresh = True  # no query answered yet by this process
        self._about_ok = True  # this process answers ABOUT (as far as we know)

    def winrate(self, score: float) -> float:
        """The engine side's win-rate of a numeric evaluation."""
        if self.to_winrate is not None:
            return float(self.to_winrate(score))
        return 1.0 / (1.0 + math.exp(max(min(-score / self.eval_scale, 700.0), -700.0)))

    # ------------------------------------------------------------------ process
    def _resolve(self) -> list[str]:
        """The command line with ``command[0]`` made absolute, so that it survives the change of directory."""
        exe = os.path.expanduser(self.command[0])
        if os.sep in exe or (os.altsep and os.altsep in exe):
            exe = os.path.abspath(exe)
        else:
            found = shutil.which(exe)
            if found is None:
                raise EngineError(f"could not start engine {self.command!r}: {exe!r} is not on PATH; "
                                  "pass its path (e.g. './pbrain-rapfi') or add its directory to PATH")
            exe = os.path.abspath(found)
        return [exe, *self.command[1:]]

    def _start(self, size: int) -> None:
        self.close(kill=True)
        command = self._resolve()
        try:
            self._proc = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                text=True, encoding="utf-8", errors="replace", bufsize=1, cwd=os.path.dirname(command[0]),
            )
        except OSError as exc:
            raise EngineError(f"could not start engine {self.command!r}: {exc}") from exc
        self._lines = queue.Queue()
        threading.Thread(target=self._reader, args=(self._proc, self._lines), daemon=True).start()
        self._fresh = True
        self._about_ok = self.handshake
        self._send(f"START {size}")
        reply = self._wait(lambda line: line.upper().startswith(("OK", "ERROR")),
                           self.reply_timeout + self.startup_timeout)
        if reply is None:
            raise _Timeout(f"engine {self.command!r} did not answer 'START {size}' within "
                           f"{self.reply_timeout + self.startup_timeout} s (raise startup_timeout, or check it)")
        if not reply.upper().startswith("OK"):
            raise EngineError(f"engine {self.command!r} did not accept 'START {size}' (reply: {reply!r}); "
                              "does it support this board size?")
        infos = {"rule": 1 if self.exact5 else 0, "timeout_turn": self.think_ms,
                 "timeout_match": 10**9, **self.extra_info}
        for key, value in infos.items():
            self._send(f"INFO {key} {value}")
        self._size = size

    @staticmethod
    def _reader(proc: subprocess.Popen, lines: queue.Queue) -> None:
        try:
            for line in proc.stdout:  # type: ignore[union-attr]
                lines.put(line.strip()[:4096])
        except (OSError, ValueError):
            pass
        lines.put(None)

    def _send(self, text: str) -> None:
        if self._proc is None or self._proc.poll() is not None:
            raise EngineError(f"engine {self.command!r} is not running (it exited)")
        try:
            self._proc.stdin.write(text + "\n")  # type: ignore[union-attr]
            self._proc.stdin.flush()  # type: ignore[union-attr]
        except (BrokenPipeError, OSError, ValueError) as exc:
            raise EngineError(f"engine {self.command!r} closed its input (it exited): {exc}") from exc

    def _wait(self, accept: Callable[[str], bool], timeout: float, seen: list[str] | None = None) -> str | None:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                line = self._lines.get(timeout=left)
            except queue.Empty:
                return None
            if line is None:
                raise EngineError(f"engine {self.command!r} exited")
            if seen is not None:
                seen.append(line)
            if accept(line):
                return line

    def _drain(self) -> None:
        """Discard lines already read (output after the previous move); raise if the engine has exited."""
        while True:
            try:
                line = self._lines.get_nowait()
            except queue.Empty:
                return
            if line is None:
                raise EngineError(f"engine {self.command!r} exited")

    def _handshake(self) -> None:
        """Send ``ABOUT`` until the engine answers it (``name="..."``, the engine listens), within
        ``reply_timeout`` (plus ``startup_timeout`` on a fresh process). ``ERROR``/``UNKNOWN`` lines do not
        count: an engine still busy with its previous move may read the command and reject it."""
        if not self._about_ok:
            return
        deadline = time.monotonic() + self.reply_timeout + (self.startup_timeout if self._fresh else 0.0)
        while time.monotonic() < deadline:
            self._send("ABOUT")
            wait = min(self.handshake_interval, deadline - time.monotonic())
            if self._wait(lambda line: _ABOUT_RE.search(line) is not None, wait) is not None:
                return  # an ABOUT sent before may still be answered: that reply is not a move, so harmless
        self._about_ok = False  # it does not answer ABOUT: query without the handshake from now on

    def close(self, *, kill: bool = False) -> None:
        """Send ``END`` and stop the engine process (``kill=True``: kill it at once, as after a timeout)."""
        proc, self._proc, self._size = self._proc, None, None
        if proc is None:
            return
        if not kill:
            try:
                if proc.poll() is None:
                    proc.stdin.write("END\n")  # type: ignore[union-attr]
                    proc.stdin.flush()  # type: ignore[union-attr]
                proc.wait(timeout=1.0)
            except (OSError, subprocess.TimeoutExpired, ValueError):
                kill = True
        if kill:
            try:
                proc.kill()
            except OSError:
                pass
            proc.wait()
        try:
            proc.stdin.close()  # type: ignore[union-attr]  (stdout belongs to the reader thread: it ends at EOF)
        except (OSError, ValueError):
            pass

    def __del__(self) -> None:  # pragma: no cover - best effort
        try:
            self.close(kill=True)
        except Exception:  # noqa: BLE001
            pass

    def __getstate__(self):
        state = dict(self.__dict__)
        state.update(_proc=None, _lines=None, _size=None)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._lines = queue.Queue()

    # ------------------------------------------------------------------ queries
    def _ask(self, size: int, board_lines: list[str], occupied: set[int]) -> EngineReply:
        """One attempt: handshake, position, move. Raises ``EngineError`` (timeouts say so)."""
        if self._size != size:
            self._start(size)
        self._drain()
        self._handshake()
        self._drain()
        self._send("BOARD")
        for line in board_lines:
            self._send(line)
        self._send("DONE")
        seen: list[str] = []
        timeout = self.think_ms / 1000.0 + self.reply_timeout + (self.startup_timeout if self._fresh else 0.0)
        reply = self._wait(lambda line: bool(_MOVE_RE.match(line)), timeout, seen)
        if reply is None:
            raise _Timeout(f"engine {self.command!r} gave no move within {self.think_ms} ms + "
                           f"{self.reply_timeout} s (raise reply_timeout, or check the engine)")
        self._fresh = False
        x, y = (int(v) for v in _MOVE_RE.match(reply).groups())  # type: ignore[union-attr]
        if not (0 <= x < size and 0 <= y < size) or y * size + x in occupied:
            raise EngineError(f"engine {self.command!r} answered {reply!r}, not an empty point of the "
                              f"{size}x{size} board")
        raw = None
        for line in seen:
            if line.upper().startswith("MESSAGE"):
                found = self.eval_re.search(line)
                if found:
                    raw = found.group(1).replace(" ", "")
        score = mate = None
        if raw is not None:
            try:
                score, mate = parse_eval(raw)
            except ValueError:
                raise EngineError(f"engine {self.command!r} printed the evaluation {raw!r}, neither a number "
                                  "nor a mate score") from None
        return EngineReply(y * size + x, score, mate, raw)

    def best_move(self, size: int, history: Sequence[int]) -> EngineReply:
        """The engine's move (flat index) and evaluation in the position reached by ``history``.

        Raises :class:`EngineError` naming the reason when the engine fails (see the module docstring for
        when the query is sent again to a fresh engine first: after an exit or nonsense, not after a timeout).
        """
        to_move = len(history) % 2
        board_lines = []
        for i, move in enumerate(history):
            r, c = divmod(int(move), size)
            board_lines.append(f"{c},{r},{1 if i % 2 == to_move else 2}")
        occupied = {int(m) for m in history}
        for attempt in range(2):
            try:
                return self._ask(size, board_lines, occupied)
            except EngineError as exc:
                self.close(kill=True)  # a reply it may still owe can never answer a later query
                self.restarts += 1
                if attempt == 1 or isinstance(exc, _Timeout):
                    raise EngineError(str(exc)) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def evaluate(self, size: int, history: Sequence[int], move: int):
        """The mover's value of playing ``move`` after ``history``: the engine's view of the position after it.

        Returns an :class:`~envs.core.Estimate` (``stderr=0``, ``exact=False``) whose ``info`` holds
        ``engine_eval`` (as printed) and, for a mate score, ``mate_in`` (moves to mate as the engine counts
        them) and ``mate_for`` (``"mover"`` or ``"opponent"``). Raises :class:`EngineError`, also when the
        engine gave no evaluation.
        """
        from ..core import Estimate

        reply = self.best_move(size, list(history) + [int(move)])
        if reply.raw is None:
            raise EngineError(f"engine {self.command!r} answered a move but printed no evaluation (no MESSAGE "
                              "line matched eval_pattern); pass eval_pattern= for its format")
        info = {"engine_eval": reply.raw}
        if reply.mate is not None:
            value = 0.0 if reply.mate > 0 else 1.0  # the engine plays the mover's opponent
            info.update(mate_in=abs(reply.mate), mate_for="opponent" if reply.mate > 0 else "mover")
        else:
            value = 1.0 - self.winrate(float(reply.score))
        return Estimate(float(value), 0.0, self.think_ms, False, info=info)


class _Timeout(EngineError):
    """No move came in time."""


def default_workers() -> int:
    """This process's share of the cores: the CPUs it may run on (``os.sched_getaffinity``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class EngineOracle:
    """A pool of Gomocup engines as a Gomoku oracle (the :class:`envs.gomoku.oracle.Oracle` interface).

    The budget is ``think_ms``. A query proven by one ply (:func:`envs.gomoku.oracle.proven_values`) is
    answered without the engine, exactly. The others go to ``workers`` engine processes in parallel (one
    engine per worker thread, ``INFO thread_num 1`` unless ``engine_options["extra_info"]`` says otherwise);
    a query whose engine fails is returned as an :class:`envs.core.OracleFailure` naming the reason.

    Arguments: ``command``; ``exact5``; ``workers`` (default :func:`default_workers`); ``options``: keyword
    arguments of :class:`GomocupEngine` (``eval_scale``, ``reply_timeout``, ``startup_timeout``, ...).
    """

    budget_name = "think_ms"
    max_budget = MAX_THINK_MS

    def __init__(self, command, exact5: bool = False, workers: int | None = None, options: dict | None = None):
        if workers is None:
            workers = default_workers()
        if isinstance(workers, bool) or not isinstance(workers, (int, np.integer)) or not 1 <= workers <= 256:
            raise ValueError(f"engine_workers={workers!r} must be an integer in 1..256 (engine processes run "
                             "in parallel); the default is this process's share of the cores")
        self.command = command
        self.exact5 = bool(exact5)
        self.workers = int(workers)
        self.options = dict(options or {})
        extra = {"thread_num": 1, **dict(self.options.pop("extra_info", None) or {})}
        self.options["extra_info"] = extra
        GomocupEngine(command, exact5=exact5, **self.options)  # validate the arguments now
        self._idle: dict[int, list[GomocupEngine]] = {}
        self._lock = threading.Lock()

    def _take(self, think_ms: int) -> GomocupEngine:
        with self._lock:
            idle = self._idle.setdefault(think_ms, [])
            if idle:
                return idle.pop()
        return GomocupEngine(self.command, think_ms=think_ms, exact5=self.exact5, **self.options)

    def _give(self, think_ms: int, eng: GomocupEngine) -> None:
        with self._lock:
            self._idle.setdefault(think_ms, []).append(eng)

    def _one(self, state, move: int, think_ms: int):
        from ..core import OracleFailure

        eng = self._take(think_ms)
        try:
            return eng.evaluate(state.size, list(state.moves), int(move))
        except EngineError as exc:
            return OracleFailure(str(exc))
        except Exception as exc:  # noqa: BLE001 - one engine's trouble is that item's failure
            return OracleFailure(f"engine {self.command!r}: {type(exc).__name__}: {exc}")
        finally:
            self._give(think_ms, eng)

    def estimate(self, states, moves, budget: int, seeds=None) -> list:
        from ..core import Estimate
        from .oracle import _batch, proven_values

        if not len(states):
            return []
        b, tm, mv, _ = _batch(states, moves, np.zeros(len(states), np.int64))
        proven = proven_values(b, tm, mv, self.exact5)
        out: list = [None] * len(states)
        todo = []
        for i, p in enumerate(proven):
            if np.isnan(p):
                todo.append(i)
            else:
                out[i] = Estimate(float(p), 0.0, int(budget), True)
        if len(todo) == 1 or self.workers == 1:
            for i in todo:
                out[i] = self._one(states[i], int(mv[i]), int(budget))
        elif todo:
            with ThreadPoolExecutor(min(self.workers, len(todo))) as pool:
                for i, res in zip(todo, pool.map(lambda i: self._one(states[i], int(mv[i]), int(budget)), todo)):
                    out[i] = res
        return out

    def close(self) -> None:
        with self._lock:
            engines = [e for idle in self._idle.values() for e in idle]
            self._idle.clear()
        for eng in engines:
            eng.close()

    def __getstate__(self):
        state = dict(self.__dict__)
        state.update(_idle={}, _lock=None)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._lock = threading.Lock()
