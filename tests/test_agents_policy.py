"""agents.LLMPolicy (transformers on CPU; vLLM skipped without a GPU) and agents.evaluate."""
import re
import sys
import types

import pytest

import _tiny_model
import agents

TOY = "ToyCoins-LLM-v0"
CONV = [{"role": "system", "content": "Answer as <answer>A</answer>."}, {"role": "user", "content": "Pick a coin."}]


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory):
    return _tiny_model.save_tiny(tmp_path_factory.mktemp("tiny"))


def test_transformers_policy_generates_one_reply_per_conversation(tiny_dir):
    policy = agents.LLMPolicy(tiny_dir, temperature=0.0, max_new_tokens=8, batch_size=2, device="cpu")
    convs = [CONV, [{"role": "user", "content": "Another prompt, longer than the first one."}], CONV]
    replies = policy.generate(convs)
    assert len(replies) == 3 and all(isinstance(r, str) for r in replies)
    # greedy: the same conversation gets the same reply, whatever its batch and padding
    assert replies[0] == replies[2] == policy(CONV)
    assert policy.generate([]) == []


def test_max_new_tokens_caps_the_reply(tiny_dir):
    def sampled(cap):
        return agents.LLMPolicy(tiny_dir, temperature=1.0, max_new_tokens=cap, seed=5, device="cpu")(CONV)

    short, long = sampled(2), sampled(12)
    # same seed, same draws: the capped reply is where the longer one starts
    assert long.startswith(short.rstrip("\ufffd")) and len(short) < len(long)


def test_sampling_is_reproducible_with_a_seed(tiny_dir):
    a = agents.LLMPolicy(tiny_dir, temperature=1.0, top_p=0.9, max_new_tokens=8, seed=3, device="cpu")
    b = agents.LLMPolicy(tiny_dir, temperature=1.0, top_p=0.9, max_new_tokens=8, seed=3, device="cpu")
    assert a.generate([CONV] * 4) == b.generate([CONV] * 4)
    assert len(set(a.generate([CONV] * 4))) > 1  # sampled, not greedy


def test_bad_policy_arguments_are_named(tiny_dir):
    with pytest.raises(ValueError, match="backend='tpu'"):
        agents.LLMPolicy(tiny_dir, backend="tpu")
    with pytest.raises(ValueError, match="max_new_tokens=0"):
        agents.LLMPolicy(tiny_dir, max_new_tokens=0)
    with pytest.raises(ValueError, match="temperature"):
        agents.LLMPolicy(tiny_dir, temperature=-1)
    policy = agents.LLMPolicy(tiny_dir, max_new_tokens=2, device="cpu")
    with pytest.raises(ValueError, match="list of"):
        policy.generate(["just a string"])
    with pytest.raises(ValueError, match="tokenizer="):
        agents.LLMPolicy(policy.model)
    for bad in (-2, 1.5, True):
        with pytest.raises(ValueError, match=f"top_k={bad!r}"):
            agents.LLMPolicy(tiny_dir, top_k=bad)
    with pytest.raises(ValueError, match="seed=-1"):
        agents.LLMPolicy(tiny_dir, seed=-1)


class _FakeVLLM:
    """A stand-in for the vllm module (no GPU here): records what LLMPolicy asks of it."""

    def __init__(self):
        self.module = types.ModuleType("vllm")
        self.module.LLM = self._llm
        self.module.SamplingParams = lambda **kw: dict(kw)
        self.llm_kwargs = None
        self.chats = []

    def _llm(self, **kwargs):
        self.llm_kwargs = kwargs
        fake = self

        class LLM:
            def chat(self, messages, sampling_params, use_tqdm=True):
                fake.chats.append((messages, sampling_params))
                params = sampling_params if isinstance(sampling_params, list) else [sampling_params] * len(messages)
                assert len(params) == len(messages)
                return [types.SimpleNamespace(outputs=[types.SimpleNamespace(text=f"seed {p['seed']}")])
                        for p in params]

        return LLM()


@pytest.fixture
def fake_vllm(monkeypatch):
    fake = _FakeVLLM()
    monkeypatch.setitem(sys.modules, "vllm", fake.module)
    return fake


