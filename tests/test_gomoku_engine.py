"""The Gomocup engine oracle, against a small protocol engine shipped with the tests."""
import math
import os
import stat
import sys

import pytest

from envs.gomoku.engine import EngineError, GomocupEngine
from envs.gomoku.env import GomokuEnv

FAKE = os.path.join(os.path.dirname(__file__), "data", "fake_gomocup_engine.py")


def engine(*flags, **kw):
    kw.setdefault("think_ms", 50)
    kw.setdefault("reply_timeout", 2.0)
    return GomocupEngine([sys.executable, FAKE, *flags], **kw)


def idx(size, r, c):
    return r * size + c


# Black: row 4 cols 0..3 is not made; white builds four in row 0 (cols 0..3) while black scatters.
SIZE = 9
HISTORY = [idx(SIZE, 8, 8), idx(SIZE, 0, 0), idx(SIZE, 8, 6), idx(SIZE, 0, 1),
           idx(SIZE, 6, 8), idx(SIZE, 0, 2), idx(SIZE, 4, 6), idx(SIZE, 0, 3)]  # black to move; O threatens 0,4


def test_unblocked_four_is_lost_and_block_is_even():
    eng = engine()
    try:
        lost = eng.evaluate(SIZE, HISTORY, idx(SIZE, 5, 5))
        assert lost.value == pytest.approx(1 / (1 + 2.718281828 ** 50), abs=1e-9) and not lost.exact
        block = eng.evaluate(SIZE, HISTORY, idx(SIZE, 0, 4))
        assert block.value == pytest.approx(0.5) and block.budget == 50
        move, ev = eng.best_move(SIZE, HISTORY + [idx(SIZE, 5, 5)])
        assert move == idx(SIZE, 0, 4) and ev == 10000
    finally:
        eng.close()


def test_winning_move_is_exact_without_the_engine():
    eng = engine("--crash")  # would fail if asked
    hist = [idx(SIZE, 4, c) if i % 2 == 0 else idx(SIZE, 8, c) for c in range(4) for i in range(2)]
    est = eng.evaluate(SIZE, hist, idx(SIZE, 4, 4))
    assert est.value == 1.0 and est.exact


def test_dropped_query_is_sent_again(tmp_path):
    eng = engine("--drop-first", f"--first-run-only={tmp_path / 'started'}", reply_timeout=0.5)
    try:
        assert eng.evaluate(SIZE, HISTORY, idx(SIZE, 0, 4)).value == pytest.approx(0.5)
    finally:
        eng.close()


def test_late_reply_is_not_taken_as_the_next_answer(tmp_path):
    # the first engine answers its first query after 1 s, past think_ms + reply_timeout; its late reply (and the
    # reply a re-sent query would get) must not become the answer to the next, different, position
    eng = engine("--slow-first", "--count-eval", f"--first-run-only={tmp_path / 'started'}", reply_timeout=0.5)
    one, three = [idx(SIZE, 4, 4)], [idx(SIZE, 4, 4), idx(SIZE, 3, 4), idx(SIZE, 4, 3)]
    try:
        assert eng.best_move(SIZE, one) == (idx(SIZE, 3, 4), 100)
        assert eng.best_move(SIZE, three) == (idx(SIZE, 4, 5), 300)
        est = eng.evaluate(SIZE, three, idx(SIZE, 4, 5))  # the engine sees 4 stones: eval 400 for white
        assert est.value == pytest.approx(1 - 1 / (1 + math.exp(-2)))
    finally:
        eng.close()


def test_engine_that_never_answers_raises_after_a_restart():
    eng = engine("--drop-first", reply_timeout=0.3)  # every fresh process drops its first query
    try:
        with pytest.raises(EngineError, match="twice \\(the second time freshly started\\); raise reply_timeout"):
            eng.best_move(SIZE, HISTORY)
    finally:
        eng.close()


def test_exact_five_overline_position_through_the_env():
    # black A9..F9 is six in a row: no win under exact five, so the game goes on and C7 is valued by the engine
    env = GomokuEnv(size=9, estimator="engine", exact_five=True, engine_command=[sys.executable, FAKE],
                    think_ms=30, engine_options={"reply_timeout": 2.0})
    try:
        env.reset(options={"state": "gomoku:9:exact5:A9,A1,B9,B1,C9,C1,D9,H1,F9,H3,E9,H5"})
        _, r, _, _, info = env.step("<answer>C7</answer>")
        assert info["legal"] and not info["estimate"]["exact"]
        assert info["estimate"]["value"] == pytest.approx(0.5) and r == pytest.approx(0.1 + 0.5)
    finally:
        env.close()


def test_relative_and_bare_commands_run_in_the_engine_directory(tmp_path, monkeypatch):
    bin_dir = tmp_path / "x" / "bin"
    bin_dir.mkdir(parents=True)
    script = bin_dir / "eng"
    script.write_text(f'#!/bin/sh\npwd > "{tmp_path / "cwd.txt"}"\nexec "{sys.executable}" "{FAKE}" "$@"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    for command in ("x/bin/eng", "eng"):
        eng = GomocupEngine(command, think_ms=50, reply_timeout=2.0)
        try:
            assert eng.best_move(SIZE, []) == (idx(SIZE, 4, 4), 0)
        finally:
            eng.close()
        assert os.path.realpath((tmp_path / "cwd.txt").read_text().strip()) == os.path.realpath(bin_dir)
        (tmp_path / "cwd.txt").unlink()
    with pytest.raises(EngineError, match="'pbrain-none-such' is not on PATH"):
        GomocupEngine("pbrain-none-such --quiet").best_move(SIZE, [])


def test_missing_eval_is_uncertain_and_counted():
    eng = engine("--no-eval")
    try:
        est = eng.evaluate(SIZE, HISTORY, idx(SIZE, 5, 5))
        assert (est.value, est.stderr, eng.missing_evals) == (0.5, 0.5, 1)
    finally:
        eng.close()


def test_crashing_or_missing_engine_raises_clear_error():
    with pytest.raises(EngineError, match="exited|not running|closed"):
        engine("--crash").evaluate(SIZE, HISTORY, idx(SIZE, 5, 5))
    with pytest.raises(EngineError, match="could not start"):
        GomocupEngine("/nonexistent/pbrain-none").best_move(SIZE, [])


@pytest.mark.parametrize("kw, match", [({"think_ms": 0}, "think_ms=0"), ({"eval_scale": -1}, "eval_scale=-1")])
def test_bad_arguments(kw, match):
    with pytest.raises(ValueError, match=match):
        GomocupEngine("engine", **kw)
    with pytest.raises(ValueError, match="empty"):
        GomocupEngine("  ")
