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
