"""agents: cheap import, env lookup, budget flags, and the GRPO dataset builder."""
import json
import subprocess
import sys

import gymnasium as gym
import pytest

import agents
from agents.data import budget_name, env_kwargs_with_budget, make_env, rows

TOY = "ToyCoins-LLM-v0"


def test_import_agents_is_cheap():
    code = ("import sys, agents, agents.cli; "
            "heavy = [m for m in ('torch', 'transformers', 'trl', 'datasets', 'ray', 'vllm') if m in sys.modules]; "
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_unknown_attribute_and_env_id_are_named():
    with pytest.raises(AttributeError, match="no_such_thing"):
        agents.no_such_thing  # noqa: B018
    with pytest.raises(ValueError, match="Nope-LLM-v0"):
        make_env("Nope-LLM-v0")


def test_budget_maps_to_the_envs_own_argument():
    assert budget_name(TOY) == "flips"
    assert env_kwargs_with_budget(TOY, {"coins": 3}, 64, "budget") == {"coins": 3, "flips": 64}
    assert env_kwargs_with_budget(TOY, {}, None, None) == {}
    with pytest.raises(ValueError, match="flips, not rollouts"):
        env_kwargs_with_budget(TOY, {}, 64, "rollouts")
    with pytest.raises(ValueError, match="positive integer"):
        env_kwargs_with_budget(TOY, {}, 0, "budget")
    with pytest.raises(ValueError, match="given twice"):
        env_kwargs_with_budget(TOY, {"flips": 8}, 64, "budget")


def test_budget_name_is_the_envs_for_these_arguments():
    """No list of budget names in agents: the env says which argument its budget is, per arguments."""
    from agents import verl

    gomoku = "Gomoku9x9-LLM-v0"
    assert budget_name(gomoku) == "rollouts"
    assert budget_name(gomoku, {"estimator": "engine"}) == "think_ms"
    assert env_kwargs_with_budget(gomoku, {"estimator": "engine"}, 50, "budget") == {"estimator": "engine",
                                                                                       "think_ms": 50}
    assert env_kwargs_with_budget(gomoku, {}, 50, "budget") == {"rollouts": 50}
    with pytest.raises(ValueError, match="think_ms, not rollouts"):
        env_kwargs_with_budget(gomoku, {"estimator": "engine"}, 50, "rollouts")
    # verl's reward_kwargs override follows the same name
    assert verl._budget_override(gomoku, {"estimator": "engine"}, {"budget": 50}) == {"think_ms": 50}
    assert verl._budget_override(gomoku, {}, {"rollouts": "64", "reward_router_address": None}) == {"rollouts": 64}
    assert verl._budget_override(TOY, {}, {"group_size": 8}) == {}
    with pytest.raises(ValueError, match="flips=-3"):
        verl._budget_override(TOY, {}, {"flips": -3})
    import agents.cli
    import agents.data

    for module in (agents.data, agents.cli, verl):
        assert not hasattr(module, "BUDGET_ALIASES") and not hasattr(module, "_BUDGET_FLAGS")


def test_make_dataset_rows_match_the_env():
    ds = agents.make_dataset(TOY, 5, seed=11, flips=8, coins=3)
    assert ds.num_rows == 5
    assert set(ds.column_names) == {"prompt", "state", "env_id", "env_kwargs", "state_seed"}
    env = gym.make(TOY, flips=8, coins=3).unwrapped
    assert ds["state"] == env.sample_states(5, seed=11)
    assert ds["state_seed"] == list(range(11, 16))
    for row in ds:
        assert row["env_id"] == TOY
        assert json.loads(row["env_kwargs"]) == {"flips": 8, "coins": 3}
        _, info = env.reset(options={"state": row["state"]})
        assert row["prompt"] == info["messages"]
        assert [m["role"] for m in row["prompt"]] == ["system", "user"]
    # distinct states, reproducible
    assert len(set(ds["state"])) == 5
    assert agents.make_dataset(TOY, 5, seed=11, flips=8, coins=3)["state"] == ds["state"]


def test_rows_without_user_turn_and_bad_arguments():
    r = rows(TOY, 2, user_turn=False)
    assert all(row["prompt"][-1] == {"role": "user", "content": ""} for row in r)
    with pytest.raises(ValueError, match="n=0"):
        rows(TOY, 0)
    with pytest.raises(ValueError, match="JSON"):
        rows(TOY, 1, flips=8, coins=object())
