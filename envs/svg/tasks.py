"""The task catalog: seed prompts with verifiers, and parametric shape tasks with exact targets.

A task state is a small JSON string: ``{"task": "hexagon", "lang": "en"}`` for a seed task, or
``{"task": "shapes", "seed": 17, "lang": "zh"}`` for a parametric one (its description and reference SVG are
regenerated from the seed). :func:`score_drawing` scores a sanitized, rendered drawing against a state; it runs
inside the isolated worker.

Seed verifiers score 0..1 as the product of soft checks of checkable properties (the raster at the budget
resolution, and the parsed geometry after transforms); each check is 1 inside its tolerance and falls
linearly to 0, so a drawing that misses one defining property scores at most about 0.5.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

import numpy as np

from . import raster as rs

__all__ = ["SEED_TASKS", "TASK_IDS", "Drawing", "prompt", "score_drawing", "shapes_spec", "shapes_reference",
           "warm_up", "LANGS"]

LANGS = ("en", "zh", "mixed")


# ----------------------------------------------------------------------------------------------- drawing
class Drawing:
    """A rendered drawing: the RGB raster at the budget resolution and (lazily) its parsed geometry."""

    def __init__(self, doc: Any, rgb: np.ndarray) -> None:
        self.doc = doc
        self.rgb = rgb
        self.R = max(rgb.shape[0], rgb.shape[1])
        self._cache: dict[str, Any] = {}

    def cached(self, key: str, fn: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = fn()
        return self._cache[key]

    @property
    def viewport(self) -> tuple[int, int, int, int]:
        """The pixel rectangle ``(x0, y0, x1, y1)`` that the viewBox fills (centred, uniformly scaled)."""
        vb = getattr(self.doc, "viewbox", None)
        if vb is None:
            return 0, 0, self.rgb.shape[1], self.rgb.shape[0]
        scale = self.R / max(vb[2], vb[3])
        w, h = vb[2] * scale, vb[3] * scale
        x0, y0 = (self.R - w) / 2, (self.R - h) / 2
        return (int(np.ceil(x0 - 1e-6)), int(np.ceil(y0 - 1e-6)), int(np.floor(x0 + w + 1e-6)),
                int(np.floor(y0 + h + 1e-6)))

    def crop(self) -> "Drawing":
        """The drawing restricted to its viewport (the letterbox bands of a non-square viewBox removed)."""
        x0, y0, x1, y1 = self.viewport
        if (x1 - x0) < 4 or (y1 - y0) < 4:
            return self
        return Drawing(self.doc, self.rgb[y0:y1, x0:x1])

    @property
    def bg(self) -> np.ndarray:
        return self.cached("bg", lambda: rs.background(self.rgb))

    @property
    def ink(self) -> np.ndarray:
        """Pixels that differ from the background (the border's median colour)."""
        return self.cached("ink", lambda: rs.ink_mask(self.rgb, self.bg))

    @property
    def light_sat(self) -> tuple[np.ndarray, np.ndarray]:
        """HSL lightness and saturation (without the hue, which costs most)."""
        def compute():
            r, g, b = (self.rgb[:, :, i] for i in range(3))
            mx = np.maximum(np.maximum(r, g), b)
            mn = np.minimum(np.minimum(r, g), b)
            total = mx.astype(np.int16) + mn
            denom = (255 - np.abs(total - 255)).astype(np.float32)
            return total * np.float32(1 / 510), (mx - mn).astype(np.float32) / np.maximum(denom, 1)
        return self.cached("ls", compute)

    @property
    def hsl(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return self.cached("hsl", lambda: rs.to_hsl(self.rgb))

    def colour(self, name: str) -> np.ndarray:
        return self.cached("c:" + name, lambda: rs.colour_mask(self.rgb, *COLOURS[name],
                                                                 hsl=self._cache.get("hsl")))

    def elements(self) -> list:
        """svgelements shapes after transforms, in a 512 x 512 frame (the same fit as the raster)."""
        return self.cached("geom", self._parse)

    def _parse(self) -> list:
        import io

        from . import require

        se = require("svgelements")
        svg = se.SVG.parse(io.StringIO(self.doc.to_string(512, 512)), reify=True)
        return [e for e in svg.elements() if isinstance(e, se.Shape)]


#: colour regions as (hue range, saturation range, lightness range) in HSL
COLOURS: dict[str, tuple] = {
    "red": ((345, 15), (0.45, 1.0), (0.2, 0.75)),
    "light_green": ((75, 165), (0.25, 1.0), (0.55, 0.92)),
    "green": ((75, 165), (0.25, 1.0), (0.1, 0.92)),
    "dark_green": ((75, 165), (0.25, 1.0), (0.05, 0.45)),
    "purple": ((255, 320), (0.2, 1.0), (0.12, 0.85)),
    "blue": ((185, 250), (0.35, 1.0), (0.15, 0.85)),
    "yellow": ((35, 65), (0.5, 1.0), (0.3, 0.9)),
}


def ramp(x: float, bad: float, good: float) -> float:
    """1 when ``x`` is at or beyond ``good``, 0 at or beyond ``bad``, linear between (either direction)."""
    if good == bad:
        return float(x >= good)
    t = (x - bad) / (good - bad)
    return float(min(1.0, max(0.0, t)))


def band(x: float, lo: float, hi: float, slack: float) -> float:
    """1 inside ``[lo, hi]``, falling linearly to 0 at ``slack`` outside it."""
    if x < lo:
        return ramp(x, lo - slack, lo)
    return ramp(x, hi + slack, hi)


def combine(checks: dict[str, float]) -> tuple[float, dict]:
    score = 1.0
    for v in checks.values():
        score *= float(min(1.0, max(0.0, v)))
    return score, {k: round(float(v), 4) for k, v in checks.items()}


# ------------------------------------------------------------------------------------ parametric shapes
_PALETTE = [("red", "#e53935", "红色"), ("blue", "#1e88e5", "蓝色"), ("green", "#43a047", "绿色"),
            ("orange", "#fb8c00", "橙色"), ("purple", "#8e24aa", "紫色"), ("black", "#212121", "黑色"),
            ("yellow", "#fdd835", "黄色"), ("teal", "#00897b", "青色")]
_KINDS = ("circle", "rect", "ellipse", "triangle")


@lru_cache(maxsize=4096)
def shapes_spec(seed: int) -> tuple[dict, ...]:
    """The seeded shapes of a parametric task: 1 to 3 shapes with integer geometry on a 100 x 100 canvas."""
    rng = np.random.default_rng([int(seed), 0x5f6])
    n = int(rng.integers(1, 4))
    out = []
    for _ in range(n):
        kind = _KINDS[int(rng.integers(len(_KINDS)))]
        name, hexcode, zh = _PALETTE[int(rng.integers(len(_PALETTE)))]
        cx, cy = (int(v) for v in rng.integers(20, 81, size=2))
        if kind == "circle":
            geo = {"cx": cx, "cy": cy, "r": int(rng.integers(6, min(cx, cy, 100 - cx, 100 - cy, 30) + 1))}
        elif kind == "ellipse":
            lim = min(cx, cy, 100 - cx, 100 - cy)
            rx = int(rng.integers(6, max(7, min(lim, 35) + 1)))
            ry = int(rng.integers(4, max(5, min(lim, 25) + 1)))
            geo = {"cx": cx, "cy": cy, "rx": min(rx, lim), "ry": min(ry, lim)}
        elif kind == "rect":
            w, h = (int(v) for v in rng.integers(10, 46, size=2))
            x, y = int(rng.integers(2, 99 - w)), int(rng.integers(2, 99 - h))
            geo = {"x": x, "y": y, "width": w, "height": h}
        else:
            pts = rng.integers(5, 96, size=(3, 2))

            def area2(p):
                (ax, ay), (bx, by) = p[1] - p[0], p[2] - p[0]
                return abs(int(ax) * int(by) - int(ay) * int(bx))

            while area2(pts) < 400:
                pts = rng.integers(5, 96, size=(3, 2))
            geo = {"points": [[int(a), int(b)] for a, b in pts]}
        out.append({"kind": kind, "colour": name, "hex": hexcode, "zh": zh, **geo})
    return tuple(out)


def _shape_svg(s: dict) -> str:
    k, fill = s["kind"], s["hex"]
    if k == "circle":
        return f'<circle cx="{s["cx"]}" cy="{s["cy"]}" r="{s["r"]}" fill="{fill}"/>'
    if k == "ellipse":
        return f'<ellipse cx="{s["cx"]}" cy="{s["cy"]}" rx="{s["rx"]}" ry="{s["ry"]}" fill="{fill}"/>'
    if k == "rect":
        return f'<rect x="{s["x"]}" y="{s["y"]}" width="{s["width"]}" height="{s["height"]}" fill="{fill}"/>'
    pts = " ".join(f"{a},{b}" for a, b in s["points"])
    return f'<polygon points="{pts}" fill="{fill}"/>'


def shapes_reference(seed: int) -> str:
    """The reference SVG of parametric task ``seed``."""
    body = "".join(_shape_svg(s) for s in shapes_spec(seed))
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">{body}</svg>'


def _describe(s: dict, lang: str) -> str:
    k = s["kind"]
    if lang == "zh":
        col = f'{s["zh"]}（{s["hex"]}）'
        if k == "circle":
            return f'一个{col}实心圆，圆心 ({s["cx"]}, {s["cy"]})，半径 {s["r"]}'
        if k == "ellipse":
            return (f'一个{col}实心椭圆，中心 ({s["cx"]}, {s["cy"]})，水平半径 {s["rx"]}，'
                    f'垂直半径 {s["ry"]}')
        if k == "rect":
            return (f'一个{col}实心矩形，左上角 ({s["x"]}, {s["y"]})，宽 {s["width"]}，高 {s["height"]}')
        pts = "、".join(f"({a}, {b})" for a, b in s["points"])
        return f'一个{col}实心三角形，顶点为 {pts}'
    col = f'{s["colour"]} ({s["hex"]})'
    if k == "circle":
        return f'a filled {col} circle centred at ({s["cx"]}, {s["cy"]}) with radius {s["r"]}'
    if k == "ellipse":
        return (f'a filled {col} ellipse centred at ({s["cx"]}, {s["cy"]}) with horizontal radius {s["rx"]} '
                f'and vertical radius {s["ry"]}')
    if k == "rect":
        return (f'a filled {col} rectangle with its top-left corner at ({s["x"]}, {s["y"]}), width '
                f'{s["width"]} and height {s["height"]}')
    pts = ", ".join(f"({a}, {b})" for a, b in s["points"])
    return f'a filled {col} triangle with vertices {pts}'


def _shapes_prompt(seed: int, lang: str) -> str:
    specs = shapes_spec(seed)
    if lang == "zh":
        items = "；\n".join(f"{i + 1}. {_describe(s, 'zh')}" for i, s in enumerate(specs))
        return ("请画一个 SVG：画布 viewBox=\"0 0 100 100\"，白色背景（不要画背景）。按顺序绘制以下图形"
                f"（后画的在上层），不要描边：\n{items}。")
    items = ";\n".join(f"{i + 1}. {_describe(s, 'en')}" for i, s in enumerate(specs))
    return ("Draw an SVG with viewBox=\"0 0 100 100\" on a white background (draw no background). Draw these "
            f"shapes in this order (later ones on top), without strokes:\n{items}.")


_REF_CACHE: dict[tuple[int, int], np.ndarray] = {}


def _reference_raster(seed: int, resolution: int) -> np.ndarray:
    key = (seed, resolution)
    img = _REF_CACHE.get(key)
    if img is None:
        from .sanitize import sanitize

        if len(_REF_CACHE) > 256:
            _REF_CACHE.clear()
        img = _REF_CACHE[key] = rs.render(sanitize(shapes_reference(seed)), resolution)
    return img


def similarity(rgb: np.ndarray, ref: np.ndarray, colour_tol: int = 48) -> tuple[float, dict]:
    """Render similarity in [0, 1]: half the IoU of the inked pixels, half the colour agreement on their union.

    Colour agreement is the fraction of the union's pixels whose colours differ by at most ``colour_tol`` in
    every channel. Two blank images score 1.
    """
    from ._kernels import similarity_k

    if rgb.shape != ref.shape:
        raise ValueError(f"images of different shapes: {rgb.shape} and {ref.shape}")
    n, inter, agree = similarity_k(rgb, ref, 40, int(colour_tol))
    if n == 0:
        return 1.0, {"iou": 1.0, "colour": 1.0}
    iou, col = inter / n, agree / n
    return 0.5 * iou + 0.5 * col, {"iou": round(iou, 5), "colour": round(col, 5)}


# ------------------------------------------------------------------------------------------ seed tasks
@dataclass(frozen=True)
class SeedTask:
    """One seed prompt: its English and Chinese wording and its verifier."""

    id: str
    en: str
    zh: str
    verify: Callable[[Drawing], tuple[float, dict]]


SEED_TASKS: dict[str, SeedTask] = {}


def seed_task(id: str, en: str, zh: str):
    def deco(fn):
        SEED_TASKS[id] = SeedTask(id, en, zh, fn)
        return fn
    return deco


from . import verifiers as _verifiers  # noqa: E402,F401 - registers the seed tasks

#: every task id: the seed ids, then "shapes"
TASK_IDS: tuple[str, ...] = tuple(SEED_TASKS) + ("shapes",)

_SUFFIX = {
    "en": "Answer with the complete SVG code in a ```svg code block.",
    "zh": "请在 ```svg 代码块中给出完整的 SVG 代码。",
}


def prompt(state: dict) -> str:
    """The user prompt of a task state."""
    lang = state.get("lang", "en")
    if state["task"] == "shapes":
        body = _shapes_prompt(int(state["seed"]), lang)
    else:
        t = SEED_TASKS[state["task"]]
        body = t.zh if lang == "zh" else t.en
    return f"{body}\n\n{_SUFFIX['zh' if lang == 'zh' else 'en']}"


@lru_cache(maxsize=1024)
def _parse_state(state: str) -> dict:
    obj = json.loads(state)
    if not isinstance(obj, dict) or obj.get("task") not in TASK_IDS:
        raise ValueError(f"not an SVG task state: {state!r}")
    return obj


def score_drawing(state: str, doc: Any, rgb: np.ndarray) -> tuple[float, dict]:
    """The verifier's score in [0, 1] of a rendered drawing for a task state, with its checks."""
    st = _parse_state(state)
    if st["task"] == "shapes":
        return similarity(rgb, _reference_raster(int(st["seed"]), rgb.shape[0]))
    return SEED_TASKS[st["task"]].verify(Drawing(doc, rgb))


def warm_up() -> None:
    """Import what scoring needs (called by the worker before it limits itself)."""
    from . import require

    require("svgelements")
    img = np.full((4, 4, 3), 255, dtype=np.uint8)
    rs.ink_mask(img)  # loads (or compiles) the numba kernels before the worker limits itself
    similarity(img, img)
    rs.colour_mask(img, (0, 360))
