"""``Gomoku9x9-LLM-v0`` / ``Gomoku15x15-LLM-v0``: choose a Gomoku move; the reward is an oracle's win-rate."""
from __future__ import annotations

import inspect
import zlib
from typing import Any, Sequence

import numpy as np

from ..core import Estimate, OracleFailure, Scored, TextEnv
from . import oracle, positions, rules, solver, tactics
from .state import STATE_KINDS, TACTIC_KINDS, GomokuState, decode_state, encode_state
from .text import parse_point, point_index, point_name, render_position, rules_text

__all__ = ["GomokuEnv", "ESTIMATORS", "MODES", "TASKS", "OPPONENTS", "ROLLOUT_POLICIES"]

ESTIMATORS = ("flat", "uct", "engine")
MODES = ("move", "game")
TASKS = ("midgame", "tactics") + STATE_KINDS
OPPONENTS = ("mcts", "random")
COLORS = ("black", "white")
ROLLOUT_POLICIES = oracle.ROLLOUT_POLICIES
#: offset that keeps the seeds of :meth:`GomokuEnv.truth` apart from those of estimates (``seed + i``)
TRUTH_SEED_BASE = 1 << 40
#: on boards larger than this, :meth:`GomokuEnv.candidate_actions` keeps only points near the stones
CANDIDATE_FULL_SIZE = 9
CANDIDATE_RADIUS = 2
#: game mode: the potential of the starting position (the draw value), see the class docstring
START_POTENTIAL = 0.5
#: game mode: the noise of the self-play openings (probability of a random nearby move)
OPENING_NOISE = 0.5
#: the arguments that only the engine estimator takes
ENGINE_ARGS = ("engine_command", "think_ms", "engine_options", "engine_workers")
DEFAULT_THINK_MS = 1000


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
      legal move is one of the position's correct moves (the reward is still the oracle's value). The engine
      oracle adds ``info["engine_eval"]`` (as printed) and, for a mate score, ``info["mate_in"]`` and
      ``info["mate_for"]`` (``"mover"`` / ``"opponent"``);
    * a legal move the oracle failed to value (an engine that crashed, hung or printed nonsense, after one
      restart): ``oracle_error_reward`` (0.0), ``info["estimate"] = None`` and ``info["oracle_error"]`` the
      reason. Never a made-up value.

    Game mode (``mode="game"``) shapes the reward by a potential, so the return follows the outcome and no
    policy gains by prolonging a game. The potential ``P`` is the oracle's value of the model's last move
    (0.5 at the start). A legal move that does not end the game earns ``value - P`` (the change in the
    estimated value; it may be negative) and sets ``P = value``; the step on which the game ends earns
    ``format_reward + outcome - P`` (outcome 1 win, 0.5 draw, 0 loss); an invalid answer that ends the game
    earns its penalty minus ``P`` (scored as a loss, ``info["outcome"] = "invalid"``). A game played to its end
    therefore returns exactly ``outcome + format_reward - 0.5`` whatever its length (the format term is paid
    once per game, not per move, for the same reason). :meth:`score_completions` of a game position (as
    trainers call it) gives the move-mode reward ``format_reward + value``.

    Ground truth (:meth:`truth`): the game value where it is proven -- 1 for a move that completes five,
    0 for a move after which the opponent can complete five, 1 for a move that leaves the mover two or more
    points that complete five while the opponent has none (:func:`envs.gomoku.oracle.proven_values`); then by
    the threat-space solver (:mod:`envs.gomoku.solver`): 0 for a move that lets the opponent's VCF stand, 1
    for a threat that wins by continuous fours against every reply --
    otherwise a strong oracle (``exact=False``): by default the env's estimator at ``truth_rollouts``
    playouts (UCT for the engine estimator), or ``truth(queries, source="uct:65536")``,
    ``"flat:<rollouts>"``, ``"engine:<command>@<think_ms>"``. ``info["truth"]`` says what gave each value.

    ## Episode End
    ``mode="move"``: one decision from a sampled position; the episode ends after the first legal answer
    (or after an invalid one under ``invalid_policy="penalty"``). ``mode="game"``: a whole game against an
    opponent (UCT with ``opponent_rollouts`` playouts that always completes a five and blocks a lone four, or
    uniform random), from a short seeded opening of ``opening_stones`` stones (noisy heuristic self-play);
    the opponent's reply is in ``info["opponent_action"]``, and the game ends on a winning line or a full
    board, with ``info["outcome"]`` = ``"win"`` / ``"loss"`` / ``"draw"`` for the model (``"invalid"`` when an
    invalid answer ended it) and ``info["winner"]`` = ``"black"`` / ``"white"`` / ``"draw"``.

    ## Arguments
    * ``size=9``: board size, 5..19 (the registered ids set 9 and 15).
    * ``rollouts=256``: the oracle's budget (``budget_name="rollouts"``, at most 2**24); for
      ``estimator="engine"`` the budget is the thinking time instead (``budget_name="think_ms"``,
      ``budget=think_ms``, at most 600000); ``GomokuEnv.budget_name_for(kwargs)`` tells which.
    * ``estimator="flat"``: ``"flat"`` | ``"uct"`` | ``"engine"`` (needs ``engine_command``, e.g.
      ``"pbrain-rapfi"`` or ``"python -m envs.gomoku.pbrain"``).
    * ``exact_five=False``: free-style (five or more wins); True: exactly five wins, an overline does not.
    * ``mode="move"`` | ``"game"``; ``opponent="mcts"`` | ``"random"`` and ``opponent_rollouts=1024`` (game
      mode); ``model_color="black"`` | ``"white"``: the side the model plays in sampled games;
      ``opening_stones=(0, 4)``: the range of stone counts a sampled game starts from (those of the model's
      colour's parity: 0, 2, 4 for black, 1, 3 for white).
    * ``task="midgame"``: positions from noisy heuristic self-play with a stone count drawn uniformly from
      ``stones``; ``"win1"`` | ``"block4"`` | ``"open3"``: the tactical sets of
      :mod:`envs.gomoku.tactics` (win in one / block a four / make an open four), ``"tactics"``: a uniform
      mix of the three (of win1 and block4 on 5x5, which has no room for an open four); ``"vcf"``: positions
      from self-play in which the mover wins by continuous fours, the correct moves proven by the solver
      (:func:`envs.gomoku.tactics.generate_vcf`; not in the ``"tactics"`` mix). Move mode only.
    * ``stones=None``: the ``(low, high)`` stone-count range of midgame positions; default ``(6, 30)``
      capped at half the board (``0 <= low <= high <= size * size // 2``); the string ``"6,30"`` works too.
    * ``rollout_policy="uniform"``: the playouts of the flat and UCT oracles: ``"uniform"`` (random moves) or
      ``"tactical"`` (each player completes a five if it can, else blocks the opponent's five point, else plays
      at random) -- a second dial, which moves the bias rather than the variance.
    * ``truth_rollouts=16384``: the budget of the default :meth:`truth` where no proof exists.
    * ``truth_vct=False``: True proves the truth by the depth-limited VCT of :func:`envs.gomoku.solver.vct`
      (``vct_depth=solver.DEFAULT_VCT_DEPTH`` threats) instead of the VCF: 0 for a move that leaves the
      opponent a VCT, 1 for a move that wins by threats (``info["truth"] = "vct"``). Sound, a little more proven,
      but several hundred times the VCF's cost per move (benchmarks/gomoku_solver.py), hence off by default.
    * Engine estimator only (refused with the others): ``engine_command``, ``think_ms=1000``,
      ``engine_workers=None`` (engine processes queried in parallel, each with ``INFO thread_num 1``; default
      this process's share of the cores), ``engine_options=None`` (keyword arguments of
      :class:`envs.gomoku.engine.GomocupEngine`: ``eval_scale``, ``reply_timeout``, ``startup_timeout``, ...).
    * The :class:`~envs.core.TextEnv` arguments: ``invalid_policy``, ``max_retries``, ``format_reward``,
      ``format_penalty``, ``illegal_reward``, ``oracle_error_reward``, ``answer_tag``, ``render_mode``
      (``"ansi"``).

    Task ids, for ``reset(options={"task_id": ...})``: ``"<kind>/<seed>"`` with kind ``midgame``, ``win1``,
    ``block4`` or ``open3`` (e.g. ``"win1/17"``, the same position for the same seed), or an integer ``k``:
    the state ``sample_states(1, seed=k)`` gives under the env's own ``task`` (or game start).

    :meth:`candidate_actions`: every empty point on boards up to 9x9; on larger boards the empty points
    within Chebyshev distance 2 of a stone (plus a tactical state's correct moves; the centre on an empty
    board).

    ## Version History
    * v0: initial release. Within v0 (oracle revision ``version`` 3): the game-mode reward became
      potential-based and games start from varied openings; engine failures became scored per-item failures.
    """

    budget_name = "rollouts"
    max_budget = oracle.MAX_ROLLOUTS
    #: revision of the oracles' values, part of the study's truth-cache key: bump it when a change alters them
    #: (2: UCT values a move that leaves the opponent a five at exactly 0; 3: UCT and the truth value a move
    #: that leaves the mover two five points, the opponent none, at exactly 1; 4: the truth proves VCF wins)
    version = 4
    conformance_kwargs = [
        {"estimator": "uct", "exact_five": True, "mode": "move", "task": "tactics", "rollouts": 32},
        {"estimator": "flat", "task": "block4", "rollouts": 16, "format_reward": 0.0},
        {"mode": "game", "opponent": "random", "model_color": "white", "rollouts": 16},
        {"estimator": "flat", "rollout_policy": "tactical", "exact_five": True, "rollouts": 16},
        {"mode": "game", "estimator": "uct", "opponent": "mcts", "opponent_rollouts": 32, "rollouts": 16,
         "exact_five": True},
    ]

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
        opening_stones: tuple[int, int] | None = None,
        engine_command: str | Sequence[str] | None = None,
        think_ms: int | None = None,
        engine_options: dict | None = None,
        engine_workers: int | None = None,
        rollout_policy: str = "uniform",
        truth_vct: bool = False,
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
            raise ValueError(f"task={task!r} applies to mode='move'; games start from short openings (pin "
                             "another start with reset(options={'state': ...} or {'task_id': 'win1/3'}))")
        if self.task == "open3" and self.size < tactics.OPEN3_MIN_SIZE:
            raise ValueError(f"task='open3' needs a board of at least {tactics.OPEN3_MIN_SIZE}x"
                             f"{tactics.OPEN3_MIN_SIZE} (an open four spans six points); use a larger size")
        self._kinds = tuple(k for k in TACTIC_KINDS if k != "open3" or self.size >= tactics.OPEN3_MIN_SIZE)
        self.opponent = _choice("opponent", opponent, OPPONENTS, "use 'mcts' (UCT search) or 'random'")
        self.model_color = _choice("model_color", model_color, COLORS, "use 'black' or 'white'")
        self.rollout_policy = _choice("rollout_policy", rollout_policy, ROLLOUT_POLICIES,
                                      "use 'uniform' (random playouts) or 'tactical' (complete a five, else block "
                                      "one, else random)")
        if self.rollout_policy != "uniform" and estimator == "engine":
            raise ValueError(f"rollout_policy={rollout_policy!r} applies to estimator='flat' or 'uct' (an engine "
                             "does no playouts); drop it or pick one of those estimators")
        for name, val in (("truth_rollouts", truth_rollouts), ("opponent_rollouts", opponent_rollouts)):
            if not _is_int(val) or not 1 <= val <= oracle.MAX_ROLLOUTS:
                raise ValueError(f"{name}={val!r} must be an integer in 1..{oracle.MAX_ROLLOUTS} (2**24)")
        self.truth_rollouts = int(truth_rollouts)
        if not isinstance(truth_vct, (bool, np.bool_)):
            raise ValueError(f"truth_vct={truth_vct!r} must be True or False (True: the truth also proves by a "
                             f"VCT of {solver.DEFAULT_VCT_DEPTH} threats, several hundred times slower per move)")
        self.truth_vct = bool(truth_vct)
        self.opponent_rollouts = int(opponent_rollouts)
        self.stones = self._check_stones(stones)
        self.opening_stones = self._check_opening(opening_stones)
        self.engine_command = engine_command
        self.engine_options = dict(engine_options or {})
        self.engine_workers = engine_workers
        self._truth_oracles: dict[str, Any] = {}
        self._potential = START_POTENTIAL
        self._last_scored: list[Scored] = []
        if self.estimator == "engine":
            if not engine_command:
                raise ValueError("estimator='engine' needs engine_command=, the command line of a Gomocup "
                                 "engine (e.g. engine_command='pbrain-rapfi' or "
                                 "engine_command='python -m envs.gomoku.pbrain')")
            self._oracle = self._engine_oracle(engine_command, self.engine_options, engine_workers)
            self.max_budget = self._oracle.max_budget
            self._set_budget(DEFAULT_THINK_MS if think_ms is None else think_ms, "think_ms")
        else:
            given = [name for name, val in (("engine_command", engine_command), ("think_ms", think_ms),
                                            ("engine_options", engine_options),
                                            ("engine_workers", engine_workers)) if val is not None]
            if given:
                raise ValueError(f"{', '.join(given)} only apply to estimator='engine' (this env uses "
                                 f"estimator={self.estimator!r}, whose budget is rollouts=); pass "
                                 "estimator='engine' or drop them")
            self._oracle = (oracle.FlatOracle(self.exact5, rollout_policy=self.rollout_policy)
                            if self.estimator == "flat"
                            else oracle.UCTOracle(self.exact5, rollout_policy=self.rollout_policy))
            self._set_budget(rollouts)
        center = (self.size // 2) * self.size + self.size // 2
        self.answer_example = f"<answer>{point_name(center, self.size)}</answer>"

    @classmethod
    def budget_name_for(cls, kwargs: dict) -> str:
        """``"think_ms"`` with ``estimator="engine"``, else ``"rollouts"``."""
        return "think_ms" if kwargs.get("estimator") == "engine" else "rollouts"

    def _engine_oracle(self, command: Any, options: dict, workers: int | None):
        from .engine import EngineOracle, GomocupEngine

        accepted = set(inspect.signature(GomocupEngine).parameters) - {"command", "think_ms", "exact5"}
        unknown = sorted(set(options) - accepted)
        if unknown:
            raise ValueError(f"engine_options has unknown keys {unknown}; accepted: {sorted(accepted)}")
        return EngineOracle(command, exact5=self.exact5, workers=workers, options=options)

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

    def _check_opening(self, opening: Any) -> tuple[int, ...]:
        """The stone counts a game may start from (those of the model's colour's parity in the range)."""
        cap = self.size * self.size // 4
        if opening is None:
            opening = (0, 4)
        if isinstance(opening, str):
            parts = opening.replace("(", "").replace(")", "").split(",")
            if len(parts) == 2 and all(p.strip().isdigit() for p in parts):
                opening = (int(parts[0]), int(parts[1]))
        parity = 0 if self.model_color == "black" else 1
        ok = (isinstance(opening, (tuple, list)) and len(opening) == 2 and all(_is_int(s) for s in opening)
              and 0 <= opening[0] <= opening[1] <= cap)
        counts = tuple(n for n in range(int(opening[0]), int(opening[1]) + 1) if n % 2 == parity) if ok else ()
        if not counts:
            raise ValueError(f"opening_stones={opening!r} must be a pair (low, high) of integers with 0 <= low <= "
                             f"high <= {cap} that holds a {'even' if parity == 0 else 'odd'} count (the model "
                             f"plays {self.model_color}), e.g. (0, 4)")
        return counts

    # ------------------------------------------------------------------------------ states
    def _sample_state(self, rng: np.random.Generator) -> GomokuState:
        if self.mode == "game":
            n = self.opening_stones[int(rng.integers(len(self.opening_stones)))]
            moves = positions.selfplay_moves(self.size, n, int(rng.integers(2**31)), noise=OPENING_NOISE,
                                             exact5=self.exact5)
            return GomokuState(self.size, tuple(int(m) for m in moves), self.exact5)
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
        if kind == "vcf":
            pos = tactics.generate_vcf(self.size, seed, exact5=self.exact5)
        else:
            pos = tactics.generate(kind, self.size, seed, exact5=self.exact5)
        return GomokuState(self.size, pos.moves, self.exact5, pos.kind, pos.correct)

    def _state_for_task(self, task_id: Any) -> GomokuState:
        if _is_int(task_id) and task_id >= 0:
            return self._sample_state(np.random.default_rng(int(task_id)))
        if isinstance(task_id, str):
            kind, slash, seed = task_id.strip().partition("/")
            if slash and kind in ("midgame",) + STATE_KINDS and seed.isdigit():
                return self._make_task(kind, int(seed))
        raise ValueError(f"task_id={task_id!r} is not a Gomoku task id; use '<kind>/<seed>' with kind one of "
                         f"{('midgame',) + STATE_KINDS} (e.g. 'win1/17') or an integer seed >= 0")

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
        outcome = state.result()
        if outcome:
            result = f"Game over: {'X (black)' if outcome == rules.BLACK else 'O (white)'} has five in a row."
        elif outcome == 0:
            result = "Game over: the board is full, a draw."
        return render_position(state.board, state.to_move, state.last_move, self.exact5, self.answer_example,
                               result)

    def legal_actions(self, state: GomokuState) -> list[str]:
        if state.is_terminal:
            return []
        return [point_name(m, self.size) for m in state.empty_points()]

    def parse_action(self, answer: str, state: GomokuState) -> str | None:
        return parse_point(answer)

    def is_legal(self, state: GomokuState, action: str) -> bool:
        idx = point_index(action, self.size)
        return idx is not None and state.board.flat[idx] == rules.EMPTY and not state.is_terminal

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
    def _estimate_batch(self, states: Sequence[GomokuState], actions: Sequence[str], budget: int,
                        seeds: np.ndarray) -> list[Estimate | OracleFailure]:
        moves = [point_index(a, self.size) for a in actions]
        return self._oracle.estimate(list(states), moves, int(budget), seeds)

    def samples(self, state: Any, action: str, budget: int, seed: int) -> np.ndarray | None:
        """The flat oracle's per-playout values (1 win, 0.5 draw, 0 loss) behind one estimate; None for UCT
        and the engine, which are not sample means."""
        if not isinstance(self._oracle, oracle.FlatOracle):
            return None
        state = self._as_state(state)
        if not self.is_legal(state, action):
            raise ValueError(f"action {action!r} is not legal in the given state; samples() takes legal actions")
        return self._oracle.samples(state, point_index(action, self.size), self._check_budget(budget), int(seed))

    def _truth_oracle(self, source: str | None):
        """``(oracle, budget, label)`` of a truth source (see :meth:`_truth_batch`)."""
        if source is None:
            name = "uct" if self.estimator == "engine" else self.estimator
            source = f"{name}:{self.truth_rollouts}"
        if not isinstance(source, str):
            raise ValueError(f"source={source!r} must be a string such as 'uct:65536' or "
                             "'engine:pbrain-rapfi@1000' (or None for the default truth)")
        cached = self._truth_oracles.get(source)
        if cached is not None:
            return cached
        kind, _, arg = source.partition(":")
        kind = kind.strip().lower()
        fix = "use 'uct:<rollouts>', 'flat:<rollouts>' or 'engine:<command>@<think_ms>'"
        if kind in ("uct", "flat"):
            budget = arg.strip()
            if not budget.isdigit() or not 1 <= int(budget) <= oracle.MAX_ROLLOUTS:
                raise ValueError(f"truth source {source!r}: the budget must be an integer in "
                                 f"1..{oracle.MAX_ROLLOUTS}; {fix}")
            orc = oracle.UCTOracle(self.exact5) if kind == "uct" else oracle.FlatOracle(self.exact5)
            out = (orc, int(budget), f"{kind}:{int(budget)}")
        elif kind == "engine":
            command, at, ms = arg.rpartition("@")
            if not at or not command.strip() or not ms.strip().isdigit():
                raise ValueError(f"truth source {source!r} names no engine and thinking time; {fix}, e.g. "
                                 "'engine:pbrain-rapfi@1000'")
            from .engine import MAX_THINK_MS

            if not 1 <= int(ms) <= MAX_THINK_MS:
                raise ValueError(f"truth source {source!r}: think_ms must be in 1..{MAX_THINK_MS}")
            orc = self._engine_oracle(command.strip(), dict(self.engine_options), self.engine_workers)
            out = (orc, int(ms), f"engine:{command.strip()}@{int(ms)}")
        else:
            raise ValueError(f"truth source {source!r} is not known; {fix}")
        self._truth_oracles[source] = out
        return out

    def _truth_batch(self, states: Sequence[GomokuState], actions: Sequence[str], source: str | None = None
                     ) -> list[Estimate | OracleFailure]:
        """The truth of each pair: the proof where one exists (exact: one ply, else the threat-space solver of
        :mod:`envs.gomoku.solver`), else the source's oracle.

        ``source``: None (the env's estimator at ``truth_rollouts``; UCT for the engine estimator),
        ``"uct:<rollouts>"``, ``"flat:<rollouts>"`` or ``"engine:<command>@<think_ms>"``. Every value's
        ``info["truth"]`` names what gave it (``"proof"`` for one ply, ``"vcf"`` for the solver, ``"vct"`` for it
        with ``truth_vct=True``, or the source). Seeds depend on the pair only, far
        from the estimates' ``seed + i``.
        """
        orc, budget, label = self._truth_oracle(source)
        if not states:
            return []
        moves = [point_index(a, self.size) for a in actions]
        boards = np.stack([s.board for s in states])
        to_move = [s.to_move for s in states]
        shallow = oracle.proven_values(boards, to_move, moves, self.exact5)
        proven = solver.proven_values(boards, to_move, moves, self.exact5,
                                      vct_depth=solver.DEFAULT_VCT_DEPTH if self.truth_vct else 0)
        deep = "vct" if self.truth_vct else "vcf"
        out: list[Estimate | OracleFailure | None] = []
        todo: list[int] = []
        for i, (v, v1) in enumerate(zip(proven, shallow)):
            if np.isnan(v):
                out.append(None)
                todo.append(i)
            else:
                out.append(Estimate(float(v), 0.0, 0, True, info={"truth": "proof" if v1 == v else deep}))
        if todo:
            seeds = np.array([TRUTH_SEED_BASE + zlib.crc32(f"{encode_state(states[i])}|{actions[i]}".encode())
                              for i in todo], dtype=np.int64)
            ests = orc.estimate([states[i] for i in todo], [moves[i] for i in todo], budget, seeds)
            for i, est in zip(todo, ests):
                if isinstance(est, Estimate):
                    est = Estimate(est.value, est.stderr, est.budget, est.exact, info={**est.info, "truth": label})
                out[i] = est
        return out  # type: ignore[return-value]

    def _score(self, states: Sequence[GomokuState], completions: Sequence[Any], budget: int,
               seeds: np.ndarray) -> list[Scored]:
        """The base scoring, plus ``info["correct"]`` for the legal answers in tactical states."""
        out = super()._score(states, completions, budget, seeds)
        for state, scored in zip(states, out):
            if state.kind is not None and scored.legal:
                scored.info["correct"] = point_index(scored.action, self.size) in state.correct
        self._last_scored = out
        return out

    # ------------------------------------------------------------------------------ game mode
    def reset(self, *, seed: int | None = None, options: dict | None = None):
        self._potential = START_POTENTIAL
        return super().reset(seed=seed, options=options)

    def step(self, action: Any):
        obs, reward, terminated, truncated, info = super().step(action)
        if self.mode == "game" and terminated and not (info.get("format_ok") and info.get("legal")):
            # an invalid answer that ends the game is scored as a loss: its penalty, minus the potential
            reward -= self._potential
            info["outcome"] = "invalid"
        return obs, reward, terminated, truncated, info

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
        scored = self._last_scored[0] if len(self._last_scored) == 1 else None
        after = state.play(point_index(action, self.size))
        over = self._game_over(after, model)
        if over is None:
            reply = self._opponent_move(after, rng)
            over = self._game_over(after.play(reply), model) or {}
            over["opponent_action"] = point_name(reply, self.size)
            after = after.play(reply)
        terminated = "outcome" in over
        got = 0.0 if scored is None else float(scored.reward)
        if terminated:
            result = {"win": 1.0, "draw": 0.5, "loss": 0.0}[over["outcome"]]
            want = self.format_reward + result - self._potential
            self._potential = 0.0
        elif scored is not None and scored.estimate is not None:
            want = scored.estimate.value - self._potential
            self._potential = scored.estimate.value
        else:  # the oracle failed on this move: its oracle_error_reward, and the potential stays
            want = got
        over["reward_delta"] = want - got
        return after, terminated, over

    def _game_over(self, state: GomokuState, model: int) -> dict | None:
        result = state.result()
        if result is None:
            return None
        if result == 0:
            return {"outcome": "draw", "winner": "draw"}
        return {"outcome": "win" if result == model else "loss",
                "winner": "black" if result == rules.BLACK else "white"}

    def close(self) -> None:
        for orc in [self._oracle] + [t[0] for t in self._truth_oracles.values()]:
            try:
                orc.close()
            except Exception:  # noqa: BLE001 - closing is best effort
                pass
        self._truth_oracles.clear()
        super().close()
