"""The reward-variance study: how the bias, variance and MSE of an environment's reward estimate, and the
decisions it leads to, change with the oracle's budget.

For each budget ``n`` and each (state, candidate action) pair, the study draws the estimate ``R`` times
(repeats with different seeds) and compares it with a ground truth ``r``:

* bias ``E r^ - r``, bias^2, variance ``Var r^`` and ``MSE = E(r^ - r)^2``, averaged over pairs, with the
  decomposition ``MSE = Var + bias^2`` checked numerically;
* decision accuracy: how often the action with the best estimate is truly best (and the regret);
* Spearman rank correlation between the estimated and the true values of a state's candidates;
* cost: the wall time of the batch ``estimate`` call per estimate, beside the budget itself.

Seeds: repeat ``k`` uses base seed ``seed + k * REPEAT_STRIDE`` for every budget, so within a repeat the
samples of budget ``n`` are a prefix of those of budget ``2n`` (common random numbers) and the curves are
smooth; pair ``i`` of a batch gets ``base + i``. A truth estimated at a high budget uses a seed of its
pair alone (:func:`truth_seed`, from ``TRUTH_SEED`` on, disjoint from every repeat's), so it is the same
value whatever was cached before.

Only the TextEnv batch API is used (``sample_states``, ``candidate_actions``, ``estimate``, ``truth``,
``budget_name``): there is no environment-specific code here.
"""
from __future__ import annotations

import csv
import inspect
import json
import math
import os
import sys
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .cache import TruthCache, env_key
from .stats import decision_accuracy, pair_stats, spearman

__all__ = [
    "DEFAULT_BUDGETS", "DEFAULT_REPEATS", "DEFAULT_STATES", "QUICK", "REPEAT_STRIDE", "TRUTH_SEED",
    "StudyResult", "parse_budgets", "parse_truth", "run_study", "truth_seed",
]

DEFAULT_BUDGETS: tuple[int, ...] = (4, 16, 64, 256, 1024)
DEFAULT_STATES = 200
DEFAULT_REPEATS = 32
#: the settings of ``rewarddial study ENV --quick`` (the README's demo; about two minutes on 2 cores)
QUICK: dict[str, Any] = {"budgets": (4, 16, 64, 256, 1024), "states": 64, "repeats": 32, "truth": None}
#: seed distance between repeats; a study may hold at most this many pairs
REPEAT_STRIDE = 1_000_000
#: first seed of a truth estimated with the env's own estimator (``truth="budget:N"``)
TRUTH_SEED = 1_900_000_000
#: truth seeds lie in ``TRUTH_SEED + [0, TRUTH_SEED_RANGE)``, below 2**31
TRUTH_SEED_RANGE = 1 << 27
#: with ``truth="auto"`` and no ``truth()`` in the env: the truth budget is this many times the largest budget
AUTO_TRUTH_FACTOR = 16
#: pairs per truth call (progress and the cache advance chunk by chunk)
TRUTH_CHUNK = 512

