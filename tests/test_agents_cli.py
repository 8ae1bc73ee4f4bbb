"""`rewarddial eval` and `rewarddial train` on the tiny model (nothing downloaded)."""
import json
import os

import pytest

import _tiny_model
from agents.cli import build_parser, main, train_settings

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


def test_budget_flag_sets_the_budget_the_env_names(tmp_path):
    parser = build_parser()
    args = parser.parse_args(["train", "--env", "Gomoku9x9-LLM-v0", "--model", "m", "--budget", "256",
                              "--num-generations", "8", "--use-vllm"])
    s = train_settings(args)
    assert s["env_kwargs"] == {"rollouts": 256}
    assert s["grpo"]["num_generations"] == 8 and s["grpo"]["use_vllm"] is True
    # with the engine estimator, Gomoku's budget is its thinking time
    args = parser.parse_args(["train", "--env", "Gomoku9x9-LLM-v0", "--model", "m", "--budget", "50",
                              "--set", "estimator=engine"])
    assert train_settings(args)["env_kwargs"] == {"estimator": "engine", "think_ms": 50}
    args = parser.parse_args(["train", "--env", TOY, "--model", "m", "--budget", "4"])
    assert train_settings(args)["env_kwargs"] == {"flips": 4}
    with pytest.raises(SystemExit, match="--env is required"):
        train_settings(parser.parse_args(["train", "--model", "m"]))


def test_config_budget_under_the_envs_own_name(tmp_path):
    cfg = tmp_path / "train.yaml"
    cfg.write_text("env: ToyCoins-LLM-v0\nmodel: m\nflips: 12\nlearning_rate: 1.0e-5\n")
    s = train_settings(build_parser().parse_args(["train", "--config", str(cfg)]))
    assert s["env_kwargs"] == {"flips": 12} and "flips" not in s["grpo"]
    cfg.write_text("env: ToyCoins-LLM-v0\nmodel: m\nflips: 12\nbudget: 3\n")
    with pytest.raises(SystemExit, match="budget once"):
        train_settings(build_parser().parse_args(["train", "--config", str(cfg)]))


def _one_line(capsys, rc, *needles):
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert rc == 2 and len(lines) == 1 and "Traceback" not in err, err
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.parametrize("argv,needles", [
    (["eval", "--env", TOY, "--model", "no/such/dir"], ["no such model directory"]),
    (["eval", "--env", TOY, "--model", "./missing"], ["no such model directory"]),
    (["train", "--env", TOY, "--model", "./missing", "--budget", "4"], ["no such model directory"]),
    (["train", "--config", "missing.yaml"], ["--config missing.yaml: no such file"]),
    (["eval", "--env", "Gomoku9-LLM-v0", "--model", "m/x"], ["unknown environment id"]),
    (["train", "--env", "Hoper-v5", "--model", "m/x"], ["unknown environment id"]),
    (["eval", "--env", TOY, "--model", "TINY", "--set", "coins=abc"], ["coins"]),
    (["train", "--env", TOY, "--model", "TINY", "--set", "coins=0"], ["coins=0"]),
    (["train", "--env", "Gomoku9x9-LLM-v0", "--model", "TINY", "--budget", "18446744073709551616"],
     ["18446744073709551616"]),
    (["eval", "--env", "Gomoku9x9-LLM-v0", "--model", "TINY", "--set", "rollouts=-3"], ["rollouts"]),
    (["train", "--env", TOY, "--model", "TINY", "--grpo", "num_generation=4"], ["num_generations"]),
])
def test_user_mistakes_end_in_one_line(argv, needles, tiny_dir, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    _one_line(capsys, main([tiny_dir if a == "TINY" else a for a in argv]), *needles)


def test_bad_numbers_are_refused_by_the_parser(capsys):
    for argv in (["eval", "--env", TOY, "--model", "m", "--episodes", "0"],
                 ["train", "--env", TOY, "--budget", "-1"], ["eval", "--temperature", "nan"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2
        assert "Traceback" not in capsys.readouterr().err


def test_every_argument_has_a_help_text():
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, __import__("argparse")._SubParsersAction))
    for name, p in sub.choices.items():
        assert p.description, name
        for action in p._actions:
            if action.dest in ("help",):
                continue
            assert action.help, f"rewarddial {name}: {action.option_strings or action.dest} has no help"


def test_console_script_is_the_agents_dispatcher():
    import configparser

    cfg = configparser.ConfigParser()
    cfg.read(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "setup.cfg"))
    assert "rewarddial = agents.cli:main" in cfg["options.entry_points"]["console_scripts"]
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "agents.cli", "list"], capture_output=True, text=True, check=True)
    assert "Gomoku9x9-LLM-v0" in out.stdout


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
    assert main(["eval", "--env", TOY, "--model", tiny_dir, "--backend", "vllm", "--episodes", "1"]) == 2
