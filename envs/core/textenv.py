"""The text-environment base class every rewarddial environment derives from.

A subclass supplies the rules through a handful of hooks (sample a state, serialise it, render it as a
prompt, parse an answer, estimate the value of actions in a batch); the base class owns everything that
must behave the same in every environment:

* ``gymnasium.spaces.Text`` observation and action spaces over one declared charset;
* ``reset(seed=..., options={"state": ...} | {"task_id": ...})`` and the ``info`` keys of the contract
  (``state``, ``legal_actions``, ``messages``);
* answer extraction, the format / illegal / value reward terms, and the invalid-output policy
  (``"penalty"`` by default, or ``"retry"`` with feedback);
* the batch API that trainers and the study runner use: :meth:`TextEnv.score_completions`,
  :meth:`TextEnv.estimate`, :meth:`TextEnv.truth`, :meth:`TextEnv.sample_states`,
  :meth:`TextEnv.candidate_actions`.

The reward of one step is the sum of two terms::

    malformed answer         format_penalty                      (default -0.1)
    well-formed, illegal     format_reward + illegal_reward      (default 0.1 - 1.0 = -0.9)
    well-formed, legal       format_reward + estimate.value      (default 0.1 + value)
"""
from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any, ClassVar, Sequence

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from .answer import completion_text, extract_answer
from .estimate import Estimate

__all__ = ["CHARSET", "INVALID_POLICIES", "Scored", "TextEnv"]

# Every glyph an observation or action may contain. ASCII printable text plus the few non-ASCII glyphs the
# environments print (Chinese card names of Dou Dizhu, suit symbols, box drawing). Declared once, so every
# env's Text spaces agree and check_env's random strings can be any of them.
CHARSET: str = (
    string.ascii_letters
    + string.digits
    + string.punctuation
    + " \n\t"
    + "大小王炸弹顺子连对飞机三带一二单地主农民♠♥♣♦·—–…×→←↑↓│─┼┌┐└┘├┤┬┴"
)
OBS_MAX_LENGTH = 16384
ACTION_MAX_LENGTH = 16384
INVALID_POLICIES = ("penalty", "retry")


@dataclass
class Scored:
    """The scoring of one completion against one state (what :meth:`TextEnv.score_completions` returns)."""

    reward: float
    format_ok: bool
    action: str | None
    legal: bool
    estimate: Estimate | None
    info: dict = field(default_factory=dict)

    def to_info(self) -> dict:
        out = {
            "format_ok": self.format_ok,
            "action": self.action,
            "legal": self.legal,
            "estimate": None if self.estimate is None else self.estimate.to_dict(),
        }
        out.update(self.info)
        return out


