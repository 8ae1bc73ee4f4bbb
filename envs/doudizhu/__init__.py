"""Two-player Dou Dizhu endgames: cards, the move generator, exact solvers (minimax and random play),
rollouts and UCT (numba), text, the Gymnasium env (``DouDizhuEndgame-LLM-v0``) and a PettingZoo AEC env.

Modules: ``cards`` (ranks, notation), ``moves`` (plays, legal-move generator, rule variants), ``state``
(positions, serialised states), ``solvers`` (exact minimax and random-play values), ``oracle`` (flat Monte
Carlo, UCT), ``endgames`` (seeded positions, the tactical set), ``text`` (prompt, parser), ``env``
(:class:`DouDizhuEndgameEnv`), ``pettingzoo_env`` (``env()``, ``raw_env``). Submodules are imported on first
use, so ``import envs.doudizhu`` stays light.
"""
from __future__ import annotations

import importlib

__all__ = ["DouDizhuEndgameEnv"]


def __getattr__(name: str):
    if name == "DouDizhuEndgameEnv":
        return importlib.import_module(".env", __name__).DouDizhuEndgameEnv
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
