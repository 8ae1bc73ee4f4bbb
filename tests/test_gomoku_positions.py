"""Self-play position generator: exact stone count, no completed line, deterministic, game-like."""
import numpy as np
import pytest

from envs.gomoku import positions as P
from envs.gomoku import rules as R
from test_gomoku_rules import ref_makes_five, ref_winner


@pytest.mark.parametrize(
    "size,n_stones,exact5", [(9, 0, False), (9, 1, False), (9, 25, False), (9, 60, True), (15, 40, False),
                             (15, 120, True), (19, 80, False), (5, 20, False)]
)
def test_positions_have_the_stones_asked_and_no_line(size, n_stones, exact5):
    for seed in range(6):
        moves = P.selfplay_moves(size, n_stones, seed, exact5=exact5)
        assert moves.dtype == np.int64 and len(moves) == n_stones
        assert len(set(moves.tolist())) == n_stones
        board, to_move = R.board_from_moves(size, moves, exact5=exact5)  # validates every move
        assert ref_winner(board.tolist(), exact5) == 0
        assert to_move == (1 if n_stones % 2 == 0 else 2)


def test_deterministic_in_seed_and_seeds_differ():
    a = P.selfplay_moves(15, 50, seed=3)
    assert np.array_equal(a, P.selfplay_moves(15, 50, seed=3))
    others = {tuple(P.selfplay_moves(15, 50, seed=s)) for s in range(10)}
    assert len(others) == 10
    assert not np.array_equal(P.selfplay_moves(15, 50, 3, noise=0.0), P.selfplay_moves(15, 50, 3, noise=1.0))


def test_stones_stay_together_and_open_near_the_centre():
    for seed in range(10):
        moves = P.selfplay_moves(15, 40, seed, noise=0.3)
        rc = np.array([divmod(int(m), 15) for m in moves])
        assert np.abs(rc[0] - 7).max() <= 3
        for k in range(1, len(rc)):
            dist = np.abs(rc[:k] - rc[k]).max(axis=1).min()
            assert dist <= 2, (seed, k)


def test_noiseless_policy_blocks_a_single_winning_point():
    """Replaying noise-free games: whenever the opponent threatened to win at exactly one point and the
    mover could not win at once, the mover blocked it."""
    blocks = 0
    for seed in range(20):
        moves = P.selfplay_moves(9, 40, seed, noise=0.0).tolist()
        board = [[0] * 9 for _ in range(9)]
        player = 1
        for m in moves:
            empty = [q for q in range(81) if board[q // 9][q % 9] == 0]
            mine = [q for q in empty if ref_makes_five(board, q, player, False)]
            theirs = [q for q in empty if ref_makes_five(board, q, 3 - player, False)]
            if not mine and len(theirs) == 1:
                assert m == theirs[0]
                blocks += 1
            board[m // 9][m % 9] = player
            player = 3 - player
    assert blocks > 5  # the situation does arise, so the check above is not vacuous


@pytest.mark.parametrize(
    "kwargs,match",
    [(dict(size=4, n_stones=3, seed=0), "5..19"), (dict(size=9, n_stones=81, seed=0), "0..80"),
     (dict(size=9, n_stones=-1, seed=0), "0..80"), (dict(size=9, n_stones=5, seed=0, noise=1.5), "noise"),
     (dict(size=9, n_stones=5, seed="a"), "seed")],
)
def test_bad_arguments_are_named(kwargs, match):
    with pytest.raises(ValueError, match=match):
        P.selfplay_moves(**kwargs)
