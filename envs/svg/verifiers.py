"""Verifiers of the seed tasks (registered into :data:`envs.svg.tasks.SEED_TASKS`).

Each verifier measures checkable properties of a drawing and returns ``(score, checks)`` where the score is
the product of the checks (see :func:`envs.svg.tasks.combine`). The measurements are resolution-aware: they
run on the raster at the budget resolution, so a coarse budget gives a biased, noisier reward.
"""
from __future__ import annotations

import numpy as np

from . import raster as rs
from .tasks import Drawing, band, combine, ramp, seed_task

SVG_HINT = ""


# ------------------------------------------------------------------------------------------- helpers
def _bins(d: Drawing) -> int:
    return int(min(360, max(96, 2 * d.R)))


def polar(d: Drawing, mask: np.ndarray, centre=None) -> dict:
    """Radial analysis of ``mask`` about its centroid: dominant symmetry, regularity, depth of the profile."""
    c = centre or rs.centroid(mask)
    if c is None:
        return {"k": 0, "regular": 0.0, "depth": 0.0, "profile": np.zeros(8), "centre": (0.0, 0.0), "r": 0.0}
    prof = rs.radial_profile(mask, c, _bins(d))
    sm = (np.roll(prof, 1) + prof + np.roll(prof, -1)) / 3
    h = rs.harmonics(prof, 40)
    power = h[1:] ** 2
    total = power.sum()
    k = int(np.argmax(h[3:25]) + 3)
    mult = sum(power[m - 1] for m in range(k, 41, k))
    regular = float(mult / total) if total > 0 else 1.0
    return {"k": k, "regular": regular, "depth": float(sm.min() / max(sm.max(), 1e-9)), "profile": prof,
            "centre": c, "r": float(prof.max()), "ac": float(np.sqrt(total) / max(h[0], 1e-9))}


def bbox(mask: np.ndarray) -> tuple[int, int, int, int] | None:
    ys, xs = np.nonzero(mask)
    if len(xs) == 0:
        return None
    return int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1


def size_check(d: Drawing, mask: np.ndarray, lo: float = 0.2) -> float:
    """The drawing uses a reasonable part of the canvas (its larger side at least ``lo`` of it)."""
    b = bbox(mask)
    if b is None:
        return 0.0
    side = max(b[2] - b[0], b[3] - b[1]) / d.R
    return ramp(side, lo / 2, lo)


def fill_region(mask: np.ndarray) -> np.ndarray:
    """``mask`` with its holes filled: pixels not reachable from the border through non-mask pixels."""
    outside = ~mask
    reach = np.zeros_like(mask)
    reach[0, :] = outside[0, :]
    reach[-1, :] = outside[-1, :]
    reach[:, 0] |= outside[:, 0]
    reach[:, -1] |= outside[:, -1]
    for _ in range(4 * mask.shape[0]):
        grown = reach.copy()
        grown[1:, :] |= reach[:-1, :]
        grown[:-1, :] |= reach[1:, :]
        grown[:, 1:] |= reach[:, :-1]
        grown[:, :-1] |= reach[:, 1:]
        grown &= outside
        if (grown == reach).all():
            break
        reach = grown
    return ~reach


# ------------------------------------------------------------------------------------- polygons, stars
@seed_task("hexagon", "Draw a regular hexagon as an SVG.", "用 SVG 画一个正六边形。")
def _hexagon(d: Drawing):
    p = polar(d, d.ink)
    return combine({
        "visible": size_check(d, d.ink),
        "six_fold": float(p["k"] == 6),
        "regular": ramp(p["regular"], 0.7, 0.86),
        "corners": band(p["depth"], 0.84, 0.9, 0.06),
    })


@seed_task("star", "Draw a five-pointed star as an SVG.", "用 SVG 画一个五角星。")
def _star(d: Drawing):
    p = polar(d, d.ink)
    return combine({
        "visible": size_check(d, d.ink),
        "five_points": float(p["k"] == 5),
        "regular": ramp(p["regular"], 0.7, 0.86),
        "pointed": band(p["depth"], 0.3, 0.55, 0.12),
    })


@seed_task("hexagram", "Draw a purple hexagram (a six-pointed star made of two triangles) as an SVG.",
           "用 SVG 画一个紫色的六芒星（由两个三角形组成的六角星）。")
def _hexagram(d: Drawing):
    purple = d.colour("purple")
    ink = d.ink
    p = polar(d, ink)
    share = purple.sum() / max(1, ink.sum())
    return combine({
        "visible": size_check(d, ink),
        "purple": ramp(share, 0.3, 0.6),
        "six_points": float(p["k"] == 6),
        "regular": ramp(p["regular"], 0.7, 0.86),
        "star_depth": band(p["depth"], 0.5, 0.66, 0.08),
    })