# the per-budget table: (column, printed header, format)
_COLUMNS: tuple[tuple[str, str, str], ...] = (
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

_NOTES = {
    "variance": "var is over repeats with ddof=0, so mse = var + bias^2 exactly per pair; var_unbiased uses "
                "ddof=1. bias, bias2, var, mse are means over (state, action) pairs.",
    "bias2_noise": "bias2_noise = mean over pairs of var_unbiased/repeats + truth_stderr^2: the bias^2 that "
                   "sampling noise alone produces when the true bias is zero; bias^2 near it is not "
                   "distinguishable from zero.",
    "bias2_split": "bias2_exact_truth and bias2_estimated_truth are bias^2 over the pairs whose truth is "
                   "exact and over those whose truth is itself an estimate (NaN where there are none).",
    "accuracy": "fraction of (state, repeat) where the action with the best estimate is truly best (truth "
                "within tie_tol of the state's best). Ties in the estimates count fractionally (the "
                "expectation of a uniform random tie-break). regret = best truth - truth of that choice.",
    "rank_corr": "Spearman correlation (average ranks for ties) between estimates and truths of a state's "
                 "candidates, averaged over (state, repeat); rows with fewer than 2 candidates, constant "
                 "estimates or a constant truth are skipped (counted in rank_corr_skipped).",
    "cost": "sec_per_estimate = wall time of the batch estimate() call / number of estimates (mean over "
            "repeats); budget is the oracle's own cost unit.",
    "seeds": f"repeat k uses seed + k*{REPEAT_STRIDE} at every budget (common random numbers across budgets); "
             f"pair i of a batch adds i; a budget-based truth of (state, action) uses seed {TRUTH_SEED} + "
             f"crc32(state|action) mod 2**27, whatever else is studied or cached.",
}


def parse_budgets(budgets: str | Sequence[int]) -> list[int]:
    """``"4,16,64"`` or ``[4, 16, 64]`` -> a sorted list of distinct positive integers (ValueError otherwise)."""
    if isinstance(budgets, str):
        parts = [p.strip() for p in budgets.split(",") if p.strip()]
        try:
            vals = [int(p) for p in parts]
        except ValueError:
            raise ValueError(f"budgets={budgets!r} must be comma-separated integers, e.g. 4,16,64,256") from None
    else:
        vals = list(budgets)
    if not vals:
        raise ValueError("budgets is empty; give at least one, e.g. 4,16,64,256")
    for v in vals:
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1:
            raise ValueError(f"budget {v!r} in budgets={budgets!r} must be a positive integer")
    if len(set(vals)) != len(vals):
        raise ValueError(f"budgets={budgets!r} repeats a value; list each budget once")
    return sorted(int(v) for v in vals)


def parse_truth(truth: str | None) -> tuple[str, int | None]:
    """``None``/"auto" -> ("auto", None); "exact" -> ("exact", None); "budget:N" -> ("budget", N)."""
    if truth is None or truth == "auto":
        return "auto", None
    if truth == "exact":
        return "exact", None
    if isinstance(truth, str) and truth.startswith("budget:"):
        try:
            n = int(truth.split(":", 1)[1])
        except ValueError:
            n = 0
        if n >= 1:
            return "budget", n
    raise ValueError(f"truth={truth!r} is not understood; use 'exact' (the env's truth()), 'budget:N' (the "
                     "env's estimator at budget N, e.g. 'budget:16384') or 'auto' (exact if the env has it)")


def _positive_int(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name}={value!r} must be a positive integer")
    return int(value)


def _constructor_defaults(cls: type) -> dict:
    """The keyword arguments of ``cls`` and its bases' ``__init__`` that have defaults, with those defaults."""
    out: dict = {}
    for klass in reversed(cls.__mro__):
        init = klass.__dict__.get("__init__")
        if init is None or klass is object:
            continue
        for p in inspect.signature(init).parameters.values():
            if p.default is not p.empty and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY):
                out[p.name] = p.default
    return out


def _make_env(env_id: Any, env_kwargs: dict | None):
    """The unwrapped TextEnv, its id, version string and effective constructor kwargs."""
    import gymnasium as gym

    import envs  # noqa: F401 - registers the ids

    kwargs = dict(env_kwargs or {})
    if isinstance(env_id, str):
        if env_id not in gym.registry:
            known = ", ".join(envs.ENV_IDS)
            raise ValueError(f"unknown environment id {env_id!r}; registered ids: {known}")
        spec = gym.spec(env_id)
        env = gym.make(env_id, **kwargs).unwrapped
        name = env_id
        kwargs = {**(spec.kwargs or {}), **kwargs}
    else:
        if kwargs:
            raise ValueError("env_kwargs applies to an environment id, not to an environment object; build "
                             "the object with those arguments instead")
        env = getattr(env_id, "unwrapped", env_id)
        spec = getattr(env, "spec", None)
        if spec is not None:
            name, kwargs = spec.id, dict(spec.kwargs or {})
        else:  # no registry entry: the object's public scalar attributes stand in for its arguments
            name = f"{type(env).__module__}.{type(env).__qualname__}"
            kwargs = {k: v for k, v in sorted(vars(env).items())
                      if not k.startswith("_") and k != "budget" and isinstance(v, (bool, int, float, str, tuple))}
    missing = [m for m in ("sample_states", "candidate_actions", "estimate", "truth") if not hasattr(env, m)]
    if missing:
        raise TypeError(f"{name} is not a rewarddial TextEnv (it lacks {', '.join(missing)}); the study needs "
                        "the TextEnv batch API")
    version = f"v{spec.version}" if spec is not None and spec.version is not None else "v?"
    if getattr(env, "version", None) is not None:
        version += f"/{env.version}"
    return env, name, version, kwargs


