"""Tactical Gomoku positions: the correct sets are checked against a brute-force reference, and a UCT oracle
of 256 rollouts values a correct move highest in every win-in-one and must-block position."""
import numpy as np
import pytest

from envs.gomoku import rules, tactics
from envs.gomoku.env import GomokuEnv
from envs.gomoku.state import GomokuState, decode_state
from envs.gomoku.text import point_index, point_name


def wins_after(board, stones, player, exact5):
    """Reference: does ``player`` have a winning line once ``stones`` [(move, player), ...] are added."""
    b = board.copy()
    for m, p in stones:
        b.flat[m] = p
    return rules.winner_of(b, exact5) == player


def ref_correct(board, mover, kind, exact5):
    """Brute force over one and two plies with full-board scans (no shared code with tactics.py)."""
    opp = 3 - mover
    empty = [int(m) for m in np.flatnonzero(board.ravel() == 0)]
    mine = {m for m in empty if wins_after(board, [(m, mover)], mover, exact5)}
    if kind == "win1":
        return mine
    if mine:
        return set()
    theirs = {m for m in empty if wins_after(board, [(m, opp)], opp, exact5)}
    if kind == "block4":
        if not theirs:
            return set()
        return {m for m in empty
                if not any(wins_after(board, [(m, mover), (q, opp)], opp, exact5) for q in empty if q != m)}
    if theirs:
        return set()
    return {m for m in empty
            if sum(wins_after(board, [(m, mover), (q, mover)], mover, exact5) for q in empty if q != m) >= 2}


CASES = [(kind, 9, seed, False) for kind in tactics.TACTIC_KINDS for seed in range(8)] + \
        [(kind, 9, seed, True) for kind in tactics.TACTIC_KINDS for seed in range(3)] + \
        [(kind, 15, seed, False) for kind in tactics.TACTIC_KINDS for seed in range(2)] + \
        [("win1", 5, 0, False), ("block4", 5, 1, False), ("open3", 6, 2, False)]


@pytest.mark.parametrize("kind, size, seed, exact5", CASES)
def test_generated_positions_are_what_they_claim(kind, size, seed, exact5):
    pos = tactics.generate(kind, size, seed, exact5=exact5)
    assert pos.kind == kind and pos.correct
    board, to_move = rules.board_from_moves(size, list(pos.moves), exact5)
    assert rules.winner_of(board, exact5) == 0
    assert set(pos.correct) == ref_correct(board, to_move, kind, exact5)
    assert tactics.correct_moves(board, to_move, kind, exact5) == pos.correct
    if kind == "block4":
        assert len(pos.correct) == 1
    assert tactics.generate(kind, size, seed, exact5=exact5) == pos  # deterministic


def test_seeds_and_kinds_give_different_positions():
    found = {tactics.generate(kind, 9, seed).moves for kind in tactics.TACTIC_KINDS for seed in range(5)}
    assert len(found) == 15


def test_pure_python_five_check_agrees_with_the_kernel():
    rng = np.random.default_rng(0)
    for _ in range(300):
        size = int(rng.integers(5, 12))
        board = rng.choice(np.array([0, 1, 1, 2], np.int8), size=(size, size))
        cells = [int(v) for v in board.ravel()]
        for exact5 in (False, True):
            for player in (1, 2):
                got = tactics.five_points(cells, size, player, exact5)
                assert got == set(int(m) for m in rules.winning_moves(board, player, exact5))


def test_bad_arguments():
    with pytest.raises(ValueError, match="kind='mate'"):
        tactics.generate("mate", 9, 0)
    with pytest.raises(ValueError, match="seed=-1"):
        tactics.generate("win1", 9, -1)
    with pytest.raises(ValueError, match="at least 6x6"):
        tactics.generate("open3", 5, 0)


