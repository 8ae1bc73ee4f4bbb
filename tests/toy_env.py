"""A tiny environment with a known exact reward, for testing the shared core, trainers and the study.

State: k coins with known head probabilities. Action: a coin letter ("A", "B", ...). The oracle flips the
chosen coin ``budget`` times and returns the head fraction (unbiased, variance p(1-p)/budget); with
``laplace=True`` it returns (heads + 1) / (budget + 2), whose bias (1 - 2p) / (budget + 2) is known. The
uniform numbers of seed s are the same stream at every budget, so budgets share common random numbers.
"""
from __future__ import annotations

import json
import math

import numpy as np

from envs.core import Estimate, TextEnv


class ToyCoinsEnv(TextEnv):
    budget_name = "flips"
    max_budget = 1 << 20
    conformance_kwargs = [{"flips": 3, "coins": 2}, {"laplace": True, "format_reward": 0.0}]
    answer_example = "<answer>A</answer>"

    def __init__(self, flips: int = 16, coins: int = 4, laplace: bool = False, **kwargs):
        super().__init__(**kwargs)
        if coins < 1 or coins > 26:
            raise ValueError(f"coins={coins!r} must be in 1..26")
        self._set_budget(flips)
        self.coins = coins
        self.laplace = laplace

    def _sample_state(self, rng):
        return [round(float(p), 3) for p in rng.uniform(0.05, 0.95, size=self.coins)]

    def encode_state(self, state):
        return json.dumps(state)

    def decode_state(self, text):
        try:
            state = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"state {text[:40]!r} is not a JSON list of probabilities") from exc
        return [float(p) for p in state]

    def render_prompt(self, state):
        lines = [f"{chr(65 + i)}: heads with probability {p:.3f}" for i, p in enumerate(state)]
        return "Pick the coin most likely to land heads.\n" + "\n".join(lines)

    def legal_actions(self, state):
        return [chr(65 + i) for i in range(len(state))]

    def parse_action(self, answer, state):
        answer = answer.strip().upper()
        return answer if len(answer) == 1 and answer.isalpha() else None

    def _estimate_batch(self, states, actions, budget, seeds):
        out = []
        for state, action, seed in zip(states, actions, seeds):
            p = state[ord(action) - 65]
            u = np.random.default_rng(int(seed)).random(budget)
            heads = float(np.sum(u < p))
            if self.laplace:
                value = (heads + 1.0) / (budget + 2.0)
            else:
                value = heads / budget
            out.append(Estimate(value, math.sqrt(max(value * (1 - value), 0.0) / budget), budget, False))
        return out

    def samples(self, state, action, budget, seed):
        if self.laplace:
            return None  # a smoothed value is not the mean of the flips
        state = self._as_state(state)
        u = np.random.default_rng(int(seed)).random(int(budget))
        return (u < state[ord(action) - 65]).astype(np.float64)

    def _truth_batch(self, states, actions):
        return [Estimate(state[ord(a) - 65], 0.0, 0, True) for state, a in zip(states, actions)]
