"""TRL's ``environment_factory`` shape: the model plays an environment through a tool, the env owns the reward.

    from trl import GRPOTrainer
    import agents
    ds = agents.make_dataset("Gomoku9x9-LLM-v0", 256, user_turn=False, mode="game")   # reset() fills the turn
    trainer = GRPOTrainer(model, args=cfg, train_dataset=ds,
                          environment_factory=agents.environment_factory("Gomoku9x9-LLM-v0", mode="game"))

Each rollout gets its own :class:`TextGameEnvironment`. TRL calls ``reset(**row)`` with the dataset row,
which returns the prompt (the user turn; with the system turn too when there is no dataset); the model then
calls the ``act`` tool with its answer, once per decision, and reads the next observation (the opponent's
reply, the feedback of a retry, or the result). ``get_reward()`` is the sum of the env's step rewards, or the
format penalty if the model never acted. Works with every registered environment, single- or multi-step.
"""
from __future__ import annotations

import functools
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

    def reset(self, state: str | None = None, env_id: str | None = None, **row: Any) -> str:
        """Start an episode from the row's serialised ``state`` (a fresh one if None); returns the prompt."""
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
        if "prompt" in row:
            return obs
        return self._env.system_prompt() + "\n\n" + obs

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


def environment_factory(env_id: str, *, seed: int = 0, **env_kwargs: Any):
    """A picklable no-argument callable building :class:`TextGameEnvironment` s of ``env_id`` for TRL.

    Each instance gets its own seed range (``seed + 10**6 * k`` for the ``k``-th instance built in this
    process), so parallel rollouts do not share random numbers.
    """
    from .data import make_env

    make_env(env_id, **env_kwargs)  # validate the id and arguments now, in the caller
    return functools.partial(_build, env_id, seed, tuple(sorted(env_kwargs.items())))


_built = {"n": 0}


def _build(env_id: str, seed: int, env_items: tuple) -> TextGameEnvironment:
    k = _built["n"]
    _built["n"] += 1
    return TextGameEnvironment(env_id, seed=seed + 10**6 * k, **dict(env_items))