def test_hand_made_positions():
    def state(text_moves):
        return GomokuState(9, tuple(point_index(p, 9) for p in text_moves.split(",")))

    # black E5 E6 E7 E8 (white scattered on row 1): black to move wins at E4 or E9
    s = state("E5,A1,E6,B1,E7,C1,E8,H1")
    assert tactics.correct_moves(s.board, s.to_move, "win1") == {point_index("E4", 9), point_index("E9", 9)}
    # white to move must block black's four, whose other end E9 is already white
    s = state("E5,E9,E6,A1,E7,B1,E8")
    assert tactics.correct_moves(s.board, s.to_move, "block4") == {point_index("E4", 9)}
    # black C5 D5 E5 with B5, F5, A5, G5 empty: F5 or B5 make an open four
    s = state("C5,A1,D5,B1,E5,H1")
    assert tactics.correct_moves(s.board, s.to_move, "open3") == {point_index("B5", 9), point_index("F5", 9)}
    # ...but not when white has a four to complete first
    s = state("C5,A1,D5,A2,E5,A3,I9,A4")
    assert tactics.correct_moves(s.board, s.to_move, "open3") == set()


@pytest.mark.parametrize("size, exact5, seeds", [(9, False, 8), (9, True, 4), (15, False, 8)])
def test_uct_values_a_correct_move_highest(size, exact5, seeds):
    """rollouts=256: a winning move is valued highest in every win-in-one position, the blocking move in
    every must-block position (on 15x15 too, where a search of 256 playouts cannot visit every reply)."""
    env = GomokuEnv(size=size, exact_five=exact5, estimator="uct", rollouts=256)
    for kind in ("win1", "block4"):
        for seed in range(seeds):
            state = env._state_for_task(f"{kind}/{seed}")
            moves = env.legal_actions(state)
            ests = env.estimate([(state, m) for m in moves], seed=seed)
            values = np.array([e.value for e in ests])
            correct = np.array([point_index(m, size) in state.correct for m in moves])
            assert values[correct].max() == values.max(), (kind, seed, env.encode_state(state))
            if kind == "win1":  # the winning moves are worth 1; so is a move that keeps two five points (a win
                # one move later, proven by one ply), and nothing else is
                assert (values[correct] == 1.0).all()
                from envs.gomoku.oracle import proven_value

                for m, v in zip(moves, values):
                    if v == 1.0 and point_index(m, size) not in state.correct:
                        assert proven_value(state.board, state.to_move, point_index(m, size), exact5) == 1.0
            else:  # every other move lets the four be completed: exactly 0, and marked exact
                others = [e for m, e in zip(moves, ests) if point_index(m, size) not in state.correct]
                assert all(e.value == 0.0 and e.exact and e.stderr == 0.0 for e in others)


@pytest.mark.parametrize("exact5", [False, True])
def test_vcf_positions_are_won_by_continuous_fours(exact5):
    """generate_vcf: no five point on the board, the mover wins by continuous fours (the pure-Python VCF of
    test_gomoku_solver agrees), and every correct move that is a four keeps a VCF after the forced reply."""
    from envs.gomoku.state import encode_state
    from test_gomoku_solver import ref_vcf

    for seed in range(3):
        pos = tactics.generate_vcf(9, seed, exact5)
        st = GomokuState(9, pos.moves, exact5, "vcf", pos.correct)
        assert decode_state(encode_state(st)) == st and pos.kind == "vcf"
        cells = [int(v) for v in st.board.ravel()]
        a = st.to_move
        assert not tactics.five_points(cells, 9, a, exact5) and not tactics.five_points(cells, 9, 3 - a, exact5)
        assert ref_vcf(list(cells), 9, a, exact5, 8)
        for m in pos.correct:
            cells[m] = a
            mine = tactics.five_points(cells, 9, a, exact5)
            if len(mine) == 1:
                (q,) = mine
                cells[q] = 3 - a
                assert ref_vcf(cells, 9, a, exact5, 8), (seed, m)
                cells[q] = 0
            cells[m] = 0
    assert tactics.generate_vcf(9, 1, exact5) == tactics.generate_vcf(9, 1, exact5)


def test_vcf_task_in_the_env():
    env = GomokuEnv(size=9, task="vcf", rollouts=16, truth_rollouts=16)
    _, info = env.reset(seed=0)
    st = decode_state(info["state"])
    assert st.kind == "vcf" and st.correct
    move = point_name(min(st.correct), 9)
    _, _, _, _, step = env.step(f"<answer>{move}</answer>")
    assert step["correct"] is True
    truth = env.truth([(info["state"], move)])[0]
    assert (truth.value, truth.exact) == (1.0, True)
    assert decode_state(env.reset(options={"task_id": "vcf/1"})[1]["state"]).kind == "vcf"
