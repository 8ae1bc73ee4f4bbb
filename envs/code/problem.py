"""A code problem: statement, signature, trusted reference, wrong variants and a seeded test generator.

The built-in problems (:mod:`envs.code.builtin`) and the loaders produce :class:`Problem` objects. A test is
one call: a tuple of JSON-serialisable arguments and the value the reference returns for them. The
reference is our own trusted code, so the expected values are computed in this process
(:func:`expected_output`); a model's program only ever runs in the sandbox.
"""
from __future__ import annotations

import copy
import json
import math
import random
from dataclasses import dataclass, field
from typing import Any, Callable

__all__ = ["COMPARES", "DIFFICULTIES", "Problem", "compile_solution", "expected_output", "outputs_equal",
           "test_pool"]

DIFFICULTIES = ("easy", "medium", "hard")
#: how a returned value is compared with the expected one
#: exact: equal after a JSON round trip (tuples become lists); float: numbers within 1e-6 (relative or
#: absolute), elementwise in lists; unordered: equal as multisets of JSON values (order of a list ignored);
#: unordered_nested: a list of lists, each inner list sorted, then the outer list sorted
COMPARES = ("exact", "float", "unordered", "unordered_nested")


@dataclass(frozen=True)
class Problem:
    """One problem. ``style="class"`` means ``class Solution`` with method ``entry_point``;
    ``style="function"`` a plain function ``entry_point``.

    Attributes:
        task_id: unique id, ``"builtin/<slug>"`` for the built-in set.
        title: short title.
        statement: the problem text (with examples), as shown to the model.
        entry_point: the method or function name.
        signature: the ``def`` line the model must implement, e.g.
            ``"def twoSum(self, nums: List[int], target: int) -> List[int]:"``.
        reference: the full Python source of a correct solution (imports included).
        wrong: label -> full source of a wrong variant (off_by_one, missed_edge, too_slow, wrong_type, ...).
        edge_cases: hand-written argument tuples, always part of the pool.
        generator: ``generator(rng: random.Random) -> tuple`` of arguments; seeded, JSON-serialisable.
        difficulty: ``"easy" | "medium" | "hard"``.
        tags: topic tags.
        style: ``"class"`` or ``"function"``.
        compare: one of :data:`COMPARES`.
        time_factor: tests of a ``too_slow`` variant should use inputs big enough that a quadratic
            algorithm exceeds the calibrated limit; informational.
    """

    task_id: str
    title: str
    statement: str
    entry_point: str
    signature: str
    reference: str
    wrong: dict[str, str]
    edge_cases: tuple = ()
    generator: Callable[[random.Random], tuple] | None = None
    difficulty: str = "easy"
    tags: tuple[str, ...] = ()
    style: str = "class"
    compare: str = "exact"
    extra: dict = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if self.style not in ("class", "function"):
            raise ValueError(f"{self.task_id}: style={self.style!r} must be 'class' or 'function'")
        if self.compare not in COMPARES:
            raise ValueError(f"{self.task_id}: compare={self.compare!r} must be one of {COMPARES}")
        if self.difficulty not in DIFFICULTIES:
            raise ValueError(f"{self.task_id}: difficulty={self.difficulty!r} must be one of {DIFFICULTIES}")


def compile_solution(source: str, entry_point: str, style: str) -> Callable:
    """The callable of a *trusted* source (a reference solution). Never call this on model output."""
    namespace: dict[str, Any] = {"__name__": "solution"}
    exec(compile(source, "<reference>", "exec"), namespace)  # noqa: S102 - trusted reference code only
    if style == "class":
        return getattr(namespace["Solution"](), entry_point)
    return namespace[entry_point]


def _canon(value: Any) -> Any:
    """JSON round trip: tuples become lists, dict keys strings; raises on non-serialisable values."""
    return json.loads(json.dumps(value))


def expected_output(fn: Callable, args: tuple) -> Any:
    """The reference's return value for ``args`` (deep-copied first, so in-place edits do not leak)."""
    return _canon(fn(*copy.deepcopy(list(args))))


def _floats_equal(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_floats_equal(x, y) for x, y in zip(a, b))
    return a == b


def _key(v: Any) -> str:
    return json.dumps(v, sort_keys=True)


def outputs_equal(got: Any, expected: Any, compare: str = "exact") -> bool:
    """Whether a (JSON-decoded) returned value equals the expected one under ``compare``."""
    if compare == "exact":
        return _key(got) == _key(expected)  # 1 != 1.0 != True, as JSON texts
    if compare == "float":
        return _floats_equal(got, expected)
    if not isinstance(got, list) or not isinstance(expected, list):
        return False
    if compare == "unordered":
        return sorted(map(_key, got)) == sorted(map(_key, expected))
    if not all(isinstance(x, list) for x in got):
        return False
    return sorted(_key(sorted(x, key=_key)) for x in got) == sorted(_key(sorted(x, key=_key)) for x in expected)


def test_pool(problem: Problem, size: int = 256, seed: int = 0, max_draws: int | None = None) -> list[tuple]:
    """The problem's pool of distinct test inputs: its edge cases, then generated inputs, deduplicated.

    Deterministic for a given ``seed``. Stops at ``size`` tests or after ``max_draws`` generator calls
    (default ``20 * size``), whichever comes first.
    """
    seen: set[str] = set()
    pool: list[tuple] = []
    for args in problem.edge_cases:
        k = _key(_canon(list(args)))
        if k not in seen:
            seen.add(k)
            pool.append(tuple(args))
    if problem.generator is not None:
        rng = random.Random(seed)
        draws = 0
        limit = 20 * size if max_draws is None else max_draws
        while len(pool) < size and draws < limit:
            args = tuple(problem.generator(rng))
            draws += 1
            k = _key(_canon(list(args)))
            if k not in seen:
                seen.add(k)
                pool.append(args)
    return pool[:size]


test_pool.__test__ = False  # not a pytest test, despite its name
