"""agents.EnvReward: TRL's reward contract, seeds, pickling, metrics hooks, and the local process pool."""
import gc
import os
import pickle
import threading
import time

import gymnasium as gym
import pytest

import agents
from agents.backends import _check_workers, _chunks, cached_env, make_backend
from agents.reward import MAX_BATCH

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
    assert got == pytest.approx(_expected(states, COMPLETIONS, seed=reward.call_seed(0), flips=8))
    assert got[1] == pytest.approx(-0.1)  # malformed
    assert got[2] == pytest.approx(-0.9)  # well-formed, illegal
    assert reward.__name__ == TOY
    # the next call uses other seeds, reproducibly
    second = reward(completions=COMPLETIONS, state=states)
    assert reward.calls == 2
    assert second == pytest.approx(_expected(states, COMPLETIONS, seed=reward.call_seed(1), flips=8))
    assert reward.call_seed(1) != reward.call_seed(0)


def test_call_seeds_of_calls_and_ranks_never_fall_onto_each_other(monkeypatch):
    monkeypatch.delenv("RANK", raising=False)
    reward = agents.EnvReward(TOY, reward_backend="inline", seed=7, flips=8)
    assert reward.rank == 0
    monkeypatch.setenv("RANK", "1")  # what torchrun / accelerate launch set in the second process
    other = agents.EnvReward(TOY, reward_backend="inline", seed=7, flips=8)
    assert other.rank == 1
    calls = 4096
    bases = [reward.call_seed(k) for k in range(calls)] + [other.call_seed(k) for k in range(calls)]
    # the old stride seed + k * 2**20 (mod 2**31 - 1) put call 2048 one seed after call 0
    assert abs(reward.call_seed(2048) - reward.call_seed(0)) >= MAX_BATCH
    assert len(set(bases)) == len(bases)  # no two calls, on one rank or two, share a base seed
    assert len({b - a for a, b in zip(bases[:calls], bases[1:calls])}) > 1  # no fixed stride
    # every item seed of a full call stays a positive 31-bit integer
    assert all(1 <= b and b + MAX_BATCH - 1 < 2**31 - 1 for b in bases)
    # reproducible: the same (seed, rank) gives the same seeds; rank= overrides RANK
    assert agents.EnvReward(TOY, reward_backend="inline", seed=7, rank=0, flips=8).call_seed(5) == reward.call_seed(5)
    assert other.call_seed(0) != reward.call_seed(0)


def test_bad_seed_rank_and_batch_are_refused(monkeypatch, data):
    _, states = data
    with pytest.raises(ValueError, match="seed=-1"):
        agents.EnvReward(TOY, reward_backend="inline", seed=-1)
    with pytest.raises(ValueError, match="rank=-2"):
        agents.EnvReward(TOY, reward_backend="inline", rank=-2)
    monkeypatch.setenv("RANK", "gpu0")
    with pytest.raises(ValueError, match="RANK='gpu0'"):
        agents.EnvReward(TOY, reward_backend="inline")
    monkeypatch.delenv("RANK")
    reward = agents.EnvReward(TOY, reward_backend="inline", flips=8)
    with pytest.raises(ValueError, match=f"at most {MAX_BATCH}"):
        reward.score(states[:1] * (MAX_BATCH + 1), ["x"] * (MAX_BATCH + 1))
    assert reward.calls == 0


def _watch_env(monkeypatch, env_kwargs):
    """Record the seed of every scoring call of the cached env, and the most threads inside it at once."""
    env = cached_env(TOY, env_kwargs)
    inner = env.score_completions
    seen = {"seeds": [], "inside": 0, "most": 0}
    guard = threading.Lock()

    def score_completions(states, completions, *, seed=0, budget=None):
        with guard:
            seen["inside"] += 1
            seen["most"] = max(seen["most"], seen["inside"])
            seen["seeds"].append(seed)
        time.sleep(0.02)  # a slow oracle: another thread would get in now if nothing kept it out
        try:
            return inner(states, completions, seed=seed, budget=budget)
        finally:
            with guard:
                seen["inside"] -= 1

    monkeypatch.setattr(env, "score_completions", score_completions)
    return seen


def _slow_call_seed(monkeypatch, reward):
    inner = reward.call_seed

    def call_seed(k):
        time.sleep(0.01)  # widen the window between reading and advancing the call counter
        return inner(k)

    monkeypatch.setattr(reward, "call_seed", call_seed)
    return inner


