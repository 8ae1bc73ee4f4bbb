"""SVG-LLM-v0: extraction, rewards, oracle failures, truth, candidates, rendering."""
from __future__ import annotations

import json
import pickle

import gymnasium as gym
import numpy as np
import pytest

pytest.importorskip("skia")
pytest.importorskip("svgelements")

import envs  # noqa: E402,F401
from envs.core import Estimate, OracleFailure  # noqa: E402
from envs.svg.env import SVGEnv, extract_svg  # noqa: E402
from envs.svg.examples import EXAMPLES  # noqa: E402
from envs.svg.renderer import Result  # noqa: E402

HEX = EXAMPLES["hexagon"]["correct"][0]
PENTAGON = EXAMPLES["hexagon"]["near_miss"][2][1]


@pytest.fixture(scope="module")
def env():
    e = SVGEnv(tasks="all", resolution=128)
    yield e
    e.close()


def hexagon_state(env, lang="en"):
    return env.reset(seed=0, options={"task_id": f"hexagon:{lang}"})[1]["state"]


# ---------------------------------------------------------------------------------------- extraction
@pytest.mark.parametrize("text, want", [
    ("```svg\n<svg a='1'></svg>\n```", "<svg a='1'></svg>"),
    ("Here:\n```svg\nThe drawing: <svg a='1'><g/></svg> ok\n```\nbye", "<svg a='1'><g/></svg>"),
    ("```svg\n<svg a='1'></svg>\n```\nbetter:\n```SVG\n<svg b='2'></svg>\n```", "<svg b='2'></svg>"),
    ("prose <svg a='1'></svg> more <svg b='2'><svg c='3'></svg></svg> end", "<svg b='2'><svg c='3'></svg></svg>"),
    ("<think>```svg\n<svg x='think'></svg>\n```</think>answer: <svg a='1'></svg>", "<svg a='1'></svg>"),
    ("<think>still thinking <svg a='1'></svg>", None),
    ("no drawing here", None),
    ("<svgfoo></svg>", None),
    ("```svg\n<svg a='1'><g>\n```", "<svg a='1'><g>"),
    ("<answer><svg a='1'></svg></answer>", "<svg a='1'></svg>"),
    ("", None),
])
def test_extract_svg(text, want):
    assert extract_svg(text) == want


def test_extraction_is_linear_on_hostile_text():
    import time

    text = "<svg " * 200_000 + "</svg>" * 200_000 + "```svg\n" * 100_000
    t = time.perf_counter()
    extract_svg(text)
    assert time.perf_counter() - t < 2.0


# ------------------------------------------------------------------------------------------- rewards
def test_rewards(env):
    state = hexagon_state(env)
    completions = [f"Sure!\n```svg\n{HEX}\n```", PENTAGON, "I cannot draw.", "```svg\n<svg><g></svg>\n```",
                   "<svg xmlns='http://www.w3.org/2000/svg'>" + "<g>" * 60 + "</g>" * 60 + "</svg>"]
    scored = env.score_completions([state] * len(completions), completions)
    assert scored[0].reward == pytest.approx(0.1 + scored[0].estimate.value) and scored[0].estimate.value > 0.9
    assert scored[0].info["checks"]["six_fold"] == 1.0
    assert scored[1].format_ok and scored[1].reward <= 0.1 + 0.5
    assert (scored[2].reward, scored[2].format_ok) == (-0.1, False)
    for s in scored[3:]:
        assert s.format_ok and s.reward == -1.0 and "unrenderable" in s.info


def test_step_info_and_zh_prompt(env):
    obs, info = env.reset(options={"task_id": "star:zh"})
    assert "五角星" in obs and json.loads(info["state"])["lang"] == "zh"
    assert info["legal_actions"] is None
    _, reward, terminated, _, step_info = env.step(f"```svg\n{EXAMPLES['star']['correct'][0]}\n```")
    assert terminated and reward > 1.0 and step_info["estimate"]["budget"] == 128


def test_renderer_failure_is_that_items_oracle_failure(monkeypatch):
    e = SVGEnv(tasks="seed", resolution=64, oracle_error_reward=0.25)
    state = hexagon_state(e)
    real = e.pool.evaluate

    def flaky(jobs):
        out = real(jobs)
        out[1] = Result("failed", reason="the render worker died (crash or memory limit)")
        return out

    monkeypatch.setattr(e.pool, "evaluate", flaky)
    scored = e.score_completions([state] * 3, [HEX, HEX, HEX])
    assert [s.oracle_error is None for s in scored] == [True, False, True]
    assert scored[1].reward == 0.25 and scored[1].estimate is None and "died" in scored[1].oracle_error
    est = e.estimate([(state, HEX)] * 2)
    assert isinstance(est[0], Estimate) and isinstance(est[1], OracleFailure)


