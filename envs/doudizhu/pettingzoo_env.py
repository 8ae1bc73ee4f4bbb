"""Two-player Dou Dizhu endgames as a PettingZoo AEC environment (self-play, multi-agent baselines).

    from envs.doudizhu import pettingzoo_env
    env = pettingzoo_env.env(hand_size=5)
    env.reset(seed=0)
    for agent in env.agent_iter():
        obs, reward, termination, truncation, info = env.last()
        action = None if termination or truncation else env.action_space(agent).sample(obs["action_mask"])
        env.step(action)

| Agents       | ``["A", "B"]`` (A leads)                                                                       |
|--------------|------------------------------------------------------------------------------------------------|
| Actions      | ``Discrete(N + 1)``: 0 is the pass, ``i >= 1`` the ``i``-th play of ``moves.all_plays(rules)``   |
| Observations | ``Dict(observation=Box(0, 4, (3, 15), int8), action_mask=Box(0, 1, (N + 1,), int8))``           |
| Rewards      | +1 to the side that empties its hand first, -1 to the other                                   |
| Render       | ``render_mode="ansi"``: the prompt of :mod:`envs.doudizhu.text` for the side to move          |

The action space is fixed: every distinct play that exists in the 54-card deck, ``N`` = 27471 under the
strict rule (28946 with ``rules="rocket_kickers"``, 31599 with ``"bomb_wings"``, 33074 with ``"loose"``), in
the generator's order, plus the pass. The observation's rows are the observing agent's hand, the
opponent's (open) hand and the play to beat (all zeros on a free lead), as counts over the 15 ranks 3..2,
black joker, red joker; the action mask is all zeros except for the agent whose turn it is. Each reset
deals ``hand_size`` cards to each side (a pair for asymmetric hands) from a deck shuffled with the reset's
seed. Under :func:`env` an illegal action ends the game with -1 for the side that made it (PettingZoo's
``TerminateIllegalWrapper``); :class:`raw_env` raises ``ValueError`` instead.

Version History: v0, initial release.
"""
from __future__ import annotations

from functools import lru_cache

import gymnasium
import numpy as np
from gymnasium import spaces
from gymnasium.utils import EzPickle
from pettingzoo import AECEnv
from pettingzoo.utils import wrappers
from pettingzoo.utils.agent_selector import AgentSelector

from . import endgames
from .moves import PASS_PLAY, Play, all_plays, rule_flags
from .state import DdzState
from .text import render_position

__all__ = ["env", "raw_env", "action_table"]


def env(**kwargs) -> AECEnv:
    """The AEC environment with PettingZoo's standard wrappers (illegal move = loss, order checks)."""
    e = raw_env(**kwargs)
    e = wrappers.TerminateIllegalWrapper(e, illegal_reward=-1)
    e = wrappers.AssertOutOfBoundsWrapper(e)
    return wrappers.OrderEnforcingWrapper(e)


@lru_cache(maxsize=4)
def action_table(rules: str = "strict") -> tuple[tuple[Play, ...], dict[int, int]]:
    """``(plays, index)``: the plays by action index (0 = pass) and the action index of each play's cards."""
    plays = (PASS_PLAY,) + all_plays(rules)
    return plays, {p.packed: i for i, p in enumerate(plays) if i}


