"""agents.EnvReward: TRL's reward contract, seeds, pickling, metrics hooks, and the local process pool."""
import gc
import pickle

import gymnasium as gym
import pytest

import agents
from agents.backends import _chunks, make_backend

TOY = "ToyCoins-LLM-v0"
COMPLETIONS = ["<answer>A</answer>", "no answer here", "<answer>Z</answer>",
               [{"role": "assistant", "content": "I pick <answer>B</answer>"}], "<answer>C</answer>",
               "<answer>a</answer>"]


@pytest.fixture(scope="module")
def data():
    ds = agents.make_dataset(TOY, 3, seed=3, flips=8)
    states = [s for s in ds["state"] for _ in range(2)]  # a group of 2 completions per state
    return ds, states


def _expected(states, completions, seed, **kw):
    env = gym.make(TOY, **kw).unwrapped
    return [s.reward for s in env.score_completions(states, completions, seed=seed)]


def test_rewards_are_the_envs_rewards(data):
    ds, states = data
    reward = agents.EnvReward(TOY, reward_backend="inline", seed=7, flips=8)
    got = reward(prompts=[None] * 6, completions=COMPLETIONS, state=states, env_id=[TOY] * 6,
                 env_kwargs=[ds["env_kwargs"][0]] * 6, trainer_state=None)
    assert got == pytest.approx(_expected(states, COMPLETIONS, seed=7, flips=8))
    assert got[1] == pytest.approx(-0.1)  # malformed
    assert got[2] == pytest.approx(-0.9)  # well-formed, illegal
    assert reward.__name__ == TOY
    # the next call uses other seeds, reproducibly
    second = reward(completions=COMPLETIONS, state=states)
    assert reward.calls == 2
    assert second == pytest.approx(_expected(states, COMPLETIONS, seed=7 + 2**20, flips=8))


def test_budget_comes_from_env_kwargs_and_other_envs_rows_are_skipped(data):
    _, states = data
    reward = agents.EnvReward(TOY, reward_backend="inline", flips=3)
    assert reward.budget == 3 and reward.budget_name == "flips"
    got = reward(completions=["<answer>A</answer>"] * 2, state=states[:2], env_id=[TOY, "Other-LLM-v0"])
    assert got[1] is None
    env = gym.make(TOY, flips=3).unwrapped
    assert env.score_completions(states[:1], ["<answer>A</answer>"], seed=0)[0].estimate.budget == 3
    # a value over 3 flips is a multiple of 1/3
    assert round((got[0] - 0.1) * 3, 9) == round((got[0] - 0.1) * 3)


def test_metric_hooks_receive_format_rate_and_stderr(data):
    _, states = data
    metrics, extra = {}, {}
    reward = agents.EnvReward(TOY, reward_backend="inline", flips=8)
    reward(completions=COMPLETIONS, state=states, log_metric=metrics.__setitem__, log_extra=extra.__setitem__)
    assert metrics[f"{TOY}/format_rate"] == pytest.approx(5 / 6)
    assert metrics[f"{TOY}/legal_rate"] == pytest.approx(4 / 6)
    assert 0 < metrics[f"{TOY}/estimate_stderr"] <= 0.5 / 8**0.5 + 1e-12
    assert extra[f"{TOY}/action"] == ["A", None, "Z", "B", "C", "A"]
    assert reward.last_metrics["format_rate"] == pytest.approx(5 / 6)


def test_bad_arguments_are_named(data):
    _, states = data
    with pytest.raises(ValueError, match="reward_backend='gpu'"):
        agents.EnvReward(TOY, reward_backend="gpu")
    with pytest.raises(ValueError, match="num_workers=0"):
        agents.EnvReward(TOY, num_workers=0)
    reward = agents.EnvReward(TOY, reward_backend="inline")
    with pytest.raises(ValueError, match="`state` column"):
        reward(completions=["x"])
    with pytest.raises(ValueError, match="2 states but 1 completions"):
        reward(completions=["x"], state=states[:2])


def test_pickle_keeps_arguments_and_counter_not_the_pool(data):
    _, states = data
    reward = agents.EnvReward(TOY, reward_backend="inline", seed=5, flips=8)
    reward(completions=COMPLETIONS, state=states)
    assert reward._backend is not None
    clone = pickle.loads(pickle.dumps(reward))
    assert clone._backend is None and clone.calls == 1 and clone.env_kwargs == {"flips": 8}
    assert clone(completions=COMPLETIONS, state=states) == reward(completions=COMPLETIONS, state=states)


def test_chunks_cover_the_batch():
    assert _chunks(5, 2) == [(0, 2), (2, 5)]
    assert _chunks(2, 8) == [(0, 1), (1, 2)]
    assert _chunks(7, 3) == [(0, 2), (2, 5), (5, 7)]


@pytest.mark.slow
def test_process_pool_matches_inline_and_does_not_leak(data):
    _, states = data
    pooled = agents.EnvReward(TOY, reward_backend="process", num_workers=2, seed=9, flips=8)
    inline = agents.EnvReward(TOY, reward_backend="inline", seed=9, flips=8)
    assert pooled(completions=COMPLETIONS, state=states) == inline(completions=COMPLETIONS, state=states)
    # pickling a reward whose pool is running works and does not carry the pool
    clone = pickle.loads(pickle.dumps(pooled))
    assert clone._backend is None
    procs = list(pooled.backend._executor._processes.values())
    assert len(procs) == 2 and all(p.is_alive() for p in procs)
    pooled.close()
    assert not any(p.is_alive() for p in procs)
    # a collected backend shuts its pool down too
    backend = make_backend("process", 1)
    backend.score(TOY, {}, states[:1], ["<answer>A</answer>"], 0)
    procs = list(backend._executor._processes.values())
    del backend
    gc.collect()
    for p in procs:
        p.join(timeout=10)
    assert not any(p.is_alive() for p in procs)
