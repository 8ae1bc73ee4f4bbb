"""The study's result and its files: the printed table, summary.csv, pairs.csv, summary.json and the plots.

This module only formats and writes what :mod:`envs.study.runner` measured; it runs no oracle.
"""
from __future__ import annotations

import csv
import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .stats import pair_stats

__all__ = ["COLUMNS", "GROUP_COLUMNS", "NOTES", "StudyResult", "jsonable", "write_csv"]

# the per-budget table: (column, printed header, format)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("budget", "budget", "d"),
    ("bias", "bias", "+.4f"),
    ("bias2", "bias^2", ".2e"),
    ("bias2_noise", "noise", ".2e"),
    ("var", "variance", ".2e"),
    ("mse", "MSE", ".2e"),
    ("accuracy", "acc", ".3f"),
    ("regret", "regret", ".4f"),
    ("rank_corr", "spearman", ".3f"),
    ("sec_per_estimate", "s/estimate", ".2e"),
)

# the group-level table, one row per (budget, G)
GROUP_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("budget", "budget", "d"),
    ("group_size", "G", "d"),
    ("sign_agree", "sign agree", ".3f"),
    ("adv_corr", "adv corr", ".3f"),
    ("p_best", "P(best)", ".3f"),
    ("zero_signal", "no signal", ".3f"),
    ("cost_per_group", "cost/group", "d"),
    ("sec_per_group", "s/group", ".2e"),
)

# columns of a group row copied into the per-budget summary row as <name>_g<G>
_GROUP_WIDE = ("sign_agree", "adv_corr", "p_best", "zero_signal", "cost_per_group")

NOTES = {
    "variance": "var is over repeats with ddof=0, so mse = var + bias^2 exactly per pair; var_unbiased uses "
                "ddof=1. bias, bias2, var, mse are means over (state, action) pairs.",
    "decomposition": "decomposition_ok: |mse - (var + bias^2)| <= 1e-9 * (mse + var + bias^2) + 1e-12 * "
                     "(1 + truth^2) for every pair (a relative tolerance, so large rewards are checked alike).",
    "bias2_noise": "bias2_noise = mean over pairs of var_unbiased/repeats + truth_stderr^2: the bias^2 that "
                   "sampling noise alone produces when the true bias is zero; bias^2 near it is not "
                   "distinguishable from zero.",
    "bias2_split": "bias2_exact_truth and bias2_estimated_truth are bias^2 over the pairs whose truth is "
                   "proven and over those whose truth is itself an estimate (NaN where there are none).",
    "accuracy": "fraction of (state, repeat) where the action with the best estimate is truly best (truth "
                "within tie_tol of the state's best). Ties in the estimates count fractionally (the "
                "expectation of a uniform random tie-break). regret = best truth - truth of that choice.",
    "rank_corr": "Spearman correlation (average ranks for ties) between estimates and truths of a state's "
                 "candidates, averaged over (state, repeat); rows with fewer than 2 candidates, constant "
                 "estimates or a constant truth are skipped (counted in rank_corr_skipped).",
    "cost": "sec_per_estimate = wall time of the batch estimate() call / number of estimates (mean over "
            "repeats); budget is the oracle's own cost unit.",
    "oracle_failures": "an estimate the oracle failed to make (OracleFailure) is dropped, never replaced: "
                       "oracle_failures counts them per budget; a (state, repeat) with a failed candidate is "
                       "left out of acc/regret/spearman, a group with a failed member out of the group metrics.",
    "groups": "group metrics: per state, groups of G candidates drawn with replacement (uniform or softmax "
              "of the true values / temperature), member j of group m scored by repeat (m + j) mod repeats, "
              "so copies of one action get independent oracle seeds (while G <= repeats). GRPO advantages "
              "(s - mean)/(std(ddof=1) + 1e-4) from the estimates and from the truth. sign_agree: members "
              "with a nonzero true advantage whose estimated advantage has the same sign (0.5 for an "
              "all-tied group); adv_corr: Pearson correlation of estimated and true advantages pooled over "
              "groups with a non-constant truth; p_best: the best-scored member is truly the group's best "
              "(ties fractional), over those groups; zero_signal: groups whose scores are all equal; "
              "cost_per_group = G * budget (oracle units), sec_per_group = G * sec_per_estimate.",
}


def mean_or_nan(x: np.ndarray) -> float:
    x = np.asarray(x, dtype=np.float64)
    x = x[np.isfinite(x)]
    return float(x.mean()) if x.size else float("nan")


