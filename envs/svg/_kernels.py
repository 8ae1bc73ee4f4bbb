"""numba kernels behind the raster measurements that run on every evaluation (private; see raster.py)."""
from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def ink_k(rgb, r0, g0, b0, tol, out):  # pragma: no cover - compiled
    h, w = out.shape
    for y in range(h):
        for x in range(w):
            out[y, x] = (abs(np.int32(rgb[y, x, 0]) - r0) > tol or abs(np.int32(rgb[y, x, 1]) - g0) > tol
                         or abs(np.int32(rgb[y, x, 2]) - b0) > tol)


@njit(cache=True)
def similarity_k(a, b, ink_tol, colour_tol):  # pragma: no cover - compiled
    """(union, intersection, agreeing) pixel counts of two RGB images on white."""
    h, w = a.shape[0], a.shape[1]
    union = 0
    inter = 0
    agree = 0
    lo = 255 - ink_tol
    for y in range(h):
        for x in range(w):
            ia = a[y, x, 0] < lo or a[y, x, 1] < lo or a[y, x, 2] < lo
            ib = b[y, x, 0] < lo or b[y, x, 1] < lo or b[y, x, 2] < lo
            if ia or ib:
                union += 1
                if ia and ib:
                    inter += 1
                d = 0
                for c in range(3):
                    v = abs(np.int32(a[y, x, c]) - np.int32(b[y, x, c]))
                    if v > d:
                        d = v
                if d <= colour_tol:
                    agree += 1
    return union, inter, agree


@njit(cache=True)
def _maxdiff(img, y0, y1, x):  # pragma: no cover - compiled
    d = 0
    for c in range(3):
        v = abs(np.int32(img[y0, x, c]) - np.int32(img[y1, x, c]))
        if v > d:
            d = v
    return d


@njit(cache=True)
def horizon_k(img, edge, match, frac):  # pragma: no cover - compiled
    """Per column, the first edge row that is not a floating object (see verifiers.horizon)."""
    h = img.shape[0]
    w = img.shape[1]
    out = np.full(w, np.float64(h))
    rows = np.empty(edge.shape[0], np.int64)
    for x in range(w):
        n = 0
        for y in range(edge.shape[0]):
            if edge[y, x]:
                rows[n] = y + 1
                n += 1
        i = 0
        while i < n:
            y = rows[i]
            sy = max(0, y - 3)
            j = i
            while j + 1 < n and rows[j + 1] <= rows[j] + 2:
                j += 1
            if rows[j] - y <= frac * h and _maxdiff(img, min(h - 1, rows[j] + 2), sy, x) <= match:
                i = j + 1
                continue
            if j + 1 < n and rows[j + 1] <= y + frac * h:
                k = j + 1
                while k + 1 < n and rows[k + 1] <= rows[k] + 2:
                    k += 1
                if _maxdiff(img, min(h - 1, rows[k] + 2), sy, x) <= match:
                    i = k + 1
                    continue
            out[x] = y
            break
    return out


@njit(cache=True)
def colour_k(rgb, hlo, hhi, slo, shi, llo, lhi, out):  # pragma: no cover - compiled
    """Pixels whose HSL hue (degrees; the range may wrap) and saturation and lightness are in range."""
    h, w = out.shape
    for y in range(h):
        for x in range(w):
            r = np.int32(rgb[y, x, 0])
            g = np.int32(rgb[y, x, 1])
            b = np.int32(rgb[y, x, 2])
            mx = max(r, max(g, b))
            mn = min(r, min(g, b))
            total = mx + mn
            denom = 255 - abs(total - 255)
            sat = np.float32(mx - mn) / np.float32(max(denom, 1))
            if total < llo * 510.0 or total > lhi * 510.0 or sat < slo or sat > shi:
                out[y, x] = False
                continue
            d = np.float32(mx - mn)
            if d == 0:
                hue = np.float32(0.0)
            elif mx == r:
                hue = ((np.float32(g - b) / d) % np.float32(6.0)) * np.float32(60.0)
            elif mx == g:
                hue = (np.float32(b - r) / d + np.float32(2.0)) * np.float32(60.0)
            else:
                hue = (np.float32(r - g) / d + np.float32(4.0)) * np.float32(60.0)
            hue = hue % np.float32(360.0)
            if hlo <= hhi:
                out[y, x] = hue >= hlo and hue <= hhi
            else:
                out[y, x] = hue >= hlo or hue <= hhi
