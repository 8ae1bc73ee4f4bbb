"""``rewarddial pbrain``: a Gomocup-protocol (piskvork) engine on the package's UCT search and numba kernels.

Run it as ``python -m envs.gomoku.pbrain`` (or ``rewarddial pbrain``); it reads commands on stdin and writes
replies on stdout, so Gomocup GUIs, tournament managers and :class:`envs.gomoku.engine.GomocupEngine` can use
it like any other engine::

    GomokuEnv(estimator="engine", engine_command="python -m envs.gomoku.pbrain", think_ms=200)

Commands: ``START n`` (5..19) -> ``OK``; ``RESTART`` -> ``OK``; ``BEGIN``, ``TURN x,y``, ``BOARD`` ... ``DONE``
-> a move ``x,y`` (x the column, 0-based); ``TAKEBACK x,y`` -> ``OK``; ``INFO key value`` (no reply):
``timeout_turn`` (ms per move), ``max_node`` (playouts per move; overrides the time), ``rule`` (bit 1:
exactly five; renju, bit 4, is refused with an ``ERROR``); ``ABOUT`` -> ``name="rewarddial-pbrain", ...``;
``END`` quits. Anything else gets ``UNKNOWN``; a malformed command gets ``ERROR`` and the engine goes on.

The move: the centre on an empty board; a point that completes five at once; else the block of the opponent's
only point completing five; else the first move of the shortest victory by continuous fours
(:func:`envs.gomoku.solver.vcf`, up to 12 fours); else the most visited root child of a UCT search
(:func:`envs.gomoku.oracle.uct_root`). With a time budget, the search is repeated with twice the playouts (2048, 4096, ...) while the next one is expected to fit in
``timeout_turn`` (less a 10% margin); with ``max_node``, one search of that many playouts.

Before the move it prints one line::

    MESSAGE Playouts 65536 | Speed 210K | Winrate 0.634 | Eval 110 | Time 180ms

``Winrate`` is the chosen move's mean result for the engine (win 1, draw 0.5, loss 0); ``Eval`` is the same
as a scaled score, ``round(200 * ln(w / (1 - w)))`` clipped to +-2000, so a client that maps an evaluation
``v`` to ``1 / (1 + exp(-v / 200))`` (the default of :class:`~envs.gomoku.engine.GomocupEngine`) gets the
win-rate back. Decided positions print mate scores: ``Eval +M1`` (the engine completes five now) and
``Eval -M2`` (the opponent has two points completing five, which one move cannot both block) and
``Eval +M<n>`` for a victory by continuous fours in at most ``n`` of its own moves.
"""
from __future__ import annotations

import math
import re
import sys
import time
from typing import IO, Sequence

import numpy as np

__all__ = ["main", "Brain", "ABOUT", "EVAL_SCALE"]

ABOUT = 'name="rewarddial-pbrain", version="0.1", author="rewarddial", country="-"'
#: the scale of the printed evaluation: Eval = EVAL_SCALE * logit(win-rate)
EVAL_SCALE = 200.0
MAX_EVAL = 2000
FIRST_PLAYOUTS = 2048
#: the VCF search before the UCT search: at most this many fours, this many nodes per depth
VCF_DEPTH = 12
VCF_NODES = 5000
_POINT = re.compile(r"^\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*(\d+)\s*)?$")


