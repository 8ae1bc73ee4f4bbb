"""Text observations through Gymnasium's ``AsyncVectorEnv`` shared memory (its default transport).

Gymnasium 1.x reads a ``Text`` space's shared-memory buffer once, when the vector env is built, into a
tuple of strings, and hands that stale tuple back after every ``reset``/``step``: every prompt came back as
the first charset character repeated ``max_length`` times. ``import envs`` registers, for ``Text`` spaces,
a reader that returns a live view of the buffer instead (decoded when read; ``copy=True``, the default,
gives a tuple of strings). So ``gym.make_vec(env_id, num_envs=n, vectorization_mode="async")`` returns the
real prompts, as ``vectorization_mode="sync"`` and ``vector_kwargs={"shared_memory": False}`` do.
Only the parent's read changes; the workers write the buffer exactly as Gymnasium does.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from gymnasium.spaces import Text
from gymnasium.vector.utils import shared_memory as _shm

__all__ = ["TextObservations", "install"]


class TextObservations(Sequence):
    """The ``n`` strings held in a ``Text`` space's shared-memory buffer, decoded when read."""

    def __init__(self, space: Text, buffer, n: int) -> None:
        self._space = space
        self._buffer = buffer
        self._n = int(n)

    def _rows(self) -> np.ndarray:
        return np.frombuffer(self._buffer.get_obj(), dtype=np.int32).reshape((self._n, self._space.max_length))

    def _decode(self, row: np.ndarray) -> str:
        chars = self._space.character_list
        return "".join(chars[v] for v in row[row < len(chars)].tolist())

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, index):
        rows = self._rows()
        if isinstance(index, slice):
            return tuple(self._decode(r) for r in rows[index])
        return self._decode(rows[index])

    def __iter__(self):
        return iter(self[:])

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and not isinstance(other, str) and tuple(self) == tuple(other)

    def __hash__(self):
        return hash(tuple(self))

    def __deepcopy__(self, memo) -> tuple[str, ...]:
        return tuple(self)

    def __repr__(self) -> str:
        return repr(tuple(self))


def _read_text(space: Text, shared_memory, n: int = 1) -> TextObservations:
    return TextObservations(space, shared_memory, n)


def install() -> None:
    """Register :func:`_read_text` for ``Text`` with Gymnasium's ``read_from_shared_memory`` (idempotent;
    leaves a reader that someone else registered alone)."""
    current = _shm.read_from_shared_memory.dispatch(Text)
    if current is _read_text or getattr(current, "__module__", "") != _shm.__name__:
        return
    _shm.read_from_shared_memory.register(Text)(_read_text)
