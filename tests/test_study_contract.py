"""The study on the hardened contract: a damaged truth cache, the relative decomposition check, an honest
truth description, truth sources, the reward target, oracle failures, candidate labels, budget bounds."""
import csv
import math
import sqlite3
import warnings

import numpy as np
import pytest
from conftest import TOY_ID
from study_toys import (FlakyArmsEnv, GaussArmsEnv, LabelledArmsEnv, SourcedArmsEnv, ThresholdRewardArmsEnv)

from envs.cli import main
from envs.core import Estimate
from envs.study import TruthCache, TruthCacheWarning, run_study
from envs.study.stats import pair_stats

ARGS = {"budgets": [4], "states": 3, "repeats": 2, "progress": False}


def _damage(path, how):
    if how == "garbage":
        path.write_bytes(b"this is not a database at all\n" * 50)
    elif how == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2 + 100])
    elif how == "header":
        data = bytearray(path.read_bytes())
        data[:16] = b"X" * 16
        path.write_bytes(bytes(data))
    elif how == "other_schema":
        path.unlink()
        db = sqlite3.connect(str(path))
        db.execute("CREATE TABLE truth (a TEXT, b TEXT)")
        db.execute("INSERT INTO truth VALUES ('x', 'y')")
        db.commit()
        db.close()


@pytest.mark.parametrize("how", ["garbage", "truncated", "header", "other_schema"])
def test_a_damaged_cache_is_moved_aside_and_rebuilt(tmp_path, how):
    first = run_study(TOY_ID, cache_dir=tmp_path, **ARGS)
    path = tmp_path / "truth.sqlite"
    # a big enough file that truncation cuts pages
    with TruthCache(tmp_path) as cache:
        cache.put("filler", [(f"s{i}" * 40, "A", Estimate(0.5, 0.0, 0, True)) for i in range(2000)])
    _damage(path, how)
    with pytest.warns(TruthCacheWarning, match="moved to"):
        again = run_study(TOY_ID, cache_dir=tmp_path, **ARGS)
    np.testing.assert_array_equal(again.truth, first.truth)
    assert again.truth_info["computed"] == 12
    aside = list(tmp_path.glob("truth.sqlite.corrupt-*"))
    assert len(aside) == 1 and again.truth_info["cache_moved_aside"] == [str(aside[0])]
    # the rebuilt cache works: the next run reads everything from it, with no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error", TruthCacheWarning)
        third = run_study(TOY_ID, cache_dir=tmp_path, **ARGS)
    assert third.truth_info["from_cache"] == 12


def test_rows_without_a_finite_value_are_rejected_and_replaced(tmp_path):
    first = run_study(TOY_ID, cache_dir=tmp_path, **ARGS)
    db = sqlite3.connect(str(tmp_path / "truth.sqlite"))
    db.execute("UPDATE truth SET value = 'not a number' WHERE rowid = 1")
    db.execute("UPDATE truth SET value = 9e999 WHERE rowid = 2")  # +inf
    db.execute("UPDATE truth SET stderr = -1.0 WHERE rowid = 3")
    db.commit()
    db.close()
    with pytest.warns(TruthCacheWarning, match="3 row"):
        again = run_study(TOY_ID, cache_dir=tmp_path, **ARGS)
    assert again.truth_info["computed"] == 3 and again.truth_info["from_cache"] == 9
    np.testing.assert_array_equal(again.truth, first.truth)
    assert run_study(TOY_ID, cache_dir=tmp_path, **ARGS).truth_info["from_cache"] == 12  # replaced
    with TruthCache(tmp_path) as cache, pytest.raises(ValueError, match="not finite"):
        cache.put("k", [("s", "a", type("E", (), {"value": float("nan"), "stderr": 0.0, "budget": 0,
                                                  "exact": True})())])


def test_decomposition_check_is_relative():
    rng = np.random.default_rng(0)
    est = 1000.0 + rng.normal(0, 1, size=(32, 500))
    st = pair_stats(est, np.full(500, -1000.0))  # rewards around 1000, a large bias
    assert st.decomposition_error > 1e-9  # an absolute tolerance of 1e-9 fails here ...
    assert st.decomposition_ok and st.decomposition_rel_error < 1e-12  # ... the relative one does not
    broken = pair_stats(est, np.zeros(500))
    broken.mse = broken.mse * (1 + 1e-6)
    assert not broken.decomposition_ok


