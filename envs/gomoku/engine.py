"""A reward oracle backed by an external Gomoku engine that speaks the Gomocup (piskvork) protocol.

The engine is given the position after the move being valued, with the opponent to move, and a thinking time
(the budget, ``think_ms``). Its evaluation, read from its ``MESSAGE`` lines, is mapped to the opponent's
win-rate by a logistic curve ``1 / (1 + exp(-eval / eval_scale))``; the mover's value is one minus that.

Protocol as engines speak it: ``START n`` -> ``OK``; ``INFO key value`` gets no reply; ``BOARD`` then
``x,y,who`` lines (who 1 = the engine's stone, 2 = the opponent's; x is the column, 0-based) and ``DONE`` ->
the engine's move ``x,y``. Lines that start with ``MESSAGE``, ``INFO``, ``ERROR`` or ``DEBUG`` are not moves.
Some engines drop a command that arrives while they are still thinking, so each reply is awaited before the
next command, and a query that gets no answer in time is sent again once, to a freshly started engine. Sending
it again to the same process is unsafe: that process may have dropped the query, may still be thinking, or
may answer it late, so it owes zero, one or two replies and no count can tell which; a reply it owed would
then be taken, with its ``MESSAGE`` evaluation, as the answer to the next query, about another position. A
new process owes nothing, so every reply read answers the query just sent.

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
from typing import Callable, Sequence

import numpy as np

from ..core.estimate import Estimate

__all__ = ["EngineError", "GomocupEngine"]

_MOVE_RE = re.compile(r"^\s*(\d+)\s*,\s*(\d+)\s*$")
_DEFAULT_EVAL_RE = r"(?i)\bev(?:al)?\b\s*[:=]?\s*([-+]?\d+(?:\.\d+)?)"
_NOT_MOVES = ("MESSAGE", "INFO", "ERROR", "DEBUG", "UNKNOWN")


class EngineError(RuntimeError):
    """The engine could not be started, died, or did not answer in time."""


class GomocupEngine:
    """A Gomocup-protocol engine as a Gomoku reward oracle.

    Arguments:
        command: the engine's command line (a string, split like a shell would, or an argument list).
        think_ms: thinking time per query in milliseconds (``INFO timeout_turn``); the oracle's budget.
        exact5: the exact-five rule (``INFO rule 1``) instead of free-style (``INFO rule 0``).
        eval_scale: the logistic scale that maps an evaluation to a win-rate (200 suits engines that report
            centipawn-like scores; engines differ, so tune it).
        eval_pattern: a regular expression whose first group is the evaluation in a ``MESSAGE`` line.
        to_winrate: a function ``eval -> win-rate of the engine's side`` that replaces the logistic curve.
        reply_timeout: seconds to wait for a reply beyond ``think_ms`` before restarting the engine and sending
            the query again (the first reply after a start includes the engine's warm-up: allow for it).
        extra_info: more ``INFO key value`` pairs (for example ``{"thread_num": 1, "max_memory": 0}``).

    Engines give no sampling error, so estimates carry ``stderr=0`` and ``exact=False``; a query for which
    the engine printed no evaluation gets value 0.5 with stderr 0.5 and is counted in :attr:`missing_evals`.
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
        extra_info: dict | None = None,
    ) -> None:
        if isinstance(command, str):
            if not command.strip():
                raise ValueError("command='' is empty; pass the engine's command line, e.g. 'pbrain-rapfi'")
            command = shlex.split(command)
        self.command = list(command)
        if not self.command:
            raise ValueError("command is empty; pass the engine's command line")
        if isinstance(think_ms, bool) or not isinstance(think_ms, (int, np.integer)) or think_ms < 1:
            raise ValueError(f"think_ms={think_ms!r} must be a positive number of milliseconds")
        if not (eval_scale > 0 and math.isfinite(eval_scale)):
            raise ValueError(f"eval_scale={eval_scale!r} must be a positive number")
        self.think_ms = int(think_ms)
        self.exact5 = bool(exact5)
        self.eval_scale = float(eval_scale)
        self.eval_re = re.compile(eval_pattern)
        self.to_winrate = to_winrate or (lambda v: 1.0 / (1.0 + math.exp(max(min(-v / self.eval_scale, 700), -700))))
        self.reply_timeout = float(reply_timeout)
        self.extra_info = dict(extra_info or {})
        self.missing_evals = 0
        self._proc: subprocess.Popen | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._size: int | None = None

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
        self.close()
        command = self._resolve()
        try:
            self._proc = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                text=True, bufsize=1, cwd=os.path.dirname(command[0]),
            )
        except OSError as exc:
            raise EngineError(f"could not start engine {self.command!r}: {exc}") from exc
        self._lines = queue.Queue()
        threading.Thread(target=self._reader, args=(self._proc, self._lines), daemon=True).start()
        self._send(f"START {size}")
        reply = self._wait(lambda line: line.upper().startswith(("OK", "ERROR")), self.reply_timeout)
        if reply is None or not reply.upper().startswith("OK"):
            self.close()
            raise EngineError(f"engine {self.command!r} did not accept 'START {size}' (reply: {reply!r}); "
                              "does it support this board size?")
        infos = {"rule": 1 if self.exact5 else 0, "timeout_turn": self.think_ms,
                 "timeout_match": 10**9, **self.extra_info}
        for key, value in infos.items():
            self._send(f"INFO {key} {value}")
        self._size = size

    @staticmethod
    def _reader(proc: subprocess.Popen, lines: queue.Queue) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line.strip())
        lines.put(None)

    def _send(self, text: str) -> None:
        if self._proc is None or self._proc.poll() is not None:
            raise EngineError(f"engine {self.command!r} is not running")
        try:
            assert self._proc.stdin is not None
            self._proc.stdin.write(text + "\n")
            self._proc.stdin.flush()
        except (BrokenPipeError, OSError) as exc:
            raise EngineError(f"engine {self.command!r} closed its input: {exc}") from exc

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

    def close(self, *, kill: bool = False) -> None:
        """Send ``END`` and stop the engine process (``kill=True``: kill it at once, as after a timeout)."""
        proc, self._proc, self._size = self._proc, None, None
        if proc is None:
            return
        if kill:
            proc.kill()
            proc.wait()
            return
        try:
            if proc.poll() is None and proc.stdin is not None:
                proc.stdin.write("END\n")
                proc.stdin.flush()
            proc.wait(timeout=1.0)
        except (OSError, subprocess.TimeoutExpired, ValueError):
            proc.kill()
            proc.wait()

    def __del__(self) -> None:  # pragma: no cover - best effort
        try:
            self.close()
        except Exception:  # noqa: BLE001
            pass

    # ------------------------------------------------------------------ queries
    def best_move(self, size: int, history: Sequence[int]) -> tuple[int, float | None]:
        """The engine's move (flat index) in the position reached by ``history``, and its evaluation.

        If no move comes within ``think_ms`` plus ``reply_timeout``, the engine is killed, started again and
        asked once more (see the module docstring); a second timeout raises :class:`EngineError`.
        """
        to_move = len(history) % 2
        board_lines = []
        for i, move in enumerate(history):
            r, c = divmod(int(move), size)
            who = 1 if i % 2 == to_move else 2
            board_lines.append(f"{c},{r},{who}")
        for attempt in range(2):
            if self._size != size:
                self._start(size)
            self._drain()
            self._send("BOARD")
            for line in board_lines:
                self._send(line)
            self._send("DONE")
            seen: list[str] = []
            reply = self._wait(
                lambda line: bool(_MOVE_RE.match(line)) and not line.upper().startswith(_NOT_MOVES),
                self.think_ms / 1000.0 + self.reply_timeout, seen,
            )
            if reply is not None:
                x, y = (int(v) for v in _MOVE_RE.match(reply).groups())
                if not (0 <= x < size and 0 <= y < size):
                    raise EngineError(f"engine {self.command!r} answered {reply!r}, outside a {size}x{size} board")
                return y * size + x, self._parse_eval(seen)
            self.close(kill=True)  # it may still answer, or have dropped the query: no reply of it can be trusted
        raise EngineError(f"engine {self.command!r} gave no move within {self.think_ms} ms + "
                          f"{self.reply_timeout} s, twice (the second time freshly started); raise "
                          "reply_timeout or check the engine")

    def _parse_eval(self, lines: Sequence[str]) -> float | None:
        value = None
        for line in lines:
            if line.upper().startswith("MESSAGE"):
                found = self.eval_re.search(line)
                if found:
                    value = float(found.group(1))
        return value

    def evaluate(self, size: int, history: Sequence[int], move: int) -> Estimate:
        """The mover's value of playing ``move`` after ``history`` (flat indices in game order).

        A move that completes five is worth 1 exactly and a move that fills the board without a win 0.5,
        without asking the engine.
        """
        from .rules import board_from_moves, makes_five

        board, to_move = board_from_moves(size, list(history), self.exact5)
        if makes_five(board, int(move), int(to_move), self.exact5):
            return Estimate(1.0, 0.0, self.think_ms, True)
        if len(history) + 1 >= size * size:
            return Estimate(0.5, 0.0, self.think_ms, True)
        _, ev = self.best_move(size, list(history) + [int(move)])
        if ev is None:
            self.missing_evals += 1
            return Estimate(0.5, 0.5, self.think_ms, False)
        return Estimate(1.0 - float(self.to_winrate(ev)), 0.0, self.think_ms, False)
