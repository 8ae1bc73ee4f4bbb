"""The numba Gomoku rules agree with a slow, obviously-correct pure-Python reference."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from envs.gomoku import rules as R

DIRS = [(0, 1), (1, 0), (1, 1), (1, -1)]


# ------------------------------------------------------------------------------ pure-Python reference
def ref_run(board, r, c, player, dr, dc):
    """Length of player's run through (r, c) along (dr, dc), as if (r, c) held player's stone."""
    s = len(board)
    n = 1
    for sign in (1, -1):
        rr, cc = r + sign * dr, c + sign * dc
        while 0 <= rr < s and 0 <= cc < s and board[rr][cc] == player:
            n += 1
            rr, cc = rr + sign * dr, cc + sign * dc
    return n


def ref_makes_five(board, move, player, exact5):
    s = len(board)
    r, c = divmod(move, s)
    runs = [ref_run(board, r, c, player, dr, dc) for dr, dc in DIRS]
    return any(n == 5 for n in runs) if exact5 else any(n >= 5 for n in runs)


def ref_winner(board, exact5):
    """Every maximal run of each player, checked from scratch."""
    s = len(board)
    for player in (1, 2):
        for r in range(s):
            for c in range(s):
                if board[r][c] != player:
                    continue
                for dr, dc in DIRS:
                    pr, pc = r - dr, c - dc
                    if 0 <= pr < s and 0 <= pc < s and board[pr][pc] == player:
                        continue  # not the start of the run
                    n, rr, cc = 0, r, c
                    while 0 <= rr < s and 0 <= cc < s and board[rr][cc] == player:
                        n, rr, cc = n + 1, rr + dr, cc + dc
                    if n == 5 or (n > 5 and not exact5):
                        return player
    return 0


boards = st.integers(5, 11).flatmap(
    lambda s: st.lists(st.sampled_from([0, 0, 0, 1, 1, 2, 2]), min_size=s * s, max_size=s * s).map(
        lambda cells: np.array(cells, np.int8).reshape(s, s)
    )
)


# ------------------------------------------------------------------------------------------ lines
def segments(s, length):
    """Every run of ``length`` points on an s x s board, as lists of flat moves, in all four directions."""
    for dr, dc in DIRS:
        for r in range(s):
            for c in range(s):
                pts = [(r + k * dr, c + k * dc) for k in range(length)]
                if all(0 <= a < s and 0 <= b < s for a, b in pts):
                    yield [a * s + b for a, b in pts]


@pytest.mark.parametrize("size", [5, 7, 19])
@pytest.mark.parametrize("exact5", [False, True])
def test_every_five_on_every_line_edge_and_corner(size, exact5):
    n_seg = 0
    for seg in segments(size, 5):
        n_seg += 1
        for player in (1, 2):
            for hole in seg:
                board = np.zeros((size, size), np.int8)
                for m in seg:
                    if m != hole:
                        board.flat[m] = player
                assert R.makes_five(board, hole, player, exact5)
                assert not R.makes_five(board, hole, 3 - player, exact5)
                board.flat[hole] = player
                assert R.winner_of(board, exact5) == player
    # 4 directions: rows, columns, two diagonals
    assert n_seg == 2 * size * (size - 4) + 2 * (size - 4) ** 2


def test_four_is_not_five_and_broken_lines_do_not_count():
    board, _ = R.board_from_moves(9, [0, 40, 1, 41, 2, 42])  # black 0,1,2
    assert not R.makes_five(board, 3, 1)  # four
    board.flat[4] = 1  # 0,1,2,_,4
    assert R.makes_five(board, 3, 1)
    assert not R.makes_five(board, 5, 1)  # 0,1,2,_,4,5 still broken at 3
    assert R.winner_of(board) == 0


@pytest.mark.parametrize("size", [6, 9, 15])
def test_overline_wins_only_in_free_style(size):
    for seg in segments(size, 6):
        for hole in seg:
            board = np.zeros((size, size), np.int8)
            for m in seg:
                if m != hole:
                    board.flat[m] = 2
            assert R.makes_five(board, hole, 2, exact5=False)
            assert not R.makes_five(board, hole, 2, exact5=True)
            board.flat[hole] = 2
            assert R.winner_of(board, exact5=False) == 2
            assert R.winner_of(board, exact5=True) == 0


def test_exact_five_in_one_direction_wins_despite_overline_in_another():
    s = 11
    board = np.zeros((s, s), np.int8)
    centre = 5 * s + 5
    for k in (-3, -2, -1, 1, 2):  # row: 6 in a row through the centre
        board.flat[centre + k] = 1
    assert R.makes_five(board, centre, 1, exact5=True) is False
    for k in (-2, -1, 1, 2):  # column: exactly five through the centre
        board.flat[centre + k * s] = 1
    assert R.makes_five(board, centre, 1, exact5=True)


@settings(max_examples=300, deadline=None)
@given(boards, st.data())
def test_makes_five_matches_reference_on_random_boards(board, data):
    empty = np.flatnonzero(board.ravel() == 0)
    if empty.size == 0:
        return
    move = int(data.draw(st.sampled_from(empty.tolist())))
    player = data.draw(st.sampled_from([1, 2]))
    exact5 = data.draw(st.booleans())
    rows = board.tolist()
    assert R.makes_five(board, move, player, exact5) == ref_makes_five(rows, move, player, exact5)
    want = [m for m in empty.tolist() if ref_makes_five(rows, m, player, exact5)]
    assert R.winning_moves(board, player, exact5).tolist() == want


@settings(max_examples=300, deadline=None)
@given(boards, st.booleans())
def test_winner_of_matches_reference_on_random_boards(board, exact5):
    assert R.winner_of(board, exact5) == ref_winner(board.tolist(), exact5)


# ------------------------------------------------------------------------------------ validation
@pytest.mark.parametrize("bad", [4, 20, 0, -9, 9.0, "9", True, None])
def test_check_size_names_the_bad_value(bad):
    with pytest.raises(ValueError, match=r"5\.\.19"):
        R.check_size(bad)


def test_board_validation_errors():
    with pytest.raises(ValueError, match="shape"):
        R.winner_of(np.zeros((9, 8), np.int8))
    with pytest.raises(ValueError, match="found 3"):
        R.winner_of(np.full((9, 9), 3, np.int8))
    with pytest.raises(ValueError, match="5..19"):
        R.winner_of(np.zeros((4, 4), np.int8))
    board = np.zeros((9, 9), np.int8)
    board[0, 0] = 1
    with pytest.raises(ValueError, match="occupied"):
        R.makes_five(board, 0, 2)
    with pytest.raises(ValueError, match="0..80"):
        R.makes_five(board, 81, 2)
    with pytest.raises(ValueError, match="1 \\(black\\) or 2"):
        R.makes_five(board, 1, 0)


def test_board_from_moves():
    board, to_move = R.board_from_moves(9, [40, 41, 31])
    assert to_move == 1 + 1 and board.dtype == np.int8 and board.flags.c_contiguous
    assert board.flat[40] == 1 and board.flat[41] == 2 and board.flat[31] == 1 and board.sum() == 4
    assert R.board_from_moves(5, [])[1] == 1
    with pytest.raises(ValueError, match="occupied"):
        R.board_from_moves(9, [40, 40])
    with pytest.raises(ValueError, match="0..80"):
        R.board_from_moves(9, [81])
    win = [0, 9, 1, 10, 2, 11, 3, 12, 4]
    board, to_move = R.board_from_moves(9, win)
    assert R.winner_of(board) == 1 and to_move == 2
    with pytest.raises(ValueError, match="after the game ended"):
        R.board_from_moves(9, win + [13])


# --------------------------------------------------------------------------------------- playouts
M64 = 2**64 - 1


def ref_rng(seed):
    """The kernels' generator in plain Python: splitmix64 seeding, then xorshift64* outputs."""
    z = (seed + 0x9E3779B97F4A7C15) & M64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    x = (z ^ (z >> 31)) or 0x9E3779B97F4A7C15
    while True:
        x ^= x >> 12
        x ^= (x << 25) & M64
        x ^= x >> 27
        yield (x * 0x2545F4914F6CDD1D) & M64


