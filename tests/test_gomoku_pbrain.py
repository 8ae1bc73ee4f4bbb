"""``rewarddial pbrain`` (envs.gomoku.pbrain): the protocol in-process, and the engine client against it as a
real subprocess."""
import io
import math
import os
import sys

import pytest

from envs.core import Estimate
from envs.gomoku import rules
from envs.gomoku.engine import EngineOracle, GomocupEngine
from envs.gomoku.env import GomokuEnv
from envs.gomoku.pbrain import ABOUT, main
from envs.gomoku.state import decode_state

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# the engine runs in its own directory: put the package on its path whatever the caller's setup
PBRAIN = [sys.executable, "-c", f"import sys; sys.path.insert(0, {ROOT!r}); from envs.gomoku.pbrain import main; "
                                "sys.exit(main())"]


def talk(*lines, argv=()):
    out = io.StringIO()
    assert main(list(argv), io.StringIO("\n".join(lines) + "\n"), out) == 0
    return out.getvalue().splitlines()


def test_protocol_transcript():
    out = talk("ABOUT", "BEGIN", "START 9", "INFO max_node 300", "INFO rule 1", "BEGIN", "TURN 4,4", "TURN 4,5",
               "TAKEBACK 4,5", "TURN 4,5", "FOO", "TURN 99,1", "BOARD", "1,1,1", "zz", "START 4", "INFO rule 4",
               "END", "ABOUT")
    assert out[0] == ABOUT and out[1].startswith("ERROR no board yet") and out[2] == "OK"
    assert out[3] == "MESSAGE Playouts 0 | Winrate 0.500 | Eval 0 | Time 0ms" and out[4] == "4,4"  # the centre
    assert out[5] == "ERROR 4,4 is already occupied"
    assert out[6].startswith("MESSAGE Playouts 300 |") and "| Eval " in out[6]
    reply = out[7]
    assert reply.count(",") == 1 and reply != "4,5"
    assert out[8] == "OK"  # TAKEBACK
    assert out[9].startswith("MESSAGE Playouts 300") and out[10].count(",") == 1  # 4,5 was free again
    rest = out[-5:]
    assert rest[0] == "UNKNOWN command 'FOO'" and rest[1] == "ERROR 99,1 is off the 9x9 board"
    assert rest[2] == "ERROR BOARD wants x,y,who lines, got 'zz'"
    assert rest[3].startswith("ERROR size 4 is not supported") and rest[4].startswith("ERROR renju")


def test_wins_and_blocks_with_mate_scores():
    board = ["BOARD", "0,0,1", "0,8,2", "1,0,1", "1,8,2", "2,0,1", "2,8,2", "3,0,1", "DONE"]  # own four on row 0
    out = talk("START 9", *board)
    assert out[-2].endswith("| Eval +M1 | Time 0ms") or "Eval +M1" in out[-2]
    assert out[-1] == "4,0"
    block = ["BOARD", "0,0,2", "8,8,1", "1,0,2", "8,6,1", "2,0,2", "6,8,1", "3,0,2", "DONE"]  # their four on row 0
    assert talk("START 9", "INFO max_node 200", *block)[-1] == "4,0"
    double = ["BOARD", "1,4,2", "8,8,1", "2,4,2", "8,6,1", "3,4,2", "6,8,1", "4,4,2", "DONE"]  # open four: mated
    out = talk("START 9", *double)
    assert "Eval -M2" in out[-2] and out[-1] in ("0,4", "5,4")


def test_plays_a_victory_by_continuous_fours():
    from envs.gomoku import solver

    state = decode_state("gomoku:15:free:K8,M6,K6,K7,J7,L5,I6,K5,O5,H5,I10,J5,I5,K3,M10,L9,M5,K4,I8,L3,O8,I7,J3,K2,"
                         "K1,N8,J1,N1,M2,H9,H8,J8,L8,L6,M7,L4,L7,I1,L1,F3,L2")
    lines = ["START 15", "BOARD"]
    for i, m in enumerate(state.moves):
        r, c = divmod(m, 15)
        lines.append(f"{c},{r},{1 if (len(state.moves) - i) % 2 == 0 else 2}")
    out = talk(*lines, "DONE")
    x, y = (int(v) for v in out[-1].split(","))
    assert "Eval +M" in out[-2] and "Playouts 0" in out[-2]
    after = state.play(y * 15 + x)  # the opponent must answer a four, and the win stands
    assert solver.proven_values(state.board[None], [state.to_move], [y * 15 + x])[0] == 1.0
    assert len(rules.winning_moves(after.board, state.to_move)) >= 1  # a four: the opponent's reply is forced


def test_time_budget_doubles_the_search_within_the_time():
    out = talk("START 9", "INFO timeout_turn 300", "TURN 4,4")
    playouts = int(out[1].split("Playouts ")[1].split(" ")[0])
    took = int(out[1].split("Time ")[1].rstrip("ms"))
    assert playouts >= 2048 and took < 300
    assert math.log2(playouts / 2048 + 1) == int(math.log2(playouts / 2048 + 1))  # 2048 + 4096 + ...


@pytest.mark.slow
def test_client_against_pbrain_subprocess():
    """The engine oracle talks to pbrain as to any engine: values follow its win-rates, mates are read, and
    an env with estimator='engine' scores through it."""
    eng = GomocupEngine(PBRAIN, think_ms=150, reply_timeout=3.0, startup_timeout=20.0)
    try:
        state = decode_state("gomoku:9:free:E5,D4,F6")
        est = eng.evaluate(9, list(state.moves), 4 * 9 + 3)  # D5
        assert isinstance(est, Estimate) and 0.0 < est.value < 1.0 and est.budget == 150
        w = 1 - est.value
        assert float(est.info["engine_eval"]) == pytest.approx(200 * math.log(w / (1 - w)), abs=1.0)
        # white to move: E5 gives white an open four B5..E5; pbrain (black) is mated, the mover wins
        won = eng.evaluate(9, list(decode_state("gomoku:9:free:A1,B5,A3,C5,H9,D5,H7").moves), 4 * 9 + 4)
        assert won.value == 1.0 and won.info["mate_for"] == "mover"
        assert eng.restarts == 0
    finally:
        eng.close()
    env = GomokuEnv(size=9, estimator="engine", engine_command=PBRAIN, think_ms=100, engine_workers=2,
                    engine_options={"startup_timeout": 20.0, "reply_timeout": 3.0})
    try:
        states = env.sample_states(4, seed=0)
        completions = [f"<answer>{env.legal_actions(decode_state(s))[0]}</answer>" for s in states]
        scored = env.score_completions(states, completions)
        assert all(s.oracle_error is None and 0.0 <= s.estimate.value <= 1.0 for s in scored)
    finally:
        env.close()
    orc = EngineOracle(PBRAIN, workers=1, options={"startup_timeout": 20.0, "extra_info": {"max_node": 4096}})
    try:
        a, b = (orc.estimate([decode_state("gomoku:9:free:E5,D4,F6")], [30], 50)[0] for _ in range(2))
        assert all(isinstance(e, Estimate) and 0.0 < e.value < 1.0 for e in (a, b))
        assert orc.options["extra_info"] == {"thread_num": 1, "max_node": 4096}
    finally:
        orc.close()
