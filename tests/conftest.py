import os
import sys

import gymnasium as gym

sys.path.insert(0, os.path.dirname(__file__))

TOY_ID = "ToyCoins-LLM-v0"
if TOY_ID not in gym.registry:
    gym.register(id=TOY_ID, entry_point="toy_env:ToyCoinsEnv")
