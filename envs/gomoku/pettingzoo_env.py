"""Gomoku as a two-player PettingZoo AEC environment (for self-play and multi-agent baselines).

    from envs.gomoku import pettingzoo_env
    env = pettingzoo_env.env(size=15)
    env.reset(seed=0)
    for agent in env.agent_iter():
        obs, reward, termination, truncation, info = env.last()
        action = None if termination or truncation else env.action_space(agent).sample(obs["action_mask"])
        env.step(action)

| Agents             | ``["black", "white"]`` (black moves first)                                    |
|--------------------|-------------------------------------------------------------------------------|
| Actions            | ``Discrete(S * S)``: the flat index ``r * S + c`` of an empty point            |
| Observations       | ``Dict(observation=Box(0, 1, (S, S, 2), int8), action_mask=Box(0, 1, (S*S,), int8))`` |
| Rewards            | +1 to the player who completes a winning line, -1 to the other, 0 for a draw  |
| Render             | ``"ansi"``: the grid of :mod:`envs.gomoku.text` as a string; ``"human"``: printed |

The observation's plane 0 holds the observing agent's own stones, plane 1 the opponent's; the action mask
is all zeros except for the agent whose turn it is. The game ends when a stone completes a winning line
(five or more in a row; exactly five with ``exact_five=True``) or the board is full. Under :func:`env`, an
illegal move ends the game with -1 for the player who made it (PettingZoo's ``TerminateIllegalWrapper``);
:class:`raw_env` raises ``ValueError`` instead. The rules are those of :mod:`envs.gomoku.rules`: whether the
game is over and its result come from :func:`envs.gomoku.rules.game_result`.

The parallel version, :func:`parallel_env` (a PettingZoo ``ParallelEnv``), takes a dict of actions each step;
only the action of the agent to move is played (the other agent's mask is all zeros and its action, which
may be any integer or None, is ignored)::

    from envs.gomoku import pettingzoo_env
    env = pettingzoo_env.parallel_env(size=9)
    obs, infos = env.reset(seed=0)
    while env.agents:
        actions = {a: env.action_space(a).sample(obs[a]["action_mask"]) for a in env.agents}
        obs, rewards, terminations, truncations, infos = env.step(actions)

Version History: v0, initial release (v0 also gained ``parallel_env`` and ``render_mode="human"``).
"""
from __future__ import annotations

import gymnasium
import numpy as np
from gymnasium import spaces
from gymnasium.utils import EzPickle
from pettingzoo import AECEnv, ParallelEnv
from pettingzoo.utils import wrappers
from pettingzoo.utils.agent_selector import AgentSelector

from . import rules
from .text import player_name, point_name, render_board

__all__ = ["env", "raw_env", "parallel_env", "GomokuParallelEnv"]


def env(**kwargs) -> AECEnv:
    """The Gomoku AEC environment with PettingZoo's standard wrappers (illegal move = loss, order checks)."""
    e = raw_env(**kwargs)
    e = wrappers.TerminateIllegalWrapper(e, illegal_reward=-1)
    e = wrappers.AssertOutOfBoundsWrapper(e)
    return wrappers.OrderEnforcingWrapper(e)


class raw_env(AECEnv, EzPickle):  # noqa: N801 - PettingZoo's naming convention
    """Two-player Gomoku (see the module docstring).

    Arguments:
        size: board size, 5..19 (default 15).
        exact_five: exactly five wins (an overline does not) instead of five or more.
        render_mode: None, ``"ansi"`` or ``"human"``.
    """

    metadata = {"render_modes": ["ansi", "human"], "name": "gomoku_v0", "is_parallelizable": False, "render_fps": 1}

    def __init__(self, size: int = 15, exact_five: bool = False, render_mode: str | None = None):
        EzPickle.__init__(self, size=size, exact_five=exact_five, render_mode=render_mode)
        super().__init__()
        if isinstance(size, bool) or not isinstance(size, (int, np.integer)) \
                or not rules.MIN_SIZE <= size <= rules.MAX_SIZE:
            raise ValueError(f"size={size!r} must be an integer in {rules.MIN_SIZE}..{rules.MAX_SIZE}; "
                             "e.g. size=15")
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode={render_mode!r} is not supported; use None, 'ansi' or 'human'")
        self.size = int(size)
        self.exact5 = bool(exact_five)
        self.render_mode = render_mode
        self.possible_agents = ["black", "white"]
        self.agents = self.possible_agents[:]
        n = self.size * self.size
        self.action_spaces = {a: spaces.Discrete(n) for a in self.possible_agents}
        self.observation_spaces = {
            a: spaces.Dict({
                "observation": spaces.Box(0, 1, (self.size, self.size, 2), np.int8),
                "action_mask": spaces.Box(0, 1, (n,), np.int8),
            })
            for a in self.possible_agents
        }
        self.board = np.zeros((self.size, self.size), np.int8)
        self.last_move: int | None = None

    def observation_space(self, agent: str) -> spaces.Space:
        return self.observation_spaces[agent]

    def action_space(self, agent: str) -> spaces.Space:
        return self.action_spaces[agent]

    def _stone(self, agent: str) -> int:
        return rules.BLACK if agent == "black" else rules.WHITE

    def observe(self, agent: str) -> dict:
        own = self._stone(agent)
        obs = np.stack([self.board == own, self.board == 3 - own], axis=2).astype(np.int8)
        mask = np.zeros(self.size * self.size, np.int8)
        if agent == self.agent_selection and not (self.terminations.get(agent) or self.truncations.get(agent)):
            mask[self.board.ravel() == rules.EMPTY] = 1
        return {"observation": obs, "action_mask": mask}

    def reset(self, seed: int | None = None, options: dict | None = None) -> None:
        self.board = np.zeros((self.size, self.size), np.int8)
        self.last_move = None
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
        n = self.size * self.size
        if isinstance(action, (bool, np.bool_)) or not isinstance(action, (int, np.integer)) or not 0 <= action < n:
            raise ValueError(f"action={action!r} must be a flat index r * {self.size} + c in 0..{n - 1}")
        move = int(action)
        if self.board.flat[move] != rules.EMPTY:
            raise ValueError(f"action {move} ({point_name(move, self.size)}) is occupied; choose an empty point "
                             "(see the observation's action_mask)")
        stone = self._stone(agent)
        self.board.flat[move] = stone
        self.last_move = move
        self._clear_rewards()
        other = self._agent_selector.next()
        result = rules.game_result(self.board, move, self.exact5)
        if result is not None:
            if result:
                self.rewards[agent], self.rewards[other] = (1, -1) if result == stone else (-1, 1)
            self.terminations = {a: True for a in self.agents}
        self.agent_selection = other
        self._accumulate_rewards()

    def render(self) -> str | None:
        if self.render_mode is None:
            gymnasium.logger.warn("render() called without render_mode; make the env with render_mode='ansi'")
            return None
        to_move = None if any(self.terminations.values()) else self._stone(self.agent_selection)
        text = _render_text(self.board, self.last_move, to_move)
        if self.render_mode == "human":
            print(text)
            return None
        return text

    def close(self) -> None:
        pass


