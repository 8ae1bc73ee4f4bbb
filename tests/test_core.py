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


# ---------------------------------------------------------------- the hardened contract
from envs.core import CHARSET, OracleFailure, Scored, TextEnv, budget_name_for  # noqa: E402
from envs.core.answer import MAX_NESTING  # noqa: E402
from toy_env import ToyCoinsEnv  # noqa: E402


def test_extract_answer_is_linear_on_hostile_input():
    import time

    cases = ["<answer>" * 8192, "<answer>" * 1_300_000, "</answer>" * 1_100_000, "x" * 10_000_000,
             "<answer>a</answer>" * 500_000 + "<answer>b"]
    for text in cases:
        t = time.perf_counter()
        extract_answer(text)
        assert time.perf_counter() - t < 5.0, len(text)  # about 0.01-0.4 s here; generous for a loaded machine
    assert extract_answer(cases[-1]) == "a"
    assert extract_answer("<answer>a<answer>b</answer>") == "b"
    assert extract_answer(cases[0]) is None


def test_completion_text_reads_content_parts_and_refuses_deep_or_cyclic_input():
    parts = [{"type": "text", "text": "I play "}, {"type": "image_url", "image_url": {"url": "x"}},
             {"type": "text", "text": "<answer>B</answer>"}]
    assert completion_text(parts) == "I play <answer>B</answer>"
    assert completion_text([{"role": "assistant", "content": parts}]) == "I play <answer>B</answer>"
    cyclic: list = []
    cyclic.append(cyclic)
    msg: dict = {"role": "assistant"}
    msg["content"] = [msg]
    deep: object = "<answer>A</answer>"
    for _ in range(100_000):
        deep = [deep]
    shallow: object = "<answer>A</answer>"
    for _ in range(MAX_NESTING - 1):
        shallow = [shallow]
    assert completion_text(cyclic) == completion_text(msg) == completion_text(deep) == ""
    assert completion_text(shallow) == "<answer>A</answer>"
    env = make()
    env.reset(seed=0)
    _, r, _, _, info = env.step(deep)
    assert r == pytest.approx(-0.1) and not info["format_ok"]


@pytest.mark.parametrize("kw, match", [
    ({"format_reward": 1e308, "illegal_reward": 1e308}, "format_reward=1e\\+308"),
    ({"format_reward": "0.1"}, "format_reward='0.1' must be a real number"),
    ({"illegal_reward": True}, "illegal_reward=True"),
    ({"oracle_error_reward": float("nan")}, "oracle_error_reward"),
    ({"answer_tag": None}, "answer_tag=None"),
    ({"answer_tag": "a b"}, "answer_tag='a b'"),
    ({"answer_tag": ""}, "answer_tag=''"),
    ({"flips": 2**40}, "above this environment's bound"),
    ({"flips": 2**64}, "above this environment's bound"),
    ({"flips": 2.5}, "flips=2.5"),
])
def test_constructor_arguments_are_validated_as_a_whole(kw, match):
    with pytest.raises(ValueError, match=match):
        make(**kw)


def test_budget_is_bounded_instance_state_named_by_the_env():
    env = make(flips=12)
    assert (env.budget, env.budget_name) == (12, "flips")
    with pytest.raises(ValueError, match="at most flips=1048576"):
        env.score_completions([env.sample_states(1)[0]], ["<answer>A</answer>"], budget=2**21)
    assert budget_name_for(TOY_ID) == "flips"
    assert budget_name_for("Gomoku9x9-LLM-v0") == "rollouts"
    assert budget_name_for("Gomoku9x9-LLM-v0", {"estimator": "engine"}) == "think_ms"
    with pytest.raises(ValueError, match="unknown environment id 'Nope-v0'"):
        budget_name_for("Nope-v0")


class _FlakyOracle(ToyCoinsEnv):
    """Coin B's oracle fails; with fail_all=True the whole batch call raises."""

    def __init__(self, fail_all=False, **kw):
        super().__init__(**kw)
        self.fail_all = fail_all

    def _estimate_batch(self, states, actions, budget, seeds):
        if self.fail_all:
            raise RuntimeError("engine died")
        ests = super()._estimate_batch(states, actions, budget, seeds)
        return [OracleFailure("coin B is lost") if a == "B" else e for a, e in zip(actions, ests)]


