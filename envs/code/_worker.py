"""One sandbox worker: a pre-started interpreter that forks a confined child per program run.

Started by :mod:`envs.code.sandbox` as ``python -I -S _worker.py`` (standard library only, no site
packages), it imports everything a solution may need *before* it confines anything, then serves jobs read
from its control pipe (fd 0 at start, 4-byte big-endian length + UTF-8 JSON). This file is trusted code; the
programs it runs are not. It never imports anything from the package (the worker runs with ``-I``).

Isolation, set up once per worker (as root):

* a private mount namespace: every mount remounted read-only, a private tmpfs on ``/tmp`` and ``/dev/shm``;
* a private network namespace (no interface is up: every ``connect`` fails, loopback included);
* the worker is a child subreaper, so every orphaned descendant of a run is re-parented to it.

Per run, a child is forked, which: closes every inherited descriptor, sets rlimits (CPU, address space, file
size, process count, open files, no core files), enters a fresh private temp dir, drops to the worker's own
unprivileged uid, and then runs the program. Every test call is a request/response pair on two private
pipes, each request carrying a fresh nonce the response must echo. Values cross as JSON text, never pickles.
At the end, every process of the run is killed: the child, then every remaining descendant (as the worker's
uid with ``kill(-1)``, which reaches processes that called ``setsid``), and the temp dir is wiped.
"""
import builtins
import ctypes
import importlib
import json
import os
import select
import signal
import struct
import sys
import time
import traceback

# --- what solutions commonly import, loaded now: after the uid switch the interpreter's own directory may
# not be readable, so anything not imported here may be unavailable to the program.
PRELOAD = (
    "abc array ast base64 binascii bisect calendar cmath codecs collections collections.abc contextlib copy "
    "copyreg dataclasses datetime decimal encodings.ascii encodings.idna encodings.latin_1 encodings.utf_8 "
    "enum fnmatch fractions functools glob graphlib hashlib heapq inspect io itertools keyword linecache "
    "locale math numbers operator pathlib pprint queue random re resource shutil socket stat statistics "
    "string struct subprocess tempfile textwrap threading token tokenize types typing unicodedata warnings "
    "weakref zlib"
).split()
for _name in PRELOAD:
    try:
        importlib.import_module(_name)
    except ImportError:  # pragma: no cover - a module this Python lacks
        pass
import inspect  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402

_libc = ctypes.CDLL(None, use_errno=True)
CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = (
    1, 2, 4, 8, 32, 4096, 16384, 1 << 18)
PR_SET_PDEATHSIG, PR_SET_CHILD_SUBREAPER, PR_SET_NO_NEW_PRIVS = 1, 36, 38
RUN_DIR = "/tmp/run"
_NEVER_HIDE = {"/", "/tmp", "/dev", "/proc", "/sys", "/usr", "/lib", "/lib64", "/bin", "/sbin", "/etc", "/mnt"}
MAX_FRAME = 64 << 20


class _Timeout(BaseException):
    """Raised in the child by SIGALRM when a call exceeds its limit."""


class _ParentGone(BaseException):
    """The control pipe closed while a job ran: stop it, clean up and exit."""


_WATCH = []  # the control pipe, watched during jobs


class _CallFailed(BaseException):
    """Raised in the worker's trusted check code when the sandboxed call did not return a value."""


# ------------------------------------------------------------------------------------------ framing
def _write_frame(fd, obj):
    data = json.dumps(obj, allow_nan=True).encode("utf-8", "surrogatepass")
    buf = struct.pack(">I", len(data)) + data
    view = memoryview(buf)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _read_exact(fd, n, deadline=None, on_idle=None, extra=()):
    """``n`` bytes from ``fd`` or None at EOF / deadline. ``extra`` fds are drained through ``on_idle``."""
    chunks = []
    while n > 0:
        if deadline is not None or extra:
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([fd, *extra], [], [], timeout)
            if not ready:
                return None
            for e in extra:
                if e in ready:
                    on_idle(e)
            if fd not in ready:
                continue
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _read_frame(fd, deadline=None, on_idle=None, extra=()):
    head = _read_exact(fd, 4, deadline, on_idle, extra)
    if head is None:
        return None
    (size,) = struct.unpack(">I", head)
    if size > MAX_FRAME:
        raise ValueError(f"frame of {size} bytes exceeds the cap")
    body = _read_exact(fd, size, deadline, on_idle, extra)
    if body is None:
        return None
    try:
        return json.loads(body.decode("utf-8", "surrogatepass"))
    except Exception as exc:  # noqa: BLE001 - e.g. RecursionError on a forged, deeply nested record
        raise ValueError(f"unreadable record ({type(exc).__name__})") from None


