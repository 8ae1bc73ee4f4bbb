"""TRL's environment_factory shape: reset returns the prompt, the model acts through a tool, the env rewards."""
import os

import gymnasium as gym
import pytest

import _tiny_model
import agents
from agents.trl_env import TextGameEnvironment

GOMOKU = "Gomoku9x9-LLM-v0"
TOY = "ToyCoins-LLM-v0"
os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")


@pytest.mark.slow
def test_game_environment_plays_gomoku_through_its_tool():
    row = agents.make_dataset(GOMOKU, 1, seed=2, user_turn=False, mode="game", rollouts=8, opponent_rollouts=8)[0]
    env = TextGameEnvironment(GOMOKU, mode="game", rollouts=8, opponent_rollouts=8)
    prompt = env.reset(**row)
    ref = gym.make(GOMOKU, mode="game").unwrapped
    assert prompt == ref.render_prompt(ref.decode_state(row["state"]))  # the user turn the row left empty
    assert env.get_reward() == pytest.approx(-0.1)  # no action yet: the format penalty
    _, info = ref.reset(options={"state": row["state"]})
    obs = env.act(info["legal_actions"][0])
    assert "over" not in obs and obs != prompt  # the opponent replied; the game goes on
    first = env.get_reward()
    assert 0.1 <= first <= 1.1
    end = env.act("not a move at all")
    assert "over" in end and "could not be read" in end
    assert env.get_reward() == pytest.approx(first - 0.1)
    assert "over" in env.act("E5")  # nothing more is accepted
    # without a dataset row, reset gives the system turn as well
    assert env.reset().startswith(ref.system_prompt())
    with pytest.raises(ValueError, match=TOY):
        env.reset(state=row["state"], env_id=TOY, prompt=[])


def test_factory_builds_independent_instances():
    factory = agents.environment_factory(TOY, flips=4)
    a, b = factory(), factory()
    assert isinstance(a, TextGameEnvironment) and a is not b and a._seed != b._seed
    with pytest.raises(ValueError, match="Nope-LLM-v0"):
        agents.environment_factory("Nope-LLM-v0")


@pytest.mark.slow
def test_grpo_trainer_with_environment_factory(tmp_path):
    from trl import GRPOTrainer
    from trl.chat_template_utils import qwen3_chat_template

    from agents.train import grpo_config

    # a tokenizer with TRL's Qwen3 tool-calling template, whose vocabulary holds whole tool calls, so the random
    # model sometimes calls the env's `act` tool
    calls = ['<tool_call>\n{"name": "act", "arguments": {"answer": "%s"}}\n</tool_call>' % c
             for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    tok = _tiny_model.build_tokenizer(extra_tokens=calls)
    tok.add_special_tokens({"additional_special_tokens": ["<|im_start|>", "<|im_end|>"]})
    tok.eos_token = "<|im_end|>"
    tok.chat_template = qwen3_chat_template
    model = _tiny_model.build_model(tok)
    ds = agents.make_dataset(TOY, 4, seed=0, user_turn=False, flips=8)
    cfg = grpo_config(output_dir=str(tmp_path), use_cpu=True, max_steps=1, num_generations=4,
                      per_device_train_batch_size=4, max_completion_length=16, max_tool_calling_iterations=1,
                      seed=1)
    trainer = GRPOTrainer(model=model, args=cfg, train_dataset=ds, processing_class=tok,
                          environment_factory=agents.environment_factory(TOY, flips=8))
    trainer.train()
    pool = trainer._environment_pool[None]
    assert len(pool) == 4
    for env in pool:  # each rollout's env was reset to a state of the dataset
        assert env._env.encode_state(env._env.state) in ds["state"]
    rewards = list(trainer._logs["rewards"]["TextGameEnvironment"])
    assert rewards == pytest.approx([env.get_reward() for env in pool])
    assert any(env._acted for env in pool), "the model never called the act tool"
    assert trainer.state.log_history[0]["tools/call_frequency"] > 0