class TextEnv(gym.Env):
    """Base class of rewarddial's text environments (see the module docstring for the contract).

    Subclasses set :attr:`budget_name` (``"rollouts"``, ``"tests"``, ``"resolution"``), store the budget in
    ``self.budget`` and implement the hooks marked *hook* below. Multi-step environments also override
    :meth:`_transition`.

    Arguments (shared by every environment):
        invalid_policy: ``"penalty"`` (default) ends the episode on a malformed or illegal answer with its
            penalty; ``"retry"`` gives the same penalty but returns feedback as the next observation and lets
            the model answer again, up to ``max_retries`` times per decision.
        max_retries: retries allowed per decision under ``"retry"``.
        format_reward: added to every well-formed answer.
        format_penalty: the whole reward of a malformed answer.
        illegal_reward: added to a well-formed answer whose action is not legal.
        answer_tag: the tag whose last occurrence holds the answer (``<answer>...</answer>``).
    """

    metadata: ClassVar[dict] = {"render_modes": ["ansi"], "render_fps": 4}
    budget_name: ClassVar[str] = "budget"
    #: the answer format shown to the model and in feedback, e.g. ``"<answer>H8</answer>"``
    answer_example: ClassVar[str] = "<answer>...</answer>"

    def __init__(
        self,
        *,
        invalid_policy: str = "penalty",
        max_retries: int = 2,
        format_reward: float = 0.1,
        format_penalty: float = -0.1,
        illegal_reward: float = -1.0,
        answer_tag: str = "answer",
        render_mode: str | None = None,
    ) -> None:
        if invalid_policy not in INVALID_POLICIES:
            raise ValueError(
                f"invalid_policy={invalid_policy!r} is not one of {INVALID_POLICIES}; "
                "use 'penalty' (end the episode) or 'retry' (feedback and another try)"
            )
        if not isinstance(max_retries, (int, np.integer)) or max_retries < 0:
            raise ValueError(f"max_retries={max_retries!r} must be an integer >= 0")
        for name, val in (("format_reward", format_reward), ("format_penalty", format_penalty),
                          ("illegal_reward", illegal_reward)):
            if not np.isfinite(val):
                raise ValueError(f"{name}={val!r} must be a finite number")
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode={render_mode!r} is not supported; use None or 'ansi'")
        self.invalid_policy = invalid_policy
        self.max_retries = int(max_retries)
        self.format_reward = float(format_reward)
        self.format_penalty = float(format_penalty)
        self.illegal_reward = float(illegal_reward)
        self.answer_tag = answer_tag
        self.render_mode = render_mode
        self.observation_space = spaces.Text(max_length=OBS_MAX_LENGTH, min_length=0, charset=CHARSET)
        self.action_space = spaces.Text(max_length=ACTION_MAX_LENGTH, min_length=0, charset=CHARSET)
        self._state: Any = None
        self._prompt: str = ""
        self._retries = 0
        self._done = False

    # ------------------------------------------------------------------ hooks
    def _sample_state(self, rng: np.random.Generator) -> Any:
        """*hook*: a fresh task state drawn with ``rng``."""
        raise NotImplementedError

    def _state_for_task(self, task_id: Any) -> Any:
        """*hook*: the state named by ``options={"task_id": ...}``; environments without task ids refuse."""
        raise ValueError(f"{type(self).__name__} has no task ids (got task_id={task_id!r}); "
                         "pin a state with options={'state': info['state']} instead")

    def encode_state(self, state: Any) -> str:
        """*hook*: the state serialised as a string (``info["state"]``); :meth:`decode_state` inverts it."""
        raise NotImplementedError

    def decode_state(self, text: str) -> Any:
        """*hook*: the state from :meth:`encode_state`'s string; raises ``ValueError`` naming the problem."""
        raise NotImplementedError

    def system_prompt(self) -> str:
        """*hook*: the system turn of the chat (rules and the answer format)."""
        return f"Think briefly, then give your final answer as {self.answer_example}."

    def render_prompt(self, state: Any) -> str:
        """*hook*: the user turn for ``state``."""
        raise NotImplementedError

    def legal_actions(self, state: Any) -> list[str] | None:
        """*hook*: the legal actions as canonical strings, or None where they cannot be listed."""
        return None

    def parse_action(self, answer: str, state: Any) -> str | None:
        """*hook*: the canonical form of ``answer`` or None if it is not an action at all (a format error).

        A well-formed but illegal action must still be returned; :meth:`is_legal` judges it.
        """
        raise NotImplementedError

    def is_legal(self, state: Any, action: str) -> bool:
        """*hook*: whether the canonical ``action`` is legal in ``state``."""
        legal = self.legal_actions(state)
        return True if legal is None else action in legal

    def _estimate_batch(self, states: Sequence[Any], actions: Sequence[str], budget: int,
                        seeds: np.ndarray) -> list[Estimate]:
        """*hook*: the oracle's estimates for legal (state, action) pairs, one seed per pair.

        With the same seed, the samples of budget ``n`` must be a prefix of those of budget ``2n`` (common
        random numbers).
        """
        raise NotImplementedError

    def _truth_batch(self, states: Sequence[Any], actions: Sequence[str]) -> list[Estimate]:
        """*hook*: ground-truth values (``exact=True``) or a high-budget estimate (``exact=False``)."""
        raise NotImplementedError(f"{type(self).__name__} exposes no ground truth")

    def _transition(self, state: Any, action: str, rng: np.random.Generator) -> tuple[Any, bool, dict]:
        """*hook*: after a legal action, ``(next_state, terminated, extra_info)``.

        The default is a one-decision episode. Multi-step environments play the opponent's reply here.
        """
        return state, True, {}

    def feedback(self, scored: Scored) -> str:
        """*hook*: the observation after an invalid answer under ``invalid_policy="retry"``."""
        if not scored.format_ok:
            why = f"Your reply had no readable answer. Give it as {self.answer_example}."
        else:
            why = f"{scored.action} is not a legal action here. Choose a legal one, as {self.answer_example}."
        return why + "\n\n" + self._prompt

    # ----------------------------------------------------------- gymnasium API
    def reset(self, *, seed: int | None = None, options: dict | None = None):
        super().reset(seed=seed)
        options = options or {}
        if not isinstance(options, dict):
            raise TypeError(f"options must be a dict such as {{'state': info['state']}}, got {type(options).__name__}")
        unknown = set(options) - {"state", "task_id"}
        if unknown:
            raise ValueError(f"unknown reset options {sorted(unknown)}; accepted: 'state', 'task_id'")
        if "state" in options and options["state"] is not None:
            state = self._as_state(options["state"])
        elif "task_id" in options and options["task_id"] is not None:
            state = self._state_for_task(options["task_id"])
        else:
            state = self._sample_state(self.np_random)
        self._state = state
        self._retries = 0
        self._done = False
        self._prompt = self.render_prompt(state)
        return self._prompt, self._info(state)

    def step(self, action: Any):
        if self._state is None:
            raise gym.error.ResetNeeded("call reset() before step()")
        if self._done:
            raise gym.error.ResetNeeded("the episode has ended; call reset() before step()")
        state = self._state
        seed = int(self.np_random.integers(0, 2**31 - 1))
        scored = self._score([state], [action], self.budget, np.array([seed], dtype=np.int64))[0]
        info = scored.to_info()
        valid = scored.format_ok and scored.legal
        if valid:
            next_state, terminated, extra = self._transition(state, scored.action, self.np_random)
            info.update(extra)
            self._state = next_state
            self._retries = 0
            obs = self.render_prompt(next_state)
            self._prompt = obs
            if not terminated:
                info.update(self._info(next_state))
        elif self.invalid_policy == "retry" and self._retries < self.max_retries:
            self._retries += 1
            terminated = False
            obs = self.feedback(scored)
            info["retry"] = self._retries
        else:
            terminated = True
            obs = self._prompt
        self._done = terminated
        return obs, float(scored.reward), bool(terminated), False, info

    def render(self):
        if self.render_mode == "ansi":
            return self._prompt
        return None

    def _info(self, state: Any) -> dict:
        return {
            "state": self.encode_state(state),
            "legal_actions": self.legal_actions(state),
            "messages": self.messages(state),
        }

    # -------------------------------------------------- batch API (trainers, study)
    @property
    def state(self) -> Any:
        """The current state object (None before reset)."""
        return self._state

    def messages(self, state: Any) -> list[dict]:
        """The chat messages (system and user turns) for ``state``."""
        return [
            {"role": "system", "content": self.system_prompt()},
            {"role": "user", "content": self.render_prompt(state)},
        ]

    def _as_state(self, state: Any) -> Any:
        """A state object from a serialised state (``info["state"]``) or a state object."""
        if isinstance(state, str):
            return self.decode_state(state)
        try:
            self.encode_state(state)
        except Exception as exc:  # noqa: BLE001 - whatever it is, it is not one of this env's states
            raise ValueError(f"state {state!r} ({type(state).__name__}) is not a state of {type(self).__name__}; "
                             "pass the string from info['state'] (or a state object of this env)") from exc
        return state

    def _check_budget(self, budget: int | None) -> int:
        budget = self.budget if budget is None else budget
        if isinstance(budget, bool) or not isinstance(budget, (int, np.integer)) or budget < 1:
            raise ValueError(f"{self.budget_name}={budget!r} must be a positive integer")
        return int(budget)

    def _score(self, states: Sequence[Any], completions: Sequence[Any], budget: int,
               seeds: np.ndarray) -> list[Scored]:
        out: list[Scored] = []
        todo: list[int] = []
        for i, (state, completion) in enumerate(zip(states, completions)):
            action = None
            try:
                text = completion_text(completion)
                answer = extract_answer(text, self.answer_tag)
                if answer is None:
                    answer = self.fallback_answer(text)
                if answer is not None:
                    action = self.parse_action(answer, state)
            except Exception:  # noqa: BLE001 - a malformed completion is scored, never raised
                action = None
            if action is None:
                out.append(Scored(self.format_penalty, False, None, False, None))
            elif not self.is_legal(state, action):
                out.append(Scored(self.format_reward + self.illegal_reward, True, action, False, None))
            else:
                out.append(Scored(self.format_reward, True, action, True, None))
                todo.append(i)
        if todo:
            ests = self._estimate_batch([states[i] for i in todo], [out[i].action for i in todo], budget,
                                        np.asarray(seeds, dtype=np.int64)[todo])
            for i, est in zip(todo, ests):
                out[i].estimate = est
                out[i].reward = self.format_reward + est.value
        return out

    def fallback_answer(self, text: str) -> str | None:
        """*hook*: an answer read without the tag (None by default: the tag is required)."""
        return None

    def score_completions(self, states: Sequence[Any], completions: Sequence[Any], *, seed: int = 0,
                          budget: int | None = None) -> list[Scored]:
        """Score many completions at once, each against its own state (serialised or object).

        The oracle is called once for the whole batch, with per-item seeds ``seed + i``. This is what the
        trainer adapters call; it never raises on a malformed completion.
        """
        if len(states) != len(completions):
            raise ValueError(f"got {len(states)} states but {len(completions)} completions; pass one state "
                             "per completion")
        budget = self._check_budget(budget)
        objs = [self._as_state(s) for s in states]
        seeds = seed + np.arange(len(objs), dtype=np.int64)
        return self._score(objs, completions, budget, seeds)

    def sample_states(self, n: int, seed: int = 0) -> list[str]:
        """``n`` serialised states, state ``i`` drawn with seed ``seed + i``."""
        return [self.encode_state(self._sample_state(np.random.default_rng(seed + i))) for i in range(n)]

    def candidate_actions(self, state: Any) -> list[str]:
        """The actions a study compares in ``state`` (the legal actions by default)."""
        legal = self.legal_actions(self._as_state(state))
        if legal is None:
            raise NotImplementedError(f"{type(self).__name__} must override candidate_actions")
        return legal

    def estimate(self, queries: Sequence[tuple[Any, str]], *, budget: int | None = None,
                 seed: int = 0, seeds: Sequence[int] | None = None) -> list[Estimate]:
        """The oracle's estimates of legal ``(state, action)`` pairs at ``budget``.

        Query ``i`` is estimated with seed ``seed + i``, or with ``seeds[i]`` when ``seeds`` (one
        non-negative integer per query) is given.
        """
        budget = self._check_budget(budget)
        states = [self._as_state(s) for s, _ in queries]
        actions = [a for _, a in queries]
        for s, a in zip(states, actions):
            if not self.is_legal(s, a):
                raise ValueError(f"action {a!r} is not legal in the given state; estimate() takes legal actions")
        if seeds is None:
            per_query = seed + np.arange(len(states), dtype=np.int64)
        else:
            per_query = np.asarray(seeds)
            if per_query.shape != (len(states),) or (per_query.size and (per_query.dtype.kind not in "iu"
                                                                         or per_query.min() < 0)):
                raise ValueError(f"seeds must hold one non-negative integer per query ({len(states)}), got "
                                 f"{seeds!r}")
            per_query = per_query.astype(np.int64)
        return self._estimate_batch(states, actions, budget, per_query)

    def truth(self, queries: Sequence[tuple[Any, str]]) -> list[Estimate]:
        """Ground-truth values of legal ``(state, action)`` pairs (``exact`` says whether they are proven)."""
        states = [self._as_state(s) for s, _ in queries]
        return self._truth_batch(states, [a for _, a in queries])
