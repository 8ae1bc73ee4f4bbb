"""The built-in problem set A: fields, pools, references and wrong variants.

References are our own trusted code, so they run in-process (``compile_solution``). Every call runs under
an interval timer, so a variant that loops forever fails its test instead of hanging the suite.
"""
from __future__ import annotations

import copy
import functools
import ast
import json
import random
import re
import signal
import time

import pytest

from envs.code.builtin.set_a import PROBLEMS
from envs.code.problem import COMPARES, Problem, compile_solution, expected_output, outputs_equal, test_pool

KINDS = ("off_by_one", "missed_edge", "wrong_type", "too_slow", "wrong_logic")
POOL = 256
IDS = [p.task_id for p in PROBLEMS]


def _canon(value):
    return json.loads(json.dumps(value))


class _Timeout(Exception):
    pass


def _on_alarm(signum, frame):
    raise _Timeout()


def _timed_call(fn, args, cap: float):
    """(value or exception, seconds) of ``fn(*args)``, interrupted after ``cap`` seconds."""
    args = copy.deepcopy(list(args))  # outside the timed part: the sandbox decodes fresh arguments from JSON
    old = signal.signal(signal.SIGALRM, _on_alarm)
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, cap)  # pytest-timeout may have one set
    t0 = time.perf_counter()
    try:
        try:
            out = fn(*args)
        except _Timeout as e:
            out = e
        except Exception as e:  # a wrong variant may raise; that counts as a different result
            out = e
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        dt = time.perf_counter() - t0
        if old_delay > 0:  # give the outer timer back what is left of it
            signal.setitimer(signal.ITIMER_REAL, max(old_delay - dt, 1e-3), old_interval)
    if not isinstance(out, BaseException):
        try:
            out = _canon(out)
        except Exception as e:  # not JSON-serialisable
            out = e
    return out, dt


@functools.lru_cache(maxsize=None)
def _pool_and_expected(task_id: str):
    p = _by_id(task_id)
    ref = compile_solution(p.reference, p.entry_point, p.style)
    pool = test_pool(p, POOL)
    outs, times = [], []
    for args in pool:
        out, dt = _timed_call(ref, args, 5.0)
        assert not isinstance(out, BaseException), f"{task_id}: reference raised {out!r} on {str(args)[:200]}"
        if dt > 0.005:  # robust to a busy machine: the best of a few runs
            dt = min([dt] + [_timed_call(ref, args, 5.0)[1] for _ in range(2)])
        outs.append(out)
        times.append(dt)
    return pool, outs, times


def _by_id(task_id: str) -> Problem:
    return next(p for p in PROBLEMS if p.task_id == task_id)


def test_ids_unique_and_count():
    assert len(IDS) == len(set(IDS))
    assert len(PROBLEMS) >= 10
    slugs = [i.split("/", 1)[1] for i in IDS]
    assert all(i.startswith("builtin/") for i in IDS)
    assert all(s and s == s.lower() and " " not in s for s in slugs)


def test_mix_of_styles_and_difficulties():
    styles = [p.style for p in PROBLEMS]
    assert 0.2 <= styles.count("function") / len(styles) <= 0.5
    diffs = {p.difficulty for p in PROBLEMS}
    assert diffs == {"easy", "medium", "hard"}


@pytest.mark.parametrize("task_id", IDS)
def test_fields(task_id):
    p = _by_id(task_id)
    assert p.title and p.statement.strip()
    assert "Example" in p.statement and "Constraints" in p.statement
    assert all(ord(c) < 128 or c in "≤≥" for c in p.statement), "statement must be ASCII (plus ≤ ≥)"
    assert p.signature.startswith("def ") and f"def {p.entry_point}(" in p.signature
    assert ("self" in p.signature) == (p.style == "class")
    assert "->" in p.signature
    assert p.compare in COMPARES
    assert p.tags and all(isinstance(t, str) for t in p.tags)
    assert p.signature in p.reference, "the reference implements the given signature"
    assert len(p.wrong) >= 3
    for label, src in p.wrong.items():
        assert label.startswith(KINDS), label
        assert src != p.reference
        compile_solution(src, p.entry_point, p.style)  # compiles and defines the entry point
    if any(label.startswith("too_slow") for label in p.wrong):
        assert p.edge_cases, "a too_slow variant needs a large edge case"
    for args in p.edge_cases:
        assert isinstance(args, tuple)
        json.dumps(list(args))
    rng = random.Random(7)
    for _ in range(20):
        args = p.generator(rng)
        assert isinstance(args, tuple)
        assert json.loads(json.dumps(list(args))) == list(args), "generated args survive a JSON round trip"


