"""setup.cfg declares a floor for every library the adapters are tested against, and the installed (tested)
versions meet it; the floors were set to the versions the test suite ran against (see the README's training section)."""
import configparser
import os
import re
from importlib import metadata

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECKED = ("gymnasium", "pettingzoo", "torch", "transformers", "trl", "datasets", "accelerate", "tokenizers",
           "ray")


def _floors() -> dict[str, str]:
    cfg = configparser.ConfigParser()
    cfg.read(os.path.join(ROOT, "setup.cfg"))
    lines = cfg["options"]["install_requires"].splitlines()
    for extra in cfg["options.extras_require"].values():
        lines += extra.splitlines()
    out = {}
    for line in lines:
        m = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*>=\s*([0-9][0-9.]*)", line)
        if m:
            out[m.group(1).lower()] = m.group(2)
    return out


def _tuple(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", version.split("+")[0])[:3])


@pytest.mark.parametrize("name", CHECKED)
def test_floor_is_the_tested_version(name):
    floors = _floors()
    assert name in floors, f"setup.cfg declares no floor for {name}"
    try:
        installed = metadata.version(name)
    except metadata.PackageNotFoundError:
        pytest.skip(f"{name} is not installed here")
    floor, have = _tuple(floors[name]), _tuple(installed)
    assert have >= floor, f"{name} {installed} is below the declared floor {floors[name]}"


def test_trl_has_the_hooks_agents_rely_on():
    import inspect

    trl = pytest.importorskip("trl")
    assert "environment_factory" in inspect.signature(trl.GRPOTrainer.__init__).parameters
