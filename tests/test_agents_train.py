"""Two real GRPOTrainer steps on CPU with a tiny model, on both Gomoku ids and the toy environment.

The tiny model (2-layer Qwen2, hidden size 32, tokenizer trained here; nothing downloaded) has whole
answers such as "<answer>E5</answer>" among its tokens, so the completions it samples in training mix legal,
illegal and malformed answers. The tests check that the reward function got the states of the prompts it scored, in GRPO
groups, and returned exactly the environment's rewards for those completions and seeds.
"""
import os

import gymnasium as gym
import pytest

import _tiny_model
import agents
from agents.train import build_trainer, grpo_config
from envs.core import completion_text

os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")

CASES = {"Gomoku9x9-LLM-v0": {"rollouts": 16}, "Gomoku15x15-LLM-v0": {"rollouts": 16},
         "ToyCoins-LLM-v0": {"flips": 8, "coins": 26}}
NUM_GEN = 4


class Recorder:
    """Wraps an EnvReward and records every call (TRL calls it like the EnvReward itself)."""

    def __init__(self, inner):
        self.inner = inner
        self.__name__ = inner.__name__
        self.calls = []

    def __call__(self, prompts=None, completions=None, **kwargs):
        k = self.inner.calls
        out = self.inner(prompts=prompts, completions=completions, **kwargs)
        self.calls.append({"seed": self.inner.call_seed(k), "prompts": prompts, "states": list(kwargs["state"]),
                           "env_ids": list(kwargs["env_id"]), "completions": [completion_text(c) for c in completions],
                           "rewards": out, "metric_hook": callable(kwargs.get("log_metric"))})
        return out


def _model_that_answers(env_id, env_kwargs):
    """The tiny model, with every candidate answer of some states as a whole token of its vocabulary."""
    env = gym.make(env_id, **env_kwargs).unwrapped
    answers = sorted({f"<answer>{a}</answer>" for s in env.sample_states(4, seed=100)
                      for a in env.candidate_actions(s)})
    tokenizer = _tiny_model.build_tokenizer(extra_tokens=answers)
    return _tiny_model.build_model(tokenizer), tokenizer


@pytest.mark.slow
@pytest.mark.parametrize("env_id", list(CASES))
def test_two_grpo_steps_get_the_envs_rewards(env_id, tmp_path):
    env_kwargs = CASES[env_id]
    model, tokenizer = _model_that_answers(env_id, env_kwargs)
    config = grpo_config(output_dir=str(tmp_path), use_cpu=True, max_steps=2, num_generations=NUM_GEN,
                         per_device_train_batch_size=NUM_GEN, max_completion_length=16, learning_rate=1e-4,
                         logging_steps=1, seed=0)
    trainer = build_trainer(env_id, model, env_kwargs=env_kwargs, num_states=6, seed=3, reward_backend="inline",
                            config=config, tokenizer=tokenizer)
    recorder = Recorder(trainer.reward_funcs[0])
    trainer.reward_funcs[0] = recorder
    trainer.train()

    assert len(recorder.calls) == 2
    env = gym.make(env_id, **env_kwargs).unwrapped
    dataset_states = set(agents.make_dataset(env_id, 6, seed=3, **env_kwargs)["state"])
    rewards = []
    for call in recorder.calls:
        states = call["states"]
        assert len(states) == NUM_GEN and set(states) <= dataset_states
        assert len(set(states)) == 1  # one GRPO group shares one state
        assert call["env_ids"] == [env_id] * NUM_GEN and call["metric_hook"]
        for prompt, state in zip(call["prompts"], states):
            assert prompt == env.messages(env.decode_state(state))
        expected = env.score_completions(states, call["completions"], seed=call["seed"])
        assert call["rewards"] == pytest.approx([s.reward for s in expected])
        rewards += call["rewards"]
    # the well-formed path was exercised too (legal: 0.1 + estimate, illegal: -0.9), not only the penalty
    assert any(abs(r + 0.1) > 1e-6 for r in rewards), f"no well-formed answer in training: {recorder.calls}"
    logged = trainer.state.log_history[0]
    assert logged["reward"] == pytest.approx(sum(recorder.calls[0]["rewards"]) / NUM_GEN, abs=1e-5)
    assert f"{env_id}/format_rate" in logged and "reward_std" in logged
