"""The Gomocup engine oracle, against a small protocol engine shipped with the tests."""
import os
import sys

import pytest

from envs.gomoku.engine import EngineError, GomocupEngine

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


def test_dropped_query_is_sent_again():
    eng = engine("--drop-first", reply_timeout=0.5)
    try:
        assert eng.evaluate(SIZE, HISTORY, idx(SIZE, 0, 4)).value == pytest.approx(0.5)
    finally:
        eng.close()


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