@dataclass
class StudyResult:
    """What :func:`run_study` measured.

    Attributes:
        config: the study's settings (env id, kwargs, budgets, states, repeats, truth, seed, ...).
        truth_info: the truth's kind, a sentence describing it, and how many values were exact.
        rows: one dict per budget (see :attr:`table`).
        states: the serialised states studied.
        pair_state, pair_action: the state index and action of each pair.
        truth, truth_stderr, truth_exact: the truth of each pair.
        estimates: shape ``(budgets, repeats, pairs)``.
        seconds: wall time of the whole study, truth included.
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
    notes: dict = field(default_factory=lambda: dict(_NOTES))

    @property
    def table(self) -> list[dict]:
        """The per-budget rows: budget, bias, abs_bias, bias2, bias2_noise, var, var_unbiased, mse,
        bias2_exact_truth, bias2_estimated_truth, decomposition_max_error, decomposition_ok, accuracy, regret, rank_corr, rank_corr_n,
        rank_corr_skipped, sec_per_estimate, seconds, estimates."""
        return self.rows

    # ------------------------------------------------------------ text
    def format_table(self) -> str:
        """The per-budget table as plain aligned text, with a header naming the env and the truth."""
        c = self.config
        head = [
            f"{c['env_id']} ({c['env_version']})  states={len(self.states)} pairs={len(self.pair_action)} "
            f"repeats={c['repeats']} seed={c['seed']}",
            f"truth: {self.truth_info['description']}",
            f"budget unit: {c['budget_name']}; random-choice accuracy {c['accuracy_random']:.3f}",
        ]
        cells = [[h for _, h, _ in _COLUMNS]]
        for row in self.rows:
            cells.append([_fmt(row[k], f) for k, _, f in _COLUMNS])
        widths = [max(len(r[i]) for r in cells) for i in range(len(_COLUMNS))]
        lines = ["  ".join(s.rjust(w) for s, w in zip(r, widths)) for r in cells]
        ok = all(r["decomposition_ok"] for r in self.rows)
        err = max((r["decomposition_max_error"] for r in self.rows), default=0.0)
        tail = [f"MSE = variance + bias^2 check: {'ok' if ok else 'FAILED'} (max error {err:.1e})"]
        n_exact = int(self.truth_exact.sum())
        if self.rows and 0 < n_exact < len(self.truth_exact):
            last = self.rows[-1]
            tail.append(f"bias^2 at {c['budget_name']}={last['budget']}: {last['bias2_exact_truth']:.2e} over the "
                        f"{n_exact} pairs with an exact truth, {last['bias2_estimated_truth']:.2e} over the "
                        f"{len(self.truth_exact) - n_exact} with an estimated truth")
        return "\n".join(head + [""] + lines + [""] + tail)

    # ------------------------------------------------------------ files
    def to_dict(self) -> dict:
        """The JSON form: config, truth, notes and the per-budget rows."""
        return {"config": self.config, "truth": self.truth_info, "rows": self.rows, "notes": self.notes,
                "seconds": self.seconds, "decomposition_ok": all(r["decomposition_ok"] for r in self.rows),
                "states": self.states}

    def to_json(self, path: str | os.PathLike) -> Path:
        """Write :meth:`to_dict` to ``path``."""
        path = Path(path)
        path.write_text(json.dumps(_jsonable(self.to_dict()), indent=2) + "\n", encoding="utf-8")
        return path

    def pair_rows(self) -> list[dict]:
        """One dict per (pair, budget): the pair, its truth and the statistics of its estimates."""
        out = []
        for bi, budget in enumerate(self.config["budgets"]):
            st = pair_stats(self.estimates[bi], self.truth)
            for p in range(len(self.pair_action)):
                out.append({
                    "budget": budget, "state_index": int(self.pair_state[p]),
                    "action": self.pair_action[p], "truth": float(self.truth[p]),
                    "truth_stderr": float(self.truth_stderr[p]), "truth_exact": bool(self.truth_exact[p]),
                    "mean": float(st.mean[p]), "bias": float(st.bias[p]), "var": float(st.var[p]),
                    "var_unbiased": float(st.var_unbiased[p]), "mse": float(st.mse[p]),
                    "state": self.states[self.pair_state[p]],
                })
        return out

    def to_csv(self, out: str | os.PathLike) -> tuple[Path, Path]:
        """Write ``summary.csv`` (one row per budget) and ``pairs.csv`` (one row per pair and budget)."""
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        summary = out / "summary.csv"
        _write_csv(summary, self.rows)
        pairs = out / "pairs.csv"
        _write_csv(pairs, self.pair_rows())
        return summary, pairs

    def plot(self, out: str | os.PathLike) -> tuple[Path, Path]:
        """Write ``bias_variance_mse.png`` and ``accuracy_vs_cost.png`` into ``out`` (matplotlib)."""
        from .plots import plot_accuracy_vs_cost, plot_bias_variance

        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        return plot_bias_variance(self, out / "bias_variance_mse.png"), \
            plot_accuracy_vs_cost(self, out / "accuracy_vs_cost.png")

    def save(self, out: str | os.PathLike, plots: bool = True) -> list[Path]:
        """Write every output (CSV, JSON and, with ``plots``, PNG) into the directory ``out``."""
        out = Path(out)
        paths = list(self.to_csv(out))
        paths.append(self.to_json(out / "summary.json"))
        if plots:
            paths.extend(self.plot(out))
        return paths


def _mean_or_nan(x: np.ndarray) -> float:
    return float(x.mean()) if x.size else float("nan")


def _fmt(value: Any, spec: str) -> str:
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    return format(value, spec)


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, (np.integer,)):
        return int(obj)
    if isinstance(obj, (float, np.floating)):
        return None if math.isnan(obj) else float(obj)
    if isinstance(obj, (np.bool_,)):
        return bool(obj)
    if obj is None or isinstance(obj, (str, int, bool)):
        return obj
    return repr(obj)


def _write_csv(path: Path, rows: list[dict]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        if not rows:
            return
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def truth_seed(state: str, action: str) -> int:
    """The seed of a truth estimated at a high budget: a function of the pair alone, at or above ``TRUTH_SEED``.

    So a pair's truth does not depend on which study computed it or on what the cache already held.
    """
    return TRUTH_SEED + zlib.crc32(f"{state}|{action}".encode()) % TRUTH_SEED_RANGE


class _Truth:
    """Computes (or reads from the cache) the truth of many pairs, for one resolved truth kind."""

    def __init__(self, env, kind: str, budget: int | None, cache: TruthCache | None, key_args: tuple,
                 progress: bool) -> None:
        self.env, self.kind, self.budget, self.cache = env, kind, budget, cache
        self.key = env_key(*key_args, truth_kind="exact" if kind == "exact" else f"budget:{budget}")
        self.progress = progress
        self.computed = 0
        self.cached = 0

    def __call__(self, pairs: list[tuple[str, str]]):
        from tqdm.auto import tqdm

        found = self.cache.get(self.key, pairs) if self.cache is not None else [None] * len(pairs)
        todo = [i for i, e in enumerate(found) if e is None]
        self.cached = len(pairs) - len(todo)
        if todo:
            label = "truth" if self.kind == "exact" else f"truth ({self.env.budget_name}={self.budget})"
            with tqdm(total=len(todo), desc=label, unit="pair", disable=not self.progress,
                      file=sys.stderr, leave=False) as bar:
                for start in range(0, len(todo), TRUTH_CHUNK):
                    idx = todo[start:start + TRUTH_CHUNK]
                    chunk = [pairs[i] for i in idx]
                    if self.kind == "exact":
                        vals = self.env.truth(chunk)
                    else:
                        vals = self.env.estimate(chunk, budget=self.budget, seeds=[truth_seed(*q) for q in chunk])
                    if len(vals) != len(chunk):
                        raise RuntimeError(f"the environment returned {len(vals)} truth values for "
                                           f"{len(chunk)} queries")
                    for i, v in zip(idx, vals):
                        found[i] = v
                    if self.cache is not None:
                        self.cache.put(self.key, [(pairs[i][0], pairs[i][1], found[i]) for i in idx])
                    self.computed += len(idx)
                    bar.update(len(idx))
        return found


def run_study(
    env_id: Any,
    budgets: str | Sequence[int] = DEFAULT_BUDGETS,
    states: int = DEFAULT_STATES,
    repeats: int = DEFAULT_REPEATS,
    truth: str | None = "auto",
    env_kwargs: dict | None = None,
    seed: int = 0,
    out: str | os.PathLike | None = None,
    top_k: int | None = None,
    cache_dir: str | os.PathLike | None = None,
    progress: bool = True,
    use_cache: bool = True,
    tie_tol: float = 1e-9,
    plots: bool = True,
) -> StudyResult:
    """Measure bias, variance, MSE, decision accuracy, rank correlation and cost of an env's reward estimate.

    Args:
        env_id: a registered id such as ``"Gomoku9x9-LLM-v0"`` (or an already built TextEnv).
        budgets: the oracle budgets to compare (``"4,16,64"`` or a list).
        states: how many states ``env.sample_states(states, seed)`` draws.
        repeats: estimates per pair and budget, each repeat with its own seed.
        truth: ``"exact"`` (the env's ``truth()``; an error if it has none), ``"budget:N"`` (the env's own
            estimator at budget ``N``, seeds disjoint from the repeats') or ``"auto"`` (default: ``"exact"``
            where ``truth()`` exists, else ``budget:N`` with ``N = 16 * max(budgets)``).
        env_kwargs: constructor arguments of the env (e.g. ``{"estimator": "uct"}``).
        seed: base seed of the states and the repeats.
        out: a directory to write summary.csv, summary.json, pairs.csv and the PNG plots into.
        top_k: keep only the ``top_k`` candidate actions of each state by truth (ties broken with ``seed``).
        cache_dir: the truth cache's directory (default ``$REWARDDIAL_CACHE`` or ``~/.cache/rewarddial/truth``).
        progress: show tqdm progress bars on stderr.
        use_cache: read and write the truth cache.
        tie_tol: truths within ``tie_tol`` of a state's best all count as best for the decision accuracy.
        plots: with ``out``, also write the PNG plots.

    Returns:
        a :class:`StudyResult`; ``result.format_table()`` is the printed table.
    """
    from tqdm.auto import tqdm

    t_start = time.perf_counter()
    budgets = parse_budgets(budgets)
    n_states = _positive_int("states", states)
    n_repeats = _positive_int("repeats", repeats)
    if top_k is not None:
        top_k = _positive_int("top_k", top_k)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed={seed!r} must be an integer >= 0")
    if seed + n_repeats * REPEAT_STRIDE > TRUTH_SEED:
        raise ValueError(f"seed={seed} with repeats={n_repeats} reaches the truth's seeds ({TRUTH_SEED}); use a "
                         f"seed below {TRUTH_SEED - n_repeats * REPEAT_STRIDE} or fewer repeats")
    if not (tie_tol >= 0 and math.isfinite(tie_tol)):
        raise ValueError(f"tie_tol={tie_tol!r} must be a finite number >= 0")
    kind, truth_budget = parse_truth(truth)

    env, name, version, kwargs = _make_env(env_id, env_kwargs)
    budget_name = env.budget_name
    cache = TruthCache(cache_dir) if use_cache else None
    try:
        # ---- states and candidate actions
        state_list = env.sample_states(n_states, seed=seed)
        cands = [list(env.candidate_actions(s)) for s in state_list]
        kept = [i for i, c in enumerate(cands) if c]
        skipped_states = n_states - len(kept)
        state_list = [state_list[i] for i in kept]
        cands = [cands[i] for i in kept]
        if not state_list:
            raise ValueError(f"none of the {n_states} sampled states of {name} has a candidate action")
        pairs = [(s, a) for s, c in zip(state_list, cands) for a in c]

        # ---- truth (cached on disk)
        # the constructor's defaults too, so that naming a default is the same key and a changed default a
        # new one (rather than a stale truth)
        key_args = (name, version, {**_constructor_defaults(type(env)), **kwargs}, budget_name)
        if kind == "auto":
            getter = _Truth(env, "exact", None, cache, key_args, progress)
            try:
                found = getter(pairs)
                kind = "exact"
            except NotImplementedError:
                kind, truth_budget = "budget", AUTO_TRUTH_FACTOR * max(budgets)
                getter = _Truth(env, kind, truth_budget, cache, key_args, progress)
                found = getter(pairs)
        else:
            getter = _Truth(env, kind, truth_budget, cache, key_args, progress)
            try:
                found = getter(pairs)
            except NotImplementedError as exc:
                raise ValueError(f"{name} has no exact truth ({exc}); use truth='budget:N' (--truth budget:N), "
                                 f"e.g. budget:{AUTO_TRUTH_FACTOR * max(budgets)}") from None

        # ---- top-k by truth, ties broken by a seeded permutation
        if top_k is not None:
            rng = np.random.default_rng(seed)
            new_cands, new_found, pos = [], [], 0
            for c in cands:
                vals = np.array([found[pos + j].value for j in range(len(c))])
                perm = rng.permutation(len(c))
                order = perm[np.argsort(-vals[perm], kind="stable")][:top_k]
                order = np.sort(order)  # keep the env's order of the kept actions
                new_cands.append([c[j] for j in order])
                new_found.extend(found[pos + j] for j in order)
                pos += len(c)
            cands, found = new_cands, new_found
            pairs = [(s, a) for s, c in zip(state_list, cands) for a in c]

        n_pairs = len(pairs)
        if n_pairs >= REPEAT_STRIDE:
            raise ValueError(f"{n_pairs} pairs exceed the study's limit of {REPEAT_STRIDE - 1}; use fewer states "
                             "or top_k")
        r_val = np.array([e.value for e in found], dtype=np.float64)
        r_se = np.array([e.stderr for e in found], dtype=np.float64)
        r_exact = np.array([bool(e.exact) for e in found])
        pair_state = np.repeat(np.arange(len(state_list)), [len(c) for c in cands])
        bounds = np.concatenate([[0], np.cumsum([len(c) for c in cands])])

        # ---- estimates: every budget, every repeat, all pairs in one batch call
        est = np.empty((len(budgets), n_repeats, n_pairs), dtype=np.float64)
        wall = np.zeros(len(budgets))
        with tqdm(total=n_repeats * sum(budgets) * n_pairs, desc=f"study {name}", unit=budget_name,
                  unit_scale=True, disable=not progress, file=sys.stderr) as bar:
            for k in range(n_repeats):
                base = seed + k * REPEAT_STRIDE
                for bi, b in enumerate(budgets):
                    t0 = time.perf_counter()
                    vals = env.estimate(pairs, budget=b, seed=base)
                    wall[bi] += time.perf_counter() - t0
                    est[bi, k] = [e.value for e in vals]
                    bar.update(b * n_pairs)

        # ---- statistics per budget
        truly_best_frac = [
            float(np.mean(r_val[lo:hi] >= r_val[lo:hi].max() - tie_tol)) for lo, hi in zip(bounds[:-1], bounds[1:])
        ]
        rows = []
        for bi, b in enumerate(budgets):
            st = pair_stats(est[bi], r_val)
            acc_sum = regret_sum = rho_sum = 0.0
            rho_n = 0
            for lo, hi in zip(bounds[:-1], bounds[1:]):
                acc, regret = decision_accuracy(est[bi][:, lo:hi], r_val[lo:hi], tie_tol)
                acc_sum += acc.sum()
                regret_sum += regret.sum()
                rho = spearman(est[bi][:, lo:hi], r_val[lo:hi])
                ok = ~np.isnan(rho)
                rho_sum += rho[ok].sum()
                rho_n += int(ok.sum())
            n_dec = len(state_list) * n_repeats
            noise = st.var_unbiased / n_repeats if n_repeats > 1 else np.zeros(n_pairs)
            rows.append({
                "budget": b,
                "bias": float(st.bias.mean()),
                "abs_bias": float(np.abs(st.bias).mean()),
                "bias2": float((st.bias**2).mean()),
                "bias2_noise": float((noise + r_se**2).mean()),
                "var": float(st.var.mean()),
                "var_unbiased": float(np.mean(st.var_unbiased)) if n_repeats > 1 else float("nan"),
                "mse": float(st.mse.mean()),
                "bias2_exact_truth": _mean_or_nan(st.bias[r_exact] ** 2),
                "bias2_estimated_truth": _mean_or_nan(st.bias[~r_exact] ** 2),
                "decomposition_max_error": st.decomposition_error,
                "decomposition_ok": st.decomposition_ok,
                "accuracy": acc_sum / n_dec,
                "regret": regret_sum / n_dec,
                "rank_corr": rho_sum / rho_n if rho_n else float("nan"),
                "rank_corr_n": rho_n,
                "rank_corr_skipped": n_dec - rho_n,
                "sec_per_estimate": float(wall[bi] / (n_repeats * n_pairs)),
                "seconds": float(wall[bi]),
                "estimates": n_repeats * n_pairs,
            })

        n_exact = int(r_exact.sum())
        if kind == "exact":
            desc = (f"env.truth(): {n_exact} of {n_pairs} values exact"
                    + ("" if n_exact == n_pairs else ", the rest the env's own high-budget estimates"))
        else:
            desc = (f"budget:{truth_budget}: the env's estimator at {budget_name}={truth_budget}, one estimate "
                    f"(mean of {truth_budget} samples) per pair, seeded by the pair alone (seeds >= {TRUTH_SEED}, "
                    f"disjoint from the repeats'); {n_exact} of {n_pairs} values exact")
        truth_info = {
            "kind": "exact" if kind == "exact" else f"budget:{truth_budget}",
            "requested": truth if truth is not None else "auto",
            "description": desc,
            "all_exact": bool(n_exact == n_pairs),
            "n_exact": n_exact,
            "n_pairs": n_pairs,
            "mean_stderr": float(r_se.mean()),
            "computed": getter.computed,
            "from_cache": getter.cached,
            "cache": None if cache is None else str(cache.path),
        }
        config = {
            "env_id": name, "env_version": version, "env_kwargs": kwargs, "budget_name": budget_name,
            "budgets": budgets, "states": n_states, "states_used": len(state_list),
            "states_skipped_no_candidates": skipped_states, "repeats": n_repeats, "seed": seed,
            "top_k": top_k, "tie_tol": tie_tol, "pairs": n_pairs,
            "candidates_per_state": float(n_pairs / len(state_list)),
            "accuracy_random": float(np.mean(truly_best_frac)),
        }
    finally:
        if cache is not None:
            cache.close()
    result = StudyResult(
        config=config, truth_info=truth_info, rows=rows, states=state_list, pair_state=pair_state,
        pair_action=[a for _, a in pairs], truth=r_val, truth_stderr=r_se, truth_exact=r_exact,
        estimates=est, seconds=time.perf_counter() - t_start,
    )
    if out is not None:
        result.save(out, plots=plots)
    return result
