"""The value every reward oracle returns: an estimate with its uncertainty and its budget."""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

__all__ = ["Estimate"]


@dataclass(frozen=True)
class Estimate:
    """A reward oracle's estimate of one action's value.

    Attributes:
        value: the estimate (for games the mover's win-rate in [0, 1], for code the pass fraction, ...).
        stderr: its standard error (0.0 when ``exact``).
        budget: the budget spent on it, in the environment's own unit (rollouts, tests, pixels).
        exact: True when the value is a ground truth rather than a sample estimate.
    """

    value: float
    stderr: float
    budget: int
    exact: bool = False

    def __post_init__(self) -> None:
        if not math.isfinite(self.value):
            raise ValueError(f"Estimate.value must be finite, got {self.value!r}")
        if not (self.stderr >= 0.0 and math.isfinite(self.stderr)):
            raise ValueError(f"Estimate.stderr must be finite and >= 0, got {self.stderr!r}")

    def to_dict(self) -> dict:
        """Plain-dict form, as stored in ``info["estimate"]``."""
        return asdict(self)

    @classmethod
    def from_mean(cls, samples_mean: float, samples_var: float, n: int) -> "Estimate":
        """Estimate from the mean and (population) variance of ``n`` i.i.d. samples."""
        if n <= 0:
            raise ValueError(f"n must be a positive number of samples, got {n!r}")
        stderr = math.sqrt(max(samples_var, 0.0) / n) if n > 1 else 0.0
        return cls(float(samples_mean), float(stderr), int(n), False)
