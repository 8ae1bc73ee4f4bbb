"""``run_simulation``: GRPO on a tabular softmax policy, with the environment's budgeted oracle as the reward.

The policy is a table of logits over each state's candidate actions (``env.candidate_actions``), for a
fixed set of states (``env.sample_states``), all starting uniform. One iteration:

1. samples ``G`` actions per state from the current policy ``pi_old``;
2. scores them with ``env.estimate`` at the budget, with fresh oracle seeds (as in training: no estimate is
   ever reused);
3. computes GRPO's group-normalised advantages ``A = (s - mean) / (std(ddof=1) + 1e-4)`` per state;
4. takes ``epochs`` gradient-ascent steps of size ``lr`` on the clipped surrogate
   ``mean_j min(rho_j A_j, clip(rho_j, 1 - clip, 1 + clip) A_j)`` with ``rho_j = pi(a_j) / pi_old(a_j)``,
   minus ``kl * KL(pi || pi_ref)`` to the initial policy (exact, since the policy is a table).

It tracks, against the iteration and against the oracle cost spent (``iterations * states * G * budget``,
in the oracle's own unit), the policy's true expected value ``mean_s sum_a pi_s(a) r_s(a)`` (from the
truth) and its probability of a truly best action. The model's capacity is out of the picture: what is
left is what the reward's noise and bias, and the group size, do to learning.

A grid of budgets x group sizes, each run ``runs`` times with other seeds, gives learning curves with
confidence bands, and the final true value at equal oracle cost (``cost=``: each configuration runs until it
has spent that much, so cheap rewards buy more iterations). Only the TextEnv batch API is used, as in the
study; an oracle failure drops that sample from its group (counted), it is never given a value.
"""
from __future__ import annotations

import json
import math
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .groups import ADV_EPS
from .results import format_rows, jsonable, write_csv
from .runner import TARGETS, TRUTH_SEED, _as_target, _positive_int, parse_budgets, parse_groups, parse_truth, prepare

__all__ = ["DEFAULT_SIM_BUDGETS", "DEFAULT_SIM_GROUPS", "SimulationResult", "grpo_step", "run_simulation"]

DEFAULT_SIM_BUDGETS: tuple[int, ...] = (4, 16, 64, 256)
DEFAULT_SIM_GROUPS: tuple[int, ...] = (2, 4, 8, 16)
#: curve points kept per run in curves.csv (the arrays keep every iteration)
CSV_POINTS = 200

_SIM_COLUMNS = (
    ("budget", "budget", "d"),
    ("group_size", "G", "d"),
    ("iterations", "iters", "d"),
    ("value_final", "value", ".4f"),
    ("value_final_ci", "+-", ".4f"),
    ("p_best_final", "P(best)", ".3f"),
    ("p_best_final_ci", "+-", ".3f"),
    ("value_at_equal_cost", "value@cost", ".4f"),
    ("value_at_equal_cost_ci", "+-", ".4f"),
    ("p_best_at_equal_cost", "P(best)@cost", ".3f"),
    ("cost_final", "cost", ".3g"),
)


