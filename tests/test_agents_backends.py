"""The 'process' reward backend from a plain script (no main guard), and its recovery after a worker dies."""
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

import agents
from agents.backends import ProcessBackend

TOY = "ToyCoins-LLM-v0"
TESTS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TESTS)


def _run_script(tmp_path, body: str, timeout: float = 240) -> subprocess.CompletedProcess:
    script = tmp_path / "plain_script.py"
    script.write_text(textwrap.dedent(body))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([ROOT, TESTS, os.environ.get("PYTHONPATH", "")]))
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=timeout,
                          cwd=str(tmp_path), env=env)


@pytest.mark.slow
def test_default_backend_works_from_a_script_without_main_guard(tmp_path):
    # a GRPO-like loop written the way most training scripts are: top-level code, default backend
    proc = _run_script(tmp_path, """
        import json
        import conftest  # registers the toy env, as a user's own module would
        import agents

        print("SCRIPT-BODY-RUNS")
        ds = agents.make_dataset("ToyCoins-LLM-v0", 2, seed=1, flips=8)
        reward = agents.EnvReward("ToyCoins-LLM-v0", num_workers=2, seed=3, flips=8)
        inline = agents.EnvReward("ToyCoins-LLM-v0", reward_backend="inline", seed=3, flips=8)
        completions = ["<answer>A</answer>", "<answer>B</answer>", "junk", "<answer>Z</answer>"] * 2
        states = [ds["state"][0]] * 4 + [ds["state"][1]] * 4
        got = [reward(completions=completions, state=states) for _ in range(3)]
        want = [inline(completions=completions, state=states) for _ in range(3)]
        print("RESULT", json.dumps({"got": got, "want": want, "backend": reward.backend.name}))
    """)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.count("SCRIPT-BODY-RUNS") == 1  # the workers did not run the script again
    import json

    result = json.loads(proc.stdout.split("RESULT", 1)[1])
    assert result["backend"] == "process"
    assert len(result["got"]) == 3
    for got, want in zip(result["got"], result["want"]):
        assert got == pytest.approx(want)


def test_pool_is_rebuilt_after_a_worker_is_killed():
    ds = agents.make_dataset(TOY, 2, seed=1, flips=8)
    states = [ds["state"][0], ds["state"][1]] * 3
    completions = ["<answer>A</answer>", "<answer>B</answer>", "x"] * 2
    inline = agents.EnvReward(TOY, reward_backend="inline", seed=4, flips=8)
    reward = agents.EnvReward(TOY, num_workers=2, seed=4, flips=8)
    try:
        first = reward(completions=completions, state=states)
        backend = reward.backend
        assert isinstance(backend, ProcessBackend) and backend.rebuilds == 0
        executor = backend._pools[False][0]
        pids = list(executor._processes)
        assert pids
        os.kill(pids[0], signal.SIGKILL)
        deadline = time.time() + 10
        while time.time() < deadline and executor._processes and pids[0] in executor._processes \
                and executor._processes[pids[0]].is_alive():
            time.sleep(0.05)
        second = reward(completions=completions, state=states)  # scored on a new pool, not BrokenProcessPool
        third = reward(completions=completions, state=states)
        assert backend.rebuilds == 1
        assert backend._pools[False][0] is not executor
        for got in (first, second, third):
            assert got == pytest.approx(inline(completions=completions, state=states))
    finally:
        reward.close()


GRPO_SCRIPT = """
    import json, os, time
    os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")
    t0 = time.perf_counter()
    import gymnasium as gym
    import _tiny_model
    import envs
    from agents.train import build_trainer, grpo_config

    print("SCRIPT-BODY-RUNS")
    env = gym.make("Gomoku9x9-LLM-v0", rollouts=16).unwrapped
    answers = sorted({f"<answer>{a}</answer>" for s in env.sample_states(4, seed=100) for a in env.candidate_actions(s)})
    tokenizer = _tiny_model.build_tokenizer(extra_tokens=answers)
    model = _tiny_model.build_model(tokenizer)
    config = grpo_config(output_dir="out", use_cpu=True, max_steps=2, num_generations=4,
                         per_device_train_batch_size=4, max_completion_length=16, learning_rate=1e-4, seed=0)
    trainer = build_trainer("Gomoku9x9-LLM-v0", model, env_kwargs={"rollouts": 16}, num_states=6, seed=3,
                            config=config, tokenizer=tokenizer)   # the default reward backend: "process"
    reward = trainer.reward_funcs[0]
    t1 = time.perf_counter()
    trainer.train()
    t2 = time.perf_counter()
    steps = [h for h in trainer.state.log_history if "reward" in h]
    print("RESULT", json.dumps({"backend": reward.backend.name, "workers": reward.backend.num_workers,
                                "steps": len(steps), "rewards": [h["reward"] for h in steps],
                                "setup_s": t1 - t0, "train_s": t2 - t1}))
"""


@pytest.mark.slow
def test_plain_script_grpo_run_with_the_default_backend(tmp_path):
    """A real GRPO run (TRL, tiny model, Gomoku 9x9) from a script without a main guard."""
    import json

    proc = _run_script(tmp_path, GRPO_SCRIPT, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.count("SCRIPT-BODY-RUNS") == 1
    result = json.loads(proc.stdout.split("RESULT", 1)[1])
    assert result["backend"] == "process" and result["steps"] == 2
    assert all(-1.0 <= r <= 1.1 for r in result["rewards"])
    print(f"plain-script GRPO: setup {result['setup_s']:.1f} s, 2 steps {result['train_s']:.1f} s "
          f"on {result['workers']} reward workers")


@pytest.mark.slow
def test_env_class_defined_in_a_guarded_main_script_still_works(tmp_path):
    """An env class that lives in the script itself: the workers import the script (which needs the guard)."""
    proc = _run_script(tmp_path, """
        import json
        import gymnasium as gym
        import agents
        from toy_env import ToyCoinsEnv


        class MyCoins(ToyCoinsEnv):
            pass


        if __name__ == "__main__":
            gym.register(id="MyCoins-LLM-v0", entry_point=MyCoins)
            ds = agents.make_dataset("MyCoins-LLM-v0", 1, seed=1, flips=8)
            states = [ds["state"][0]] * 3
            got = agents.EnvReward("MyCoins-LLM-v0", num_workers=2, seed=1, flips=8)(
                completions=["<answer>A</answer>", "x", "<answer>B</answer>"], state=states)
            want = agents.EnvReward("MyCoins-LLM-v0", reward_backend="inline", seed=1, flips=8)(
                completions=["<answer>A</answer>", "x", "<answer>B</answer>"], state=states)
            print("RESULT", json.dumps([got, want]))
    """)
    assert proc.returncode == 0, proc.stderr[-3000:]
    import json

    got, want = json.loads(proc.stdout.split("RESULT", 1)[1])
    assert got == pytest.approx(want)
