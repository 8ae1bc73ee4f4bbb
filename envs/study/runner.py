"""The reward-variance study: how the bias, variance and MSE of an environment's reward estimate, and the
decisions it leads to, change with the oracle's budget.

For each budget ``n`` and each (state, candidate action) pair, the study draws the estimate ``R`` times
(repeats with different seeds) and compares it with a ground truth ``r``:

* bias ``E r^ - r``, bias^2, variance ``Var r^`` and ``MSE = E(r^ - r)^2``, averaged over pairs, with the
  decomposition ``MSE = Var + bias^2`` checked numerically (relative tolerance);
* decision accuracy: how often the action with the best estimate is truly best (and the regret);
* Spearman rank correlation between the estimated and the true values of a state's candidates;
* with ``groups``: GRPO's group-normalised advantages from the estimates against those from the truth
  (:mod:`envs.study.groups`);
* cost: the wall time of the batch ``estimate`` call per estimate, beside the budget itself.

``target="value"`` studies the oracle's value; ``target="reward"`` the reward the env gives for it
(``env.reward_from_estimate(estimate, state)``, the env's reward hook), for the truth and the estimates alike.

Seeds: repeat ``k`` uses base seed ``seed + k * REPEAT_STRIDE`` for every budget, so within a repeat the
samples of budget ``n`` are a prefix of those of budget ``2n`` (common random numbers) and the curves are
smooth; pair ``i`` of a batch gets ``base + i``. A truth estimated at a high budget uses a seed of its
pair alone (:func:`truth_seed`, from ``TRUTH_SEED`` on, disjoint from every repeat's), so it is the same
value whatever was cached before.

The study runs in phases (:func:`sample_pairs`, :func:`compute_truth`, :func:`estimate_pairs`,
:func:`budget_rows`, :func:`group_rows`); :mod:`envs.study.results` formats and writes the result. Only the
TextEnv batch API is used: there is no environment-specific code here.
"""
from __future__ import annotations

import inspect
import math
import sys
import time
import zlib
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from .cache import TruthCache, env_key
from .groups import draw_groups, group_metrics, sampling_probs
from .results import NOTES, StudyResult, mean_or_nan
from .stats import decision_accuracy, pair_stats, rank_correlation

from envs.core import OracleFailure, budget_name_for

__all__ = [
    "DEFAULT_BUDGETS", "DEFAULT_GROUPS", "DEFAULT_REPEATS", "DEFAULT_STATES", "QUICK", "REPEAT_STRIDE",
    "TARGETS", "TRUTH_SEED", "StudyPairs", "StudyResult", "StudySetup", "budget_rows", "compute_truth",
    "estimate_pairs", "group_rows", "make_env", "parse_budgets", "parse_groups", "parse_truth", "prepare",
    "run_study", "sample_pairs", "truth_seed",
]

DEFAULT_BUDGETS: tuple[int, ...] = (4, 16, 64, 256, 1024)
DEFAULT_STATES = 200
DEFAULT_REPEATS = 32
#: the group sizes of ``--groups`` without a value
DEFAULT_GROUPS: tuple[int, ...] = (2, 4, 8, 16)
#: what the study compares: the oracle's value or the env's reward for it
TARGETS = ("value", "reward")
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

_NOTES = NOTES  # the former name


# ----------------------------------------------------------------------------------------------- arguments
def parse_budgets(budgets: str | Sequence[int]) -> list[int]:
    """``"4,16,64"`` or ``[4, 16, 64]`` -> a sorted list of distinct positive integers (ValueError otherwise)."""
    return _parse_int_list("budgets", "budget", budgets, "4,16,64,256")


def parse_groups(groups: str | Sequence[int] | None) -> list[int]:
    """``"2,4,8"`` or ``[2, 4, 8]`` -> sorted distinct group sizes >= 2; ``None`` -> ``[]`` (no group metrics)."""
    if groups is None:
        return []
    vals = _parse_int_list("groups", "group size", groups, "2,4,8,16")
    if vals[0] < 2:
        raise ValueError(f"group size {vals[0]} in groups={groups!r} is too small: GRPO normalises within a "
                         "group, so a group needs at least 2 members (e.g. 2,4,8,16)")
    return vals


