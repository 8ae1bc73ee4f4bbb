"""agents.verl: verl's compute_score contracts (naive and batch managers) and the parquet layout."""
import json
import os
import sys
import threading
import time
import types

import gymnasium as gym
import numpy as np
import pyarrow.parquet as pq
import pytest

import agents
from agents import reward as reward_module
from agents import verl
from test_agents_reward import _watch_env

TOY = "ToyCoins-LLM-v0"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("verl")
    return agents.export_verl(TOY, str(out), n_train=4, n_test=2, seed=1, flips=8)


def test_parquet_layout(exported):
    train = pq.read_table(exported["train"]).to_pylist()
    test = pq.read_table(exported["test"]).to_pylist()
    assert len(train) == 4 and len(test) == 2
    env = gym.make(TOY, flips=8).unwrapped
    assert [r["reward_model"]["ground_truth"] for r in train] == env.sample_states(4, seed=1)
    assert not {r["extra_info"]["state"] for r in train} & {r["extra_info"]["state"] for r in test}
    for i, row in enumerate(train):
        assert set(row) == {"data_source", "prompt", "ability", "reward_model", "extra_info"}
        assert row["data_source"] == TOY
        assert row["reward_model"]["style"] == "rule"
        info = row["extra_info"]
        assert info["env_id"] == TOY and json.loads(info["env_kwargs"]) == {"flips": 8}
        assert info["state"] == row["reward_model"]["ground_truth"]
        assert info["index"] == i and info["split"] == "train"
        assert [m["role"] for m in row["prompt"]] == ["system", "user"]
        assert row["prompt"] == env.messages(env.decode_state(info["state"]))


def _naive(row, answer, **reward_kwargs):
    """compute_score called the way verl's naive manager and reward loop call it: by keyword."""
    return verl.compute_score(data_source=row["data_source"], solution_str=answer,
                              ground_truth=row["reward_model"]["ground_truth"], extra_info=row["extra_info"],
                              **reward_kwargs)


def test_compute_score_naive_and_batch_agree_with_the_env(exported):
    rows = pq.read_table(exported["train"]).to_pylist()
    env = gym.make(TOY, flips=8).unwrapped
    states = [r["extra_info"]["state"] for r in rows]
    answers = ["<answer>A</answer>", "nothing", "<answer>Q</answer>", "<answer>D</answer>"]
    reward = verl._reward_for(TOY, {"flips": 8})  # the EnvReward this process scores these rows with
    one = []
    for r, state, a in zip(rows, states, answers):
        k = reward.calls
        one.append(_naive(r, a))
        ref = env.score_completions([state], [a], seed=reward.call_seed(k))[0]
        assert one[-1]["score"] == pytest.approx(ref.reward)
    for res in one:
        assert set(res) == {"score", "format_ok", "legal", "estimate", "estimate_stderr", "oracle_error"}
        assert res["oracle_error"] == 0.0
    assert one[1]["score"] == pytest.approx(-0.1) and one[1]["format_ok"] == 0.0
    assert one[2]["score"] == pytest.approx(-0.9) and one[2]["legal"] == 0.0
    for i in (0, 3):
        assert one[i]["score"] == pytest.approx(0.1 + one[i]["estimate"])
        assert 0.0 <= one[i]["estimate"] <= 1.0 and one[i]["estimate"] * 8 == round(one[i]["estimate"] * 8)
    k = reward.calls
    batch = verl.compute_score_batch(data_sources=[r["data_source"] for r in rows], solution_strs=answers,
                                     ground_truths=[r["reward_model"]["ground_truth"] for r in rows],
                                     extra_infos=[r["extra_info"] for r in rows])
    assert isinstance(batch, list) and len(batch) == 4 and reward.calls == k + 1  # one oracle call
    ref = env.score_completions(states, answers, seed=reward.call_seed(k))
    assert [b["score"] for b in batch] == pytest.approx([s.reward for s in ref])
    assert [b["estimate"] for b in batch][0::3] == pytest.approx([ref[0].estimate.value, ref[3].estimate.value])
    assert [b["score"] for b in batch][1:3] == pytest.approx([-0.1, -0.9])


