"""Synthetic environments for the study's tests: Gaussian arms whose oracle noise is known exactly.

State: k arms with known means (JSON list). Action: an arm letter. The oracle at budget ``n`` returns the
arm's mean plus ``sigma`` times the mean of the first ``n`` standard normals of the seed's stream: Gaussian
noise of standard deviation ``sigma / sqrt(n)``, with common random numbers across budgets. The truth is the
mean (proven).
"""
from __future__ import annotations

import json

import numpy as np

from envs.core import Estimate, TextEnv


class GaussArmsEnv(TextEnv):
    budget_name = "pulls"
    max_budget = 1 << 20
    answer_example = "<answer>A</answer>"

    def __init__(self, pulls: int = 16, arms: int = 5, sigma: float = 1.0, spread: float = 1.0,
                 offset: float = 0.0, **kwargs):
        super().__init__(**kwargs)
        if hasattr(self, "_set_budget"):
            self._set_budget(pulls)
        else:
            self.budget = self._check_budget(pulls)
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
