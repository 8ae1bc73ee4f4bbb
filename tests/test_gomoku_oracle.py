"""Gomoku reward oracles: flat Monte Carlo against exact enumeration, common random numbers, UCT tactics."""
import functools
import os
import subprocess
import sys

import numpy as np
import pytest

from envs.gomoku import oracle as O
from envs.gomoku import rules as R
from test_gomoku_rules import ref_makes_five, ref_winner

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# ---------------------------------------------------------------- exact values (pure Python)
def exact_value(board, to_move, move, exact5=False, perfect=False):
    """The mover's result after ``move`` (1 win, 0.5 draw, 0 loss) when both sides then play uniformly at
    random (its expectation), or with ``perfect=True`` perfectly (minimax).

    Plain recursion over every order of the remaining moves (memoised on the position), stopping at a win.
    """
    s = board.shape[0]

    @functools.lru_cache(maxsize=None)
    def to_move_value(cells, player):
        """Result for ``player``, to move on ``cells``."""
        rows = [list(cells[r * s:(r + 1) * s]) for r in range(s)]
        empty = [m for m in range(s * s) if cells[m] == 0]
        values = []
        for m in empty:
            if ref_makes_five(rows, m, player, exact5):
                values.append(1.0)
                continue
            nxt = list(cells)
            nxt[m] = player
            values.append(0.5 if len(empty) == 1 else 1.0 - to_move_value(tuple(nxt), 3 - player))
        return max(values) if perfect else sum(values) / len(values)

    cells = [int(v) for v in board.ravel()]
    if ref_makes_five(board.tolist(), move, to_move, exact5):
        return 1.0
    cells[move] = to_move
    if 0 not in cells:
        return 0.5
    return 1.0 - to_move_value(tuple(cells), 3 - to_move)


def exact_random_value(board, to_move, move, exact5=False):
    return exact_value(board, to_move, move, exact5)


def exact_game_value(board, to_move, move, exact5=False):
    return exact_value(board, to_move, move, exact5, perfect=True)


def nearly_full_positions(n, seed):
    """``n`` random legal-looking positions on 5x5 / 6x6 boards with 3-7 empty points and no winner."""
    rng = np.random.default_rng(seed)
    out = []
    while len(out) < n:
        s = int(rng.choice([5, 6]))
        k = int(rng.integers(3, 8))
        order = rng.permutation(s * s)
        board = np.zeros(s * s, np.int8)
        board[order[: s * s - k : 2]] = 1
        board[order[1 : s * s - k : 2]] = 2
        board = board.reshape(s, s)
        exact5 = bool(rng.integers(2))
        if ref_winner(board.tolist(), exact5):
            continue
        to_move = 1 if (board == 1).sum() == (board == 2).sum() else 2
        move = int(rng.choice(np.flatnonzero(board.ravel() == 0)))
        out.append((board, to_move, move, exact5))
    return out


POSITIONS = nearly_full_positions(40, seed=2024)


def test_flat_mc_is_unbiased_for_the_exact_random_play_value():
    rollouts = 4000
    exact = np.array([exact_random_value(*p) for p in POSITIONS])
    assert len(set(np.round(exact, 6))) > 10  # a real spread of values, not all forced
    z = []
    for i, (board, to_move, move, exact5) in enumerate(POSITIONS):
        v, se = O.flat_mc(board[None], [to_move], [move], rollouts, [1000 + i], exact5=exact5)
        if se[0] == 0.0:  # every playout gave the same result: the outcome is forced
            assert v[0] == exact[i]
            continue
        # 3 standard errors per position would fail by chance on about 7% of seed sets over ~25 random
        # positions; 4 keeps the family-wise false alarm near 0.2%, and the mean-square check below
        # catches a bias or a mis-scaled stderr that a per-position bound is too loose to see
        assert abs(v[0] - exact[i]) <= 4 * se[0] + 1e-12, (i, v[0], exact[i], se[0])
        z.append((v[0] - exact[i]) / se[0])
    z = np.array(z)
    assert len(z) > 20
    # pooled over the positions, the estimate is within 3 standard errors of the exact values
    assert abs(z.sum()) / np.sqrt(len(z)) <= 3.0
    # standard errors are calibrated: the mean square of the z-scores is near 1 (for ~24 of them the
    # chi-square 0.1% and 99.9% quantiles over 24 are about 0.34 and 2.13)
    assert 0.3 < np.mean(z**2) < 2.15