def test_study_of_rewards_around_1000(tmp_path):
    res = run_study(GaussArmsEnv(offset=1000.0, sigma=3.0), budgets=[1, 4], states=4, repeats=8,
                    cache_dir=tmp_path, progress=False)
    assert all(r["decomposition_ok"] for r in res.rows)
    assert "check: ok" in res.format_table()


def test_truth_is_described_honestly_and_sources_key_the_cache(tmp_path):
    env = SourcedArmsEnv()
    res = run_study(env, cache_dir=tmp_path, **ARGS)
    assert res.truth_info["description"] == "env.truth(): 3 proven, 12 estimated at 4096 pulls"
    assert "exact" not in res.format_table().splitlines()[1]
    assert (res.truth_info["n_proven"], res.truth_info["n_estimated"]) == (3, 12)
    high = run_study(env, truth="high:65536", cache_dir=tmp_path, **ARGS)
    assert env.sources == [None, "high:65536"]
    assert high.truth_info["kind"] == "high:65536" and high.truth_info["computed"] == 15
    assert high.truth_info["description"] == "env.truth(source='high:65536'): 15 estimated at budget 65536"
    assert not np.array_equal(high.truth, res.truth)
    again = run_study(env, truth="high:65536", cache_dir=tmp_path, **ARGS)  # its own cache entries
    assert again.truth_info["from_cache"] == 15 and env.sources == [None, "high:65536"]
    with pytest.raises(ValueError, match="truth='low:3'.*accepts 'high:N'"):
        run_study(env, truth="low:3", cache_dir=tmp_path, **ARGS)
    with pytest.raises(ValueError, match="truth='uct:99'.*offers no truth source"):
        run_study(GaussArmsEnv(), truth="uct:99", cache_dir=tmp_path, **ARGS)


def test_gomoku_truth_names_proven_and_estimated(tmp_path):
    res = run_study("Gomoku9x9-LLM-v0", budgets=[4], states=2, repeats=1, top_k=None, seed=3,
                    env_kwargs={"task": "block4", "truth_rollouts": 256}, cache_dir=tmp_path, progress=False)
    d = res.truth_info["description"]
    assert d.startswith("env.truth(): ") and " proven, " in d and d.endswith("estimated at 256 rollouts")


def test_reward_target_uses_the_reward_hook(tmp_path):
    value = run_study(ThresholdRewardArmsEnv(sigma=0.3), budgets=[1, 16], states=6, repeats=8,
                      cache_dir=tmp_path, progress=False)
    reward = run_study(ThresholdRewardArmsEnv(sigma=0.3), budgets=[1, 16], states=6, repeats=8,
                       cache_dir=tmp_path, progress=False, target="reward")
    fr = ThresholdRewardArmsEnv().format_reward
    np.testing.assert_array_equal(reward.truth, fr + np.where(value.truth > 0.5, 1.0, -1.0))
    np.testing.assert_array_equal(reward.estimates, fr + np.where(value.estimates > 0.5, 1.0, -1.0))
    assert reward.config["target"] == "reward" and "target=reward" in reward.format_table()
    # a thresholded reward is biased where the value is near the threshold: its bias^2 is not the value's
    assert reward.rows[0]["bias2"] != pytest.approx(value.rows[0]["bias2"])


def test_oracle_failures_are_dropped_and_counted(tmp_path):
    res = run_study(FlakyArmsEnv(sigma=0.2), budgets=[2, 8], states=4, repeats=6, groups=[2, 4],
                    cache_dir=tmp_path, progress=False, out=tmp_path / "o")
    assert res.truth_info["failed"] == 4 and len(res.pair_action) == 16  # arm E has no truth: dropped
    assert "E" not in res.pair_action and "4 pairs dropped" in res.truth_info["description"]
    n_nan = np.isnan(res.estimates).sum(axis=(1, 2))
    assert n_nan.sum() > 0
    assert [r["oracle_failures"] for r in res.rows] == list(n_nan)
    for row in res.rows:
        for k in ("bias", "var", "mse", "accuracy", "rank_corr"):
            assert math.isfinite(row[k]), (k, row)
        assert row["decomposition_ok"]
    assert all(r["groups_dropped"] > 0 and math.isfinite(r["sign_agree"]) for r in res.group_rows)
    assert "oracle failures dropped" in res.format_table()
    # the statistics use the remaining estimates only (never a stand-in value)
    st_mean = np.nanmean(res.estimates[0], axis=0)
    with open(tmp_path / "o" / "pairs.csv") as fh:
        rows = [r for r in csv.DictReader(fh) if r["budget"] == "2"]
    np.testing.assert_allclose([float(r["mean"]) for r in rows], st_mean)


