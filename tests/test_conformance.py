"""The contract, checked over the whole registry: every id in ``envs.ENV_IDS`` gets these tests for free.

check_env, determinism (same seed -> same prompt, state and reward), state pinning through reset options,
and a property-based fuzz of ``step`` with arbitrary strings (never raises, reward always finite).
"""
import math
import warnings

import gymnasium as gym
import pytest
from gymnasium.utils.env_checker import check_env
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import envs
from conftest import TOY_ID
from envs.core import CHARSET, TextEnv

IDS = list(envs.ENV_IDS) + [TOY_ID]

_CACHE: dict[str, gym.Env] = {}


def shared_env(env_id):
    """One env per id for the fuzz (building envs may compile kernels)."""
    if env_id not in _CACHE:
        _CACHE[env_id] = gym.make(env_id).unwrapped
    return _CACHE[env_id]


def legal_answer(info):
    legal = info.get("legal_actions") or []
    return f"<answer>{legal[len(legal) // 2]}</answer>" if legal else "<answer>?</answer>"


@pytest.mark.parametrize("env_id", IDS)
def test_check_env(env_id):
    env = gym.make(env_id)
    with warnings.catch_warnings():
        warnings.simplefilter("error", category=UserWarning)
        check_env(env.unwrapped, skip_render_check=False)
    assert isinstance(env.unwrapped, TextEnv)
    assert env.unwrapped.budget_name and env.unwrapped.budget >= 1


@pytest.mark.parametrize("env_id", IDS)
def test_spaces_declare_the_charset(env_id):
    env = gym.make(env_id)
    obs, info = env.reset(seed=0)
    assert set(obs) <= set(CHARSET), sorted(set(obs) - set(CHARSET))
    for msg in info["messages"]:
        assert set(msg["content"]) <= set(CHARSET)
    assert env.observation_space.min_length == 0
    assert isinstance(info["state"], str)


@pytest.mark.parametrize("env_id", IDS)
def test_determinism(env_id):
    runs = []
    for _ in range(2):
        env = gym.make(env_id)
        obs, info = env.reset(seed=123)
        answer = legal_answer(info)
        step = env.step(answer)
        runs.append((obs, info["state"], step[0], step[1], step[2], step[4].get("estimate")))
    assert runs[0] == runs[1]
    env = gym.make(env_id)
    other, _ = env.reset(seed=124)
    assert gym.make(env_id).reset(seed=123)[0] != other


@pytest.mark.parametrize("env_id", IDS)
def test_reset_state_option_reproduces_prompt(env_id):
    env = gym.make(env_id)
    obs, info = env.reset(seed=7)
    env2 = gym.make(env_id)
    obs2, info2 = env2.reset(seed=99, options={"state": info["state"]})
    assert obs2 == obs and info2["state"] == info["state"]
    assert info2["legal_actions"] == info["legal_actions"]


@pytest.mark.parametrize("env_id", IDS)
def test_legal_answer_gets_an_estimate(env_id):
    env = gym.make(env_id)
    _, info = env.reset(seed=11)
    _, reward, _, _, step_info = env.step(legal_answer(info))
    assert step_info["format_ok"] and step_info["legal"], step_info
    est = step_info["estimate"]
    assert set(est) == {"value", "stderr", "budget", "exact"} and math.isfinite(reward)


@pytest.mark.parametrize("env_id", IDS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(
    st.text(max_size=200),
    st.text(alphabet=CHARSET, max_size=60).map(lambda s: f"<answer>{s}</answer>"),
    st.text(alphabet="abcdefghijklmnopqrsABCDEFGHIJKLMNOPQRS0123456789 <>/", max_size=30),
))
def test_fuzz_step_never_raises(env_id, text):
    env = shared_env(env_id)
    env.reset(seed=len(text))
    obs, reward, terminated, truncated, info = env.step(text)
    assert math.isfinite(reward)
    assert isinstance(obs, str)
    assert {"format_ok", "action", "legal", "estimate"} <= set(info)