def _parse_int_list(name: str, item: str, value: Any, example: str) -> list[int]:
    if isinstance(value, str):
        parts = [p.strip() for p in value.split(",") if p.strip()]
        try:
            vals = [int(p) for p in parts]
        except ValueError:
            raise ValueError(f"{name}={value!r} must be comma-separated integers, e.g. {example}") from None
    else:
        vals = list(value)
    if not vals:
        raise ValueError(f"{name} is empty; give at least one, e.g. {example}")
    for v in vals:
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1:
            raise ValueError(f"{item} {v!r} in {name}={value!r} must be a positive integer")
    if len(set(vals)) != len(vals):
        raise ValueError(f"{name}={value!r} repeats a value; list each {item} once")
    return sorted(int(v) for v in vals)


def parse_truth(truth: str | None) -> tuple[str, Any]:
    """What the truth is.

    ``None``/"auto" -> ("auto", None); "exact" -> ("exact", None) (the env's ``truth()``); "budget:N" ->
    ("budget", N) (the env's estimator at budget N); any other non-empty string -> ("source", string), passed
    to ``env.truth(queries, source=string)`` (e.g. Gomoku's "uct:65536" or "engine:<cmd>@<ms>").
    """
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
    elif isinstance(truth, str) and truth.strip() == truth and truth:
        return "source", truth
    raise ValueError(f"truth={truth!r} is not understood; use 'exact' (the env's truth()), 'budget:N' (the "
                     "env's estimator at budget N, e.g. 'budget:16384'), 'auto' (exact if the env has it), or "
                     "a source the env's truth() accepts (e.g. 'uct:65536' for Gomoku)")


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


def make_env(env_id: Any, env_kwargs: dict | None):
    """The unwrapped TextEnv, its id, version string, effective constructor kwargs and budget name."""
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
    return env, name, version, kwargs, _budget_name(env, name, kwargs, spec is not None)


def _budget_name(env, name: str, kwargs: dict, registered: bool) -> str:
    """The budget's constructor keyword, read from the env (``envs.core.budget_name_for`` for a registered id)."""
    if registered:
        try:
            return str(budget_name_for(name, kwargs))
        except ValueError:  # an id registered outside rewarddial without a budget name: ask the instance
            pass
    return str(env.budget_name)


def _check_budgets(env, name: str, budget_name: str, budgets: Sequence[int], what: str = "budgets") -> None:
    """Refuse budgets above the env's bound before any work is done."""
    bound = getattr(env, "max_budget", None)
    if isinstance(bound, (int, np.integer)) and not isinstance(bound, bool):
        bad = [b for b in budgets if b > bound]
        if bad:
            raise ValueError(f"{what} {bad} exceed the largest {budget_name} {name} allows ({bound}); use "
                             f"budgets of at most {bound}")


def truth_seed(state: str, action: str) -> int:
    """The seed of a truth estimated at a high budget: a function of the pair alone, at or above ``TRUTH_SEED``.

    So a pair's truth does not depend on which study computed it or on what the cache already held.
    """
    return TRUTH_SEED + zlib.crc32(f"{state}|{action}".encode()) % TRUTH_SEED_RANGE


# ----------------------------------------------------------------------------------------------- phase 1
@dataclass
class StudyPairs:
    """The states studied and their candidate actions (and the env's labels of them, where it gives any)."""

    states: list[str]
    cands: list[list[str]]
    labels: list[list[str]] | None
    skipped_states: int = 0

    @property
    def pairs(self) -> list[tuple[str, str]]:
        return [(s, a) for s, c in zip(self.states, self.cands) for a in c]

    @property
    def bounds(self) -> np.ndarray:
        """``bounds[i]:bounds[i+1]`` are the pair indices of state ``i``."""
        return np.concatenate([[0], np.cumsum([len(c) for c in self.cands])]).astype(np.int64)

    @property
    def pair_state(self) -> np.ndarray:
        return np.repeat(np.arange(len(self.states)), [len(c) for c in self.cands])

    @property
    def pair_label(self) -> list[str] | None:
        return None if self.labels is None else [x for ls in self.labels for x in ls]

    def keep(self, keep_pair: np.ndarray) -> "StudyPairs":
        """The pairs where ``keep_pair`` is True (states left without a candidate are dropped)."""
        pos, states, cands, labels = 0, [], [], []
        for i, c in enumerate(self.cands):
            sel = [j for j in range(len(c)) if keep_pair[pos + j]]
            pos += len(c)
            if sel:
                states.append(self.states[i])
                cands.append([c[j] for j in sel])
                if self.labels is not None:
                    labels.append([self.labels[i][j] for j in sel])
        return StudyPairs(states, cands, labels if self.labels is not None else None,
                          self.skipped_states + len(self.cands) - len(cands))


