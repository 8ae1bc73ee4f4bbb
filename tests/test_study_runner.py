"""The study runner on ToyCoins, whose estimator's bias and variance are known in closed form."""
import json

import numpy as np
import pytest
import toy_env
from conftest import TOY_ID

from envs.study import TruthCache, run_study
from envs.study.runner import REPEAT_STRIDE, TRUTH_SEED, parse_budgets, parse_truth, truth_seed

BUDGETS = [4, 16, 64]
REPEATS = 200


def _theory(p, n, laplace):
    """Bias, variance and excess kurtosis of the ToyCoins estimate of a coin p at n flips."""
    q = 1.0 - p
    if laplace:
        bias = (1.0 - 2.0 * p) / (n + 2.0)
        var = n * p * q / (n + 2.0) ** 2
    else:
        bias = np.zeros_like(p)
        var = p * q / n
    kurt = (1.0 - 6.0 * p * q) / (n * p * q)  # excess kurtosis of a binomial (unchanged by affine maps)
    return bias, var, kurt


@pytest.mark.parametrize("laplace", [False, True])
def test_bias_and_variance_match_theory(tmp_path, laplace):
    res = run_study(TOY_ID, budgets=BUDGETS, states=25, repeats=REPEATS, env_kwargs={"laplace": laplace},
                    cache_dir=tmp_path, progress=False)
    assert res.truth_info["kind"] == "exact" and res.truth_info["all_exact"]
    p = res.truth
    n_pairs, R = len(p), REPEATS
    assert n_pairs == 100
    for row in res.rows:
        bias, var, kurt = _theory(p, row["budget"], laplace)
        # mean bias: an average of independent pair means, each with variance var/R
        sd_bias = np.sqrt(np.sum(var / R)) / n_pairs
        assert abs(row["bias"] - bias.mean()) < 5 * sd_bias, row
        # variance (ddof=1): Var(s^2) = sigma^4 (2/(R-1) + kurt/R)
        sd_var = np.sqrt(np.sum(var**2 * (2 / (R - 1) + kurt / R))) / n_pairs
        assert abs(row["var_unbiased"] - var.mean()) < 5 * sd_var, row
        # bias^2: E(b^2) = bias^2 + var/R; Var(b^2) ~ 4 bias^2 var/R + 2 (var/R)^2
        e_b2 = bias**2 + var / R
        sd_b2 = np.sqrt(np.sum(4 * bias**2 * var / R + 2 * (var / R) ** 2)) / n_pairs
        assert abs(row["bias2"] - e_b2.mean()) < 5 * sd_b2, row
        assert row["bias2_noise"] == pytest.approx(np.mean(var / R), rel=0.15)
        assert row["decomposition_ok"] and row["decomposition_max_error"] < 1e-9
        assert row["bias2_exact_truth"] == row["bias2"] and np.isnan(row["bias2_estimated_truth"])
        assert row["mse"] == pytest.approx(row["var"] + row["bias2"], abs=1e-12)
    # more flips: smaller MSE, better decisions and ranking
    mse = [r["mse"] for r in res.rows]
    acc = [r["accuracy"] for r in res.rows]
    rho = [r["rank_corr"] for r in res.rows]
    assert mse == sorted(mse, reverse=True) and acc == sorted(acc) and rho == sorted(rho)
    if laplace:  # the shrinkage bias is visible at 4 flips: far above the noise floor
        assert res.rows[0]["bias2"] > 5 * res.rows[0]["bias2_noise"]


class RecordingCoins(toy_env.ToyCoinsEnv):
    """ToyCoins that records the seeds and budgets of every estimate batch, and counts truth calls."""

    def __init__(self, **kw):
        super().__init__(**kw)
        self._calls = []
        self._truth_calls = 0

    def _estimate_batch(self, states, actions, budget, seeds):
        self._calls.append((budget, np.array(seeds)))
        return super()._estimate_batch(states, actions, budget, seeds)

    def _truth_batch(self, states, actions):
        self._truth_calls += 1
        return super()._truth_batch(states, actions)


