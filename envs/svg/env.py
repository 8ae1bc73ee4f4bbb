"""``SVG-LLM-v0``: draw an SVG from a prompt; the reward is a programmatic verifier of the rendered drawing."""
from __future__ import annotations

import atexit
import json
import os
import re
import threading
from dataclasses import dataclass
from typing import Any, ClassVar, Sequence

import numpy as np

from ..core import Estimate, OracleFailure, TextEnv
from ..core.textenv import CHARSET
from . import require
from .examples import EXAMPLES
from .renderer import RenderPool
from .tasks import LANGS, SEED_TASKS, TASK_IDS, prompt, shapes_reference, shapes_spec

__all__ = ["SVGEnv", "SVGTask", "extract_svg"]

TASK_SETS = ("seed", "shapes", "all")
ESTIMATORS = ("verifier", "judge")
_SVG_OPEN = "<svg"
_SVG_CLOSE = "</svg>"


def extract_svg(text: str) -> str | None:
    """The SVG of a completion: the last ```` ```svg ```` block, else the last ``<svg>...</svg>`` element.

    Only the text after the last ``</think>`` is read (none inside an unfinished ``<think>``). Within a fenced
    block, prose around the ``<svg>`` element is dropped. The element is the one closed by the last
    ``</svg>``, matched with its own opening tag (nested ``<svg>`` elements are kept inside). Linear time.
    """
    if not isinstance(text, str):
        return None
    cut = text.rfind("</think>")
    if cut >= 0:
        text = text[cut + len("</think>"):]
    elif "<think>" in text:
        return None
    low = text.lower()
    fence = low.rfind("```svg")
    if fence >= 0:
        start = low.find("\n", fence)
        end = low.find("```", start + 1) if start >= 0 else -1
        if start >= 0:
            body = text[start + 1:end if end >= 0 else len(text)]
            inner = _last_element(body, body.lower())
            if inner is not None:
                return inner
            if _SVG_OPEN in body.lower():
                return body.strip()  # an unclosed element: scored as unrenderable, not as a format error
    return _last_element(text, low)


_OPEN_RE = re.compile(r"<svg(?=[\s>/]|$)")


def _last_element(text: str, low: str) -> str | None:
    """The element closed by the last ``</svg>``, paired with its own opening tag (linear time)."""
    closes = [m.start() for m in re.finditer(re.escape(_SVG_CLOSE), low)]
    if not closes:
        return None
    opens = [m.start() for m in _OPEN_RE.finditer(low, 0, closes[-1])]
    i, j = len(opens) - 1, len(closes) - 2  # j: the closes before the last one
    depth = 0
    while i >= 0:
        if j >= 0 and closes[j] > opens[i]:
            depth += 1
            j -= 1
            continue
        if depth == 0:
            return text[opens[i]:closes[-1] + len(_SVG_CLOSE)].strip()
        depth -= 1
        i -= 1
    return None


@dataclass(frozen=True)
class SVGTask:
    """A task state: a seed task id or ``"shapes"`` with its seed, and the prompt language."""

    task: str
    lang: str = "en"
    seed: int = 0

    def to_json(self) -> str:
        body: dict[str, Any] = {"task": self.task, "lang": self.lang}
        if self.task == "shapes":
            body["seed"] = int(self.seed)
        return json.dumps(body, sort_keys=True, ensure_ascii=False)


# one render pool per (process, settings), shared by the envs of the process
_POOLS: dict[tuple, RenderPool] = {}
_POOLS_LOCK = threading.Lock()


def _shared_pool(workers: int, timeout: float, memory_mb: int) -> RenderPool:
    key = (os.getpid(), workers, timeout, memory_mb)
    with _POOLS_LOCK:
        pool = _POOLS.get(key)
        if pool is None:
            pool = _POOLS[key] = RenderPool(workers=workers, timeout=timeout, memory_mb=memory_mb)
        return pool


@atexit.register
def _close_pools() -> None:
    for key, pool in list(_POOLS.items()):
        if key[0] == os.getpid():
            pool.close()


