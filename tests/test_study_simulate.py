"""`run_simulation` / `rewarddial simulate`: the GRPO step by hand, convergence with an exact oracle, and
learning that slows as the oracle's noise grows."""
import csv
import json

import numpy as np
import pytest
from conftest import TOY_ID
from study_toys import GaussArmsEnv

from envs.cli import main
from envs.study.simulate import _softmax, grpo_step, run_simulation


def test_grpo_step_by_hand():
    theta = np.array([[0.0, 0.0, 0.0, -np.inf]])  # three candidates and a padding slot
    acts = np.array([[0, 1]])
    new = grpo_step(theta, acts, np.array([[1.0, 0.0]]), lr=1.0)
    # A = +-0.5 / (std(ddof=1) + 1e-4); gradient = mean_j A_j (e_{a_j} - pi), pi uniform
    a = 0.5 / (np.sqrt(0.5) + 1e-4)
    np.testing.assert_allclose(new[0, :3], [a / 2, -a / 2, 0.0], atol=1e-12)
    assert new[0, 3] == -np.inf
    # equal scores, or a group left with one scored member, carry no signal
    np.testing.assert_array_equal(grpo_step(theta, acts, np.array([[0.3, 0.3]]), lr=1.0), theta)
    np.testing.assert_array_equal(grpo_step(theta, acts, np.array([[0.3, np.nan]]), lr=1.0), theta)


def test_clip_bounds_the_ratio_and_kl_holds_the_policy_back():
    theta = np.zeros((1, 4))
    acts = np.array([[0, 1, 2, 3]])
    scores = np.array([[1.0, 0.0, 0.0, 0.0]])
    pi0 = _softmax(theta)
    free = _softmax(grpo_step(theta, acts, scores, lr=0.5, clip=1e9, epochs=20))
    clipped = _softmax(grpo_step(theta, acts, scores, lr=0.5, clip=0.2, epochs=20))
    assert free[0, 0] / pi0[0, 0] > 2.0
    # the update stops once the ratio passes 1 + clip (one step of overshoot at most)
    assert 1.2 <= clipped[0, 0] / pi0[0, 0] < 1.2 + 0.5
    # KL: with a penalty the policy settles near the start; without, it goes all the way
    t_free, t_kl = theta, theta
    for _ in range(50):
        t_free = grpo_step(t_free, acts, scores, lr=0.5)
        t_kl = grpo_step(t_kl, acts, scores, lr=0.5, kl=2.0, ref=pi0)
    kl = lambda p: float((p * np.log(p / pi0)).sum())  # noqa: E731
    assert kl(_softmax(t_free)) > 1.3 and kl(_softmax(t_kl)) < 0.1
    assert 0.3 < _softmax(t_kl)[0, 0] < 0.6


def test_exact_oracle_converges_to_the_best_action(tmp_path):
    res = run_simulation(GaussArmsEnv(sigma=0.0, arms=6), budgets=[1], groups=[2, 8], states=8, iterations=150,
                         runs=2, cache_dir=tmp_path, progress=False)
    for cv in res.curves:
        assert cv["p_best"][:, 0] == pytest.approx(1 / 6)
        assert np.all(cv["p_best"][:, -1] > 0.97), cv["p_best"][:, -1]
        assert np.all(cv["value"][:, -1] > res.value_best - 0.01)
    assert res.value_uniform < res.value_best - 0.1


@pytest.mark.slow
def test_learning_slows_as_the_noise_grows(tmp_path):
    finals, auc = [], []
    for sigma in (0.0, 0.5, 2.0):
        res = run_simulation(GaussArmsEnv(sigma=sigma, arms=5), budgets=[1], groups=[4], states=12,
                             iterations=60, runs=4, cache_dir=tmp_path, progress=False, seed=1)
        finals.append(res.rows[0]["p_best_final"])
        auc.append(res.curves[0]["p_best"].mean())
    assert finals[0] > finals[1] + 0.1 and finals[1] > finals[2] + 0.1, finals
    assert auc[0] > auc[1] > auc[2], auc
    # more pulls per reward recovers the noisy oracle's learning, iteration for iteration
    res = run_simulation(GaussArmsEnv(sigma=2.0, arms=5), budgets=[1, 64], groups=[4], states=12, iterations=60,
                         runs=4, cache_dir=tmp_path, progress=False, seed=1)
    low, high = res.rows
    assert high["p_best_final"] > low["p_best_final"] + 0.2
    # ... but at equal oracle cost the cheap reward has had 64 times as many iterations
    assert res.equal_cost == low["cost_final"]
    assert high["value_at_equal_cost"] < low["value_at_equal_cost"]


def test_equal_cost_runs_and_outputs(tmp_path):
    out = tmp_path / "out"
    res = run_simulation(GaussArmsEnv(sigma=0.5), budgets=[2, 8], groups=[2, 4], states=4, cost=512, runs=2,
                         cache_dir=tmp_path, progress=False, out=out)
    iters = {(r["budget"], r["group_size"]): r["iterations"] for r in res.rows}
    assert iters == {(2, 2): 32, (2, 4): 16, (8, 2): 8, (8, 4): 4}  # 512 / (4 states * G * budget)
    assert all(r["cost_final"] == 512 for r in res.rows) and res.equal_cost == 512
    for name in ("simulation.csv", "curves.csv", "simulation.json", "learning_curves.png", "equal_cost.png"):
        assert (out / name).stat().st_size > 0, name
    with open(out / "curves.csv") as fh:
        rows = list(csv.DictReader(fh))
    assert {"budget", "group_size", "run", "iteration", "cost", "value", "p_best"} <= set(rows[0])
    data = json.loads((out / "simulation.json").read_text())
    assert data["config"]["budget_name"] == "pulls" and len(data["rows"]) == 4
    assert "value@cost" in res.format_table()


@pytest.mark.parametrize("kwargs, match", [
    ({"groups": [1]}, "at least 2 members"),
    ({"lr": 0}, "lr=0"),
    ({"kl": -1.0}, "kl=-1.0"),
    ({"cost": -5}, "cost=-5"),
    ({"iterations": 0}, "iterations=0"),
    ({"target": "score"}, "target='score'"),
    ({"budgets": [2**64]}, "exceed the largest pulls"),
])
def test_bad_arguments_are_named(tmp_path, kwargs, match):
    args = {"budgets": [2], "groups": [2], "states": 2, "iterations": 2, "runs": 1, "cache_dir": tmp_path,
            "progress": False, **kwargs}
    with pytest.raises(ValueError, match=match):
        run_simulation(GaussArmsEnv(), **args)


def test_simulate_command(tmp_path, capsys):
    rc = main(["simulate", TOY_ID, "--budgets", "4,16", "--groups", "2,4", "--states", "3", "--iterations", "5",
               "--runs", "2", "--out", str(tmp_path / "o"), "--cache-dir", str(tmp_path), "--no-progress",
               "--no-plots"])
    assert rc == 0
    printed = capsys.readouterr().out
    assert "simulate" in printed and "P(best)" in printed
    assert (tmp_path / "o" / "simulation.csv").exists() and not (tmp_path / "o" / "equal_cost.png").exists()
    assert main(["simulate", TOY_ID, "--lr", "-1", "--cache-dir", str(tmp_path), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "lr=-1.0" in err


def test_simulate_main_entry_point(tmp_path, capsys):
    from envs.study.cli import simulate_main

    assert simulate_main([TOY_ID, "--budgets", "4", "--groups", "2", "--states", "2", "--iterations", "2",
                          "--runs", "1", "--no-cache", "--no-progress"]) == 0
    assert "simulate" in capsys.readouterr().out