def test_compute_score_batch_takes_numpy_arrays_and_reward_kwargs_as_verl_passes_them(exported):
    rows = pq.read_table(exported["train"]).to_pylist()
    states = [r["extra_info"]["state"] for r in rows]
    answers = ["<answer>B</answer>", "<answer>C</answer>", "<answer>A</answer>", "junk"]
    # verl's batch manager: data_sources and extra_infos are numpy object arrays (non_tensor_batch), the
    # config's custom_reward_function.reward_kwargs arrive as keywords (here the budget and unrelated keys)
    data_sources = np.array([r["data_source"] for r in rows], dtype=object)
    extra_infos = np.array([r["extra_info"] for r in rows], dtype=object)
    reward = verl._reward_for(TOY, {"flips": 3})
    k = reward.calls
    batch = verl.compute_score_batch(data_sources=data_sources, solution_strs=answers,
                                     ground_truths=[r["reward_model"]["ground_truth"] for r in rows],
                                     extra_infos=extra_infos, flips=3, reward_router_address=None,
                                     reward_model_tokenizer=None)
    assert reward.calls == k + 1
    ref = gym.make(TOY, flips=3).unwrapped.score_completions(states, answers, seed=reward.call_seed(k))
    assert [b["score"] for b in batch] == pytest.approx([s.reward for s in ref])
    for b in batch[:3]:
        assert b["estimate"] * 3 == pytest.approx(round(b["estimate"] * 3))  # a value over 3 flips


def test_budget_override_and_fallback_to_ground_truth(exported):
    row = pq.read_table(exported["train"]).to_pylist()[0]
    # extra_info without the state: ground_truth is the state; reward_kwargs may set the budget
    res = verl.compute_score(data_source=TOY, solution_str="<answer>A</answer>",
                             ground_truth=row["reward_model"]["ground_truth"],
                             extra_info={"env_id": TOY, "env_kwargs": "{}"}, budget=3)
    assert res["estimate"] * 3 == pytest.approx(round(res["estimate"] * 3))
    with pytest.raises(ValueError, match="no serialised state"):
        verl.compute_score(data_source=TOY, solution_str="<answer>A</answer>", ground_truth=None, extra_info={})
    with pytest.raises(ValueError, match="different lengths"):
        verl.compute_score_batch(data_sources=[TOY], solution_strs=["a", "b"], ground_truths=[None],
                                 extra_infos=None)


def test_module_works_when_loaded_by_path_as_verl_does(exported):
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("custom_module", verl.__file__)
    module = importlib.util.module_from_spec(spec)
    sys.modules["custom_module"] = module
    try:
        spec.loader.exec_module(module)
        row = pq.read_table(exported["test"]).to_pylist()[0]
        res = module.compute_score(data_source=row["data_source"], solution_str="<answer>Q</answer>",
                                   ground_truth=row["reward_model"]["ground_truth"], extra_info=row["extra_info"])
        assert res["score"] == pytest.approx(-0.9)
    finally:
        del sys.modules["custom_module"]


def test_reward_workers_draw_apart_by_rank_and_seed(monkeypatch, exported):
    monkeypatch.setattr(verl, "_REWARDS", {})
    monkeypatch.delenv("RANK", raising=False)
    monkeypatch.setenv("REWARDDIAL_SEED", "5")
    first = verl._reward_for(TOY, {"flips": 8})
    assert (first.seed, first.rank) == (5, 0)  # the trainer's own process
    monkeypatch.setattr(verl, "_REWARDS", {})
    monkeypatch.setenv("RANK", "3")
    other = verl._reward_for(TOY, {"flips": 8})
    assert other.rank == 3 and other.call_seed(0) != first.call_seed(0)
    monkeypatch.setenv("REWARDDIAL_SEED", "-4")
    monkeypatch.setattr(verl, "_REWARDS", {})
    with pytest.raises(ValueError, match="REWARDDIAL_SEED='-4'"):
        verl._reward_for(TOY, {"flips": 8})


def _fake_ray(worker, actor_name):
    """A stand-in for an initialised ray module, seen from the driver (worker None) or a worker process."""
    ctx = types.SimpleNamespace(worker=types.SimpleNamespace(mode=1 if worker else 0),
                                get_actor_id=lambda: "a1" if actor_name else None, get_actor_name=lambda: actor_name)
    return types.SimpleNamespace(is_initialized=lambda: True, get_runtime_context=lambda: ctx, WORKER_MODE=1)


def test_worker_stream_tells_verls_reward_workers_apart(monkeypatch):
    monkeypatch.delenv("RANK", raising=False)
    monkeypatch.setitem(sys.modules, "ray", _fake_ray(None, None))
    assert verl.worker_stream() == 0  # the driver: verl's naive / batch managers
    streams = []
    for i in range(3):  # verl's reward-loop workers are the Ray actors reward_loop_worker_<i>
        monkeypatch.setitem(sys.modules, "ray", _fake_ray("t", f"reward_loop_worker_{i}"))
        streams.append(verl.worker_stream())
        assert verl.worker_stream() == streams[-1]  # the same worker, the same stream, run after run
    assert len(set(streams)) == 3 and 0 not in streams
    monkeypatch.setitem(sys.modules, "ray", _fake_ray("t", None))
    assert verl.worker_stream() == os.getpid()  # a Ray task: distinct, not reproducible
    monkeypatch.setenv("RANK", "2")
    assert verl.worker_stream() == 2


