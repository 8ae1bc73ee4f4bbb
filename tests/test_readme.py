"""Every ```python block of README.md runs as written.

The blocks of one file run in order in one namespace (as a reader runs them one after another), in a
temporary working directory. A block fenced as ```python no-run is skipped (for a block that cannot run
here, e.g. one that downloads a model from a hub); every other block must run without error.
"""
import contextlib
import io
import os
import re
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = [os.path.join(ROOT, "README.md")]
FENCE = re.compile(r"^```python([^\n]*)\n(.*?)^```\s*$", re.M | re.S)


def blocks(text: str) -> list[tuple[int, str, str]]:
    """(line number, fence options, code) of every ```python block of a markdown text."""
    out = []
    for m in FENCE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        out.append((line, m.group(1).strip(), m.group(2)))
    return out


def test_block_extraction():
    text = "a\n```python\nx = 1\n```\nb\n```python no-run\nimport big\n```\n```bash\nls\n```\n"
    assert blocks(text) == [(2, "", "x = 1\n"), (6, "no-run", "import big\n")]


@pytest.mark.slow
@pytest.mark.parametrize("path", FILES, ids=[os.path.relpath(p, ROOT) for p in FILES])
def test_python_blocks_run(path, tmp_path, monkeypatch):
    text = open(path, encoding="utf-8").read()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REWARDDIAL_CACHE", str(tmp_path / "cache"))
    namespace: dict = {"__name__": "__readme__"}
    try:
        for line, options, code in blocks(text):
            if "no-run" in options.split():
                continue
            start = time.perf_counter()
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(compile(code, f"{os.path.relpath(path, ROOT)}:{line}", "exec"), namespace)  # noqa: S102
            except Exception as exc:  # noqa: BLE001 - name the block that failed
                pytest.fail(f"the python block at {os.path.relpath(path, ROOT)} line {line} failed: "
                            f"{type(exc).__name__}: {exc}")
            elapsed = time.perf_counter() - start
            assert elapsed < 60, f"the block at line {line} took {elapsed:.0f} s; README blocks must stay fast"
    finally:
        for obj in list(namespace.values()):  # close the vector envs and reward pools the blocks opened
            close = getattr(obj, "close", None)
            if type(obj).__module__.startswith(("gymnasium", "agents")) and callable(close):
                with contextlib.suppress(Exception):
                    close()
