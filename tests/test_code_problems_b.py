"""The built-in problem set B: fields, pools, reference timing, wrong variants that fail, slow variants.

Everything here runs our own trusted sources (references and their wrong variants) in-process through
``compile_solution``; a wrong variant's call runs under a wall-clock alarm so that a loop cannot hang the
suite, and a ``too_slow`` variant runs in a subprocess with a time cap.
"""
from __future__ import annotations

import copy
import functools
import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest

from envs.code.builtin.set_b import PROBLEMS
from envs.code.problem import COMPARES, DIFFICULTIES, compile_solution, expected_output, outputs_equal, test_pool

WRONG_KINDS = {"off_by_one", "missed_edge", "wrong_type", "too_slow", "wrong_logic"}
POOL = 256
IDS = [p.task_id for p in PROBLEMS]


class _Alarm(BaseException):  # not swallowed by an `except Exception` in a variant
    pass


def _on_alarm(signum, frame):
    raise _Alarm()


def _call_capped(fn, args, cap: float):
    """``fn(*deepcopy(args))`` under a wall-clock alarm of ``cap`` seconds; raises _Alarm when over."""
    args = copy.deepcopy(list(args))
    old = signal.signal(signal.SIGALRM, _on_alarm)
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, cap)  # pytest-timeout may have one set
    t0 = time.perf_counter()
    try:
        return fn(*args)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        if old_delay > 0:  # give the outer timer back what is left of it
            signal.setitimer(signal.ITIMER_REAL, max(old_delay - (time.perf_counter() - t0), 1e-3), old_interval)


def _canon(value):
    return json.loads(json.dumps(value))


@functools.lru_cache(maxsize=None)
def _pool_and_expected(task_id: str):
    """(pool, expected outputs, per-test reference seconds) of a problem, computed once."""
    p = next(q for q in PROBLEMS if q.task_id == task_id)
    pool = test_pool(p, POOL)
    fn = compile_solution(p.reference, p.entry_point, p.style)
    expected, times = [], []
    for args in pool:
        t0 = time.perf_counter()
        expected.append(expected_output(fn, args))
        elapsed = time.perf_counter() - t0
        if elapsed > 0.01:  # re-time outliers: on a busy machine one call may be descheduled
            for _ in range(2):
                t0 = time.perf_counter()
                expected_output(fn, args)
                elapsed = min(elapsed, time.perf_counter() - t0)
        times.append(elapsed)
    return pool, expected, times


def test_set_size_ids_and_mix():
    assert len(PROBLEMS) >= 60
    assert len(set(IDS)) == len(IDS), [i for i in IDS if IDS.count(i) > 1]
    try:
        from envs.code.builtin.set_a import PROBLEMS as A  # the other half, when present
    except ImportError:
        A = []
    assert not set(IDS) & {p.task_id for p in A}
    styles = [p.style for p in PROBLEMS]
    assert 0.2 <= styles.count("function") / len(styles) <= 0.45
    diffs = {p.difficulty for p in PROBLEMS}
    assert diffs == set(DIFFICULTIES)


@pytest.mark.parametrize("p", PROBLEMS, ids=IDS)
def test_fields(p):
    assert re.fullmatch(r"builtin/[a-z0-9]+(-[a-z0-9]+)*", p.task_id)
    assert p.title and p.statement
    bad = {c for c in p.statement if ord(c) > 126 and c not in "≤≥"}
    assert not bad, bad
    assert "Example" in p.statement and "Constraints" in p.statement
    assert p.signature.startswith(f"def {p.entry_point}(")
    assert ("self" in p.signature) == (p.style == "class")
    assert p.signature in p.reference
    assert p.difficulty in DIFFICULTIES and p.compare in COMPARES and p.tags
    assert len(p.wrong) >= 3 and {re.sub(r"_\d$", "", k) for k in p.wrong} <= WRONG_KINDS, sorted(p.wrong)
    assert len([k for k in p.wrong if k != "too_slow"]) >= 3
    for src in [p.reference, *p.wrong.values()]:
        compile_solution(src, p.entry_point, p.style)  # defines the entry point
        assert ("class Solution" in src) == (p.style == "class")
    assert len(set(p.wrong.values())) == len(p.wrong) and p.reference not in p.wrong.values()
    for args in p.edge_cases:
        assert isinstance(args, tuple) and _canon(list(args)) == list(args)
    import random
    rng = random.Random(1)
    for _ in range(20):
        args = p.generator(rng)
        assert isinstance(args, tuple) and _canon(list(args)) == list(args)  # no tuples, sets, classes


