"""A disk cache of ground-truth values, so that a second study reuses them instead of recomputing.

Values live in one SQLite file, ``<cache_dir>/truth.sqlite``. A row is keyed by

* the *environment key*: env id, env version, the constructor arguments that can change the truth (every
  argument except the budget and the reward-shaping ones of the base class) and the truth kind
  (``"exact"`` for the env's ``truth()``, ``"budget:N"`` for its estimator at budget ``N``, or the
  ``source`` string given to ``truth(..., source=...)``);
* the serialised state string and the action.

The default directory is ``~/.cache/rewarddial/truth``; the environment variable ``REWARDDIAL_CACHE`` or an
explicit ``cache_dir`` overrides it.

A cache is only a cache: a file that is not a readable SQLite database with the expected table (truncated,
overwritten, another program's database) is moved aside as ``truth.sqlite.corrupt-<time>`` with a warning
and rebuilt empty, and a row whose value is not a finite number (or whose stderr is not a finite number
>= 0) is ignored, so that the truth is recomputed and the row replaced.
"""
from __future__ import annotations

import json
import math
import os
import sqlite3
import time
import warnings
from pathlib import Path
from typing import Any, Iterable, Sequence

from envs.core import Estimate

__all__ = ["TruthCache", "TruthCacheWarning", "default_cache_dir", "env_key"]

# TextEnv arguments that change the reward's shape but never the oracle's truth
_NOT_TRUTH_KWARGS = frozenset({
    "invalid_policy", "max_retries", "format_reward", "format_penalty", "illegal_reward", "answer_tag",
    "render_mode", "oracle_error_reward",
})

_COLUMNS = ("env", "state", "action", "value", "stderr", "budget", "exact")
_SCHEMA = ("CREATE TABLE IF NOT EXISTS truth (env TEXT NOT NULL, state TEXT NOT NULL, action TEXT NOT NULL, "
           "value REAL NOT NULL, stderr REAL NOT NULL, budget INTEGER NOT NULL, exact INTEGER NOT NULL, "
           "PRIMARY KEY (env, state, action))")


def _is_damage(exc: BaseException) -> bool:
    """Whether a SQLite error means the file is damaged (rather than busy, read-only or unreachable)."""
    msg = str(exc).lower()
    transient = ("locked", "busy", "unable to open", "readonly", "read-only", "disk i/o", "disk is full")
    return isinstance(exc, sqlite3.DatabaseError) and not any(t in msg for t in transient)


class TruthCacheWarning(UserWarning):
    """The truth cache was damaged and has been moved aside, or held rows that were ignored."""