class Brain:
    """The engine's state and search (a board from its own point of view: 1 = its stones, 2 = the other's)."""

    def __init__(self) -> None:
        self.size = 0
        self.board = np.zeros((0, 0), np.int8)
        self.exact5 = False
        self.timeout_ms = 1000
        self.max_node = 0
        self.seed = 0
        self._warm = False

    def start(self, size: int) -> None:
        from . import rules

        if not rules.MIN_SIZE <= size <= rules.MAX_SIZE:
            raise ValueError(f"size {size} is not supported (use {rules.MIN_SIZE}..{rules.MAX_SIZE})")
        self.size = size
        self.board = np.zeros((size, size), np.int8)
        if not self._warm:  # load the search kernel now, so that the first move is not slowed by it
            from . import oracle

            from . import _kernels as K

            oracle.uct_root(np.zeros((5, 5), np.int8), 1, 2, 0)
            K.vcf_k(np.zeros((5, 5), np.int8), 1, False, 1, 1)
            self._warm = True

    def place(self, x: int, y: int, who: int) -> None:
        if not (0 <= x < self.size and 0 <= y < self.size):
            raise ValueError(f"{x},{y} is off the {self.size}x{self.size} board")
        if self.board[y, x] != 0:
            raise ValueError(f"{x},{y} is already occupied")
        self.board[y, x] = who

    def think(self) -> tuple[int, int, str]:
        """``(x, y, message)``: the engine's move and its ``MESSAGE`` line."""
        from . import _kernels as K
        from . import oracle

        t0 = time.perf_counter()
        b = np.ascontiguousarray(self.board)
        if not (b == 0).any():
            raise ValueError("the board is full")
        wins = K.winning_moves_k(b, 1, self.exact5)
        threats = K.winning_moves_k(b, 2, self.exact5)
        playouts = 0
        if not b.any():
            centre = (self.size // 2) * self.size + self.size // 2
            return centre % self.size, centre // self.size, "MESSAGE Playouts 0 | Winrate 0.500 | Eval 0 | Time 0ms"
        if wins.size:
            move, text = int(wins[0]), "Eval +M1"
        elif threats.size >= 2:
            move, text = int(threats[0]), "Eval -M2"
        elif threats.size == 1:
            move, text = int(threats[0]), None
        else:
            move, text = -1, None
            for depth in range(1, VCF_DEPTH + 1):  # the shortest victory by continuous fours, if any
                found, _ = K.vcf_k(b, 1, self.exact5, depth, VCF_NODES)
                if found >= 0:
                    move, text = int(found), f"Eval +M{depth + 1}"
                    break
        if text is None:
            budget_s = self.timeout_ms / 1000.0 * 0.9 - 0.02
            n = self.max_node if self.max_node > 0 else FIRST_PLAYOUTS
            while True:
                self.seed += 1
                s0 = time.perf_counter()
                moves, visits, values = oracle.uct_root(b, 1, n, self.seed, self.exact5)
                took = time.perf_counter() - s0
                playouts += n
                if self.max_node > 0 or n >= oracle.MAX_ROLLOUTS // 2:
                    break
                if time.perf_counter() - t0 + 2.2 * took > budget_s:
                    break
                n *= 2
            if move < 0:
                best = int(np.lexsort((moves, -values, -visits))[0])
                move, win = int(moves[best]), float(values[best])
            else:
                at = np.flatnonzero(moves == move)
                win = float(values[at[0]]) if at.size else 0.5
            w = min(max(win, 1e-6), 1 - 1e-6)
            score = int(round(max(-MAX_EVAL, min(MAX_EVAL, EVAL_SCALE * math.log(w / (1 - w))))))
            text = f"Winrate {win:.3f} | Eval {score}"
        took_ms = (time.perf_counter() - t0) * 1000.0
        speed = playouts / max(took_ms / 1000.0, 1e-9)
        message = (f"MESSAGE Playouts {playouts} | Speed {speed / 1000:.0f}K | {text} | "
                   f"Time {took_ms:.0f}ms")
        return move % self.size, move // self.size, message


def _run(brain: Brain, inp: IO[str], out: IO[str]) -> None:
    def say(text: str) -> None:
        out.write(text + "\n")
        out.flush()

    def move_reply() -> None:
        x, y, message = brain.think()
        brain.place(x, y, 1)
        say(message)
        say(f"{x},{y}")

    lines = iter(inp.readline, "")
    for raw in lines:
        cmd = raw.strip()
        if not cmd:
            continue
        word, _, rest = cmd.partition(" ")
        word = word.upper()
        try:
            if word == "START":
                brain.start(int(rest.strip()))
                say("OK")
            elif word == "RESTART":
                brain.start(brain.size)
                say("OK")
            elif word == "ABOUT":
                say(ABOUT)
            elif word == "END":
                return
            elif word == "INFO":
                key, _, value = rest.strip().partition(" ")
                key = key.lower()
                if key == "timeout_turn":
                    brain.timeout_ms = max(1, int(value))
                elif key == "max_node":
                    brain.max_node = max(0, int(value))
                elif key == "rule":
                    rule = int(value)
                    if rule & 4:
                        say("ERROR renju (rule 4) is not supported; use rule 0 (free-style) or 1 (exactly five)")
                    brain.exact5 = bool(rule & 1)
            elif not brain.size:
                say(f"ERROR no board yet: send START <size> first (got {cmd[:40]!r})")
            elif word == "BEGIN":
                move_reply()
            elif word == "TURN":
                m = _POINT.match(rest)
                if not m:
                    raise ValueError(f"TURN wants x,y, got {rest!r}")
                brain.place(int(m.group(1)), int(m.group(2)), 2)
                move_reply()
            elif word == "TAKEBACK":
                m = _POINT.match(rest)
                if not m:
                    raise ValueError(f"TAKEBACK wants x,y, got {rest!r}")
                brain.board[int(m.group(2)), int(m.group(1))] = 0
                say("OK")
            elif word == "BOARD":
                brain.start(brain.size)
                for row in lines:
                    row = row.strip()
                    if row.upper() == "DONE":
                        break
                    m = _POINT.match(row)
                    if not m or m.group(3) not in ("1", "2", "3"):
                        raise ValueError(f"BOARD wants x,y,who lines, got {row!r}")
                    if m.group(3) != "3":
                        brain.place(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                move_reply()
            else:
                say(f"UNKNOWN command {cmd[:40]!r}")
        except (ValueError, IndexError) as exc:
            say(f"ERROR {exc}")


def main(argv: Sequence[str] | None = None, stdin: IO[str] | None = None, stdout: IO[str] | None = None) -> int:
    """Run the engine on ``stdin``/``stdout`` until ``END`` or the end of the input. Returns 0.

    ``argv`` (optional): ``--think-ms MS`` and ``--max-node N``, the defaults before any ``INFO``.
    """
    import argparse

    parser = argparse.ArgumentParser(prog="rewarddial pbrain", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--think-ms", type=int, default=1000,
                        help="thinking time per move in ms until INFO timeout_turn says otherwise (default 1000)")
    parser.add_argument("--max-node", type=int, default=0,
                        help="playouts per move (overrides the time; INFO max_node sets it too); 0: by time")
    args = parser.parse_args(list(argv) if argv is not None else None)
    brain = Brain()
    brain.timeout_ms = max(1, args.think_ms)
    brain.max_node = max(0, args.max_node)
    _run(brain, stdin or sys.stdin, stdout or sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
