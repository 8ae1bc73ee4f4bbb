"""The Gomocup engine oracle, against two protocol engines shipped with the tests (real separate processes):
a small one (fake_gomocup_engine.py) and one that behaves on the wire like a strong engine does
(mock_rapfi_engine.py: mate scores, input ignored after each move, a slow first reply, faulty modes)."""
import math
import os
import stat
import sys
import time

import pytest

from envs.core import Estimate, OracleFailure
from envs.gomoku.engine import EngineError, EngineOracle, GomocupEngine, parse_eval
from envs.gomoku.env import GomokuEnv
from envs.gomoku.state import GomokuState, decode_state

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
FAKE = os.path.join(DATA, "fake_gomocup_engine.py")
MOCK = os.path.join(DATA, "mock_rapfi_engine.py")


def mv(reply):
    return reply.move, reply.score


def engine(*flags, **kw):
    kw.setdefault("think_ms", 50)
    kw.setdefault("reply_timeout", 2.0)
    kw.setdefault("startup_timeout", 2.0)
    return GomocupEngine([sys.executable, FAKE, *flags], **kw)


def mock(*flags, **kw):
    kw.setdefault("think_ms", 50)
    kw.setdefault("reply_timeout", 1.0)
    kw.setdefault("startup_timeout", 2.0)
    return GomocupEngine([sys.executable, MOCK, *flags], **kw)


def idx(size, r, c):
    return r * size + c


SIZE = 9
HISTORY = [idx(SIZE, 8, 8), idx(SIZE, 0, 0), idx(SIZE, 8, 6), idx(SIZE, 0, 1),
           idx(SIZE, 6, 8), idx(SIZE, 0, 2), idx(SIZE, 4, 6), idx(SIZE, 0, 3)]  # black to move; O threatens 0,4
# white to move must block E4 (black E5..E8, white already on E9)
MUST_BLOCK = "gomoku:9:free:E5,E9,E6,A1,E7,B1,E8"
OPEN = "gomoku:9:free:E5,D4,F6"


def test_parse_eval():
    assert parse_eval("-162") == (-162.0, None) and parse_eval("+M3") == (None, 3)
    assert parse_eval("-M10") == (None, -10) and parse_eval("M21") == (None, 21) and parse_eval("12.5") == (12.5, None)
    with pytest.raises(ValueError, match="neither a number nor a mate score"):
        parse_eval("--5")


def test_unblocked_four_is_lost_and_block_is_even():
    eng = engine()
    try:
        lost = eng.evaluate(SIZE, HISTORY, idx(SIZE, 5, 5))
        assert lost.value == pytest.approx(1 / (1 + math.exp(50)), abs=1e-9) and not lost.exact
        assert lost.info == {"engine_eval": "10000"}
        block = eng.evaluate(SIZE, HISTORY, idx(SIZE, 0, 4))
        assert block.value == pytest.approx(0.5) and block.budget == 50
        reply = eng.best_move(SIZE, HISTORY + [idx(SIZE, 5, 5)])
        assert (reply.move, reply.score, reply.mate) == (idx(SIZE, 0, 4), 10000, None)
    finally:
        eng.close()


def test_proven_move_is_exact_without_the_engine():
    orc = EngineOracle([sys.executable, FAKE, "--crash"], workers=1, options={"reply_timeout": 1.0})
    hist = tuple(idx(SIZE, 4, c) if i % 2 == 0 else idx(SIZE, 8, c) for c in range(4) for i in range(2))
    state = GomokuState(SIZE, hist)
    wins, loses = orc.estimate([state, state], [idx(SIZE, 4, 4), idx(SIZE, 2, 2)], 50)
    assert (wins.value, wins.exact) == (1.0, True)  # completes five: the crashing engine is never asked
    assert (loses.value, loses.exact) == (0.0, True)  # leaves white a five
    orc.close()


