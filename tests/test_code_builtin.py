"""The built-in problem set: its shape, and through the sandbox, every reference passes its whole pool and
every wrong variant fails at least one test of it (over whatever set modules are present)."""
import json

import pytest

from envs.code.builtin import MODULES, load_builtin
from envs.code.problem import COMPARES, DIFFICULTIES, test_pool
from envs.code.runner import run_programs, task_from_problem
from envs.code.sandbox import Sandbox

PROBLEMS = load_builtin()
IDS = [p.task_id for p in PROBLEMS]


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox(workers=2) as sb:
        yield sb


def test_task_ids_are_unique_and_core_is_present():
    assert len(IDS) == len(set(IDS))
    assert sum(i.startswith("builtin/") for i in IDS) == len(IDS)
    assert len(PROBLEMS) >= 10
    assert MODULES[0] == "set_core"


def test_duplicate_ids_are_refused(monkeypatch):
    import envs.code.builtin as b
    from envs.code.builtin import set_core
    monkeypatch.setattr(b, "_CACHE", None)
    monkeypatch.setattr(set_core, "PROBLEMS", set_core.PROBLEMS + set_core.PROBLEMS[:1])
    with pytest.raises(ValueError, match="duplicate task id"):
        b.load_builtin()


def test_core_set_covers_both_styles_and_every_compare_mode():
    from envs.code.builtin.set_core import PROBLEMS as core
    assert {p.style for p in core} == {"class", "function"}
    assert {p.compare for p in core} == set(COMPARES)


@pytest.mark.parametrize("problem", PROBLEMS, ids=IDS)
def test_problem_shape(problem):
    assert problem.statement and "Example" in problem.statement
    assert problem.signature.startswith("def " + problem.entry_point + "(")
    assert len(problem.wrong) >= 3
    assert problem.difficulty in DIFFICULTIES and problem.tags
    assert problem.edge_cases and problem.generator is not None
    pool = test_pool(problem, 256)
    assert len(pool) >= 200
    assert len({json.dumps(list(a)) for a in pool}) == len(pool)
    assert test_pool(problem, 256) == pool  # seeded


@pytest.mark.slow
@pytest.mark.parametrize("problem", PROBLEMS, ids=IDS)
def test_reference_passes_whole_pool_and_every_wrong_variant_fails_one(problem, sandbox):
    task = task_from_problem(problem)
    n = len(task.tests())
    programs = [("reference", task.reference)] + list(task.wrong.items())
    # a wrong variant only has to fail one test: stop each at its first timeout (too-slow variants)
    results = run_programs(sandbox, [(task, task.reference, range(n))], max_timeouts=n)
    results += run_programs(sandbox, [(task, src, range(n)) for _, src in programs[1:]], max_timeouts=1)
    ref = results[0]
    assert ref.testable and all(ref.passed), [(i, e) for i, e in enumerate(ref.errors) if e][:5]
    for (label, _), res in zip(programs[1:], results[1:]):
        assert hasattr(res, "passed"), (label, res)
        assert not all(res.passed), f"wrong variant {label!r} passes the whole pool"