# ------------------------------------------------------------------- rich values (assert-based tests)
def encode_rich(v, depth=0):
    """A JSON-able form of a value that keeps tuples, sets, non-string dict keys, ListNode and TreeNode."""
    if depth > 200:
        raise ValueError("value nested too deeply")
    if v is None or isinstance(v, bool):
        return None if v is None else bool(v)
    if isinstance(v, str):
        return str.__str__(v)
    if isinstance(v, int):
        return int.__index__(v)
    if isinstance(v, float):
        return float.__float__(v)
    if isinstance(v, (list, tuple)):
        items = [encode_rich(x, depth + 1) for x in v]
        return items if isinstance(v, list) else {"$t": items}
    if isinstance(v, (set, frozenset)):
        return {"$set": [encode_rich(x, depth + 1) for x in v]}
    if isinstance(v, dict):
        return {"$d": [[encode_rich(k, depth + 1), encode_rich(x, depth + 1)] for k, x in v.items()]}
    name = type(v).__name__
    if name == "ListNode" and hasattr(v, "val"):
        vals, node, seen = [], v, 0
        while node is not None:
            seen += 1
            if seen > 200000:
                raise ValueError("linked list too long or cyclic")
            vals.append(encode_rich(node.val, depth + 1))
            node = node.next
        return {"$ln": vals}
    if name == "TreeNode" and hasattr(v, "val"):
        out, level, seen = [], [v], 0
        while level:
            nxt = []
            for node in level:
                seen += 1
                if seen > 400000:
                    raise ValueError("tree too large or cyclic")
                if node is None:
                    out.append(None)
                else:
                    out.append(encode_rich(node.val, depth + 1))
                    nxt.extend((node.left, node.right))
            level = nxt
        while out and out[-1] is None:
            out.pop()
        return {"$tn": out}
    raise TypeError(f"a value of type {name} cannot be returned (not data)")


def decode_rich(v, ns):
    if isinstance(v, list):
        return [decode_rich(x, ns) for x in v]
    if not isinstance(v, dict):
        return v
    if "$t" in v:
        return tuple(decode_rich(x, ns) for x in v["$t"])
    if "$set" in v:
        return set(decode_rich(x, ns) for x in v["$set"])
    if "$d" in v:
        return {_hashable(decode_rich(k, ns)): decode_rich(x, ns) for k, x in v["$d"]}
    if "$ln" in v:
        cls = ns.get("ListNode")
        head = None
        for val in reversed(v["$ln"]):
            head = cls(decode_rich(val, ns), head)
        return head
    if "$tn" in v:
        cls = ns.get("TreeNode")
        vals = [decode_rich(x, ns) for x in v["$tn"]]
        if not vals or vals[0] is None:
            return None
        root = cls(vals[0])
        queue_, i = [root], 1
        for node in queue_:
            if i < len(vals):
                if vals[i] is not None:
                    node.left = cls(vals[i])
                    queue_.append(node.left)
                i += 1
            if i < len(vals):
                if vals[i] is not None:
                    node.right = cls(vals[i])
                    queue_.append(node.right)
                i += 1
            if i >= len(vals):
                break
        return root
    raise ValueError("unknown value tag")


def _hashable(k):
    return tuple(_hashable(x) for x in k) if isinstance(k, list) else k


# ---------------------------------------------------------------------------------------- isolation
def _err():
    return os.strerror(ctypes.get_errno())


def _mount(src, target, fstype, flags, data):
    enc = (lambda s: None if s is None else s.encode())
    if _libc.mount(enc(src), enc(target), enc(fstype), flags, enc(data)) != 0:
        raise OSError(ctypes.get_errno(), f"mount {target}: {_err()}")


