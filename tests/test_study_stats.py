"""The study's pure statistics on hand-made inputs (envs/study/stats.py)."""
import itertools

import numpy as np
import pytest

from envs.study.stats import (
    DECOMPOSITION_TOL,
    PairStats,
    average_ranks,
    decision_accuracy,
    pair_stats,
    rank_correlation,
    spearman,
)


def test_pair_stats_by_hand():
    est = np.array([[1.0, 2.0], [3.0, 4.0]])
    st = pair_stats(est, np.array([2.0, 2.0]))
    np.testing.assert_allclose(st.mean, [2.0, 3.0])
    np.testing.assert_allclose(st.var, [1.0, 1.0])
    np.testing.assert_allclose(st.var_unbiased, [2.0, 2.0])
    np.testing.assert_allclose(st.bias, [0.0, 1.0])
    np.testing.assert_allclose(st.mse, [1.0, 2.0])  # (1 + 1)/2 and (0 + 4)/2
    assert st.decomposition_ok


def test_decomposition_holds_on_random_data_and_the_check_can_fail():
    rng = np.random.default_rng(3)
    est = rng.normal(0.3, 0.2, size=(17, 50))
    st = pair_stats(est, rng.uniform(0, 1, size=50))
    assert st.decomposition_error < DECOMPOSITION_TOL
    broken = PairStats(st.mean, st.var, st.var_unbiased, st.bias, st.mse + 1e-6)
    assert not broken.decomposition_ok


def test_single_repeat_has_nan_unbiased_variance():
    st = pair_stats(np.array([[0.5, 0.25]]), np.array([0.5, 0.5]))
    assert np.isnan(st.var_unbiased).all()
    np.testing.assert_allclose(st.var, 0.0)


def test_pair_stats_rejects_bad_shapes():
    with pytest.raises(ValueError, match="truth must have shape"):
        pair_stats(np.zeros((3, 2)), np.zeros(3))
    with pytest.raises(ValueError, match="repeats, pairs"):
        pair_stats(np.zeros(3), np.zeros(3))


def _ranks_reference(x):
    """Average ranks, the slow obvious way."""
    out = []
    for v in x:
        below = sum(1 for w in x if w < v)
        same = sum(1 for w in x if w == v)
        out.append(below + (same + 1) / 2)
    return out


def test_average_ranks_match_reference():
    rng = np.random.default_rng(0)
    for _ in range(50):
        x = rng.integers(0, 4, size=rng.integers(1, 8)).astype(float)
        np.testing.assert_allclose(average_ranks(x), _ranks_reference(list(x)))
    np.testing.assert_allclose(average_ranks(np.array([[3.0, 1.0, 3.0]])), [[2.5, 1.0, 2.5]])


def test_spearman_by_hand():
    truth = np.array([1.0, 2.0, 3.0])
    rho = spearman(np.array([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0], [1.0, 1.0, 2.0], [5.0, 5.0, 5.0]]), truth)
    np.testing.assert_allclose(rho[:3], [1.0, -1.0, 1.5 / np.sqrt(3.0)])
    assert np.isnan(rho[3])  # constant estimates: undefined
    assert np.isnan(spearman(np.array([[1.0, 2.0]]), np.array([0.5, 0.5]))).all()  # constant truth
    assert np.isnan(spearman(np.array([[1.0]]), np.array([0.5]))).all()  # one candidate
    mean, n = rank_correlation(np.array([[1.0, 2.0, 3.0], [5.0, 5.0, 5.0], [3.0, 2.0, 1.0]]), truth)
    assert (mean, n) == (0.0, 2)


def test_spearman_is_pearson_of_ranks():
    rng = np.random.default_rng(1)
    est = rng.integers(0, 5, size=(20, 6)).astype(float)
    truth = rng.normal(size=6)
    rho = spearman(est, truth)
    for row, r in zip(est, rho):
        a, b = np.array(_ranks_reference(list(row))), np.array(_ranks_reference(list(truth)))
        expect = np.corrcoef(a, b)[0, 1] if a.std() > 0 else np.nan
        np.testing.assert_allclose(r, expect, equal_nan=True)


def test_decision_accuracy_counts_ties_fractionally():
    truth = np.array([0.2, 0.9, 0.9, 0.1])  # actions 1 and 2 are both truly best
    est = np.array([
        [0.1, 0.8, 0.3, 0.0],  # picks 1: right
        [0.9, 0.1, 0.1, 0.1],  # picks 0: wrong, regret 0.7
        [0.5, 0.5, 0.1, 0.1],  # tie between 0 (wrong) and 1 (right): 1/2
        [0.4, 0.4, 0.4, 0.4],  # four-way tie: 2 of 4 right
    ])
    acc, regret = decision_accuracy(est, truth)
    np.testing.assert_allclose(acc, [1.0, 0.0, 0.5, 0.5])
    np.testing.assert_allclose(regret, [0.0, 0.7, 0.35, (0.7 + 0.8) / 4])


def test_decision_accuracy_truth_tolerance():
    truth = np.array([0.5, 0.5 - 1e-12, 0.3])
    est = np.array([[0.0, 1.0, 0.0]])
    assert decision_accuracy(est, truth)[0][0] == 1.0
    assert decision_accuracy(est, truth, tol=0.0)[0][0] == 0.0
    with pytest.raises(ValueError, match="one truth per candidate"):
        decision_accuracy(est, np.array([0.5, 0.4]))


def test_decision_accuracy_of_every_permutation_averages_to_chance():
    truth = np.array([0.1, 0.7, 0.3])
    est = np.array(list(itertools.permutations([0.0, 1.0, 2.0])), dtype=float)
    acc, _ = decision_accuracy(est, truth)
    assert acc.mean() == pytest.approx(1 / 3)


def test_relative_decomposition_error_ignores_rounding_noise():
    from envs.study.stats import pair_stats

    s = pair_stats(np.full((7, 1), 1.1), np.array([1.1]))  # every estimate equals its truth
    assert s.decomposition_ok and s.decomposition_rel_error == 0.0
    s = pair_stats(np.array([[0.0], [2.0]]), np.array([0.5]))
    assert s.decomposition_ok and s.decomposition_rel_error < 1e-12
