"""Verifiers of the seed tasks (registered into :data:`envs.svg.tasks.SEED_TASKS`).

Each verifier measures checkable properties of a drawing and returns ``(score, checks)`` where the score is
the product of the checks (see :func:`envs.svg.tasks.combine`). The measurements are resolution-aware: they
run on the raster at the budget resolution, so a coarse budget gives a biased, noisier reward.
"""
from __future__ import annotations

import numpy as np

from . import raster as rs
from .tasks import Drawing, band, combine, ramp, seed_task

# ------------------------------------------------------------------------------------------- helpers
def _bins(d: Drawing) -> int:
    return int(min(360, max(96, 2 * d.R)))


def polar(d: Drawing, mask: np.ndarray, centre=None) -> dict:
    """Radial analysis of ``mask`` about its centroid: dominant symmetry, regularity, depth of the profile."""
    c = centre or rs.centroid(mask)
    if c is None:
        return {"k": 0, "regular": 0.0, "depth": 0.0, "profile": np.zeros(8), "centre": (0.0, 0.0), "r": 0.0}
    bins = _bins(d)
    prof = rs.radial_profile(mask, c, bins)
    if centre is None:  # refine: the first harmonic of the profile is the offset of the centre
        for _ in range(2):
            f1 = np.fft.rfft(prof)[1] / bins
            c = (c[0] + 2 * f1.real, c[1] + 2 * f1.imag)
            prof = rs.radial_profile(mask, c, bins)
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
    rows = mask.any(axis=1)
    if not rows.any():
        return None
    cols = mask.any(axis=0)
    y0 = int(rows.argmax())
    y1 = len(rows) - int(rows[::-1].argmax())
    x0 = int(cols.argmax())
    x1 = len(cols) - int(cols[::-1].argmax())
    return x0, y0, x1, y1


def size_check(d: Drawing, mask: np.ndarray, lo: float = 0.2) -> float:
    """The drawing uses a reasonable part of the canvas (its larger side at least ``lo`` of it)."""
    b = bbox(mask)
    if b is None:
        return 0.0
    side = max(b[2] - b[0], b[3] - b[1]) / d.R
    return ramp(side, lo / 2, lo)


# ------------------------------------------------------------------------------------- polygons, stars
@seed_task("hexagon", "Draw a regular hexagon as an SVG.", "用 SVG 画一个正六边形。")
def _hexagon(d: Drawing):
    p = polar(d, d.ink)
    return combine({
        "visible": size_check(d, d.ink),
        "six_fold": float(p["k"] == 6),
        "regular": ramp(p["regular"], 0.8, 0.92),
        "corners": band(p["depth"], 0.84, 0.9, 0.06),
    })