def sample_pairs(env, name: str, n_states: int, seed: int) -> StudyPairs:
    """Phase 1: ``n_states`` states from ``env.sample_states`` and their candidate actions and labels."""
    state_list = env.sample_states(n_states, seed=seed)
    cands = [list(env.candidate_actions(s)) for s in state_list]
    labels: list[list[str]] | None = None
    if hasattr(env, "candidate_labels"):
        got = [env.candidate_labels(s) for s in state_list]
        if any(g is not None for g in got):
            labels = []
            for s, c, g in zip(state_list, cands, got):
                g = [""] * len(c) if g is None else [str(x) for x in g]
                if len(g) != len(c):
                    raise ValueError(f"{name}.candidate_labels gave {len(g)} labels for {len(c)} candidate "
                                     "actions of a state; it must give one label per candidate (or None)")
                labels.append(g)
    kept = [i for i, c in enumerate(cands) if c]
    if not kept:
        raise ValueError(f"none of the {n_states} sampled states of {name} has a candidate action")
    return StudyPairs([state_list[i] for i in kept], [cands[i] for i in kept],
                      None if labels is None else [labels[i] for i in kept], n_states - len(kept))


# ----------------------------------------------------------------------------------------------- phase 2
class _Truth:
    """Computes (or reads from the cache) the truth of many pairs, for one resolved truth kind."""

    def __init__(self, env, kind: str, arg: Any, cache: TruthCache | None, key_args: tuple,
                 progress: bool, budget_name: str) -> None:
        self.env, self.kind, self.arg, self.cache = env, kind, arg, cache
        truth_kind = {"exact": "exact", "budget": f"budget:{arg}"}.get(kind, arg)
        self.key = env_key(*key_args, truth_kind=truth_kind)
        self.progress = progress
        self.budget_name = budget_name
        self.computed = 0
        self.cached = 0

    def _call(self, chunk: list[tuple[str, str]]) -> list:
        if self.kind == "exact":
            return list(self.env.truth(chunk))
        if self.kind == "budget":
            return list(self.env.estimate(chunk, budget=self.arg, seeds=[truth_seed(*q) for q in chunk]))
        try:
            return list(self.env.truth(chunk, source=self.arg))
        except TypeError as exc:
            if "source" in str(exc):
                raise ValueError(f"truth={self.arg!r}: this environment's truth() takes no source; use "
                                 "'exact', 'budget:N' or 'auto'") from None
            raise
        except ValueError as exc:
            raise ValueError(f"truth={self.arg!r} is not a source this environment's truth() accepts: "
                             f"{exc}") from None

    def __call__(self, pairs: list[tuple[str, str]]) -> list:
        from tqdm.auto import tqdm

        found = self.cache.get(self.key, pairs) if self.cache is not None else [None] * len(pairs)
        todo = [i for i, e in enumerate(found) if e is None]
        self.cached = len(pairs) - len(todo)
        if todo:
            label = {"exact": "truth", "budget": f"truth ({self.budget_name}={self.arg})"}.get(
                self.kind, f"truth ({self.arg})")
            with tqdm(total=len(todo), desc=label, unit="pair", disable=not self.progress,
                      file=sys.stderr, leave=False) as bar:
                for start in range(0, len(todo), TRUTH_CHUNK):
                    idx = todo[start:start + TRUTH_CHUNK]
                    chunk = [pairs[i] for i in idx]
                    vals = self._call(chunk)
                    if len(vals) != len(chunk):
                        raise RuntimeError(f"the environment returned {len(vals)} truth values for "
                                           f"{len(chunk)} queries")
                    for i, v in zip(idx, vals):
                        found[i] = v
                    if self.cache is not None:  # a failure is not a truth: never cached
                        self.cache.put(self.key, [(pairs[i][0], pairs[i][1], found[i]) for i in idx
                                                  if not isinstance(found[i], OracleFailure)])
                    self.computed += len(idx)
                    bar.update(len(idx))
        return found


