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


def legal_answer(info, env=None):
    """A completion whose answer is legal: a legal action, or (for envs without legal-action lists, such as
    code and SVG) the env's first candidate completion (a reference answer)."""
    legal = info.get("legal_actions")
    if legal:
        return f"<answer>{legal[len(legal) // 2]}</answer>"
    if legal is None and env is not None:
        return env.unwrapped.candidate_completions(info["state"])[0]
    return "<answer>?</answer>"


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
    charset = set(env.unwrapped.instance_charset)
    assert set(CHARSET) <= charset
    assert set(obs) <= charset, sorted(set(obs) - charset)
    for msg in info["messages"]:
        assert set(msg["content"]) <= charset
    assert env.observation_space.min_length == 0
    assert isinstance(info["state"], str)


@pytest.mark.parametrize("env_id", IDS)
def test_determinism(env_id):
    runs = []
    for _ in range(2):
        env = gym.make(env_id)
        obs, info = env.reset(seed=123)
        answer = legal_answer(info, env)
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
    _, reward, _, _, step_info = env.step(legal_answer(info, env))
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


# ---------------------------------------------------------------- the hardened contract, over the registry
import pickle  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from envs.core import Estimate, budget_name_for  # noqa: E402


def _class(env_id):
    return type(shared_env(env_id))


MATRIX = [(env_id, kw) for env_id in IDS for kw in getattr(_class(env_id), "conformance_kwargs", [])]


def _matrix_id(case):
    return f"{case[0]}-" + ",".join(f"{k}={v}" for k, v in sorted(case[1].items()))


@pytest.mark.parametrize("case", MATRIX, ids=[_matrix_id(c) for c in MATRIX])
def test_main_argument_matrix(case):
    """check_env, determinism and a short fuzz for each family's main arguments, not only the defaults."""
    env_id, kwargs = case
    env = gym.make(env_id, **kwargs)
    with warnings.catch_warnings():
        warnings.simplefilter("error", category=UserWarning)
        check_env(env.unwrapped, skip_render_check=True)
    runs = []
    for _ in range(2):
        e = gym.make(env_id, **kwargs)
        obs, info = e.reset(seed=5)
        step = e.step(legal_answer(info, e))
        runs.append((obs, info["state"], step[1], step[4].get("estimate")))
    assert runs[0] == runs[1]
    rng = np.random.default_rng(0)
    for k in range(6):
        env.reset(seed=k)
        junk = "".join(rng.choice(list(CHARSET), size=int(rng.integers(0, 80))))
        _, reward, _, _, info = env.step(junk if k % 2 else f"<answer>{junk}</answer>")
        assert math.isfinite(reward) and {"format_ok", "action", "legal", "estimate"} <= set(info)


@pytest.mark.parametrize("env_id", IDS)
def test_budget_bound_is_a_clear_error(env_id):
    env = shared_env(env_id)
    name = budget_name_for(env_id)
    assert name == env.budget_name
    for bad in (env.max_budget + 1, 2**63, 2**64, 0, -3, True, 2.0):
        with pytest.raises(ValueError, match=name):
            gym.make(env_id, **{name: bad})


@pytest.mark.parametrize("env_id", IDS)
def test_pickled_env_scores_the_same(env_id):
    env = gym.make(env_id).unwrapped
    _, info = env.reset(seed=3)
    copy = pickle.loads(pickle.dumps(env))
    answer = legal_answer(info, env)
    a = env.score_completions([info["state"]], [answer], seed=11)[0]
    b = copy.score_completions([info["state"]], [answer], seed=11)[0]
    assert (a.reward, a.action, a.estimate) == (b.reward, b.action, b.estimate)
    copy.close()


@pytest.mark.parametrize("env_id", IDS)
def test_common_random_numbers_prefix(env_id):
    """Where the oracle is a sample mean, budget n's samples are the first n of 2n's, and the estimate's
    value is the mean of its samples."""
    env = shared_env(env_id)
    state = env.sample_states(1, seed=21)[0]
    action = env.candidate_actions(state)[0]
    n = 8
    small = env.samples(state, action, n, 77)
    if small is None:
        pytest.skip(f"{env_id}'s oracle is not a sample mean")
    large = env.samples(state, action, 2 * n, 77)
    assert len(small) == n and len(large) == 2 * n
    np.testing.assert_array_equal(small, large[:n])
    est = env.estimate([(state, action)], budget=n, seeds=[77])[0]
    assert isinstance(est, Estimate) and est.value == pytest.approx(float(np.mean(small)))


HOSTILE_10MB = ["<answer>" * 400_000 + "```python\n" * 300_000 + "<svg><g>" * 300_000 + "</think>" * 10,
                "```svg\n" * 1_400_000, "<answer>" * 1_300_000]


@pytest.mark.parametrize("env_id", IDS)
def test_ten_megabyte_completion_is_scored_quickly(env_id):
    env = shared_env(env_id)
    for text in HOSTILE_10MB:
        env.reset(seed=1)
        t = time.perf_counter()
        _, reward, _, _, info = env.step(text)
        elapsed = time.perf_counter() - t
        assert math.isfinite(reward) and not info["format_ok"]
        assert elapsed < 10.0, f"{env_id} took {elapsed:.1f} s on a 10 MB completion (about 1 s is the aim)"
