"""The built-in problem set: every ``PROBLEMS`` list of the modules ``set_core``, ``set_a`` and ``set_b``.

A module that is absent is skipped, so the set works with whatever parts are installed. Task ids must be
unique across the modules.
"""
from __future__ import annotations

import importlib

from ..problem import Problem

__all__ = ["MODULES", "load_builtin"]

MODULES = ("set_core", "set_a", "set_b")
_CACHE: list[Problem] | None = None


def load_builtin() -> list[Problem]:
    """The built-in problems, in module order; raises ValueError on a duplicate task id."""
    global _CACHE
    if _CACHE is not None:
        return list(_CACHE)
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for name in MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        for p in getattr(module, "PROBLEMS", []):
            if not isinstance(p, Problem):
                raise TypeError(f"{name}.PROBLEMS holds {type(p).__name__}, not a Problem")
            if p.task_id in seen:
                raise ValueError(f"duplicate task id {p.task_id!r} in {name} and {seen[p.task_id]}; "
                                 "task ids must be unique across the built-in modules")
            seen[p.task_id] = name
            problems.append(p)
    _CACHE = problems
    return list(problems)
