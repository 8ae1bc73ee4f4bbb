"""GRPO group-level metrics: by hand, against the Gaussian closed form, and through the study runner."""
import csv
import math

import numpy as np
import pytest
from study_toys import GaussArmsEnv

from envs.study import run_study
from envs.study.groups import (group_advantages, group_metrics, sampling_probs, sign_agreement_gaussian)


def test_advantages_by_hand():
    a = group_advantages(np.array([[1.0, 0.0], [2.0, 2.0], [3.0, 1.0]]))
    # (s - mean) / (std(ddof=1) + 1e-4): [1, 0] -> +-0.5 / (0.7071 + 1e-4)
    np.testing.assert_allclose(a[0], [0.5 / (math.sqrt(0.5) + 1e-4), -0.5 / (math.sqrt(0.5) + 1e-4)])
    np.testing.assert_array_equal(a[1], [0.0, 0.0])  # all tied: no signal
    np.testing.assert_allclose(a[2], [1.0 / (math.sqrt(2.0) + 1e-4), -1.0 / (math.sqrt(2.0) + 1e-4)])


def test_group_metrics_by_hand():
    truth = np.array([[0.9, 0.1, 0.5], [0.2, 0.2, 0.2], [0.3, 0.8, 0.8], [0.1, 0.6, 0.5]])
    scores = np.array([[0.7, 0.2, 0.1],   # signs vs true devs (+0.4, -0.4, 0): +, -, - -> 2 of 2 counted agree
                       [0.5, 0.1, 0.0],   # constant truth: no member counted, not informative
                       [0.4, 0.4, 0.4],   # tied scores: each counted member agrees one half
                       [0.1, 0.6, np.nan]])  # a failed member: the group is dropped
    m = group_metrics(scores, truth)
    assert m["groups"] == 3 and m["groups_dropped"] == 1
    # counted members: group 0 -> 2 (the third's true dev is 0), group 2 -> 3 (devs -1/3, +1/6, +1/6)
    assert m["sign_n"] == 5
    assert m["sign_agree"] == pytest.approx((1 + 1 + 0.5 * 3) / 5)
    # P(best): group 0 picks member 0 (truly best) -> 1; group 2 three-way tie, 2 of 3 truly best -> 2/3
    assert m["p_best_n"] == 2 and m["p_best"] == pytest.approx((1 + 2 / 3) / 2)
    assert m["zero_signal"] == pytest.approx(1 / 3)
    with pytest.raises(ValueError, match="same shape"):
        group_metrics(scores, truth[:, :2])


def test_sampling_probs():
    np.testing.assert_allclose(sampling_probs(np.array([0.1, 0.5, 0.2])), [1 / 3] * 3)
    p = sampling_probs(np.array([0.0, 1.0]), "softmax", 0.5)
    np.testing.assert_allclose(p, [1 / (1 + math.e**2), math.e**2 / (1 + math.e**2)])
    with pytest.raises(ValueError, match="uniform"):
        sampling_probs(np.zeros(2), "greedy")


@pytest.mark.parametrize("g", [2, 4, 8])
def test_sign_agreement_matches_the_gaussian_closed_form(g):
    rng = np.random.default_rng(g)
    truth = rng.uniform(0, 1, size=(20000, g))
    sigma = 0.3
    scores = truth + sigma * rng.standard_normal(truth.shape)
    m = group_metrics(scores, truth)
    expect = sign_agreement_gaussian(truth, sigma)
    se = math.sqrt(expect * (1 - expect) / m["sign_n"])
    assert abs(m["sign_agree"] - expect) < 5 * se, (m["sign_agree"], expect)
    assert 0.6 < expect < 0.95  # a regime where the noise matters
    # the closed form itself at G = 2: Phi(|r1 - r2| / (sigma * sqrt 2))
    pair = np.array([[0.5, 0.2]])
    z = 0.3 / (sigma * math.sqrt(2))
    assert sign_agreement_gaussian(pair, sigma) == pytest.approx(0.5 * (1 + math.erf(z / math.sqrt(2))))


def test_study_groups_match_the_closed_form(tmp_path):
    """Through the runner: the oracle's noise is sigma / sqrt(pulls), Gaussian, independent per member."""
    sigma, arms = 0.5, 5
    res = run_study(GaussArmsEnv(sigma=sigma, arms=arms), budgets=[1, 4, 16], states=30, repeats=16,
                    groups=[2, 4, 8], groups_per_state=64, cache_dir=tmp_path, progress=False, out=tmp_path / "o")
    assert [(r["budget"], r["group_size"]) for r in res.group_rows] == \
        [(b, g) for b in (1, 4, 16) for g in (2, 4, 8)]
    # the expected agreement over uniform groups of these states' arms, by Monte Carlo of the closed form
    rng = np.random.default_rng(0)
    truth = res.truth.reshape(len(res.states), arms)
    for row in res.group_rows:
        g, b = row["group_size"], row["budget"]
        groups = truth[rng.integers(0, len(truth), 20000)[:, None], rng.integers(0, arms, (20000, g))]
        expect = sign_agreement_gaussian(groups, sigma / math.sqrt(b))
        assert abs(row["sign_agree"] - expect) < 0.03, (row, expect)
        assert row["cost_per_group"] == g * b and row["groups"] == 30 * 64
        assert row["sec_per_group"] == pytest.approx(g * res.rows[[1, 4, 16].index(b)]["sec_per_estimate"])
    for g in (2, 4, 8):
        sel = [r for r in res.group_rows if r["group_size"] == g]
        assert [r["sign_agree"] for r in sel] == sorted(r["sign_agree"] for r in sel)  # more pulls, better
        assert [r["adv_corr"] for r in sel] == sorted(r["adv_corr"] for r in sel)
    # the same table, CSV and plots as the per-pair metrics
    text = res.format_table()
    assert "sign agree" in text and "P(best)" in text
    with open(tmp_path / "o" / "summary.csv") as fh:
        rows = list(csv.DictReader(fh))
    assert {"sign_agree_g2", "adv_corr_g8", "p_best_g4", "cost_per_group_g8"} <= set(rows[0])
    assert (tmp_path / "o" / "group_signal.png").read_bytes()[:4] == b"\x89PNG"


def test_exact_oracle_gives_perfect_group_signal(tmp_path):
    res = run_study(GaussArmsEnv(sigma=0.0), budgets=[1], states=5, repeats=4, groups="2,4",
                    cache_dir=tmp_path, progress=False)
    for row in res.group_rows:
        assert row["sign_agree"] == 1.0 and row["p_best"] == 1.0
        assert row["adv_corr"] == pytest.approx(1.0)


def test_softmax_sampling_concentrates_on_good_actions(tmp_path):
    args = dict(budgets=[4], states=10, repeats=8, groups=[4], cache_dir=tmp_path, progress=False)
    uni = run_study(GaussArmsEnv(sigma=0.5), **args)
    soft = run_study(GaussArmsEnv(sigma=0.5), group_sampling="softmax", temperature=0.01, **args)
    # a near-greedy policy's groups mostly repeat the best arm: the group's truth is often constant
    assert soft.group_rows[0]["p_best_n"] < uni.group_rows[0]["p_best_n"]
    assert soft.config["groups"]["sampling"] == "softmax"
    with pytest.raises(ValueError, match="temperature"):
        run_study(GaussArmsEnv(), group_sampling="softmax", temperature=0.0, **args)
    with pytest.raises(ValueError, match="at least 2 members"):
        run_study(GaussArmsEnv(), **{**args, "groups": [1, 4]})