@pytest.mark.parametrize("p", PROBLEMS, ids=IDS)
def test_pool_and_reference(p):
    pool, expected, times = _pool_and_expected(p.task_id)
    assert len(pool) >= 200
    # generated inputs are small; the edge cases may hold one big input for a too_slow variant
    gen_times = sorted(times[len(p.edge_cases):])
    assert gen_times[len(gen_times) // 2] < 0.005 and gen_times[-1] < 0.1, (gen_times[-1], p.task_id)
    assert max(times) < 0.25
    assert len({json.dumps(e, sort_keys=True) for e in expected}) >= 2  # the answer is not a constant
    for e in expected:
        assert outputs_equal(e, e, p.compare)
    fn = compile_solution(p.reference, p.entry_point, p.style)
    for args in pool[:40]:  # the reference leaves its arguments alone
        mine = copy.deepcopy(list(args))
        fn(*mine)
        assert mine == list(args)


@pytest.mark.parametrize("p", PROBLEMS, ids=IDS)
def test_wrong_variants_fail_some_pool_test(p):
    pool, expected, _ = _pool_and_expected(p.task_id)
    for kind, src in p.wrong.items():
        if kind == "too_slow":
            continue
        fn = compile_solution(src, p.entry_point, p.style)
        differs = False
        for args, exp in zip(pool, expected):
            try:
                got = _canon(_call_capped(fn, args, 0.5))
            except (_Alarm, Exception):  # an exception (or a runaway loop) fails the test
                differs = True
                break
            if not outputs_equal(got, exp, p.compare):
                differs = True
                break
        assert differs, f"{p.task_id}: wrong variant {kind!r} passes the whole pool"


_SLOW_RUNNER = r"""
import json, signal, sys, time
src, entry, style, args, cap = json.loads(sys.stdin.read())
namespace = {"__name__": "solution"}
exec(compile(src, "<variant>", "exec"), namespace)
fn = getattr(namespace["Solution"](), entry) if style == "class" else namespace[entry]
class Over(BaseException):
    pass
def on_alarm(signum, frame):
    raise Over()
signal.signal(signal.SIGALRM, on_alarm)
t0 = time.perf_counter()
try:
    signal.setitimer(signal.ITIMER_REAL, cap)
    fn(*args)
    out = time.perf_counter() - t0
except Over:
    out = None
finally:
    signal.setitimer(signal.ITIMER_REAL, 0)
print(json.dumps(out))
"""

SLOW = [p for p in PROBLEMS if "too_slow" in p.wrong]


@pytest.mark.parametrize("p", SLOW, ids=[p.task_id for p in SLOW])
def test_too_slow_variant_is_40x_slower(p):
    big = max(p.edge_cases, key=lambda a: len(json.dumps(list(a))))
    ref = compile_solution(p.reference, p.entry_point, p.style)
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        ref(*copy.deepcopy(list(big)))
        runs.append(time.perf_counter() - t0)
    ref_time = sorted(runs)[1]
    assert ref_time < 0.1, ref_time
    cap = max(40 * ref_time, 0.05)  # at least 40x slower (and slow enough to measure on a busy machine)
    payload = json.dumps([p.wrong["too_slow"], p.entry_point, p.style, list(big), cap])
    proc = subprocess.run([sys.executable, "-I", "-S", "-c", _SLOW_RUNNER], input=payload, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    slow_time = json.loads(proc.stdout.strip().splitlines()[-1])
    # None: the alarm fired at 40x the reference's time
    assert slow_time is None or slow_time >= cap, (slow_time, ref_time)


@pytest.mark.parametrize("p", SLOW, ids=[p.task_id for p in SLOW])
def test_too_slow_variant_agrees_on_small_inputs(p):
    """A too_slow variant is a correct brute force: it must agree with the reference on small inputs."""
    pool, expected, _ = _pool_and_expected(p.task_id)
    fn = compile_solution(p.wrong["too_slow"], p.entry_point, p.style)
    smallest = sorted(zip(pool, expected), key=lambda t: len(json.dumps(list(t[0]))))[:40]
    checked = 0
    for args, exp in smallest:
        try:
            got = _canon(_call_capped(fn, args, 0.05))
        except _Alarm:
            continue
        assert outputs_equal(got, exp, p.compare), (args, got, exp)
        checked += 1
    assert checked >= 10


def _examples(statement: str) -> list[tuple[str, str]]:
    return re.findall(r"^Input: (.+)\nOutput: (.+)$", statement, flags=re.M)


@pytest.mark.parametrize("p", PROBLEMS, ids=IDS)
def test_statement_examples_match_the_reference(p):
    """Every worked example in the statement names the signature's parameters and gives the reference's answer."""
    examples = _examples(p.statement)
    assert examples, "no Input:/Output: example"
    fn = compile_solution(p.reference, p.entry_point, p.style)
    params = re.findall(r"(\w+):", p.signature.split("(", 1)[1].rsplit(")", 1)[0])
    for given, shown in examples:
        kwargs = eval(f"dict({given})")  # noqa: S307 - our own statement text
        assert list(kwargs) == params, (kwargs, params)
        expected = _canon(eval(shown))  # noqa: S307
        got = _canon(fn(**copy.deepcopy(kwargs)))
        assert outputs_equal(got, expected, p.compare), (given, got, shown)
    if p.compare != "exact":
        assert "any order" in p.statement or "1e-6" in p.statement


def test_pools_do_not_depend_on_the_hash_seed():
    """A pool is a function of its seed only: the same in another process with another string-hash seed."""
    import subprocess as sp
    script = ("import json; from envs.code.builtin.set_b import PROBLEMS; from envs.code.problem import test_pool; "
              "print(json.dumps({p.task_id: [list(a) for a in test_pool(p, 64, seed=3)] for p in PROBLEMS}))")
    here = {p.task_id: _canon([list(a) for a in test_pool(p, 64, seed=3)]) for p in PROBLEMS}
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    hash_seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"  # differs from this process's seed
    env = dict(os.environ, PYTHONPATH=root, PYTHONHASHSEED=hash_seed)
    out = sp.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    there = json.loads(out.stdout)
    assert [k for k in here if here[k] != there[k]] == []
