"""Synthetic environments for the study's tests: Gaussian arms whose oracle noise is known exactly.

State: k arms with known means (JSON list). Action: an arm letter. The oracle at budget ``n`` returns the
arm's mean plus ``sigma`` times the mean of the first ``n`` standard normals of the seed's stream: Gaussian
noise of standard deviation ``sigma / sqrt(n)``, with common random numbers across budgets. The truth is the
mean (proven).
"""
from __future__ import annotations

import json

import numpy as np

from envs.core import Estimate, OracleFailure, TextEnv


class GaussArmsEnv(TextEnv):
    budget_name = "pulls"
    max_budget = 1 << 20
    answer_example = "<answer>A</answer>"

    def __init__(self, pulls: int = 16, arms: int = 5, sigma: float = 1.0, spread: float = 1.0,
                 offset: float = 0.0, **kwargs):
        super().__init__(**kwargs)
        self._set_budget(pulls)
        self.arms, self.sigma, self.spread, self.offset = int(arms), float(sigma), float(spread), float(offset)

    def _sample_state(self, rng):
        return [round(float(x), 4) for x in self.offset + self.spread * rng.uniform(0, 1, size=self.arms)]

    def encode_state(self, state):
        return json.dumps(list(state))

    def decode_state(self, text):
        return [float(x) for x in json.loads(text)]

    def render_prompt(self, state):
        return "Pick the best arm: " + ", ".join(f"{chr(65 + i)}={m}" for i, m in enumerate(state))

    def legal_actions(self, state):
        return [chr(65 + i) for i in range(len(state))]

    def parse_action(self, answer, state):
        a = answer.strip().upper()
        return a if len(a) == 1 and "A" <= a < chr(65 + len(state)) else None

    def _estimate_batch(self, states, actions, budget, seeds):
        out = []
        for state, action, seed in zip(states, actions, seeds):
            z = np.random.default_rng(int(seed)).standard_normal(budget)
            v = state[ord(action) - 65] + self.sigma * float(z.mean())
            out.append(Estimate(v, self.sigma / np.sqrt(budget), budget, False))
        return out

    def _truth_batch(self, states, actions):
        return [Estimate(state[ord(a) - 65], 0.0, 0, True) for state, a in zip(states, actions)]


class FlakyArmsEnv(GaussArmsEnv):
    """Gaussian arms whose oracle fails on about one seed in eight (a hash of the seed), and whose truth
    fails on arm E."""

    def _estimate_batch(self, states, actions, budget, seeds):
        out = super()._estimate_batch(states, actions, budget, seeds)
        return [OracleFailure("engine died") if (int(s) * 2654435761 >> 7) % 8 == 0 else e
                for e, s in zip(out, seeds)]

    def _truth_batch(self, states, actions, source=None):
        out = super()._truth_batch(states, actions)
        return [OracleFailure("no truth for E") if a == "E" else e for e, a in zip(out, actions)]


class SourcedArmsEnv(GaussArmsEnv):
    """Arm A's truth is proven; the others' is estimated at 4096 pulls. ``source="high:N"`` estimates all at N."""

    def __init__(self, **kw):
        super().__init__(**kw)
        self.sources: list = []

    def _truth_batch(self, states, actions, source=None):
        self.sources.append(source)
        if source is None:
            return [Estimate(s[ord(a) - 65], 0.0, 0, True) if a == "A" else
                    Estimate(s[ord(a) - 65] + 0.001, 0.01, 4096, False) for s, a in zip(states, actions)]
        if not source.startswith("high:"):
            raise ValueError(f"source={source!r}: SourcedArmsEnv accepts 'high:N'")
        n = int(source.split(":")[1])
        return [Estimate(s[ord(a) - 65] + 0.002, 0.01, n, False) for s, a in zip(states, actions)]


class LabelledArmsEnv(GaussArmsEnv):
    """Arms with candidate labels (as code and SVG give reference / wrong variants)."""

    def candidate_labels(self, state):
        state = self._as_state(state)
        best = max(range(len(state)), key=lambda i: state[i])
        return ["reference" if i == best else f"wrong:{i}" for i in range(len(state))]


class ThresholdRewardArmsEnv(GaussArmsEnv):
    """A reward hook that is not the value: +1 above 0.5, -1 otherwise (plus the format term)."""

    def reward_from_estimate(self, estimate, state):
        return self.format_reward + (1.0 if estimate.value > 0.5 else -1.0)
