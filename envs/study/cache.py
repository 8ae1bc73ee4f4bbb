"""A disk cache of ground-truth values, so that a second study reuses them instead of recomputing.

Values live in one SQLite file, ``<cache_dir>/truth.sqlite``. A row is keyed by

* the *environment key*: env id, env version, the constructor arguments that can change the truth (every
  argument except the budget and the reward-shaping ones of the base class) and the truth kind
  (``"exact"`` for the env's ``truth()``, ``"budget:N"`` for its estimator at budget ``N``);
* the serialised state string and the action.

The default directory is ``~/.cache/rewarddial/truth``; the environment variable ``REWARDDIAL_CACHE`` or an
explicit ``cache_dir`` overrides it.
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any, Iterable, Sequence

from envs.core import Estimate

__all__ = ["TruthCache", "default_cache_dir", "env_key"]

# TextEnv arguments that change the reward's shape but never the oracle's truth
_NOT_TRUTH_KWARGS = frozenset({
    "invalid_policy", "max_retries", "format_reward", "format_penalty", "illegal_reward", "answer_tag",
    "render_mode",
})


def default_cache_dir() -> Path:
    """``$REWARDDIAL_CACHE`` if set, else ``~/.cache/rewarddial/truth``."""
    env = os.environ.get("REWARDDIAL_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "rewarddial" / "truth"


def env_key(env_id: str, version: str, kwargs: dict[str, Any], budget_name: str, truth_kind: str) -> str:
    """The cache's key of one environment configuration and truth kind (a canonical JSON string)."""
    kw = {k: v for k, v in kwargs.items() if k not in _NOT_TRUTH_KWARGS and k != budget_name}
    return json.dumps({"env": env_id, "version": version, "kwargs": kw, "truth": truth_kind},
                      sort_keys=True, default=repr)


class TruthCache:
    """Ground-truth values on disk, keyed by environment key, state and action.

    Args:
        cache_dir: the directory (created if missing); None means :func:`default_cache_dir`.
    """

    def __init__(self, cache_dir: str | os.PathLike | None = None) -> None:
        self.dir = Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ValueError(f"cannot create the truth cache directory {str(self.dir)!r} ({exc}); pass a "
                             "writable cache_dir= (--cache-dir) or set REWARDDIAL_CACHE") from exc
        self.path = self.dir / "truth.sqlite"
        self._db = sqlite3.connect(str(self.path), timeout=60.0)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS truth (env TEXT NOT NULL, state TEXT NOT NULL, action TEXT NOT NULL, "
            "value REAL NOT NULL, stderr REAL NOT NULL, budget INTEGER NOT NULL, exact INTEGER NOT NULL, "
            "PRIMARY KEY (env, state, action))"
        )
        self._db.commit()

    def get(self, key: str, pairs: Sequence[tuple[str, str]]) -> list[Estimate | None]:
        """The cached truth of each ``(state, action)`` pair under ``key`` (None where missing)."""
        out: list[Estimate | None] = []
        cur = self._db.cursor()
        for state, action in pairs:
            row = cur.execute("SELECT value, stderr, budget, exact FROM truth WHERE env=? AND state=? AND action=?",
                              (key, state, action)).fetchone()
            out.append(None if row is None else Estimate(row[0], row[1], int(row[2]), bool(row[3])))
        return out

    def put(self, key: str, items: Iterable[tuple[str, str, Estimate]]) -> None:
        """Store ``(state, action, estimate)`` triples under ``key`` (replacing older values)."""
        self._db.executemany(
            "INSERT OR REPLACE INTO truth VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(key, s, a, float(e.value), float(e.stderr), int(e.budget), int(bool(e.exact))) for s, a, e in items],
        )
        self._db.commit()

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM truth").fetchone()[0])

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def __enter__(self) -> "TruthCache":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
