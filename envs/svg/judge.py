"""An optional judge oracle: an OpenAI-compatible chat endpoint (e.g. a vLLM server with a vision model) is shown
the sanitized render and asked for a score; the number of judge samples is the budget.

Each sample is its own request with its own seed (``seed * 1_000_003 + k`` for sample ``k``), so the samples
of budget ``n`` are the first ``n`` of budget ``2n`` (common random numbers, as far as the server honours
seeds). A reply without a readable score counts as 0. Only the standard library is used (``urllib``).
"""
from __future__ import annotations

import base64
import json
import re
import urllib.error
import urllib.request

import numpy as np

__all__ = ["JudgeError", "judge_samples", "parse_score"]

_SCORE = re.compile(r"<score>\s*([0-9]+(?:\.[0-9]+)?)\s*</score>", re.IGNORECASE)

JUDGE_PROMPT = ("A model was asked:\n\n{task}\n\nThis image is its drawing, rendered from its SVG. How well does "
                "the drawing fulfil the request? Judge only what is visible. Reply with a short reason and then a "
                "score from 0 (not at all) to 10 (perfectly) as <score>N</score>.")


class JudgeError(RuntimeError):
    """The judge endpoint could not be reached or answered with an error."""


def parse_score(text: str) -> float:
    """The last ``<score>N</score>`` of a reply as a value in [0, 1] (N out of 10), or 0.0 without one."""
    found = _SCORE.findall(text or "")
    if not found:
        return 0.0
    return float(min(10.0, max(0.0, float(found[-1])))) / 10.0


def _post(url: str, body: dict, timeout: float, api_key: str | None) -> dict:
    data = json.dumps(body).encode()
    headers = {"Content-Type": "application/json"}
    if api_key:
        headers["Authorization"] = f"Bearer {api_key}"
    req = urllib.request.Request(url, data=data, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return json.loads(resp.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise JudgeError(f"judge request to {url} failed: {exc}") from None


def judge_samples(base_url: str, model: str, task: str, png: bytes, samples: int, seed: int, *,
                  timeout: float = 60.0, temperature: float = 1.0, api_key: str | None = None) -> np.ndarray:
    """``samples`` judge scores in [0, 1] of one rendered drawing (raises :class:`JudgeError`)."""
    url = base_url.rstrip("/") + "/chat/completions"
    image = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    content = [{"type": "text", "text": JUDGE_PROMPT.format(task=task)},
               {"type": "image_url", "image_url": {"url": image}}]
    out = np.empty(samples, dtype=np.float64)
    for k in range(samples):
        body = {"model": model, "messages": [{"role": "user", "content": content}], "temperature": temperature,
                "max_tokens": 256, "seed": int(seed) * 1_000_003 + k}
        reply = _post(url, body, timeout, api_key)
        try:
            text = reply["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise JudgeError(f"the judge's reply has no choices[0].message.content: {str(reply)[:200]}") from None
        if isinstance(text, list):  # content parts
            text = "".join(p.get("text", "") for p in text if isinstance(p, dict))
        out[k] = parse_score(text if isinstance(text, str) else "")
    return out
