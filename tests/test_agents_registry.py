"""The agents adapters work for every registered environment, with no environment-specific code."""
import pytest

import agents
import envs
from agents import verl
from agents.data import env_kwargs_with_budget

ODD = [None, b"<answer>x</answer>", {"content": 5}, 12345, "<answer>" * 1000, ""]


def _answers(env, state):
    try:
        legal = env.candidate_actions(state)
    except NotImplementedError:  # environments whose actions cannot be listed (programs, drawings)
        legal = []
    return [f"<answer>{a}</answer>" for a in legal[:2]] + ["no answer"] + ODD


@pytest.mark.slow
@pytest.mark.parametrize("env_id", envs.ENV_IDS)
def test_dataset_reward_and_verl_agree_with_the_env(env_id):
    kwargs = env_kwargs_with_budget(env_id, {}, 4, "budget")
    ds = agents.make_dataset(env_id, 2, seed=0, **kwargs)
    env = agents.make_env(env_id, **kwargs)
    states, completions = [], []
    for state in ds["state"]:
        answers = _answers(env, state)
        states += [state] * len(answers)
        completions += answers
    reward = agents.EnvReward(env_id, reward_backend="inline", seed=5, **kwargs)
    got = reward(completions=completions, state=states, env_id=[env_id] * len(states))
    expected = [s.reward for s in env.score_completions(states, completions, seed=reward.call_seed(0))]
    assert got == pytest.approx(expected)
    assert all(isinstance(r, float) for r in got)
    rows = verl.verl_rows(env_id, 1, seed=0, **kwargs)
    on_verl = verl._reward_for(env_id, kwargs)  # the EnvReward verl's calls go through in this process
    for text in completions[:3]:
        k = on_verl.calls
        res = verl.compute_score(data_source=rows[0]["data_source"], solution_str=text,
                                 ground_truth=rows[0]["reward_model"]["ground_truth"],
                                 extra_info=rows[0]["extra_info"])
        ref = env.score_completions([rows[0]["extra_info"]["state"]], [text], seed=on_verl.call_seed(k))[0]
        assert (res["format_ok"], res["legal"]) == (float(ref.format_ok), float(ref.legal))
        assert res["score"] == pytest.approx(ref.reward)
