"""rewarddial environments. ``import envs`` registers every ``*-LLM-v0`` id with Gymnasium.

    import gymnasium as gym
    import envs
    env = gym.make("Gomoku9x9-LLM-v0", rollouts=256)

``gym.make("envs:Gomoku9x9-LLM-v0")`` works without the explicit import.
"""
from gymnasium.envs.registration import register, registry

from ._vector import install as _install_text_vector_reader

_install_text_vector_reader()  # real prompts from gym.make_vec(..., vectorization_mode="async")

__version__ = "0.1.0"

#: every id this package registers, in the order ``rewarddial list`` prints them
ENV_IDS: list[str] = []


def _register(env_id: str, entry_point: str, **kwargs) -> None:
    ENV_IDS.append(env_id)
    if env_id not in registry:
        register(id=env_id, entry_point=entry_point, kwargs=kwargs)


_register("Gomoku9x9-LLM-v0", "envs.gomoku.env:GomokuEnv", size=9)
_register("Gomoku15x15-LLM-v0", "envs.gomoku.env:GomokuEnv", size=15)
_register("DouDizhuEndgame-LLM-v0", "envs.doudizhu.env:DouDizhuEndgameEnv")
_register("Code-LLM-v0", "envs.code.env:CodeEnv")
_register("SVG-LLM-v0", "envs.svg.env:SVGEnv")
