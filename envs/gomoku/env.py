"""``Gomoku9x9-LLM-v0`` / ``Gomoku15x15-LLM-v0``: choose a Gomoku move; the reward is an oracle's win-rate."""
from __future__ import annotations

import inspect
import zlib
from typing import Any, Sequence

import numpy as np

from ..core import Estimate, Scored, TextEnv
from . import oracle, positions, rules, tactics
from .state import TACTIC_KINDS, GomokuState, decode_state, encode_state
from .text import parse_point, point_index, point_name, render_position, rules_text

__all__ = ["GomokuEnv", "ESTIMATORS", "MODES", "TASKS", "OPPONENTS"]

ESTIMATORS = ("flat", "uct", "engine")
MODES = ("move", "game")
TASKS = ("midgame", "tactics") + TACTIC_KINDS
OPPONENTS = ("mcts", "random")
COLORS = ("black", "white")
#: offset that keeps the seeds of :meth:`GomokuEnv.truth` apart from those of estimates (``seed + i``)
TRUTH_SEED_BASE = 1 << 40
#: on boards larger than this, :meth:`GomokuEnv.candidate_actions` keeps only points near the stones
CANDIDATE_FULL_SIZE = 9
CANDIDATE_RADIUS = 2


def _is_int(x: Any) -> bool:
    return isinstance(x, (int, np.integer)) and not isinstance(x, (bool, np.bool_))


def _choice(name: str, value: Any, allowed: Sequence[str], fix: str) -> str:
    if value not in allowed:
        raise ValueError(f"{name}={value!r} is not one of {tuple(allowed)}; {fix}")
    return value


