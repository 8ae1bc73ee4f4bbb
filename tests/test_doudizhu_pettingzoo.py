"""The Dou Dizhu PettingZoo AEC environment."""
import warnings

import numpy as np
import pytest
from pettingzoo.test import api_test

from envs.doudizhu import pettingzoo_env
from envs.doudizhu.cards import hand_from_chars, pack


@pytest.mark.parametrize("kwargs", [{}, {"hand_size": (4, 7), "rules": "loose"}])
def test_api_test_passes(kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # api_test's style advice (agent names, dict observations)
        api_test(pettingzoo_env.env(render_mode="ansi", **kwargs), num_cycles=200)


def test_fixed_action_space_masks_and_a_whole_game():
    env = pettingzoo_env.env(hand_size=5, render_mode="ansi")
    env.reset(seed=3)
    plays, index = pettingzoo_env.action_table("strict")
    assert env.action_space("A").n == len(plays) == 27472 and plays[0].text == "pass"
    rng = np.random.default_rng(0)
    steps = 0
    finals = {}
    for agent in env.agent_iter():
        obs, reward, term, trunc, _ = env.last()
        if term or trunc:
            finals[agent] = reward
            env.step(None)
            continue
        mask = obs["action_mask"]
        hand = tuple(int(x) for x in obs["observation"][0])
        legal = np.flatnonzero(mask)
        # every unmasked action is a play made of the agent's own cards
        for i in legal:
            assert all(c <= h for c, h in zip(plays[i].cards, hand))
        other = "B" if agent == "A" else "A"
        assert env.unwrapped.observe(other)["action_mask"].sum() == 0
        assert f"{agent} to move" in env.render()
        env.step(int(rng.choice(legal)))
        steps += 1
    assert sorted(finals.values()) == [-1, 1] and steps >= 2
    assert index[pack(hand_from_chars("XD"))] > 0


def test_illegal_action_is_a_loss_under_the_wrapper_and_an_error_raw():
    env = pettingzoo_env.env(hand_size=5)
    env.reset(seed=1)
    env.step(0)  # passing on a free lead is illegal
    assert env.unwrapped.rewards["A"] == -1 or env.rewards["A"] == -1
    raw = pettingzoo_env.raw_env(hand_size=5)
    raw.reset(seed=1)
    with pytest.raises(ValueError, match="not legal"):
        raw.step(0)
    with pytest.raises(ValueError, match="hand_size"):
        pettingzoo_env.raw_env(hand_size=30)