def default_cache_dir() -> Path:
    """``$REWARDDIAL_CACHE`` if set, else ``~/.cache/rewarddial/truth``."""
    env = os.environ.get("REWARDDIAL_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "rewarddial" / "truth"


def env_key(env_id: str, version: str, kwargs: dict[str, Any], budget_name: str, truth_kind: str) -> str:
    """The cache's key of one environment configuration and truth kind (a canonical JSON string)."""
    kw = {k: v for k, v in kwargs.items() if k not in _NOT_TRUTH_KWARGS and k != budget_name}
    return json.dumps({"env": env_id, "version": version, "kwargs": kw, "truth": truth_kind},
                      sort_keys=True, default=repr)


def _row_estimate(row: tuple) -> Estimate | None:
    """The Estimate a stored row holds, or None when it does not hold finite numbers of the right types."""
    value, stderr, budget, exact = row
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    if isinstance(stderr, bool) or not isinstance(stderr, (int, float)) or not (math.isfinite(stderr)
                                                                                  and stderr >= 0):
        return None
    if not isinstance(budget, int) or not isinstance(exact, int):
        return None
    return Estimate(float(value), float(stderr), int(budget), bool(exact))


class TruthCache:
    """Ground-truth values on disk, keyed by environment key, state and action.

    Args:
        cache_dir: the directory (created if missing); None means :func:`default_cache_dir`.

    A damaged file never stops a study: it is moved aside (see the module docstring) with a
    :class:`TruthCacheWarning`, and the cache starts empty. :attr:`moved_aside` lists the moved files and
    :attr:`rejected_rows` counts the stored rows ignored for not holding finite numbers.
    """

    def __init__(self, cache_dir: str | os.PathLike | None = None) -> None:
        self.dir = Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ValueError(f"cannot create the truth cache directory {str(self.dir)!r} ({exc}); pass a "
                             "writable cache_dir= (--cache-dir) or set REWARDDIAL_CACHE") from exc
        self.path = self.dir / "truth.sqlite"
        self.moved_aside: list[Path] = []
        self.rejected_rows = 0
        self._db: sqlite3.Connection | None = None
        try:
            self._open()
        except sqlite3.DatabaseError as exc:  # DatabaseError covers OperationalError and friends
            self._rebuild_or_raise(exc)

    # ------------------------------------------------------------ opening and repair
    def _open(self) -> None:
        self._db = sqlite3.connect(str(self.path), timeout=60.0)
        try:
            self._db.execute(_SCHEMA)
            cols = tuple(r[1] for r in self._db.execute("PRAGMA table_info(truth)").fetchall())
            if cols != _COLUMNS:
                raise sqlite3.DatabaseError(f"table truth has columns {cols}, expected {_COLUMNS}")
            self._db.execute("SELECT value, stderr, budget, exact FROM truth LIMIT 1").fetchall()
            self._db.commit()
        except BaseException:
            self._db.close()
            self._db = None
            raise

    def _rebuild_or_raise(self, exc: sqlite3.DatabaseError) -> None:
        """Rebuild a damaged file; a busy, read-only or unreachable one is the caller's problem (a ValueError)."""
        if not _is_damage(exc):
            raise ValueError(f"the truth cache {str(self.path)!r} cannot be used ({exc}); wait for the other "
                             "process that holds it, pass another cache_dir= (--cache-dir) or use_cache=False "
                             "(--no-cache)") from exc
        self._rebuild(exc)

    def _rebuild(self, exc: BaseException) -> None:
        """Move the damaged file (and its journal) aside, warn, and start an empty database."""
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while target.exists():
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
            n += 1
        try:
            os.replace(self.path, target)
        except FileNotFoundError:
            target = None
        for suffix in ("-journal", "-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            if side.exists() and target is not None:
                os.replace(side, target.with_name(target.name + suffix))
        if target is not None:
            self.moved_aside.append(target)
        warnings.warn(f"the truth cache {str(self.path)!r} could not be read ({exc}); it was moved to "
                      f"{str(target)!r} and an empty cache is rebuilt (the truth is recomputed)",
                      TruthCacheWarning, stacklevel=3)
        self._open()

    # ------------------------------------------------------------ access
    def get(self, key: str, pairs: Sequence[tuple[str, str]]) -> list[Estimate | None]:
        """The cached truth of each ``(state, action)`` pair under ``key`` (None where missing or invalid)."""
        try:
            return self._get(key, pairs)
        except sqlite3.DatabaseError as exc:
            self._rebuild_or_raise(exc)
            return [None] * len(pairs)

    def _get(self, key: str, pairs: Sequence[tuple[str, str]]) -> list[Estimate | None]:
        out: list[Estimate | None] = []
        cur = self._db.cursor()
        rejected = 0
        for state, action in pairs:
            row = cur.execute("SELECT value, stderr, budget, exact FROM truth WHERE env=? AND state=? AND action=?",
                              (key, state, action)).fetchone()
            est = None if row is None else _row_estimate(row)
            if row is not None and est is None:
                rejected += 1
            out.append(est)
        if rejected:
            self.rejected_rows += rejected
            warnings.warn(f"the truth cache {str(self.path)!r} held {rejected} row(s) without a finite value; "
                          "they are ignored and recomputed", TruthCacheWarning, stacklevel=3)
        return out

    def put(self, key: str, items: Iterable[tuple[str, str, Estimate]]) -> None:
        """Store ``(state, action, estimate)`` triples under ``key`` (replacing older values).

        Values that are not finite are refused with a ValueError (an Estimate cannot hold one anyway).
        """
        rows = []
        for s, a, e in items:
            value, stderr = float(e.value), float(e.stderr)
            if not (math.isfinite(value) and math.isfinite(stderr) and stderr >= 0):
                raise ValueError(f"truth of ({s[:40]!r}, {a[:40]!r}) is not finite (value={value!r}, "
                                 f"stderr={stderr!r}); only finite truths are cached")
            rows.append((key, s, a, value, stderr, int(e.budget), int(bool(e.exact))))
        try:
            self._db.executemany("INSERT OR REPLACE INTO truth VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            self._db.commit()
        except sqlite3.DatabaseError as exc:
            self._rebuild_or_raise(exc)
            self._db.executemany("INSERT OR REPLACE INTO truth VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            self._db.commit()

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM truth").fetchone()[0])

    def close(self) -> None:
        """Close the database connection."""
        if self._db is not None:
            self._db.close()

    def __enter__(self) -> "TruthCache":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
