"""Gomoku (five in a row): rules and oracles (numba), text, tactical positions, the Gymnasium env
(``Gomoku9x9-LLM-v0``, ``Gomoku15x15-LLM-v0``) and a PettingZoo AEC env.

Modules: ``rules`` (boards, five detection, game results, playouts), ``oracle`` (the one-ply proof, flat
Monte Carlo, UCT, the oracle objects), ``solver`` (VCF threat-space solver), ``positions`` (self-play
positions), ``engine`` (Gomocup engine client and pool), ``pbrain`` (our own Gomocup engine), ``text``
(coordinates, grid, prompt), ``state`` (serialised states), ``tactics`` (win-in-one / block-four / open-four
sets, and VCF positions), ``env`` (:class:`GomokuEnv`), ``pettingzoo_env`` (``env()``, ``raw_env``,
``parallel_env()``). Submodules are imported on first use, so ``import envs.gomoku`` stays light.
"""
from __future__ import annotations

import importlib

__all__ = ["GomokuEnv"]


def __getattr__(name: str):
    if name == "GomokuEnv":
        return importlib.import_module(".env", __name__).GomokuEnv
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