def test_common_random_numbers_and_disjoint_seeds(tmp_path):
    env = RecordingCoins(coins=3)
    res = run_study(env, budgets=[8, 16], states=4, repeats=3, truth="budget:256", cache_dir=tmp_path,
                    seed=5, progress=False)
    truth_seeds = np.concatenate([s for b, s in env._calls if b == 256])
    study = [(b, s) for b, s in env._calls if b != 256]
    assert len(study) == 6  # one batch call per (repeat, budget)
    by_repeat = [study[i:i + 2] for i in range(0, 6, 2)]
    for k, ((b1, s1), (b2, s2)) in enumerate(by_repeat):
        assert (b1, b2) == (8, 16)
        np.testing.assert_array_equal(s1, s2)  # same seeds at every budget within a repeat
        np.testing.assert_array_equal(s1, 5 + k * REPEAT_STRIDE + np.arange(12))
    all_study = np.concatenate([s for _, s in study])
    assert len(np.unique(all_study)) == 3 * 12  # repeats never share a seed
    assert truth_seeds.min() >= TRUTH_SEED and not set(truth_seeds) & set(all_study)
    pairs = [(res.states[i], a) for i, a in zip(res.pair_state, res.pair_action)]
    assert sorted(truth_seeds) == sorted(truth_seed(s, a) for s, a in pairs)  # a seed of the pair alone
    # the prefix property makes heads at 16 flips >= heads at 8 flips, pair by pair
    heads8, heads16 = res.estimates[0] * 8, res.estimates[1] * 16
    assert np.all(heads16 >= heads8 - 1e-9)
    assert res.truth_info["kind"] == "budget:256" and not res.truth_info["all_exact"]
    assert env._truth_calls == 0


def test_truth_cache_is_reused(tmp_path):
    env = RecordingCoins()
    first = run_study(env, budgets=[4], states=3, repeats=2, cache_dir=tmp_path, progress=False)
    assert env._truth_calls >= 1 and first.truth_info["computed"] == 12
    env2 = RecordingCoins(flips=99)  # the budget argument does not change the truth key
    second = run_study(env2, budgets=[4], states=3, repeats=2, cache_dir=tmp_path, progress=False)
    assert env2._truth_calls == 0
    assert second.truth_info["from_cache"] == 12 and second.truth_info["computed"] == 0
    np.testing.assert_array_equal(first.truth, second.truth)
    # another configuration that could change the truth gets its own entries
    env3 = RecordingCoins(laplace=True)
    run_study(env3, budgets=[4], states=3, repeats=2, cache_dir=tmp_path, progress=False)
    assert env3._truth_calls >= 1
    # a budget-based truth is cached too: no estimate call at the truth budget the second time
    run_study(env, budgets=[4], states=3, repeats=2, truth="budget:128", cache_dir=tmp_path, progress=False)
    env._calls.clear()
    again = run_study(env, budgets=[4], states=3, repeats=2, truth="budget:128", cache_dir=tmp_path,
                      progress=False)
    assert all(b != 128 for b, _ in env._calls) and again.truth_info["from_cache"] == 12
    with TruthCache(tmp_path) as cache:
        assert len(cache) == 36


def test_cache_dir_from_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("REWARDDIAL_CACHE", str(tmp_path / "c"))
    res = run_study(TOY_ID, budgets=[4], states=2, repeats=2, progress=False)
    assert (tmp_path / "c" / "truth.sqlite").exists()
    assert res.truth_info["cache"] == str(tmp_path / "c" / "truth.sqlite")


class NoTruthCoins(toy_env.ToyCoinsEnv):
    def _truth_batch(self, states, actions):
        raise NotImplementedError("no ground truth here")


def test_auto_truth_falls_back_to_a_high_budget(tmp_path):
    res = run_study(NoTruthCoins(), budgets=[4, 8], states=2, repeats=2, cache_dir=tmp_path, progress=False)
    assert res.truth_info["kind"] == "budget:128"  # 16 * max(budgets)
    assert "budget:128" in res.format_table()
    with pytest.raises(ValueError, match="no exact truth.*budget:N"):
        run_study(NoTruthCoins(), budgets=[4], states=2, repeats=2, truth="exact", cache_dir=tmp_path,
                  progress=False)


def test_top_k_keeps_the_best_actions(tmp_path):
    res = run_study(TOY_ID, budgets=[4, 64], states=5, repeats=4, top_k=2, cache_dir=tmp_path, progress=False)
    assert len(res.pair_action) == 10
    env = toy_env.ToyCoinsEnv()
    for i, state in enumerate(res.states):
        probs = env.decode_state(state)
        kept = [a for a, s in zip(res.pair_action, res.pair_state) if s == i]
        best2 = sorted(range(len(probs)), key=lambda j: -probs[j])[:2]
        assert sorted(kept) == sorted(chr(65 + j) for j in best2)
    assert res.config["accuracy_random"] == pytest.approx(0.5)


