"""SVG generation with objective rewards: sanitizer, isolated renderer, task catalog with verifiers, env.

The heavy dependencies (skia-python, defusedxml, svgelements) are imported lazily; :func:`require` gives an
error naming the extra to install.
"""
from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["require"]

_PIP = "pip install 'rewarddial[svg]'"


def require(module: str) -> ModuleType:
    """Import ``module`` (``"skia"``, ``"defusedxml.ElementTree"``, ``"svgelements"``) or explain the fix."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(f"the SVG environment needs {module.split('.')[0]!r}, which is not installed; "
                          f"install the extra with: {_PIP}") from exc
