"""Seeds that stay apart across calls and processes, and where this process sits in a distributed run.

Launchers tell each process where it is through environment variables: torchrun and ``accelerate launch``
(and DeepSpeed's launcher) set ``RANK`` (the global process index) and ``LOCAL_WORLD_SIZE`` (processes on
this node); ``accelerate`` also fills them in from MPI's variables. Outside a launcher both are unset: one
process, rank 0.

Seeds are derived with numpy's :class:`~numpy.random.SeedSequence`, which hashes its whole entropy tuple, so
``(seed, rank, k)`` tuples that differ anywhere give unrelated base seeds (no arithmetic stride that wraps
round onto another call's seeds).
"""
from __future__ import annotations

import os

__all__ = ["SEED_LIMIT", "derive_seed", "local_world_size", "process_rank"]

#: every seed handed to an oracle or env stays in [0, SEED_LIMIT), i.e. a positive 31-bit integer
SEED_LIMIT = (1 << 31) - 1


def _env_int(name: str, default: int, minimum: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or number < minimum:
        raise ValueError(f"environment variable {name}={value!r} must be an integer >= {minimum}; it is set by "
                         f"the launcher (torchrun, accelerate launch): unset it for a single-process run")
    return number


def process_rank() -> int:
    """This process's global rank: the ``RANK`` environment variable (0 when unset)."""
    return _env_int("RANK", 0, 0)


def local_world_size() -> int:
    """The number of training processes on this node: ``LOCAL_WORLD_SIZE`` (1 when unset)."""
    return _env_int("LOCAL_WORLD_SIZE", 1, 1)


def derive_seed(*entropy: int, room: int = 0) -> int:
    """A base seed in ``[1, SEED_LIMIT - room)`` hashed from the non-negative integers ``entropy``.

    ``room`` is the number of consecutive seeds the caller will use from the base (``base + i`` for
    ``i < room``): all of them stay below :data:`SEED_LIMIT`.
    """
    import numpy as np

    for value in entropy:
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 0:
            raise ValueError(f"seed entropy {entropy!r} must be non-negative integers")
    span = SEED_LIMIT - 1 - room
    if span < 1:
        raise ValueError(f"room={room!r} leaves no seeds below {SEED_LIMIT}")
    word = int(np.random.SeedSequence([int(v) for v in entropy]).generate_state(1, np.uint64)[0])
    return 1 + word % span