def test_simulation_drops_failed_samples(tmp_path):
    from envs.study.simulate import run_simulation

    res = run_simulation(FlakyArmsEnv(sigma=0.0), budgets=[1], groups=[4], states=4, iterations=40, runs=1,
                         cache_dir=tmp_path, progress=False)
    assert res.rows[0]["oracle_failures"] > 0 and res.truth_info["failed"] == 4
    assert res.rows[0]["p_best_final"] > 0.9  # learning goes on with the samples that were scored


def test_candidate_labels_reach_pairs_csv(tmp_path):
    res = run_study(LabelledArmsEnv(), cache_dir=tmp_path, out=tmp_path / "o", **ARGS)
    assert res.pair_label is not None and res.pair_label.count("reference") == 3
    with open(tmp_path / "o" / "pairs.csv") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["label"] in ("reference", "wrong:0") and {r["label"] for r in rows} >= {"reference"}
    best = [r for r in rows if r["label"] == "reference"]
    for r in best:  # the reference is the best arm of its state
        same = [float(x["truth"]) for x in rows if x["state_index"] == r["state_index"]]
        assert float(r["truth"]) == max(same)
    plain = run_study(GaussArmsEnv(), cache_dir=tmp_path, out=tmp_path / "p", **ARGS)
    assert plain.pair_label is None
    with open(tmp_path / "p" / "pairs.csv") as fh:
        assert "label" not in next(csv.DictReader(fh))


def test_budget_name_and_bound_come_from_the_env(tmp_path, capsys):
    res = run_study("Gomoku9x9-LLM-v0", budgets=[2], states=1, repeats=1, top_k=3, cache_dir=tmp_path,
                    progress=False, env_kwargs={"truth_rollouts": 64})
    assert res.config["budget_name"] == "rollouts"
    with pytest.raises(ValueError, match=r"exceed the largest pulls .*\(1048576\)"):
        run_study(GaussArmsEnv(), budgets=[2**21], cache_dir=tmp_path, states=1, repeats=1, progress=False)
    with pytest.raises(ValueError, match="truth budget"):
        run_study(GaussArmsEnv(), truth=f"budget:{2**40}", cache_dir=tmp_path, **ARGS)
    rc = main(["study", "Gomoku9x9-LLM-v0", "--budgets", "18446744073709551616", "--no-progress",
               "--cache-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert rc == 2 and err.count("\n") == 1 and "18446744073709551616" in err


def test_study_command_with_groups_and_target(tmp_path, capsys):
    rc = main(["study", TOY_ID, "--budgets", "4,16", "--states", "3", "--repeats", "4", "--groups",
               "--target", "reward", "--out", str(tmp_path / "o"), "--cache-dir", str(tmp_path), "--no-progress"])
    assert rc == 0
    out = capsys.readouterr().out
    assert "group level" in out and "target=reward" in out
    assert (tmp_path / "o" / "group_signal.png").exists()
    with open(tmp_path / "o" / "summary.csv") as fh:
        row = next(csv.DictReader(fh))
    assert {"sign_agree_g2", "sign_agree_g16", "p_best_g8"} <= set(row)


def test_a_locked_cache_is_not_mistaken_for_a_damaged_one(tmp_path):
    run_study(TOY_ID, cache_dir=tmp_path, **ARGS)
    cache = TruthCache(tmp_path)
    cache._db.execute("PRAGMA busy_timeout = 50")  # do not wait the minute a study would wait
    holder = sqlite3.connect(str(tmp_path / "truth.sqlite"))
    holder.execute("BEGIN EXCLUSIVE")  # another process writing
    try:
        with pytest.raises(ValueError, match="cannot be used .*locked"):
            cache.get("k", [("s", "a")])
    finally:
        holder.rollback()
        holder.close()
        cache.close()
    assert not list(tmp_path.glob("truth.sqlite.corrupt-*"))
    assert run_study(TOY_ID, cache_dir=tmp_path, **ARGS).truth_info["from_cache"] == 12