def test_outputs_written(tmp_path):
    res = run_study(TOY_ID, budgets=[4, 16], states=3, repeats=3, cache_dir=tmp_path, out=tmp_path / "o",
                    progress=False)
    data = json.loads((tmp_path / "o" / "summary.json").read_text())
    assert data["truth"]["kind"] == "exact" and data["truth"]["all_exact"] is True
    assert data["config"]["budgets"] == [4, 16] and len(data["rows"]) == 2
    assert data["decomposition_ok"] is True
    assert {"bias", "bias2", "var", "var_unbiased", "mse", "accuracy", "rank_corr", "sec_per_estimate"} <= \
        set(data["rows"][0])
    for name in ("summary.csv", "pairs.csv", "bias_variance_mse.png", "accuracy_vs_cost.png"):
        assert (tmp_path / "o" / name).stat().st_size > 0
    assert (tmp_path / "o" / "bias_variance_mse.png").read_bytes()[:4] == b"\x89PNG"
    assert len(res.pair_rows()) == 2 * 12
    table = res.format_table()
    assert "MSE = variance + bias^2 check: ok" in table and "spearman" in table


@pytest.mark.parametrize("kwargs, match", [
    ({"budgets": "4,x"}, "comma-separated integers"),
    ({"budgets": [4, 0]}, "budget 0"),
    ({"budgets": [4, 4]}, "repeats a value"),
    ({"states": 0}, "states=0"),
    ({"repeats": -1}, "repeats=-1"),
    ({"truth": "budget:zero"}, "truth='budget:zero'"),
    ({"top_k": 0}, "top_k=0"),
    ({"seed": -3}, "seed=-3"),
])
def test_bad_arguments_are_named(tmp_path, kwargs, match):
    args = {"budgets": [4], "states": 2, "repeats": 2, "cache_dir": tmp_path, "progress": False, **kwargs}
    with pytest.raises(ValueError, match=match):
        run_study(TOY_ID, **args)


def test_unknown_env_id_lists_the_registered_ones():
    with pytest.raises(ValueError, match="unknown environment id 'Nope-v0'.*Gomoku9x9-LLM-v0"):
        run_study("Nope-v0", progress=False)


def test_a_budget_truth_depends_on_its_pair_alone(tmp_path):
    """The same (state, action) gets the same truth in studies of other states and with other caches."""
    args = {"budgets": [4], "repeats": 1, "truth": "budget:64", "progress": False}
    wide = run_study(TOY_ID, states=4, seed=0, cache_dir=tmp_path / "a", **args)
    narrow = run_study(TOY_ID, states=2, seed=2, cache_dir=tmp_path / "b", **args)  # wide's states 2 and 3
    truth = {(wide.states[i], a): t for i, a, t in zip(wide.pair_state, wide.pair_action, wide.truth)}
    shared = [(narrow.states[i], a, t) for i, a, t in zip(narrow.pair_state, narrow.pair_action, narrow.truth)]
    assert len(shared) == 8 and all(truth[(s, a)] == t for s, a, t in shared)
    rerun = run_study(TOY_ID, states=4, seed=0, cache_dir=tmp_path / "b", **args)  # half of it cached
    assert rerun.truth_info["from_cache"] == 8 and np.array_equal(rerun.truth, wide.truth)


def test_parsers():
    assert parse_budgets("64, 4,16") == [4, 16, 64]
    assert parse_truth("budget:100") == ("budget", 100)
    assert parse_truth(None) == ("auto", None) and parse_truth("exact") == ("exact", None)


def test_registered_env_kwargs_key_the_cache(tmp_path):
    args = {"budgets": [4], "states": 2, "repeats": 2, "cache_dir": tmp_path, "progress": False}
    assert run_study(TOY_ID, **args).truth_info["computed"] == 8
    assert run_study(TOY_ID, env_kwargs={"flips": 7, "format_reward": 0.5}, **args).truth_info["computed"] == 0
    assert run_study(TOY_ID, env_kwargs={"laplace": True}, **args).truth_info["computed"] == 8
    # the defaults are part of the key: naming a default is the same configuration
    res = run_study(TOY_ID, env_kwargs={"laplace": False}, **args)
    assert res.truth_info["computed"] == 0 and res.config["env_kwargs"] == {"laplace": False}
    with pytest.raises(ValueError, match="env_kwargs applies to an environment id"):
        run_study(toy_env.ToyCoinsEnv(), env_kwargs={"laplace": True}, **args)
