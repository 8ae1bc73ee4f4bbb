"""Group-level metrics: what the oracle's noise does to the signal GRPO actually uses (numpy only).

GRPO scores a group of ``G`` completions of one prompt and normalises the scores within the group::

    A_j = (s_j - mean(s)) / (std(s) + eps)        (std with ddof=1 and eps=1e-4, as TRL does)

For groups drawn from a state's candidate actions, :func:`group_metrics` compares the advantages computed
from the budgeted oracle's scores with those computed from the truth:

* ``sign_agree``: the fraction of members whose estimated advantage has the sign of the true one. Only
  members with a nonzero true advantage (``|r_j - mean(r)| > tol``) count; an estimated advantage of exactly
  0 (all scores tied) counts one half. With independent Gaussian noise of standard deviation ``sigma`` on
  each score, a member's probability of agreeing is ``Phi(|r_j - mean(r)| / (sigma * sqrt(1 - 1/G)))``
  (:func:`sign_agreement_gaussian`), because ``s_j - mean(s)`` is the true deviation plus noise of variance
  ``sigma^2 (1 - 1/G)``.
* ``adv_corr``: the Pearson correlation between estimated and true advantages, pooled over all members of
  the groups whose truth is not constant.
* ``p_best``: the probability that the group's best-scored member is truly the group's best (truth within
  ``tol`` of the group's best; ties in the scores count fractionally), over groups whose truth is not
  constant.
* ``zero_signal``: the fraction of groups whose scores are all equal (every advantage 0: no gradient).
"""
from __future__ import annotations

import math

import numpy as np

__all__ = ["ADV_EPS", "draw_groups", "group_advantages", "group_metrics", "sampling_probs",
           "sign_agreement_gaussian"]

#: the epsilon of GRPO's group normalisation (TRL's value)
ADV_EPS = 1e-4


def group_advantages(scores: np.ndarray, eps: float = ADV_EPS) -> np.ndarray:
    """GRPO's group-normalised advantages of ``scores`` (shape ``(N, G)``): ``(s - mean) / (std + eps)``.

    ``std`` has ``ddof=1`` (0 for ``G = 1``); a group whose scores are all equal gets advantages 0.
    """
    s = np.atleast_2d(np.asarray(scores, dtype=np.float64))
    dev = s - s.mean(axis=1, keepdims=True)
    std = s.std(axis=1, ddof=1, keepdims=True) if s.shape[1] > 1 else np.zeros((s.shape[0], 1))
    return dev / (std + eps)


def sampling_probs(truth: np.ndarray, sampling: str = "uniform", temperature: float = 1.0) -> np.ndarray:
    """The probabilities of drawing each candidate into a group: uniform, or ``softmax(truth / temperature)``."""
    r = np.asarray(truth, dtype=np.float64)
    if sampling == "uniform":
        return np.full(r.shape, 1.0 / len(r))
    if sampling == "softmax":
        z = (r - r.max()) / temperature
        p = np.exp(z)
        return p / p.sum()
    raise ValueError(f"sampling={sampling!r} must be 'uniform' or 'softmax'")


def draw_groups(probs: np.ndarray, size: int, count: int, rng: np.random.Generator) -> np.ndarray:
    """``count`` groups of ``size`` candidate indices drawn with replacement from ``probs`` (shape ``(count, size)``).

    With replacement, as a policy samples its ``G`` completions independently: a group may hold one action
    twice (the study scores each copy with its own oracle seed).
    """
    return rng.choice(len(probs), size=(count, size), replace=True, p=probs)


def group_metrics(scores: np.ndarray, truth: np.ndarray, tol: float = 1e-9, eps: float = ADV_EPS) -> dict:
    """The group-level metrics (see the module docstring) of groups with ``scores`` and ``truth`` of shape ``(N, G)``.

    Rows holding a NaN score (an oracle failure) are left out and counted in ``groups_dropped``.

    Returns:
        a dict with ``sign_agree``, ``sign_n`` (members counted), ``adv_corr``, ``p_best``, ``p_best_n``
        (informative groups), ``zero_signal``, ``groups`` (groups used) and ``groups_dropped``.
    """
    s = np.atleast_2d(np.asarray(scores, dtype=np.float64))
    r = np.atleast_2d(np.asarray(truth, dtype=np.float64))
    if s.shape != r.shape:
        raise ValueError(f"scores {s.shape} and truth {r.shape} must have the same shape (groups, G)")
    keep = np.isfinite(s).all(axis=1)
    dropped = int((~keep).sum())
    s, r = s[keep], r[keep]
    nan = float("nan")
    out = {"sign_agree": nan, "sign_n": 0, "adv_corr": nan, "p_best": nan, "p_best_n": 0,
           "zero_signal": nan, "groups": int(len(s)), "groups_dropped": dropped}
    if len(s) == 0:
        return out
    a_est = group_advantages(s, eps)
    a_true = group_advantages(r, eps)
    true_dev = r - r.mean(axis=1, keepdims=True)
    est_dev = s - s.mean(axis=1, keepdims=True)
    counted = np.abs(true_dev) > tol
    tied = np.all(s == s[:, :1], axis=1)
    agree = np.where(tied[:, None], 0.5, (np.sign(est_dev) == np.sign(true_dev)).astype(np.float64))
    if counted.any():
        out["sign_agree"] = float(agree[counted].mean())
        out["sign_n"] = int(counted.sum())
    informative = (r.max(axis=1) - r.min(axis=1)) > tol
    out["zero_signal"] = float(tied.mean())
    if informative.any():
        x, y = a_est[informative].ravel(), a_true[informative].ravel()
        if x.std() > 0 and y.std() > 0:
            out["adv_corr"] = float(np.corrcoef(x, y)[0, 1])
        si, ri = s[informative], r[informative]
        top = si == si.max(axis=1, keepdims=True)
        best = ri >= ri.max(axis=1, keepdims=True) - tol
        out["p_best"] = float(((top & best).sum(axis=1) / top.sum(axis=1)).mean())
        out["p_best_n"] = int(informative.sum())
    return out


def sign_agreement_gaussian(truth: np.ndarray, sigma: float, tol: float = 1e-9) -> float:
    """The expected ``sign_agree`` of groups with true values ``truth`` (shape ``(N, G)``) scored with
    independent Gaussian noise of standard deviation ``sigma`` (the closed form in the module docstring)."""
    r = np.atleast_2d(np.asarray(truth, dtype=np.float64))
    g = r.shape[1]
    dev = np.abs(r - r.mean(axis=1, keepdims=True))
    counted = dev > tol
    if not counted.any():
        return float("nan")
    if sigma == 0:
        return 1.0
    z = dev[counted] / (sigma * math.sqrt(1.0 - 1.0 / g))
    phi = 0.5 * (1.0 + np.vectorize(math.erf)(z / math.sqrt(2.0)))
    return float(phi.mean())