@seed_task("gear", "Draw a gear (a cog wheel with teeth) as an SVG.", "用 SVG 画一个齿轮。")
def _gear(d: Drawing):
    p = polar(d, d.ink)
    prof = p["profile"]
    lo, hi = prof.min(), prof.max()
    plateau = float((prof > lo + 0.7 * (hi - lo)).mean()) if hi > lo else 0.0
    return combine({
        "visible": size_check(d, d.ink),
        "teeth": float(6 <= p["k"] <= 24),
        "regular": ramp(p["regular"], 0.45, 0.75),
        "tooth_depth": band(p["depth"], 0.6, 0.93, 0.08),
        "square_teeth": band(plateau, 0.32, 0.72, 0.1),
    })


def _hull(points: np.ndarray) -> np.ndarray:
    """Convex hull (Andrew's monotone chain) of integer points, counter-clockwise in image coordinates."""
    pts = sorted(set(map(tuple, points.tolist())))
    if len(pts) < 3:
        return np.array(pts, dtype=float)

    def half(seq):
        out: list = []
        for p in seq:
            while len(out) >= 2 and ((out[-1][0] - out[-2][0]) * (p[1] - out[-2][1])
                                     - (out[-1][1] - out[-2][1]) * (p[0] - out[-2][0])) <= 0:
                out.pop()
            out.append(p)
        return out

    lower, upper = half(pts), half(reversed(pts))
    return np.array(lower[:-1] + upper[:-1], dtype=float)


def hull_of(mask: np.ndarray) -> np.ndarray:
    """Convex hull of the pixel squares of ``mask`` (from each row's extreme pixels' corners)."""
    rows = np.nonzero(mask.any(axis=1))[0]
    if len(rows) == 0:
        return np.zeros((0, 2))
    sub = mask[rows]
    left = sub.argmax(axis=1)
    right = mask.shape[1] - 1 - sub[:, ::-1].argmax(axis=1)
    px = np.concatenate([left, right + 1, left, right + 1])
    py = np.concatenate([rows, rows, rows + 1, rows + 1])
    return _hull(np.stack([px, py], axis=1))


def corners(mask: np.ndarray, min_turn: float = 20.0) -> np.ndarray:
    """Corners of the convex hull of ``mask``: hull vertices where the outline turns by >= ``min_turn`` deg,
    after merging vertices closer than 4% of the hull's size."""
    hull = hull_of(mask)
    if len(hull) < 3:
        return hull
    size = np.ptp(hull, axis=0).max()
    # merge runs of close vertices into their mean
    merged: list = []
    for v in hull:
        if merged and np.hypot(*(v - merged[-1][0])) < 0.04 * size:
            merged[-1].append(v)
        else:
            merged.append([v])
    if len(merged) > 1 and np.hypot(*(merged[0][0] - merged[-1][0])) < 0.04 * size:
        merged[0] = merged.pop() + merged[0]
    centre = hull.mean(axis=0)
    # each group is represented by its vertex farthest from the centre (the tip of a corner)
    pts = np.array([max(g, key=lambda p: float(np.hypot(*(p - centre)))) for g in merged])
    keep = []
    n = len(pts)
    for i in range(n):
        a, b, c = pts[i - 1], pts[i], pts[(i + 1) % n]
        u, v = b - a, c - b
        ang = np.degrees(np.arctan2(u[0] * v[1] - u[1] * v[0], u @ v))
        if abs(ang) >= min_turn:
            keep.append(b)
    return np.array(keep)


def _area(poly: np.ndarray) -> float:
    if len(poly) < 3:
        return 0.0
    x, y = poly[:, 0], poly[:, 1]
    return float(abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2)


def polygon_fit(mask: np.ndarray, poly: np.ndarray) -> float:
    """Area of the polygon through the corners over the area of the mask's convex hull (1: straight sides)."""
    if len(poly) < 3:
        return 0.0
    hull = hull_of(mask)
    return _area(poly) / max(_area(hull), 1e-9)


def _direction(u: np.ndarray) -> float:
    return float(np.degrees(np.arctan2(u[1], u[0])) % 180)


def _angle_between(a: float, b: float) -> float:
    d = abs(a - b) % 180
    return min(d, 180 - d)


@seed_task("trapezoid", "Draw a trapezoid (exactly one pair of parallel sides) as an SVG.",
           "用 SVG 画一个梯形（只有一组对边平行）。")
