"""Pure statistics of the reward-variance study (numpy only, no environment in sight).

The error of a reward estimate ``r^`` of a true value ``r`` decomposes as::

    E(r^ - r)^2  =  Var(r^)  +  (E r^ - r)^2          (MSE = variance + bias^2)

For one (state, action) pair and ``R`` repeats, :func:`pair_stats` returns the mean estimate ``m``, the
variance ``v`` with ``ddof=0`` (so that ``mse = v + (m - r)^2`` holds exactly, up to rounding), the
unbiased variance (``ddof=1``), the bias ``b = m - r`` and the MSE measured directly as
``mean((r^ - r)^2)``. :func:`decision_accuracy` and :func:`rank_correlation` judge how well the estimates
order the candidate actions of a state.

An estimate that the oracle could not make (an oracle failure) is NaN in ``estimates``: it is left out of
its pair's statistics, never replaced by a made-up value (``PairStats.n`` counts what is left).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = [
    "DECOMPOSITION_ATOL",
    "DECOMPOSITION_RTOL",
    "DECOMPOSITION_TOL",
    "PairStats",
    "average_ranks",
    "decision_accuracy",
    "pair_stats",
    "rank_correlation",
    "spearman",
]

#: relative tolerance of the decomposition check: |MSE - (var + bias^2)| <= RTOL * (MSE + var + bias^2)
#: + ATOL * (1 + truth^2), so rewards around 1000 are checked as strictly as rewards around 1
DECOMPOSITION_RTOL = 1e-9
DECOMPOSITION_ATOL = 1e-12
#: kept for compatibility: the relative tolerance
DECOMPOSITION_TOL = DECOMPOSITION_RTOL


@dataclass
class PairStats:
    """Per-pair statistics over repeats (arrays of shape ``(P,)``), see :func:`pair_stats`."""

    mean: np.ndarray
    var: np.ndarray
    var_unbiased: np.ndarray
    bias: np.ndarray
    mse: np.ndarray
    truth: np.ndarray | None = None
    n: np.ndarray | None = None

    def _errors(self) -> tuple[np.ndarray, np.ndarray]:
        ok = np.isfinite(self.mse)
        err = np.abs(self.mse - (self.var + self.bias**2))[ok]
        scale = (self.mse + self.var + self.bias**2)[ok]
        r = np.zeros_like(scale) if self.truth is None else np.asarray(self.truth, dtype=np.float64)[ok]
        return err, DECOMPOSITION_RTOL * scale + DECOMPOSITION_ATOL * (1.0 + r**2)

    @property
    def decomposition_error(self) -> float:
        """The largest |MSE - (var + bias^2)| over pairs (0.0 for no pairs)."""
        err, _ = self._errors()
        return float(err.max()) if err.size else 0.0

    @property
    def decomposition_rel_error(self) -> float:
        """The largest |MSE - (var + bias^2)| / (MSE + var + bias^2) over pairs (0 where that sum is 0, or
        where the difference is within the absolute tolerance: rounding noise over rounding noise is no
        relative error)."""
        ok = np.isfinite(self.mse)
        err = np.abs(self.mse - (self.var + self.bias**2))[ok]
        scale = (self.mse + self.var + self.bias**2)[ok]
        r = np.zeros_like(scale) if self.truth is None else np.asarray(self.truth, dtype=np.float64)[ok]
        meaningful = (scale > 0) & (err > DECOMPOSITION_ATOL * (1.0 + r**2))
        rel = np.divide(err, scale, out=np.zeros_like(err), where=meaningful)
        return float(rel.max()) if rel.size else 0.0

    @property
    def decomposition_ok(self) -> bool:
        """Whether MSE = var + bias^2 holds for every pair within a relative tolerance
        (:data:`DECOMPOSITION_RTOL`, plus :data:`DECOMPOSITION_ATOL` times ``1 + truth^2``)."""
        err, tol = self._errors()
        return bool(np.all(err <= tol))


def pair_stats(estimates: np.ndarray, truth: np.ndarray) -> PairStats:
    """Bias, variance and MSE of each pair's estimates over repeats.

    Args:
        estimates: shape ``(R, P)``, the estimate of pair ``p`` in repeat ``k``.
        truth: shape ``(P,)``, the true value of each pair.

    The MSE is computed directly from the errors, independently of ``var`` and ``bias``, so that
    :attr:`PairStats.decomposition_ok` is a real numerical check. ``var_unbiased`` is NaN when fewer than
    two repeats are left. NaN estimates (oracle failures) are left out; a pair with none left is NaN.
    """
    est = np.asarray(estimates, dtype=np.float64)
    r = np.asarray(truth, dtype=np.float64)
    if est.ndim != 2:
        raise ValueError(f"estimates must have shape (repeats, pairs), got shape {est.shape}")
    if r.shape != (est.shape[1],):
        raise ValueError(f"truth must have shape ({est.shape[1]},) to match estimates {est.shape}, got {r.shape}")
    if est.shape[0] < 1:
        raise ValueError("estimates need at least one repeat (got 0 rows)")
    ok = np.isfinite(est)
    n = ok.sum(axis=0)
    if ok.all():
        mean = est.mean(axis=0)
        var = est.var(axis=0, ddof=0)
        var_unb = est.var(axis=0, ddof=1) if est.shape[0] > 1 else np.full_like(mean, np.nan)
        mse = np.mean((est - r) ** 2, axis=0)
    else:
        x = np.where(ok, est, 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = x.sum(axis=0) / n
            dev = np.where(ok, est - mean, 0.0)
            var = (dev**2).sum(axis=0) / n
            var_unb = np.where(n > 1, (dev**2).sum(axis=0) / np.maximum(n - 1, 1), np.nan)
            mse = (np.where(ok, est - r, 0.0) ** 2).sum(axis=0) / n
        mean = np.where(n > 0, mean, np.nan)
    return PairStats(mean=mean, var=var, var_unbiased=var_unb, bias=mean - r, mse=mse, truth=r, n=n)


def average_ranks(x: np.ndarray) -> np.ndarray:
    """Ranks (1-based) along the last axis, ties sharing their average rank (as ``scipy.stats.rankdata``)."""
    x = np.asarray(x, dtype=np.float64)
    less = (x[..., :, None] > x[..., None, :]).sum(axis=-1)
    equal = (x[..., :, None] == x[..., None, :]).sum(axis=-1)
    return less + (equal + 1) / 2.0


def spearman(est: np.ndarray, truth: np.ndarray) -> np.ndarray:
    """Spearman rank correlation of each row of ``est`` (shape ``(R, k)``) with ``truth`` (shape ``(k,)``).

    Ties get average ranks. A row is NaN where the correlation is undefined: fewer than two candidates,
    or constant estimates, or a constant truth.
    """
    est = np.atleast_2d(np.asarray(est, dtype=np.float64))
    truth = np.asarray(truth, dtype=np.float64)
    rows = est.shape[0]
    if est.shape[1] < 2:
        return np.full(rows, np.nan)
    re = average_ranks(est)
    rt = average_ranks(truth)
    re = re - re.mean(axis=1, keepdims=True)
    rt = rt - rt.mean()
    num = re @ rt
    den = np.sqrt((re**2).sum(axis=1) * (rt**2).sum())
    out = np.full(rows, np.nan)
    ok = den > 0
    out[ok] = num[ok] / den[ok]
    return out


def decision_accuracy(est: np.ndarray, truth: np.ndarray, tol: float = 1e-9) -> tuple[np.ndarray, np.ndarray]:
    """Whether the action the estimates rank best is truly best, and the regret of that choice.

    Args:
        est: shape ``(R, k)``, the estimates of the ``k`` candidate actions of one state in each repeat.
        truth: shape ``(k,)``, their true values.
        tol: actions whose truth is within ``tol`` of the best are all "truly best".

    Ties in the estimates are counted fractionally (the expectation of a uniformly random tie-break, with
    no randomness): if ``t`` actions share the top estimate and ``c`` of them are truly best, the row
    scores ``c / t``; the regret is the mean of ``max(truth) - truth`` over the ``t`` tied actions.

    Returns:
        ``(accuracy, regret)``, each of shape ``(R,)``.
    """
    est = np.atleast_2d(np.asarray(est, dtype=np.float64))
    truth = np.asarray(truth, dtype=np.float64)
    if est.shape[1] != truth.shape[0] or truth.shape[0] == 0:
        raise ValueError(f"need one truth per candidate and at least one candidate; got estimates {est.shape} "
                         f"and truth {truth.shape}")
    best = truth.max()
    truly_best = truth >= best - tol
    top = est == est.max(axis=1, keepdims=True)
    n_top = top.sum(axis=1)
    acc = (top & truly_best).sum(axis=1) / n_top
    regret = (top * (best - truth)).sum(axis=1) / n_top
    return acc, regret


def rank_correlation(est: np.ndarray, truth: np.ndarray) -> tuple[float, int]:
    """Mean Spearman correlation over the rows of ``est`` where it is defined, and the number of such rows."""
    rho = spearman(est, truth)
    ok = ~np.isnan(rho)
    return (float(rho[ok].mean()) if ok.any() else float("nan")), int(ok.sum())
