"""Rendering a sanitized SVG with skia, and the raster measurements the verifiers use.

:func:`render` draws onto a white ``R x R`` canvas: the root's viewBox is fitted into the square (the SVG's
own ``preserveAspectRatio``, by default centred and uniformly scaled), which also sets the container size
(skia draws nothing for an SVG with only a viewBox unless the container size is set).

Everything here runs inside the isolated worker (:mod:`envs.svg.worker`) on sanitized input only.
"""
from __future__ import annotations

import numpy as np

from . import require
from .sanitize import SanitizedSVG

__all__ = ["render", "ink_mask", "to_hsl", "radial_profile", "harmonics", "symmetry_iou", "png_bytes"]

_SURFACES: dict[int, object] = {}


def render(doc: SanitizedSVG, resolution: int) -> np.ndarray:
    """The document drawn on white at ``resolution x resolution``: an ``(R, R, 3)`` uint8 RGB array."""
    skia = require("skia")
    r = int(resolution)
    text = doc.to_string(r, r).encode("utf-8")
    dom = skia.SVGDOM.MakeFromStream(skia.MemoryStream(text, True))
    if dom is None:
        raise ValueError("skia could not build the SVG document")
    surface = _SURFACES.get(r)
    if surface is None:
        if len(_SURFACES) > 8:
            _SURFACES.clear()
        surface = _SURFACES[r] = skia.Surface(r, r)
    canvas = surface.getCanvas()
    canvas.clear(skia.ColorWHITE)
    dom.setContainerSize(skia.Size(r, r))
    canvas.save()
    dom.render(canvas)
    canvas.restore()
    rgba = surface.makeImageSnapshot().toarray(colorType=skia.kRGBA_8888_ColorType)
    return rgba[:, :, :3]


def background(rgb: np.ndarray) -> np.ndarray:
    """The background colour: the median colour of the image's border pixels."""
    border = np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]]).astype(np.int16)
    return np.median(border, axis=0)


def ink_mask(rgb: np.ndarray, bg: np.ndarray | None = None, tol: float = 40.0) -> np.ndarray:
    """Pixels that differ from the background (white unless given) by more than ``tol`` in some channel."""
    ref = (255, 255, 255) if bg is None else tuple(int(round(v)) for v in bg)
    out = None
    for ch in range(3):
        c = rgb[:, :, ch]
        lo, hi = ref[ch] - tol, ref[ch] + tol
        m = (c < lo) | (c > hi)
        out = m if out is None else out | m
    return out


