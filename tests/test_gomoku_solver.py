"""The threat-space solver (envs.gomoku.solver): VCF against a pure-Python reference of the same definition,
soundness against brute-force minimax on small and nearly full boards, and VCF positions on 15x15."""
import numpy as np
import pytest

from envs.gomoku import positions, rules, solver
from envs.gomoku.oracle import proven_values as one_ply
from envs.gomoku.state import GomokuState, decode_state
from envs.gomoku.tactics import _five_points_after, five_points, makes_five_py
from test_gomoku_oracle import exact_game_value


# ------------------------------------------------------------------------------ pure-Python reference
def ref_vcf(cells, size, a, exact5, depth):
    """Victory by continuous fours for ``a`` to move (the definition in envs.gomoku.solver), by trying every
    empty point as the attacker's move: True / False within ``depth`` fours."""
    if five_points(cells, size, a, exact5):
        return True
    if depth == 0:
        return False
    d = 3 - a
    theirs = five_points(cells, size, d, exact5)
    if len(theirs) >= 2:
        return False
    for m in range(size * size):
        if cells[m] != 0 or (theirs and m not in theirs):
            continue
        # a has no five point here, so any after the move lies on a line through it
        mine = _five_points_after(cells, size, frozenset(), m, a, a, exact5)
        cells[m] = a
        win = len(mine) >= 2
        if len(mine) == 1:
            (q,) = mine
            cells[q] = d
            win = ref_vcf(cells, size, a, exact5, depth - 1)
            cells[q] = 0
        cells[m] = 0
        if win:
            return True
    return False


def random_position(size, n_stones, rng, exact5):
    """A random legal history with no winning line and no five point for either side."""
    while True:
        cells = [0] * (size * size)
        order = rng.permutation(size * size)[:n_stones]
        ok = True
        for i, m in enumerate(order):
            p = 1 if i % 2 == 0 else 2
            if makes_five_py(cells, size, int(m), p, exact5):
                ok = False
                break
            cells[int(m)] = p
        if ok:
            return cells, (1 if n_stones % 2 == 0 else 2)


@pytest.mark.parametrize("exact5", [False, True])
def test_vcf_agrees_with_the_reference_on_small_boards(exact5):
    rng = np.random.default_rng(7 + exact5)
    agree = {True: 0, False: 0}
    for trial in range(100):
        size = int(rng.integers(6, 9))
        cells, a = random_position(size, int(rng.integers(10, 2 * size + 8)), rng, exact5)
        board = np.array(cells, np.int8).reshape(size, size)
        ref = ref_vcf(cells, size, a, exact5, 4)
        move = solver.vcf(board, a, exact5, depth=4, max_nodes=10**7)
        assert (move is not None) == ref, (trial, cells, a)
        agree[ref] += 1
        if move is not None and not five_points(cells, size, a, exact5):
            # the first move is a four that keeps the win (the reference confirms from the position after it)
            after = list(cells)
            after[move] = a
            mine = five_points(after, size, a, exact5)
            assert mine and (len(mine) >= 2 or ref_vcf(
                [3 - a if i == next(iter(mine)) else v for i, v in enumerate(after)], size, a, exact5, 3))
    assert agree[True] >= 10 and agree[False] >= 10


def minimax_position_value(cells, size, player, exact5):
    """The game value for ``player`` to move (1 win, 0.5 draw, 0 loss), by brute force."""
    board = np.array(cells, np.int8).reshape(size, size)
    return max(exact_game_value(board, player, m, exact5) for m in range(size * size) if cells[m] == 0)