def test_vllm_requests_get_their_own_seeds_across_calls(fake_vllm):
    policy = agents.LLMPolicy("some/model", backend="vllm", temperature=0.8, top_p=0.9, top_k=0,
                              max_new_tokens=7, seed=10, dtype="bfloat16")
    assert fake_vllm.llm_kwargs == {"model": "some/model", "tokenizer": None, "seed": 10, "dtype": "bfloat16"}
    # identical conversations in one batch are separate requests with separate seeds
    assert policy.generate([CONV, CONV, CONV]) == ["seed 10", "seed 11", "seed 12"]
    messages, params = fake_vllm.chats[0]
    assert messages == [CONV] * 3 and isinstance(params, list) and len(params) == 3
    assert params[0] == {"temperature": 0.8, "top_p": 0.9, "top_k": -1, "max_tokens": 7, "seed": 10}
    # the next call goes on from there instead of re-seeding
    assert policy.generate([CONV, CONV]) == ["seed 13", "seed 14"]
    assert policy(CONV) == "seed 15"


def test_vllm_greedy_and_top_k_settings(fake_vllm):
    policy = agents.LLMPolicy("some/model", backend="vllm", temperature=0.0, top_k=-1, tokenizer="some/tok")
    assert fake_vllm.llm_kwargs["tokenizer"] == "some/tok"
    policy.generate([CONV, CONV])
    params = fake_vllm.chats[0][1]
    assert [p["temperature"] for p in params] == [0.0, 0.0] and [p["seed"] for p in params] == [None, None]
    assert params[0]["top_k"] == -1
    policy = agents.LLMPolicy("some/model", backend="vllm", top_k=20)
    policy.generate([CONV])
    assert fake_vllm.chats[-1][1][0]["top_k"] == 20


def test_vllm_refuses_a_tokenizer_object(fake_vllm):
    tokenizer = _tiny_model.build_tokenizer()
    with pytest.raises(ValueError, match="path or hub id as tokenizer="):
        agents.LLMPolicy("some/model", backend="vllm", tokenizer=tokenizer)
    assert fake_vllm.llm_kwargs is None  # refused before loading anything


def _has_gpu():
    try:
        import torch
    except ImportError:
        return False
    return torch.cuda.is_available()


@pytest.mark.gpu
@pytest.mark.skipif(not _has_gpu(), reason="vLLM needs a CUDA GPU")
def test_vllm_policy_matches_the_contract(tiny_dir):
    pytest.importorskip("vllm")
    policy = agents.LLMPolicy(tiny_dir, backend="vllm", temperature=0.0, max_new_tokens=8,
                              gpu_memory_utilization=0.2)
    replies = policy.generate([CONV, CONV])
    assert len(replies) == 2 and replies[0] == replies[1]


class Scripted:
    """A policy that always gives the same reply (or a function of the prompt)."""

    def __init__(self, reply):
        self.reply = reply
        self.seen = []

    def generate(self, conversations):
        self.seen.append(conversations)
        return [self.reply(c[-1]["content"]) if callable(self.reply) else self.reply for c in conversations]


@pytest.mark.parametrize("reply, format_rate, illegal_rate", [
    ("<answer>A</answer>", 1.0, 0.0), ("<answer>Z</answer>", 1.0, 1.0), ("no answer", 0.0, 0.0)])
def test_evaluate_metrics_on_the_toy_env(reply, format_rate, illegal_rate):
    policy = Scripted(reply)
    m = agents.evaluate(TOY, policy, 5, seed=2, progress=False, flips=16)
    assert m["episodes"] == 5 and m["steps"] == 5 and m["truncated"] == 0
    assert m["format_rate"] == format_rate and m["illegal_rate"] == illegal_rate
    assert len(policy.seen) == 1 and len(policy.seen[0]) == 5  # one batch for the 5 episodes
    assert "win_rate" not in m  # single decisions: no game outcomes
    assert [t["role"] for t in policy.seen[0][0]] == ["system", "user"]
    if illegal_rate == 0 and format_rate == 1:
        assert m["mean_reward"] == pytest.approx(0.1 + m["mean_estimate"])
        assert 0 < m["mean_stderr"] < 0.2
    elif format_rate == 1:
        assert m["mean_reward"] == pytest.approx(-0.9) and m["mean_estimate"] is None
    else:
        assert m["mean_reward"] == pytest.approx(-0.1)
    with pytest.raises(ValueError, match="episodes=0"):
        agents.evaluate(TOY, policy, 0)