class GomokuEnv(TextEnv):
    """Gomoku (five in a row) for language models, with the accuracy of the reward as a dial.

    The model sees a board and answers with the point where it plays; the reward is the value of that move
    for the model, estimated by an oracle with a budget: flat Monte Carlo (``estimator="flat"``: the mean
    result of ``rollouts`` uniform-random playouts after the move), UCT Monte Carlo tree search
    (``"uct"``: the root value of a search of ``rollouts`` playouts from the position after the move), or
    an external Gomocup engine (``"engine"``: its evaluation after ``think_ms`` of thought, mapped to a
    win-rate). With the same seed, the playouts of budget ``n`` are the first ``n`` of budget ``2n``.

    ## Action Space
    ``Text`` over ``envs.core.CHARSET``: the whole completion. The answer is the last
    ``<answer>...</answer>``; a point is a column letter and a row number in either order, any case, with
    optional spaces (``H8``, ``h8``, ``8H``, ``h 8``). Columns are consecutive letters from ``A`` at the left
    (no letter is skipped: 15x15 runs A..O and H8 is its centre); rows are numbered from 1 at the bottom.
    Without a tag, a last non-empty line that is nothing but a point is accepted as the answer. A
    well-formed point off the board (``Z9``, ``A0``) is an illegal move, not a format error.

    ## Observation Space
    ``Text``: the board as a grid (``X`` black, ``O`` white, ``.`` empty) with column letters and row
    numbers, the stone counts, the last move, the side the model plays and the answer format. ``info``
    carries ``state`` (e.g. ``"gomoku:9:free:E5,D4,F6"``, see :mod:`envs.gomoku.state`), ``legal_actions``
    (the empty points, canonical, in reading order from the top-left) and ``messages`` (system and user
    chat turns).

    ## Rewards
    * malformed answer (no readable point): ``format_penalty`` = -0.1;
    * a point off the board or already occupied: ``format_reward + illegal_reward`` = 0.1 - 1.0 = -0.9;
    * a legal move: ``format_reward + value`` = 0.1 + the oracle's win-rate of the move in [0, 1] (win 1,
      draw 0.5, loss 0). ``info["estimate"]`` holds ``{value, stderr, budget, exact}``; a move that
      completes five is worth exactly 1. In tactical positions ``info["correct"]`` also says whether a
      legal move is one of the position's correct moves (the reward is still the oracle's value).

    Ground truth (:meth:`truth`): the game value where it is proven -- 1 for a move that completes five,
    0 for a move after which the opponent can complete five, 1 for a move that leaves the mover two or more
    points that complete five while the opponent has none -- otherwise the same estimator at
    ``truth_rollouts`` playouts (the ``"engine"`` estimator uses UCT for this) with seeds apart from the
    estimates' (``exact=False``).

    ## Episode End
    ``mode="move"``: one decision from a sampled position; the episode ends after the first legal answer
    (or after an invalid one under ``invalid_policy="penalty"``). ``mode="game"``: a whole game against an
    opponent (UCT with ``opponent_rollouts`` playouts that always completes a five and blocks a lone four, or
    uniform random); each step's reward is the format term plus the oracle's value of the model's move, the
    opponent's reply is in ``info["opponent_action"]``, and the game ends on a winning line or a full board, with
    ``info["outcome"]`` = ``"win"`` / ``"loss"`` / ``"draw"`` for the model and ``info["winner"]`` =
    ``"black"`` / ``"white"`` / ``"draw"``.

    ## Arguments
    * ``size=9``: board size, 5..19 (the registered ids set 9 and 15).
    * ``rollouts=256``: the oracle's budget (``budget_name="rollouts"``); for ``estimator="engine"`` the
      budget is the thinking time instead (``budget_name="think_ms"``, ``budget=think_ms``).
    * ``estimator="flat"``: ``"flat"`` | ``"uct"`` | ``"engine"`` (needs ``engine_command``, e.g.
      ``"pbrain-rapfi"``, and ``think_ms=1000``).
    * ``exact_five=False``: free-style (five or more wins); True: exactly five wins, an overline does not.
    * ``mode="move"`` | ``"game"``; ``opponent="mcts"`` | ``"random"`` and ``opponent_rollouts=1024`` (game
      mode); ``model_color="black"`` | ``"white"``: the side the model plays in sampled games (games start
      from the empty board; as white, the opponent's first stone is already down).
    * ``task="midgame"``: positions from noisy heuristic self-play with a stone count drawn uniformly from
      ``stones``; ``"win1"`` | ``"block4"`` | ``"open3"``: the tactical sets of
      :mod:`envs.gomoku.tactics` (win in one / block a four / make an open four), ``"tactics"``: a uniform
      mix of the three (of win1 and block4 on 5x5, which has no room for an open four). Move mode only.
    * ``stones=None``: the ``(low, high)`` stone-count range of midgame positions; default ``(6, 30)``
      capped at half the board (``0 <= low <= high <= size * size // 2``); the string ``"6,30"`` works too.
    * ``truth_rollouts=16384``: the budget of :meth:`truth` where no exact value is known.
    * ``engine_command=None``, ``think_ms=1000``, ``engine_options=None`` (more keyword arguments for
      :class:`envs.gomoku.engine.GomocupEngine`, such as ``eval_scale``).
    * The :class:`~envs.core.TextEnv` arguments: ``invalid_policy``, ``max_retries``, ``format_reward``,
      ``format_penalty``, ``illegal_reward``, ``render_mode`` (``"ansi"``).

    Task ids, for ``reset(options={"task_id": ...})``: ``"<kind>/<seed>"`` with kind ``midgame``, ``win1``,
    ``block4`` or ``open3`` (e.g. ``"win1/17"``, the same position for the same seed), or an integer ``k``:
    the state ``sample_states(1, seed=k)`` gives under the env's own ``task`` (or game start).

    :meth:`candidate_actions`: every empty point on boards up to 9x9; on larger boards the empty points
    within Chebyshev distance 2 of a stone (plus a tactical state's correct moves; the centre on an empty
    board).

    ## Version History
    * v0: initial release.
    """

    budget_name = "rollouts"
    #: revision of the oracles' values, part of the study's truth-cache key: bump it when a change alters them
    #: (2: UCT values a move that leaves the opponent a five at exactly 0)
    version = 2

    def __init__(
        self,
        size: int = 9,
        rollouts: int = 256,
        estimator: str = "flat",
        exact_five: bool = False,
        mode: str = "move",
        task: str = "midgame",
        stones: tuple[int, int] | None = None,
        truth_rollouts: int = 16384,
        opponent: str = "mcts",
        opponent_rollouts: int = 1024,
        model_color: str = "black",
        engine_command: str | Sequence[str] | None = None,
        think_ms: int = 1000,
        engine_options: dict | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if not _is_int(size) or not rules.MIN_SIZE <= int(size) <= rules.MAX_SIZE:
            raise ValueError(f"size={size!r} must be an integer in {rules.MIN_SIZE}..{rules.MAX_SIZE}; "
                             "use size=9 or size=15")
        self.size = int(size)
        self.estimator = _choice("estimator", estimator, ESTIMATORS,
                                 "use 'flat' (flat Monte Carlo), 'uct' (UCT search) or 'engine' (Gomocup engine)")
        if not isinstance(exact_five, (bool, np.bool_)):
            raise ValueError(f"exact_five={exact_five!r} must be True or False")
        self.exact5 = bool(exact_five)
        self.mode = _choice("mode", mode, MODES, "use 'move' (one decision) or 'game' (a whole game)")
        self.task = _choice("task", task, TASKS, "use 'midgame', a tactical set or 'tactics' (their mix)")
        if self.mode == "game" and self.task != "midgame":
            raise ValueError(f"task={task!r} applies to mode='move'; games start from the empty board (pin "
                             "another start with reset(options={'state': ...} or {'task_id': 'win1/3'}))")
        if self.task == "open3" and self.size < tactics.OPEN3_MIN_SIZE:
            raise ValueError(f"task='open3' needs a board of at least {tactics.OPEN3_MIN_SIZE}x"
                             f"{tactics.OPEN3_MIN_SIZE} (an open four spans six points); use a larger size")
        self._kinds = tuple(k for k in TACTIC_KINDS if k != "open3" or self.size >= tactics.OPEN3_MIN_SIZE)
        self.opponent = _choice("opponent", opponent, OPPONENTS, "use 'mcts' (UCT search) or 'random'")
        self.model_color = _choice("model_color", model_color, COLORS, "use 'black' or 'white'")
        for name, val in (("rollouts", rollouts), ("truth_rollouts", truth_rollouts),
                          ("opponent_rollouts", opponent_rollouts), ("think_ms", think_ms)):
            if not _is_int(val) or val < 1:
                raise ValueError(f"{name}={val!r} must be a positive integer")
        self.truth_rollouts = int(truth_rollouts)
        self.opponent_rollouts = int(opponent_rollouts)
        self.stones = self._check_stones(stones)
        self.engine_command = engine_command
        self.engine_options = dict(engine_options or {})
        self._engines: dict[int, Any] = {}
        if self.estimator == "engine":
            if not engine_command:
                raise ValueError("estimator='engine' needs engine_command=, the command line of a Gomocup "
                                 "engine (e.g. engine_command='pbrain-rapfi')")
            from .engine import GomocupEngine

            accepted = set(inspect.signature(GomocupEngine).parameters) - {"command", "think_ms", "exact5"}
            unknown = sorted(set(self.engine_options) - accepted)
            if unknown:
                raise ValueError(f"engine_options has unknown keys {unknown}; accepted: {sorted(accepted)}")
            self._set_budget(think_ms, "think_ms")
        else:
            self._set_budget(rollouts)
        center = (self.size // 2) * self.size + self.size // 2
        self.answer_example = f"<answer>{point_name(center, self.size)}</answer>"

    @classmethod
    def budget_name_for(cls, kwargs: dict) -> str:
        """``"think_ms"`` with ``estimator="engine"``, else ``"rollouts"``."""
        return "think_ms" if kwargs.get("estimator") == "engine" else "rollouts"

    def _check_stones(self, stones: Any) -> tuple[int, int]:
        cap = self.size * self.size // 2
        if stones is None:
            return min(6, cap), min(30, cap)
        if isinstance(stones, str):  # "6,30", as the command line's --set stones=6,30 passes it
            parts = stones.replace("(", "").replace(")", "").split(",")
            if len(parts) == 2 and all(p.strip().isdigit() for p in parts):
                stones = (int(parts[0]), int(parts[1]))
        ok = (isinstance(stones, (tuple, list)) and len(stones) == 2 and all(_is_int(s) for s in stones)
              and 0 <= stones[0] <= stones[1] <= cap)
        if not ok:
            raise ValueError(f"stones={stones!r} must be a pair (low, high) of integers with "
                             f"0 <= low <= high <= {cap} (half the {self.size}x{self.size} board), e.g. (6, 30)")
        return int(stones[0]), int(stones[1])

    # ------------------------------------------------------------------------------ states
    def _sample_state(self, rng: np.random.Generator) -> GomokuState:
        if self.mode == "game":
            state = GomokuState(self.size, (), self.exact5)
            if self.model_color == "white":
                state = state.play(self._opponent_move(state, rng))
            return state
        kind = self.task
        if kind == "tactics":
            kind = self._kinds[int(rng.integers(len(self._kinds)))]
        return self._make_task(kind, int(rng.integers(2**31)))

    def _make_task(self, kind: str, seed: int) -> GomokuState:
        """The position of task id ``"<kind>/<seed>"`` (every sampled state is one of these)."""
        if kind == "midgame":
            rng = np.random.default_rng(seed)
            lo, hi = self.stones
            n = int(rng.integers(lo, hi + 1))
            moves = positions.selfplay_moves(self.size, n, int(rng.integers(2**31)), exact5=self.exact5)
            return GomokuState(self.size, tuple(int(m) for m in moves), self.exact5)
        pos = tactics.generate(kind, self.size, seed, exact5=self.exact5)
        return GomokuState(self.size, pos.moves, self.exact5, pos.kind, pos.correct)

    def _state_for_task(self, task_id: Any) -> GomokuState:
        if _is_int(task_id) and task_id >= 0:
            return self._sample_state(np.random.default_rng(int(task_id)))
        if isinstance(task_id, str):
            kind, slash, seed = task_id.strip().partition("/")
            if slash and kind in ("midgame",) + TACTIC_KINDS and seed.isdigit():
                return self._make_task(kind, int(seed))
        raise ValueError(f"task_id={task_id!r} is not a Gomoku task id; use '<kind>/<seed>' with kind one of "
                         f"{('midgame',) + TACTIC_KINDS} (e.g. 'win1/17') or an integer seed >= 0")

    def encode_state(self, state: GomokuState) -> str:
        return encode_state(state)

    def decode_state(self, text: str) -> GomokuState:
        state = decode_state(text)
        if state.size != self.size:
            raise ValueError(f"state {text!r} is for a {state.size}x{state.size} board but this env plays "
                             f"{self.size}x{self.size}; make the env with size={state.size}")
        if state.exact5 != self.exact5:
            rule = "exact5" if self.exact5 else "free"
            raise ValueError(f"state {text!r} does not use this env's rule ({rule!r}); make the env with "
                             f"exact_five={state.exact5}")
        return state

    # -------------------------------------------------------------------------------- text
    def system_prompt(self) -> str:
        return (rules_text(self.size, self.exact5)
                + f"\nThink briefly, then give the point where you play as {self.answer_example} "
                  "(column letter, then row number).")

    def render_prompt(self, state: GomokuState) -> str:
        result = None
        winner = state.winner()
        if winner:
            result = f"Game over: {'X (black)' if winner == rules.BLACK else 'O (white)'} has five in a row."
        elif len(state.moves) == self.size * self.size:
            result = "Game over: the board is full, a draw."
        return render_position(state.board, state.to_move, state.last_move, self.exact5, self.answer_example,
                               result)

    def legal_actions(self, state: GomokuState) -> list[str]:
        if state.winner():
            return []
        return [point_name(m, self.size) for m in state.empty_points()]

    def parse_action(self, answer: str, state: GomokuState) -> str | None:
        return parse_point(answer)

    def is_legal(self, state: GomokuState, action: str) -> bool:
        idx = point_index(action, self.size)
        return idx is not None and state.board.flat[idx] == rules.EMPTY and not state.winner()

    def fallback_answer(self, text: str) -> str | None:
        """Without an answer tag, a last non-empty line that is nothing but a point (``"H8"``)."""
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if lines and parse_point(lines[-1]) is not None:
            return lines[-1]
        return None

    def candidate_actions(self, state: Any) -> list[str]:
        """Every empty point up to 9x9; on larger boards the empty points within distance 2 of a stone."""
        state = self._as_state(state)
        if self.size <= CANDIDATE_FULL_SIZE:
            return self.legal_actions(state)
        if not state.moves:
            return [point_name((self.size // 2) * self.size + self.size // 2, self.size)]
        occupied = state.board != rules.EMPTY
        near = np.zeros_like(occupied)
        k = CANDIDATE_RADIUS
        padded = np.pad(occupied, k)
        for dr in range(-k, k + 1):
            for dc in range(-k, k + 1):
                near |= padded[k + dr:k + dr + self.size, k + dc:k + dc + self.size]
        keep = near & ~occupied
        if state.correct:
            keep.flat[list(state.correct)] = True
        return [point_name(m, self.size) for m in np.flatnonzero(keep.ravel())]

    # ----------------------------------------------------------------------------- oracle
    def _engine(self, think_ms: int):
        eng = self._engines.get(think_ms)
        if eng is None:
            from .engine import GomocupEngine

            eng = GomocupEngine(self.engine_command, think_ms=think_ms, exact5=self.exact5,
                                **self.engine_options)
            self._engines[think_ms] = eng
        return eng

    def _search(self, estimator: str, states: Sequence[GomokuState], moves: list[int], budget: int,
                seeds: np.ndarray) -> list[Estimate]:
        """One batched call of the flat or UCT oracle."""
        if not states:
            return []
        boards = np.stack([s.board for s in states]).astype(np.int8, copy=False)
        to_move = np.array([s.to_move for s in states], dtype=np.int8)
        fn = oracle.flat_mc if estimator == "flat" else oracle.uct
        values, stderrs = fn(boards, to_move, np.asarray(moves, dtype=np.int64), int(budget),
                             np.asarray(seeds, dtype=np.int64), exact5=self.exact5)
        out = []
        for s, m, v, e in zip(states, moves, values, stderrs):
            exact = bool(rules.makes_five(s.board, m, s.to_move, self.exact5))
            if not exact and estimator == "uct" and e == 0.0 and v == 0.0:
                # UCT proves one ply: a move that leaves the opponent a five is worth exactly 0
                exact = self._proven_value(s, m) == 0.0
            out.append(Estimate(float(v), 0.0 if exact else float(e), int(budget), exact))
        return out

    def _estimate_batch(self, states: Sequence[GomokuState], actions: Sequence[str], budget: int,
                        seeds: np.ndarray) -> list[Estimate]:
        moves = [point_index(a, self.size) for a in actions]
        if self.estimator == "engine":
            eng = self._engine(int(budget))
            return [eng.evaluate(self.size, list(s.moves), m) for s, m in zip(states, moves)]
        return self._search(self.estimator, states, moves, budget, seeds)

    def _proven_value(self, state: GomokuState, move: int) -> float | None:
        """The game value of ``move`` for the mover where one more ply proves it, else None."""
        mover, opp = state.to_move, state.opponent
        if rules.makes_five(state.board, move, mover, self.exact5):
            return 1.0
        after = state.board.copy()
        after.flat[move] = mover
        if not (after == rules.EMPTY).any():
            return 0.5  # the move fills the board without a five: a draw
        if len(rules.winning_moves(after, opp, self.exact5)):
            return 0.0
        if len(rules.winning_moves(after, mover, self.exact5)) >= 2:
            return 1.0
        return None

    def _truth_batch(self, states: Sequence[GomokuState], actions: Sequence[str], source: str | None = None
                     ) -> list[Estimate]:
        if source is not None:
            raise ValueError(f"source={source!r}: Gomoku offers only its default truth (source=None)")
        out: list[Estimate | None] = []
        todo: list[int] = []
        for i, (s, a) in enumerate(zip(states, actions)):
            v = self._proven_value(s, point_index(a, self.size))
            out.append(None if v is None else Estimate(v, 0.0, 0, True))
            if v is None:
                todo.append(i)
        if todo:
            # per-query seeds that depend only on the query, far from the estimates' seed + i
            seeds = np.array([TRUTH_SEED_BASE + zlib.crc32(f"{encode_state(states[i])}|{actions[i]}".encode())
                              for i in todo], dtype=np.int64)
            estimator = "uct" if self.estimator == "engine" else self.estimator
            ests = self._search(estimator, [states[i] for i in todo],
                                [point_index(actions[i], self.size) for i in todo], self.truth_rollouts, seeds)
            for i, est in zip(todo, ests):
                out[i] = est
        return out  # type: ignore[return-value]

    def _score(self, states: Sequence[GomokuState], completions: Sequence[Any], budget: int,
               seeds: np.ndarray) -> list[Scored]:
        """The base scoring, plus ``info["correct"]`` for the legal answers in tactical states."""
        out = super()._score(states, completions, budget, seeds)
        for state, scored in zip(states, out):
            if state.kind is not None and scored.legal:
                scored.info["correct"] = point_index(scored.action, self.size) in state.correct
        return out

    # ------------------------------------------------------------------------------ game mode
    def _opponent_move(self, state: GomokuState, rng: np.random.Generator) -> int:
        if self.opponent == "random":
            empty = state.empty_points()
            return int(empty[int(rng.integers(len(empty)))])
        return int(oracle.uct_best_move(state.board, state.to_move, self.opponent_rollouts,
                                        int(rng.integers(2**31)), exact5=self.exact5))

    def _transition(self, state: GomokuState, action: str, rng: np.random.Generator) -> tuple[Any, bool, dict]:
        if self.mode == "move":
            return state, True, {}
        model = state.to_move
        after = state.play(point_index(action, self.size))
        over = self._game_over(after, model)
        if over is not None:
            return after, True, over
        reply = self._opponent_move(after, rng)
        extra = {"opponent_action": point_name(reply, self.size)}
        after = after.play(reply)
        over = self._game_over(after, model)
        if over is not None:
            extra.update(over)
            return after, True, extra
        return after, False, extra

    def _game_over(self, state: GomokuState, model: int) -> dict | None:
        winner = state.winner()
        if winner:
            return {"outcome": "win" if winner == model else "loss",
                    "winner": "black" if winner == rules.BLACK else "white"}
        if len(state.moves) == self.size * self.size:
            return {"outcome": "draw", "winner": "draw"}
        return None

    def close(self) -> None:
        for eng in self._engines.values():
            eng.close()
        self._engines.clear()
        super().close()