@pytest.mark.slow
@pytest.mark.parametrize("exact5", [False, True])
def test_proofs_agree_with_minimax_on_nearly_full_boards(exact5):
    """Every VCF found and every move value proven (1 or 0) matches brute-force minimax."""
    rng = np.random.default_rng(11 + exact5)
    claims = {"vcf": 0, 1.0: 0, 0.0: 0}
    for trial in range(60):
        size = int(rng.integers(5, 7))
        empties = int(rng.integers(5, 10))
        cells, a = random_position(size, size * size - empties, rng, exact5)
        board = np.array(cells, np.int8).reshape(size, size)
        if solver.vcf(board, a, exact5) is not None:
            assert minimax_position_value(cells, size, a, exact5) == 1.0, (trial, cells)
            claims["vcf"] += 1
        moves = [m for m in range(size * size) if cells[m] == 0]
        proven = solver.proven_values(np.repeat(board[None], len(moves), 0), [a] * len(moves), moves, exact5)
        for m, v in zip(moves, proven):
            if not np.isnan(v) and v in (0.0, 1.0):
                assert exact_game_value(board, a, m, exact5) == v, (trial, cells, m, v)
                claims[v] += 1
    assert claims["vcf"] >= 5 and claims[1.0] >= 5 and claims[0.0] >= 20


# ------------------------------------------------------------------------------ 15x15 VCF positions
# Positions of noisy heuristic self-play in which the side to move wins by continuous fours of several steps
# (no five point for either side), written as move lists: (state, fours needed at least)
VCF_15 = [
    ("gomoku:15:free:E11,G13,G14,F13,E13,E12,D11,F11,F12,G10,D13,I8,C13,I12,H9,B13,D12,D10,G7,F10,J14,J9,E10,D14,"
     "G6,C10,B14,A15,G8,F9,G5,G9,I4,G4,H11,F7,J11,H10,F8,I10,J10", 7),
    ("gomoku:15:free:K8,M6,K6,K7,J7,L5,I6,K5,O5,H5,I10,J5,I5,K3,M10,L9,M5,K4,I8,L3,O8,I7,J3,K2,K1,N8,J1,N1,M2,H9,"
     "H8,J8,L8,L6,M7,L4,L7,I1,L1,F3,L2", 5),
    ("gomoku:15:exact5:J8,K8,K7,I9,L6,L9,M5,N4,I5,M9,K9,J7,I6,M10,G8,M11,N11,I10,N6,O2,M8,H7,O13,M13,O14,L3,M12,"
     "I7,I8,G7,F7,H8,J10,F6,E5,L8,O10,O11,L1,L13,J6,O6", 6),
    ("gomoku:15:exact5:H8,I7,I8,J8,G9,H6,G5,K9,L10,J11,E7,J10,J9,G7,F8,H10,E8,G8,C5,D6,H7,K10,C9,F9,D8,F6", 5),
]


def play_out_vcf(state):
    """Follow the solver's VCF to the end, checking each step with the pure-Python rules: every attacker move
    leaves a five point, the defender has no five of its own to make first, and the line ends in a five.
    Returns the number of the attacker's moves."""
    size, exact5, a = state.size, state.exact5, state.to_move
    cells = [int(v) for v in state.board.ravel()]
    for step in range(40):
        mine = five_points(cells, size, a, exact5)
        if mine:
            return step + 1
        theirs = five_points(cells, size, 3 - a, exact5)
        move = solver.vcf(np.array(cells, np.int8).reshape(size, size), a, exact5)
        assert move is not None and cells[move] == 0 and (not theirs or move in theirs)
        cells[move] = a
        mine = five_points(cells, size, a, exact5)
        assert mine, "the attacker's move is not a four"
        if len(mine) >= 2:
            return step + 2
        assert not five_points(cells, size, 3 - a, exact5)
        cells[next(iter(mine))] = 3 - a  # the forced block
    raise AssertionError("the line did not end")