def _prompt_chars() -> str:
    chars: set[str] = set()
    for t in SEED_TASKS.values():
        chars.update(t.en + t.zh)
    for lang in ("en", "zh"):
        for s in range(64):
            chars.update(prompt({"task": "shapes", "seed": s, "lang": lang}))
        chars.update(prompt({"task": next(iter(SEED_TASKS)), "lang": lang}))
    chars.update("０１２３４５６７８９")
    return "".join(sorted(chars - set(CHARSET)))


class SVGEnv(TextEnv):
    """Draw an SVG for a prompt; a verifier scores the rendered drawing at the budget resolution.

    ## Action Space
    ``Text``: the model's whole completion (up to 131072 characters). The SVG is the last ```` ```svg ````
    fenced block, else the last ``<svg>...</svg>`` element (after ``</think>`` where present). SVGs of up to
    64 KB are accepted; ``<text>`` is not drawn (the renderer has no fonts), so glyphs must be shapes.

    ## Observation Space
    ``Text``: the prompt, in English or Chinese (``lang``). Seed prompts name a drawing ("a regular hexagon",
    "a night city skyline", ...); parametric prompts describe 1-3 shapes with exact colours and coordinates on
    a 100 x 100 canvas.

    ## Rewards
    No SVG: ``format_penalty`` (-0.1). An SVG that cannot be rendered (not well-formed XML, a DTD, over the
    caps of size, depth or elements, a ``<use>`` bomb, ...): ``unrenderable_reward`` (-1). Otherwise
    ``format_reward`` (+0.1) plus the verifier's score in [0, 1] at ``resolution`` pixels: for seed tasks the
    product of soft checks of the drawing's properties (``info["checks"]``), for parametric tasks the render
    similarity to the reference (half ink IoU, half colour agreement). If the isolated renderer crashes or
    times out on an item, that item scores ``oracle_error_reward`` with ``info["oracle_error"]``.
    ``truth()`` is the same score at ``truth_resolution`` (1024 px), so the resolution is a bias knob. With
    ``estimator="judge"`` the value is the mean of the judge's scores (out of 10, divided by 10).

    ## Episode End
    One step: the episode ends after the first answer (or after the retries of ``invalid_policy="retry"``).

    ## Arguments
    * ``tasks``: ``"seed"`` (23 prompts with verifiers), ``"shapes"`` (seeded parametric prompts with exact
      targets) or ``"all"`` (half each).
    * ``resolution``: the budget, the raster size in pixels (1 to 4096; default 256).
    * ``lang``: ``"en"``, ``"zh"`` or ``"mixed"`` (each state draws its language).
    * ``truth_resolution``: the raster size of the ground truth (default 1024).
    * ``workers``: isolated render processes (default: 2, or 1 on a single core), shared by the envs of a
      process with the same settings and by concurrent calls from threads.
    * ``render_timeout``: seconds per item (plus 1 s per megapixel) before a render counts as failed.
    * ``unrenderable_reward``: the whole reward of an SVG that cannot be rendered (default -1).
    * ``estimator``: ``"verifier"`` (default) or ``"judge"``: an OpenAI-compatible chat endpoint
      (``judge_url``, e.g. a vLLM server with a vision model; ``judge_model``, ``judge_timeout``,
      ``judge_api_key``) is shown the render at ``resolution`` and scores it 0-10; the budget is then
      ``samples`` (judge requests per drawing, each with its own seed; default 4) and the truth stays the
      verifier at ``truth_resolution``. The judge arguments are refused with the verifier.
    * plus the shared ``TextEnv`` arguments (``format_reward``, ``format_penalty``, ``oracle_error_reward``,
      ``invalid_policy``, ``render_mode`` = ``"ansi"`` or ``"rgb_array"``, ...).

    ## Version History
    * v0: initial version.
    """

    metadata: ClassVar[dict] = {"render_modes": ["ansi", "rgb_array"], "render_fps": 4}
    budget_name: ClassVar[str] = "resolution"
    max_budget: ClassVar[int] = 4096
    answer_example: ClassVar[str] = "```svg\n<svg ...>...</svg>\n```"
    max_action_length: ClassVar[int] = 131072
    transient_attrs: ClassVar[tuple[str, ...]] = ("_pool",)
    conformance_kwargs: ClassVar[list[dict]] = [
        {"tasks": "shapes", "resolution": 64},
        {"tasks": "seed", "lang": "zh", "resolution": 32},
        {"tasks": "all", "lang": "mixed", "resolution": 128},
    ]

    def __init__(self, tasks: str = "all", resolution: int = 256, lang: str = "en", truth_resolution: int = 1024,
                 workers: int | None = None, render_timeout: float = 0.4, memory_mb: int = 2048,
                 unrenderable_reward: float = -1.0, estimator: str = "verifier", judge_url: str | None = None,
                 judge_model: str | None = None, samples: int | None = None, judge_timeout: float | None = None,
                 judge_api_key: str | None = None, **kwargs: Any) -> None:
        if tasks not in TASK_SETS:
            raise ValueError(f"tasks={tasks!r} is not one of {TASK_SETS}; use 'seed' (the 23 seed prompts), "
                             "'shapes' (parametric prompts with exact targets) or 'all'")
        if lang not in LANGS:
            raise ValueError(f"lang={lang!r} is not one of {LANGS}")
        if isinstance(truth_resolution, bool) or not isinstance(truth_resolution, (int, np.integer)) \
                or not 1 <= truth_resolution <= self.max_budget:
            raise ValueError(f"truth_resolution={truth_resolution!r} must be an integer in [1, {self.max_budget}], "
                             "e.g. truth_resolution=1024")
        if workers is None:
            workers = min(2, os.cpu_count() or 1)
        if isinstance(workers, bool) or not isinstance(workers, (int, np.integer)) or not 1 <= workers <= 64:
            raise ValueError(f"workers={workers!r} must be None or an integer in [1, 64]")
        if isinstance(render_timeout, bool) or not isinstance(render_timeout, (int, float)) \
                or not 0 < render_timeout <= 600:
            raise ValueError(f"render_timeout={render_timeout!r} must be a number of seconds in (0, 600]")
        if isinstance(memory_mb, bool) or not isinstance(memory_mb, (int, np.integer)) or memory_mb < 256:
            raise ValueError(f"memory_mb={memory_mb!r} must be an integer >= 256")
        if isinstance(unrenderable_reward, bool) or not isinstance(unrenderable_reward, (int, float)) \
                or not np.isfinite(unrenderable_reward) or abs(unrenderable_reward) > 1e6:
            raise ValueError(f"unrenderable_reward={unrenderable_reward!r} must be a finite real number")
        for mod in ("skia", "defusedxml.ElementTree", "svgelements"):
            require(mod)
        if estimator not in ESTIMATORS:
            raise ValueError(f"estimator={estimator!r} is not one of {ESTIMATORS}; use 'verifier' (the task's "
                             "programmatic check) or 'judge' (an OpenAI-compatible chat endpoint shown the render)")
        judge_args = {"judge_url": judge_url, "judge_model": judge_model, "samples": samples,
                      "judge_timeout": judge_timeout, "judge_api_key": judge_api_key}
        if estimator == "verifier":
            given = sorted(k for k, v in judge_args.items() if v is not None)
            if given:
                raise ValueError(f"{given} only apply to estimator='judge'; drop them or pass estimator='judge'")
            self._set_budget(resolution)
        else:
            if not isinstance(judge_url, str) or not judge_url.startswith(("http://", "https://")):
                raise ValueError(f"judge_url={judge_url!r} must be the base URL of an OpenAI-compatible endpoint, "
                                 "e.g. judge_url='http://localhost:8000/v1'")
            if judge_timeout is not None and (isinstance(judge_timeout, bool) or not isinstance(judge_timeout, (int, float))
                                              or not 0 < judge_timeout <= 3600):
                raise ValueError(f"judge_timeout={judge_timeout!r} must be a number of seconds in (0, 3600]")
            if isinstance(resolution, bool) or not isinstance(resolution, (int, np.integer)) \
                    or not 1 <= resolution <= self.max_budget:
                raise ValueError(f"resolution={resolution!r} must be an integer in [1, {self.max_budget}]")
            self._set_budget(4 if samples is None else samples, name="samples")
        self.estimator = estimator
        self.resolution = int(resolution)
        self.judge_url = judge_url
        self.judge_model = judge_model or "judge"
        self.judge_timeout = float(judge_timeout or 60.0)
        self.judge_api_key = judge_api_key
        super().__init__(**kwargs)
        self.tasks = tasks
        self.lang = lang
        self.truth_resolution = int(truth_resolution)
        self.workers = int(workers)
        self.render_timeout = float(render_timeout)
        self.memory_mb = int(memory_mb)
        self.unrenderable_reward = float(unrenderable_reward)
        self._make_spaces(_prompt_chars())
        self._pool: RenderPool | None = None
        self._last: tuple[str, str] | None = None
        self._last_score: float | None = None

    @classmethod
    def budget_name_for(cls, kwargs: dict[str, Any]) -> str:
        return "samples" if kwargs.get("estimator") == "judge" else "resolution"

    # ------------------------------------------------------------------ renderer
    @property
    def pool(self) -> RenderPool:
        """The isolated render pool (started lazily, shared by the envs of this process)."""
        if self._pool is None:
            self._pool = _shared_pool(self.workers, self.render_timeout, self.memory_mb)
        return self._pool

    def close(self) -> None:
        self._pool = None  # the shared pool lives until the process exits
        super().close()

    # ------------------------------------------------------------------ states
    def _allowed(self, task: str) -> bool:
        if self.tasks == "all":
            return True
        return (task == "shapes") == (self.tasks == "shapes")

    def _sample_state(self, rng: np.random.Generator) -> SVGTask:
        lang = self.lang if self.lang != "mixed" else ("en", "zh")[int(rng.integers(2))]
        seed_ids = list(SEED_TASKS)
        if self.tasks == "shapes" or (self.tasks == "all" and rng.random() < 0.5):
            return SVGTask("shapes", lang, int(rng.integers(0, 2**31 - 1)))
        return SVGTask(seed_ids[int(rng.integers(len(seed_ids)))], lang)

    def _state_for_task(self, task_id: Any) -> SVGTask:
        """``"hexagon"``, ``"hexagon:zh"``, ``"shapes:17"`` or ``"shapes:17:zh"``."""
        if not isinstance(task_id, str):
            raise ValueError(f"task_id={task_id!r} must be a string such as 'hexagon' or 'shapes:17'")
        parts = task_id.split(":")
        lang = self.lang if self.lang != "mixed" else "en"
        if parts and parts[-1] in ("en", "zh"):
            lang = parts.pop()
        if parts[0] == "shapes" and len(parts) == 2 and parts[1].isdigit():
            return self.decode_state(SVGTask("shapes", lang, int(parts[1])).to_json())
        if len(parts) == 1 and parts[0] in SEED_TASKS:
            return self.decode_state(SVGTask(parts[0], lang).to_json())
        raise ValueError(f"unknown task_id={task_id!r}; use one of {list(SEED_TASKS)} (optionally ':en' / ':zh') "
                         "or 'shapes:<seed>'")

    def encode_state(self, state: SVGTask) -> str:
        if not isinstance(state, SVGTask):
            raise ValueError(f"not an SVG task: {state!r:.100}")
        return state.to_json()

    def decode_state(self, text: str) -> SVGTask:
        try:
            obj = json.loads(text)
        except (TypeError, ValueError):
            raise ValueError(f"state {text!r:.100} is not an SVG task state (JSON such as "
                             '{"task": "hexagon", "lang": "en"})') from None
        if not isinstance(obj, dict) or obj.get("task") not in TASK_IDS or obj.get("lang") not in ("en", "zh"):
            raise ValueError(f"state {text!r:.100} names no SVG task; tasks are {list(TASK_IDS)}, languages en/zh")
        task = obj["task"]
        if not self._allowed(task):
            raise ValueError(f"state {text!r:.100} is a {task!r} task, which this env (tasks={self.tasks!r}) "
                             "does not serve; make the env with tasks='all'")
        seed = obj.get("seed", 0)
        if task == "shapes" and (isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < 2**63):
            raise ValueError(f"state {text!r:.100}: seed must be a non-negative integer")
        return SVGTask(task, obj["lang"], int(seed) if task == "shapes" else 0)

    # ------------------------------------------------------------------ text
    def system_prompt(self) -> str:
        return ("You draw with SVG. Think briefly if you need to, then give one complete, self-contained SVG "
                "document in a ```svg code block. Text elements are not rendered: draw every glyph as shapes.")

    def render_prompt(self, state: SVGTask) -> str:
        return prompt({"task": state.task, "lang": state.lang, "seed": state.seed})

    def extract(self, text: str) -> str | None:
        return extract_svg(text)

    def parse_action(self, answer: str, state: Any) -> str | None:
        return answer if _SVG_OPEN in answer.lower() else None

    def is_legal(self, state: Any, action: str) -> bool:
        return True

    def format_action(self, action: str) -> str:
        return f"```svg\n{action}\n```"

    # ------------------------------------------------------------------ candidates
    def _candidates(self, state: SVGTask) -> list[tuple[str, str]]:
        if state.task != "shapes":
            ex = EXAMPLES[state.task]
            return ([("correct", s) for s in ex["correct"]]
                    + [(f"near_miss:{what}", s) for what, s in ex["near_miss"]])
        return _shape_candidates(state.seed)

    def candidate_actions(self, state: Any) -> list[str]:
        return [svg for _, svg in self._candidates(self._as_state(state))]

    def candidate_labels(self, state: Any) -> list[str]:
        return [label for label, _ in self._candidates(self._as_state(state))]

    # ------------------------------------------------------------------ oracle
    def _jobs(self, states: Sequence[SVGTask], actions: Sequence[str], resolution: int) -> list:
        return [(a, self.encode_state(s), int(resolution), False) for s, a in zip(states, actions)]

    def _to_estimates(self, results, resolution: int) -> list[Estimate | OracleFailure]:
        out: list[Estimate | OracleFailure] = []
        for r in results:
            if r.status == "ok":
                out.append(Estimate(min(1.0, max(0.0, r.score)), 0.0, int(resolution), False,
                                    info={"checks": r.details}))
            elif r.status == "unrenderable":
                out.append(Estimate(0.0, 0.0, int(resolution), False, info={"unrenderable": r.reason}))
            else:
                out.append(OracleFailure(f"renderer: {r.reason}"))
        return out

    def _estimate_batch(self, states, actions, budget, seeds):
        if self.estimator == "judge":
            return self._judge_batch(states, actions, budget, seeds)
        return self._to_estimates(self.pool.evaluate(self._jobs(states, actions, budget)), budget)

    def _judge_batch(self, states, actions, budget, seeds) -> list[Estimate | OracleFailure]:
        from .judge import JudgeError, judge_samples
        from .raster import png_bytes

        jobs = [(a, self.encode_state(s), self.resolution, True) for s, a in zip(states, actions)]
        out: list[Estimate | OracleFailure] = []
        for state, result, seed in zip(states, self.pool.evaluate(jobs), seeds):
            if result.status == "unrenderable":
                out.append(Estimate(0.0, 0.0, int(budget), False, info={"unrenderable": result.reason}))
                continue
            if result.status != "ok" or result.image is None:
                out.append(OracleFailure(f"renderer: {result.reason}"))
                continue
            try:
                vals = judge_samples(self.judge_url, self.judge_model, self.render_prompt(state),
                                     png_bytes(result.image), int(budget), int(seed), timeout=self.judge_timeout,
                                     api_key=self.judge_api_key)
            except JudgeError as exc:
                out.append(OracleFailure(str(exc)))
                continue
            se = float(vals.std() / np.sqrt(len(vals))) if len(vals) > 1 else 0.0
            out.append(Estimate(float(vals.mean()), se, int(budget), False,
                                info={"judge_scores": [float(v) for v in vals], "checks": result.details}))
        return out

    def samples(self, state: Any, action: str, budget: int, seed: int) -> np.ndarray | None:
        """The judge's per-sample scores (``estimator="judge"``); None for the verifier (a render is not a
        sample mean)."""
        if self.estimator != "judge":
            return None
        est = self._judge_batch([self._as_state(state)], [action], self._check_budget(budget),
                                np.array([seed], dtype=np.int64))[0]
        if not isinstance(est, Estimate):
            raise RuntimeError(est.reason)
        return np.asarray(est.info.get("judge_scores", [0.0] * int(budget)), dtype=np.float64)

    def _truth_batch(self, states, actions):
        res = self.truth_resolution
        return self._to_estimates(self.pool.evaluate(self._jobs(states, actions, res)), res)

    def reward_from_estimate(self, estimate: Estimate, state: Any) -> float:
        if estimate.info.get("unrenderable"):
            return self.unrenderable_reward
        return self.format_reward + estimate.value

    # ------------------------------------------------------------------ rendering
    def step(self, action: Any):
        state = self._state
        obs, reward, terminated, truncated, info = super().step(action)
        if info.get("legal") and info.get("action") is not None and state is not None:
            self._last = (info["action"], self.encode_state(state))
            self._last_score = float(reward)
        return obs, reward, terminated, truncated, info

    def last_render(self, resolution: int | None = None) -> np.ndarray | None:
        """The last scored SVG rendered (sanitized, isolated) as an ``(H, W, 3)`` uint8 array, or None."""
        if self._last is None:
            return None
        res = self.resolution if resolution is None else int(resolution)
        if not 1 <= res <= self.max_budget:
            raise ValueError(f"resolution={resolution!r} must be in [1, {self.max_budget}]")
        (result,) = self.pool.evaluate([(self._last[0], self._last[1], res, True)])
        return result.image

    def render(self):
        if self.render_mode == "rgb_array":
            img = self.last_render()
            return img if img is not None else np.full((self.resolution, self.resolution, 3), 255, dtype=np.uint8)
        if self.render_mode == "ansi":
            tail = "" if self._last_score is None else f"\n\n[last reward: {self._last_score:.3f}]"
            return self._prompt + tail
        return None

    def save_render(self, path: str | os.PathLike) -> str:
        """Write the last scored SVG as a PNG at ``resolution`` pixels (a blank canvas before any SVG was
        scored, or when the last one could not be rendered again); returns the path written."""
        from .raster import png_bytes

        img = self.last_render()
        if img is None:
            img = np.full((self.resolution, self.resolution, 3), 255, dtype=np.uint8)
        path = os.fspath(path)
        with open(path, "wb") as f:
            f.write(png_bytes(img))
        return path