def compute_truth(env, name: str, pairs: list[tuple[str, str]], truth: str | None, budgets: Sequence[int],
                  cache: TruthCache | None, key_args: tuple, progress: bool, budget_name: str):
    """Phase 2: the truth of every pair (an Estimate, or an OracleFailure where it could not be had).

    Returns ``(found, getter)``; ``getter.kind`` and ``getter.arg`` say which truth was resolved.
    """
    kind, arg = parse_truth(truth)
    if kind == "budget":
        _check_budgets(env, name, budget_name, [arg], "the truth budget")
    if kind == "auto":
        getter = _Truth(env, "exact", None, cache, key_args, progress, budget_name)
        try:
            return getter(pairs), getter
        except NotImplementedError:
            arg = AUTO_TRUTH_FACTOR * max(budgets)
            bound = getattr(env, "max_budget", None)
            if isinstance(bound, (int, np.integer)) and arg > bound:
                arg = int(bound)
            getter = _Truth(env, "budget", arg, cache, key_args, progress, budget_name)
            return getter(pairs), getter
    getter = _Truth(env, kind, arg, cache, key_args, progress, budget_name)
    try:
        return getter(pairs), getter
    except NotImplementedError as exc:
        raise ValueError(f"{name} has no exact truth ({exc}); use truth='budget:N' (--truth budget:N), "
                         f"e.g. budget:{AUTO_TRUTH_FACTOR * max(budgets)}") from None


def describe_truth(kind: str, arg: Any, budget_name: str, exact: np.ndarray, budgets_used: np.ndarray,
                   n_failed: int) -> str:
    """An honest sentence about the truth: how many values are proven, and what estimated the rest."""
    n = len(exact)
    n_exact = int(exact.sum())
    parts = []
    if n_exact == n:
        parts.append(f"all {n} exact" if n else "no values")
    else:
        if n_exact:
            parts.append(f"{n_exact} proven")
        b_est = budgets_used[~exact]
        unit = budget_name if kind != "source" else "budget"
        for b in sorted(set(int(x) for x in b_est), reverse=True):
            cnt = int((b_est == b).sum())
            parts.append(f"{cnt} estimated at {b} {unit}" if unit != "budget" else f"{cnt} estimated at budget {b}")
    text = ", ".join(parts)
    if kind == "exact":
        text = f"env.truth(): {text}"
    elif kind == "budget":
        text = (f"budget:{arg}: the env's own estimator at {budget_name}={arg}, seeded by the pair alone "
                f"(seeds >= {TRUTH_SEED}, disjoint from the repeats'): {text}")
    else:
        text = f"env.truth(source={arg!r}): {text}"
    if n_failed:
        text += f"; {n_failed} pairs dropped (the truth's oracle failed on them)"
    return text


def _apply_top_k(sp: StudyPairs, values: np.ndarray, top_k: int, seed: int) -> np.ndarray:
    """A mask keeping each state's ``top_k`` candidates by truth (ties broken by a seeded permutation)."""
    rng = np.random.default_rng(seed)
    keep = np.zeros(len(values), dtype=bool)
    for lo, hi in zip(sp.bounds[:-1], sp.bounds[1:]):
        vals = values[lo:hi]
        perm = rng.permutation(hi - lo)
        order = perm[np.argsort(-vals[perm], kind="stable")][:top_k]
        keep[lo + order] = True
    return keep


# ----------------------------------------------------------------------------------------------- phase 3
def _as_target(env, target: str, est, state_obj) -> float:
    """The studied number of one oracle result: its value, or the env's reward for it; NaN for a failure."""
    if est is None or isinstance(est, OracleFailure):
        return float("nan")
    if target == "value":
        return float(est.value)
    return float(env.reward_from_estimate(est, state_obj))