def _softmax(theta: np.ndarray) -> np.ndarray:
    z = theta - theta.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def grpo_step(theta: np.ndarray, actions: np.ndarray, scores: np.ndarray, *, lr: float, clip: float = 0.2,
              kl: float = 0.0, epochs: int = 1, ref: np.ndarray | None = None,
              eps: float = ADV_EPS) -> np.ndarray:
    """One GRPO update of tabular softmax logits; returns the new logits.

    Args:
        theta: logits of shape ``(S, K)``; ``-inf`` marks a padding slot (a state with fewer candidates).
        actions: the sampled candidate indices, shape ``(S, G)``.
        scores: their rewards, shape ``(S, G)``; NaN for a sample without a score (left out of its group).
        lr: the step size of each of the ``epochs`` gradient-ascent steps.
        clip: the ratio clip ``epsilon`` of the surrogate.
        kl: the coefficient of ``KL(pi || pi_ref)`` (exact over the table); 0 for none.
        ref: the reference policy's probabilities (shape ``(S, K)``), needed when ``kl > 0``.
    """
    theta = np.array(theta, dtype=np.float64, copy=True)
    S, G = actions.shape
    valid = np.isfinite(scores)
    n_valid = valid.sum(axis=1, keepdims=True)
    s0 = np.where(valid, scores, 0.0)
    mean = s0.sum(axis=1, keepdims=True) / np.maximum(n_valid, 1)
    dev = np.where(valid, scores - mean, 0.0)
    std = np.sqrt((dev**2).sum(axis=1, keepdims=True) / np.maximum(n_valid - 1, 1))
    adv = np.where(valid & (n_valid >= 2), dev / (std + eps), 0.0)
    rows = np.arange(S)[:, None]
    pi_old = _softmax(theta)
    p_old = pi_old[rows, actions]
    mask = np.isfinite(theta)
    if kl > 0:
        log_ref = np.log(np.where(mask, ref, 1.0))
    for _ in range(epochs):
        pi = _softmax(theta)
        ratio = pi[rows, actions] / p_old
        clipped = ((adv > 0) & (ratio > 1.0 + clip)) | ((adv < 0) & (ratio < 1.0 - clip))
        coef = np.where(clipped, 0.0, ratio * adv) / np.maximum(n_valid, 1)
        grad = np.zeros_like(theta)
        np.add.at(grad, (np.broadcast_to(rows, actions.shape), actions), coef)
        grad -= pi * coef.sum(axis=1, keepdims=True)
        if kl > 0:
            d = np.where(mask, np.log(np.where(mask, pi, 1.0)) - log_ref, 0.0)
            kl_s = (pi * d).sum(axis=1, keepdims=True)
            grad -= kl * pi * (d - kl_s)
        theta = np.where(mask, theta + lr * grad, -np.inf)
    return theta


@dataclass
class SimulationResult:
    """What :func:`run_simulation` measured.

    Attributes:
        config: the settings (env, budgets, group sizes, states, runs, GRPO hyper-parameters, cost, ...).
        truth_info: the truth (as in the study).
        curves: one dict per (budget, G): ``budget``, ``group_size``, ``iterations``, ``cost`` (oracle cost
            spent after each iteration, shape ``(T+1,)``), ``value`` and ``p_best`` (shape ``(runs, T+1)``),
            ``failures`` and ``seconds``.
        rows: one summary dict per (budget, G), see :attr:`table`.
        equal_cost: the oracle cost at which the configurations are compared (the least that every one spent).
        value_uniform, value_best: the true value of the uniform policy and of the best one.
    """

    config: dict
    truth_info: dict
    curves: list[dict]
    rows: list[dict]
    equal_cost: float
    value_uniform: float
    value_best: float
    seconds: float
    notes: dict = field(default_factory=dict)

    @property
    def table(self) -> list[dict]:
        """Per (budget, G): iterations, final true value and P(best) (mean and 95% half-width over runs), the
        same at the equal cost, the cost spent, failures and wall time."""
        return self.rows

    def format_table(self) -> str:
        c = self.config
        head = [
            f"{c['env_id']} simulate: states={c['states_used']} runs={c['runs']} lr={c['lr']} clip={c['clip']} "
            f"kl={c['kl']} epochs={c['epochs']} target={c['target']}",
            f"truth: {self.truth_info['description']}",
            f"true value: uniform policy {self.value_uniform:.4f}, best policy {self.value_best:.4f}; "
            f"equal cost = {self.equal_cost:.4g} {c['budget_name']} (all states)",
        ]
        return "\n".join(head + [""] + format_rows(self.rows, _SIM_COLUMNS))

    def to_dict(self) -> dict:
        return {"config": self.config, "truth": self.truth_info, "rows": self.rows, "equal_cost": self.equal_cost,
                "value_uniform": self.value_uniform, "value_best": self.value_best, "seconds": self.seconds,
                "notes": self.notes}

    def curve_rows(self, points: int = CSV_POINTS) -> list[dict]:
        """Long-form learning curves (at most ``points`` iterations per run, evenly spaced, last included)."""
        out = []
        for cv in self.curves:
            T = cv["iterations"]
            its = np.unique(np.linspace(0, T, min(points, T + 1)).round().astype(int))
            for r in range(cv["value"].shape[0]):
                for t in its:
                    out.append({"budget": cv["budget"], "group_size": cv["group_size"], "run": r,
                                "iteration": int(t), "cost": float(cv["cost"][t]),
                                "value": float(cv["value"][r, t]), "p_best": float(cv["p_best"][r, t])})
        return out

    def save(self, out: str | os.PathLike, plots: bool = True) -> list[Path]:
        """Write simulation.csv, curves.csv, simulation.json and (with ``plots``) learning_curves.png and
        equal_cost.png into ``out``."""
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        write_csv(out / "simulation.csv", self.rows)
        write_csv(out / "curves.csv", self.curve_rows())
        (out / "simulation.json").write_text(json.dumps(jsonable(self.to_dict()), indent=2) + "\n",
                                             encoding="utf-8")
        paths = [out / "simulation.csv", out / "curves.csv", out / "simulation.json"]
        if plots:
            from .plots import plot_equal_cost, plot_learning_curves

            paths.append(plot_learning_curves(self, out / "learning_curves.png"))
            paths.append(plot_equal_cost(self, out / "equal_cost.png"))
        return paths



