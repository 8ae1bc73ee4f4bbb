"""What every reward oracle returns per query: an :class:`Estimate`, or an :class:`OracleFailure`."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

__all__ = ["Estimate", "OracleFailure"]


@dataclass(frozen=True)
class Estimate:
    """A reward oracle's estimate of one action's value.

    Attributes:
        value: the estimate (for games the mover's win-rate in [0, 1], for code the pass fraction, ...).
        stderr: its standard error (0.0 when ``exact``).
        budget: the budget spent on it, in the environment's own unit (rollouts, tests, pixels).
        exact: True when the value is a ground truth rather than a sample estimate.
        info: details the oracle reports beside the value (per-test results, distance to mate, the winning
            plays, ...). They are merged into the step's ``info``; they are not part of :meth:`to_dict` and
            do not take part in comparisons.
    """

    value: float
    stderr: float
    budget: int
    exact: bool = False
    info: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not math.isfinite(self.value):
            raise ValueError(f"Estimate.value must be finite, got {self.value!r}")
        if not (self.stderr >= 0.0 and math.isfinite(self.stderr)):
            raise ValueError(f"Estimate.stderr must be finite and >= 0, got {self.stderr!r}")

    def to_dict(self) -> dict:
        """Plain-dict form, as stored in ``info["estimate"]``: ``{value, stderr, budget, exact}``."""
        return {"value": self.value, "stderr": self.stderr, "budget": self.budget, "exact": self.exact}

    @classmethod
    def from_mean(cls, samples_mean: float, samples_var: float, n: int) -> "Estimate":
        """Estimate from the mean and (population) variance of ``n`` i.i.d. samples."""
        if n <= 0:
            raise ValueError(f"n must be a positive number of samples, got {n!r}")
        stderr = math.sqrt(max(samples_var, 0.0) / n) if n > 1 else 0.0
        return cls(float(samples_mean), float(stderr), int(n), False)


@dataclass(frozen=True)
class OracleFailure:
    """The oracle could not value one query (an engine died, a sandbox error, a renderer crash).

    An oracle puts one in place of that query's :class:`Estimate`; the rest of the batch is scored as
    usual. A step scores it as ``oracle_error_reward`` with ``info["oracle_error"] = reason``; trainer
    adapters give the sample ``None`` so that it is skipped, and the study drops the pair and counts it.
    """

    reason: str

    def __bool__(self) -> bool:  # so that ``if est:`` never mistakes a failure for a value
        return False
