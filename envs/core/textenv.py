"""The text-environment base class every rewarddial environment derives from.

A subclass supplies the rules through a handful of hooks (sample a state, serialise it, render it as a
prompt, parse an answer, estimate the value of actions in a batch); the base class owns everything that
must behave the same in every environment:

* ``gymnasium.spaces.Text`` observation and action spaces over a declared charset and maximum lengths
  (class attributes :attr:`TextEnv.charset`, :attr:`TextEnv.max_observation_length`,
  :attr:`TextEnv.max_action_length`);
* the oracle budget as instance state (:attr:`TextEnv.budget`, :attr:`TextEnv.budget_name`), bounded by
  :attr:`TextEnv.max_budget`;
* ``reset(seed=..., options={"state": ...} | {"task_id": ...})`` and the ``info`` keys of the contract
  (``state``, ``legal_actions``, ``messages``);
* answer extraction, the format / illegal / value reward terms, the one reward hook
  (:meth:`TextEnv.reward_from_estimate`), per-item oracle failures, and the invalid-output policy
  (``"penalty"`` by default, or ``"retry"`` with feedback);
* the batch API that trainers and the study runner use: :meth:`TextEnv.score_completions`,
  :meth:`TextEnv.estimate`, :meth:`TextEnv.truth`, :meth:`TextEnv.sample_states`,
  :meth:`TextEnv.candidate_actions`, :meth:`TextEnv.candidate_completions`.

The reward of one step::

    malformed answer                 format_penalty                          (default -0.1)
    well-formed, illegal             format_reward + illegal_reward          (default 0.1 - 1.0 = -0.9)
    well-formed, legal               reward_from_estimate(estimate, state)   (default 0.1 + value)
    well-formed, legal, oracle fails oracle_error_reward                     (default 0.0), info["oracle_error"]
"""
from __future__ import annotations

import inspect
import math
import numbers
import re
import string
from dataclasses import dataclass, field
from typing import Any, ClassVar, Sequence

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from .answer import completion_text, extract_answer
from .estimate import Estimate, OracleFailure

__all__ = ["CHARSET", "INVALID_POLICIES", "MAX_REWARD_TERM", "Scored", "TextEnv"]

# The shared set of glyphs an observation or action may contain: ASCII printable text, the Chinese card
# names and words of Dou Dizhu, suit symbols, box drawing, and the math and Latin glyphs that problem
# statements use. A family declares its own set (class attribute ``charset``) where it needs more, and an
# instance may widen it for a loaded data set (:meth:`TextEnv._make_spaces`).
CHARSET: str = (
    string.ascii_letters
    + string.digits
    + string.punctuation
    + " \n\t"
    + "大小王炸弹顺子连对飞机三带一二单地主农民不要过♠♥♣♦·—–…×→←↑↓│─┼┌┐└┘├┤┬┴"
    + "≤≥≠≈±÷√∞∑∏∈∉⊆∪∩¬∧∨⌊⌋⌈⌉°²³¹½¼¾µπΣΔΩαβγδεθλμσφω‘’“”«»•"
    + "àáâäãåæçèéêëìíîïñòóôöõøùúûüýÿßÀÁÂÄÃÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÖÕØÙÚÛÜÝ"
)
OBS_MAX_LENGTH = 16384
ACTION_MAX_LENGTH = 16384
INVALID_POLICIES = ("penalty", "retry")
#: the largest magnitude of a reward term (format_reward, format_penalty, illegal_reward, oracle_error_reward)
MAX_REWARD_TERM = 1e6
_TAG_RE = re.compile(r"[A-Za-z0-9_-]+")


@dataclass
class Scored:
    """The scoring of one completion against one state (what :meth:`TextEnv.score_completions` returns).

    ``oracle_error`` is the reason when the oracle failed on this item (then ``estimate`` is None and the
    reward is the env's ``oracle_error_reward``).
    """

    reward: float
    format_ok: bool
    action: str | None
    legal: bool
    estimate: Estimate | None
    info: dict = field(default_factory=dict)
    oracle_error: str | None = None

    def to_info(self) -> dict:
        out = {
            "format_ok": self.format_ok,
            "action": self.action,
            "legal": self.legal,
            "estimate": None if self.estimate is None else self.estimate.to_dict(),
        }
        if self.oracle_error is not None:
            out["oracle_error"] = self.oracle_error
        out.update(self.info)
        return out