def _ci(x: np.ndarray) -> float:
    """95% half-width of the mean over runs (normal approximation; NaN for one run)."""
    return float(1.96 * x.std(ddof=1) / math.sqrt(len(x))) if len(x) > 1 else float("nan")


def _at_cost(cost: np.ndarray, y: np.ndarray, c: float) -> np.ndarray:
    """Each run's curve ``y`` (shape ``(runs, T+1)``) read at cost ``c`` (linear between iterations)."""
    return np.array([np.interp(c, cost, row) for row in y])


@dataclass
class _Table:
    """The policy's table: the true value ``R`` of each state's candidates (padded to ``K``), the truly best
    ones, and the uniform start."""

    S: int
    sizes: np.ndarray
    R: np.ndarray
    best: np.ndarray
    theta0: np.ndarray
    pi0: np.ndarray
    value_uniform: float
    value_best: float

    @classmethod
    def build(cls, setup, tie_tol: float) -> "_Table":
        sp = setup.pairs
        sizes = np.array([len(c) for c in sp.cands])
        S, K = len(sizes), int(sizes.max())
        R = np.zeros((S, K))
        mask = np.arange(K)[None, :] < sizes[:, None]
        bounds = sp.bounds
        for i, (lo, hi) in enumerate(zip(bounds[:-1], bounds[1:])):
            R[i, :hi - lo] = setup.truth[lo:hi]
        top = np.where(mask, R, -np.inf).max(axis=1, keepdims=True)
        theta0 = np.where(mask, 0.0, -np.inf)
        pi0 = _softmax(theta0)
        return cls(S, sizes, R, mask & (R >= top - tie_tol), theta0, pi0,
                   float((pi0 * R).sum(axis=1).mean()), float(top.mean()))

    def track(self, pi: np.ndarray) -> tuple[float, float]:
        """The policy's true value and its probability of a truly best action, averaged over states."""
        return float((pi * self.R).sum(axis=1).mean()), float((pi * self.best).sum(axis=1).mean())


