"""`rewarddial eval` and `rewarddial train` on the tiny model (nothing downloaded)."""
import json
import os

import pytest

import _tiny_model
from agents.cli import train_settings
from envs.cli import build_parser, main

TOY = "ToyCoins-LLM-v0"
os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory):
    answers = [f"<answer>{c}</answer>" for c in "ABCD"]
    return _tiny_model.save_tiny(tmp_path_factory.mktemp("tiny"), extra_tokens=answers)


def test_eval_prints_and_writes_the_metrics(tiny_dir, tmp_path, capsys):
    out = tmp_path / "metrics.json"
    rc = main(["eval", "--env", TOY, "--model", tiny_dir, "--episodes", "3", "--budget", "8", "--set", "coins=3",
               "--max-new-tokens", "6", "--out", str(out), "--seed", "1"])
    assert rc == 0
    metrics = json.loads(out.read_text())
    assert metrics["env_id"] == TOY and metrics["env_kwargs"] == {"coins": 3, "flips": 8}
    assert metrics["episodes"] == 3 and metrics["model"] == tiny_dir and metrics["backend"] == "transformers"
    for key in ("mean_reward", "format_rate", "illegal_rate"):
        assert isinstance(metrics[key], float)
    printed = capsys.readouterr().out
    assert "mean_reward" in printed and "format_rate" in printed and str(out) in printed


def test_budget_flags_map_to_the_envs_budget(tmp_path):
    parser = build_parser()
    args = parser.parse_args(["train", "--env", "Gomoku9x9-LLM-v0", "--model", "m", "--rollouts", "256",
                              "--num-generations", "8", "--use-vllm"])
    s = train_settings(args)
    assert s["env_kwargs"] == {"rollouts": 256}
    assert s["grpo"]["num_generations"] == 8 and s["grpo"]["use_vllm"] is True
    args = parser.parse_args(["train", "--env", TOY, "--model", "m", "--rollouts", "256"])
    with pytest.raises(SystemExit, match="flips, not rollouts"):
        train_settings(args)
    args = parser.parse_args(["train", "--env", TOY, "--model", "m", "--budget", "4", "--tests", "4"])
    with pytest.raises(SystemExit, match="budget once"):
        train_settings(args)
    with pytest.raises(SystemExit, match="--env is required"):
        train_settings(parser.parse_args(["train", "--model", "m"]))


def test_yaml_config_with_flags_winning(tmp_path):
    cfg = tmp_path / "train.yaml"
    cfg.write_text("env: ToyCoins-LLM-v0\nmodel: some/model\nbudget: 32\nenv_kwargs: {coins: 5}\n"
                   "num_states: 64\nlearning_rate: 2.0e-6\nnum_generations: 16\ngrpo: {warmup_ratio: 0.1}\n")
    args = build_parser().parse_args(["train", "--config", str(cfg), "--num-generations", "8",
                                      "--grpo", "beta=0.02"])
    s = train_settings(args)
    assert s["env_id"] == TOY and s["model"] == "some/model" and s["num_states"] == 64
    assert s["env_kwargs"] == {"coins": 5, "flips": 32}
    assert s["grpo"]["num_generations"] == 8 and s["grpo"]["learning_rate"] == 2e-6
    assert s["grpo"]["warmup_ratio"] == 0.1 and s["grpo"]["beta"] == 0.02


def test_unknown_grpo_setting_is_refused_with_a_hint(tiny_dir):
    with pytest.raises(SystemExit, match="num_generation"):
        main(["train", "--env", TOY, "--model", tiny_dir, "--grpo", "num_generation=4"])


@pytest.mark.slow
def test_train_runs_two_grpo_steps_and_saves(tiny_dir, tmp_path, capsys):
    out = tmp_path / "run"
    rc = main(["train", "--env", TOY, "--model", tiny_dir, "--budget", "8", "--set", "coins=4",
               "--num-generations", "4", "--max-steps", "2", "--max-completion-length", "8", "--cpu",
               "--num-states", "4", "--reward-backend", "inline", "--output-dir", str(out)])
    assert rc == 0
    history = json.loads((out / "log_history.json").read_text())
    steps = [h for h in history if "reward" in h]
    assert len(steps) == 2
    for h in steps:
        assert -0.9 - 1e-6 <= h["reward"] <= 1.1 + 1e-6 and "reward_std" in h
        assert f"{TOY}/format_rate" in h
    assert (out / "config.json").exists()
    assert "GRPO on ToyCoins-LLM-v0 (coins=4, flips=8)" in capsys.readouterr().err


def test_eval_without_vllm_names_the_extra(tiny_dir):
    try:
        import vllm  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("vllm is installed")
    with pytest.raises(SystemExit, match=r"rewarddial\[vllm\]"):
        main(["eval", "--env", TOY, "--model", tiny_dir, "--backend", "vllm", "--episodes", "1"])
