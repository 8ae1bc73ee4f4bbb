"""``DouDizhuEndgame-LLM-v0``: choose a play in a two-player Dou Dizhu endgame; the reward is its win-rate."""
from __future__ import annotations

import zlib
from functools import lru_cache
from typing import Any, ClassVar, Sequence

import numpy as np

from ..core import Estimate, OracleFailure, TextEnv
from . import endgames, oracle, solvers
from .moves import RULES, Play
from .state import DdzState, decode_state, encode_state
from .text import parse_play, render_position, rules_text

__all__ = ["DouDizhuEndgameEnv", "ESTIMATORS", "TRUTHS", "MODES", "OPPONENTS", "TASKS"]

ESTIMATORS = ("flat", "uct")
TRUTHS = ("minimax", "random")
MODES = ("move", "game")
OPPONENTS = ("random", "uct", "minimax")
TASKS = endgames.KINDS
MAX_HAND = 20
#: info["winning_plays"] / info["correct"] are given when the two hands hold at most this many cards
#: (minimax of such positions takes milliseconds; larger ones are left to truth())
WINNING_INFO_MAX_CARDS = 16
#: seeds of truths estimated where no solver reaches (far from the estimates' seed + i)
TRUTH_SEED_BASE = 1 << 40


def _is_int(x: Any) -> bool:
    return isinstance(x, (int, np.integer)) and not isinstance(x, (bool, np.bool_))


def _choice(name: str, value: Any, allowed: Sequence[str], fix: str) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"{name}={value!r} is not one of {tuple(allowed)}; {fix}")
    return value


def _check_sizes(hand_size: Any) -> tuple[int, int]:
    if isinstance(hand_size, str):  # "4,6" as the command line's --set hand_size=4,6 passes it
        parts = [p.strip() for p in hand_size.replace("(", "").replace(")", "").split(",")]
        if all(p.isdigit() for p in parts) and len(parts) in (1, 2):
            hand_size = tuple(int(p) for p in parts) if len(parts) == 2 else int(parts[0])
    if _is_int(hand_size):
        hand_size = (int(hand_size), int(hand_size))
    ok = (isinstance(hand_size, (tuple, list)) and len(hand_size) == 2 and all(_is_int(s) for s in hand_size)
          and all(1 <= s <= MAX_HAND for s in hand_size))
    if not ok:
        raise ValueError(f"hand_size={hand_size!r} must be an integer 1..{MAX_HAND} (both hands) or a pair "
                         f"(mover, opponent) of such integers, e.g. hand_size=5 or hand_size=(4, 6); the full "
                         "deal is (20, 17)")
    return int(hand_size[0]), int(hand_size[1])


