"""The rewarddial command: list, play, argument parsing."""
import io
import subprocess
import sys

import pytest

import envs
from conftest import TOY_ID
from envs.cli import main, parse_kwargs


def test_list_prints_every_registered_id(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    for env_id in envs.ENV_IDS:
        assert env_id in out


def test_console_script_entry_point_runs():
    out = subprocess.run([sys.executable, "-m", "envs.cli", "list"], capture_output=True, text=True, check=True)
    assert "Gomoku9x9-LLM-v0" in out.stdout


def test_parse_kwargs_types_and_errors():
    assert parse_kwargs(["rollouts=64", "mode=game", "exact_five=true", "c=1.5", "x=none"]) == {
        "rollouts": 64, "mode": "game", "exact_five": True, "c": 1.5, "x": None}
    with pytest.raises(SystemExit, match="key=value"):
        parse_kwargs(["rollouts"])


def test_play_reads_moves_from_the_terminal(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("b\n"))
    assert main(["play", TOY_ID, "--seed", "1", "--set", "flips=8"]) == 0
    out = capsys.readouterr().out
    assert "Pick the coin" in out and "action B" in out and "episode over" in out


def test_play_quits_cleanly(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("quit\n"))
    assert main(["play", TOY_ID]) == 0
    assert "bye" in capsys.readouterr().out
