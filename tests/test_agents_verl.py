"""agents.verl: verl's compute_score contracts (naive and batch managers) and the parquet layout."""
import json

import gymnasium as gym
import pyarrow.parquet as pq
import pytest

import agents
from agents import verl

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


def test_compute_score_naive_and_batch_agree_with_the_env(exported):
    rows = pq.read_table(exported["train"]).to_pylist()
    answers = ["<answer>A</answer>", "nothing", "<answer>Q</answer>", "<answer>D</answer>"]
    one = [verl.compute_score(r["data_source"], a, r["reward_model"]["ground_truth"], r["extra_info"])
           for r, a in zip(rows, answers)]
    for res in one:
        assert set(res) == {"score", "format_ok", "legal", "estimate", "estimate_stderr"}
    assert one[1]["score"] == pytest.approx(-0.1) and one[1]["format_ok"] == 0.0
    assert one[2]["score"] == pytest.approx(-0.9) and one[2]["legal"] == 0.0
    for i in (0, 3):
        assert one[i]["score"] == pytest.approx(0.1 + one[i]["estimate"])
        assert 0.0 <= one[i]["estimate"] <= 1.0 and one[i]["estimate"] * 8 == round(one[i]["estimate"] * 8)
    batch = verl.compute_score_batch(data_sources=[r["data_source"] for r in rows], solution_strs=answers,
                                     ground_truths=[r["reward_model"]["ground_truth"] for r in rows],
                                     extra_infos=[r["extra_info"] for r in rows])
    assert isinstance(batch, list) and len(batch) == 4
    assert [b["score"] for b in batch][1:3] == pytest.approx([-0.1, -0.9])


def test_budget_override_and_fallback_to_ground_truth(exported):
    row = pq.read_table(exported["train"]).to_pylist()[0]
    # extra_info without the state: ground_truth is the state; reward_kwargs may set the budget
    res = verl.compute_score(TOY, "<answer>A</answer>", row["reward_model"]["ground_truth"],
                             {"env_id": TOY, "env_kwargs": "{}"}, budget=3)
    assert res["estimate"] * 3 == pytest.approx(round(res["estimate"] * 3))
    with pytest.raises(ValueError, match="no serialised state"):
        verl.compute_score(TOY, "<answer>A</answer>", None, {})
    with pytest.raises(ValueError, match="different lengths"):
        verl.compute_score_batch([TOY], ["a", "b"], [None], None)


def test_module_works_when_loaded_by_path_as_verl_does(exported):
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("custom_module", verl.__file__)
    module = importlib.util.module_from_spec(spec)
    sys.modules["custom_module"] = module
    try:
        spec.loader.exec_module(module)
        row = pq.read_table(exported["test"]).to_pylist()[0]
        res = module.compute_score(row["data_source"], "<answer>Q</answer>", row["reward_model"]["ground_truth"],
                                   row["extra_info"])
        assert res["score"] == pytest.approx(-0.9)
    finally:
        del sys.modules["custom_module"]
