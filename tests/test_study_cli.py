"""`rewarddial study` end to end into a temporary directory."""
import csv
import json
import subprocess
import sys

from conftest import TOY_ID

from envs.cli import main


def test_study_command_writes_every_output(tmp_path, capsys):
    out = tmp_path / "out"
    rc = main(["study", TOY_ID, "--budgets", "4,16,64", "--states", "3", "--repeats", "4", "--out", str(out),
               "--cache-dir", str(tmp_path / "cache"), "--no-progress", "--set", "coins=3"])
    assert rc == 0
    printed = capsys.readouterr().out
    assert "truth: env.truth(): all 9 exact" in printed
    assert "MSE = variance + bias^2 check: ok" in printed
    for name in ("summary.csv", "summary.json", "pairs.csv", "bias_variance_mse.png", "accuracy_vs_cost.png"):
        assert (out / name).stat().st_size > 0, name
    with open(out / "summary.csv") as fh:
        rows = list(csv.DictReader(fh))
    assert [int(r["budget"]) for r in rows] == [4, 16, 64]
    assert {"bias", "bias2", "bias2_noise", "var", "var_unbiased", "mse", "decomposition_ok", "accuracy",
            "regret", "rank_corr", "rank_corr_skipped", "sec_per_estimate"} <= set(rows[0])
    with open(out / "pairs.csv") as fh:
        pairs = list(csv.DictReader(fh))
    assert len(pairs) == 3 * 9
    assert {"budget", "state_index", "action", "truth", "truth_exact", "mean", "bias", "var", "mse",
            "state"} <= set(pairs[0])
    config = json.loads((out / "summary.json").read_text())["config"]
    assert config["env_kwargs"] == {"coins": 3} and config["repeats"] == 4


def test_quick_settings_with_an_override(tmp_path, capsys):
    rc = main(["study", TOY_ID, "--quick", "--repeats", "2", "--no-progress", "--no-plots",
               "--cache-dir", str(tmp_path), "--out", str(tmp_path / "q")])
    assert rc == 0
    data = json.loads((tmp_path / "q" / "summary.json").read_text())
    assert data["config"]["repeats"] == 2 and data["config"]["budgets"] == [4, 16, 64, 256, 1024]
    assert not (tmp_path / "q" / "bias_variance_mse.png").exists()


def test_bad_arguments_give_a_clear_error(tmp_path, capsys):
    rc = main(["study", TOY_ID, "--truth", "bogus", "--cache-dir", str(tmp_path), "--no-progress"])
    assert rc == 2
    assert "truth='bogus'" in capsys.readouterr().err
    assert main(["study", "NoSuch-LLM-v0", "--no-progress"]) == 2


def test_cli_module_imports_nothing_heavy():
    code = ("import sys, envs.study.cli; "
            "print(sorted(m for m in ('matplotlib', 'tqdm', 'torch', 'numba', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