@pytest.mark.parametrize("task_id", IDS)
def test_pool_and_reference(task_id):
    p = _by_id(task_id)
    pool, outs, times = _pool_and_expected(task_id)
    assert len(pool) >= 200, f"only {len(pool)} distinct tests"
    n_edge = len(p.edge_cases)
    gen_times = sorted(times[n_edge:])
    # generated inputs stay small: the reference is quick on (almost) all of them, even on a busy machine
    assert gen_times[len(gen_times) * 9 // 10] < 0.005, f"90th percentile {gen_times[len(gen_times) * 9 // 10]}"
    assert max(times) < 0.5
    for out in outs:
        json.dumps(out)
        assert outputs_equal(out, out, p.compare)
    # the reference is deterministic
    ref = compile_solution(p.reference, p.entry_point, p.style)
    for args, out in list(zip(pool, outs))[n_edge:n_edge + 20]:
        assert outputs_equal(expected_output(ref, args), out, p.compare)


@pytest.mark.parametrize("task_id", IDS)
def test_wrong_variants_fail_some_test(task_id):
    p = _by_id(task_id)
    pool, outs, _ = _pool_and_expected(task_id)
    for label, src in p.wrong.items():
        if label.startswith("too_slow"):
            continue
        fn = compile_solution(src, p.entry_point, p.style)
        for args, want in zip(pool, outs):
            got, _ = _timed_call(fn, args, 2.0)
            if isinstance(got, BaseException) or not outputs_equal(got, want, p.compare):
                break
        else:
            pytest.fail(f"{task_id}: wrong variant {label!r} passes the whole pool")


SLOW = [(p.task_id, label) for p in PROBLEMS for label in p.wrong if label.startswith("too_slow")]


@pytest.mark.parametrize("task_id,label", SLOW)
def test_too_slow_variant_is_slow(task_id, label):
    """On the largest edge case the variant takes at least 40 x the reference and at least 0.5 s, while the
    reference is fast; the variant is stopped at that cap."""
    p = _by_id(task_id)
    big = max(p.edge_cases, key=lambda a: len(json.dumps(list(a))))
    ref = compile_solution(p.reference, p.entry_point, p.style)
    t_ref = min(_timed_call(ref, big, 5.0)[1] for _ in range(3))
    # under 50 ms on an idle machine; the bound leaves room for a busy one
    assert t_ref < 0.2, f"reference takes {t_ref:.3f} s on the big case"
    cap = max(40 * t_ref, 0.5)
    slow = compile_solution(p.wrong[label], p.entry_point, p.style)
    out, dt = _timed_call(slow, big, cap)
    assert isinstance(out, _Timeout), f"{label} finished in {dt:.3f} s (reference {t_ref:.4f} s)"
    # and it is right wherever it finishes quickly: only its speed is wrong
    pool, outs, _ = _pool_and_expected(task_id)
    finished = timeouts = 0
    for args, want in zip(pool, outs):
        if finished >= 10 or timeouts >= 3:
            break
        got, _ = _timed_call(slow, args, 0.1)
        if isinstance(got, _Timeout):
            timeouts += 1
            continue
        finished += 1
        assert not isinstance(got, BaseException) and outputs_equal(got, want, p.compare), (label, args)
    assert finished >= 5


_EXAMPLE = re.compile(r"^\s*Example \d+: (.*?) -> (.*?)(?:\s{2,}\(.*\))?\s*$")


def _examples(p: Problem) -> list[tuple[str, tuple, object]]:
    """The statement's one-line examples "Example k: a = 1, b = [2] -> 3  (comment)" as (line, args, want)."""
    params = p.signature[p.signature.index("(") + 1:p.signature.rindex(")")].split(",")
    names = [a.split(":")[0].strip() for a in params if a.split(":")[0].strip() != "self"]
    text = re.sub(r"\n\s+->", " ->", p.statement)
    out = []
    for line in text.splitlines():
        m = _EXAMPLE.match(line)
        if m:
            kw = eval("dict(" + m.group(1).replace("^", "**") + ")", {"__builtins__": {"dict": dict}})  # noqa: S307
            out.append((line, tuple(kw[n] for n in names), ast.literal_eval(m.group(2))))
    return out


@pytest.mark.parametrize("task_id", IDS)
def test_statement_examples_match_the_reference(task_id):
    p = _by_id(task_id)
    examples = _examples(p)
    assert len(examples) >= 2, "each statement shows at least two examples in the parseable form"
    ref = compile_solution(p.reference, p.entry_point, p.style)
    for line, args, want in examples:
        assert outputs_equal(expected_output(ref, args), _canon(want), p.compare), line