def estimate_pairs(env, name: str, sp: StudyPairs, budgets: Sequence[int], n_repeats: int, seed: int,
                   target: str, budget_name: str, progress: bool, state_objs: list | None = None):
    """Phase 3: every budget, every repeat, all pairs in one batch call each.

    Returns ``(estimates, wall, failures)``: estimates of shape ``(budgets, repeats, pairs)`` (NaN where the
    oracle failed), the wall time of the estimate calls per budget and the failures per budget.
    """
    from tqdm.auto import tqdm

    pairs = sp.pairs
    n_pairs = len(pairs)
    ps = sp.pair_state
    est = np.empty((len(budgets), n_repeats, n_pairs), dtype=np.float64)
    wall = np.zeros(len(budgets))
    failures = np.zeros(len(budgets), dtype=np.int64)
    with tqdm(total=n_repeats * sum(budgets) * n_pairs, desc=f"study {name}", unit=budget_name,
              unit_scale=True, disable=not progress, file=sys.stderr) as bar:
        for k in range(n_repeats):
            base = seed + k * REPEAT_STRIDE
            for bi, b in enumerate(budgets):
                t0 = time.perf_counter()
                vals = env.estimate(pairs, budget=b, seed=base)
                wall[bi] += time.perf_counter() - t0
                if len(vals) != n_pairs:
                    raise RuntimeError(f"{name}.estimate returned {len(vals)} results for {n_pairs} queries")
                if target == "value":
                    est[bi, k] = [float("nan") if isinstance(e, OracleFailure) else e.value for e in vals]
                else:
                    est[bi, k] = [_as_target(env, target, e, state_objs[ps[p]]) for p, e in enumerate(vals)]
                failures[bi] += sum(isinstance(e, OracleFailure) for e in vals)
                bar.update(b * n_pairs)
    return est, wall, failures


# ----------------------------------------------------------------------------------------------- phase 4
def budget_rows(est: np.ndarray, budgets: Sequence[int], truth: np.ndarray, truth_se: np.ndarray,
                truth_exact: np.ndarray, bounds: np.ndarray, wall: np.ndarray, failures: np.ndarray,
                tie_tol: float) -> list[dict]:
    """Phase 4: the per-budget statistics (one dict per budget)."""
    n_repeats, n_pairs = est.shape[1], est.shape[2]
    n_states = len(bounds) - 1
    rows = []
    for bi, b in enumerate(budgets):
        st = pair_stats(est[bi], truth)
        acc_sum = regret_sum = rho_sum = 0.0
        rho_n = n_dec = 0
        for lo, hi in zip(bounds[:-1], bounds[1:]):
            block = est[bi][:, lo:hi]
            block = block[np.isfinite(block).all(axis=1)]  # a repeat with a failed candidate decides nothing
            if not len(block):
                continue
            acc, regret = decision_accuracy(block, truth[lo:hi], tie_tol)
            acc_sum += acc.sum()
            regret_sum += regret.sum()
            n_dec += len(block)
            rho, n_rho = rank_correlation(block, truth[lo:hi])
            if n_rho:
                rho_sum += rho * n_rho
                rho_n += n_rho
        with np.errstate(invalid="ignore", divide="ignore"):  # a pair left with < 2 estimates: NaN, skipped
            noise = st.var_unbiased / st.n if n_repeats > 1 else np.zeros(n_pairs)
        ok = np.isfinite(st.mse)
        rows.append({
            "budget": int(b),
            "bias": mean_or_nan(st.bias),
            "abs_bias": mean_or_nan(np.abs(st.bias)),
            "bias2": mean_or_nan(st.bias**2),
            "bias2_noise": mean_or_nan(noise + truth_se**2),
            "var": mean_or_nan(st.var),
            "var_unbiased": mean_or_nan(st.var_unbiased) if n_repeats > 1 else float("nan"),
            "mse": mean_or_nan(st.mse),
            "bias2_exact_truth": mean_or_nan(st.bias[truth_exact & ok] ** 2),
            "bias2_estimated_truth": mean_or_nan(st.bias[~truth_exact & ok] ** 2),
            "decomposition_max_error": st.decomposition_error,
            "decomposition_max_rel_error": st.decomposition_rel_error,
            "decomposition_ok": st.decomposition_ok,
            "accuracy": acc_sum / n_dec if n_dec else float("nan"),
            "regret": regret_sum / n_dec if n_dec else float("nan"),
            "rank_corr": rho_sum / rho_n if rho_n else float("nan"),
            "rank_corr_n": rho_n,
            "rank_corr_skipped": n_states * n_repeats - rho_n,
            "oracle_failures": int(failures[bi]),
            "sec_per_estimate": float(wall[bi] / (n_repeats * n_pairs)),
            "seconds": float(wall[bi]),
            "estimates": n_repeats * n_pairs,
        })
    return rows