class raw_env(AECEnv, EzPickle):  # noqa: N801 - PettingZoo's naming convention
    """Two-player open-hand Dou Dizhu endgames (see the module docstring).

    Arguments:
        hand_size: cards per hand (1..20), or a pair (A, B); default 5.
        rules: the rule variant (``"strict"``, ``"rocket_kickers"``, ``"bomb_wings"``, ``"loose"``).
        render_mode: None or ``"ansi"``.
    """

    metadata = {"render_modes": ["ansi"], "name": "doudizhu_endgame_v0", "is_parallelizable": False,
                "render_fps": 1}

    def __init__(self, hand_size=5, rules: str = "strict", render_mode: str | None = None):
        EzPickle.__init__(self, hand_size=hand_size, rules=rules, render_mode=render_mode)
        super().__init__()
        from .env import _check_sizes

        self.sizes = _check_sizes(hand_size)
        rule_flags(rules)
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode={render_mode!r} is not supported; use None or 'ansi'")
        self.rules = rules
        self.render_mode = render_mode
        self._plays, self._index = action_table(rules)
        n = len(self._plays)
        self.possible_agents = ["A", "B"]
        self.agents = self.possible_agents[:]
        self.action_spaces = {a: spaces.Discrete(n) for a in self.possible_agents}
        self.observation_spaces = {
            a: spaces.Dict({
                "observation": spaces.Box(0, 4, (3, 15), np.int8),
                "action_mask": spaces.Box(0, 1, (n,), np.int8),
            })
            for a in self.possible_agents
        }
        self.position: DdzState | None = None

    def observation_space(self, agent: str) -> spaces.Space:
        return self.observation_spaces[agent]

    def action_space(self, agent: str) -> spaces.Space:
        return self.action_spaces[agent]

    def observe(self, agent: str) -> dict:
        seat = self.possible_agents.index(agent)
        pos = self.position
        obs = np.zeros((3, 15), np.int8)
        obs[0] = pos.hands[seat]
        obs[1] = pos.hands[1 - seat]
        if pos.prev is not None:
            obs[2] = pos.prev.cards
        mask = np.zeros(len(self._plays), np.int8)
        if agent == self.agent_selection and not (self.terminations.get(agent) or self.truncations.get(agent)):
            mask[self._legal_indices()] = 1
        return {"observation": obs, "action_mask": mask}

    def _legal_indices(self) -> list[int]:
        return [0 if p.type == 0 else self._index[p.packed] for p in self.position.legal()]

    def reset(self, seed: int | None = None, options: dict | None = None) -> None:
        rng = np.random.default_rng(seed)
        self.position = endgames.deal(rng, self.sizes, self.rules)
        self.agents = self.possible_agents[:]
        self.rewards = {a: 0 for a in self.agents}
        self._cumulative_rewards = {a: 0 for a in self.agents}
        self.terminations = {a: False for a in self.agents}
        self.truncations = {a: False for a in self.agents}
        self.infos = {a: {} for a in self.agents}
        self._agent_selector = AgentSelector(self.agents)
        self.agent_selection = self._agent_selector.reset()

    def step(self, action) -> None:
        agent = self.agent_selection
        if self.terminations[agent] or self.truncations[agent]:
            self._was_dead_step(action)
            return
        n = len(self._plays)
        if isinstance(action, (bool, np.bool_)) or not isinstance(action, (int, np.integer)) or not 0 <= action < n:
            raise ValueError(f"action={action!r} must be an index in 0..{n - 1} (0 = pass)")
        play = self._plays[int(action)]
        if int(action) not in self._legal_indices():
            raise ValueError(f"action {int(action)} ({play.text}) is not legal here; choose one of the observation's "
                             "action_mask")
        self.position = self.position.play(play)
        self._clear_rewards()
        other = self._agent_selector.next()
        if self.position.winner() is not None:
            self.rewards[agent], self.rewards[other] = 1, -1
            self.terminations = {a: True for a in self.agents}
        self.agent_selection = other
        self._accumulate_rewards()

    def render(self) -> str | None:
        if self.render_mode is None:
            gymnasium.logger.warn("render() called without render_mode; make the env with render_mode='ansi'")
            return None
        pos = self.position
        result = None
        if pos.winner() is not None:
            result = f"Game over: {self.possible_agents[pos.winner()]} has played all their cards."
        return f"{self.possible_agents[pos.to_move]} to move.\n" + render_position(pos, "<answer>3 3</answer>", result)

    def close(self) -> None:
        pass