def _render_text(board: np.ndarray, last_move: int | None, to_move: int | None) -> str:
    lines = [render_board(board)]
    if last_move is not None:
        lines.append(f"Last move: {point_name(last_move, board.shape[0])}.")
    if to_move is not None:
        lines.append(f"To move: {player_name(to_move)}.")
    return "\n".join(lines)


def parallel_env(**kwargs) -> "GomokuParallelEnv":
    """The Gomoku ``ParallelEnv`` (arguments as :class:`raw_env`)."""
    return GomokuParallelEnv(**kwargs)


class GomokuParallelEnv(ParallelEnv, EzPickle):
    """Two-player Gomoku as a PettingZoo ``ParallelEnv`` (see the module docstring).

    Observations, spaces, rewards and rendering as :class:`raw_env`. Each step plays the action of the agent
    to move; an illegal action by it (off the board, occupied) ends the game with -1 for it and +1 for the
    other (as :func:`env`'s ``TerminateIllegalWrapper`` does). Both agents leave ``agents`` when the game ends.
    """

    metadata = {"render_modes": ["ansi", "human"], "name": "gomoku_parallel_v0", "render_fps": 1}

    def __init__(self, size: int = 15, exact_five: bool = False, render_mode: str | None = None):
        EzPickle.__init__(self, size=size, exact_five=exact_five, render_mode=render_mode)
        self._aec = raw_env(size=size, exact_five=exact_five, render_mode=None)
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode={render_mode!r} is not supported; use None, 'ansi' or 'human'")
        self.render_mode = render_mode
        self.size, self.exact5 = self._aec.size, self._aec.exact5
        self.possible_agents = ["black", "white"]
        self.agents: list[str] = []
        self.to_move = "black"

    def observation_space(self, agent: str) -> spaces.Space:
        return self._aec.observation_space(agent)

    def action_space(self, agent: str) -> spaces.Space:
        return self._aec.action_space(agent)

    def _observe(self) -> dict:
        return {a: self._aec.observe(a) for a in self.possible_agents}

    def reset(self, seed: int | None = None, options: dict | None = None):
        self._aec.reset(seed=seed, options=options)
        self.agents = self.possible_agents[:]
        self.to_move = self._aec.agent_selection
        return self._observe(), {a: {} for a in self.agents}

    def step(self, actions: dict):
        if not self.agents:
            raise RuntimeError("the game is over; call reset() before step()")
        agent = self.to_move
        other = "white" if agent == "black" else "black"
        action = actions.get(agent) if isinstance(actions, dict) else None
        n = self.size * self.size
        legal = (isinstance(action, (int, np.integer)) and not isinstance(action, (bool, np.bool_))
                 and 0 <= action < n and self._aec.board.flat[int(action)] == rules.EMPTY)
        rewards = {a: 0 for a in self.agents}
        infos: dict = {a: {} for a in self.agents}
        if not legal:
            rewards[agent], rewards[other] = -1, 1
            infos[agent]["illegal_action"] = action
            done = True
        else:
            self._aec.step(int(action))
            rewards = {a: self._aec.rewards[a] for a in self.agents}
            done = all(self._aec.terminations.values())
        self.to_move = self._aec.agent_selection if not done else self.to_move
        obs = self._observe()
        if done:
            for a in self.possible_agents:
                obs[a]["action_mask"][:] = 0
        terminations = {a: done for a in self.agents}
        truncations = {a: False for a in self.agents}
        if done:
            self.agents = []
        if self.render_mode == "human":
            self.render()
        return obs, rewards, terminations, truncations, infos

    def render(self) -> str | None:
        if self.render_mode is None:
            gymnasium.logger.warn("render() called without render_mode; make the env with render_mode='ansi'")
            return None
        text = _render_text(self._aec.board, self._aec.last_move, None if not self.agents else
                            self._aec._stone(self.to_move))
        if self.render_mode == "human":
            print(text)
            return None
        return text

    def state(self) -> np.ndarray:
        """The board (0 empty, 1 black, 2 white), as a copy."""
        return self._aec.board.copy()

    def close(self) -> None:
        pass
