"""PNG plots of a study (matplotlib, imported here only; no pyplot, so no global backend is touched)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from .runner import StudyResult

__all__ = ["plot_accuracy_vs_cost", "plot_bias_variance", "plot_group_signal"]


def _figure(ncols: int = 1, width: float = 5.2, nrows: int = 1, height: float = 4.0):
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as exc:  # matplotlib is a base dependency, but be clear if it is missing
        raise ImportError("the study's plots need matplotlib: pip install matplotlib") from exc
    fig = Figure(figsize=(width * ncols, height * nrows), dpi=120)
    FigureCanvasAgg(fig)
    return fig, [fig.add_subplot(nrows, ncols, i + 1) for i in range(ncols * nrows)]


def _title(result: "StudyResult") -> str:
    c = result.config
    return f"{c['env_id']}: {c['states_used']} states, {c['pairs']} pairs, {c['repeats']} repeats"


def _positive(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    keep = np.isfinite(y) & (y > 0)
    return x[keep], y[keep]


def plot_bias_variance(result: "StudyResult", path: str | Path) -> Path:
    """bias^2, variance and MSE against the budget on log-log axes (with the noise floor of bias^2)."""
    fig, (ax,) = _figure(width=7.6)
    budgets = np.array([r["budget"] for r in result.rows], dtype=float)
    curves = [("mse", "MSE", "o-"), ("var", "variance", "s-"), ("bias2", "bias$^2$", "^-"),
              ("bias2_noise", "bias$^2$ noise floor", "k:")]
    n_exact = int(np.sum(result.truth_exact))
    if 0 < n_exact < len(result.truth_exact):  # a mixed truth: show where the bias comes from
        curves += [("bias2_exact_truth", f"bias$^2$, {n_exact} proven-truth pairs", "v--"),
                   ("bias2_estimated_truth", "bias$^2$, estimated-truth pairs", "x--")]
    for key, label, style in curves:
        x, y = _positive(budgets, np.array([r[key] for r in result.rows], dtype=float))
        if len(x):
            ax.plot(x, y, style, label=label, markersize=4)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(f"budget ({result.config['budget_name']})")
    ax.set_ylabel("mean over pairs")
    ax.set_title(_title(result), fontsize=9)
    ax.grid(True, which="both", alpha=0.3)
    info = result.truth_info
    kind = "env.truth()" if info["kind"] == "exact" else info["kind"]
    est = info["n_pairs"] - info["n_exact"]
    budgets = info.get("estimated_budgets") or []
    at = f" at {budgets[0]}" if len(budgets) == 1 else ""
    ax.legend(fontsize=8, title=f"truth: {kind}\n({info['n_exact']} proven, {est} estimated{at})",
              title_fontsize=8, loc="center left", bbox_to_anchor=(1.02, 0.5))
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path)
    return path


def plot_accuracy_vs_cost(result: "StudyResult", path: str | Path) -> Path:
    """Decision accuracy and rank correlation against the budget and against wall time per estimate."""
    fig, axes = _figure(2)
    rows = result.rows
    budgets = np.array([r["budget"] for r in rows], dtype=float)
    secs = np.array([r["sec_per_estimate"] for r in rows], dtype=float)
    acc = np.array([r["accuracy"] for r in rows], dtype=float)
    rho = np.array([r["rank_corr"] for r in rows], dtype=float)
    chance = result.config["accuracy_random"]
    for ax, x, xlabel in ((axes[0], budgets, f"budget ({result.config['budget_name']})"),
                          (axes[1], np.maximum(secs, 1e-9), "wall time per estimate (s)")):
        ax.plot(x, acc, "o-", label="decision accuracy", markersize=4)
        ax.plot(x, rho, "s--", label="Spearman rank corr.", markersize=4)
        ax.axhline(chance, color="gray", linestyle=":", label=f"random choice ({chance:.2f})")
        for xi, yi, b in zip(x, acc, budgets):
            ax.annotate(f"{int(b)}", (xi, yi), textcoords="offset points", xytext=(3, -10), fontsize=7)
        if x.max() >= 10 * x.min():
            ax.set_xscale("log")
        else:  # a narrow range (cost dominated by overhead) reads better on a linear axis
            ax.ticklabel_format(axis="x", style="sci", scilimits=(-2, 3))
        ax.set_xlabel(xlabel)
        ax.set_ylim(min(-0.05, np.nanmin(rho) - 0.05) if np.isfinite(rho).any() else -0.05, 1.05)
        ax.grid(True, which="both", alpha=0.3)
    axes[0].set_ylabel("accuracy / correlation")
    axes[0].legend(fontsize=8)
    fig.suptitle(_title(result), fontsize=9)
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path)
    return path


def plot_group_signal(result: "StudyResult", path: str | Path) -> Path:
    """The group-level metrics: sign agreement, advantage correlation and P(best-scored is truly best),
    each against the budget (one line per group size) and P(best) against the oracle cost per group."""
    fig, axes = _figure(2, width=5.2, nrows=2, height=3.6)
    rows = result.group_rows
    sizes = sorted({r["group_size"] for r in rows})
    panels = (("sign_agree", "sign agreement of advantages"), ("adv_corr", "corr(estimated, true advantage)"),
              ("p_best", "P(best-scored is truly best)"))
    unit = result.config["budget_name"]
    for ax, (key, label) in zip(axes[:3], panels):
        for g in sizes:
            sel = [r for r in rows if r["group_size"] == g]
            ax.plot([r["budget"] for r in sel], [r[key] for r in sel], "o-", markersize=4, label=f"G={g}")
        ax.set_xscale("log")
        ax.set_xlabel(f"budget ({unit})")
        ax.set_ylabel(label, fontsize=8)
        ax.grid(True, which="both", alpha=0.3)
    axes[0].legend(fontsize=7)
    ax = axes[3]
    for g in sizes:
        sel = [r for r in rows if r["group_size"] == g]
        ax.plot([r["cost_per_group"] for r in sel], [r["p_best"] for r in sel], "o-", markersize=4, label=f"G={g}")
        for r in sel:
            ax.annotate(f"{r['budget']}", (r["cost_per_group"], r["p_best"]), textcoords="offset points",
                        xytext=(3, -9), fontsize=6)
    ax.set_xscale("log")
    ax.set_xlabel(f"oracle cost per group ({unit} x G)")
    ax.set_ylabel("P(best-scored is truly best)", fontsize=8)
    ax.grid(True, which="both", alpha=0.3)
    g = result.config["groups"]
    samp = g["sampling"] + (f", T={g['temperature']}" if g["sampling"] == "softmax" else "")
    fig.suptitle(f"{_title(result)}; groups drawn {samp}", fontsize=9)
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path)
    return path


def _band(ax, x, y, label, style="-"):
    """The mean over runs (rows of ``y``) with a 95% band (1.96 standard errors)."""
    m = y.mean(axis=0)
    line, = ax.plot(x, m, style, label=label, linewidth=1.2)
    if y.shape[0] > 1:
        h = 1.96 * y.std(axis=0, ddof=1) / np.sqrt(y.shape[0])
        ax.fill_between(x, m - h, m + h, color=line.get_color(), alpha=0.2, linewidth=0)
    return line


def plot_learning_curves(sim, path: str | Path) -> Path:
    """Learning curves of the simulation, one column per budget: the policy's true value (top) and its
    probability of a truly best action (bottom) against the oracle cost spent, one line per group size."""
    budgets = sim.config["budgets"]
    n = len(budgets)
    fig, axes = _figure(n, width=3.6, nrows=2, height=3.2)
    unit = sim.config["budget_name"]
    for col, b in enumerate(budgets):
        top, bottom = axes[col], axes[n + col]
        for cv in sim.curves:
            if cv["budget"] != b:
                continue
            x = np.maximum(cv["cost"], 1.0)
            _band(top, x, cv["value"], f"G={cv['group_size']}")
            _band(bottom, x, cv["p_best"], f"G={cv['group_size']}")
        for ax in (top, bottom):
            ax.set_xscale("log")
            ax.axvline(sim.equal_cost, color="gray", linestyle=":", linewidth=0.8)
            ax.grid(True, which="both", alpha=0.3)
        top.axhline(sim.value_best, color="k", linestyle="--", linewidth=0.8)
        top.set_title(f"{unit}={b}", fontsize=9)
        bottom.set_xlabel(f"oracle cost ({unit}, all states)", fontsize=8)
        bottom.set_ylim(-0.02, 1.02)
    axes[0].set_ylabel("true value of the policy", fontsize=8)
    axes[n].set_ylabel("P(truly best action)", fontsize=8)
    axes[0].legend(fontsize=7)
    c = sim.config
    fig.suptitle(f"{c['env_id']} GRPO simulation: {c['states_used']} states, {c['runs']} runs, lr={c['lr']}; "
                 "dotted: equal cost, dashed: best policy", fontsize=9)
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path)
    return path


def plot_equal_cost(sim, path: str | Path) -> Path:
    """The true value and P(truly best) reached at equal oracle cost, against the budget, one line per G."""
    fig, axes = _figure(2, width=5.0)
    sizes = sorted({r["group_size"] for r in sim.rows})
    for g in sizes:
        sel = [r for r in sim.rows if r["group_size"] == g]
        x = [r["budget"] for r in sel]
        for ax, key in ((axes[0], "value_at_equal_cost"), (axes[1], "p_best_at_equal_cost")):
            y = np.array([r[key] for r in sel], dtype=float)
            err = np.array([r[key + "_ci"] for r in sel], dtype=float)
            ax.errorbar(x, y, yerr=None if np.isnan(err).all() else err, fmt="o-", markersize=4, capsize=3,
                        label=f"G={g}")
    unit = sim.config["budget_name"]
    axes[0].axhline(sim.value_best, color="k", linestyle="--", linewidth=0.8, label="best policy")
    axes[0].axhline(sim.value_uniform, color="gray", linestyle=":", linewidth=0.8, label="uniform policy")
    axes[0].set_ylabel("true value of the policy")
    axes[1].set_ylabel("P(truly best action)")
    for ax in axes:
        ax.set_xscale("log")
        ax.set_xlabel(f"budget per reward ({unit})")
        ax.grid(True, which="both", alpha=0.3)
    axes[0].legend(fontsize=7)
    fig.suptitle(f"{sim.config['env_id']}: after spending {sim.equal_cost:.3g} {unit} on the oracle "
                 f"({sim.config['states_used']} states, {sim.config['runs']} runs, 95% bars)", fontsize=9)
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path)
    return path