@seed_task("star", "Draw a five-pointed star as an SVG.", "用 SVG 画一个五角星。")
def _star(d: Drawing):
    p = polar(d, d.ink)
    return combine({
        "visible": size_check(d, d.ink),
        "five_points": float(p["k"] == 5),
        "regular": ramp(p["regular"], 0.8, 0.92),
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
        "regular": ramp(p["regular"], 0.8, 0.92),
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
    dx = (np.arange(w, dtype=np.float32) + np.float32(0.5 - cx))[None, :]
    dy = (np.arange(h, dtype=np.float32) + np.float32(0.5 - cy))[:, None]
    u = dx * np.float32(evecs[0, 0]) + dy * np.float32(evecs[1, 0])
    v = dx * np.float32(evecs[0, 1]) + dy * np.float32(evecs[1, 1])
    ell = (u * u * np.float32(1 / (4 * evals[0])) + v * v * np.float32(1 / (4 * evals[1]))) <= 1.0
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


# ----------------------------------------------------------------------------------- round signs, logos
def disc_frame(mask: np.ndarray) -> tuple[tuple[float, float], float] | None:
    """Centre and radius of the bounding circle of ``mask`` (its bounding box's centre and half-size)."""
    b = bbox(mask)
    if b is None:
        return None
    x0, y0, x1, y1 = b
    return ((x0 + x1) / 2, (y0 + y1) / 2), max(x1 - x0, y1 - y0) / 2


def sample(mask: np.ndarray, centre, radius: float, angles_deg) -> np.ndarray:
    """Mask values at polar points (angles counter-clockwise from +x, y up)."""
    a = np.deg2rad(np.asarray(angles_deg, dtype=float))
    x = np.floor(centre[0] + radius * np.cos(a)).astype(int)
    y = np.floor(centre[1] - radius * np.sin(a)).astype(int)
    h, w = mask.shape
    ok = (x >= 0) & (x < w) & (y >= 0) & (y < h)
    out = np.zeros(len(a), dtype=bool)
    out[ok] = mask[y[ok], x[ok]]
    return out


def ray(mask: np.ndarray, centre, angle_deg, r0: float, r1: float, n: int = 64) -> np.ndarray:
    """Mask values at ``n`` points along a ray from radius ``r0`` to ``r1`` (an array of angles gives one row
    per angle)."""
    rr = np.linspace(r0, r1, n)
    a = np.deg2rad(np.atleast_1d(np.asarray(angle_deg, dtype=float)))[:, None]
    x = np.floor(centre[0] + rr * np.cos(a)).astype(int)
    y = np.floor(centre[1] - rr * np.sin(a)).astype(int)
    h, w = mask.shape
    ok = (x >= 0) & (x < w) & (y >= 0) & (y < h)
    out = np.zeros(x.shape, dtype=bool)
    out[ok] = mask[y[ok], x[ok]]
    return out[0] if np.ndim(angle_deg) == 0 else out


def ring_coverage(mask: np.ndarray, centre, radius: float, lo: float = 0.84, hi: float = 0.99,
                  n: int = 96) -> float:
    """Fraction of directions in which ``mask`` has a pixel between ``lo`` and ``hi`` times ``radius``."""
    angles = np.arange(n) * 360.0 / n
    hit = np.zeros(n, dtype=bool)
    for f in np.linspace(lo, hi, 6):
        hit |= sample(mask, centre, f * radius, angles)
    return float(hit.mean())


def sector(mask: np.ndarray, centre, radius: float, angle: float, r0: float = 0.3, r1: float = 0.7,
           half_width: float = 6.0) -> float:
    """Ink fraction of ``mask`` in the sector around ``angle`` (degrees) between ``r0`` and ``r1`` radii."""
    return float(ray(mask, centre, angle + np.linspace(-half_width, half_width, 5), r0 * radius, r1 * radius,
                     16).mean())


@seed_task("no_entry", "Draw a no-entry (prohibition) sign: a red circle with one diagonal slash across it, "
           "as an SVG.", "用 SVG 画一个禁止标志：红色圆圈，中间有一条斜杠。")
def _no_entry(d: Drawing):
    red = d.colour("red")
    f = disc_frame(red)
    if f is None:
        return combine({"red": 0.0})
    c, r = f
    d1 = min(sector(red, c, r, 135, 0.25, 0.7), sector(red, c, r, 315, 0.25, 0.7))
    d2 = min(sector(red, c, r, 45, 0.25, 0.7), sector(red, c, r, 225, 0.25, 0.7))
    one = max(ramp(d1, 0.5, 0.85) * ramp(d2, 0.4, 0.15), ramp(d2, 0.5, 0.85) * ramp(d1, 0.4, 0.15))
    across = max(sector(red, c, r, a, 0.25, 0.6) for a in (0, 90, 180, 270))
    return combine({
        "visible": size_check(d, red, 0.3),
        "red_ring": ramp(ring_coverage(red, c, r), 0.75, 0.95),
        "one_diagonal_slash": one,
        "open_interior": ramp(across, 0.5, 0.2),
    })


@seed_task("mercedes", "Draw the Mercedes-Benz logo as an SVG.", "用 SVG 画梅赛德斯-奔驰的标志。")
def _mercedes(d: Drawing):
    ink = d.ink
    f = disc_frame(ink)
    if f is None:
        return combine({"visible": 0.0})
    c, r = f
    spokes = min(sector(ink, c, r, a, 0.3, 0.7) for a in (90, 210, 330))
    gaps = max(sector(ink, c, r, a, 0.3, 0.7) for a in (270, 30, 150))
    return combine({
        "visible": size_check(d, ink, 0.3),
        "ring": ramp(ring_coverage(ink, c, r), 0.75, 0.95),
        "three_spokes_up": ramp(spokes, 0.35, 0.6),
        "no_other_spokes": ramp(gaps, 0.35, 0.1),
        "three_fold": ramp(rs.symmetry_iou(ink, c, 120), 0.5, 0.75),
    })


@seed_task("bmw", "Draw the BMW logo as an SVG.", "用 SVG 画宝马（BMW）的标志。")
def _bmw(d: Drawing):
    ink = d.ink
    f = disc_frame(ink)
    if f is None:
        return combine({"visible": 0.0})
    c, r = f
    light, sat = d.light_sat
    dark = light < 0.3
    blue = d.colour("blue")
    white = (light > 0.85) & (sat < 0.35)
    ok = []
    for frac in (0.3, 0.5):
        ok.extend(sample(blue, c, frac * r, [125, 145, 305, 325]))
        ok.extend(sample(white, c, frac * r, [35, 55, 215, 235]))
    return combine({
        "visible": size_check(d, ink, 0.3),
        "dark_ring": ramp(ring_coverage(dark, c, r, 0.8, 0.97), 0.6, 0.85),
        "quadrants": ramp(float(np.mean(ok)), 0.7, 0.93),
    })


def _wifi(n: int):
    def verify(d: Drawing):
        ink = d.ink
        b = bbox(ink)
        if b is None:
            return combine({"visible": 0.0})
        x0, y0, x1, y1 = b
        w, h = x1 - x0, y1 - y0
        xc = (x0 + x1) / 2
        ys, xs = np.nonzero(ink)
        low = (ys >= y1 - 0.22 * h) & (np.abs(xs + 0.5 - xc) < 0.14 * w)
        if low.sum() == 0:
            return combine({"visible": 1.0, "dot": 0.0})
        c = (float(xs[low].mean()) + 0.5, float(ys[low].mean()) + 0.5)
        dot_r = float(np.sqrt(low.sum() / np.pi))
        span = 1.2 * max(w, h)

        def runs(angle: float) -> list[float]:
            line = ray(ink, c, angle, 1.6 * dot_r, span, 256)
            starts = np.nonzero(line & ~np.r_[False, line[:-1]])[0]
            return list(1.6 * dot_r + starts * (span - 1.6 * dot_r) / 255)

        up = [runs(a) for a in (90, 65, 115)]
        counts = [len(u) for u in up]
        below = sum(len(runs(a)) for a in (270, 240, 300, 200, 340))
        concentric = 1.0
        if all(k == counts[0] for k in counts) and counts[0] > 0:
            radii = np.array(up)
            spread = float((radii.max(axis=0) - radii.min(axis=0)).max() / max(radii.max(), 1e-9))
            concentric = ramp(spread, 0.2, 0.08)
        return combine({
            "visible": size_check(d, ink, 0.3),
            "dot": ramp(dot_r / max(w, h), 0.01, 0.03),
            "arc_count": float(sum(k == n for k in counts) >= 2),
            "concentric": concentric,
            "open_below": float(below == 0),
        })
    return verify


seed_task("wifi3", "Draw a 3-bar Wi-Fi signal icon: a dot at the bottom and three concentric arcs above it, "
          "as an SVG.", "用 SVG 画一个三格 Wi-Fi 信号图标：底部一个圆点，上方三条同心圆弧。")(_wifi(3))
seed_task("wifi4", "Draw a 4-bar Wi-Fi signal icon: a dot at the bottom and four concentric arcs above it, "
          "as an SVG.", "用 SVG 画一个四格 Wi-Fi 信号图标：底部一个圆点，上方四条同心圆弧。")(_wifi(4))


@seed_task("rating", "Draw a five-star rating showing 3 out of 5: five stars in a row, the first three filled "
           "and the last two hollow (outline only), as an SVG.",
           "用 SVG 画一个五星评分，显示 3 分：一排五颗星，前三颗实心，后两颗空心（只有轮廓）。")
def _rating(d: Drawing):
    ink = d.ink
    b = bbox(ink)
    if b is None:
        return combine({"visible": 0.0})
    x0, x1 = b[0], b[2]
    counts = ink.sum(axis=0).astype(float)
    edges = np.linspace(x0, x1, 6)
    cuts = [counts[max(0, int(round(e)) - 1):int(round(e)) + 2].min() for e in edges[1:-1]]
    separated = ramp(max(cuts) / max(1.0, counts.max()), 0.4, 0.2)
    checks = {"visible": size_check(d, ink, 0.3), "five_items": separated}
    stars, filled = [], []
    for i in range(5):
        a, bnd = int(round(edges[i])), int(round(edges[i + 1]))
        sub = ink[:, a:bnd]
        if not sub.any():
            stars.append(0.0)
            filled.append(0.0)
            continue
        p = polar(d, sub)
        stars.append(float(p["k"] == 5) * ramp(p["regular"], 0.6, 0.8) * band(p["depth"], 0.25, 0.6, 0.1))
        cx, cy = p["centre"]
        rad = max(1.0, 0.12 * p["r"])
        yy, xx = np.ogrid[:sub.shape[0], :sub.shape[1]]
        disk = (xx + 0.5 - cx) ** 2 + (yy + 0.5 - cy) ** 2 <= rad ** 2
        filled.append(float(sub[disk].mean()) if disk.any() else 0.0)
    want = np.array([1, 1, 1, 0, 0], dtype=bool)
    got = np.array(filled) >= 0.5
    checks["stars"] = ramp(min(stars), 0.3, 0.8)
    checks["pattern"] = float((got == want).all())
    return combine(checks)


@seed_task("battery", "Draw a battery icon at 20% charge: a battery outline with a red fill covering 20% of "
           "it, as an SVG.", "用 SVG 画一个电量为 20% 的电池图标：电池轮廓内有占 20% 的红色填充。")
def _battery(d: Drawing):
    ink, red = d.ink, d.colour("red")
    if not red.any():
        return combine({"visible": size_check(d, ink, 0.3), "red_fill": 0.0})
    best = None
    for k in range(4):
        m, rm = np.rot90(ink, k), np.rot90(red, k)
        rows = m.any(axis=1)
        cols = np.nonzero(m.any(axis=0))[0]
        top = np.where(m.any(axis=0), m.argmax(axis=0), 0)
        bottom = np.where(m.any(axis=0), m.shape[0] - 1 - m[::-1].argmax(axis=0), 0)
        extent = np.where(m.any(axis=0), bottom - top + 1, 0)
        full = extent.max()
        body = np.nonzero(extent >= 0.8 * full)[0]
        if len(body) == 0 or not rows.any():
            continue
        b0, b1 = body.min(), body.max() + 1
        after = extent[b1:]
        nub_cols = int(((after > 0) & (after < 0.75 * full)).sum())
        nub = ramp(nub_cols / max(1, b1 - b0), 0.005, 0.02) * float(cols.max() + 1 >= b1 + nub_cols)
        rb = bbox(rm)
        if rb is None:
            continue
        frac = (rb[2] - rb[0]) / max(1, b1 - b0)
        cand = {
            "nub": nub,
            "red_20_percent": band(frac, 0.13, 0.28, 0.06),
            "red_at_empty_end": ramp((rb[0] - b0) / max(1, b1 - b0), 0.2, 0.1),
            "red_is_a_bar": ramp(rm.sum() / max(1, (rb[2] - rb[0]) * (rb[3] - rb[1])), 0.6, 0.8)
                            * ramp((rb[3] - rb[1]) / max(1, full), 0.3, 0.5),
            "body_is_long": band((b1 - b0) / max(1, full), 1.3, 3.5, 0.5),
        }
        score = combine(cand)[0]
        if best is None or score > best[0] or (score == best[0] and nub > best[1]["nub"]):
            best = (score, cand)
    if best is None:
        return combine({"visible": 0.0})
    return combine({"visible": size_check(d, ink, 0.3), **best[1]})


# ----------------------------------------------------------------------------------------- symbols
def row_bars(mask: np.ndarray, min_span: float) -> list[dict]:
    """Horizontal bars: runs of rows whose ink is one solid run at least ``min_span`` pixels wide."""
    out: list[dict] = []
    h, w = mask.shape
    any_row = mask.any(axis=1)
    left = np.where(any_row, mask.argmax(axis=1), 0)
    right = np.where(any_row, w - mask[:, ::-1].argmax(axis=1), 0)
    span = right - left
    count = mask.sum(axis=1)
    is_bar = any_row & (span >= min_span) & (count >= 0.85 * span)
    y = 0
    while y < h:
        if is_bar[y]:
            y0 = y
            while y < h and is_bar[y]:
                y += 1
            width = float(np.median(span[y0:y]))
            centre = float(np.median((left[y0:y] + right[y0:y]) / 2))
            out.append({"y0": y0, "y1": y, "width": width, "centre": centre})
        else:
            y += 1
    return out


@seed_task("ground", "Draw the electrical ground (earth) symbol: a vertical line ending in three horizontal lines "
           "of decreasing length, as an SVG.", "用 SVG 画电气接地符号：一条竖线，下端连着三条逐渐变短的横线。")
def _ground(d: Drawing):
    ink = d.ink
    b = bbox(ink)
    if b is None:
        return combine({"visible": 0.0})
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    bars = row_bars(ink, 0.15 * w)
    checks = {"visible": size_check(d, ink, 0.3), "three_bars": float(len(bars) == 3)}
    if len(bars) != 3:
        checks.update(decreasing=0.0, centred=0.0, lead=0.0)
        return combine(checks)
    widths = [bar["width"] for bar in bars]
    checks["decreasing"] = ramp(max(widths[1] / widths[0], widths[2] / widths[1]), 0.95, 0.85)
    centres = [bar["centre"] for bar in bars]
    checks["centred"] = ramp((max(centres) - min(centres)) / w, 0.12, 0.05)
    top = bars[0]["y0"]
    above = ink[y0:top]
    if above.shape[0] == 0 or not above.any():
        checks["lead"] = 0.0
        return combine(checks)
    ys, xs = np.nonzero(above)
    lead_centre = float(np.median(xs)) + 0.5
    lead_w = float(np.percentile(xs, 95) - np.percentile(xs, 5)) + 1
    checks["lead"] = (ramp(abs(lead_centre - centres[0]) / w, 0.1, 0.04) * ramp(lead_w / w, 0.25, 0.12)
                      * ramp((top - y0) / h, 0.1, 0.25))
    return combine(checks)


def _median_colour(rgb: np.ndarray, region: np.ndarray, max_samples: int = 20000) -> np.ndarray:
    """The per-channel median colour of ``region`` (from an even subsample of at most ``max_samples`` pixels)."""
    idx = np.flatnonzero(region)
    if len(idx) > max_samples:
        idx = idx[:: len(idx) // max_samples + 1]
    ys, xs = np.divmod(idx, region.shape[1])
    return np.median(rgb[ys, xs], axis=0)


def _contrast_mask(d: Drawing, region: np.ndarray, ref: np.ndarray, tol: float = 60.0) -> np.ndarray:
    return region & rs.ink_mask(d.rgb, ref, tol)


def plus_checks(mask: np.ndarray, prefix: str = "") -> dict[str, float]:
    """Checks that ``mask`` is an upright plus shape."""
    b = bbox(mask)
    if b is None:
        return {prefix + "plus": 0.0}
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    sub = mask[y0:y1, x0:x1]
    q = max(1, int(round(0.25 * min(w, h))))
    corner = max(sub[:q, :q].mean(), sub[:q, -q:].mean(), sub[-q:, :q].mean(), sub[-q:, -q:].mean())
    mid = min(sub[h // 2, :].mean(), sub[:, w // 2].mean())
    return {
        prefix + "square_extent": band(w / max(h, 1), 0.85, 1.15, 0.1),
        prefix + "empty_corners": ramp(corner, 0.25, 0.08),
        prefix + "arms_through": ramp(mid, 0.6, 0.85),
        prefix + "four_fold": ramp(rs.symmetry_iou(mask, ((x0 + x1) / 2, (y0 + y1) / 2), 90), 0.55, 0.8),
    }


@seed_task("first_aid", "Draw a first-aid kit icon: a case with a handle on top and a cross on its front, as an SVG.",
           "用 SVG 画一个急救箱图标：顶部有提手的箱子，正面有一个十字。")
def _first_aid(d: Drawing):
    ink = d.ink
    b = bbox(ink)
    if b is None:
        return combine({"visible": 0.0})
    h_img, w_img = ink.shape
    any_row = ink.any(axis=1)
    left = np.where(any_row, ink.argmax(axis=1), 0)
    right = np.where(any_row, w_img - ink[:, ::-1].argmax(axis=1), 0)
    span = right - left
    body_rows = np.nonzero(span >= 0.85 * span.max())[0]
    by0, by1 = int(body_rows.min()), int(body_rows.max()) + 1
    bx0, bx1 = int(np.median(left[body_rows])), int(np.median(right[body_rows]))
    bw, bh = bx1 - bx0, by1 - by0
    checks = {"visible": size_check(d, ink, 0.3), "case_shape": band(bw / max(bh, 1), 0.9, 2.2, 0.3)}
    if bw < 4 or bh < 4:
        checks["cross"] = 0.0
        return combine(checks)
    body = np.zeros_like(ink)
    mx, my = max(1, int(0.08 * bw)), max(1, int(0.08 * bh))
    body[by0 + my:by1 - my, bx0 + mx:bx1 - mx] = True
    colour = _median_colour(d.rgb, body)
    cross = _contrast_mask(d, body, colour)
    cb = bbox(cross)
    if cb is None:
        checks["cross"] = 0.0
    else:
        checks.update(plus_checks(cross, "cross_"))
        ccx, ccy = (cb[0] + cb[2]) / 2, (cb[1] + cb[3]) / 2
        off = max(abs(ccx - (bx0 + bx1) / 2) / bw, abs(ccy - (by0 + by1) / 2) / bh)
        checks["cross_centred"] = ramp(off, 0.15, 0.07)
        checks["cross_size"] = ramp((cb[3] - cb[1]) / bh, 0.2, 0.35)
    above = ink[:by0]
    if above.any():
        ys, xs = np.nonzero(above)
        hw = (np.percentile(xs, 98) - np.percentile(xs, 2) + 1) / bw
        hc = (float(np.median(xs)) + 0.5 - (bx0 + bx1) / 2) / bw
        checks["handle"] = band(hw, 0.15, 0.8, 0.1) * ramp(abs(hc), 0.12, 0.05) * ramp((by0 - ys.min()) / bh, 0.04, 0.08)
    else:
        checks["handle"] = 0.0
    return combine(checks)


@seed_task("clock", "Draw a modern clock face with 12 hour markers and an hour and a minute hand, as an SVG.",
           "用 SVG 画一个现代风格的钟面：有 12 个小时刻度，以及时针和分针。")
def _clock(d: Drawing):
    ink = d.ink
    f = disc_frame(ink)
    if f is None:
        return combine({"visible": 0.0})
    c, r = f
    yy, xx = np.ogrid[:ink.shape[0], :ink.shape[1]]
    dist = np.sqrt((xx + 0.5 - c[0]) ** 2 + (yy + 0.5 - c[1]) ** 2)
    ring = (dist > 0.55 * r) & (dist < 0.62 * r)
    face = _median_colour(d.rgb, ring) if ring.any() else np.array([255, 255, 255])
    marks = _contrast_mask(d, dist < 0.95 * r, face)
    n = 360
    ang = np.arange(n) * 1.0
    hit = np.zeros(n, dtype=bool)
    for frac in np.linspace(0.7, 0.9, 6):
        hit |= sample(marks, c, frac * r, ang)
    amp = rs.harmonics(hit.astype(float), 30)
    k = int(np.argmax(amp[2:31]) + 2)
    # hands: the length of the inked run from the centre outwards, per direction
    steps = np.linspace(0.12 * r, 0.85 * r, 48)
    lines = ray(marks, c, np.arange(120) * 3.0, 0.12 * r, 0.85 * r, 48)
    first_gap = np.where((~lines).any(axis=1), (~lines).argmax(axis=1), 48)
    lengths = np.where(first_gap > 0, steps[np.maximum(first_gap - 1, 0)], 0.0)
    hands = []
    for i in np.argsort(-lengths):
        if lengths[i] < 0.3 * r:
            break
        if all(min(abs(i - j), 120 - abs(i - j)) >= 6 for j, _ in hands):
            hands.append((i, lengths[i]))
    checks = {
        "visible": size_check(d, ink, 0.3),
        "face_outline": ramp(ring_coverage(ink, c, r, 0.9, 0.99), 0.75, 0.95),
        "twelve_markers": float(k == 12),
        "two_hands": float(len(hands) == 2),
        "hands_differ": ramp(hands[1][1] / hands[0][1], 0.95, 0.85) if len(hands) >= 2 else 0.0,
    }
    return combine(checks)


def _runs(line: np.ndarray) -> list[tuple[int, int]]:
    out, start = [], None
    for i, v in enumerate(np.r_[line, False]):
        if v and start is None:
            start = i
        elif not v and start is not None:
            out.append((start, i))
            start = None
    return out


@seed_task("dollar", "Draw a dollar sign ($) with shapes or paths (text elements are not rendered), as an SVG.",
           "用 SVG 的图形或路径画一个美元符号（$）（text 元素不会被渲染）。")
def _dollar(d: Drawing):
    ink = d.ink
    b = bbox(ink)
    if b is None:
        return combine({"visible": 0.0})
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    xc = (x0 + x1) / 2
    ends = []
    for rows in (ink[y0:y0 + max(1, int(0.06 * h))], ink[y1 - max(1, int(0.06 * h)):y1]):
        ys, xs = np.nonzero(rows)
        if len(xs) == 0:
            ends.append(0.0)
            continue
        width = (xs.max() - xs.min() + 1) / w
        ends.append(ramp(width, 0.4, 0.25) * ramp(abs(xs.mean() + 0.5 - xc) / w, 0.2, 0.1))
    ys, xs = np.nonzero(ink[y0:y0 + max(1, int(0.06 * h))])
    xb = float(xs.mean()) + 0.5 if len(xs) else xc
    bar_hw = (xs.max() - xs.min() + 1) / 2 + 1 if len(xs) else 0.05 * w
    body = ink.copy()
    body[:, max(0, int(xb - bar_hw - 1)):int(xb + bar_hw + 2)] = False

    def side(f0: float, f1: float) -> float:
        rows = body[int(y0 + f0 * h):int(y0 + f1 * h)]
        left, right = rows[:, :int(xb)].sum(), rows[:, int(xb):].sum()
        return float((left - right) / max(1, left + right))

    upper, lower = side(0.3, 0.42), side(0.58, 0.7)
    top_arc = body[int(y0 + 0.08 * h):int(y0 + 0.25 * h)].any(axis=0)
    bottom_arc = body[int(y0 + 0.75 * h):int(y0 + 0.92 * h)].any(axis=0)
    return combine({
        "visible": size_check(d, ink, 0.3),
        "bar_ends": min(ends),
        "upper_bowl_left": ramp(upper, 0.1, 0.4),
        "lower_bowl_right": ramp(-lower, 0.1, 0.4),
        "arcs": ramp(min(top_arc.mean(), bottom_arc.mean()) * ink.shape[1] / w, 0.25, 0.4),
        "tall": band(h / max(w, 1), 1.2, 3.0, 0.3),
    })


@seed_task("yuan", "Draw the yuan sign (¥, a Y with two horizontal bars) with shapes or paths (text elements are "
           "not rendered), as an SVG.", "用 SVG 的图形或路径画一个人民币符号（¥，带两条横线的 Y）（text 元素不会被渲染）。")
def _yuan(d: Drawing):
    ink = d.ink
    b = bbox(ink)
    if b is None:
        return combine({"visible": 0.0})
    x0, y0, x1, y1 = b
    w, h = x1 - x0, y1 - y0
    xc = (x0 + x1) / 2

    def runs_at(f: float) -> list[tuple[float, float]]:
        row = ink[min(y1 - 1, int(y0 + f * h)), x0:x1]
        return [((a + bnd) / 2 / w, (bnd - a) / w) for a, bnd in _runs(row)]

    top = runs_at(0.04)
    arms = float(len(top) == 2 and top[0][0] < 0.35 and top[1][0] > 0.65)
    mid = runs_at(0.3)
    converge = float(1 <= len(mid) <= 2 and all(0.15 < c < 0.85 for c, _ in mid)
                     and (len(mid) == 1 or mid[1][0] - mid[0][0] < 0.5 * (top[1][0] - top[0][0] if arms else 1)))
    stem = runs_at(0.96)
    stem_ok = float(len(stem) == 1 and abs(stem[0][0] - 0.5) < 0.12 and stem[0][1] < 0.3)
    lower = ink[int(y0 + 0.4 * h):y1]
    bars = row_bars(lower, 0.45 * w)
    return combine({
        "visible": size_check(d, ink, 0.3),
        "arms": arms,
        "arms_converge": converge,
        "stem": stem_ok,
        "two_bars": float(len(bars) == 2),
        "bars_centred": float(all(abs(bar["centre"] - xc) / w < 0.12 for bar in bars)) if bars else 0.0,
    })


# ------------------------------------------------------------------------------------------ charts
def _stroked(e) -> bool:
    s = getattr(e, "stroke", None)
    return s is not None and getattr(s, "value", None) is not None and (s.alpha or 0) > 0


def _filled(e) -> bool:
    f = getattr(e, "fill", None)
    return f is not None and getattr(f, "value", None) is not None and (f.alpha or 0) > 0


def shape_runs(d: Drawing) -> list[tuple[object, list[np.ndarray]]]:
    """Every shape's subpaths as vertex arrays (segment end points, after transforms, 512 x 512 frame)."""
    from . import require

    se = require("svgelements")
    out = []
    for e in d.elements():
        try:
            path = se.Path(e)
        except Exception:  # noqa: BLE001 - a shape svgelements cannot turn into a path is skipped
            continue
        runs: list[list] = []
        for seg in path:
            if isinstance(seg, se.Move):
                runs.append([(seg.end.x, seg.end.y)])
            elif isinstance(seg, se.Close):
                if runs and runs[-1]:
                    runs[-1].append(runs[-1][0])
            elif getattr(seg, "end", None) is not None:
                if not runs:
                    runs.append([(seg.start.x, seg.start.y)])
                runs[-1].append((seg.end.x, seg.end.y))
        out.append((e, [np.array(r, dtype=float) for r in runs if len(r) >= 2]))
    return out


@seed_task("line_chart", "Draw a line chart of daily temperatures over a week: x and y axes and a line through "
           "the seven data points, as an SVG.", "用 SVG 画一周每日气温的折线图：有 x 轴和 y 轴，以及连接七个数据点的折线。")
def _line_chart(d: Drawing):
    runs = shape_runs(d)
    horiz, vert = [], []
    best_line = 0.0
    for e, rs_ in runs:
        for r in rs_:
            for a, b in zip(r[:-1], r[1:]):
                dx, dy = b - a
                length = float(np.hypot(dx, dy))
                if length < 1e-6:
                    continue
                if abs(dy) <= 0.02 * length:
                    horiz.append((min(a[0], b[0]), max(a[0], b[0]), (a[1] + b[1]) / 2))
                elif abs(dx) <= 0.02 * length:
                    vert.append((min(a[1], b[1]), max(a[1], b[1]), (a[0] + b[0]) / 2))
            if len(r) >= 5 and _stroked(e):
                x, y = r[:, 0], r[:, 1]
                steps = np.diff(x)
                if (steps >= -1.0).all() and np.ptp(x) > 0:
                    dy = np.diff(y)
                    turns = int(np.count_nonzero(np.sign(dy[1:]) * np.sign(dy[:-1]) < 0))
                    chord = np.interp(x, [x[0], x[-1]], [y[0], y[-1]])
                    bend = float(np.abs(y - chord).max() / 512)
                    score = ramp(np.ptp(x) / 512, 0.2, 0.4) * ramp(bend, 0.01, 0.03) * float(turns >= 1)
                    best_line = max(best_line, score)
    long_h = [h for h in horiz if h[1] - h[0] >= 0.35 * 512]
    long_v = [v for v in vert if v[1] - v[0] >= 0.25 * 512]
    corner = 0.0
    for h in long_h:
        for v in long_v:
            gap = min(np.hypot(h[0] - v[2], h[2] - v[1]), np.hypot(h[0] - v[2], h[2] - v[0]),
                      np.hypot(h[1] - v[2], h[2] - v[1]))
            corner = max(corner, ramp(gap / 512, 0.08, 0.03))
    return combine({
        "visible": size_check(d, d.ink, 0.3),
        "x_axis": float(bool(long_h)),
        "y_axis": float(bool(long_v)),
        "axes_meet": corner,
        "data_line": best_line,
    })


# -------------------------------------------------------------------------------------------- scenes
def horizon(d: Drawing) -> np.ndarray:
    """Per column, the first row (from the top) where the sky ends, skipping small floating objects.

    An edge is a change of more than 16 in some channel over two rows. An object that starts and ends in the
    sky (sun, cloud, star, moon) is skipped when the colour below it matches the sky above it.
    """
    return d.cached("horizon", lambda: _horizon(d.rgb))


def _horizon(rgb: np.ndarray) -> np.ndarray:
    from ._kernels import horizon_k

    img = np.ascontiguousarray(rgb)
    a, b = img[2:].astype(np.int16), img[:-2].astype(np.int16)
    edge = np.zeros(a.shape[:2], dtype=np.bool_)
    for c in range(3):
        edge |= np.abs(a[:, :, c] - b[:, :, c]) > 16
    return horizon_k(img, edge, 12, 0.12)


def _peaks(prof: np.ndarray, h: int) -> int:
    """Peaks (local minima of the horizon row) with a prominence of at least 8% of the height on both sides."""
    w = len(prof)
    win = max(2, w // 12)
    reach = max(3, w // 4)
    count = 0
    x = 0
    while x < w:
        lo, hi = max(0, x - win), min(w, x + win + 1)
        if prof[x] == prof[lo:hi].min() and prof[x] < h:
            left = prof[max(0, x - reach):x + 1].max() - prof[x]
            right = prof[x:min(w, x + reach + 1)].max() - prof[x]
            if min(left, right) >= 0.08 * h:
                count += 1
                x = hi
                continue
        x += 1
    return count


@seed_task("landscape", "Draw a landscape with mountains and a lake, as an SVG.", "用 SVG 画一幅有山和湖的风景画。")
def _landscape(d: Drawing):
    d = d.crop()
    hgt = d.rgb.shape[0]
    prof = horizon(d)
    k = max(2, len(prof) // 50)
    slope = np.abs(prof[k:] - prof[:-k]) / k
    sloped = float(((slope >= 0.15) & (slope <= 6)).mean())
    peaks = _peaks(prof, hgt)
    blue = rs.colour_mask(d.rgb, (170, 250), (0.2, 1.0), (0.1, 0.9))
    rows = np.arange(hgt)[:, None]
    below = rows > (prof[None, :] + 2)
    lake = blue & below & (rows > 0.4 * hgt)
    lake_area = float(lake.mean())
    lb = bbox(lake)
    order = 0.0
    if lb is not None and peaks:
        order = ramp((lb[1] - np.median(prof)) / hgt, -0.05, 0.0)
    return combine({
        "sky_above": ramp(float(np.median(prof)) / hgt, 0.05, 0.15),
        "mountain_peaks": ramp(peaks, 0, 1),
        "sloped_not_blocky": ramp(sloped, 0.25, 0.45),
        "lake": ramp(lake_area, 0.01, 0.03),
        "lake_below_mountains": order,
    })


@seed_task("skyline", "Draw a night city skyline with lit windows, as an SVG.", "用 SVG 画一幅夜晚的城市天际线，楼里有亮着的窗户。")
def _skyline(d: Drawing):
    d = d.crop()
    hgt = d.rgb.shape[0]
    prof = horizon(d)
    dh = np.abs(np.diff(prof)) / hgt
    steps = int((dh > 0.04).sum())
    flat = float((dh <= 0.01).mean())
    light, sat = d.light_sat
    rows = np.arange(hgt)[:, None]
    sky = rows < prof[None, :] - 1
    below = rows > prof[None, :] + 1
    sky_light = float(np.median(light[sky])) if sky.any() else 1.0
    lit = rs.colour_mask(d.rgb, (30, 70), (0.4, 1.0), (0.55, 1.0)) | ((light >= 0.55) & (sat < 0.3))
    window_share = float(lit[below].mean()) if below.any() else 0.0
    return combine({
        "night_sky": ramp(sky_light, 0.4, 0.3),
        "buildings": ramp(steps, 3, 6),
        "flat_roofs": ramp(flat, 0.5, 0.7),
        "skyline_height": band(float(np.median(prof)) / hgt, 0.15, 0.85, 0.1),
        "lit_windows": band(window_share, 0.005, 0.4, 0.004),
    })