def _is_int(x: Any) -> bool:
    return isinstance(x, (int, np.integer)) and not isinstance(x, (bool, np.bool_))


def _reward_term(name: str, value: Any) -> float:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name}={value!r} must be a real number (e.g. {name}=0.1), got "
                         f"{type(value).__name__}")
    value = float(value)
    if not math.isfinite(value) or abs(value) > MAX_REWARD_TERM:
        raise ValueError(f"{name}={value!r} must be finite and at most {MAX_REWARD_TERM:g} in magnitude, so "
                         "that every reward stays finite")
    return value


class TextEnv(gym.Env):
    """Base class of rewarddial's text environments (see the module docstring for the contract).

    Subclasses set :attr:`budget_name` and :attr:`max_budget`, call :meth:`_set_budget` in ``__init__`` and
    implement the hooks marked *hook* below. Multi-step environments also override :meth:`_transition`.

    Arguments (shared by every environment):
        invalid_policy: ``"penalty"`` (default) ends the episode on a malformed or illegal answer with its
            penalty; ``"retry"`` gives the same penalty but returns feedback as the next observation and lets
            the model answer again, up to ``max_retries`` times per decision.
        max_retries: retries allowed per decision under ``"retry"``.
        format_reward: added to every well-formed answer.
        format_penalty: the whole reward of a malformed answer.
        illegal_reward: added to a well-formed answer whose action is not legal.
        oracle_error_reward: the whole reward of a legal answer the oracle failed to value (the failure's
            reason is in ``info["oracle_error"]``; trainer adapters skip such samples).
        answer_tag: the tag whose last occurrence holds the answer (``<answer>...</answer>``); letters,
            digits, ``_`` and ``-``.
        render_mode: ``None`` or one of ``metadata["render_modes"]``.
    """

    metadata: ClassVar[dict] = {"render_modes": ["ansi"], "render_fps": 4}
    #: the constructor keyword that sets the budget; an instance may name another (see budget_name_for)
    budget_name: ClassVar[str] = "budget"
    #: the largest budget accepted: beyond it a budget is a clear error, never an overflow or an endless wait
    max_budget: ClassVar[int] = 1 << 24
    #: the answer format shown to the model and in feedback, e.g. ``"<answer>H8</answer>"``
    answer_example: ClassVar[str] = "<answer>...</answer>"
    #: the glyphs of the Text spaces, and their maximum lengths
    charset: ClassVar[str] = CHARSET
    max_observation_length: ClassVar[int] = OBS_MAX_LENGTH
    max_action_length: ClassVar[int] = ACTION_MAX_LENGTH
    #: constructor-argument sets the conformance suite also checks (besides the defaults)
    conformance_kwargs: ClassVar[list[dict]] = []
    #: attributes dropped when the env is pickled (processes, pools, caches); a family rebuilds them lazily
    transient_attrs: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self,
        *,
        invalid_policy: str = "penalty",
        max_retries: int = 2,
        format_reward: float = 0.1,
        format_penalty: float = -0.1,
        illegal_reward: float = -1.0,
        oracle_error_reward: float = 0.0,
        answer_tag: str = "answer",
        render_mode: str | None = None,
    ) -> None:
        if invalid_policy not in INVALID_POLICIES:
            raise ValueError(
                f"invalid_policy={invalid_policy!r} is not one of {INVALID_POLICIES}; "
                "use 'penalty' (end the episode) or 'retry' (feedback and another try)"
            )
        if not _is_int(max_retries) or max_retries < 0:
            raise ValueError(f"max_retries={max_retries!r} must be an integer >= 0")
        self.format_reward = _reward_term("format_reward", format_reward)
        self.format_penalty = _reward_term("format_penalty", format_penalty)
        self.illegal_reward = _reward_term("illegal_reward", illegal_reward)
        self.oracle_error_reward = _reward_term("oracle_error_reward", oracle_error_reward)
        if not isinstance(answer_tag, str) or not _TAG_RE.fullmatch(answer_tag):
            raise ValueError(f"answer_tag={answer_tag!r} must be a non-empty tag name of letters, digits, '_' "
                             "or '-', e.g. answer_tag='answer' for <answer>...</answer>")
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode={render_mode!r} is not supported; use None or one of "
                             f"{self.metadata['render_modes']}")
        self.invalid_policy = invalid_policy
        self.max_retries = int(max_retries)
        self.answer_tag = answer_tag
        self.render_mode = render_mode
        if not hasattr(self, "budget"):
            self.budget: int = 1
        self._make_spaces()
        self._state: Any = None
        self._prompt: str = ""
        self._retries = 0
        self._done = False

    def _make_spaces(self, extra_chars: str = "") -> None:
        """(Re)build the Text spaces over the class charset plus ``extra_chars`` (e.g. a loaded data set's)."""
        chars = self.charset + "".join(sorted(set(extra_chars) - set(self.charset)))
        self.instance_charset = chars
        self.observation_space = spaces.Text(max_length=self.max_observation_length, min_length=0, charset=chars)
        self.action_space = spaces.Text(max_length=self.max_action_length, min_length=0, charset=chars)

    # ------------------------------------------------------------------ budget
    @classmethod
    def budget_name_for(cls, kwargs: dict[str, Any]) -> str:
        """The constructor keyword that sets the budget for these constructor ``kwargs`` (default
        :attr:`budget_name`; an env whose unit depends on its arguments overrides this)."""
        return cls.budget_name

    def _set_budget(self, value: Any, name: str | None = None) -> int:
        """Validate and store the budget (and, when ``name`` is given, this instance's budget name)."""
        if name is not None:
            self.budget_name = name
        self.budget = self._check_budget(value)
        return self.budget

    def _check_budget(self, budget: Any) -> int:
        name = self.budget_name
        budget = getattr(self, "budget", None) if budget is None else budget
        if not _is_int(budget) or budget < 1:
            raise ValueError(f"{name}={budget!r} must be a positive integer, e.g. {name}=256")
        if budget > self.max_budget:
            raise ValueError(f"{name}={budget!r} is above this environment's bound of {self.max_budget} "
                             f"({type(self).__name__}.max_budget); use at most {name}={self.max_budget}")
        return int(budget)

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
        """*hook*: the state from :meth:`encode_state`'s string; raises ``ValueError`` naming the problem
        (including a state of another variant of the environment, such as another board size)."""
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

    def extract(self, text: str) -> str | None:
        """*hook*: the answer string in a completion's text, or None (a format error).

        Default: the last ``<answer_tag>...</answer_tag>``, else :meth:`fallback_answer`. Code and SVG
        environments read a fenced block instead.
        """
        answer = extract_answer(text, self.answer_tag)
        return self.fallback_answer(text) if answer is None else answer

    def fallback_answer(self, text: str) -> str | None:
        """*hook*: an answer read without the tag (None by default: the tag is required)."""
        return None

    def normalize_action(self, text: str) -> str:
        """*hook*: the form in which an answer and the legal actions are compared (default: case-folded,
        stripped, internal whitespace collapsed to one space)."""
        return " ".join(text.casefold().split())

    def parse_action(self, answer: str, state: Any) -> str | None:
        """*hook*: the canonical form of ``answer`` or None if it is not an action at all (a format error).

        A well-formed but illegal action must still be returned; :meth:`is_legal` judges it. The default
        matches :meth:`normalize_action` of the answer against that of each legal action and returns the
        legal action's canonical string (so without a notation of its own, an env can only tell legal
        answers from malformed ones); families with a notation override it.
        """
        legal = self.legal_actions(state)
        if not legal:
            return None
        key = self.normalize_action(answer)
        for action in legal:
            if self.normalize_action(action) == key:
                return action
        return None

    def is_legal(self, state: Any, action: str) -> bool:
        """*hook*: whether the canonical ``action`` is legal in ``state``."""
        legal = self.legal_actions(state)
        return True if legal is None else action in legal

    def reward_from_estimate(self, estimate: Estimate, state: Any) -> float:
        """*hook*: the whole reward of a well-formed, legal answer whose oracle call gave ``estimate``.

        This is the one place a family maps an oracle value to a reward (default: ``format_reward +
        estimate.value``). The study applies it too (``--target reward``).
        """
        return self.format_reward + estimate.value

    def _estimate_batch(self, states: Sequence[Any], actions: Sequence[str], budget: int,
                        seeds: np.ndarray) -> list[Estimate | OracleFailure]:
        """*hook*: the oracle's estimates for legal (state, action) pairs, one seed per pair.

        With the same seed, the samples of budget ``n`` must be a prefix of those of budget ``2n`` (common
        random numbers). An item the oracle fails on gets an :class:`OracleFailure` with the reason.
        """
        raise NotImplementedError

    def samples(self, state: Any, action: str, budget: int, seed: int) -> np.ndarray | None:
        """*hook*: the per-sample values behind ``estimate`` of one legal pair (playout results, per-test
        pass flags), or None where the oracle is not a sample mean. Where it gives an array, the
        conformance suite checks common random numbers: budget ``n``'s samples are the first ``n`` of
        ``2n``'s, and the estimate's value is their mean."""
        return None

    def _truth_batch(self, states: Sequence[Any], actions: Sequence[str], source: str | None = None
                     ) -> list[Estimate | OracleFailure]:
        """*hook*: ground-truth values (``exact=True``) or a strong estimate (``exact=False``).

        ``source`` names another truth the env offers (e.g. Gomoku's ``"uct:65536"``); None is the default.
        """
        raise NotImplementedError(f"{type(self).__name__} exposes no ground truth")

    def candidate_actions(self, state: Any) -> list[str]:
        """*hook*: the actions a study compares in ``state`` (the legal actions by default). Environments
        without legal-action lists (code, SVG) return reference answers and wrong variants here."""
        legal = self.legal_actions(self._as_state(state))
        if legal is None:
            raise NotImplementedError(f"{type(self).__name__} must override candidate_actions")
        return legal

    def candidate_labels(self, state: Any) -> list[str] | None:
        """*hook*: labels aligned with :meth:`candidate_actions` (``"reference"``, ``"wrong:off_by_one"``,
        ...), or None."""
        return None

    def format_action(self, action: str) -> str:
        """*hook*: a completion whose answer is the canonical ``action`` (``<answer>action</answer>``)."""
        return f"<{self.answer_tag}>{action}</{self.answer_tag}>"

    def _transition(self, state: Any, action: str, rng: np.random.Generator) -> tuple[Any, bool, dict]:
        """*hook*: after a legal action, ``(next_state, terminated, extra_info)``.

        The default is a one-decision episode. Multi-step environments play the opponent's reply here; their
        rewards must follow the outcome (no policy gains by prolonging an episode): ``extra["reward_delta"]``,
        if present, is added to the step's reward (e.g. potential-based shaping ``V(s') - V(s)`` and the
        outcome at the end) and is not put in ``info``.
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
        reward = float(scored.reward)
        if valid:
            next_state, terminated, extra = self._transition(state, scored.action, self.np_random)
            reward += float(extra.pop("reward_delta", 0.0))
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
        return obs, reward, bool(terminated), False, info

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

    def __getstate__(self) -> dict:
        d = dict(self.__dict__)
        for name in self.transient_attrs:
            if name in d:
                d[name] = None
        return d

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
        """A state object from a serialised state (``info["state"]``) or a state object.

        A state object is checked like a string: it goes through :meth:`encode_state` and
        :meth:`decode_state`, so a state of another variant (another board size, ...) is refused.
        """
        if isinstance(state, str):
            return self.decode_state(state)
        try:
            text = self.encode_state(state)
        except Exception as exc:  # noqa: BLE001 - whatever it is, it is not one of this env's states
            raise ValueError(f"state {state!r:.200} ({type(state).__name__}) is not a state of "
                             f"{type(self).__name__}; pass the string from info['state'] (or a state object "
                             "of this env)") from exc
        if not isinstance(text, str):
            raise ValueError(f"state {state!r:.200} ({type(state).__name__}) is not a state of {type(self).__name__}")
        self.decode_state(text)  # raises ValueError naming the mismatch
        return state

    def _run_oracle(self, fn, n: int, *args, **kwargs) -> list[Estimate | OracleFailure]:
        """Call a batch oracle hook; a failure of the whole call becomes every item's OracleFailure."""
        try:
            out = list(fn(*args, **kwargs))
        except NotImplementedError:
            raise
        except Exception as exc:  # noqa: BLE001 - an oracle failure is the items' scored failure
            reason = f"{type(exc).__name__}: {exc}"
            return [OracleFailure(reason)] * n
        if len(out) != n:
            return [OracleFailure(f"the oracle returned {len(out)} values for {n} queries")] * n
        return out

    def _score(self, states: Sequence[Any], completions: Sequence[Any], budget: int,
               seeds: np.ndarray) -> list[Scored]:
        out: list[Scored] = []
        todo: list[int] = []
        for i, (state, completion) in enumerate(zip(states, completions)):
            action = None
            try:
                answer = self.extract(completion_text(completion))
                if answer is not None:
                    action = self.parse_action(answer, state)
            except Exception:  # noqa: BLE001 - a malformed completion is scored, never raised
                action = None
            if action is None:
                out.append(Scored(self.format_penalty, False, None, False, None))
                continue
            try:
                legal = bool(self.is_legal(state, action))
            except Exception:  # noqa: BLE001 - an unjudgeable action is an illegal one
                legal = False
            if not legal:
                out.append(Scored(self.format_reward + self.illegal_reward, True, action, False, None))
            else:
                out.append(Scored(self.format_reward, True, action, True, None))
                todo.append(i)
        if todo:
            ests = self._run_oracle(self._estimate_batch, len(todo), [states[i] for i in todo],
                                    [out[i].action for i in todo], budget,
                                    np.asarray(seeds, dtype=np.int64)[todo])
            for i, est in zip(todo, ests):
                if isinstance(est, Estimate):
                    out[i].estimate = est
                    out[i].info.update(est.info)
                    out[i].reward = float(self.reward_from_estimate(est, states[i]))
                else:
                    reason = est.reason if isinstance(est, OracleFailure) else f"the oracle returned {est!r:.100}"
                    out[i].oracle_error = reason
                    out[i].reward = self.oracle_error_reward
        return out

    def score_completions(self, states: Sequence[Any], completions: Sequence[Any], *, seed: int = 0,
                          budget: int | None = None) -> list[Scored]:
        """Score many completions at once, each against its own state (serialised or object).

        The oracle is called once for the whole batch, with per-item seeds ``seed + i``. This is what the
        trainer adapters call; it never raises on a malformed completion, and an oracle failure on one item
        is that item's ``oracle_error``.
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

    def candidate_completions(self, state: Any) -> list[str]:
        """Completions that score as each of :meth:`candidate_actions` (through :meth:`format_action`)."""
        return [self.format_action(a) for a in self.candidate_actions(state)]

    def _query_states(self, queries: Sequence[tuple[Any, str]]) -> tuple[list[Any], list[str]]:
        states = [self._as_state(s) for s, _ in queries]
        actions = [a for _, a in queries]
        for s, a in zip(states, actions):
            if not self.is_legal(s, a):
                raise ValueError(f"action {a!r:.200} is not legal in the given state; estimate() and truth() "
                                 "take legal actions (see candidate_actions)")
        return states, actions

    def estimate(self, queries: Sequence[tuple[Any, str]], *, budget: int | None = None,
                 seed: int = 0, seeds: Sequence[int] | None = None) -> list[Estimate | OracleFailure]:
        """The oracle's estimates of legal ``(state, action)`` pairs at ``budget``.

        Query ``i`` is estimated with seed ``seed + i``, or with ``seeds[i]`` when ``seeds`` (one
        non-negative integer per query) is given. An item the oracle failed on is an :class:`OracleFailure`.
        """
        budget = self._check_budget(budget)
        states, actions = self._query_states(queries)
        if seeds is None:
            per_query = seed + np.arange(len(states), dtype=np.int64)
        else:
            per_query = np.asarray(seeds)
            if per_query.shape != (len(states),) or (per_query.size and (per_query.dtype.kind not in "iu"
                                                                         or per_query.min() < 0)):
                raise ValueError(f"seeds must hold one non-negative integer per query ({len(states)}), got "
                                 f"{seeds!r:.200}")
            per_query = per_query.astype(np.int64)
        return self._run_oracle(self._estimate_batch, len(states), states, actions, budget, per_query)

    def truth(self, queries: Sequence[tuple[Any, str]], *, source: str | None = None
              ) -> list[Estimate | OracleFailure]:
        """Ground-truth values of legal ``(state, action)`` pairs (``exact`` says whether they are proven).

        ``source`` picks another truth where the environment offers one (e.g. ``"uct:65536"``).
        Unlike :meth:`estimate`, an error here is raised (a bad ``source`` is the caller's mistake); an
        environment whose truth can fail on one item returns that item's :class:`OracleFailure`.
        """
        states, actions = self._query_states(queries)
        if source is None:
            return list(self._truth_batch(states, actions))
        if "source" not in inspect.signature(self._truth_batch).parameters:
            raise ValueError(f"{type(self).__name__} offers no truth source {source!r}; use source=None")
        return list(self._truth_batch(states, actions, source=source))
