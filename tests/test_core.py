"""The shared core: answer extraction, Estimate, and the TextEnv contract (on the toy environment)."""
import math
import pickle

import gymnasium as gym
import numpy as np
import pytest

from envs.core import Estimate, completion_text, extract_answer
from conftest import TOY_ID


def make(**kw):
    return gym.make(TOY_ID, **kw).unwrapped


def test_extract_answer_takes_last_tag_case_insensitively():
    assert extract_answer("<answer>A</answer> then <ANSWER> b </ANSWER>") == "b"
    assert extract_answer("no tag") is None
    assert extract_answer("<answer>unclosed") is None
    assert extract_answer("<answer>x\ny</answer>") == "x\ny"
    assert extract_answer("<move>H8</move>", tag="move") == "H8"


def test_completion_text_accepts_trainer_shapes():
    assert completion_text("plain") == "plain"
    assert completion_text(b"bytes\xff") == "bytes\ufffd"
    assert completion_text([{"role": "assistant", "content": "hi"}]) == "hi"
    assert completion_text([{"role": "user", "content": "no"}, {"role": "assistant", "content": "yes"}]) == "yes"
    assert completion_text(None) == ""
    assert completion_text(12) == "12"

    class Hostile:
        def __str__(self):
            raise RuntimeError("boom")

    assert completion_text(Hostile()) == ""


def test_estimate_validates_and_round_trips():
    est = Estimate(0.5, 0.1, 16, False)
    assert est.to_dict() == {"value": 0.5, "stderr": 0.1, "budget": 16, "exact": False}
    with pytest.raises(ValueError, match="finite"):
        Estimate(float("nan"), 0.0, 1)
    with pytest.raises(ValueError, match="stderr"):
        Estimate(0.5, -1.0, 1)
    est = Estimate.from_mean(0.25, 0.1875, 12)
    assert math.isclose(est.stderr, math.sqrt(0.1875 / 12))
    assert pickle.loads(pickle.dumps(est)) == est


def test_reward_terms_malformed_illegal_legal():
    env = make(flips=8)
    _, info = env.reset(seed=3)
    _, r, term, _, i = env.step("I think it is B")
    assert (r, term, i["format_ok"], i["action"], i["estimate"]) == (pytest.approx(-0.1), True, False, None, None)
    env.reset(seed=3)
    _, r, term, _, i = env.step("<answer>Z</answer>")
    assert r == pytest.approx(0.1 - 1.0) and i["format_ok"] and not i["legal"] and i["action"] == "Z"
    env.reset(seed=3)
    _, r, term, _, i = env.step("<answer>b</answer>")
    assert i["legal"] and i["action"] == "B" and term
    assert r == pytest.approx(0.1 + i["estimate"]["value"])
    assert i["estimate"]["budget"] == 8


def test_reward_values_are_configurable():
    env = make(format_reward=0.0, format_penalty=-2.0, illegal_reward=-5.0)
    env.reset(seed=0)
    assert env.step("junk")[1] == -2.0
    env.reset(seed=0)
    assert env.step("<answer>Q</answer>")[1] == -5.0


def test_step_before_reset_and_after_end_raise():
    env = make()
    with pytest.raises(gym.error.ResetNeeded):
        env.step("<answer>A</answer>")
    env.reset(seed=0)
    env.step("<answer>A</answer>")
    with pytest.raises(gym.error.ResetNeeded):
        env.step("<answer>A</answer>")


def test_retry_policy_gives_feedback_then_ends():
    env = make(invalid_policy="retry", max_retries=2)
    prompt, _ = env.reset(seed=1)
    obs, r, term, _, info = env.step("nothing")
    assert not term and r == pytest.approx(-0.1) and info["retry"] == 1
    assert "no readable answer" in obs and prompt in obs
    obs, r, term, _, info = env.step("<answer>Y</answer>")
    assert not term and "Y is not a legal action" in obs and info["retry"] == 2
    obs, r, term, _, info = env.step("still nothing")
    assert term and r == pytest.approx(-0.1)
    env.reset(seed=1)
    env.step("nothing")
    _, r, term, _, info = env.step("<answer>A</answer>")
    assert term and info["legal"]


@pytest.mark.parametrize("kw, match", [
    ({"invalid_policy": "ignore"}, "invalid_policy='ignore'"),
    ({"max_retries": -1}, "max_retries"),
    ({"format_reward": float("inf")}, "format_reward"),
    ({"render_mode": "human"}, "render_mode='human'"),
    ({"flips": 0}, "flips=0"),
])
def test_bad_arguments_name_the_value(kw, match):
    with pytest.raises(ValueError, match=match):
        make(**kw)


def test_reset_options_pin_the_state():
    env = make()
    prompt, info = env.reset(seed=5)
    other, _ = env.reset(seed=6)
    assert other != prompt
    again, info2 = env.reset(options={"state": info["state"]})
    assert again == prompt and info2["state"] == info["state"]
    assert info["messages"][0]["role"] == "system" and info["messages"][1]["content"] == prompt
    with pytest.raises(ValueError, match="unknown reset options"):
        env.reset(options={"sate": info["state"]})
    with pytest.raises(ValueError, match="task ids"):
        env.reset(options={"task_id": 3})


def test_score_completions_batches_with_per_item_seeds():
    env = make(flips=32)
    states = env.sample_states(3, seed=10)
    assert states == env.sample_states(3, seed=10) and len(set(states)) == 3
    comps = ["<answer>A</answer>", [{"role": "assistant", "content": "<answer>b</answer>"}], "x"]
    scored = env.score_completions(states, comps, seed=4)
    assert [s.format_ok for s in scored] == [True, True, False]
    # the batch equals the one-by-one estimates with seeds seed + i
    for i in range(2):
        est = env.estimate([(states[i], scored[i].action)], budget=32, seed=4 + i)[0]
        assert scored[i].estimate == est
    # explicit per-query seeds give the same estimates as those seeds one at a time
    both = env.estimate([(states[0], "A"), (states[1], "B")], budget=32, seeds=[7, 3])
    assert both == [env.estimate([(states[0], "A")], budget=32, seed=7)[0],
                    env.estimate([(states[1], "B")], budget=32, seed=3)[0]]
    with pytest.raises(ValueError, match="one non-negative integer per query"):
        env.estimate([(states[0], "A")], budget=32, seeds=[1, 2])
    with pytest.raises(ValueError, match="one non-negative integer per query"):
        env.estimate([(states[0], "A")], budget=32, seeds=[-1])
    with pytest.raises(ValueError, match="one state per completion"):
        env.score_completions(states, comps[:2])
    with pytest.raises(ValueError, match="flips=0"):
        env.score_completions(states, comps, budget=0)


def test_estimate_uses_common_random_numbers_and_truth_is_exact():
    env = make()
    state = env.sample_states(1, seed=2)[0]
    p = json_p = env.decode_state(state)[0]
    small = env.estimate([(state, "A")], budget=100, seed=9)[0]
    large = env.estimate([(state, "A")], budget=200, seed=9)[0]
    u = np.random.default_rng(9).random(200)
    assert small.value == pytest.approx(np.mean(u[:100] < p))
    assert large.value == pytest.approx(np.mean(u < p))
    truth = env.truth([(state, "A")])[0]
    assert truth.exact and truth.value == json_p
    with pytest.raises(ValueError, match="not legal"):
        env.estimate([(state, "Z")])