def test_concurrent_compute_score_calls_never_share_a_seed_or_the_env(monkeypatch, exported):
    """verl's reward loop runs the sync compute_score in an executor: several threads at once."""
    row = pq.read_table(exported["train"]).to_pylist()[0]
    monkeypatch.setattr(verl, "_REWARDS", {})
    monkeypatch.delenv("RANK", raising=False)
    built = []

    class SlowReward(reward_module.EnvReward):  # widen every window a missing lock would leave open
        def __init__(self, *args, **kwargs):
            time.sleep(0.02)
            super().__init__(*args, **kwargs)
            built.append(self)

        def call_seed(self, k):
            time.sleep(0.01)
            return super().call_seed(k)

    monkeypatch.setattr(reward_module, "EnvReward", SlowReward)
    seen = _watch_env(monkeypatch, {"flips": 8})
    n = 6
    start = threading.Barrier(n)
    results = [None] * n

    def work(j):
        start.wait()
        results[j] = _naive(row, "<answer>A</answer>", reward_router_address=None, reward_model_tokenizer=None)

    threads = [threading.Thread(target=work, args=(j,)) for j in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(built) == 1 and list(verl._REWARDS.values()) == built  # one reward per process and env
    assert built[0].calls == n
    assert sorted(seen["seeds"]) == sorted(built[0].call_seed(k) for k in range(n))
    assert seen["most"] == 1
    assert all(r is not None and set(r) >= {"score", "estimate"} for r in results)


# ---------------------------------------------------------------- verl 0.9: async compute_score gathers a group
def _kwargs(row, answer):
    return {"data_source": row["data_source"], "solution_str": answer,
            "ground_truth": row["reward_model"]["ground_truth"], "extra_info": row["extra_info"]}


def test_async_compute_score_gathers_one_group_into_one_oracle_call(exported):
    import asyncio
    import functools
    import inspect

    # verl decides how to call the function with inspect.iscoroutinefunction (also through a partial)
    assert inspect.iscoroutinefunction(verl.compute_score_async)
    assert inspect.iscoroutinefunction(functools.partial(verl.compute_score_async, group_size=8))
    rows = pq.read_table(exported["train"]).to_pylist()
    answers = ["<answer>A</answer>", "<answer>B</answer>", "junk", "<answer>Z</answer>"] * 2
    reward = verl._reward_for(TOY, {"flips": 8})
    env = gym.make(TOY, flips=8).unwrapped

    async def group(row, **extra):  # what verl's reward loop does for the n responses of one prompt
        return await asyncio.gather(*[verl.compute_score_async(**_kwargs(row, a), **extra) for a in answers])

    for extra in ({}, {"group_size": len(answers), "reward_router_address": None}):
        k, batches = reward.calls, verl._BATCHER.batches
        got = asyncio.run(group(rows[0], **extra))
        assert reward.calls == k + 1 and verl._BATCHER.batches == batches + 1  # one oracle call
        ref = env.score_completions([rows[0]["extra_info"]["state"]] * len(answers), answers,
                                    seed=reward.call_seed(k))
        assert [g["score"] for g in got] == pytest.approx([s.reward for s in ref])
        assert got[2]["score"] == pytest.approx(-0.1) and got[3]["score"] == pytest.approx(-0.9)
        assert set(got[0]) == set(_naive(rows[0], answers[0]))  # the same dict as the sync contract


def test_async_compute_score_from_threads_and_loops_scores_every_call(exported):
    """verl's reward-loop workers run event loops in threads; calls from several at once are all answered,
    gathered into few oracle calls, each with the env's reward for its own row."""
    import asyncio

    rows = pq.read_table(exported["train"]).to_pylist()
    answers = ["<answer>A</answer>", "<answer>C</answer>", "none", "<answer>D</answer>"]
    reward = verl._reward_for(TOY, {"flips": 8})
    results: dict[int, list] = {}
    k0 = reward.calls

    def worker(t):
        async def run():
            return await asyncio.gather(*[verl.compute_score_async(**_kwargs(rows[t], a)) for a in answers])
        results[t] = asyncio.run(run())

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    assert sorted(results) == [0, 1, 2, 3]
    assert 1 <= reward.calls - k0 <= 4  # gathered: at most one oracle call per thread, usually one in all
    for t, got in results.items():
        assert [g["format_ok"] for g in got] == [1.0, 1.0, 0.0, 1.0]
        for g in got:
            if g["legal"]:
                assert g["score"] == pytest.approx(0.1 + g["estimate"])
    # the sync contract still works from executor threads, as verl 0.9 calls a plain function
    with __import__("concurrent.futures").futures.ThreadPoolExecutor(4) as pool:
        sync = list(pool.map(lambda a: _naive(rows[0], a), answers))
    assert [s["format_ok"] for s in sync] == [1.0, 1.0, 0.0, 1.0]
