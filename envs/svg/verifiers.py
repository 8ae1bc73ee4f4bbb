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
        "regular": ramp(p["regular"], 0.55, 0.85),
        "corners": band(p["depth"], 0.84, 0.9, 0.06),
    })
