"""Batched scoring of programs against their tasks' tests, through the sandbox.

A :class:`CodeTask` is what the environment serves: the prompt, the entry point and a pool of tests, either

* ``mode="call"``: each test is a tuple of JSON arguments; the program's return value comes back as JSON
  and is compared here, in the parent, with the expected value (:func:`envs.code.problem.outputs_equal`);
  the expected values come from the trusted reference and never enter the sandbox; or
* ``mode="check"``: each test is one ``assert`` of a dataset's ``check(candidate)``, evaluated by the
  trusted worker, where every ``candidate(...)`` call is forwarded to the sandboxed program and its JSON
  result decoded back: every comparison is made outside the program's process.

Per-test time limits are calibrated against the reference: ``max(min_limit, factor * reference time)``
(defaults 1 s and 10x), measured once per task and cached.

:func:`run_programs` scores many (task, program, test subset) items at once across the sandbox's workers. A
sandbox failure on one item is that item's :class:`OracleFailure`, never the batch's.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from .problem import Problem, compile_solution, expected_output, outputs_equal, test_pool
from .sandbox import Sandbox

from ..core import OracleFailure

__all__ = ["CodeTask", "OracleFailure", "ProgramResult", "draw_tests", "run_programs", "task_from_problem"]

#: imports every program gets before it runs (LeetCode's usual preamble)
PREAMBLE = (
    "from typing import *\nfrom collections import *\nfrom itertools import *\nfrom functools import *\n"
    "from heapq import *\nfrom bisect import *\nimport math, heapq, bisect, collections, itertools, functools, "
    "string, re\n"
)
MIN_LIMIT = 1.0
LIMIT_FACTOR = 10.0
#: per-test limit of assert-based tests whose task has no reference to calibrate against
UNCALIBRATED_LIMIT = 4.0


@dataclass
class CodeTask:
    """One task as the environment serves it (see the module docstring for the two modes).

    Attributes:
        task_id, title, prompt: identity and the statement shown to the model.
        entry_point, style, signature: ``class Solution`` method or plain function, and its ``def`` line
            (or starter code).
        mode: ``"call"`` or ``"check"``.
        compare: comparison mode of ``"call"`` tests.
        reference, wrong: trusted correct source (or None) and label -> wrong source.
        preamble: source run in the sandbox before the program (imports, helper classes).
        check_preamble: trusted source run in the worker before each check (helpers the asserts use).
        difficulty, tags: labels.
        arity: number of positional arguments of the entry point (checked at load), or None.
    """

    task_id: str
    title: str
    prompt: str
    entry_point: str
    style: str
    signature: str
    mode: str = "call"
    compare: str = "exact"
    reference: str | None = None
    wrong: dict[str, str] = field(default_factory=dict)
    preamble: str = PREAMBLE
    check_preamble: str = ""
    difficulty: str | None = None
    tags: tuple[str, ...] = ()
    arity: int | None = None
    checks: list[str] | None = None  # mode "check": the assert fragments
    origin: str = ""  # where the task was loaded from (file:line), for error messages
    problem: Problem | None = field(default=None, repr=False)
    pool_size: int = 256
    pool_seed: int = 0
    _tests: list | None = field(default=None, repr=False)
    _expected: list | None = field(default=None, repr=False)
    _limits: list | None = field(default=None, repr=False)
    _lock: Any = field(default_factory=threading.Lock, repr=False, compare=False)

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_lock"] = None
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._lock = threading.Lock()

    # ------------------------------------------------------------- the pool
    def tests(self) -> list:
        """The test pool: JSON argument texts (``"call"``) or assert fragments (``"check"``)."""
        self._materialize()
        return self._tests

    def n_tests(self) -> int:
        if self.mode == "check":
            return len(self.checks or [])
        if self._tests is not None:
            return len(self._tests)
        if self.problem is not None:
            return len(self._pool_args())
        return 0

    def _pool_args(self) -> list:
        pool = self.__dict__.get("_pool_cache")
        if pool is None:
            pool = self.__dict__["_pool_cache"] = test_pool(self.problem, self.pool_size, self.pool_seed)
        return pool

    def expected(self, sandbox: Sandbox | None = None) -> list | None:
        """Expected values of call tests (computed by the reference: in this process for built-in problems,
        in the sandbox for loaded rows that give a reference instead of expected values)."""
        self._materialize()
        if self.mode == "call" and self._expected is None:
            with self._lock:
                if self._expected is None:
                    self._expected = self._expected_from_sandbox(sandbox)
        return self._expected

    def _expected_from_sandbox(self, sandbox: Sandbox | None) -> list:
        n = len(self._tests)
        if self.reference is None or sandbox is None:
            raise ValueError(f"{self.task_id}: tests without expected values need a reference and a sandbox")
        reply = sandbox.run(self.job(self.reference, list(range(n)), [30.0] * n))
        results = reply.get("results") or []
        if reply.get("status") != "ok" or len(results) != n or not all(r.get("ok") for r in results):
            bad = next((r.get("e") for r in results if not r.get("ok")), reply.get("error"))
            raise ValueError(f"{self.task_id}: the reference failed on its own tests ({bad})")
        if self._limits is None:
            self._limits = [max(MIN_LIMIT, LIMIT_FACTOR * float(r.get("s", 0.0))) for r in results]
        return [json.loads(r["v"]) for r in results]

    def limits(self, sandbox: Sandbox | None = None) -> list[float]:
        """Per-test time limits, calibrated against the reference (once, cached)."""
        self._materialize()
        if self._limits is None and self.mode == "call":
            self.expected(sandbox)
        if self._limits is None:
            with self._lock:
                if self._limits is None:
                    self._limits = self._calibrate(sandbox)
        return self._limits

    def _materialize(self) -> None:
        if self._tests is not None:
            return
        with self._lock:
            if self._tests is not None:
                return
            if self.mode == "check":
                self._tests = list(self.checks or [])
                return
            if self.problem is None:
                raise ValueError(f"{self.task_id}: a call-mode task without a problem must carry its tests")
            pool = self._pool_args()
            fn = compile_solution(self.problem.reference, self.problem.entry_point, self.problem.style)
            expected, limits = [], []
            for args in pool:
                t0 = time.perf_counter()
                expected.append(expected_output(fn, args))
                took = time.perf_counter() - t0
                if LIMIT_FACTOR * took > MIN_LIMIT / 4:  # a limit it may set: the least of 3 timings, so that
                    for _ in range(2):                    # other load on the machine does not inflate it
                        t0 = time.perf_counter()
                        expected_output(fn, args)
                        took = min(took, time.perf_counter() - t0)
                limits.append(max(MIN_LIMIT, LIMIT_FACTOR * took))
            self._expected = expected
            self._limits = limits
            self._tests = [json.dumps(list(args)) for args in pool]
            self.__dict__.pop("_pool_cache", None)

    def _calibrate(self, sandbox: Sandbox | None) -> list[float]:
        n = len(self._tests)
        if self.reference is None or sandbox is None:
            return [UNCALIBRATED_LIMIT] * n
        reply = sandbox.run(self.job(self.reference, list(range(n)), [30.0] * n))
        results = reply.get("results") or []
        if reply.get("status") != "ok" or len(results) != n:
            return [UNCALIBRATED_LIMIT] * n
        return [max(MIN_LIMIT, LIMIT_FACTOR * float(r.get("s", 0.0) or 0.0)) if r.get("ok") else UNCALIBRATED_LIMIT
                for r in results]

    def job(self, source: str, idx: Sequence[int], limits: Sequence[float]) -> dict:
        tests = self.tests()
        job = {"mode": self.mode, "source": source, "entry_point": self.entry_point, "style": self.style,
               "preamble": self.preamble, "tests": [tests[i] for i in idx], "limits": [float(x) for x in limits],
               "arity": self.arity}
        if self.mode == "check":
            job["check_preamble"] = self.check_preamble
        return job


def task_from_problem(problem: Problem, pool_size: int = 256, pool_seed: int = 0) -> CodeTask:
    """The task of a built-in :class:`Problem` (tests are generated lazily)."""
    starter = ("class Solution:\n    " + problem.signature) if problem.style == "class" else problem.signature
    prompt = (f"{problem.title}\n\n{problem.statement}\n\nComplete this signature:\n```python\n{starter}\n```")
    arity = _arity(problem.signature, problem.style)
    return CodeTask(task_id=problem.task_id, title=problem.title, prompt=prompt, entry_point=problem.entry_point,
                    style=problem.style, signature=starter, mode="call", compare=problem.compare,
                    reference=problem.reference, wrong=dict(problem.wrong), difficulty=problem.difficulty,
                    tags=tuple(problem.tags), arity=arity, problem=problem, pool_size=pool_size,
                    pool_seed=pool_seed)


def _arity(signature: str, style: str) -> int | None:
    import ast
    try:
        tree = ast.parse(signature.strip() + "\n    pass\n")
        fn = tree.body[0]
        n = len(fn.args.posonlyargs) + len(fn.args.args)
    except (SyntaxError, IndexError, AttributeError):
        return None
    return n - 1 if style == "class" else n


def draw_tests(n_pool: int, k: int, seed: int) -> list[int]:
    """``k`` pool indices for ``seed``: a seeded permutation of the pool, taken as a prefix (so the k tests of
    a seed are a prefix of its 2k: common random numbers); beyond the pool size, further permutations."""
    if n_pool <= 0:
        return []
    rng = np.random.default_rng(int(seed))
    out: list[int] = []
    while len(out) < k:
        out.extend(int(i) for i in rng.permutation(n_pool))
    return out[:k]


@dataclass
class ProgramResult:
    """What a program did on a subset of its task's tests.

    Attributes:
        testable: False when the program could not be tested (syntax error, missing entry point, wrong
            signature, crash or timeout at import).
        passed: pass flag per requested test.
        errors: per requested test, None or why it failed (timeout, exception, wrong answer...).
        error: why the program is untestable, else None.
        output: the first bytes of its stdout + stderr.
    """

    testable: bool
    passed: list[bool]
    errors: list[str | None]
    error: str | None = None
    output: str = ""

    @property
    def fraction(self) -> float:
        return float(np.mean(self.passed)) if self.passed else 0.0


def run_programs(sandbox: Sandbox, items: Sequence[tuple[CodeTask, str, Sequence[int]]], *,
                 max_timeouts: int = 2) -> list[ProgramResult | OracleFailure]:
    """Score ``(task, source, test indices)`` items in one batch across the sandbox's workers.

    After ``max_timeouts`` timed-out tests, the remaining tests of that item fail without running.
    """
    jobs: list[dict | None] = []
    out: list[ProgramResult | OracleFailure | None] = [None] * len(items)
    for i, (task, source, idx) in enumerate(items):
        try:
            limits = task.limits(sandbox)
            job = task.job(source, idx, [limits[j] for j in idx])
            job["max_timeouts"] = int(max_timeouts)
            jobs.append(job)
        except Exception as exc:  # noqa: BLE001 - a task that cannot be prepared fails this item only
            out[i] = OracleFailure(f"could not prepare the tests of {task.task_id}: {exc}")
            jobs.append(None)
    todo = [i for i, j in enumerate(jobs) if j is not None]
    replies = sandbox.run_many([jobs[i] for i in todo])
    for i, reply in zip(todo, replies):
        task, _, idx = items[i]
        try:
            out[i] = _interpret(task, list(idx), reply)
        except Exception as exc:  # noqa: BLE001 - a malformed reply is this item's oracle failure
            out[i] = OracleFailure(f"sandbox reply not understood: {exc}")
    return out  # type: ignore[return-value]


def _interpret(task: CodeTask, idx: list[int], reply: dict) -> ProgramResult | OracleFailure:
    status = reply.get("status")
    output = str(reply.get("out", ""))[:4096]
    if status == "load_error":
        return ProgramResult(False, [False] * len(idx), ["untestable"] * len(idx), str(reply.get("error")), output)
    if status != "ok":
        return OracleFailure(str(reply.get("error") or "sandbox error"))
    results = reply.get("results")
    if not isinstance(results, list) or len(results) != len(idx):
        return OracleFailure(f"sandbox returned {len(results) if isinstance(results, list) else 'no'} results "
                             f"for {len(idx)} tests")
    expected = task.expected() if task.mode == "call" else None
    passed, errors = [], []
    for j, r in zip(idx, results):
        ok = bool(isinstance(r, dict) and r.get("ok") is True)
        why = None if ok else str(r.get("e", "failed") if isinstance(r, dict) else "failed")
        if ok and task.mode == "call":
            try:  # whatever the program made of the record, a value it cannot back is a failed test
                ok = outputs_equal(json.loads(r["v"]), expected[j], task.compare)
                why = None if ok else "wrong answer"
            except Exception:  # noqa: BLE001 - e.g. RecursionError on a forged, deeply nested value
                ok, why = False, "unreadable return value"
        passed.append(ok)
        errors.append(why)
    return ProgramResult(True, passed, errors, None, output)