def test_batched_flat_mc_equals_one_at_a_time_and_is_deterministic():
    boards = np.stack([p[0] for p in POSITIONS if p[0].shape[0] == 6])
    idx = [i for i, p in enumerate(POSITIONS) if p[0].shape[0] == 6]
    tm = [POSITIONS[i][1] for i in idx]
    mv = [POSITIONS[i][2] for i in idx]
    seeds = np.arange(len(idx)) + 5
    v, se = O.flat_mc(boards, tm, mv, 300, seeds)
    one = [O.flat_mc(boards[j : j + 1], [tm[j]], [mv[j]], 300, [seeds[j]]) for j in range(len(idx))]
    assert np.array_equal(v, [o[0][0] for o in one]) and np.array_equal(se, [o[1][0] for o in one])
    assert np.array_equal(v, O.flat_mc(boards, tm, mv, 300, seeds)[0])


def test_common_random_numbers_prefix():
    board, to_move = R.board_from_moves(9, [40, 41, 31, 49, 22])
    n = 500
    small = O.flat_mc_samples(board, to_move, 13, n, seed=11)
    big = O.flat_mc_samples(board, to_move, 13, 2 * n, seed=11)
    assert np.array_equal(small, big[:n])
    assert set(np.unique(big).tolist()) <= {0.0, 0.5, 1.0}
    v1 = O.flat_mc(board[None], [to_move], [13], n, [11])[0][0]
    v2 = O.flat_mc(board[None], [to_move], [13], 2 * n, [11])[0][0]
    assert v1 == pytest.approx(small.mean(), abs=1e-12)
    assert v1 * n + big[n:].sum() == pytest.approx(v2 * 2 * n, abs=1e-9)
    assert not np.array_equal(big, O.flat_mc_samples(board, to_move, 13, 2 * n, seed=12))
    # same seed, same UCT search
    a = O.uct(board[None], [to_move], [13], 300, [3])
    b = O.uct(board[None], [to_move], [13], 300, [3])
    assert a[0][0] == b[0][0] and a[1][0] == b[1][0]


def test_uct_search_of_budget_n_is_the_start_of_budget_2n():
    board, to_move = R.board_from_moves(9, [40, 41, 31, 49, 22])
    m1, v1, _ = O.uct_root(board, to_move, 40, seed=4)
    m2, v2, _ = O.uct_root(board, to_move, 400, seed=4)
    visits2 = dict(zip(m2.tolist(), v2.tolist()))
    # the first 40 iterations are the same search: its tree is contained in the bigger one
    assert set(m1.tolist()) <= set(visits2) and len(m1) < len(m2)
    assert all(visits2[m] >= v for m, v in zip(m1.tolist(), v1.tolist()))
    ma, va, _ = O.uct_root(board, to_move, 120, seed=4)
    mb, vb, _ = O.uct_root(board, to_move, 240, seed=4)
    assert set(ma.tolist()) == set(mb.tolist())  # every root move expanded in both
    visits_b = dict(zip(mb.tolist(), vb.tolist()))
    assert all(visits_b[m] >= v for m, v in zip(ma.tolist(), va.tolist())) and va.max() > 1
    m3, v3, _ = O.uct_root(board, to_move, 40, seed=5)
    assert not (np.array_equal(m1, m3) and np.array_equal(v1, v3))


def test_flat_mc_variance_falls_as_one_over_rollouts():
    board, to_move = R.board_from_moves(9, [40, 41, 31, 49, 22])
    n_seeds = 200
    boards = np.repeat(board[None], n_seeds, 0)
    tm, mv = np.full(n_seeds, to_move), np.full(n_seeds, 13)
    sd_small = O.flat_mc(boards, tm, mv, 64, np.arange(n_seeds))[0].std()
    sd_big = O.flat_mc(boards, tm, mv, 1024, np.arange(n_seeds))[0].std()
    # 16x the rollouts: a quarter of the spread (sampling error of a 200-sample std is about 5%)
    assert 0.18 < sd_big / sd_small < 0.33


def test_immediate_win_and_board_filling_moves_are_exact():
    board, to_move = R.board_from_moves(9, [0, 9, 1, 10, 2, 11, 3, 12])
    v, se = O.flat_mc(board[None], [to_move], [4], 64, [0])
    assert v[0] == 1.0 and se[0] == 0.0
    v, se = O.uct(board[None], [to_move], [4], 64, [0])
    assert v[0] == 1.0 and se[0] == 0.0


def all_moves_values(fn, board, to_move, rollouts, seed=0):
    moves = np.flatnonzero(board.ravel() == 0)
    n = len(moves)
    v, _ = fn(np.repeat(board[None], n, 0), np.full(n, to_move), moves, rollouts, seed + np.arange(n))
    return moves, v


def win_in_one_position():
    # black: four in a row on row 4 (cols 2-5), open at col 1, blocked by white at col 6; white scattered
    return R.board_from_moves(9, [38, 42, 39, 10, 40, 70, 41, 20])