def _trapezoid(d: Drawing):
    c = corners(d.ink)
    checks = {"visible": size_check(d, d.ink), "four_corners": float(len(c) == 4),
              "straight_sides": ramp(polygon_fit(d.ink, c), 0.9, 0.97)}
    if len(c) == 4:
        dirs = [_direction(c[(i + 1) % 4] - c[i]) for i in range(4)]
        a = _angle_between(dirs[0], dirs[2])
        b = _angle_between(dirs[1], dirs[3])
        par, other = min(a, b), max(a, b)
        checks["one_parallel_pair"] = ramp(par, 6.0, 3.0)
        checks["other_pair_not_parallel"] = ramp(other, 4.0, 9.0)
    else:
        checks["one_parallel_pair"] = checks["other_pair_not_parallel"] = 0.0
    return combine(checks)


def _ellipse_fit(mask: np.ndarray) -> tuple[float, float]:
    """IoU of ``mask`` with the ellipse of the same second moments, and the ratio of its axes (<= 1)."""
    ys, xs = np.nonzero(mask)
    if len(xs) < 10:
        return 0.0, 1.0
    x, y = xs + 0.5, ys + 0.5
    cx, cy = x.mean(), y.mean()
    cov = np.cov(np.stack([x - cx, y - cy]))
    evals, evecs = np.linalg.eigh(cov)
    evals = np.maximum(evals, 1e-9)
    h, w = mask.shape
    yy, xx = np.mgrid[0:h, 0:w]
    dx, dy = xx + 0.5 - cx, yy + 0.5 - cy
    u = dx * evecs[0, 0] + dy * evecs[1, 0]
    v = dx * evecs[0, 1] + dy * evecs[1, 1]
    ell = (u ** 2 / (4 * evals[0]) + v ** 2 / (4 * evals[1])) <= 1.0
    return rs.iou(mask, ell), float(np.sqrt(evals[0] / evals[1]))


@seed_task("light_green_ellipse", "Draw a light green ellipse as an SVG.", "用 SVG 画一个浅绿色的椭圆。")
def _light_green_ellipse(d: Drawing):
    lg = d.colour("light_green")
    share = lg.sum() / max(1, d.ink.sum())
    fit, ratio = _ellipse_fit(lg)
    return combine({
        "visible": size_check(d, lg),
        "light_green": ramp(share, 0.35, 0.6),
        "ellipse": ramp(fit, 0.86, 0.94),
        "not_a_circle": ramp(ratio, 0.97, 0.9),
    })


@seed_task("cross", "Draw an upright cross (a plus sign shape with four equal arms) as an SVG.",
           "用 SVG 画一个正十字（四臂等长的加号形状）。")
def _cross(d: Drawing):
    ink = d.ink
    b = bbox(ink)
    if b is None:
        return combine({"visible": 0.0})
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    sub = ink[y0:y1, x0:x1]
    q = max(1, int(round(0.25 * min(w, h))))
    corner = max(sub[:q, :q].mean(), sub[:q, -q:].mean(), sub[-q:, :q].mean(), sub[-q:, -q:].mean())
    mid_row = sub[h // 2, :].mean()
    mid_col = sub[:, w // 2].mean()
    centre = ((x0 + x1) / 2, (y0 + y1) / 2)
    return combine({
        "visible": size_check(d, ink),
        "square_extent": band(w / max(h, 1), 0.9, 1.1, 0.1),
        "empty_corners": ramp(corner, 0.25, 0.08),
        "arms_through": ramp(min(mid_row, mid_col), 0.7, 0.9),
        "four_fold": ramp(rs.symmetry_iou(ink, centre, 90), 0.6, 0.85),
        "not_filled": ramp(sub.mean(), 0.85, 0.75),
    })


def _edge_runs(line: np.ndarray) -> tuple[float, int]:
    """Coverage of a boolean profile and its number of inked runs."""
    if line.size == 0:
        return 0.0, 0
    starts = int(line[0]) + int(np.count_nonzero(line[1:] & ~line[:-1]))
    return float(line.mean()), starts


@seed_task("dashed_square", "Draw a square with a dashed border as an SVG.", "用 SVG 画一个边框为虚线的正方形。")
def _dashed_square(d: Drawing):
    ink = d.ink
    b = bbox(ink)
    if b is None:
        return combine({"visible": 0.0})
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    t = 2 if d.R >= 96 else 1
    edges = [ink[y0:y0 + t, x0:x1].any(axis=0), ink[y1 - t:y1, x0:x1].any(axis=0),
             ink[y0:y1, x0:x0 + t].any(axis=1), ink[y0:y1, x1 - t:x1].any(axis=1)]
    stats = [_edge_runs(e[1:-1] if e.size > 4 else e) for e in edges]
    cov = [s[0] for s in stats]
    runs = min(s[1] for s in stats)
    return combine({
        "visible": size_check(d, ink),
        "square": band(w / max(h, 1), 0.95, 1.05, 0.07),
        "borders_present": ramp(min(cov), 0.08, 0.2),
        "dashed": ramp(max(cov), 0.97, 0.9) * ramp(runs, 1, 3),
    })