@pytest.mark.parametrize("drop", [1, -1])
def test_evaluate_refuses_a_policy_that_returns_the_wrong_number_of_replies(drop):
    class Miscounting(Scripted):
        def generate(self, conversations):
            replies = super().generate(conversations)
            return replies[:drop] if drop > 0 else replies + replies[:1]

    with pytest.raises(ValueError, match="returned 1 replies for 3 conversations" if drop > 0
                       else "returned 4 replies for 3 conversations"):
        agents.evaluate(TOY, Miscounting("<answer>A</answer>"), 3, progress=False, flips=4)


def _first_empty_point(prompt):
    """Read the board of a Gomoku prompt and name its first empty point (test-side parsing)."""
    rows = re.findall(r"^\s*(\d+) ((?:[.XO] )+)", prompt, flags=re.M)
    cols = "ABCDEFGHIJKLMNO"
    for row, cells in rows:
        for c, cell in enumerate(cells.split()):
            if cell == ".":
                return f"<answer>{cols[c]}{row}</answer>"
    return "<answer>A1</answer>"


@pytest.mark.slow
def test_evaluate_plays_whole_gomoku_games():
    m = agents.evaluate("Gomoku9x9-LLM-v0", Scripted(_first_empty_point), 2, seed=0, progress=False,
                        mode="game", rollouts=8, opponent_rollouts=8)
    assert m["episodes"] == 2 and m["steps"] > 2  # several decisions per game
    assert m["format_rate"] == 1.0 and m["illegal_rate"] == 0.0
    assert sum(m["outcomes"].values()) == 2
    assert m["win_rate"] + m["draw_rate"] + m["loss_rate"] + m["invalid_rate"] + m["unfinished_rate"] \
        == pytest.approx(1.0)
    assert "pass_rate" not in m  # a win-rate is not a pass fraction


def test_outcome_rates_add_up_to_one_with_invalid_and_unfinished_episodes():
    """Whole games that end in a win, a loss, an illegal answer, or are cut off by max_steps."""
    def reply(prompt):  # an illegal answer in every other game, a legal one otherwise
        return "<answer>Z99</answer>" if reply.calls.__next__() % 2 else _first_empty_point(prompt)

    reply.calls = iter(range(10**6))
    m = agents.evaluate("Gomoku9x9-LLM-v0", Scripted(reply), 4, seed=1, progress=False, mode="game",
                        rollouts=4, opponent_rollouts=4, max_steps=1)
    rates = {k: v for k, v in m.items() if k.endswith("_rate") and k.split("_")[0] in
             ("win", "draw", "loss", "invalid", "unfinished")}
    assert set(rates) == {"win_rate", "draw_rate", "loss_rate", "invalid_rate", "unfinished_rate"}
    assert sum(rates.values()) == pytest.approx(1.0)
    assert m["invalid_rate"] == pytest.approx(0.5) and m["unfinished_rate"] == pytest.approx(0.5)
    assert m["outcomes"] == {"win": 0, "draw": 0, "loss": 0, "invalid": 2, "unfinished": 2}
    assert m["truncated"] == 2 and "pass_rate" not in m


def test_pass_rate_only_for_envs_that_report_it(monkeypatch):
    from toy_env import ToyCoinsEnv

    m = agents.evaluate(TOY, Scripted("<answer>A</answer>"), 3, progress=False, flips=4)
    assert "pass_rate" not in m
    monkeypatch.setattr(ToyCoinsEnv, "reports_pass_rate", True, raising=False)
    m = agents.evaluate(TOY, Scripted("<answer>A</answer>"), 3, progress=False, flips=4)
    assert 0.0 <= m["pass_rate"] <= 1.0