def group_rows(est: np.ndarray, budgets: Sequence[int], truth: np.ndarray, bounds: np.ndarray,
               sec_per_estimate: Sequence[float], groups: Sequence[int], per_state: int, sampling: str,
               temperature: float, seed: int, tie_tol: float) -> list[dict]:
    """Phase 5: the group-level metrics of every (budget, group size) (see :mod:`envs.study.groups`).

    The groups are drawn once per group size (the same groups at every budget); member ``j`` of group
    ``m`` is scored by repeat ``(m + j) mod repeats``.
    """
    n_repeats = est.shape[1]
    rows = []
    for g in groups:
        rng = np.random.default_rng([seed, g, 0x67])
        members, reps = [], []
        for lo, hi in zip(bounds[:-1], bounds[1:]):
            probs = sampling_probs(truth[lo:hi], sampling, temperature)
            idx = draw_groups(probs, g, per_state, rng) + lo
            members.append(idx)
            reps.append((np.arange(per_state)[:, None] + np.arange(g)[None, :]) % n_repeats)
        P = np.concatenate(members)
        K = np.concatenate(reps)
        true_scores = truth[P]
        for bi, b in enumerate(budgets):
            m = group_metrics(est[bi][K, P], true_scores, tol=tie_tol)
            rows.append({"budget": int(b), "group_size": int(g), **m, "cost_per_group": int(g * b),
                         "sec_per_group": float(g * sec_per_estimate[bi])})
    rows.sort(key=lambda r: (r["budget"], r["group_size"]))
    return rows


# ----------------------------------------------------------------------------------------------- phases 1-2
@dataclass
class StudySetup:
    """The env, the pairs studied and their truth (of the target), as :func:`prepare` leaves them."""

    env: Any
    name: str
    version: str
    kwargs: dict
    budget_name: str
    pairs: StudyPairs
    found: list
    truth: np.ndarray
    state_objs: list | None
    kind: str
    arg: Any
    computed: int
    cached: int
    truth_failed: int
    cache_path: str | None
    cache_moved_aside: list[str]

    @property
    def truth_stderr(self) -> np.ndarray:
        return np.array([e.stderr for e in self.found], dtype=np.float64)

    @property
    def truth_exact(self) -> np.ndarray:
        return np.array([bool(e.exact) for e in self.found], dtype=bool)

    def truth_info(self, requested: str | None) -> dict:
        """The truth's kind, an honest sentence about it and its counts."""
        exact = self.truth_exact
        budgets = np.array([int(e.budget) for e in self.found], dtype=np.int64)
        n, n_exact = len(exact), int(exact.sum())
        return {
            "kind": {"exact": "exact", "budget": f"budget:{self.arg}"}.get(self.kind, self.arg),
            "requested": requested if requested is not None else "auto",
            "description": describe_truth(self.kind, self.arg, self.budget_name, exact, budgets,
                                          self.truth_failed),
            "all_exact": bool(n_exact == n), "n_exact": n_exact, "n_proven": n_exact,
            "n_estimated": n - n_exact, "estimated_budgets": sorted({int(b) for b in budgets[~exact]}),
            "n_pairs": n, "failed": self.truth_failed, "mean_stderr": float(self.truth_stderr.mean()),
            "computed": self.computed, "from_cache": self.cached, "cache": self.cache_path,
            "cache_moved_aside": self.cache_moved_aside,
        }