def to_hsl(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hue in degrees [0, 360), saturation and lightness in [0, 1] (HSL, per pixel)."""
    r, g, b = (rgb[:, :, i].astype(np.float32) / 255.0 for i in range(3))
    mx = np.maximum(np.maximum(r, g), b)
    mn = np.minimum(np.minimum(r, g), b)
    light = (mx + mn) / 2
    d = mx - mn
    sat = np.where(d == 0, 0.0, d / np.maximum(1e-6, 1 - np.abs(2 * light - 1)))
    safe = np.where(d == 0, 1.0, d)
    hue = np.where(mx == r, ((g - b) / safe) % 6, np.where(mx == g, (b - r) / safe + 2, (r - g) / safe + 4)) * 60
    hue = np.where(d == 0, 0.0, hue)
    return hue % 360, np.clip(sat, 0, 1), light


def colour_mask(rgb: np.ndarray, hue: tuple[float, float], sat: tuple[float, float] = (0.25, 1.0),
                light: tuple[float, float] = (0.1, 0.9), hsl: tuple | None = None) -> np.ndarray:
    """Pixels inside a hue range (degrees; may wrap past 360), saturation and lightness ranges."""
    h, s, l = to_hsl(rgb) if hsl is None else hsl
    lo, hi = hue
    in_hue = (h >= lo) & (h <= hi) if lo <= hi else (h >= lo) | (h <= hi)
    return in_hue & (s >= sat[0]) & (s <= sat[1]) & (l >= light[0]) & (l <= light[1])


def centroid(mask: np.ndarray) -> tuple[float, float] | None:
    ys, xs = np.nonzero(mask)
    if len(xs) == 0:
        return None
    return float(xs.mean()) + 0.5, float(ys.mean()) + 0.5


def edge(mask: np.ndarray) -> np.ndarray:
    """Mask pixels with at least one 4-neighbour outside the mask (or on the image border)."""
    inner = mask.copy()
    inner[1:, :] &= mask[:-1, :]
    inner[:-1, :] &= mask[1:, :]
    inner[:, 1:] &= mask[:, :-1]
    inner[:, :-1] &= mask[:, 1:]
    inner[0, :] = inner[-1, :] = False
    inner[:, 0] = inner[:, -1] = False
    return mask & ~inner


def radial_profile(mask: np.ndarray, centre: tuple[float, float], bins: int = 180) -> np.ndarray:
    """The largest distance from ``centre`` of a mask pixel, per angular bin (gaps filled by interpolation).

    Angles are measured counter-clockwise from the +x axis with y pointing up (mathematical convention).
    """
    ys, xs = np.nonzero(edge(mask))
    prof = np.zeros(bins)
    if len(xs) == 0:
        return prof
    dx = xs + 0.5 - centre[0]
    dy = centre[1] - (ys + 0.5)
    ang = np.arctan2(dy, dx) % (2 * np.pi)
    idx = np.minimum((ang / (2 * np.pi) * bins).astype(np.int64), bins - 1)
    dist = np.hypot(dx, dy) + 0.5
    order = np.lexsort((dist, idx))
    idx, dist = idx[order], dist[order]
    last = np.r_[idx[1:] != idx[:-1], True]
    prof[idx[last]] = dist[last]
    empty = prof == 0
    if empty.all():
        return prof
    if empty.any():
        k = np.arange(bins)
        prof[empty] = np.interp(k[empty], k[~empty], prof[~empty], period=bins)
    return prof


def harmonics(profile: np.ndarray, kmax: int = 40) -> np.ndarray:
    """Amplitudes of the profile's Fourier harmonics 0..kmax (0 = the mean)."""
    f = np.abs(np.fft.rfft(profile)) / len(profile)
    return f[: kmax + 1]


def rotate_mask(mask: np.ndarray, centre: tuple[float, float], angle_deg: float) -> np.ndarray:
    """``mask`` rotated about ``centre`` by ``angle_deg`` (nearest neighbour)."""
    h, w = mask.shape
    yy, xx = np.mgrid[0:h, 0:w]
    x = xx + 0.5 - centre[0]
    y = yy + 0.5 - centre[1]
    t = np.deg2rad(angle_deg)
    sx = np.cos(t) * x + np.sin(t) * y + centre[0]
    sy = -np.sin(t) * x + np.cos(t) * y + centre[1]
    ix, iy = np.floor(sx).astype(np.int64), np.floor(sy).astype(np.int64)
    ok = (ix >= 0) & (ix < w) & (iy >= 0) & (iy < h)
    out = np.zeros_like(mask)
    out[ok] = mask[iy[ok], ix[ok]]
    return out


def iou(a: np.ndarray, b: np.ndarray) -> float:
    union = np.logical_or(a, b).sum()
    return float(np.logical_and(a, b).sum() / union) if union else 1.0


def symmetry_iou(mask: np.ndarray, centre: tuple[float, float], angle_deg: float) -> float:
    """IoU of ``mask`` and its rotation about ``centre`` (1 for a shape with that rotational symmetry)."""
    return iou(mask, rotate_mask(mask, centre, angle_deg))


def mirror_iou(mask: np.ndarray, cx: float) -> float:
    """IoU of ``mask`` and its mirror image about the vertical line ``x = cx``."""
    h, w = mask.shape
    xs = np.arange(w)
    src = np.floor(2 * cx - (xs + 0.5)).astype(np.int64)
    ok = (src >= 0) & (src < w)
    out = np.zeros_like(mask)
    out[:, ok] = mask[:, src[ok]]
    return iou(mask, out)


def png_bytes(rgb: np.ndarray) -> bytes:
    """A PNG file of an ``(H, W, 3)`` uint8 image (zlib only, no imaging library)."""
    import struct
    import zlib

    img = np.ascontiguousarray(rgb, dtype=np.uint8)
    h, w = img.shape[:2]
    raw = b"".join(b"\x00" + img[y].tobytes() for y in range(h))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))