def must_block_position():
    # white has four on column 6 (rows 1-4) with row 0 blocked by black; black has no four; black to move
    moves = [6, 15, 40, 24, 30, 33, 56, 42]
    board, to_move = R.board_from_moves(9, moves)
    return board, to_move


def test_uct_prefers_the_winning_move():
    board, to_move = win_in_one_position()
    assert to_move == 1
    wins = R.winning_moves(board, 1).tolist()
    assert wins == [37]
    moves, v = all_moves_values(O.uct, board, to_move, 256)
    assert moves[np.argmax(v)] == 37 and v.max() == 1.0
    assert np.sort(v)[-2] < 1.0


def test_uct_prefers_the_blocking_move_and_values_every_other_move_exactly_zero():
    board, to_move = must_block_position()
    assert to_move == 1
    assert R.winning_moves(board, 1).size == 0
    assert R.winning_moves(board, 2).tolist() == [51]
    moves, v = all_moves_values(O.uct, board, to_move, 256)
    assert moves[np.argmax(v)] == 51 and 0.0 < v[moves == 51][0] < 1.0
    # a move that ignores the four lets white complete five: proven lost, 0 with stderr 0 at any budget
    others = moves[moves != 51]
    v, se = O.uct(np.repeat(board[None], len(others), 0), np.ones(len(others), int), others, 4, np.arange(len(others)))
    assert np.all(v == 0.0) and np.all(se == 0.0)
    # flat Monte Carlo values such a move by random play, which rarely finds white's winning point
    assert O.flat_mc(board[None], [1], [others[0]], 256, [0])[0][0] > 0.1


def test_uct_value_moves_to_the_game_theoretic_value_as_the_budget_grows():
    """Against minimax on nearly full boards, UCT's error falls with the budget; flat MC's does not."""
    exact = np.array([exact_game_value(*p) for p in POSITIONS])
    random_play = np.array([exact_random_value(*p) for p in POSITIONS])
    assert np.abs(random_play - exact).mean() > 0.1  # random play is far from perfect play here
    errors = []
    for budget in (16, 256, 4096):
        err = [abs(O.uct(b[None], [tm], [m], budget, [100 * rep + i], exact5=e5)[0][0] - exact[i])
               for rep in range(3) for i, (b, tm, m, e5) in enumerate(POSITIONS)]
        errors.append(np.mean(err))
    assert errors[0] > errors[1] > errors[2] and errors[2] < 0.01, errors
    flat = [O.flat_mc(b[None], [tm], [m], 4096, [i], exact5=e5)[0][0] for i, (b, tm, m, e5) in enumerate(POSITIONS)]
    assert np.abs(np.array(flat) - exact).mean() > 0.1


def test_uct_best_move_finds_win_and_block():
    board, to_move = win_in_one_position()
    assert O.uct_best_move(board, to_move, 3000, seed=1, tactics=False) == 37
    assert O.uct_best_move(board, to_move, 16, seed=1) == 37
    board, to_move = must_block_position()
    assert O.uct_best_move(board, to_move, 16, seed=1) == 51
    assert O.uct_best_move(board, to_move, 3000, seed=1, tactics=False) == 51
    moves, visits, values = O.uct_root(board, to_move, 500, seed=2)
    assert visits.sum() == 500 and len(moves) == len(set(moves.tolist())) == (board == 0).sum()
    assert np.all((values >= 0) & (values <= 1))


def test_oracle_input_errors():
    board, to_move = R.board_from_moves(9, [40])
    with pytest.raises(ValueError, match="rollouts"):
        O.flat_mc(board[None], [2], [0], 0, [0])
    with pytest.raises(ValueError, match=r"moves\[0\] 40 .* occupied"):
        O.flat_mc(board[None], [2], [40], 8, [0])
    with pytest.raises(ValueError, match=r"to_move\[1\]"):
        O.uct(np.repeat(board[None], 2, 0), [2, 3], [0, 1], 8, [0, 1])
    with pytest.raises(ValueError, match=r"seeds must have shape \(2,\)"):
        O.uct(np.repeat(board[None], 2, 0), [2, 2], [0, 1], 8, [0])
    with pytest.raises(ValueError, match=r"\(N, S, S\)"):
        O.flat_mc(board, [2], [0], 8, [0])
    won, _ = R.board_from_moves(9, [0, 9, 1, 10, 2, 11, 3, 12, 4])
    with pytest.raises(ValueError, match="game is over"):
        O.flat_mc(won[None], [2], [80], 8, [0])
    with pytest.raises(ValueError, match="c must be"):
        O.uct(board[None], [2], [0], 8, [0], c=-1.0)
    v, se = O.flat_mc(np.zeros((0, 9, 9), np.int8), [], [], 8, [])
    assert v.shape == se.shape == (0,)


