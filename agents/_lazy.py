"""Lazy imports of the optional heavy dependencies, with an error that names the pip extra to install."""
from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["require"]

#: the pip extra that provides each optional top-level module
EXTRAS = {
    "torch": "train",
    "transformers": "train",
    "trl": "train",
    "datasets": "train",
    "accelerate": "train",
    "tokenizers": "train",
    "yaml": "train",
    "pyarrow": "train",
    "ray": "ray",
    "vllm": "vllm",
}


def require(module: str, purpose: str) -> ModuleType:
    """Import ``module`` or raise an ImportError saying what needs it and which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        extra = EXTRAS.get(module.split(".")[0], "train")
        raise ImportError(
            f"{purpose} needs the optional dependency {module.split('.')[0]!r}, which is not installed ({exc}); "
            f"install it with: pip install 'rewarddial[{extra}]'"
        ) from exc
