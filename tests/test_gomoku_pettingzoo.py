"""The Gomoku PettingZoo AEC environment."""
import warnings

import numpy as np
import pytest
from pettingzoo.test import api_test

from envs.gomoku import pettingzoo_env


@pytest.mark.parametrize("size, exact", [(9, False), (5, True)])
def test_api_test_passes(size, exact):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # api_test's style advice (agent names, dict observations)
        api_test(pettingzoo_env.env(size=size, exact_five=exact, render_mode="ansi"), num_cycles=300)


def play(env, moves):
    for m in moves:
        env.step(m)


def test_five_in_a_row_ends_the_game_with_plus_and_minus_one():
    env = pettingzoo_env.env(size=9, render_mode="ansi")
    env.reset(seed=0)
    # black E1..E5 downwards from the top (row 0..4, column 4); white along row 8
    play(env, [4, 72, 13, 73, 22, 74, 31, 75])
    obs, _, term, _, _ = env.last()
    assert env.agent_selection == "black" and not term
    assert obs["observation"][:, :, 0].sum() == 4 and obs["observation"][:, :, 1].sum() == 4
    assert obs["observation"][0, 4, 0] == 1 and obs["observation"][8, 0, 1] == 1
    assert obs["action_mask"].sum() == 81 - 8 and obs["action_mask"][4] == 0
    assert env.observe("white")["action_mask"].sum() == 0  # not white's turn
    assert env.observe("white")["observation"][8, 0, 0] == 1  # planes are from the observer's side
    env.step(40)
    assert env.rewards == {"black": 1, "white": -1}
    assert all(env.terminations.values())
    assert "Last move: E5." in env.render()
    for agent in env.agent_iter():
        _, _, term, _, _ = env.last()
        assert term
        env.step(None)


def test_overline_does_not_win_under_exact_five():
    env = pettingzoo_env.raw_env(size=9, exact_five=True)
    env.reset()
    # black A9 B9 C9 D9 _ F9 then E9 makes six; white far away on row 8
    play(env, [0, 72, 1, 73, 2, 74, 3, 76, 5, 78, 4])
    assert not any(env.terminations.values()) and env.rewards == {"black": 0, "white": 0}
    env2 = pettingzoo_env.raw_env(size=9, exact_five=False)
    env2.reset()
    play(env2, [0, 72, 1, 73, 2, 74, 3, 76, 5, 78, 4])
    assert env2.rewards == {"black": 1, "white": -1}


def test_full_board_is_a_draw():
    env = pettingzoo_env.raw_env(size=5)
    env.reset()
    # a pattern with no five: rows alternate in pairs so no line of five forms
    board = np.array([[1, 1, 2, 2, 1], [2, 2, 1, 1, 2], [1, 1, 2, 2, 1], [2, 2, 1, 1, 2], [1, 2, 1, 2, 1]])
    blacks = [int(i) for i in np.flatnonzero(board.ravel() == 1)]
    whites = [int(i) for i in np.flatnonzero(board.ravel() == 2)]
    assert len(blacks) == 13 and len(whites) == 12
    order = [m for pair in zip(blacks, whites + [None]) for m in pair if m is not None]
    play(env, order)
    assert all(env.terminations.values()) and env.rewards == {"black": 0, "white": 0}


def test_illegal_moves():
    wrapped = pettingzoo_env.env(size=9)
    wrapped.reset()
    wrapped.step(40)
    wrapped.step(40)  # occupied: white loses under the standard wrapper
    assert wrapped.rewards["white"] == -1 and all(wrapped.terminations.values())
    raw = pettingzoo_env.raw_env(size=9)
    raw.reset()
    raw.step(40)
    with pytest.raises(ValueError, match="occupied"):
        raw.step(40)
    with pytest.raises(ValueError, match="0..80"):
        raw.step(81)
    with pytest.raises(ValueError, match="size=3"):
        pettingzoo_env.raw_env(size=3)


def test_parallel_api_test_and_render_test_pass(capsys):
    from pettingzoo.test import parallel_api_test, render_test

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parallel_api_test(pettingzoo_env.parallel_env(size=7), num_cycles=200)
        render_test(lambda render_mode=None: pettingzoo_env.env(size=7, render_mode=render_mode))
    assert "To move: X (black)." in capsys.readouterr().out  # "human" prints the grid
    par = pettingzoo_env.parallel_env(size=7, render_mode="ansi")  # render_test takes AEC envs only
    par.reset(seed=0)
    par.step({"black": 24, "white": None})
    assert "Last move: D4." in par.render() and "To move: O (white)." in par.render()


def test_parallel_game_plays_only_the_agent_to_move():
    env = pettingzoo_env.parallel_env(size=9)
    obs, infos = env.reset(seed=0)
    assert obs["white"]["action_mask"].sum() == 0 and obs["black"]["action_mask"].sum() == 81
    # black E1..E5 downwards from the top (column 4); white along row 8; each step only the mover's action counts
    for b, w in zip([4, 13, 22, 31], [72, 73, 74, 75]):
        obs, rew, term, trunc, _ = env.step({"black": b, "white": 0})
        assert env.to_move == "white" and not any(term.values())
        obs, rew, term, trunc, _ = env.step({"black": None, "white": w})
    assert env.state()[8, :4].tolist() == [2, 2, 2, 2] and env.state()[:4, 4].tolist() == [1, 1, 1, 1]
    obs, rew, term, trunc, _ = env.step({"black": 40, "white": 3})
    assert rew == {"black": 1, "white": -1} and all(term.values()) and env.agents == []
    env.reset(seed=1)
    _, rew, term, _, info = env.step({"black": 81, "white": 0})  # off the board: the mover loses
    assert rew == {"black": -1, "white": 1} and all(term.values()) and info["black"]["illegal_action"] == 81
