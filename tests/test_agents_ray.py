"""reward_backend="ray": EnvReward on a local Ray instance gives the same rewards as inline scoring."""
import os
import pickle

import pytest

import agents

ray = pytest.importorskip("ray")
TOY = "ToyCoins-LLM-v0"
COMPLETIONS = ["<answer>A</answer>", "bad", "<answer>Z</answer>", "<answer>B</answer>", "<answer>C</answer>"]


@pytest.fixture(scope="module")
def local_ray():
    if ray.is_initialized():
        yield
        return
    tests_dir = os.path.dirname(os.path.abspath(__file__))
    # the workers import the toy env's module (registered in the driver by conftest) from the tests folder
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": {"PYTHONPATH": tests_dir}})
    yield
    ray.shutdown()


@pytest.mark.slow
def test_ray_backend_matches_inline(local_ray):
    states = agents.make_dataset(TOY, 5, seed=4, flips=8)["state"]
    on_ray = agents.EnvReward(TOY, reward_backend="ray", num_workers=2, seed=1, flips=8)
    inline = agents.EnvReward(TOY, reward_backend="inline", seed=1, flips=8)
    for _ in range(2):  # two calls: the seeds advance the same way
        got = on_ray(completions=COMPLETIONS, state=states)
        assert got == inline(completions=COMPLETIONS, state=states)
    assert got[1] == pytest.approx(-0.1) and got[2] == pytest.approx(-0.9)
    clone = pickle.loads(pickle.dumps(on_ray))
    assert clone._backend is None and clone(completions=COMPLETIONS, state=states) == \
        inline(completions=COMPLETIONS, state=states)


@pytest.mark.slow
def test_ray_backend_scores_gomoku(local_ray):
    env_id = "Gomoku9x9-LLM-v0"
    states = agents.make_dataset(env_id, 2, seed=0, rollouts=16)["state"]
    completions = ["<answer>E5</answer>", "<answer>zz</answer>"]
    on_ray = agents.EnvReward(env_id, reward_backend="ray", rollouts=16)
    inline = agents.EnvReward(env_id, reward_backend="inline", rollouts=16)
    assert on_ray(completions=completions, state=states) == inline(completions=completions, state=states)