def _simulate_config(setup, table: _Table, budget: int, g: int, iterations: int, runs: int, seed: int,
                     target: str, grpo: dict, tick) -> dict:
    """``runs`` GRPO runs of one (budget, G) configuration: the curves of true value and P(best)."""
    env, sp, objs = setup.env, setup.pairs, setup.state_objs
    S = table.S
    value = np.empty((runs, iterations + 1))
    pbest = np.empty((runs, iterations + 1))
    failures, wall = 0, 0.0
    for run in range(runs):
        rng = np.random.default_rng([seed, run, budget, g, 0x5A])
        theta = table.theta0.copy()
        pi = table.pi0
        value[run, 0], pbest[run, 0] = table.track(pi)
        for t in range(1, iterations + 1):
            cdf = np.cumsum(pi, axis=1)
            u = rng.random((S, g))
            acts = np.minimum((u[:, :, None] > cdf[:, None, :]).sum(axis=2), table.sizes[:, None] - 1)
            queries = [(sp.states[s], sp.cands[s][a]) for s in range(S) for a in acts[s]]
            seeds = rng.integers(0, TRUTH_SEED, size=len(queries))  # fresh every iteration
            t0 = time.perf_counter()
            vals = env.estimate(queries, budget=budget, seeds=seeds)
            wall += time.perf_counter() - t0
            sc = np.array([_as_target(env, target, e, None if objs is None else objs[i // g])
                           for i, e in enumerate(vals)], dtype=np.float64).reshape(S, g)
            failures += int(np.isnan(sc).sum())
            theta = grpo_step(theta, acts, sc, ref=table.pi0, **grpo)
            pi = _softmax(theta)
            value[run, t], pbest[run, t] = table.track(pi)
            tick(1)
    return {"budget": budget, "group_size": g, "iterations": iterations,
            "cost": np.arange(iterations + 1, dtype=np.float64) * S * g * budget, "value": value,
            "p_best": pbest, "failures": failures, "seconds": wall}


def _summary_rows(curves: list[dict], equal_cost: float) -> list[dict]:
    """One row per configuration: final and equal-cost value and P(best), with 95% half-widths over runs."""
    rows = []
    for cv in curves:
        v_eq = _at_cost(cv["cost"], cv["value"], equal_cost)
        p_eq = _at_cost(cv["cost"], cv["p_best"], equal_cost)
        rows.append({
            "budget": cv["budget"], "group_size": cv["group_size"], "iterations": cv["iterations"],
            "value_final": float(cv["value"][:, -1].mean()), "value_final_ci": _ci(cv["value"][:, -1]),
            "p_best_final": float(cv["p_best"][:, -1].mean()), "p_best_final_ci": _ci(cv["p_best"][:, -1]),
            "value_at_equal_cost": float(v_eq.mean()), "value_at_equal_cost_ci": _ci(v_eq),
            "p_best_at_equal_cost": float(p_eq.mean()), "p_best_at_equal_cost_ci": _ci(p_eq),
            "equal_cost": equal_cost, "cost_final": float(cv["cost"][-1]),
            "oracle_failures": cv["failures"], "sec_estimate": cv["seconds"],
        })
    return rows


def run_simulation(
    env_id: Any,
    budgets: str | Sequence[int] = DEFAULT_SIM_BUDGETS,
    groups: str | Sequence[int] = DEFAULT_SIM_GROUPS,
    states: int = 32,
    iterations: int = 100,
    out: Any = None,
    *,
    runs: int = 3,
    cost: float | None = None,
    max_iterations: int = 20000,
    lr: float = 1.0,
    clip: float = 0.2,
    kl: float = 0.0,
    epochs: int = 1,
    target: str = "value",
    truth: str | None = "auto",
    env_kwargs: dict | None = None,
    seed: int = 0,
    top_k: int | None = None,
    cache_dir: Any = None,
    use_cache: bool = True,
    progress: bool = True,
    plots: bool = True,
    tie_tol: float = 1e-9,
) -> SimulationResult:
    """GRPO on a tabular policy over ``states`` states' candidate actions, for each budget and group size.

    Args:
        env_id: a registered id (or a built TextEnv) that has candidates and a truth.
        budgets: the oracle budgets (``"4,16,64"`` or a list).
        groups: the group sizes G (>= 2).
        states: how many states ``env.sample_states(states, seed)`` draws.
        iterations: GRPO iterations of every configuration (when ``cost`` is None).
        out: a directory for simulation.csv, curves.csv, simulation.json and the plots.
        runs: repeated runs per configuration (other oracle and sampling seeds), for confidence bands.
        cost: instead of a fixed number of iterations, the oracle cost (in the budget's unit, over all
            states) each configuration may spend: it runs ``ceil(cost / (states * G * budget))`` iterations
            (at most ``max_iterations``).
        lr, clip, kl, epochs: the GRPO step size, ratio clip, KL coefficient (to the initial policy) and
            optimisation epochs per batch (with one epoch the ratio is 1 and the clip inactive).
        target: ``"value"`` or ``"reward"`` (the env's reward hook), for the scores and the truth alike.
        truth: as in :func:`envs.study.run_study` (``"auto"``, ``"exact"``, ``"budget:N"`` or a source).
        env_kwargs, seed, top_k, cache_dir, use_cache, progress, tie_tol: as in the study.

    Returns:
        a :class:`SimulationResult`; ``result.format_table()`` is the printed table.
    """
    from tqdm.auto import tqdm

    t_start = time.perf_counter()
    budgets = parse_budgets(budgets)
    group_sizes = parse_groups(groups)
    if not group_sizes:
        raise ValueError("groups is empty; give group sizes, e.g. 2,4,8,16")
    n_states = _positive_int("states", states)
    n_runs = _positive_int("runs", runs)
    n_iter = _positive_int("iterations", iterations)
    max_iter = _positive_int("max_iterations", max_iterations)
    n_epochs = _positive_int("epochs", epochs)
    for name_, v in (("lr", lr), ("clip", clip), ("kl", kl)):
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0 or (
                v == 0 and name_ != "kl"):
            raise ValueError(f"{name_}={v!r} must be a finite number {'>= 0' if name_ == 'kl' else '> 0'}")
    if cost is not None and (isinstance(cost, bool) or not isinstance(cost, (int, float)) or not
                             (math.isfinite(cost) and cost > 0)):
        raise ValueError(f"cost={cost!r} must be a positive number (oracle units over all states) or None")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed={seed!r} must be an integer >= 0")
    if target not in TARGETS:
        raise ValueError(f"target={target!r} must be one of {TARGETS}")
    if top_k is not None:
        top_k = _positive_int("top_k", top_k)
    parse_truth(truth)

    setup = prepare(env_id, env_kwargs, n_states, seed, truth, budgets, target, top_k, cache_dir, use_cache,
                    progress)
    table = _Table.build(setup, tie_tol)
    configs = [(b, g) for b in budgets for g in group_sizes]
    iters = {(b, g): (n_iter if cost is None else min(max_iter, max(1, math.ceil(cost / (table.S * g * b)))))
             for b, g in configs}
    grpo = {"lr": lr, "clip": clip, "kl": kl, "epochs": n_epochs}
    with tqdm(total=sum(iters[c] * n_runs for c in configs), desc=f"simulate {setup.name}", unit="iter",
              disable=not progress, file=sys.stderr) as bar:
        curves = [_simulate_config(setup, table, b, g, iters[(b, g)], n_runs, seed, target, grpo, bar.update)
                  for b, g in configs]
    equal_cost = float(min(cv["cost"][-1] for cv in curves))
    config = {
        "env_id": setup.name, "env_version": setup.version, "env_kwargs": setup.kwargs,
        "budget_name": setup.budget_name, "budgets": budgets, "groups": group_sizes, "states": n_states,
        "states_used": table.S, "candidates_per_state": float(table.sizes.mean()), "runs": n_runs,
        "iterations": n_iter, "cost": cost, "max_iterations": max_iter, "lr": lr, "clip": clip, "kl": kl,
        "epochs": n_epochs, "target": target, "seed": seed, "top_k": top_k,
    }
    notes = {
        "policy": "tabular softmax over each state's candidate actions, uniform at the start",
        "update": "GRPO: advantages (s - mean)/(std(ddof=1) + 1e-4) per state's group; clipped-ratio surrogate "
                  "averaged over the group; exact KL(pi || pi_0) to the initial policy times kl; epochs "
                  "gradient-ascent steps of size lr on the logits per batch",
        "seeds": "every iteration draws fresh oracle seeds (below the truth's) and fresh actions; run r of "
                 "(budget, G) uses numpy's default_rng([seed, r, budget, G, 0x5A])",
        "cost": "oracle cost = iterations * states * G * budget, in the budget's unit; equal_cost is the least "
                "cost every configuration spent, and *_at_equal_cost reads each run's curve there",
        "ci": "the +- columns are 1.96 * sd / sqrt(runs) over runs",
        "value": "value = mean over states of the policy's true expected value; p_best = mean over states of "
                 "its probability of a truly best action (within tie_tol)",
    }
    result = SimulationResult(config=config, truth_info=setup.truth_info(truth), curves=curves,
                              rows=_summary_rows(curves, equal_cost), equal_cost=equal_cost,
                              value_uniform=table.value_uniform, value_best=table.value_best,
                              seconds=time.perf_counter() - t_start, notes=notes)
    if out is not None:
        result.save(out, plots=plots)
    return result