class DouDizhuEndgameEnv(TextEnv):
    """Two-player Dou Dizhu endgames with both hands open, with the accuracy of the reward as a dial.

    The model sees both hands and the play to beat and answers with one play; the reward is the play's
    win-rate for the model, estimated by an oracle with a budget of ``rollouts``: flat Monte Carlo
    (``estimator="flat"``, the default: the fraction of ``rollouts`` games won when both sides then play
    uniformly random legal plays, the setting of the study behind this environment) or UCT search
    (``"uct"``: tends to the perfect-play value as the budget grows). With the same seed, the playouts of
    budget ``n`` are the first ``n`` of budget ``2n``. Two exact ground truths are available
    (:meth:`truth`): the minimax value (``truth="minimax"``, the default: 1 if the play wins against
    perfect defence, else 0) and the exact random-play win-rate (``truth="random"``, what flat rollouts
    estimate without bias). The rules, with the strict reading of the three points on which well-known
    implementations differ, are in :mod:`envs.doudizhu.moves`.

    ## Action Space
    ``Text`` over ``envs.core.CHARSET``: the whole completion. The answer is the last
    ``<answer>...</answer>`` (without a tag, a last line that is nothing but cards or a pass). A play is
    its cards in any order and spacing: ``10`` or ``T``, ``J Q K A 2``, ``X``/``B``/``BJ``/``小王`` for the
    black joker, ``D``/``R``/``RJ``/``大王`` for the red joker (``"3 3 3 5"``, ``"33353"``, ``"TJQKA"``,
    ``"BJ RJ"``), or ``pass`` / ``不要`` / ``过``. Cards that are not a legal play here (not in the hand, not a
    combination, not beating the play on the table) are an illegal play; text naming no cards is a
    format error.

    ## Observation Space
    ``Text``: both hands (rank names, lowest first; 10 as ``10`` and the jokers by name), the play to beat
    or a free lead, and the answer format. ``info`` carries ``state`` (e.g. ``"ddz:strict:33457:66QK2:A:-"``,
    see :mod:`envs.doudizhu.state`), ``legal_actions`` (canonical plays such as ``"3 3"``, ``"10 J Q K A"``,
    ``"Black Joker Red Joker"``, ``"pass"``) and ``messages``.

    ## Rewards
    * malformed answer: ``format_penalty`` = -0.1;
    * an illegal play: ``format_reward + illegal_reward`` = 0.1 - 1.0 = -0.9;
    * a legal play: ``format_reward + value`` = 0.1 + the oracle's win-rate in [0, 1]; a play that empties
      the hand is worth exactly 1. ``info["estimate"]`` holds ``{value, stderr, budget, exact}``; in
      positions with at most 16 cards in the two hands, ``info["winning_plays"]`` lists the plays that win
      under perfect play and ``info["correct"]`` says whether the answer is one of them.

    ``mode="game"`` shapes the rewards with a potential over the positions after the model's plays (the
    oracle's value of the model's last play): a step that does not end the game gives ``value_t -
    value_(t-1)`` (``value_(-1)`` = 0), and the last step gives ``format_reward + outcome - value_(T-1)``
    (outcome 1 for a win, 0 for a loss), or ``format_penalty - value_(T-1)`` for an invalid answer that ends
    the game. The values telescope: a finished game returns ``format_reward + outcome`` whatever its length
    (``format_penalty`` when it ends on an invalid answer), so no policy gains by prolonging a game (the
    format term is paid once, not per play), and the estimates' noise cancels out of it.

    ## Episode End
    ``mode="move"``: one decision; the episode ends after the first legal answer (or an invalid one under
    ``invalid_policy="penalty"``). ``mode="game"``: the model plays the position out against an opponent
    (``"random"``: uniformly random legal plays; ``"uct"``: the reply with the best UCT value of
    ``opponent_rollouts`` iterations shared among its replies; ``"minimax"``: a winning reply when there is
    one, else a random one); the opponent's reply is in ``info["opponent_action"]`` and the game ends when a
    hand is empty, with ``info["outcome"]`` = ``"win"`` / ``"loss"``.

    ## Arguments
    * ``hand_size=5``: cards per hand, or a pair ``(model, opponent)`` such as ``(4, 6)`` (each 1..20; the
      full deal is ``(20, 17)``). Positions are filtered with the exact solvers where they reach (minimax up
      to 24 cards in the two hands together, random play up to 16).
    * ``rollouts=256``: the oracle's budget (``budget_name="rollouts"``, at most ``max_budget`` = 2**20).
    * ``estimator="flat"`` | ``"uct"``; ``uct_c=0.7``: UCB1's exploration constant.
    * ``truth="minimax"`` | ``"random"``: the ground truth of :meth:`truth` and of the position filter.
      :meth:`truth` also takes ``source="minimax"`` / ``"random"`` to ask for the other one.
    * ``rules="strict"`` | ``"rocket_kickers"`` | ``"bomb_wings"`` | ``"loose"`` (see :mod:`envs.doudizhu.moves`).
    * ``task="deal"``: random deals where the plays' values differ; ``"single"``: the tactical set where
      only a line of single cards wins (every winning play is a solo, and the hand holds a combination).
    * ``max_winning=None``: the difficulty knob: keep only positions with at most this many winning plays
      under minimax (1 = a single winning play).
    * ``mode="move"`` | ``"game"``; ``opponent="random"`` | ``"uct"`` | ``"minimax"``;
      ``opponent_rollouts=1024``.
    * ``truth_rollouts=16384``: the budget of :meth:`truth` beyond the solvers' limits (UCT for minimax,
      flat for random play; ``exact=False``).
    * The :class:`~envs.core.TextEnv` arguments (``invalid_policy``, ``format_reward``, ``render_mode``, ...).

    Task ids, for ``reset(options={"task_id": ...})``: ``"deal/<seed>"`` or ``"single/<seed>"`` (e.g.
    ``"single/17"``: the same position for the same seed and arguments), or an integer ``k``: the state
    ``sample_states(1, seed=k)`` gives.

    ## Version History
    * v0: initial release.
    """

    budget_name: ClassVar[str] = "rollouts"
    max_budget: ClassVar[int] = 1 << 20
    answer_example: ClassVar[str] = "<answer>3 3</answer>"
    #: revision of the oracles' values, part of the study's truth-cache key
    version: ClassVar[int] = 1
    conformance_kwargs: ClassVar[list[dict]] = [
        {"estimator": "uct"},
        {"truth": "random"},
        {"mode": "game"},
        {"mode": "game", "opponent": "minimax", "estimator": "uct"},
        {"task": "single", "rules": "loose"},
        {"hand_size": (4, 6), "max_winning": 1},
    ]

    def __init__(
        self,
        hand_size: int | tuple[int, int] = 5,
        rollouts: int = 256,
        estimator: str = "flat",
        truth: str = "minimax",
        rules: str = "strict",
        task: str = "deal",
        max_winning: int | None = None,
        mode: str = "move",
        opponent: str = "random",
        opponent_rollouts: int = 1024,
        truth_rollouts: int = 16384,
        uct_c: float = oracle.DEFAULT_C,
        **kwargs: Any,
    ) -> None:
        self.sizes = _check_sizes(hand_size)
        self.estimator = _choice("estimator", estimator, ESTIMATORS, "use 'flat' (random rollouts) or 'uct'")
        self.truth_kind = _choice("truth", truth, TRUTHS, "use 'minimax' (perfect play) or 'random' (random play)")
        self.rules = _choice("rules", rules, tuple(RULES), "'strict' is the default")
        self.task = _choice("task", task, TASKS, "use 'deal' (random deals) or 'single' (the tactical set)")
        self.mode = _choice("mode", mode, MODES, "use 'move' (one decision) or 'game' (play it out)")
        self.opponent = _choice("opponent", opponent, OPPONENTS, "use 'random', 'uct' or 'minimax'")
        if max_winning is not None and (not _is_int(max_winning) or max_winning < 1):
            raise ValueError(f"max_winning={max_winning!r} must be None or a positive integer (1 keeps only "
                             "positions with a single winning play)")
        self.max_winning = None if max_winning is None else int(max_winning)
        total = sum(self.sizes)
        if (self.task == "single" or self.max_winning is not None) and total > solvers.MINIMAX_MAX_CARDS:
            raise ValueError(f"task={task!r} / max_winning={max_winning!r} need the minimax solver, which takes "
                             f"at most {solvers.MINIMAX_MAX_CARDS} cards in the two hands; hand_size="
                             f"{hand_size!r} deals {total}. Use smaller hands")
        if self.mode == "game" and self.opponent == "minimax" and total > solvers.MINIMAX_MAX_CARDS:
            raise ValueError(f"opponent='minimax' needs the minimax solver, which takes at most "
                             f"{solvers.MINIMAX_MAX_CARDS} cards in the two hands; use smaller hands or "
                             "opponent='uct'")
        for name, val in (("opponent_rollouts", opponent_rollouts), ("truth_rollouts", truth_rollouts)):
            if not _is_int(val) or not 1 <= val <= self.max_budget:
                raise ValueError(f"{name}={val!r} must be an integer in 1..{self.max_budget}")
        self.opponent_rollouts = int(opponent_rollouts)
        self.truth_rollouts = int(truth_rollouts)
        self.uct_c = oracle._check_c(uct_c)
        self._set_budget(rollouts)
        super().__init__(**kwargs)
        self._last_value = 0.0

    # ------------------------------------------------------------------------------ states
    def _make_task(self, kind: str, seed: int) -> DdzState:
        return endgames.generate(kind, seed, self.sizes, self.rules, self.truth_kind, self.max_winning)

    def _sample_state(self, rng: np.random.Generator) -> DdzState:
        self._last_value = 0.0
        return self._make_task(self.task, int(rng.integers(2**31)))

    def _state_for_task(self, task_id: Any) -> DdzState:
        if _is_int(task_id) and task_id >= 0:
            return self._sample_state(np.random.default_rng(int(task_id)))
        if isinstance(task_id, str):
            kind, slash, seed = task_id.strip().partition("/")
            if slash and kind in TASKS and seed.isdigit():
                self._last_value = 0.0
                return self._make_task(kind, int(seed))
        raise ValueError(f"task_id={task_id!r} is not a Dou Dizhu task id; use '<kind>/<seed>' with kind one of "
                         f"{TASKS} (e.g. 'single/17') or an integer seed >= 0")

    def reset(self, *, seed: int | None = None, options: dict | None = None):
        self._last_value = 0.0
        return super().reset(seed=seed, options=options)

    def encode_state(self, state: DdzState) -> str:
        if not isinstance(state, DdzState):
            raise ValueError(f"not a Dou Dizhu state: {state!r:.100}")
        return encode_state(state)

    def decode_state(self, text: str) -> DdzState:
        state = decode_state(text)
        if state.rules != self.rules:
            raise ValueError(f"state {text!r} uses rules {state.rules!r} but this env plays {self.rules!r}; make "
                             f"the env with rules={state.rules!r}")
        return state

    # -------------------------------------------------------------------------------- text
    def system_prompt(self) -> str:
        return (rules_text(self.rules) + "\nThink briefly, then give your play as " + self.answer_example
                + " (the cards, lowest first; 10 as 10, the jokers as Black Joker / Red Joker), or "
                  "<answer>pass</answer> when you do not beat the play on the table.")

    def render_prompt(self, state: DdzState) -> str:
        won = state.winner()
        result = None
        if won is not None:
            result = "Game over: " + ("you have played all your cards and win." if won != state.to_move
                                      else "your opponent has played all their cards; you lose.")
        return render_position(state, self.answer_example, result)

    def legal_actions(self, state: DdzState) -> list[str]:
        if state.winner() is not None:
            return []
        return [p.text for p in state.legal()]

    def parse_action(self, answer: str, state: DdzState) -> str | None:
        return parse_play(answer)

    def is_legal(self, state: DdzState, action: str) -> bool:
        return state.winner() is None and action in state.legal_by_text()

    def fallback_answer(self, text: str) -> str | None:
        """Without an answer tag, a last non-empty line that is nothing but cards or a pass."""
        lines = [ln for ln in text[-2000:].splitlines() if ln.strip()]
        if lines and parse_play(lines[-1]) is not None:
            return lines[-1]
        return None

    # ------------------------------------------------------------------------------ oracle
    def _plays(self, states: Sequence[DdzState], actions: Sequence[str]) -> list[Play]:
        return [s.legal_by_text()[a] for s, a in zip(states, actions)]

    def _estimate_batch(self, states: Sequence[DdzState], actions: Sequence[str], budget: int,
                        seeds: np.ndarray) -> list[Estimate | OracleFailure]:
        if not states:
            return []
        plays = self._plays(states, actions)
        values, stderrs, _ = oracle.batch_values(list(states), plays, int(budget), np.asarray(seeds, np.int64),
                                                 self.estimator == "uct", self.uct_c)
        out = []
        for s, p, v, e in zip(states, plays, values, stderrs):
            exact = sum(s.mover_hand) == p.n_cards
            info = {}
            if sum(s.hands[0]) + sum(s.hands[1]) <= WINNING_INFO_MAX_CARDS:
                wins = _winning_plays(encode_state(s))
                info = {"winning_plays": list(wins), "correct": p.text in wins}
            out.append(Estimate(float(v), 0.0 if exact else float(e), int(budget), bool(exact), info=info))
        return out

    def samples(self, state: Any, action: str, budget: int, seed: int) -> np.ndarray | None:
        """The per-playout results behind the flat estimate (None for UCT, which is not a sample mean)."""
        if self.estimator != "flat":
            return None
        s = self._as_state(state)
        if not self.is_legal(s, action):
            raise ValueError(f"action {action!r} is not legal in the given state")
        return oracle.flat_samples(s, s.legal_by_text()[action], self._check_budget(budget), int(seed))

    def _truth_batch(self, states: Sequence[DdzState], actions: Sequence[str], source: str | None = None
                     ) -> list[Estimate | OracleFailure]:
        kind = self.truth_kind if source is None else source
        if kind not in TRUTHS:
            raise ValueError(f"source={source!r} is not one of {TRUTHS} (or None for truth={self.truth_kind!r})")
        perfect = kind == "minimax"
        out: list[Estimate | OracleFailure | None] = [None] * len(states)
        groups: dict[str, list[int]] = {}
        for i, s in enumerate(states):
            groups.setdefault(encode_state(s), []).append(i)
        far: list[int] = []
        for text, idx in groups.items():
            s = states[idx[0]]
            if not solvers.solvable(s, perfect):
                far += idx
                continue
            plays = self._plays([s] * len(idx), [actions[i] for i in idx])
            values, _, _ = solvers.solve(s, plays, perfect=perfect)
            for i, v in zip(idx, values):
                out[i] = Estimate(float(v), 0.0, 0, True)
        if far:
            seeds = np.array([TRUTH_SEED_BASE + zlib.crc32(f"{encode_state(states[i])}|{actions[i]}".encode())
                              for i in far], dtype=np.int64)
            plays = self._plays([states[i] for i in far], [actions[i] for i in far])
            values, stderrs, _ = oracle.batch_values([states[i] for i in far], plays, self.truth_rollouts, seeds,
                                                     perfect, self.uct_c)
            for i, v, e in zip(far, values, stderrs):
                out[i] = Estimate(float(v), float(e), self.truth_rollouts, False)
        return out  # type: ignore[return-value]

    # ------------------------------------------------------------------------------ game mode
    def _opponent_play(self, state: DdzState, rng: np.random.Generator) -> Play:
        plays = state.legal()
        if len(plays) == 1:
            return plays[0]
        if self.opponent == "random":
            return plays[int(rng.integers(len(plays)))]
        if self.opponent == "minimax":
            values, _, _ = solvers.solve(state, plays, perfect=True)
            wins = [p for p, v in zip(plays, values) if v == 1.0]
            if wins:
                return wins[0]
            return plays[int(rng.integers(len(plays)))]
        per = max(16, self.opponent_rollouts // len(plays))
        seed = int(rng.integers(2**31))
        values, _, _ = oracle.batch_values([state] * len(plays), plays, per,
                                           seed + np.arange(len(plays), dtype=np.int64), True, self.uct_c)
        return plays[int(np.argmax(values))]

    def _transition(self, state: DdzState, action: str, rng: np.random.Generator) -> tuple[Any, bool, dict]:
        if self.mode == "move":
            return state, True, {}
        after = state.play(state.legal_by_text()[action])
        if after.winner() is not None:
            return after, True, {"outcome": "win"}
        reply = self._opponent_play(after, rng)
        after = after.play(reply)
        extra: dict = {"opponent_action": reply.text}
        if after.winner() is not None:
            extra["outcome"] = "loss"
            return after, True, extra
        return after, False, extra

    def step(self, action: Any):
        """The base step, plus game mode's shaping (see Rewards): ``- value_(t-1)`` on every step, no format
        term before the last step, and ``outcome - value_T`` when the game ends."""
        obs, reward, terminated, truncated, info = super().step(action)
        if self.mode == "game":
            est = info.get("estimate")
            value = float(est["value"]) if est else 0.0
            reward -= self._last_value
            if terminated:
                outcome = 1.0 if info.get("outcome") == "win" else 0.0
                reward += outcome - (value if info.get("legal") and est else 0.0)
                if not (info.get("format_ok") and info.get("legal")) and "outcome" not in info:
                    info["outcome"] = "loss"
                self._last_value = 0.0
            elif info.get("format_ok") and info.get("legal"):
                if est:  # the format term is paid once, on the last step
                    reward -= self.format_reward
                self._last_value = value
            else:  # a retry: the potential stays where it was, and this step does not pay it back
                reward += self._last_value
        return obs, float(reward), terminated, truncated, info


@lru_cache(maxsize=4096)
def _winning_plays(state_text: str) -> tuple[str, ...]:
    state = decode_state(state_text)
    plays = state.legal()
    values, _, _ = solvers.solve(state, plays, perfect=True)
    return tuple(p.text for p, v in zip(plays, values) if v == 1.0)