def test_dropped_query_fails_once_and_the_next_goes_to_a_fresh_engine(tmp_path):
    eng = engine("--drop-first", f"--first-run-only={tmp_path / 'started'}", reply_timeout=0.3,
                 startup_timeout=0.1)
    try:
        t0 = time.monotonic()
        with pytest.raises(EngineError, match="gave no move within 50 ms \\+ 0.3 s"):
            eng.evaluate(SIZE, HISTORY, idx(SIZE, 0, 4))
        assert time.monotonic() - t0 < 0.05 + 0.3 + 0.1 + 0.5  # one reply timeout, no second try
        assert eng.evaluate(SIZE, HISTORY, idx(SIZE, 0, 4)).value == pytest.approx(0.5)
        assert eng.restarts == 1
    finally:
        eng.close()


def test_crash_is_retried_once_on_a_fresh_engine(tmp_path):
    eng = mock("--fault=crash", "--fault-after=1", "--first-ms=0")  # each process answers one query, then dies
    try:
        replies = [eng.best_move(9, [40, 41][:k]) for k in (1, 2, 1)]
        assert all(r.raw is not None for r in replies) and eng.restarts == 2
    finally:
        eng.close()


def test_late_reply_is_not_taken_as_the_next_answer(tmp_path):
    # the first engine answers its first query after 1 s, past think_ms + reply_timeout + startup: that query
    # fails, and its late reply must not become the answer to the next, different, position
    eng = engine("--slow-first", "--count-eval", f"--first-run-only={tmp_path / 'started'}", reply_timeout=0.3,
                 startup_timeout=0.2)
    one, three = [idx(SIZE, 4, 4)], [idx(SIZE, 4, 4), idx(SIZE, 3, 4), idx(SIZE, 4, 3)]
    try:
        with pytest.raises(EngineError, match="gave no move"):
            eng.best_move(SIZE, one)
        assert mv(eng.best_move(SIZE, one)) == (idx(SIZE, 3, 4), 100)
        assert mv(eng.best_move(SIZE, three)) == (idx(SIZE, 4, 5), 300)
        est = eng.evaluate(SIZE, three, idx(SIZE, 4, 5))  # the engine sees 4 stones: eval 400 for white
        assert est.value == pytest.approx(1 - 1 / (1 + math.exp(-2)))
    finally:
        eng.close()


def test_engine_that_never_answers_costs_one_timeout():
    eng = engine("--drop-first", reply_timeout=0.3, startup_timeout=0.1)  # every fresh process drops its first query
    t0 = time.monotonic()
    try:
        with pytest.raises(EngineError, match="gave no move within 50 ms \\+ 0.3 s"):
            eng.best_move(SIZE, HISTORY)
        assert eng.restarts == 1 and time.monotonic() - t0 < 0.05 + 0.3 + 0.1 + 0.5
    finally:
        eng.close()


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
            assert mv(eng.best_move(SIZE, [])) == (idx(SIZE, 4, 4), 0)
        finally:
            eng.close()
        assert os.path.realpath((tmp_path / "cwd.txt").read_text().strip()) == os.path.realpath(bin_dir)
        (tmp_path / "cwd.txt").unlink()
    with pytest.raises(EngineError, match="'pbrain-none-such' is not on PATH"):
        GomocupEngine("pbrain-none-such --quiet").best_move(SIZE, [])


def test_missing_eval_is_a_failure_never_a_made_up_value():
    eng = engine("--no-eval")
    try:
        with pytest.raises(EngineError, match="printed no evaluation"):
            eng.evaluate(SIZE, HISTORY, idx(SIZE, 5, 5))
    finally:
        eng.close()


def test_crashing_or_missing_engine_raises_clear_error():
    with pytest.raises(EngineError, match="exited"):
        engine("--crash").evaluate(SIZE, HISTORY, idx(SIZE, 5, 5))
    with pytest.raises(EngineError, match="could not start"):
        GomocupEngine("/nonexistent/pbrain-none").best_move(SIZE, [])