@pytest.mark.parametrize("text, fours", VCF_15)
def test_vcf_positions_on_15x15(text, fours):
    state = decode_state(text)
    board, a, exact5 = state.board, state.to_move, state.exact5
    assert not len(rules.winning_moves(board, a, exact5)) and not len(rules.winning_moves(board, 3 - a, exact5))
    assert solver.vcf(board, a, exact5, depth=fours - 1, max_nodes=10**6) is None  # no shorter line
    assert solver.vcf(board, a, exact5, depth=fours) is not None
    assert play_out_vcf(state) >= 2
    first = solver.vcf(board, a, exact5)
    v = solver.proven_values(board[None], [a], [first], exact5)[0]
    assert v == 1.0  # the move that starts the VCF is proven to win
    # the move before lets this VCF stand: proven worth 0 for the player who made it
    before = GomokuState(state.size, state.moves[:-1], exact5)
    last = state.moves[-1]
    assert np.isnan(one_ply(before.board[None], [before.to_move], [last], exact5)[0])
    assert solver.proven_values(before.board[None], [before.to_move], [last], exact5)[0] == 0.0


def test_bad_arguments():
    board = np.zeros((9, 9), np.int8)
    with pytest.raises(ValueError, match="depth must be"):
        solver.vcf(board, 1, depth=-1)
    with pytest.raises(ValueError, match="max_nodes must be"):
        solver.vcf(board, 1, max_nodes=0)
    with pytest.raises(ValueError, match="player must be 1"):
        solver.vcf(board, 3)
    board[0, :5] = 1
    with pytest.raises(ValueError, match="winning line"):
        solver.vcf(board, 2)


# ------------------------------------------------------------------------------ depth-limited VCT
# Positions (found by a seeded search over random boards whose empty points cluster in one rectangle) where the
# VCT proof of depth 3 values a move that the VCF proof leaves unproven: (exact5, size, to_move, move, value,
# cells row by row). Each value is checked against brute-force minimax below.
VCT_ONLY = [
    (False, 7, 2, 15, 1.0, "2121211121211220002111000221200022110002122112121"),
    (False, 7, 1, 39, 1.0, "2221212221120121221112110002111000212200022021111"),
    (False, 7, 2, 36, 0.0, "2211222211222112211111112112100002210000112000022"),
    (False, 7, 2, 9, 0.0, "1222212110002121000222100012112212222121111121011"),
    (True, 6, 2, 9, 0.0, "212121120001220002210001211211212112"),
    (True, 7, 2, 4, 0.0, "1200022110002221000122100011112111122112212212221"),
    (True, 6, 2, 6, 0.0, "222111000011000010000022112122221211"),
    (True, 7, 1, 37, 0.0, "1102211222222222000211100022220001211000111112111"),
    (True, 7, 2, 23, 1.0, "1212121212111110001211000222200021120002222111212"),
    (True, 7, 1, 17, 0.0, "1222122110000211000011100001122222211112212122012"),
]


@pytest.mark.slow
@pytest.mark.parametrize("exact5, size, a, move, value, cells", VCT_ONLY)
def test_vct_proves_beyond_vcf_and_agrees_with_minimax(exact5, size, a, move, value, cells):
    board = np.array([int(ch) for ch in cells], np.int8).reshape(size, size)
    assert np.isnan(solver.proven_values(board[None], [a], [move], exact5)[0])  # the VCF proof cannot
    assert solver.proven_values(board[None], [a], [move], exact5, vct_depth=3, vct_nodes=10**6)[0] == value
    assert exact_game_value(board, a, move, exact5) == value


@pytest.mark.slow
@pytest.mark.parametrize("exact5", [False, True])
def test_vct_claims_agree_with_minimax_on_nearly_full_boards(exact5):
    """Soundness: every VCT found at the root and every move value the VCT proof gives (depth 3, a large node
    budget) is the brute-force minimax value."""
    rng = np.random.default_rng(31 + exact5)
    claims = {"root": 0, 1.0: 0, 0.0: 0}
    for trial in range(40):
        size = int(rng.integers(6, 8))
        cells, a = random_position(size, size * size - int(rng.integers(7, 11)), rng, exact5)
        board = np.array(cells, np.int8).reshape(size, size)
        m = solver.vct(board, a, exact5, depth=3, max_nodes=10**6)
        if m is not None:
            assert exact_game_value(board, a, m, exact5) == 1.0, (trial, cells, m)
            claims["root"] += 1
        moves = [i for i in range(size * size) if cells[i] == 0]
        proven = solver.proven_values(np.repeat(board[None], len(moves), 0), [a] * len(moves), moves, exact5,
                                      vct_depth=3, vct_nodes=10**6)
        for mv, v in zip(moves, proven):
            if not np.isnan(v) and v in (0.0, 1.0):
                assert exact_game_value(board, a, mv, exact5) == v, (trial, cells, mv, v)
                claims[v] += 1
    assert claims["root"] >= 5 and claims[1.0] >= 5 and claims[0.0] >= 20