def prepare(env_id: Any, env_kwargs: dict | None, n_states: int, seed: int, truth: str | None,
            budgets: Sequence[int], target: str, top_k: int | None, cache_dir: Any, use_cache: bool,
            progress: bool) -> StudySetup:
    """Phases 1 and 2, shared by the study and the simulation: build the env, check the budgets against its
    bound, sample the states and candidates, get the truth (dropping pairs whose truth failed), map it to
    the target and keep the ``top_k`` candidates per state."""
    env, name, version, kwargs, budget_name = make_env(env_id, env_kwargs)
    if target == "reward" and not hasattr(env, "reward_from_estimate"):
        raise ValueError(f"target='reward' needs the env's reward hook reward_from_estimate(), which {name} "
                         "lacks; use target='value'")
    _check_budgets(env, name, budget_name, budgets)
    cache = TruthCache(cache_dir) if use_cache else None
    try:
        sp = sample_pairs(env, name, n_states, seed)
        # the constructor's defaults too, so that naming a default is the same key and a changed default a
        # new one (rather than a stale truth)
        key_args = (name, version, {**_constructor_defaults(type(env)), **kwargs}, budget_name)
        found, getter = compute_truth(env, name, sp.pairs, truth, budgets, cache, key_args, progress, budget_name)
    finally:
        if cache is not None:
            cache.close()
    ok = np.array([not isinstance(e, OracleFailure) for e in found])
    n_failed = int((~ok).sum())
    if n_failed:
        sp, found = sp.keep(ok), [e for e in found if not isinstance(e, OracleFailure)]
        if not found:
            raise ValueError(f"the truth's oracle failed on every pair of {name}; there is nothing to study")

    def target_values(sp: StudyPairs, found: list):
        objs = [env.decode_state(s) for s in sp.states] if target == "reward" else None
        ps = sp.pair_state
        vals = np.array([_as_target(env, target, e, None if objs is None else objs[ps[i]])
                         for i, e in enumerate(found)], dtype=np.float64)
        return vals, objs

    r_val, objs = target_values(sp, found)
    if top_k is not None:
        keep = _apply_top_k(sp, r_val, top_k, seed)
        sp, found = sp.keep(keep), [e for e, k in zip(found, keep) if k]
        r_val, objs = target_values(sp, found)
    return StudySetup(
        env=env, name=name, version=version, kwargs=kwargs, budget_name=budget_name, pairs=sp, found=found,
        truth=r_val, state_objs=objs, kind=getter.kind, arg=getter.arg, computed=getter.computed,
        cached=getter.cached, truth_failed=n_failed, cache_path=None if cache is None else str(cache.path),
        cache_moved_aside=[] if cache is None else [str(x) for x in cache.moved_aside])