def setup_isolation(cfg):
    """Confine this worker once; returns the list of isolation steps that were not permitted."""
    missing = []
    root = os.geteuid() == 0
    if _libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        missing.append(f"subreaper ({_err()})")
    if not root:
        missing.append("a separate uid per worker (not root: programs run as the calling user, so the "
                       "process limit counts all of that user's processes)")
        uid, gid = os.getuid(), os.getgid()
        if _libc.unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWNET) == 0:
            try:
                with open("/proc/self/setgroups", "w") as f:
                    f.write("deny")
                with open("/proc/self/uid_map", "w") as f:
                    f.write(f"{uid} {uid} 1")
                with open("/proc/self/gid_map", "w") as f:
                    f.write(f"{gid} {gid} 1")
            except OSError as exc:
                missing.append(f"user namespace mapping ({exc})")
            netns = mntns = True
        else:
            netns = mntns = False
            missing.append(f"network namespace (unshare: {_err()})")
            missing.append(f"mount namespace, read-only file system view (unshare: {_err()})")
    else:
        netns = _libc.unshare(CLONE_NEWNET) == 0
        if not netns:
            missing.append(f"network namespace (unshare: {_err()})")
        mntns = _libc.unshare(CLONE_NEWNS) == 0
        if not mntns:
            missing.append(f"mount namespace, read-only file system view (unshare: {_err()})")
    if mntns:
        try:
            _mount(None, "/", None, MS_REC | MS_PRIVATE, None)
            failed = []
            with open("/proc/self/mountinfo") as f:
                mounts = [line.split() for line in f]
            for fields in mounts:
                target, opts = fields[4].replace("\\040", " "), fields[5].split(",")
                if "ro" in opts or target.startswith(("/proc", "/sys", "/dev")):
                    continue
                flags = MS_BIND | MS_REMOUNT | MS_RDONLY
                flags |= MS_NOSUID if "nosuid" in opts else 0
                flags |= MS_NODEV if "nodev" in opts else 0
                flags |= MS_NOEXEC if "noexec" in opts else 0
                try:
                    _mount(None, target, None, flags, None)
                except OSError:
                    failed.append(target)
            for target in ("/tmp", "/dev/shm"):
                if os.path.isdir(target):
                    _mount("tmpfs", target, "tmpfs", MS_NOSUID | MS_NODEV,
                           f"size={int(cfg['tmpfs_mb'])}m,mode=1777")
            if failed:
                missing.append("read-only remount of " + ", ".join(failed))
            for target in cfg.get("hide") or ():  # answer keys: references, datasets, installed packages
                if os.path.isdir(target) and target not in _NEVER_HIDE:
                    try:
                        _mount("tmpfs", target, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV, "size=4k,mode=555")
                    except OSError:
                        missing.append(f"hiding {target}")
        except OSError as exc:
            missing.append(f"read-only file system view ({exc})")
            mntns = False
    return missing, {"net": netns, "mnt": mntns, "uid": cfg.get("uid") if root else None}


def _count_user_procs(uid):
    n = 0
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                if os.stat(f"/proc/{pid}").st_uid == uid:
                    n += 1
            except OSError:
                pass
    return n


def _children():
    """Pids of this worker's direct children (orphans of a run are re-parented here)."""
    pids = []
    try:
        for tid in os.listdir("/proc/self/task"):
            with open(f"/proc/self/task/{tid}/children") as f:
                pids.extend(int(p) for p in f.read().split())
    except OSError:
        pass
    return pids


def _reap():
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def kill_everything(uid):
    """Kill every process of the run: all descendants, and (with a uid of its own) every process of it.

    Rounds of ``kill(-1, SIGKILL)`` as the uid (which reaches processes that called ``setsid``) and of
    SIGKILL to every direct child (orphans are re-parented here, this worker being a subreaper), with the
    dead reaped in between, until no child is left.
    """
    for _ in range(200):
        _reap()
        pids = _children()
        if not pids:
            return
        if uid is not None:
            killer = os.fork()
            if killer == 0:
                try:
                    os.setgroups([])
                    os.setgid(uid)
                    os.setuid(uid)
                    for _ in range(3):
                        os.kill(-1, signal.SIGKILL)
                except BaseException:  # noqa: BLE001 - ESRCH: nothing of that uid is left
                    pass
                os._exit(0)
            os.waitpid(killer, 0)
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.0005)
    _reap()


def _wipe(path):
    try:
        os.rmdir(path)
    except FileNotFoundError:
        pass
    except OSError:
        shutil.rmtree(path, ignore_errors=True)