def _double_three(white_three):
    """15x15, black to move. Black: H8 I8 (row 7, columns 6-7) and J6 J7 (column 8, rows 5-6); white: the four
    corners, or (``white_three``) three corners and an open three C13 D13 E13 (row 12, columns 3-5)."""
    black = [(7, 6), (7, 7), (5, 8), (6, 8)]
    white = [(12, 3), (12, 4), (12, 5), (0, 0)] if white_three else [(0, 0), (0, 14), (14, 0), (14, 14)]
    moves = [r * 15 + c for pair in zip(black, white) for r, c in pair]
    return GomokuState(15, moves, False)


@pytest.mark.parametrize("exact5", [False, True])
def test_vct_finds_a_double_three_that_vcf_cannot(exact5):
    """Black at (7, 8) makes two open threes: row 7 (7,6)-(7,8) and column 8 (5,8)-(7,8). Their blocking points
    -- (7,4) (7,5) (7,9) (7,10) and (3,8) (4,8) (8,8) (9,8), the far ends included -- are disjoint, and white
    has no stones that can make a four, so after any white reply one three stays open and becomes an open
    four (two five points): a forced win under both rules, though black has no four to start a VCF with."""
    st = _double_three(False)
    board, a = st.board, st.to_move
    assert a == 1 and solver.vcf(board, a, exact5) is None
    assert solver.vct(board, a, exact5, depth=0) is None  # depth 0: the VCF only
    m = solver.vct(board, a, exact5, depth=1)
    assert m is not None and board.ravel()[m] == 0
    assert solver.proven_values(board[None], [a], [7 * 15 + 8], exact5, vct_depth=1)[0] == 1.0
    # the found move wins too: after every white reply black has a VCF (checked by the VCF search itself)
    after = board.copy().ravel()
    after[m] = a
    for q in np.flatnonzero(after == 0):
        after[q] = 2
        assert solver.vct(after.reshape(15, 15), a, exact5, depth=0) is not None, q
        after[q] = 0


@pytest.mark.parametrize("exact5", [False, True])
def test_vct_answers_the_counter_four(exact5):
    """The same double three, but white has an open three of its own: after (7, 8) white makes an open four
    (a counter-four with two five points) and wins, so the move is worth 0, not 1, and no VCT of one threat
    is claimed for black (black has no four to stop white's three with tempo)."""
    st = _double_three(True)
    board, a = st.board, st.to_move
    assert solver.proven_values(board[None], [a], [7 * 15 + 8], exact5, vct_depth=1)[0] == 0.0
    assert solver.vct(board, a, exact5, depth=1) is None


def test_vct_bad_arguments():
    board = np.zeros((9, 9), np.int8)
    with pytest.raises(ValueError, match="vct_depth must be"):
        solver.vct(board, 1, depth=-1)
    with pytest.raises(ValueError, match="max_nodes must be"):
        solver.vct(board, 1, max_nodes=0)
    with pytest.raises(ValueError, match="vct_depth must be"):
        solver.proven_values(board[None], [1], [0], vct_depth=99)
    from envs.gomoku.env import GomokuEnv
    with pytest.raises(ValueError, match="truth_vct"):
        GomokuEnv(truth_vct="yes")
