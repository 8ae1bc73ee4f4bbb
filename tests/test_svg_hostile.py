"""The hostile-SVG suite: the caller survives, no file outside is read, nothing reaches the network, <= 0.5 s."""
from __future__ import annotations

import json
import os
import socket
import threading
import time

import pytest

pytest.importorskip("skia")
pytest.importorskip("defusedxml")
pytest.importorskip("svgelements")

from envs.svg.renderer import RenderPool  # noqa: E402

H = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">'
STATE = json.dumps({"task": "hexagon", "lang": "en"})


class Listener:
    """A local TCP server that counts connections (nothing may reach it)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.05)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self.stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def close(self) -> None:
        self.stop = True
        self.thread.join()
        self.sock.close()


class Fifo:
    """A named pipe standing in for a local file: a reader that opens it is seen by the writer side."""

    def __init__(self, path: str) -> None:
        self.path = path
        os.mkfifo(path)
        self.opened = False
        self.stop = False
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        while not self.stop:
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: nobody has it open for reading
                time.sleep(0.002)
                continue
            self.opened = True
            try:
                os.write(fd, b'<rect width="100" height="100" fill="red"/>')
            except OSError:
                pass
            os.close(fd)

    def close(self) -> None:
        self.stop = True
        self.thread.join()


def _nest(n: int) -> str:
    return H + "<g>" * n + '<rect width="10" height="10"/>' + "</g>" * n + "</svg>"


def _use_bomb(levels: int = 9, fan: int = 10) -> str:
    parts = ['<defs><rect id="l0" width="1" height="1"/>']
    for i in range(1, levels + 1):
        uses = "".join(f'<use xlink:href="#l{i - 1}" x="{j % 3}"/>' for j in range(fan))
        parts.append(f'<g id="l{i}">{uses}</g>')
    parts.append(f'</defs><use xlink:href="#l{levels}"/>')
    return H + "".join(parts) + "</svg>"


def hostile_cases(port: int, secret: str) -> dict[str, str]:
    url = f"http://127.0.0.1:{port}"
    lol = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 10))
    return {
        "entity_expansion": f'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY l0 "lol">{lol}]>'
                            + H + "<text>&l9;</text></svg>",
        "external_entity_file": f'<!DOCTYPE svg [<!ENTITY x SYSTEM "file://{secret}">]>' + H + "&x;</svg>",
        "external_entity_http": f'<!DOCTYPE svg [<!ENTITY x SYSTEM "{url}/e">]>' + H + "&x;</svg>",
        "parameter_entity": f'<!DOCTYPE svg [<!ENTITY % p SYSTEM "{url}/p"> %p;]>' + H + "</svg>",
        "xinclude": H + f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{secret}" '
                        'parse="text"/></svg>',
        "image_http": H + f'<image href="{url}/a.png" width="100" height="100"/></svg>',
        "image_xlink_http": H + f'<image xlink:href="{url}/b.png" width="100" height="100"/></svg>',
        "image_file_url": H + f'<image href="file://{secret}" width="100" height="100"/></svg>',
        "image_abs_path": H + f'<image href="{secret}" width="100" height="100"/></svg>',
        "image_relative": H + '<image href="../../../../etc/passwd" width="100" height="100"/></svg>',
        "use_external": H + f'<use xlink:href="{url}/s.svg#a"/><use href="{secret}#a"/></svg>',
        "css_url": H + f'<rect width="100" height="100" style="fill:url({url}/f#g)"/>'
                       f'<rect width="50" height="50" fill="url(file://{secret}#p)"/></svg>',
        "style_import": H + f'<style>@import url("{url}/x.css"); rect {{fill: url({url}/y)}}</style>'
                            '<rect width="10" height="10"/></svg>',
        "script_fetch": H + f'<script>fetch("{url}/s"); new Image().src="{url}/i";</script>'
                            f'<rect width="10" height="10" onload="fetch(\'{url}/o\')"/></svg>',
        "foreign_object": H + f'<foreignObject width="100" height="100"><iframe xmlns="http://www.w3.org/1999/'
                              f'xhtml" src="{url}/f"/></foreignObject></svg>',
        "feimage": H + f'<filter id="f"><feImage href="{secret}"/></filter>'
                       '<rect width="100" height="100" filter="url(#f)"/></svg>',
        "nesting_1e4": _nest(10_000),
        "nesting_1e5": _nest(100_000),
        "width_1e9": '<svg xmlns="http://www.w3.org/2000/svg" width="1e9" height="1e9">'
                     '<rect width="1e9" height="1e9" stroke="black" stroke-width="1e9"/>'
                     '<circle cx="5e8" cy="5e8" r="4e8" fill="red"/></svg>',
        "huge_numbers": H + '<path d="M-1e300 -1e300 L1e300 1e300 L1e308 -1e308 Z" stroke="black" '
                            'stroke-width="1e300"/><rect x="nan" width="inf" height="1e999"/></svg>',
        "elements_1e5": H + "<rect/>" * 100_000 + "</svg>",
        "elements_under_size_cap": H + "<g/>" * 12_000 + "</svg>",
        "use_bomb": _use_bomb(),
        "use_self_reference": H + '<g id="a"><use xlink:href="#a"/></g></svg>',
        "use_cycle": H + '<g id="a"><use xlink:href="#b"/></g><g id="b"><use xlink:href="#a"/></g></svg>',
        "dash_bomb": H + '<path d="M0 0 L1e7 0 L1e7 1e7 L0 1e7 Z" stroke="black" fill="none" '
                         'stroke-dasharray="0.0001 0.0001"/></svg>',
        "dash_bomb_scaled": H + '<g transform="scale(0.00001)"><path d="M0 0 L1e9 0 L1e9 1e9 Z" stroke="black" '
                                'stroke-width="1e5" stroke-dasharray="1 1" fill="none"/></g></svg>',
        "dash_bomb_style": H + '<circle r="1e6" cx="50" cy="50" stroke="black" fill="none" '
                               'style="stroke-dasharray: 0.00001"/></svg>',
        "blur_bomb": H + '<filter id="b"><feGaussianBlur stdDeviation="1e6"/></filter>'
                         '<rect width="100" height="100" filter="url(#b)"/></svg>',
        "blur_bomb_nested": H + "".join(f'<filter id="f{i}" x="-1e6" y="-1e6" width="1e7" height="1e7">'
                                        '<feGaussianBlur stdDeviation="9999"/><feMorphology radius="1e5"/>'
                                        f'</filter><g filter="url(#f{i})">' for i in range(30))
                                + '<rect width="9" height="9"/>' + "</g>" * 30 + "</svg>",
        "pattern_bomb": H + '<pattern id="p" width="0.0001" height="0.0001" patternUnits="userSpaceOnUse">'
                            '<circle r="0.00005"/></pattern><rect width="100" height="100" fill="url(#p)"/></svg>',
        "style_rule_bomb": H + "<style>" + "".join(f".c{i % 7},rect{{fill:#{i % 999:03d}}}" for i in range(240))
                           + "</style>" + '<rect class="c1 c2 c3 c4 c5 c6" width="1" height="1"/>' * 700 + "</svg>",
        "unclosed_tags": H + '<g><rect width="10" height="10"><circle r="3"></svg>',
        "empty": "",
        "whitespace": "   \n\t ",
        "not_svg": "<html><body>hello</body></html>",
        "binary": "\x00\x01\x02<svg>\ufffe\uffff",
        "prose_around": "Here is my drawing:\n" + H + '<circle cx="50" cy="50" r="40"/></svg>\nHope you like it!',
        "many_attributes": H + "<rect " + " ".join(f'a{i}="{i}"' for i in range(5000)) + "/></svg>",
        "long_path": H + '<path d="M0 0' + " L1 1 L2 0" * 3000 + '" stroke="black"/></svg>',
    }


@pytest.fixture(scope="module")
def pool():
    p = RenderPool(workers=1)
    p.evaluate([(H + "<rect width='1' height='1'/></svg>", STATE, 64, False)])  # started and warm
    yield p
    p.close()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    listener = Listener()
    secret = str(tmp_path_factory.mktemp("secret") / "secret.svg")
    fifo = Fifo(secret)
    yield listener, fifo, secret
    listener.close()
    fifo.close()


CASES = sorted(hostile_cases(1, "/x"))


@pytest.mark.parametrize("name", CASES)
def test_hostile_svg(pool, world, name):
    listener, fifo, secret = world
    svg = hostile_cases(listener.port, secret)[name]
    t0 = time.perf_counter()
    (result,) = pool.evaluate([(svg, STATE, 256, True)])
    elapsed = time.perf_counter() - t0
    assert result.status in ("ok", "unrenderable", "failed")
    assert elapsed <= 0.5, f"{name} took {elapsed:.3f} s"
    assert 0.0 <= result.score <= 1.0
    time.sleep(0.02)
    assert listener.hits == 0, f"{name} reached the network"
    assert not fifo.opened, f"{name} opened a local file"
    if result.status == "ok":  # the secret's content (a red square) never appears
        img = result.image
        red = (img[:, :, 0] > 200) & (img[:, :, 1] < 60) & (img[:, :, 2] < 60)
        assert red.mean() < 0.5 or name == "width_1e9"
    # the caller is alive and the pool still works afterwards
    (again,) = pool.evaluate([(H + '<rect width="100" height="100"/></svg>', STATE, 64, False)])
    assert again.status == "ok"


def test_hostile_batch_in_one_call(pool, world):
    """All hostile cases in one batch: each is its own item; the batch never fails as a whole."""
    listener, fifo, secret = world
    cases = hostile_cases(listener.port, secret)
    jobs = [(svg, STATE, 128, False) for svg in cases.values()]
    results = pool.evaluate(jobs)
    assert len(results) == len(jobs)
    assert {r.status for r in results} <= {"ok", "unrenderable", "failed"}
    assert listener.hits == 0 and not fifo.opened


def test_worker_crash_is_one_item_failure():
    """A worker killed mid-batch fails that item only; the rest of the batch is answered by a new worker."""
    import signal

    p = RenderPool(workers=1)
    try:
        good = H + '<polygon points="50,10 85,30 85,70 50,90 15,70 15,30"/></svg>'
        p.evaluate([(good, STATE, 64, False)])
        pid = p._workers[0].proc.pid
        os.kill(pid, signal.SIGKILL)
        results = p.evaluate([(good, STATE, 64, False)] * 3)
        assert [r.status for r in results] == ["failed", "ok", "ok"]
        assert "died" in results[0].reason
        assert p.restarts == 1
    finally:
        p.close()


@pytest.mark.slow
def test_timeout_kills_and_restarts():
    """An item that exceeds the time limit fails alone and its worker is replaced."""
    p = RenderPool(workers=1, timeout=0.5, timeout_per_mpixel=0.0)
    try:
        good = H + '<rect width="50" height="50"/></svg>'
        p.evaluate([(good, STATE, 64, False)])
        # 1000 translucent discs at 4096 px (billions of blended pixels) with a 0.5 s limit: a stand-in for a
        # renderer that hangs
        heavy = H + "".join(f'<circle cx="{i % 100}" cy="{i // 10 % 100}" r="60" fill-opacity="0.3"/>'
                            for i in range(1000)) + "</svg>"
        results = p.evaluate([(heavy, STATE, 4096, False), (good, STATE, 64, False)])
        assert results[0].status == "failed" and "longer than" in results[0].reason
        assert results[1].status == "ok"
        assert p.restarts == 1
    finally:
        p.close()


def test_hostile_completions_through_the_env(world):
    """Each hostile SVG inside prose and a ```svg fence, through env.step: a finite reward within 0.5 s."""
    import math

    from envs.svg.env import SVGEnv

    listener, fifo, secret = world
    env = SVGEnv(tasks="seed", resolution=256)
    env.reset(options={"task_id": "hexagon"})
    env.score_completions([env.encode_state(env.state)], [H + "</svg>"])  # start the worker
    for name, svg in hostile_cases(listener.port, secret).items():
        env.reset(options={"task_id": "hexagon"})
        t0 = time.perf_counter()
        _, reward, terminated, _, info = env.step(f"Here you go.\n```svg\n{svg}\n```\nDone!")
        assert time.perf_counter() - t0 <= 0.5, name
        assert math.isfinite(reward) and terminated, name
        assert reward in (-1.0, -0.1) or 0.1 <= reward <= 1.1, (name, reward)
    assert listener.hits == 0 and not fifo.opened


def test_concurrent_calls_share_the_workers():
    """Threads calling one pool at once each get their own answers (verl's reward threads do this)."""
    from concurrent.futures import ThreadPoolExecutor

    p = RenderPool(workers=2)
    try:
        good = H + '<polygon points="50,10 85,30 85,70 50,90 15,70 15,30"/></svg>'
        bad = H + "<g></svg>"
        batches = [[(good if (i + k) % 2 else bad, STATE, 64, False) for k in range(5)] for i in range(8)]
        with ThreadPoolExecutor(4) as ex:
            outs = list(ex.map(p.evaluate, batches))
        for batch, out in zip(batches, outs):
            assert [r.status for r in out] == ["ok" if j[0] == good else "unrenderable" for j in batch]
    finally:
        p.close()


def test_worker_runs_limited_and_unprivileged(pool):
    """The worker has an address-space limit and no file-size allowance, and drops root."""
    pid = pool._workers[0].proc.pid
    limits = open(f"/proc/{pid}/limits").read()
    assert "Max address space" in limits and "unlimited" not in limits.split("Max address space")[1].split("\n")[0]
    fsize = limits.split("Max file size")[1].split("\n")[0].split()
    assert fsize[0] == "0"
    if os.geteuid() == 0:
        uid_line = next(line for line in open(f"/proc/{pid}/status") if line.startswith("Uid:"))
        assert uid_line.split()[1:3] == ["65534", "65534"]