def ref_playouts(board, to_move, n, seed, exact5):
    """Uniform-random playouts, the plain way: list of empty points in row-major order, a uniform index
    ``(top 32 bits * len) >> 32`` from the shared generator, swap-remove, and a from-scratch check of the
    lines through the new stone before it is placed."""
    s = board.shape[0]
    rng = ref_rng(seed)
    start = board.tolist()
    results = []
    for _ in range(n):
        rows = [list(r) for r in start]
        empty = [m for m in range(s * s) if rows[m // s][m % s] == 0]
        player, result = to_move, 0
        while empty:
            i = ((next(rng) >> 32) * len(empty)) >> 32
            m = empty[i]
            empty[i] = empty[-1]
            empty.pop()
            if ref_makes_five(rows, m, player, exact5):
                result = player
                break
            rows[m // s][m % s] = player
            player = 3 - player
        results.append(result)
    return results


@pytest.mark.parametrize("exact5", [False, True])
def test_kernel_playouts_replay_the_reference_playouts_exactly(exact5):
    rng = np.random.default_rng(5)
    n_wins = 0
    for trial in range(12):
        s = int(rng.choice([5, 7, 9, 12]))
        board = np.zeros((s, s), np.int8)
        k = int(rng.integers(0, s * s // 2))
        for j, m in enumerate(rng.permutation(s * s)[:k]):
            board.flat[m] = 1 + j % 2
        if ref_winner(board.tolist(), exact5):
            continue
        seed = int(rng.integers(0, 2**63))
        want = ref_playouts(board, 1 + trial % 2, 30, seed, exact5)
        got = R.random_playouts(board, 1 + trial % 2, 30, seed, exact5).tolist()
        assert got == want, (trial, s, k)
        n_wins += sum(r != 0 for r in want)
    assert n_wins > 100


def test_random_playouts_deterministic_prefix_and_plausible():
    empty = np.zeros((9, 9), np.int8)
    a = R.random_playouts(empty, 1, 400, seed=7)
    b = R.random_playouts(empty, 1, 800, seed=7)
    assert np.array_equal(a, b[:400])
    assert not np.array_equal(a, R.random_playouts(empty, 1, 400, seed=8))
    assert set(np.unique(b).tolist()) <= {0, 1, 2}
    # random play on an empty 9x9 board: the first player wins a bit more often, draws are rare
    black = np.mean(b == 1)
    assert 0.45 < black < 0.65 and np.mean(b == 0) < 0.05
    assert R.random_playout(empty, 1, seed=7) == a[0]


def test_playout_completing_an_overline_wins_only_in_free_style():
    rng = np.random.default_rng(1)
    while True:  # a full 6x6 board but for (0, 3), where black would make six in row 0 and nothing else
        board = rng.integers(1, 3, size=(6, 6)).astype(np.int8)
        board[0] = [1, 1, 1, 0, 1, 1]
        rows = board.tolist()
        runs = [ref_run(rows, 0, 3, 1, dr, dc) for dr, dc in DIRS]
        if ref_winner(rows, False) == 0 and runs[0] == 6 and max(runs[1:]) < 5:
            break
    assert R.random_playouts(board, 1, 5, seed=0, exact5=False).tolist() == [1] * 5
    assert R.random_playouts(board, 1, 5, seed=0, exact5=True).tolist() == [0] * 5


def test_random_playouts_forced_outcomes():
    # one empty point left, and it completes black's five: black to move wins every playout
    board, _ = R.board_from_moves(5, [0, 5, 1, 6, 2, 7, 3, 8])
    rows = board.copy()
    rest = [m for m in range(25) if rows.flat[m] == 0 and m != 4]
    # fill the rest with a pattern that makes no line: alternate by 2x1 blocks
    for m in rest:
        r, c = divmod(m, 5)
        rows.flat[m] = 1 + ((r // 2 + c) % 2)
    assert R.winner_of(rows) == 0
    assert R.random_playouts(rows, 1, 20, seed=0).tolist() == [1] * 20
    assert R.random_playouts(rows, 2, 20, seed=0).tolist() == [0] * 20  # white fills it: full board, draw
    done = rows.copy()
    done.flat[4] = 1
    assert R.random_playouts(done, 2, 5, seed=0).tolist() == [1] * 5  # already won