# ----------------------------------------------------------------------------------------------- the study
def run_study(
    env_id: Any,
    budgets: str | Sequence[int] = DEFAULT_BUDGETS,
    states: int = DEFAULT_STATES,
    repeats: int = DEFAULT_REPEATS,
    truth: str | None = "auto",
    env_kwargs: dict | None = None,
    seed: int = 0,
    out: Any = None,
    top_k: int | None = None,
    cache_dir: Any = None,
    progress: bool = True,
    use_cache: bool = True,
    tie_tol: float = 1e-9,
    plots: bool = True,
    target: str = "value",
    groups: str | Sequence[int] | None = None,
    group_sampling: str = "uniform",
    temperature: float = 0.1,
    groups_per_state: int | None = None,
) -> StudyResult:
    """Measure bias, variance, MSE, decision accuracy, rank correlation and cost of an env's reward estimate.

    Args:
        env_id: a registered id such as ``"Gomoku9x9-LLM-v0"`` (or an already built TextEnv).
        budgets: the oracle budgets to compare (``"4,16,64"`` or a list).
        states: how many states ``env.sample_states(states, seed)`` draws.
        repeats: estimates per pair and budget, each repeat with its own seed.
        truth: ``"exact"`` (the env's ``truth()``; an error if it has none), ``"budget:N"`` (the env's own
            estimator at budget ``N``, seeds disjoint from the repeats'), ``"auto"`` (default: ``"exact"``
            where ``truth()`` exists, else ``budget:N`` with ``N = 16 * max(budgets)``), or any other string,
            passed to ``env.truth(queries, source=truth)`` (e.g. ``"uct:65536"`` for Gomoku). The string
            keys the truth cache.
        env_kwargs: constructor arguments of the env (e.g. ``{"estimator": "uct"}``).
        seed: base seed of the states, the repeats and the groups.
        out: a directory to write summary.csv, summary.json, pairs.csv and the PNG plots into.
        top_k: keep only the ``top_k`` candidate actions of each state by truth (ties broken with ``seed``).
        cache_dir: the truth cache's directory (default ``$REWARDDIAL_CACHE`` or ``~/.cache/rewarddial/truth``).
        progress: show tqdm progress bars on stderr.
        use_cache: read and write the truth cache.
        tie_tol: truths within ``tie_tol`` of a state's best all count as best for the decision accuracy.
        plots: with ``out``, also write the PNG plots.
        target: ``"value"`` (the oracle's value) or ``"reward"`` (``env.reward_from_estimate``, the reward the
            env gives a well-formed legal answer with that estimate).
        groups: group sizes for the GRPO group-level metrics (e.g. ``"2,4,8,16"``); None for none.
        group_sampling: how groups are drawn from a state's candidates: ``"uniform"`` or ``"softmax"``
            (``softmax(truth / temperature)``, a stand-in for a better policy).
        temperature: the softmax temperature (> 0), in units of the target.
        groups_per_state: groups per state, size and budget (default: ``repeats``).

    Returns:
        a :class:`StudyResult`; ``result.format_table()`` is the printed table.

    An oracle failure (``envs.core.OracleFailure`` in place of an estimate) is dropped and counted, never
    replaced by a value: a pair whose truth failed leaves the study; a failed estimate is NaN in
    ``result.estimates`` and left out of that budget's statistics.
    """
    t_start = time.perf_counter()
    budgets = parse_budgets(budgets)
    n_states = _positive_int("states", states)
    n_repeats = _positive_int("repeats", repeats)
    group_sizes = parse_groups(groups)
    if top_k is not None:
        top_k = _positive_int("top_k", top_k)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed={seed!r} must be an integer >= 0")
    if seed + n_repeats * REPEAT_STRIDE > TRUTH_SEED:
        raise ValueError(f"seed={seed} with repeats={n_repeats} reaches the truth's seeds ({TRUTH_SEED}); use a "
                         f"seed below {TRUTH_SEED - n_repeats * REPEAT_STRIDE} or fewer repeats")
    if not (tie_tol >= 0 and math.isfinite(tie_tol)):
        raise ValueError(f"tie_tol={tie_tol!r} must be a finite number >= 0")
    if target not in TARGETS:
        raise ValueError(f"target={target!r} must be one of {TARGETS}: 'value' studies the oracle's value, "
                         "'reward' the env's reward for it")
    if group_sampling not in ("uniform", "softmax"):
        raise ValueError(f"group_sampling={group_sampling!r} must be 'uniform' or 'softmax'")
    if isinstance(temperature, bool) or not isinstance(temperature, (int, float)) or not (
            math.isfinite(temperature) and temperature > 0):
        raise ValueError(f"temperature={temperature!r} must be a finite number > 0")
    per_state = n_repeats if groups_per_state is None else _positive_int("groups_per_state", groups_per_state)
    parse_truth(truth)  # a bad truth is refused before any work

    setup = prepare(env_id, env_kwargs, n_states, seed, truth, budgets, target, top_k, cache_dir, use_cache,
                    progress)
    if len(setup.truth) >= REPEAT_STRIDE:
        raise ValueError(f"{len(setup.truth)} pairs exceed the study's limit of {REPEAT_STRIDE - 1}; use fewer "
                         "states or top_k")
    sp, r_val = setup.pairs, setup.truth
    bounds = sp.bounds
    est, wall, failures = estimate_pairs(setup.env, setup.name, sp, budgets, n_repeats, seed, target,
                                         setup.budget_name, progress, setup.state_objs)
    rows = budget_rows(est, budgets, r_val, setup.truth_stderr, setup.truth_exact, bounds, wall, failures, tie_tol)
    grows = group_rows(est, budgets, r_val, bounds, [r["sec_per_estimate"] for r in rows], group_sizes,
                       per_state, group_sampling, temperature, seed, tie_tol) if group_sizes else []
    truly_best_frac = [float(np.mean(r_val[lo:hi] >= r_val[lo:hi].max() - tie_tol))
                       for lo, hi in zip(bounds[:-1], bounds[1:])]
    config = {
        "env_id": setup.name, "env_version": setup.version, "env_kwargs": setup.kwargs,
        "budget_name": setup.budget_name, "budgets": budgets, "states": n_states, "states_used": len(sp.states),
        "states_skipped_no_candidates": sp.skipped_states, "repeats": n_repeats, "seed": seed,
        "top_k": top_k, "tie_tol": tie_tol, "pairs": len(r_val), "target": target,
        "candidates_per_state": float(len(r_val) / len(sp.states)),
        "accuracy_random": float(np.mean(truly_best_frac)),
        "groups": ({"sizes": group_sizes, "sampling": group_sampling, "temperature": temperature,
                    "per_state": per_state} if group_sizes else None),
    }
    result = StudyResult(
        config=config, truth_info=setup.truth_info(truth), rows=rows, states=sp.states, pair_state=sp.pair_state,
        pair_action=[a for c in sp.cands for a in c], truth=r_val, truth_stderr=setup.truth_stderr,
        truth_exact=setup.truth_exact, estimates=est, seconds=time.perf_counter() - t_start, group_rows=grows,
        pair_label=sp.pair_label,
    )
    if out is not None:
        result.save(out, plots=plots)
    return result
