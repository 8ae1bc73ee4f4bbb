"""A small real study on every registered environment (tiny budgets, 2 states, 2 repeats)."""
import json
import math

import numpy as np
import pytest

import envs
from envs.study import run_study


@pytest.mark.slow
@pytest.mark.parametrize("env_id", envs.ENV_IDS)
def test_small_study_on_each_registered_env(env_id, tmp_path):
    res = run_study(env_id, budgets=[2, 8], states=2, repeats=2, truth="budget:64", top_k=6, seed=1,
                    cache_dir=tmp_path / "cache", out=tmp_path / "out", progress=False)
    assert res.truth_info["kind"] == "budget:64"
    assert [r["budget"] for r in res.rows] == [2, 8]
    assert 2 <= len(res.pair_action) <= 12
    for row in res.rows:
        assert row["decomposition_ok"]
        for key in ("bias", "bias2", "var", "mse", "accuracy", "regret", "sec_per_estimate"):
            assert math.isfinite(row[key]), (key, row)
        assert 0.0 <= row["accuracy"] <= 1.0
        assert row["rank_corr_n"] + row["rank_corr_skipped"] == 2 * len(res.states)
    data = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert data["config"]["env_id"] == env_id
    assert (tmp_path / "out" / "bias_variance_mse.png").exists()
    again = run_study(env_id, budgets=[2], states=2, repeats=1, truth="budget:64", top_k=6, seed=1,
                      cache_dir=tmp_path / "cache", progress=False)
    assert again.truth_info["computed"] == 0  # every truth value came from the cache


@pytest.mark.slow
def test_gomoku_study_with_the_envs_own_truth(tmp_path):
    """The default truth (env.truth(): proven values where known, else a high-budget estimate)."""
    res = run_study("Gomoku9x9-LLM-v0", budgets=[4, 64], states=2, repeats=2, seed=3,
                    env_kwargs={"task": "block4", "estimator": "uct", "truth_rollouts": 512},
                    cache_dir=tmp_path, progress=False)
    assert res.truth_info["kind"] == "exact" and 0 < res.truth_info["n_exact"] < len(res.pair_action)
    assert set(np.unique(res.truth[res.truth_exact])) <= {0.0, 0.5, 1.0}
    assert all(row["decomposition_ok"] for row in res.rows)
    # UCT proves one ply: moves that leave the opponent a five are estimated exactly, at every budget (the
    # truth also proves deeper losses, by the opponent's continuous fours, which UCT does not see)
    import gymnasium as gym

    from envs.gomoku.oracle import proven_value

    env = gym.make("Gomoku9x9-LLM-v0").unwrapped
    one_ply = np.array([proven_value(st.board, st.to_move, _point(env, a))
                        for st, a in ((env.decode_state(res.states[i]), a)
                                      for i, a in zip(res.pair_state, res.pair_action))], dtype=object)
    lost = res.truth_exact & (res.truth == 0.0) & np.array([v == 0.0 for v in one_ply])
    assert lost.any() and np.all(res.estimates[:, :, lost] == 0.0)


def _point(env, action):
    from envs.gomoku.text import point_index

    return point_index(action, env.size)


@pytest.mark.slow
@pytest.mark.parametrize("env_id", envs.ENV_IDS)
def test_small_simulation_and_group_metrics_on_each_registered_env(env_id, tmp_path):
    """The same batch API carries the group metrics and the GRPO simulation on every family."""
    from envs.study import run_simulation

    res = run_study(env_id, budgets=[2, 8], states=2, repeats=2, truth="budget:64", top_k=4, seed=1,
                    groups=[2, 4], cache_dir=tmp_path, progress=False)
    assert [(r["budget"], r["group_size"]) for r in res.group_rows] == [(2, 2), (2, 4), (8, 2), (8, 4)]
    sim = run_simulation(env_id, budgets=[2], groups=[2], states=2, iterations=3, runs=1, truth="budget:64",
                         top_k=4, seed=1, cache_dir=tmp_path, progress=False)
    cv = sim.curves[0]
    assert cv["value"].shape == (1, 4) and np.all(np.isfinite(cv["value"]))
    assert sim.value_uniform <= sim.value_best
    assert sim.truth_info["n_pairs"] == len(res.pair_action)  # the same states, candidates and cached truth
