"""Answer extraction from model completions, shared by every environment and trainer adapter."""
from __future__ import annotations

import re
from typing import Any

__all__ = ["completion_text", "extract_answer"]

_TAG_CACHE: dict[str, re.Pattern] = {}


def completion_text(completion: Any) -> str:
    """The text of a completion in any of the shapes trainers pass.

    Accepts a plain string, bytes, a chat message ``{"role": ..., "content": ...}`` or a list of such
    messages (TRL's conversational format; the assistant turns are joined). Anything else is turned into
    its ``str``; this function never raises.
    """
    if isinstance(completion, str):
        return completion
    if isinstance(completion, (bytes, bytearray)):
        return bytes(completion).decode("utf-8", errors="replace")
    if isinstance(completion, dict):
        return completion_text(completion.get("content", ""))
    if isinstance(completion, (list, tuple)):
        parts = []
        for item in completion:
            if isinstance(item, dict) and item.get("role", "assistant") != "assistant":
                continue
            parts.append(completion_text(item))
        return "\n".join(parts)
    if completion is None:
        return ""
    try:
        return str(completion)
    except Exception:  # noqa: BLE001 - a hostile __str__ must not take the caller down
        return ""


def extract_answer(text: str, tag: str = "answer") -> str | None:
    """The content of the last ``<tag>...</tag>`` in ``text``, stripped, or None if there is none.

    Matching is case-insensitive on the tag name. An unclosed final tag does not count.
    """
    pattern = _TAG_CACHE.get(tag)
    if pattern is None:
        pattern = re.compile(rf"<{re.escape(tag)}>(.*?)</{re.escape(tag)}>", re.IGNORECASE | re.DOTALL)
        _TAG_CACHE[tag] = pattern
    found = pattern.findall(text)
    if not found:
        return None
    return found[-1].strip()
