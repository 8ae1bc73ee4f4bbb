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
    from ._kernels import ink_k

    if rgb.ndim != 3 or rgb.shape[2] < 3 or rgb.dtype != np.uint8:
        raise ValueError(f"expected an (H, W, 3) uint8 image, got {rgb.shape} {rgb.dtype}")
    ref = (255, 255, 255) if bg is None else tuple(int(round(float(v))) for v in bg)
    out = np.empty(rgb.shape[:2], dtype=np.bool_)
    ink_k(rgb, ref[0], ref[1], ref[2], int(tol), out)
    return out


def to_hsl(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hue in degrees [0, 360), saturation and lightness in [0, 1] (HSL, per pixel)."""
    r, g, b = (rgb[:, :, i] for i in range(3))
    mx = np.maximum(np.maximum(r, g), b)
    mn = np.minimum(np.minimum(r, g), b)
    total = mx.astype(np.int16) + mn
    light = total.astype(np.float32) * np.float32(1 / 510)
    d = (mx - mn).astype(np.float32)  # uint8 difference cannot underflow: mx >= mn
    denom = (255 - np.abs(total - 255)).astype(np.float32)
    sat = d / np.maximum(denom, 1)
    hue = np.zeros(r.shape, dtype=np.float32)
    chroma = d > 0
    if chroma.any():
        rf, gf, bf, df = (x[chroma].astype(np.float32) for x in (r, g, b, d))
        m = mx[chroma]
        hr = ((gf - bf) / df) % 6
        hg = (bf - rf) / df + 2
        hb = (rf - gf) / df + 4
        hue[chroma] = np.where(m == r[chroma], hr, np.where(m == g[chroma], hg, hb)) * 60
    return hue % 360, np.minimum(sat, 1), light


def _hue(r: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Hue in degrees of 1-d uint8 channel arrays (0 where the colour is grey)."""
    mx = np.maximum(np.maximum(r, g), b)
    mn = np.minimum(np.minimum(r, g), b)
    d = (mx - mn).astype(np.float32)
    safe = np.maximum(d, 1)
    rf, gf, bf = r.astype(np.float32), g.astype(np.float32), b.astype(np.float32)
    hue = np.where(mx == r, ((gf - bf) / safe) % 6, np.where(mx == g, (bf - rf) / safe + 2, (rf - gf) / safe + 4))
    return np.where(d > 0, hue * 60, 0.0) % 360


def colour_mask(rgb: np.ndarray, hue: tuple[float, float], sat: tuple[float, float] = (0.25, 1.0),
                light: tuple[float, float] = (0.1, 0.9), hsl: tuple | None = None) -> np.ndarray:
    """Pixels inside a hue range (degrees; may wrap past 360), saturation and lightness ranges.

    Without a precomputed ``hsl``, a compiled kernel tests each pixel (HSL in float32).
    """
    lo, hi = hue
    if hsl is not None:
        h, s, l = hsl
        in_hue = (h >= lo) & (h <= hi) if lo <= hi else (h >= lo) | (h <= hi)
        return in_hue & (s >= sat[0]) & (s <= sat[1]) & (l >= light[0]) & (l <= light[1])
    from ._kernels import colour_k

    out = np.empty(rgb.shape[:2], dtype=np.bool_)
    colour_k(rgb, np.float32(lo), np.float32(hi), np.float32(sat[0]), np.float32(sat[1]), float(light[0]),
             float(light[1]), out)
    return out


def colour_mask_numpy(rgb: np.ndarray, hue: tuple[float, float], sat: tuple[float, float] = (0.25, 1.0),
                      light: tuple[float, float] = (0.1, 0.9)) -> np.ndarray:
    """:func:`colour_mask` in numpy (the reference the compiled kernel is tested against)."""
    lo, hi = hue
    r, g, b = (rgb[:, :, i] for i in range(3))
    mx = np.maximum(np.maximum(r, g), b)
    mn = np.minimum(np.minimum(r, g), b)
    total = mx.astype(np.int16) + mn
    # lightness = total / 510; saturation = (mx - mn) / (255 - |total - 255|)
    cand = (total >= light[0] * 510) & (total <= light[1] * 510)
    denom = (255 - np.abs(total - 255)).astype(np.float32)
    s = (mx - mn).astype(np.float32) / np.maximum(denom, 1)
    cand &= (s >= sat[0]) & (s <= sat[1])
    idx = np.flatnonzero(cand)
    if idx.size:
        h = _hue(r.ravel()[idx], g.ravel()[idx], b.ravel()[idx])
        ok = (h >= lo) & (h <= hi) if lo <= hi else (h >= lo) | (h <= hi)
        cand.ravel()[idx] = ok
    return cand


def centroid(mask: np.ndarray) -> tuple[float, float] | None:
    n = int(np.count_nonzero(mask))
    if n == 0:
        return None
    cols = np.count_nonzero(mask, axis=0)
    rows = np.count_nonzero(mask, axis=1)
    return float(cols @ np.arange(len(cols))) / n + 0.5, float(rows @ np.arange(len(rows))) / n + 0.5


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
    x = (np.arange(w, dtype=np.float32) + np.float32(0.5 - centre[0]))[None, :]
    y = (np.arange(h, dtype=np.float32) + np.float32(0.5 - centre[1]))[:, None]
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
    """IoU of ``mask`` and its rotation about ``centre`` (1 for a shape with that rotational symmetry).

    Computed on the square around ``centre`` that holds the mask and its rotation (pixels outside the image
    count as empty), so a small shape costs little.
    """
    ys, xs = np.nonzero(mask.any(axis=1))[0], np.nonzero(mask.any(axis=0))[0]
    if len(xs) == 0:
        return 1.0
    reach = max(abs(xs[0] - centre[0]), abs(xs[-1] + 1 - centre[0]), abs(ys[0] - centre[1]),
                abs(ys[-1] + 1 - centre[1])) * 1.415 + 2
    x0, y0 = int(np.floor(centre[0] - reach)), int(np.floor(centre[1] - reach))
    size = int(np.ceil(2 * reach)) + 1
    box = np.zeros((size, size), dtype=bool)
    h, w = mask.shape
    sx0, sy0 = max(0, x0), max(0, y0)
    sx1, sy1 = min(w, x0 + size), min(h, y0 + size)
    box[sy0 - y0:sy1 - y0, sx0 - x0:sx1 - x0] = mask[sy0:sy1, sx0:sx1]
    c = (centre[0] - x0, centre[1] - y0)
    return iou(box, rotate_mask(box, c, angle_deg))


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
