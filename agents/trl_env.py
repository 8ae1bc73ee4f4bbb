"""TRL's ``environment_factory`` shape: the model plays an environment through a tool, the env owns the reward.

    from trl import GRPOTrainer
    import agents
    ds = agents.make_dataset("Gomoku9x9-LLM-v0", 256, user_turn=False, mode="game")   # reset() fills the turn
    trainer = GRPOTrainer(model, args=cfg, train_dataset=ds,
                          environment_factory=agents.environment_factory("Gomoku9x9-LLM-v0", mode="game"))

Each rollout gets its own :class:`TextGameEnvironment`. TRL calls ``reset(**row)`` with the dataset row and
appends the string it returns to the last turn of the row's prompt (``None`` appends nothing). ``reset``
returns the observation when that turn is empty (``make_dataset(..., user_turn=False)``), ``None`` when the
turn already holds it (``make_dataset``'s default ``user_turn=True``: the board is not shown twice), and a
blank line and the observation after a turn of other text (your own instructions); with no dataset it
returns the system turn and the observation. The
model then calls the ``act`` tool with its answer, once per decision, and reads the next observation (the
opponent's reply, the feedback of a retry, or the result). ``get_reward()`` is the sum of the env's step
rewards, or the format penalty if the model never acted. Works with every registered environment, single- or
multi-step.
"""
from __future__ import annotations

import functools
import threading
from typing import Any

__all__ = ["TextGameEnvironment", "environment_factory"]


class TextGameEnvironment:
    """One rollout's environment for TRL's ``environment_factory`` (public methods other than ``reset``
    and ``get_reward`` are the model's tools: here only :meth:`act`).

    Arguments:
        env_id: a registered environment id.
        seed: base seed; reset number ``k`` of this instance seeds the env with ``seed + k``.
        **env_kwargs: environment arguments (e.g. ``rollouts=256``, ``mode="game"``).
    """

    def __init__(self, env_id: str, seed: int = 0, **env_kwargs: Any) -> None:
        from .data import make_env

        self._env_id = env_id
        self._env = make_env(env_id, **env_kwargs)
        self._seed = int(seed)
        self._resets = 0
        self._done = True
        self._acted = False
        self._total = 0.0
        self._last_info: dict = {}

    def reset(self, state: str | None = None, env_id: str | None = None, **row: Any) -> str | None:
        """Start an episode from the row's serialised ``state`` (a fresh one if None).

        Returns what TRL appends to the last turn of the row's ``prompt``: the observation if that turn is
        empty, ``None`` if it already holds the observation, a blank line and the observation if it holds
        other text; without a ``prompt`` column, the system turn and the observation.
        """
        if env_id is not None and env_id != self._env_id:
            raise ValueError(f"this environment plays {self._env_id} but the dataset row is for {env_id}; pass a "
                             "dict environment_factory keyed by the rows' `environment` column to mix environments")
        options = {"state": state} if state is not None else None
        obs, info = self._env.reset(seed=self._seed + self._resets, options=options)
        self._resets += 1
        self._done = False
        self._acted = False
        self._total = 0.0
        self._last_info = info
        if "prompt" not in row:
            return self._env.system_prompt() + "\n\n" + obs
        last = _last_turn_text(row["prompt"])
        if not last.strip():
            return obs
        if obs.strip() in last:
            return None  # the dataset rendered the observation already (user_turn=True): TRL appends nothing
        return "\n\n" + obs  # the user's own text, then the observation (TRL appends with no separator)

    def act(self, answer: str) -> str:
        """Play your answer (a move or action, exactly as the prompt asks for it) in the environment.

        Args:
            answer: your answer, e.g. a move such as "E5"; it may also be wrapped in <answer></answer> tags.

        Returns:
            The next observation: the opponent's reply and the new position, feedback on an invalid answer,
            or the final result when the episode is over.
        """
        if self._done:
            return "The episode is over; no more actions are accepted."
        text = answer if "<" in str(answer) else f"<{self._env.answer_tag}>{answer}</{self._env.answer_tag}>"
        obs, reward, terminated, truncated, info = self._env.step(text)
        self._acted = True
        self._total += float(reward)
        self._last_info = info
        self._done = bool(terminated or truncated)
        if not self._done:
            return obs
        outcome = info.get("outcome")
        verdict = f" Result: {outcome}." if outcome else ""
        if not info.get("format_ok", True):
            verdict += " Your answer could not be read."
        elif not info.get("legal", True):
            verdict += f" {info.get('action')} was not a legal action."
        return f"The episode is over.{verdict} Total reward: {self._total:.3f}."

    def get_reward(self) -> float:
        """The episode's reward: the sum of the step rewards, or the format penalty if the model never acted."""
        return self._total if self._acted else float(self._env.format_penalty)


def _last_turn_text(prompt: Any) -> str:
    """The text of the turn TRL appends ``reset()``'s return value to (the prompt itself if it is a string)."""
    if isinstance(prompt, str):
        return prompt
    if not prompt:
        return ""
    content = prompt[-1].get("content", "") if isinstance(prompt[-1], dict) else ""
    if isinstance(content, list):  # multimodal content parts
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return content if isinstance(content, str) else ""


#: resets one instance may do before its seeds could reach the next instance's range (it never does in practice)
_RESET_ROOM = 1 << 20


def environment_factory(env_id: str, *, seed: int = 0, **env_kwargs: Any):
    """A picklable no-argument callable building :class:`TextGameEnvironment` s of ``env_id`` for TRL.

    The ``k``-th instance built in a process gets the base seed hashed from ``(seed, rank, k)`` by numpy's
    ``SeedSequence``, where ``rank`` is the process's ``RANK`` (set by torchrun / ``accelerate launch``; 0
    when unset), so parallel rollouts, in one process or across processes, do not share random numbers.
    """
    from .data import make_env

    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed={seed!r} must be a non-negative integer")
    make_env(env_id, **env_kwargs)  # validate the id and arguments now, in the caller
    return functools.partial(_build, env_id, seed, tuple(sorted(env_kwargs.items())))


_built = {"n": 0}
_built_lock = threading.Lock()


def instance_seed(seed: int, k: int, rank: int | None = None) -> int:
    """The base seed of the ``k``-th instance a factory with base ``seed`` builds in process ``rank``
    (default: this process's ``RANK``)."""
    from ._seeding import derive_seed, process_rank

    return derive_seed(seed, process_rank() if rank is None else rank, k, room=_RESET_ROOM)


def _build(env_id: str, seed: int, env_items: tuple) -> TextGameEnvironment:
    with _built_lock:
        k = _built["n"]
        _built["n"] += 1
    return TextGameEnvironment(env_id, seed=instance_seed(seed, k), **dict(env_items))