def test_oracle_failure_is_the_items_scored_failure():
    env = _FlakyOracle(flips=8, oracle_error_reward=-0.25)
    state = env.sample_states(1, seed=1)[0]
    scored = env.score_completions([state] * 3, ["<answer>A</answer>", "<answer>B</answer>", "junk"])
    assert scored[0].estimate is not None and scored[0].oracle_error is None
    assert scored[1].estimate is None and scored[1].reward == -0.25 and scored[1].legal
    assert scored[1].to_info()["oracle_error"] == "coin B is lost"
    assert scored[2].reward == pytest.approx(-0.1)
    ests = env.estimate([(state, "A"), (state, "B")], budget=8)
    assert isinstance(ests[0], Estimate) and isinstance(ests[1], OracleFailure) and not ests[1]
    env.reset(options={"state": state})
    _, r, term, _, info = env.step("<answer>B</answer>")
    assert r == -0.25 and term and info["oracle_error"] == "coin B is lost" and info["estimate"] is None
    whole = _FlakyOracle(fail_all=True)
    scored = whole.score_completions([state] * 2, ["<answer>A</answer>", "<answer>C</answer>"])
    assert [s.oracle_error for s in scored] == ["RuntimeError: engine died"] * 2
    assert all(s.reward == 0.0 for s in scored)


class _Hooked(ToyCoinsEnv):
    """A family's own reward scheme and oracle details, through the hooks only."""

    def reward_from_estimate(self, estimate, state):
        return 1.0 if estimate.value >= 0.5 else -1.0

    def _estimate_batch(self, states, actions, budget, seeds):
        return [Estimate(e.value, e.stderr, e.budget, e.exact, info={"heads": round(e.value * budget)})
                for e in super()._estimate_batch(states, actions, budget, seeds)]


def test_reward_hook_and_estimate_info_reach_the_step():
    env = _Hooked(flips=64)
    env.reset(seed=0)
    _, r, _, _, info = env.step("<answer>A</answer>")
    assert r == (1.0 if info["estimate"]["value"] >= 0.5 else -1.0)
    assert info["heads"] == round(info["estimate"]["value"] * 64)
    assert set(info["estimate"]) == {"value", "stderr", "budget", "exact"}


class _DefaultParser(ToyCoinsEnv):
    parse_action = TextEnv.parse_action


def test_default_parser_matches_normalised_legal_actions():
    env = _DefaultParser()
    state = env.decode_state(env.sample_states(1)[0])
    assert env.parse_action("  b ", state) == "B"
    assert env.parse_action("Z", state) is None
    assert env.normalize_action("  Black   Joker ") == "black joker"


def test_state_objects_are_checked_like_strings():
    import envs  # noqa: F401

    small = gym.make("Gomoku9x9-LLM-v0").unwrapped
    big = gym.make("Gomoku15x15-LLM-v0").unwrapped
    big.reset(seed=0)
    with pytest.raises(ValueError, match="15x15 board"):
        small.score_completions([big.state], ["<answer>A1</answer>"])
    small5 = gym.make("Gomoku9x9-LLM-v0", size=5).unwrapped
    small5.reset(seed=0)
    with pytest.raises(ValueError, match="5x5 board"):
        small.estimate([(small5.state, "A1")])
    with pytest.raises(ValueError, match="not a state of"):
        small.score_completions([object()], ["x"])


def test_text_limits_are_per_env_and_widen_per_instance():
    assert {"≤", "≥", "é", "×"} <= set(CHARSET)

    class Wide(ToyCoinsEnv):
        max_action_length = 65536

        def __init__(self, **kw):
            super().__init__(**kw)
            self._make_spaces("Ω₂")

    env = Wide()
    assert env.action_space.max_length == 65536 and "₂" in env.observation_space.character_set
    assert env.observation_space.contains("x ≤ y and é ₂")


def test_candidates_pickling_and_shaping():
    env = make(flips=16)
    state = env.sample_states(1, seed=3)[0]
    assert env.candidate_completions(state)[0] == "<answer>A</answer>"
    assert env.candidate_labels(state) is None
    env.reset(options={"state": state})
    copy = pickle.loads(pickle.dumps(env))
    a = env.score_completions([state], ["<answer>C</answer>"], seed=5)[0]
    b = copy.score_completions([state], ["<answer>C</answer>"], seed=5)[0]
    assert a.reward == b.reward and a.estimate == b.estimate

    class Shaped(ToyCoinsEnv):
        def _transition(self, state, action, rng):
            return state, True, {"reward_delta": 10.0, "outcome": "win"}

    env = Shaped()
    env.reset(seed=0)
    _, r, _, _, info = env.step("<answer>A</answer>")
    assert r == pytest.approx(10.1 + info["estimate"]["value"]) and "reward_delta" not in info
