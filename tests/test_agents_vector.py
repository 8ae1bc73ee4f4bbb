"""Gymnasium vector envs over the registered ids: sync and async (shared memory, the default) give the
real prompts, and stepping gives each sub-env's own reward."""
import copy

import gymnasium as gym
import numpy as np
import pytest

import envs
from envs._vector import TextObservations

ENV_ID = "Gomoku9x9-LLM-v0"


def _single(seed, **kwargs):
    env = gym.make(ENV_ID, **kwargs)
    obs, info = env.reset(seed=seed)
    return env, obs, info


@pytest.mark.parametrize("mode,vector_kwargs", [("sync", {}), ("async", {}),
                                                 ("async", {"shared_memory": False})])
def test_make_vec_gives_the_real_prompts(mode, vector_kwargs):
    vec = gym.make_vec(ENV_ID, num_envs=2, vectorization_mode=mode, vector_kwargs=vector_kwargs, rollouts=8)
    try:
        obs, infos = vec.reset(seed=[3, 4])
        expected = [_single(s, rollouts=8)[1] for s in (3, 4)]
        assert list(obs) == expected
        assert all("Gomoku" in o or "board" in o.lower() for o in obs)
        # step: each sub-env scores its own completion; the next observations are real strings too
        moves = []
        for seed in (3, 4):
            env, _, info = _single(seed, rollouts=8)
            moves.append(f"<answer>{info['legal_actions'][0]}</answer>")
        obs2, rewards, term, trunc, infos2 = vec.step(moves)
        assert len(obs2) == 2 and all(isinstance(o, str) for o in obs2)
        assert np.all(np.isfinite(rewards)) and np.all(rewards > 0)  # legal moves: 0.1 + win-rate
    finally:
        vec.close()


def test_text_view_copies_to_a_tuple_and_reads_live():
    import multiprocessing

    from gymnasium.spaces import Text
    from gymnasium.vector.utils import create_shared_memory, read_from_shared_memory, write_to_shared_memory

    space = Text(max_length=12, charset="abc xyz")
    buf = create_shared_memory(space, n=2, ctx=multiprocessing.get_context("spawn"))
    view = read_from_shared_memory(space, buf, n=2)
    assert isinstance(view, TextObservations)
    write_to_shared_memory(space, 0, "abc", buf)
    write_to_shared_memory(space, 1, "xyz zy", buf)
    assert list(view) == ["abc", "xyz zy"] and view[1] == "xyz zy" and len(view) == 2
    snapshot = copy.deepcopy(view)
    assert snapshot == ("abc", "xyz zy") and isinstance(snapshot, tuple)
    write_to_shared_memory(space, 0, "c", buf)
    assert view[0] == "c" and snapshot[0] == "abc"  # the view is live, the copy is not
    assert envs.ENV_IDS  # import envs installed the reader