def test_concurrent_calls_get_distinct_seeds_and_never_share_the_env(monkeypatch, data):
    _, states = data
    reward = agents.EnvReward(TOY, reward_backend="inline", seed=11, flips=8)
    seen = _watch_env(monkeypatch, {"flips": 8})
    call_seed = _slow_call_seed(monkeypatch, reward)
    n = 6
    start = threading.Barrier(n)
    results = [None] * n

    def work(j):
        start.wait()
        results[j] = reward(completions=COMPLETIONS, state=states)

    threads = [threading.Thread(target=work, args=(j,)) for j in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert reward.calls == n
    assert sorted(seen["seeds"]) == sorted(call_seed(k) for k in range(n))
    assert seen["most"] == 1
    # each call's rewards are the env's rewards with that call's seeds
    expected = [_expected(states, COMPLETIONS, seed=call_seed(k), flips=8) for k in range(n)]
    assert sorted(results) == sorted(expected)


def test_default_pool_size_is_this_processs_share_of_the_node(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    monkeypatch.delenv("LOCAL_WORLD_SIZE", raising=False)
    assert _check_workers(None) == 8
    monkeypatch.setenv("LOCAL_WORLD_SIZE", "4")  # 4 training processes on this node (accelerate launch)
    assert _check_workers(None) == 2
    backend = make_backend("process")  # the pool starts its workers on first use only
    try:
        assert backend.num_workers == 2
    finally:
        backend.close()
    monkeypatch.setenv("LOCAL_WORLD_SIZE", "16")
    assert _check_workers(None) == 1
    assert _check_workers(3) == 3  # an explicit size wins
    monkeypatch.setenv("LOCAL_WORLD_SIZE", "0")
    with pytest.raises(ValueError, match="LOCAL_WORLD_SIZE='0'"):
        _check_workers(None)


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
    procs = pooled.backend.processes()
    assert len(procs) == 2 and all(p.is_alive() for p in procs)
    pooled.close()
    assert not any(p.is_alive() for p in procs)
    # a collected backend shuts its pool down too
    backend = make_backend("process", 1)
    backend.score(TOY, {}, states[:1], ["<answer>A</answer>"], 0)
    procs = backend.processes()
    del backend
    gc.collect()
    for p in procs:
        p.join(timeout=10)
    assert not any(p.is_alive() for p in procs)


def test_env_id_column_of_another_length_is_a_clear_error(data):
    _, states = data
    reward = agents.EnvReward(TOY, reward_backend="inline", flips=8)
    with pytest.raises(ValueError, match="env_id column has 2 entries but there are 3 completions"):
        reward(completions=["x"] * 3, state=states[:3], env_id=[TOY] * 2)
    with pytest.raises(ValueError, match="env_id column has the string"):
        reward(completions=["x"] * 3, state=states[:3], env_id=TOY)


def test_items_whose_oracle_failed_get_none_and_the_rest_are_scored(data):
    from envs.core import OracleFailure
    from toy_env import ToyCoinsEnv

    class FlakyCoins(ToyCoinsEnv):
        """Coin C's oracle fails (as an engine that dies on one position would)."""

        def _estimate_batch(self, states, actions, budget, seeds):
            out = super()._estimate_batch(states, actions, budget, seeds)
            return [OracleFailure("engine died") if a == "C" else e for a, e in zip(actions, out)]

    flaky = "FlakyCoins-LLM-v0"
    if flaky not in gym.registry:
        gym.register(id=flaky, entry_point=FlakyCoins)
    _, states = data
    reward = agents.EnvReward(flaky, reward_backend="inline", seed=2, flips=8)
    metrics = {}
    got = reward(completions=COMPLETIONS, state=states, env_id=[flaky] * 6, log_metric=metrics.__setitem__)
    env = gym.make(flaky, flips=8).unwrapped
    ref = env.score_completions(states, [c if isinstance(c, str) else c[0]["content"] for c in COMPLETIONS],
                                seed=reward.call_seed(0))
    assert ref[4].oracle_error == "engine died"
    assert got[4] is None  # "<answer>C</answer>": the trainer skips it
    assert [g for i, g in enumerate(got) if i != 4] == pytest.approx([r.reward for i, r in enumerate(ref) if i != 4])
    assert metrics[f"{flaky}/oracle_error_rate"] == pytest.approx(1 / 6)