def _fork_child_values(seed):
    from envs.gomoku import oracle

    board, to_move = R.board_from_moves(9, [40, 41])
    return oracle.flat_mc(np.repeat(board[None], 4, 0), [to_move] * 4, [0, 1, 2, 3], 64, [seed] * 4)[0].tolist()


def test_batches_work_in_a_process_forked_after_the_thread_pool_started():
    """GNU OpenMP is not fork-safe: numba would terminate a forked child entering a parallel region."""
    import multiprocessing

    want = [_fork_child_values(s) for s in range(3)]  # starts numba's thread pool in this process
    with multiprocessing.get_context("fork").Pool(2) as pool:
        got = pool.map_async(_fork_child_values, range(3)).get(timeout=120)
    assert got == want


def test_a_new_process_loads_the_compiled_kernels_from_the_cache():
    board, to_move = R.board_from_moves(9, [40])
    O.flat_mc(board[None], [to_move], [0], 8, [0])  # make sure this process compiled / cached it
    code = (
        "import numpy as np\n"
        "from envs.gomoku import oracle as O, _kernels as K\n"
        "O.flat_mc(np.zeros((1, 9, 9), np.int8), [1], [40], 8, [0])\n"
        "st = K.values_k.stats\n"
        "print(sum(st.cache_hits.values()), sum(st.cache_misses.values()))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    hits, misses = map(int, out.stdout.split())
    assert hits >= 1 and misses == 0


# ---------------------------------------------------------------- the tactical rollout policy
def ref_tactical_check(board, to_move, moves, result, exact5):
    """Pure-Python check of one tactical playout: at every move, the player completes a five if it has a point
    for one; else, if the opponent has one, it blocks one of them; and the result is what the moves give."""
    from envs.gomoku.tactics import five_points

    s = board.shape[0]
    cells = [int(v) for v in board.ravel()]
    player = to_move
    for i, m in enumerate(moves):
        assert cells[m] == 0
        mine = five_points(cells, s, player, exact5)
        theirs = five_points(cells, s, 3 - player, exact5)
        if mine:
            assert m in mine, ("did not complete a five", i)
        elif theirs:
            assert m in theirs, ("did not block", i)
        wins = ref_makes_five([cells[r * s:(r + 1) * s] for r in range(s)], m, player, exact5)
        cells[m] = player
        if wins:
            assert i == len(moves) - 1 and result == player
            return
        player = 3 - player
    assert result == 0 and 0 not in cells


@pytest.mark.parametrize("exact5", [False, True])
def test_tactical_playouts_follow_the_policy(exact5):
    from envs.gomoku import _kernels as K

    rng = np.random.default_rng(5)
    forced = 0
    for trial in range(150):
        size = int(rng.integers(5, 10))
        board = np.zeros((size, size), np.int8)
        if trial % 3:
            st = nearly_full_positions(1, trial)[0] if size < 7 else None
            if st is not None:
                board, to_move = st[0], st[1]
        to_move = 1 if (board != 0).sum() % 2 == 0 else 2
        if R.winner_of(board, exact5):
            continue
        result, moves = K.tactical_playout_k(board, to_move, np.uint64(trial), exact5)
        ref_tactical_check(board, to_move, [int(m) for m in moves], int(result), exact5)
        forced += len(moves) > 0
    assert forced > 100


def test_tactical_flat_keeps_common_random_numbers_and_sees_the_five():
    must_block = np.zeros((9, 9), np.int8)
    for c in range(4):
        must_block[4, c] = 1
        must_block[8, 2 * c] = 2
    # white to move: anything but (4, 4) loses at once to the tactical black; (4, 4) does not
    lose = O.flat_mc_samples(must_block, 2, 0 * 9 + 8, 64, 3, rollout_policy="tactical")
    assert (lose == 0.0).all()
    small = O.flat_mc_samples(must_block, 2, 4 * 9 + 4, 32, 9, rollout_policy="tactical")
    large = O.flat_mc_samples(must_block, 2, 4 * 9 + 4, 64, 9, rollout_policy="tactical")
    assert (small == large[:32]).all() and 0.0 < large.mean() < 1.0
    v, _ = O.flat_mc(must_block[None], [2], [4 * 9 + 4], 64, [9], rollout_policy="tactical")
    assert v[0] == pytest.approx(large.mean())
    uniform = O.flat_mc_samples(must_block, 2, 0 * 9 + 8, 64, 3)
    assert uniform.mean() > 0.1  # the random player does not punish it
    with pytest.raises(ValueError, match="rollout_policy='smart'"):
        O.uct(must_block[None], [2], [0], 8, [0], rollout_policy="smart")