@pytest.mark.parametrize("kw, match", [({"think_ms": 0}, "think_ms=0"), ({"think_ms": 10**7}, "think_ms=10000000"),
                                       ({"eval_scale": -1}, "eval_scale=-1"),
                                       ({"reply_timeout": float("nan")}, "reply_timeout=nan")])
def test_bad_arguments(kw, match):
    with pytest.raises(ValueError, match=match):
        GomocupEngine("engine", **kw)
    with pytest.raises(ValueError, match="empty"):
        GomocupEngine("  ")


# ------------------------------------------------------------------ the engine that behaves like Rapfi
def test_mate_scores_map_to_win_and_loss_with_the_distance_in_info():
    eng = mock()
    state = decode_state(MUST_BLOCK)
    try:
        # after A9 black (the engine) completes E4: "+M1" for the engine, a loss for the mover
        lost = eng.evaluate(9, list(state.moves), idx(9, 0, 0))
        assert (lost.value, lost.info) == (0.0, {"engine_eval": "+M1", "mate_in": 1, "mate_for": "opponent"})
        win_state = decode_state("gomoku:9:free:A1,B5,A3,C5,H9,D5,H7")  # white to move: E5 makes B5-E5 open
        won = eng.evaluate(9, list(win_state.moves), idx(9, 4, 4))  # E5: white has A5 and F5 -> black is mated
        assert won.value == 1.0 and won.info["mate_for"] == "mover" and won.info["mate_in"] == 2
        even = eng.evaluate(9, list(state.moves), idx(9, 5, 4))  # E4 blocks: a number, mapped by the logistic
        assert 0.0 < even.value < 1.0 and "mate_in" not in even.info
        assert even.value == pytest.approx(1 - 1 / (1 + math.exp(-float(even.info["engine_eval"]) / 200)))
    finally:
        eng.close()


def test_no_query_is_lost_while_the_engine_ignores_its_input():
    """The engine drops what it reads for 300 ms after each move; the ABOUT handshake waits that out, so
    six queries in a row on one process need no restart. Without the handshake, queries are lost."""
    eng = mock("--deaf-ms=300", think_ms=30, reply_timeout=0.6)
    histories = [[40], [40, 41], [40, 41, 31], [40], [40, 41], [40, 41, 31]]
    try:
        t0 = time.monotonic()
        replies = [eng.best_move(9, h) for h in histories]
        assert eng.restarts == 0 and time.monotonic() - t0 < 6 * (0.03 + 0.3) + 2.0
        assert all(r.raw is not None for r in replies) and replies[:3] == replies[3:]
    finally:
        eng.close()
    bare = mock("--deaf-ms=300", think_ms=30, reply_timeout=0.6, handshake=False)
    try:
        for h in histories[:3]:
            try:
                bare.best_move(9, h)
            except EngineError:
                pass
        assert bare.restarts >= 1
    finally:
        bare.close()


def test_slow_first_reply_is_allowed_for():
    eng = mock("--first-ms=1200", think_ms=30, reply_timeout=0.3, startup_timeout=2.0)
    try:
        assert eng.best_move(9, [40]).raw is not None and eng.restarts == 0
        t0 = time.monotonic()
        eng.best_move(9, [40, 41])
        assert time.monotonic() - t0 < 1.0  # later queries get no start-up allowance... and need none
    finally:
        eng.close()


def test_engine_workers_run_in_parallel():
    states = [decode_state(s) for s in ("gomoku:9:free:E5", "gomoku:9:free:E5,D4,F6", "gomoku:9:free:A1",
                                        "gomoku:9:free:A1,B2,C3")]
    moves = [idx(9, 0, 0), idx(9, 0, 1), idx(9, 8, 8), idx(9, 0, 2)]
    orc = EngineOracle([sys.executable, MOCK, "--first-ms=0"], workers=4, options={"reply_timeout": 1.0})
    try:
        orc.estimate(states, moves, 400)  # start the four engines
        t0 = time.monotonic()
        out = orc.estimate(states, moves, 400)
        took = time.monotonic() - t0
        assert all(isinstance(e, Estimate) and e.budget == 400 for e in out)
        assert took < 2 * 0.4 + 0.5  # four queries of 400 ms at once, not one after another (1.6 s)
        assert orc.options["extra_info"] == {"thread_num": 1}
    finally:
        orc.close()