def test_truth_is_the_score_at_high_resolution(env):
    state = env.reset(options={"task_id": "shapes:11"})[1]["state"]
    cands = env.candidate_actions(state)
    labels = env.candidate_labels(state)
    assert len(cands) == len(labels) and labels[0] == "correct"
    truth = env.truth([(state, a) for a in cands])
    est = env.estimate([(state, a) for a in cands], budget=32)
    assert all(t.budget == 1024 and not t.exact for t in truth)
    assert truth[0].value == pytest.approx(1.0)
    for lab, t in zip(labels, truth):
        assert (t.value >= 0.99) == (lab == "correct")
    assert any(abs(a.value - t.value) > 1e-3 for a, t in zip(est, truth))


def test_candidates_of_seed_tasks(env):
    state = hexagon_state(env)
    labels = env.candidate_labels(state)
    comps = env.candidate_completions(state)
    assert labels.count("correct") == len(EXAMPLES["hexagon"]["correct"])
    assert all(lab == "correct" or lab.startswith("near_miss:") for lab in labels)
    assert all(c.startswith("```svg\n") for c in comps)
    scored = env.score_completions([state] * len(comps), comps)
    for lab, s in zip(labels, scored):
        assert (s.estimate.value >= 0.9) == (lab == "correct")


def test_sixty_four_kilobyte_svg_fits(env):
    state = hexagon_state(env)
    pad = "<!--" + "x" * (60_000 - len(HEX)) + "-->"
    big = HEX.replace("</svg>", pad + "</svg>")
    assert 60_000 < len(big) <= 65536
    assert env.action_space.contains("```svg\n" + big + "\n```")
    s = env.score_completions([state], ["```svg\n" + big + "\n```"])[0]
    assert s.estimate is not None and s.estimate.value > 0.9


def test_task_sets_and_states():
    shapes = SVGEnv(tasks="shapes", resolution=32)
    seed = SVGEnv(tasks="seed", resolution=32, lang="mixed")
    assert all(json.loads(s)["task"] == "shapes" for s in shapes.sample_states(10))
    langs = {json.loads(s)["lang"] for s in seed.sample_states(30)}
    assert langs == {"en", "zh"}
    with pytest.raises(ValueError, match="does not serve"):
        shapes.reset(options={"state": json.dumps({"task": "hexagon", "lang": "en"})})
    for bad in ("nonsense", '{"task": "nope", "lang": "en"}', '{"task": "shapes", "lang": "en", "seed": -1}'):
        with pytest.raises(ValueError):
            seed.decode_state(bad)
    for kwargs in ({"tasks": "icons"}, {"lang": "fr"}, {"truth_resolution": 0}, {"workers": 0},
                   {"render_timeout": -1}, {"unrenderable_reward": float("nan")}, {"resolution": 8192}):
        with pytest.raises(ValueError):
            SVGEnv(**kwargs)


def test_rgb_array_render_and_save_render(tmp_path):
    env = gym.make("SVG-LLM-v0", tasks="seed", resolution=96, render_mode="rgb_array")
    env.reset(options={"task_id": "hexagon"})
    blank = env.render()
    assert blank.shape == (96, 96, 3) and (blank == 255).all()
    blank_png = open(env.unwrapped.save_render(tmp_path / "none.png"), "rb").read()
    assert blank_png[:8] == b"\x89PNG\r\n\x1a\n"
    env.step(f"```svg\n{HEX}\n```")
    img = env.render()
    assert img.shape == (96, 96, 3) and img.dtype == np.uint8 and (img != 255).any()
    path = env.unwrapped.save_render(tmp_path / "hex.png")
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(data[16:20], "big") == 96
    ansi = gym.make("SVG-LLM-v0", tasks="seed", resolution=32, render_mode="ansi")
    ansi.reset(options={"task_id": "hexagon"})
    ansi.step(HEX)
    assert "last reward" in ansi.render()


def test_pickled_env_restarts_its_renderer(env):
    state = hexagon_state(env)
    copy = pickle.loads(pickle.dumps(env))
    assert copy._pool is None
    assert copy.score_completions([state], [HEX])[0].reward == env.score_completions([state], [HEX])[0].reward


def test_missing_extra_names_the_install_command(monkeypatch):
    import importlib

    import envs.svg as svgpkg

    real = importlib.import_module

    def fake(name, *args, **kwargs):
        if name == "skia":
            raise ImportError("No module named 'skia'")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(svgpkg.importlib, "import_module", fake)
    with pytest.raises(ImportError, match=r"pip install 'rewarddial\[svg\]'"):
        SVGEnv()
