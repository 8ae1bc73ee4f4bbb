"""Play episodes of any registered environment with a policy and report the metrics users compare."""
from __future__ import annotations

import math
from typing import Any, Callable, Sequence

__all__ = ["evaluate"]


def evaluate(env_id: str, policy: Any, episodes: int, *, seed: int = 0, progress: bool = True,
             max_steps: int = 1000, **env_kwargs: Any) -> dict:
    """Play ``episodes`` episodes of ``env_id`` with ``policy`` and return the metrics as a dict.

    Episodes run in lockstep, so each decision of every live episode goes to the policy in one batch.
    Episode ``i`` is reset with seed ``seed + i``. Each turn shows the model the env's system prompt and its
    current observation.

    Args:
        env_id: a registered environment id.
        policy: an :class:`agents.LLMPolicy`, or any object with ``generate(list_of_conversations) -> texts``
            (exactly one text per conversation, in order; otherwise a ValueError names both counts).
        episodes: number of episodes.
        seed: base seed.
        progress: show a tqdm progress bar (one tick per finished episode).
        max_steps: decisions after which a still-running episode is cut off (counted as truncated).
        **env_kwargs: environment arguments (e.g. ``rollouts=64``).

    Returns:
        ``episodes``, ``steps``, ``mean_reward`` (mean episode return) and ``reward_std``, ``format_rate``
        (well-formed answers / answers), ``illegal_rate`` (well-formed but illegal answers / answers),
        ``oracle_error_rate`` (answers the oracle failed to value / answers), ``mean_estimate`` and
        ``mean_stderr`` (the oracle's value of the legal answers and its standard error: a win-rate for
        games, a pass fraction for code); ``pass_rate`` (legal answers whose value is 1) only for envs
        whose class sets ``reports_pass_rate = True`` (code: the value is a pass fraction); and, where the
        env reports outcomes (``info["outcome"]``: whole games), an ``outcomes`` count and one rate per
        outcome over the episodes, ``win_rate``, ``draw_rate``, ``loss_rate``, ``invalid_rate`` (ended on
        a malformed or illegal answer) and ``unfinished_rate`` (cut off by ``max_steps`` or truncated),
        which add up to 1; plus ``env_id``, ``env_kwargs`` and ``seed``.
    """
    from .data import make_env

    if isinstance(episodes, bool) or not isinstance(episodes, int) or episodes < 1:
        raise ValueError(f"episodes={episodes!r} must be a positive integer")
    generate: Callable[[Sequence], list] = getattr(policy, "generate", None)
    if generate is None:
        raise TypeError(f"policy {policy!r} has no generate(conversations) method; use agents.LLMPolicy")
    envs_ = [make_env(env_id, **env_kwargs) for _ in range(episodes)]
    obs = []
    for i, env in enumerate(envs_):
        o, _ = env.reset(seed=seed + i)
        obs.append(o)
    returns = [0.0] * episodes
    outcome: list[str | None] = [None] * episodes
    live = list(range(episodes))
    answers = well_formed = illegal = oracle_errors = 0
    episodic = False
    values: list[float] = []
    stderrs: list[float] = []
    bar = _progress(episodes, env_id) if progress else None
    steps = 0
    truncated = 0
    while live:
        conversations = [[{"role": "system", "content": envs_[i].system_prompt()},
                          {"role": "user", "content": obs[i]}] for i in live]
        replies = list(generate(conversations))
        if len(replies) != len(conversations):
            raise ValueError(f"policy {policy!r:.80} returned {len(replies)} replies for {len(conversations)} "
                             "conversations; generate(conversations) must return exactly one reply per "
                             "conversation, in order")
        still = []
        for i, reply in zip(live, replies):
            o, r, term, trunc, info = envs_[i].step(reply)
            obs[i] = o
            returns[i] += float(r)
            answers += 1
            well_formed += bool(info.get("format_ok"))
            illegal += bool(info.get("format_ok")) and not info.get("legal")
            oracle_errors += info.get("oracle_error") is not None
            est = info.get("estimate")
            if est is not None:
                values.append(float(est["value"]))
                stderrs.append(float(est["stderr"]))
            if info.get("outcome") is not None:
                outcome[i] = str(info["outcome"])
                episodic = True
            elif term and not (info.get("format_ok") and info.get("legal")):
                outcome[i] = "invalid"  # ended by a malformed or illegal answer
            if term or trunc:
                if bar is not None:
                    bar.update(1)
            else:
                still.append(i)
                episodic = True  # an episode of several decisions: whole games, whose outcomes count
        live = still
        steps += 1
        if steps >= max_steps and live:
            truncated = len(live)
            break
    if bar is not None:
        bar.close()
    return _summary(env_id, env_kwargs, seed, returns, answers, well_formed, illegal, values, stderrs,
                    outcome if episodic else None, truncated, oracle_errors)


#: outcome labels every env reports the same way; an episode with none is "unfinished"
OUTCOMES = ("win", "draw", "loss", "invalid", "unfinished")


def _summary(env_id, env_kwargs, seed, returns, answers, well_formed, illegal, values, stderrs, outcome,
             truncated, oracle_errors=0) -> dict:
    from .data import env_class

    n = len(returns)
    mean = sum(returns) / n
    out: dict[str, Any] = {
        "env_id": env_id,
        "env_kwargs": dict(env_kwargs),
        "seed": seed,
        "episodes": n,
        "steps": answers,
        "truncated": truncated,
        "mean_reward": mean,
        "reward_std": math.sqrt(sum((r - mean) ** 2 for r in returns) / n),
        "format_rate": well_formed / answers if answers else 0.0,
        "illegal_rate": illegal / answers if answers else 0.0,
        "oracle_error_rate": oracle_errors / answers if answers else 0.0,
        "mean_estimate": sum(values) / len(values) if values else None,
        "mean_stderr": sum(stderrs) / len(stderrs) if stderrs else None,
    }
    if getattr(env_class(env_id), "reports_pass_rate", False):
        # only where the oracle's value is a pass fraction (code): legal answers that pass everything
        out["pass_rate"] = sum(v >= 1.0 - 1e-12 for v in values) / len(values) if values else 0.0
    if outcome is not None:
        # episodes of several decisions (or an env that reports outcomes): one rate per way an episode
        # ended, over all episodes, adding up to 1
        labels = [_outcome_label(o) for o in outcome]
        counts = {key: labels.count(key) for key in dict.fromkeys([*OUTCOMES, *labels])}
        out["outcomes"] = counts
        for key, count in counts.items():
            out[f"{key}_rate"] = count / n
    return out


def _outcome_label(outcome: str | None) -> str:
    if outcome is None:
        return "unfinished"
    low = outcome.lower()
    for key in OUTCOMES:
        if low.startswith(key):
            return key
    return low


def _progress(total: int, desc: str):
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit="episode")