# --------------------------------------------------------------------------------------------- child
def _child_main(iso, cfg, req_r, res_w, out_w, run_dir):
    """In the forked child: confine, wait for the job, load the program, run its tests. Never returns.

    The confinement happens before the job is known, so a child can be forked ahead of time (a spare)."""
    try:
        os.setsid()
        os.dup2(out_w, 1)
        os.dup2(out_w, 2)
        keep = {0, 1, 2, req_r, res_w}
        devnull = os.open("/dev/null", os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        for fd in _open_fds():
            if fd not in keep:
                try:
                    os.close(fd)
                except OSError:
                    pass
        limits = [
            (resource.RLIMIT_AS, (cfg["mem_mb"] << 20,) * 2),
            (resource.RLIMIT_FSIZE, (cfg["fsize_mb"] << 20,) * 2),
            (resource.RLIMIT_NOFILE, (cfg["nofile"],) * 2),
            (resource.RLIMIT_CORE, (0, 0)),
        ]
        if iso["uid"] is not None:
            limits.append((resource.RLIMIT_NPROC, (cfg["nproc"],) * 2))
        elif os.getuid() != 0:  # the limit counts every process of this user: leave room for the others
            limits.append((resource.RLIMIT_NPROC, (iso.get("user_procs", 0) + 256 + cfg["nproc"],) * 2))
        for which, (soft, hard) in limits:
            try:
                resource.setrlimit(which, (soft, hard))
            except (ValueError, OSError):
                pass
        os.chdir(run_dir)
        if iso["uid"] is not None:
            uid = iso["uid"]
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
        _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
        os.environ.clear()
        os.environ.update({"HOME": run_dir, "TMPDIR": run_dir, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))
        job = _read_frame(req_r)
        if job is None:
            os._exit(0)
        total = float(job.get("cpu_limit", 10.0))
        resource.setrlimit(resource.RLIMIT_CPU, (int(total) + 1, int(total) + 2))
    except BaseException:  # noqa: BLE001 - a confinement step failed: refuse to run the program at all
        try:
            _write_frame(res_w, {"load": "error", "e": "sandbox setup failed: " + traceback.format_exc(limit=2)})
        finally:
            os._exit(3)
    _serve(job, req_r, res_w)
    os._exit(0)


_SPARE = []  # at most one confined child, forked ahead of the next job


def fork_confined(iso, cfg):
    """A fresh confined child waiting for its job: ``(pid, (req_w, res_r, out_r))``."""
    _wipe(RUN_DIR)
    os.mkdir(RUN_DIR, 0o700)
    if iso["uid"] is not None:
        os.chown(RUN_DIR, iso["uid"], iso["uid"])
    req_r, req_w = os.pipe()
    res_r, res_w = os.pipe()
    out_r, out_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            _child_main(iso, cfg, req_r, res_w, out_w, RUN_DIR)
        finally:
            os._exit(4)
    for fd in (req_r, res_w, out_w):
        os.close(fd)
    os.set_blocking(out_r, False)
    return pid, (req_w, res_r, out_r)


def prepare_spare(iso, cfg):
    if not _SPARE:
        _SPARE.append(fork_confined(iso, cfg))


def _open_fds():
    try:
        return [int(x) for x in os.listdir("/proc/self/fd")]
    except OSError:
        return list(range(3, 256))


def _on_alarm(signum, frame):
    raise _Timeout()


def _describe(exc):
    return f"{type(exc).__name__}: {str(exc)[:300]}" if not isinstance(exc, _Timeout) else "timeout"


def _serve(job, req_r, res_w):
    """The harness inside the child. The program may tamper with all of this; it gains nothing, because
    expected values never enter this process and the worker compares nothing that the child decides."""
    signal.signal(signal.SIGALRM, _on_alarm)
    mode = job["mode"]
    ns = {"__name__": "solution", "__builtins__": builtins}
    try:
        signal.setitimer(signal.ITIMER_REAL, float(job["load_limit"]))
        if job.get("preamble"):
            exec(compile(job["preamble"], "<preamble>", "exec"), ns)
        exec(compile(job["source"], "<solution>", "exec"), ns)
        entry = job["entry_point"]
        if job["style"] == "class":
            cls = ns.get("Solution")
            if not isinstance(cls, type):
                raise NameError("the program defines no class Solution")
            fn = getattr(cls(), entry, None)
        else:
            fn = ns.get(entry)
        if not callable(fn):
            raise NameError(f"the program defines no callable {entry!r}")
        if job.get("arity") is not None:
            try:
                inspect.signature(fn).bind(*([None] * int(job["arity"])))
            except TypeError as exc:
                raise TypeError(f"wrong signature: {exc}") from None
            except ValueError:
                pass
        signal.setitimer(signal.ITIMER_REAL, 0)
    except BaseException as exc:  # noqa: BLE001 - untestable program
        signal.setitimer(signal.ITIMER_REAL, 0)
        _write_frame(res_w, {"load": "error", "e": _describe(exc)})
        return
    _write_frame(res_w, {"load": "ok"})
    enc = json.JSONEncoder(allow_nan=True).encode
    dec = json.loads
    cap = int(job.get("max_value_bytes", 8 << 20))
    if mode == "call":  # the tests are already in this process: run them back to back, one frame each
        nonce = job["nonce"]
        for i in range(int(job.get("start", 0)), len(job["tests"])):
            out = _one_call(fn, dec(job["tests"][i]), None, float(job["limits"][i]), enc, cap)
            out["n"], out["i"] = nonce, i
            _write_frame(res_w, out)
        return
    while True:  # assert-based tests: each candidate(...) call of the trusted check code is a request
        req = _read_frame(req_r)
        if req is None:
            return
        try:
            args = decode_rich(req["a"], ns)
            kwargs = {str(k): decode_rich(x, ns) for k, x in req["k"]}
        except BaseException as exc:  # noqa: BLE001
            out = {"ok": False, "e": _describe(exc)}
        else:
            out = _one_call(fn, args, kwargs, float(req["t"]), lambda v: enc(encode_rich(v)), cap)
        out["n"] = req["n"]
        _write_frame(res_w, out)


def _one_call(fn, args, kwargs, limit, encode, cap):
    try:
        t0 = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            value = fn(*args) if kwargs is None else fn(*args, **kwargs)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.perf_counter() - t0
        text = encode(value)
        if len(text) > cap:
            raise ValueError(f"return value of {len(text)} bytes exceeds the cap")
        return {"ok": True, "v": text, "s": elapsed}
    except BaseException as exc:  # noqa: BLE001 - a failed call is a failed test, never the harness's
        signal.setitimer(signal.ITIMER_REAL, 0)
        return {"ok": False, "e": _describe(exc)}


# ---------------------------------------------------------------------------------------- a run
class _Run:
    """One job: a program and its tests, run in a child that is restarted after a crash or a hard kill."""

    def __init__(self, job, iso, cfg):
        self.job, self.iso, self.cfg = job, iso, cfg
        self.out = bytearray()
        self.pid = None
        self.fds = ()
        self.restarts = 0

    def _drain(self, fd):
        if fd in _WATCH:  # the control pipe is readable mid-job: the parent is gone (EOF) or quits
            raise _ParentGone()
        try:
            chunk = os.read(fd, 1 << 16)
        except OSError:
            chunk = b""
        if not chunk:
            return
        room = self.cfg["out_cap"] - len(self.out)
        if room > 0:
            self.out += chunk[:room]

    def start(self, first=0):
        """Fork the child (call tests from index ``first``); (True, None) when the program loaded, else
        (False, reason)."""
        self.job["start"] = first
        if _SPARE and first == 0:
            pid, fds = _SPARE.pop()
        else:
            pid, fds = fork_confined(self.iso, self.cfg)
        self.pid, self.fds = pid, fds
        req_w, res_r, out_r = fds
        deadline = time.monotonic() + float(self.job["load_limit"]) + 1.0
        try:
            _write_frame(req_w, self.job)
            msg = _read_frame(res_r, deadline, self._drain, (out_r, *_WATCH))
        except (ValueError, OSError, UnicodeDecodeError) as exc:
            msg = {"load": "error", "e": f"protocol error at load: {exc}"}
        if msg is None:
            timed_out = time.monotonic() >= deadline - 1e-3
            self.stop()
            return False, "timeout while loading" if timed_out else f"the program ended while loading ({self.last_status})"
        if not isinstance(msg, dict) or msg.get("load") != "ok":
            why = msg.get("e") if isinstance(msg, dict) else None
            return False, str(why or "the program did not load")[:500]
        return True, None

    def call(self, payload, limit, kwargs=None):
        """One call of the program: ``(ok, value_text_or_error, seconds)``; restarts the child if it died."""
        nonce = os.urandom(8).hex()
        req_w, res_r, out_r = self.fds
        req = {"n": nonce, "t": limit, "a": payload}
        if kwargs is not None:
            req["k"] = kwargs
        try:
            _write_frame(req_w, req)
        except OSError:
            return False, "the program's process is gone", 0.0
        deadline = time.monotonic() + limit + 0.5 + 0.1 * limit
        try:
            msg = _read_frame(res_r, deadline, self._drain, (out_r, *_WATCH))
        except (ValueError, OSError, UnicodeDecodeError) as exc:
            msg = {"n": None, "ok": False, "e": f"protocol error: {exc}"}
            self.stop()
        if msg is None:
            timed_out = time.monotonic() >= deadline - 1e-3
            self.stop()
            return False, ("timeout" if timed_out else f"the process ended ({self.last_status})"), limit
        if not isinstance(msg, dict) or msg.get("n") != nonce:
            self.stop()
            return False, "forged or out-of-order result record", 0.0
        if msg.get("ok") is True and isinstance(msg.get("v"), str):
            return True, msg["v"], float(msg.get("s", 0.0)) if isinstance(msg.get("s"), (int, float)) else 0.0
        return False, str(msg.get("e", "error"))[:500], 0.0

    def next_result(self, i, limit):
        """The child's record of call test ``i`` (run back to back): ``(ok, value_text_or_error, seconds)``."""
        _, res_r, out_r = self.fds
        deadline = time.monotonic() + limit + 0.5 + 0.1 * limit
        try:
            msg = _read_frame(res_r, deadline, self._drain, (out_r, *_WATCH))
        except (ValueError, OSError, UnicodeDecodeError) as exc:
            self.stop()
            return False, f"protocol error: {exc}", 0.0
        if msg is None:
            timed_out = time.monotonic() >= deadline - 1e-3
            self.stop()
            return False, ("timeout" if timed_out else f"the process ended ({self.last_status})"), limit
        if not isinstance(msg, dict) or msg.get("n") != self.job["nonce"] or msg.get("i") != i:
            self.stop()
            return False, "forged or out-of-order result record", 0.0
        if msg.get("ok") is True and isinstance(msg.get("v"), str):
            secs = msg.get("s")
            return True, msg["v"], float(secs) if isinstance(secs, (int, float)) else 0.0
        return False, str(msg.get("e", "error"))[:500], 0.0

    @property
    def alive(self):
        return self.pid is not None

    last_status = None

    def stop(self):
        if self.pid is None:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass
        try:
            _, st = os.waitpid(self.pid, 0)
            if os.WIFSIGNALED(st):
                sig = os.WTERMSIG(st)
                self.last_status = f"signal {signal.Signals(sig).name}"
            else:
                self.last_status = f"exit code {os.WEXITSTATUS(st)}"
        except (ChildProcessError, ValueError):
            self.last_status = "gone"
        if self.fds:
            try:
                self._drain(self.fds[2])
            except OSError:
                pass
        for fd in self.fds:
            try:
                os.close(fd)
            except OSError:
                pass
        self.pid, self.fds = None, ()
        kill_everything(self.iso["uid"])


def run_job(job, iso, cfg, ctx):
    """Run one job; returns the reply dict (per-test records)."""
    job["nonce"] = os.urandom(16).hex()  # per run: a record without it is not the harness's
    run = _Run(job, iso, cfg)
    n = len(job["tests"])
    results = [None] * n
    limits = job["limits"]
    max_timeouts = int(job.get("max_timeouts", 2))
    max_restarts = int(job.get("max_restarts", 3))
    timeouts = 0
    status, error = "ok", None
    t_start = time.perf_counter()
    try:
        ok, why = run.start()
        if not ok:
            run.stop()
            return {"status": "load_error", "error": why, "results": [], "out": run.out.decode("utf-8", "replace"),
                    "wall": time.perf_counter() - t_start}
        for i, test in enumerate(job["tests"]):
            if timeouts >= max_timeouts:
                results[i] = {"ok": False, "e": "skipped after repeated timeouts"}
                continue
            if not run.alive:
                if run.restarts >= max_restarts:
                    results[i] = {"ok": False, "e": "skipped: the program's process kept dying"}
                    continue
                run.restarts += 1
                ok, why = run.start(i)
                if not ok:
                    run.stop()
                    results[i] = {"ok": False, "e": f"restart failed: {why}"}
                    continue
            if job["mode"] == "call":
                ok, val, secs = run.next_result(i, float(limits[i]))
                results[i] = {"ok": ok, "v": val, "s": secs} if ok else {"ok": False, "e": val}
                if not ok and val == "timeout":
                    timeouts += 1
            else:
                results[i] = _run_check(run, test, float(limits[i]), ctx)
                if results[i].get("e") == "timeout":
                    timeouts += 1
    finally:
        run.stop()
    return {"status": status, "error": error, "results": results, "out": run.out.decode("utf-8", "replace"),
            "wall": time.perf_counter() - t_start, "restarts": run.restarts}


def _run_check(run, fragment, limit, ctx):
    """An assert-based test: trusted check code runs here, in the worker; each ``candidate(...)`` call is
    forwarded to the sandboxed child and its JSON result decoded back, so every comparison is made here."""
    base = ctx["check_ns"]
    ns = dict(base)
    deadline = time.monotonic() + limit
    spent = [0.0]
    failure = []

    def candidate(*args, **kwargs):
        if not run.alive:
            failure.append("the program's process is gone")
            raise _CallFailed()
        left = max(0.05, deadline - time.monotonic())
        try:
            a = encode_rich(list(args))
            k = encode_rich(dict(kwargs))["$d"]
        except (TypeError, ValueError) as exc:
            failure.append(f"argument not transferable: {exc}")
            raise _CallFailed() from None
        ok, val, secs = run.call(a, left, k)
        spent[0] += secs
        if not ok:
            failure.append(val)
            raise _CallFailed()
        try:
            return decode_rich(json.loads(val), base)
        except Exception as exc:  # noqa: BLE001
            failure.append(f"undecodable result: {exc}")
            raise _CallFailed() from None

    ns["candidate"] = candidate
    try:
        exec(compile(fragment, "<check>", "exec"), ns)  # noqa: S102 - trusted dataset test code
        return {"ok": True, "s": spent[0]}
    except _CallFailed:
        return {"ok": False, "e": failure[-1] if failure else "call failed"}
    except AssertionError:
        return {"ok": False, "e": "assertion failed", "s": spent[0]}
    except BaseException as exc:  # noqa: BLE001
        return {"ok": False, "e": _describe(exc)}


def _check_context(job):
    ns = {"__name__": "check", "__builtins__": builtins}
    if job.get("check_preamble"):
        exec(compile(job["check_preamble"], "<check preamble>", "exec"), ns)  # noqa: S102 - trusted
    return {"check_ns": ns}


def main():
    ctl_in = os.dup(0)
    ctl_out = os.dup(1)
    devnull = os.open("/dev/null", os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    cfg = _read_frame(ctl_in)
    if cfg is None:
        return
    _WATCH.append(ctl_in)
    if cfg.get("worker_uid") is not None:  # run the worker itself unprivileged (the degraded mode)
        os.setgroups([])
        os.setgid(int(cfg["worker_uid"]))
        os.setuid(int(cfg["worker_uid"]))
        _libc.prctl(4, 1, 0, 0, 0)  # PR_SET_DUMPABLE: /proc/self stays ours after the switch
    missing, iso = setup_isolation(cfg)
    if iso["uid"] is None:
        iso["user_procs"] = _count_user_procs(os.getuid())
    import gc
    gc.collect()
    gc.freeze()  # the preloaded objects stay out of the children's collections (fewer copy-on-write pages)
    prepare_spare(iso, cfg)
    _write_frame(ctl_out, {"ready": True, "missing": missing, "pid": os.getpid(), "iso": iso})
    while True:
        job = _read_frame(ctl_in)
        if job is None or job.get("op") == "quit":
            break
        try:
            ctx = _check_context(job) if job.get("mode") == "check" else {}
            reply = run_job(job, iso, cfg, ctx)
        except _ParentGone:
            break
        except BaseException as exc:  # noqa: BLE001 - a worker error is this job's failure, reported
            reply = {"status": "sandbox_error", "error": "".join(traceback.format_exception_only(type(exc), exc))[:1000],
                     "results": []}
        _write_frame(ctl_out, reply)
        try:  # off the critical path: the parent is reading the reply meanwhile
            prepare_spare(iso, cfg)
        except OSError:
            pass
    for pid, fds in _SPARE:
        for fd in fds:
            os.close(fd)
    kill_everything(iso["uid"])


if __name__ == "__main__":
    main()
