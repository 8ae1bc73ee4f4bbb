"""The rewarddial command: list, play, pbrain, argument parsing, and one clear line for a user's mistake."""
import io
import os
import subprocess
import sys
import types

import gymnasium as gym
import pytest

import envs
from conftest import TOY_ID
from envs.cli import main, parse_kwargs

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _one_line_error(capsys, rc, *needles):
    err = capsys.readouterr().err
    assert rc == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def test_list_prints_every_registered_id(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    for env_id in envs.ENV_IDS:
        assert env_id in out


def test_module_entry_point_runs():
    out = subprocess.run([sys.executable, "-m", "envs.cli", "list"], capture_output=True, text=True, check=True)
    assert "Gomoku9x9-LLM-v0" in out.stdout


def test_envs_never_imports_agents():
    code = ("import sys, envs, envs.cli; envs.cli.build_parser(); "
            "bad = sorted(m for m in sys.modules if m == 'agents' or m.startswith('agents.')); "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT,
                   env=dict(os.environ, PYTHONPATH=ROOT))
    for folder, _, files in os.walk(os.path.join(ROOT, "envs")):
        for name in files:
            if name.endswith(".py"):
                text = open(os.path.join(folder, name), encoding="utf-8").read()
                assert "import agents" not in text and "from agents" not in text, name


def test_parse_kwargs_types_and_errors():
    assert parse_kwargs(["rollouts=64", "mode=game", "exact_five=true", "c=1.5", "x=none"]) == {
        "rollouts": 64, "mode": "game", "exact_five": True, "c": 1.5, "x": None}
    with pytest.raises(SystemExit, match="KEY=VALUE"):
        parse_kwargs(["rollouts"])
    with pytest.raises(SystemExit, match="KEY=VALUE"):
        parse_kwargs(["=3"])


def test_play_reads_moves_from_the_terminal(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("b\n"))
    assert main(["play", TOY_ID, "--seed", "1", "--set", "flips=8"]) == 0
    out = capsys.readouterr().out
    assert "Pick the coin" in out and "action B" in out and "episode over" in out


def test_play_quits_cleanly(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("quit\n"))
    assert main(["play", TOY_ID]) == 0
    assert "bye" in capsys.readouterr().out


def test_play_help_describes_every_argument(capsys):
    with pytest.raises(SystemExit):
        main(["play", "--help"])
    out = capsys.readouterr().out
    for flag in ("env_id", "--seed", "--set", "--png-dir"):
        assert flag in out
    assert "a registered id" in out and "PNG" in out


@pytest.mark.parametrize("argv,needles", [
    (["play", "Gomoku9-LLM-v0"], ["unknown environment id 'Gomoku9-LLM-v0'", "Gomoku9x9-LLM-v0"]),
    (["play", "Hoper-v5"], ["unknown environment id 'Hoper-v5'"]),
    (["play", "CartPole-v1"], ["CartPole-v1", "not a rewarddial text environment"]),
    (["play", "Gomoku9x9-LLM-v0", "--set", "rollouts=abc"], ["rollouts"]),
    (["play", "Gomoku9x9-LLM-v0", "--set", "rollouts=18446744073709551616"], ["rollouts"]),
    (["play", "Gomoku9x9-LLM-v0", "--set", "nonsense=1"], ["nonsense"]),
    (["play", TOY_ID, "--png-dir", "pics"], ["save_render"]),
    (["study", "Gomoku9x9-LLM-v0", "--budgets", "18446744073709551616", "--no-cache", "--no-plots",
      "--no-progress", "--states", "1", "--repeats", "1"], ["18446744073709551616"]),
    (["study", "NoSuchEnv-v0", "--no-progress"], ["NoSuchEnv-v0"]),
])
def test_user_mistakes_end_in_one_line_and_status_2(argv, needles, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    line = _one_line_error(capsys, main(argv), *needles)
    assert "Did you mean" not in line


def test_play_writes_a_png_after_each_step(monkeypatch, capsys, tmp_path):
    from toy_env import ToyCoinsEnv

    png = b"\x89PNG\r\n\x1a\n"

    class DrawnCoins(ToyCoinsEnv):
        def save_render(self, path):
            with open(path, "wb") as fh:
                fh.write(png + self.render_prompt(self._state).encode())

    drawn = "DrawnCoins-LLM-v0"
    if drawn not in gym.registry:
        gym.register(id=drawn, entry_point=DrawnCoins)
    monkeypatch.setattr(sys, "stdin", io.StringIO("A\n"))
    out_dir = tmp_path / "pics"
    assert main(["play", drawn, "--seed", "2", "--png-dir", str(out_dir)]) == 0
    files = sorted(os.listdir(out_dir))
    assert files == ["step-000.png", "step-001.png"]
    assert (out_dir / "step-000.png").read_bytes().startswith(png)
    assert str(out_dir / "step-001.png") in capsys.readouterr().out


def test_pbrain_hands_every_argument_to_the_brain(monkeypatch, capsys):
    calls = []
    fake = types.ModuleType("envs.gomoku.pbrain")
    fake.main = lambda argv: calls.append(argv) or 0
    monkeypatch.setitem(sys.modules, "envs.gomoku.pbrain", fake)
    assert main(["pbrain", "--rollouts", "64", "--size", "15"]) == 0
    assert calls == [["--rollouts", "64", "--size", "15"]]


def test_pbrain_without_the_brain_module_is_a_clear_error(monkeypatch, capsys):
    import builtins

    real_import = builtins.__import__

    def no_pbrain(name, *args, **kwargs):
        if name == "envs.gomoku.pbrain":
            raise ModuleNotFoundError("No module named 'envs.gomoku.pbrain'", name="envs.gomoku.pbrain")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "envs.gomoku.pbrain", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_pbrain)
    import importlib

    real_import_module = importlib.import_module
    monkeypatch.setattr(importlib, "import_module",
                        lambda name, *a: no_pbrain(name) if name == "envs.gomoku.pbrain" else real_import_module(name, *a))
    _one_line_error(capsys, main(["pbrain"]), "envs.gomoku.pbrain")
