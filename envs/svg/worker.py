"""The isolated render-and-score worker: a separate Python process that sanitizes, renders and verifies.

The parent (:class:`envs.svg.renderer.RenderPool`) starts it with ``python -I -c ...``. After its imports it
limits itself (address space, no file writes, no core dumps, a private network namespace when it can, an
empty working directory), says it is ready and then serves requests on stdin/stdout.

Wire format, both ways: frames of a 4-byte big-endian length and a JSON document; an image follows its
header as one raw frame. A request is ``{"jobs": [[svg, state, resolution, want_image], ...]}``; the
worker answers each job in order with ``{"status": "ok", "score": s, "details": {...}}``,
``{"status": "unrenderable", "reason": ...}`` or ``{"status": "error", "reason": ...}``. The parent never
unpickles anything from the worker.
"""
from __future__ import annotations

import json
import os
import struct
import sys
from typing import Any, BinaryIO

__all__ = ["evaluate", "main", "read_frame", "write_frame"]


def write_frame(out: BinaryIO, data: bytes) -> None:
    out.write(struct.pack(">I", len(data)))
    out.write(data)


def read_frame(inp: BinaryIO) -> bytes | None:
    head = inp.read(4)
    if len(head) < 4:
        return None
    (n,) = struct.unpack(">I", head)
    data = inp.read(n)
    return data if len(data) == n else None


def evaluate(svg: str, state: str, resolution: int, want_image: bool = False) -> tuple[dict, Any]:
    """Sanitize, render and score one SVG in this process (the worker's body; also the unisolated path)."""
    from .raster import render
    from .sanitize import SVGRejected, sanitize
    from .tasks import score_drawing

    try:
        doc = sanitize(svg)
    except SVGRejected as exc:
        return {"status": "unrenderable", "reason": str(exc)}, None
    try:
        rgb = render(doc, resolution)
    except Exception as exc:  # noqa: BLE001 - the renderer refused a sanitized document
        return {"status": "unrenderable", "reason": f"render failed: {exc}"[:300]}, None
    try:
        score, details = score_drawing(state, doc, rgb)
    except Exception as exc:  # noqa: BLE001 - a verifier failure is this item's oracle failure
        return {"status": "error", "reason": f"verifier failed: {type(exc).__name__}: {exc}"[:300]}, None
    return {"status": "ok", "score": float(score), "details": details}, (rgb if want_image else None)


def _limit_self(memory_bytes: int) -> None:
    """Address-space limit, no file writes, no core dumps, a private network namespace (when allowed), an
    empty working directory, and (when running as root) the unprivileged uid 65534."""
    import resource
    import tempfile

    for res, val in ((resource.RLIMIT_AS, memory_bytes), (resource.RLIMIT_FSIZE, 0), (resource.RLIMIT_CORE, 0)):
        try:
            resource.setrlimit(res, (val, val))
        except (ValueError, OSError):
            pass
    try:  # a private network namespace: every connect fails (needs CAP_SYS_ADMIN; best effort otherwise)
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.unshare(0x40000000)  # CLONE_NEWNET
    except Exception:  # noqa: BLE001
        pass
    try:
        os.chdir(tempfile.mkdtemp(prefix="svgworker-"))
    except OSError:
        pass
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # drop root: files readable only by their owner stay closed
        try:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
        except OSError:
            pass


def main(memory_bytes: int = 2 << 30) -> None:
    import numpy  # noqa: F401 - every import happens before the limits

    from . import require
    from . import tasks  # noqa: F401
    from .raster import render
    from .sanitize import sanitize

    require("skia")
    require("svgelements")
    # warm up: first render and first geometry parse load the rest of the libraries
    doc = sanitize('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5"/></svg>')
    render(doc, 8)
    tasks.warm_up()
    # score one drawing of every task, so that every lazy import happens before the limits
    from .examples import EXAMPLES

    for task, ex in EXAMPLES.items():
        evaluate(ex["correct"][0], json.dumps({"task": task, "lang": "en"}), 32)
    evaluate(tasks.shapes_reference(0), json.dumps({"task": "shapes", "seed": 0, "lang": "en"}), 32)
    _limit_self(memory_bytes)
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # stray prints never corrupt the wire
    write_frame(out, b'{"ready": true}')
    out.flush()
    while True:
        frame = read_frame(inp)
        if frame is None:
            return
        jobs = json.loads(frame)["jobs"]
        for svg, state, resolution, want_image in jobs:
            head, rgb = evaluate(svg, state, int(resolution), bool(want_image))
            if rgb is not None:
                head["image"] = list(rgb.shape)
            write_frame(out, json.dumps(head).encode())
            if rgb is not None:
                write_frame(out, rgb.tobytes())
            out.flush()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2 << 30)
