"""The random-number generator of every family's numba kernels (private helpers, compiled on first use).

An inline xorshift64* generator whose state is a ``uint64`` local, seeded through splitmix64 so that any seed
(0 included) gives a good non-zero state: ``x = _seed_state(seed)``, then ``x, out = _next(x)`` per draw.
``_below(out, n)`` maps one output to ``[0, n)`` by a multiply-shift of its top 32 bits (bias below
``n / 2**32``); ``_unit(out)`` maps it to a float in ``[0, 1)``. Seeds are arguments, never global state, so a
kernel's samples are a function of its seed (common random numbers across budgets).
"""
from __future__ import annotations

import numpy as np
from numba import njit

_U12 = np.uint64(12)
_U25 = np.uint64(25)
_U27 = np.uint64(27)
_U30 = np.uint64(30)
_U31 = np.uint64(31)
_U32 = np.uint64(32)
_XS_MUL = np.uint64(0x2545F4914F6CDD1D)
_SM_GAMMA = np.uint64(0x9E3779B97F4A7C15)
_SM_M1 = np.uint64(0xBF58476D1CE4E5B9)
_SM_M2 = np.uint64(0x94D049BB133111EB)

_OPTS = dict(cache=True, nogil=True, boundscheck=False, error_model="numpy")


@njit(**_OPTS)
def _seed_state(seed):
    """splitmix64 of a seed: a well-mixed, non-zero xorshift state."""
    z = np.uint64(seed) + _SM_GAMMA
    z = (z ^ (z >> _U30)) * _SM_M1
    z = (z ^ (z >> _U27)) * _SM_M2
    z = z ^ (z >> _U31)
    if z == np.uint64(0):
        z = _SM_GAMMA
    return z


@njit(**_OPTS)
def _next(x):
    """One xorshift64* step: returns ``(new_state, output)``."""
    x ^= x >> _U12
    x ^= x << _U25
    x ^= x >> _U27
    return x, x * _XS_MUL


@njit(**_OPTS)
def _below(out, n):
    """Map one generator output to an integer in ``[0, n)``."""
    return np.int64(((out >> _U32) * np.uint64(n)) >> _U32)


@njit(**_OPTS)
def _unit(out):
    """Map one generator output to a float in ``[0, 1)``."""
    return np.float64(out >> np.uint64(11)) * (1.0 / 9007199254740992.0)