def _shape_candidates(seed: int) -> list[tuple[str, str]]:
    """The reference of a parametric task, the same drawing in other notations, and near misses."""
    from .tasks import _shape_svg

    specs = [dict(s) for s in shapes_spec(seed)]
    head = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'

    def doc(shapes, wrap: str = "") -> str:
        body = "".join(_shape_svg(s) for s in shapes)
        return head + (f'<g transform="{wrap}">{body}</g>' if wrap else body) + "</svg>"

    def moved(dx: float, dy: float) -> list[dict]:
        out = []
        for s in specs:
            t = dict(s)
            if t["kind"] in ("circle", "ellipse"):
                t["cx"], t["cy"] = t["cx"] + dx, t["cy"] + dy
            elif t["kind"] == "rect":
                t["x"], t["y"] = t["x"] + dx, t["y"] + dy
            else:
                t["points"] = [[a + dx, b + dy] for a, b in t["points"]]
            out.append(t)
        return out

    def scaled(f: float) -> list[dict]:
        out = []
        for s in specs:
            t = dict(s)
            for key in ("r", "rx", "ry", "width", "height"):
                if key in t:
                    t[key] = round(t[key] * f, 2)
            if t["kind"] == "triangle":
                cx = sum(p[0] for p in t["points"]) / 3
                cy = sum(p[1] for p in t["points"]) / 3
                t["points"] = [[round(cx + (a - cx) * f, 2), round(cy + (b - cy) * f, 2)] for a, b in t["points"]]
            out.append(t)
        return out

    recoloured = [dict(s, hex="#" + "".join(f"{255 - int(s['hex'][i:i + 2], 16):02x}" for i in (1, 3, 5)))
                  for s in specs]
    alt = shapes_reference(seed).replace('fill="#', 'style="fill:#')
    alt = alt.replace('viewBox="0 0 100 100"', 'width="100" height="100"')
    cands = [("correct", shapes_reference(seed)),
             ("correct", doc(moved(-10, 5), "translate(10 -5)")),
             ("correct", alt),
             ("near_miss:shift1", doc(moved(1, 1))),
             ("near_miss:shift5", doc(moved(5, -4))),
             ("near_miss:scale1.2", doc(scaled(1.2))),
             ("near_miss:colour", doc(recoloured))]
    if len(specs) > 1:
        cands.append(("near_miss:missing_shape", doc(specs[:-1])))
    else:
        cands.append(("near_miss:scale0.7", doc(scaled(0.7))))
    return cands
