"""TRL's environment_factory shape: reset returns the prompt, the model acts through a tool, the env rewards."""
import os

import gymnasium as gym
import pytest

import _tiny_model
import agents
from agents import trl_env
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
    # potential-based shaping: the first move earns its value minus the start value 0.5
    assert -0.5 <= first <= 0.5
    end = env.act("not a move at all")
    assert "over" in end and "could not be read" in end
    # an invalid answer ends the game as a loss: the return is the format penalty plus the outcome (0)
    # minus the start value, whatever the first move was worth
    assert env.get_reward() == pytest.approx(-0.1 + 0.0 - 0.5)
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
    with pytest.raises(ValueError, match="seed=-3"):
        agents.environment_factory(TOY, seed=-3)


def test_instances_of_different_ranks_get_different_seeds(monkeypatch):
    factory = agents.environment_factory(TOY, seed=4, flips=4)
    seeds = {}
    for rank in ("0", "1"):
        monkeypatch.setenv("RANK", rank)  # one process per GPU: each builds instances 0, 1, 2... of its own
        monkeypatch.setattr(trl_env, "_built", {"n": 0})
        seeds[rank] = [factory()._seed for _ in range(3)]
    assert len(set(seeds["0"]) | set(seeds["1"])) == 6
    assert seeds["1"] == [trl_env.instance_seed(4, k, rank=1) for k in range(3)]
    # the seeds of an instance's resets (base + r) stay positive 31-bit integers
    assert all(1 <= s < 2**31 - 1 - 2**20 for s in seeds["0"] + seeds["1"])


def _after_trl(row, returned):
    """The prompt TRL 1.16 generates from (GRPOTrainer._generate_and_score_completions): reset()'s string is
    appended to the last turn; None leaves the prompt as it is."""
    prompt = row["prompt"]
    if returned is None:
        return prompt
    return prompt[:-1] + [{**prompt[-1], "content": prompt[-1]["content"] + returned}]


def test_reset_does_not_repeat_the_observation_the_row_already_holds():
    filled = agents.make_dataset(TOY, 2, seed=5, flips=4)  # user_turn=True: the user turn shows the coins
    empty = agents.make_dataset(TOY, 2, seed=5, user_turn=False, flips=4)
    env = TextGameEnvironment(TOY, flips=4)
    for i in range(2):
        board = filled[i]["prompt"][-1]["content"]
        assert board.strip()
        assert env.reset(**filled[i]) is None  # TRL skips a None: the board is shown once
        assert _after_trl(filled[i], None) == filled[i]["prompt"]
        returned = env.reset(**empty[i])  # the empty user turn is filled by reset
        assert returned == board
        assert _after_trl(empty[i], returned) == filled[i]["prompt"]
    # a user turn with the user's own text gets the board after a blank line
    own = dict(filled[0], prompt=filled[0]["prompt"][:-1] + [{"role": "user", "content": "Choose well."}])
    returned = env.reset(**own)
    assert _after_trl(own, returned)[-1]["content"] == "Choose well.\n\n" + filled[0]["prompt"][-1]["content"]


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