def fmt(value: Any, spec: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "nan"
    return format(value, spec)


def jsonable(obj: Any) -> Any:
    """``obj`` with numpy scalars made plain and NaN made None (JSON has no NaN)."""
    if isinstance(obj, dict):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [jsonable(v) for v in obj]
    if isinstance(obj, (np.integer,)):
        return int(obj)
    if isinstance(obj, (np.bool_,)):
        return bool(obj)
    if isinstance(obj, (float, np.floating)):
        return None if not math.isfinite(obj) else float(obj)
    if obj is None or isinstance(obj, (str, int, bool)):
        return obj
    return repr(obj)


def write_csv(path: Path, rows: list[dict]) -> None:
    """Rows of dicts as CSV (the union of their keys as columns, in first-seen order)."""
    fields: list[str] = []
    for row in rows:
        fields.extend(k for k in row if k not in fields)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        if not rows:
            return
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def format_rows(rows: list[dict], columns: tuple[tuple[str, str, str], ...]) -> list[str]:
    """Rows as aligned text lines under a header."""
    cells = [[h for _, h, _ in columns]]
    for row in rows:
        cells.append([fmt(row.get(k), f) for k, _, f in columns])
    widths = [max(len(r[i]) for r in cells) for i in range(len(columns))]
    return ["  ".join(s.rjust(w) for s, w in zip(r, widths)) for r in cells]


@dataclass
class StudyResult:
    """What :func:`envs.study.run_study` measured.

    Attributes:
        config: the study's settings (env id, kwargs, budgets, states, repeats, truth, target, seed, ...).
        truth_info: the truth's kind, a sentence describing it, and how many values were proven.
        rows: one dict per budget (see :attr:`table`).
        states: the serialised states studied.
        pair_state, pair_action: the state index and action of each pair.
        truth, truth_stderr, truth_exact: the truth of each pair (of the study's target: value or reward).
        estimates: shape ``(budgets, repeats, pairs)``; NaN where the oracle failed.
        seconds: wall time of the whole study, truth included.
        group_rows: one dict per (budget, group size) with the group-level metrics (empty without groups).
        pair_label: the env's label of each pair's candidate (``candidate_labels``), or None.
    """

    config: dict
    truth_info: dict
    rows: list[dict]
    states: list[str]
    pair_state: np.ndarray
    pair_action: list[str]
    truth: np.ndarray
    truth_stderr: np.ndarray
    truth_exact: np.ndarray
    estimates: np.ndarray
    seconds: float
    group_rows: list[dict] = field(default_factory=list)
    pair_label: list[str] | None = None
    notes: dict = field(default_factory=lambda: dict(NOTES))

    @property
    def table(self) -> list[dict]:
        """The per-budget rows: budget, bias, abs_bias, bias2, bias2_noise, var, var_unbiased, mse,
        bias2_exact_truth, bias2_estimated_truth, decomposition_max_error, decomposition_max_rel_error,
        decomposition_ok, accuracy, regret, rank_corr, rank_corr_n, rank_corr_skipped, oracle_failures,
        sec_per_estimate, seconds, estimates, and with groups ``<metric>_g<G>`` for each group size."""
        return self.rows

    # ------------------------------------------------------------ text
    def format_table(self) -> str:
        """The per-budget table (and the group-level one) as plain aligned text, with a header naming the
        env and the truth."""
        c = self.config
        target = c.get("target", "value")
        head = [
            f"{c['env_id']} ({c['env_version']})  states={len(self.states)} pairs={len(self.pair_action)} "
            f"repeats={c['repeats']} seed={c['seed']} target={target}",
            f"truth: {self.truth_info['description']}",
            f"budget unit: {c['budget_name']}; random-choice accuracy {c['accuracy_random']:.3f}",
        ]
        lines = format_rows(self.rows, COLUMNS)
        ok = all(r["decomposition_ok"] for r in self.rows)
        err = max((r["decomposition_max_rel_error"] for r in self.rows), default=0.0)
        tail = [f"MSE = variance + bias^2 check: {'ok' if ok else 'FAILED'} (max relative error {err:.1e})"]
        n_exact = int(self.truth_exact.sum())
        if self.rows and 0 < n_exact < len(self.truth_exact):
            last = self.rows[-1]
            tail.append(f"bias^2 at {c['budget_name']}={last['budget']}: {last['bias2_exact_truth']:.2e} over the "
                        f"{n_exact} pairs with a proven truth, {last['bias2_estimated_truth']:.2e} over the "
                        f"{len(self.truth_exact) - n_exact} with an estimated truth")
        fails = sum(r.get("oracle_failures", 0) for r in self.rows)
        if fails or self.truth_info.get("failed", 0):
            tail.append(f"oracle failures dropped: {fails} estimates; {self.truth_info.get('failed', 0)} pairs "
                        "without a truth")
        out = head + [""] + lines + [""] + tail
        if self.group_rows:
            g = c["groups"]
            samp = g["sampling"] + (f" (temperature {g['temperature']})" if g["sampling"] == "softmax" else "")
            out += ["", f"group level: {g['per_state']} groups per state and size, candidates drawn {samp}",
                    ""] + format_rows(self.group_rows, GROUP_COLUMNS)
        return "\n".join(out)

    # ------------------------------------------------------------ files
    def summary_rows(self) -> list[dict]:
        """The per-budget rows, each with the group metrics of every group size as ``<metric>_g<G>`` columns."""
        out = [dict(r) for r in self.rows]
        for gr in self.group_rows:
            for row in out:
                if row["budget"] == gr["budget"]:
                    for k in _GROUP_WIDE:
                        row[f"{k}_g{gr['group_size']}"] = gr[k]
        return out

    def to_dict(self) -> dict:
        """The JSON form: config, truth, notes, the per-budget rows and the group rows."""
        return {"config": self.config, "truth": self.truth_info, "rows": self.rows,
                "group_rows": self.group_rows, "notes": self.notes, "seconds": self.seconds,
                "decomposition_ok": all(r["decomposition_ok"] for r in self.rows), "states": self.states}

    def to_json(self, path: str | os.PathLike) -> Path:
        """Write :meth:`to_dict` to ``path``."""
        path = Path(path)
        path.write_text(json.dumps(jsonable(self.to_dict()), indent=2) + "\n", encoding="utf-8")
        return path

    def pair_rows(self) -> list[dict]:
        """One dict per (pair, budget): the pair (and its label, where the env gives one), its truth and the
        statistics of its estimates."""
        out = []
        for bi, budget in enumerate(self.config["budgets"]):
            st = pair_stats(self.estimates[bi], self.truth)
            for p in range(len(self.pair_action)):
                row = {"budget": budget, "state_index": int(self.pair_state[p]), "action": self.pair_action[p]}
                if self.pair_label is not None:
                    row["label"] = self.pair_label[p]
                row.update({
                    "truth": float(self.truth[p]), "truth_stderr": float(self.truth_stderr[p]),
                    "truth_exact": bool(self.truth_exact[p]), "mean": float(st.mean[p]),
                    "bias": float(st.bias[p]), "var": float(st.var[p]),
                    "var_unbiased": float(st.var_unbiased[p]), "mse": float(st.mse[p]),
                    "n": int(st.n[p]), "state": self.states[self.pair_state[p]],
                })
                out.append(row)
        return out

    def to_csv(self, out: str | os.PathLike) -> tuple[Path, Path]:
        """Write ``summary.csv`` (one row per budget, group metrics as columns) and ``pairs.csv``."""
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        summary = out / "summary.csv"
        write_csv(summary, self.summary_rows())
        pairs = out / "pairs.csv"
        write_csv(pairs, self.pair_rows())
        return summary, pairs

    def plot(self, out: str | os.PathLike) -> list[Path]:
        """Write ``bias_variance_mse.png`` and ``accuracy_vs_cost.png`` (with groups, also
        ``group_signal.png``) into ``out`` (matplotlib)."""
        from .plots import plot_accuracy_vs_cost, plot_bias_variance, plot_group_signal

        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        paths = [plot_bias_variance(self, out / "bias_variance_mse.png"),
                 plot_accuracy_vs_cost(self, out / "accuracy_vs_cost.png")]
        if self.group_rows:
            paths.append(plot_group_signal(self, out / "group_signal.png"))
        return paths

    def save(self, out: str | os.PathLike, plots: bool = True) -> list[Path]:
        """Write every output (CSV, JSON and, with ``plots``, PNG) into the directory ``out``."""
        out = Path(out)
        paths = list(self.to_csv(out))
        paths.append(self.to_json(out / "summary.json"))
        if plots:
            paths.extend(self.plot(out))
        return paths