FAULTS = ["crash", "hang", "garbage", "bad-move", "occupied", "no-eval", "bad-eval", "no-start", "start-error",
          "late", "close-stdout"]
BENIGN = ["binary", "no-about", "huge-line", "stderr-flood", "exit-after-move"]


@pytest.mark.slow
@pytest.mark.parametrize("fault", FAULTS + BENIGN)
def test_faulty_engine_step_is_a_scored_failure(fault):
    """Every faulty behaviour ends as that step's oracle_error (a finite reward, the reason in info) within a
    bounded time; the benign oddities are read through. The next query still works (a fresh process)."""
    env = GomokuEnv(size=9, estimator="engine", engine_command=[sys.executable, MOCK, f"--fault={fault}",
                                                                 "--fault-after=0", "--first-ms=0"],
                    think_ms=50, engine_workers=1,
                    engine_options={"reply_timeout": 0.4, "startup_timeout": 0.3})
    try:
        env.reset(options={"state": MUST_BLOCK})
        t0 = time.monotonic()
        _, r, term, _, info = env.step("<answer>E4</answer>")
        took = time.monotonic() - t0
        assert term and info["legal"] and math.isfinite(r)
        if fault in BENIGN:
            assert "oracle_error" not in info and info["estimate"]["budget"] == 50
            assert took < 3.0
        else:
            assert r == 0.0 and info["estimate"] is None and info["oracle_error"]
            assert took < (0.05 + 0.4 + 0.3) + 0.6  # at most one reply timeout (and one restart)
    finally:
        env.close()


def test_a_failed_item_does_not_fail_the_batch(tmp_path):
    # the engine crashes on the second query of each process: the query is sent again to a fresh engine, which
    # answers it, so every item is answered
    env = GomokuEnv(size=9, estimator="engine", think_ms=30, engine_workers=1,
                    engine_command=[sys.executable, MOCK, "--fault=crash", "--fault-after=1", "--first-ms=0"],
                    engine_options={"reply_timeout": 0.5})
    try:
        scored = env.score_completions([OPEN] * 3, ["<answer>E4</answer>", "<answer>E3</answer>", "nothing"])
        assert [s.oracle_error for s in scored] == [None, None, None]
        assert [s.estimate is not None for s in scored] == [True, True, False]
    finally:
        env.close()
    env = GomokuEnv(size=9, estimator="engine", think_ms=30, engine_workers=1,
                    engine_command=[sys.executable, MOCK, "--fault=hang", "--fault-after=1", "--first-ms=0"],
                    engine_options={"reply_timeout": 0.3})
    try:
        scored = env.score_completions([OPEN, OPEN, MUST_BLOCK], ["<answer>E4</answer>", "<answer>E3</answer>",
                                                                  "<answer>A9</answer>"])
        assert scored[0].estimate is not None and "gave no move" in scored[1].oracle_error
        assert scored[2].estimate is not None and scored[2].estimate.exact  # proven: no engine needed
    finally:
        env.close()


def test_engine_env_budget_is_think_ms():
    env = GomokuEnv(size=9, estimator="engine", engine_command=[sys.executable, FAKE], think_ms=30,
                    engine_options={"reply_timeout": 2.0}, engine_workers=1)
    try:
        assert (env.budget_name, env.budget) == ("think_ms", 30)
        assert GomokuEnv.budget_name_for({"estimator": "engine"}) == "think_ms"
        est = env.estimate([(MUST_BLOCK, "E4")], budget=60)[0]
        assert isinstance(est, Estimate) and est.budget == 60
        with pytest.raises(ValueError, match="think_ms=600001 is above"):
            env.estimate([(MUST_BLOCK, "E4")], budget=600_001)
    finally:
        env.close()
    assert isinstance(OracleFailure("x"), OracleFailure)
