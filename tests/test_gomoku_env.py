"""GomokuEnv: rewards, info, task ids, game mode, retry feedback, truth, estimators and argument checks."""
import os
import sys
import warnings

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

import envs  # noqa: F401 - registers the ids
from envs.gomoku import rules
from envs.gomoku.env import GomokuEnv
from envs.gomoku.state import decode_state
from envs.gomoku.text import point_index

FAKE_ENGINE = os.path.join(os.path.dirname(__file__), "data", "fake_gomocup_engine.py")
# black to move; black E5 E6 E7 E8 can win at E4 / E9; white A1 B1 C1 D1 threatens E1
WIN_OR_BLOCK = "gomoku:9:free:E5,A1,E6,B1,E7,C1,E8,D1"
# white to move must block E4 (black E5..E8, white already on E9)
MUST_BLOCK = "gomoku:9:free:E5,E9,E6,A1,E7,B1,E8"
# black to move with C5 D5 E5: B5 or F5 make an open four
OPEN_THREE = "gomoku:9:free:C5,A1,D5,B1,E5,H1"


def answer(point):
    return f"Let me think.\n<answer>{point}</answer>"


@pytest.fixture(scope="module")
def env():
    return GomokuEnv(size=9, rollouts=64)


def test_registered_ids_make_the_env():
    for env_id, size in (("Gomoku9x9-LLM-v0", 9), ("Gomoku15x15-LLM-v0", 15)):
        e = gym.make(env_id, rollouts=32)
        assert isinstance(e.unwrapped, GomokuEnv) and e.unwrapped.size == size
        assert e.unwrapped.budget == 32 and e.unwrapped.budget_name == "rollouts"


def test_stones_range_sets_the_position_size():
    env = GomokuEnv(size=9, stones="12,12")  # as the command line passes it
    assert env.stones == (12, 12)
    assert {len(decode_state(s).moves) for s in env.sample_states(4, seed=0)} == {12}
    assert GomokuEnv(size=5).stones == (6, 12)  # the default is capped at half the board


def test_reset_info_and_prompt(env):
    obs, info = env.reset(seed=5)
    state = decode_state(info["state"])
    lo, hi = env.stones
    assert lo <= len(state.moves) <= hi and state.winner() == 0
    assert info["legal_actions"] == env.legal_actions(state)
    assert len(info["legal_actions"]) == 81 - len(state.moves)
    assert [m["role"] for m in info["messages"]] == ["system", "user"] and info["messages"][1]["content"] == obs
    assert "<answer>E5</answer>" in obs and "free-style" in obs


@pytest.mark.parametrize("completion, reward, fmt, legal", [
    ("no answer here", -0.1, False, False),
    ("<answer>pass</answer>", -0.1, False, False),
    ("<answer>E5", -0.1, False, False),  # unclosed tag, and the last line is not a bare point
    (answer("Z9"), 0.1 - 1.0, True, False),  # off the board: illegal, not malformed
    (answer("E10"), 0.1 - 1.0, True, False),
    (answer("E5"), 0.1 - 1.0, True, False),  # occupied
])
def test_reward_of_bad_answers(env, completion, reward, fmt, legal):
    env.reset(options={"state": WIN_OR_BLOCK})
    _, r, term, trunc, info = env.step(completion)
    assert r == pytest.approx(reward) and term and not trunc
    assert (info["format_ok"], info["legal"], info["estimate"]) == (fmt, legal, None)


def test_reward_of_legal_answers(env):
    env.reset(options={"state": WIN_OR_BLOCK})
    _, r, term, _, info = env.step(answer(" e 9 "))  # black completes five
    assert info["action"] == "E9" and info["legal"] and term
    assert info["estimate"] == {"value": 1.0, "stderr": 0.0, "budget": 64, "exact": True}
    assert r == pytest.approx(1.1)
    env.reset(options={"state": WIN_OR_BLOCK})
    _, r, _, _, info = env.step([{"role": "assistant", "content": "<answer>H8</answer>"}])  # chat format
    est = info["estimate"]
    assert 0.0 <= est["value"] <= 1.0 and est["budget"] == 64 and not est["exact"] and est["stderr"] > 0
    assert r == pytest.approx(0.1 + est["value"])
    # a move that ignores white's four: flat playouts still see some wins for black (random replies)
    assert est["value"] < 0.9


def test_fallback_is_a_bare_point_on_the_last_line(env):
    env.reset(options={"state": WIN_OR_BLOCK})
    _, _, _, _, info = env.step("I win with the top of the column.\n\n  e9 \n")
    assert info["format_ok"] and info["action"] == "E9"
    env.reset(options={"state": WIN_OR_BLOCK})
    _, r, _, _, info = env.step("I play E9 now")
    assert not info["format_ok"] and r == pytest.approx(-0.1)


def test_retry_policy_gives_feedback_then_ends():
    env = GomokuEnv(size=9, rollouts=16, invalid_policy="retry", max_retries=2)
    prompt, _ = env.reset(options={"state": WIN_OR_BLOCK})
    obs, r, term, _, info = env.step("hmm")
    assert not term and info["retry"] == 1 and r == pytest.approx(-0.1)
    assert obs.startswith("Your reply had no readable answer") and obs.endswith(prompt)
    obs, r, term, _, info = env.step(answer("E5"))
    assert not term and info["retry"] == 2 and "E5 is not a legal action" in obs
    obs, r, term, _, info = env.step("still nothing")
    assert term and r == pytest.approx(-0.1)
    env.reset(options={"state": WIN_OR_BLOCK})
    env.step("hmm")
    _, r, term, _, info = env.step(answer("E4"))  # a legal answer after a retry ends the one-move episode
    assert term and info["legal"] and r == pytest.approx(1.1)


def test_task_ids(env):
    _, info = env.reset(options={"task_id": "win1/17"})
    state = decode_state(info["state"])
    assert state.kind == "win1" and ":win1=" in info["state"]
    assert all(rules.makes_five(state.board, m, state.to_move) for m in state.correct)
    names = {point_index(a, 9): a for a in info["legal_actions"]}
    win = names[min(state.correct)]
    wrong = next(a for m, a in names.items() if m not in state.correct)
    _, r, _, _, step_info = env.step(answer(win))
    assert step_info["correct"] is True and r == pytest.approx(1.1)
    env.reset(options={"task_id": "win1/17"})
    assert env.step(answer(wrong))[4]["correct"] is False
    env.reset(options={"state": WIN_OR_BLOCK})
    assert "correct" not in env.step(answer("A9"))[4]  # not a tactical state
    assert env.reset(options={"task_id": "win1/17"})[1]["state"] == info["state"]
    assert env.reset(options={"task_id": "block4/17"})[1]["state"] != info["state"]
    assert decode_state(env.reset(options={"task_id": "midgame/3"})[1]["state"]).kind is None
    assert env.reset(options={"task_id": 4})[1]["state"] == env.sample_states(1, seed=4)[0]
    for bad in ("win1", "win1/x", "mate/3", -1, 2.5):
        with pytest.raises(ValueError, match="task_id"):
            env.reset(options={"task_id": bad})


def test_tactical_tasks_sample_their_kind():
    for size, task, kinds in ((9, "block4", {"block4"}), (9, "tactics", {"win1", "block4", "open3"}),
                              (5, "tactics", {"win1", "block4"})):  # 5x5 has no room for an open four
        e = GomokuEnv(size=size, task=task)
        seen = {decode_state(s).kind for s in e.sample_states(12, seed=0)}
        assert seen == kinds


def test_truth_is_exact_where_proven_and_reproducible():
    env = GomokuEnv(size=9, rollouts=16, truth_rollouts=512)
    truth = env.truth([(WIN_OR_BLOCK, "E9"), (WIN_OR_BLOCK, "H8"), (MUST_BLOCK, "E4"), (MUST_BLOCK, "A9"),
                       (OPEN_THREE, "F5"), (OPEN_THREE, "A9")])
    assert [(t.value, t.exact) for t in truth[:1]] == [(1.0, True)]
    assert (truth[1].value, truth[1].exact) == (0.0, True)  # white completes E1 next
    assert not truth[2].exact and truth[2].budget == 512 and 0.0 < truth[2].value < 1.0
    assert (truth[3].value, truth[3].exact) == (0.0, True)
    assert (truth[4].value, truth[4].exact) == (1.0, True)  # open four, white has no four
    assert not truth[5].exact
    again = env.truth([(OPEN_THREE, "A9"), (MUST_BLOCK, "E4")])  # other batch positions, same values
    assert again == [truth[5], truth[2]]
    # the truth's seeds are apart from the estimates': no estimate at that budget reproduces it
    assert all(env.estimate([(MUST_BLOCK, "E4")], budget=512, seed=s)[0] != truth[2] for s in range(4))


def test_estimates_are_batched_and_seeded(env):
    states = env.sample_states(6, seed=1)
    queries = [(s, env.legal_actions(decode_state(s))[3]) for s in states]
    a = env.estimate(queries, seed=10)
    assert a == env.estimate(queries, seed=10) and a != env.estimate(queries, seed=11)
    assert env.estimate(queries[2:3], seed=12) == a[2:3]  # item i uses seed + i
    scored = env.score_completions(states, [answer(q[1]) for q in queries], seed=10)
    assert [s.estimate for s in scored] == a
    with pytest.raises(ValueError, match="not legal"):
        env.estimate([(WIN_OR_BLOCK, "E5")])


def test_a_state_that_is_not_a_gomoku_state_is_named():
    env = GomokuEnv(size=9)
    with pytest.raises(ValueError, match=r"state 5 \(int\) is not a state of GomokuEnv.*info\['state'\]"):
        env.reset(options={"state": 5})
    with pytest.raises(ValueError, match=r"state \[1, 2\] \(list\)"):
        env.score_completions([[1, 2]], ["<answer>E5</answer>"])


def test_uct_estimator_sees_the_threat():
    """Ignoring a four loses at once: UCT's value of it falls towards 0 with budget, flat MC's stays high."""
    queries = [(MUST_BLOCK, "E4"), (MUST_BLOCK, "A9")]
    uct = GomokuEnv(size=9, estimator="uct").estimate(queries, budget=4096, seed=0)
    flat = GomokuEnv(size=9, estimator="flat").estimate(queries, budget=4096, seed=0)
    assert uct[0].value > uct[1].value + 0.2 and flat[0].value > flat[1].value
    assert uct[1].value < flat[1].value - 0.1


@pytest.mark.parametrize("color", ["black", "white"])
@pytest.mark.parametrize("opponent", ["random", "mcts"])
def test_game_mode_plays_to_the_end(opponent, color):
    env = GomokuEnv(size=7, rollouts=8, mode="game", opponent=opponent, opponent_rollouts=16, model_color=color)
    _, info = env.reset(seed=1)
    start = decode_state(info["state"])
    model = rules.BLACK if color == "black" else rules.WHITE
    assert start.to_move == model and len(start.moves) in ((0, 2, 4) if color == "black" else (1, 3))
    rng = np.random.default_rng(0)
    total = 0.0
    for _ in range(49):
        legal = info["legal_actions"]
        _, r, term, trunc, info = env.step(answer(legal[int(rng.integers(len(legal)))]))
        total += r
        assert info["legal"] and -1.0 <= r <= 1.1 and not trunc
        if term:
            break
        assert decode_state(info["state"]).to_move == model and "opponent_action" in info
    assert term and info["outcome"] in ("win", "loss", "draw")
    final = env.state
    won = final.winner()
    assert info["winner"] == {0: "draw", 1: "black", 2: "white"}[won]
    assert info["outcome"] == ("draw" if not won else "win" if won == model else "loss")
    # potential-based shaping: the return is the outcome plus the format term, minus the start's potential
    assert total == pytest.approx({"win": 1.0, "draw": 0.5, "loss": 0.0}[info["outcome"]] + 0.1 - 0.5)
    assert "Game over" in env.render_prompt(final) if won else True
    with pytest.raises(gym.error.ResetNeeded):
        env.step(answer("A1"))


@pytest.mark.slow
def test_game_return_follows_the_outcome_not_the_length():
    """Over many random games: every return is outcome + format - 0.5 whatever the game's length, so a won
    game's return exceeds a lost one's and no policy gains by prolonging; an invalid answer scores as a loss."""
    env = GomokuEnv(size=6, rollouts=8, mode="game", opponent="random")
    rng = np.random.default_rng(3)
    returns = {"win": [], "loss": [], "draw": [], "invalid": []}
    lengths = {"win": [], "loss": []}
    for episode in range(60):
        _, info = env.reset(seed=episode)
        total, steps = 0.0, 0
        while True:
            legal = info["legal_actions"]
            if episode % 10 == 9 and steps == 2:
                completion = "no idea"
            else:
                completion = answer(legal[int(rng.integers(len(legal)))])
            _, r, term, _, info = env.step(completion)
            total, steps = total + r, steps + 1
            if term:
                break
        returns[info["outcome"]].append(total)
        if info["outcome"] in lengths:
            lengths[info["outcome"]].append(steps)
    assert len(returns["win"]) >= 10 and len(returns["loss"]) >= 10 and returns["invalid"]
    assert min(returns["win"]) > max(returns["loss"])
    assert np.allclose(returns["win"], 0.6) and np.allclose(returns["loss"], -0.4)
    assert np.allclose(returns["invalid"], -0.1 - 0.5)
    assert len(set(lengths["win"])) > 2 and len(set(lengths["loss"])) > 2  # the same return at every length


def test_game_mode_starts_from_varied_openings():
    env = GomokuEnv(size=9, mode="game", opening_stones=(0, 6))
    states = [decode_state(s) for s in env.sample_states(30, seed=0)]
    assert len(set(states)) > 15 and {len(s.moves) for s in states} == {0, 2, 4, 6}
    assert all(s.to_move == rules.BLACK and s.result() is None for s in states)
    assert env.sample_states(5, seed=0) == env.sample_states(5, seed=0)
    white = GomokuEnv(size=9, mode="game", model_color="white")
    assert {len(decode_state(s).moves) for s in white.sample_states(20, seed=0)} == {1, 3}


def test_game_mode_opponent_takes_a_win():
    env = GomokuEnv(size=9, mode="game", opponent="mcts", opponent_rollouts=64, rollouts=8)
    # black to move: white threatens to complete E1; black ignores it
    env.reset(options={"state": WIN_OR_BLOCK})
    _, _, term, _, info = env.step(answer("H8"))
    assert term and info["opponent_action"] == "E1" and info["outcome"] == "loss" and info["winner"] == "white"
    env.reset(options={"state": WIN_OR_BLOCK})
    _, _, term, _, info = env.step(answer("E4"))
    assert term and info["outcome"] == "win" and "opponent_action" not in info


def test_engine_estimator_uses_think_time():
    cmd = [sys.executable, FAKE_ENGINE]
    env = GomokuEnv(size=9, estimator="engine", engine_command=cmd, think_ms=30,
                    engine_options={"reply_timeout": 2.0})
    try:
        assert (env.budget_name, env.budget) == ("think_ms", 30)
        env.reset(options={"state": MUST_BLOCK})
        _, r, _, _, info = env.step(answer("E4"))
        assert info["estimate"]["budget"] == 30 and r == pytest.approx(0.1 + info["estimate"]["value"])
        lost = env.estimate([(MUST_BLOCK, "A9")], budget=60)[0]
        assert lost.budget == 60 and lost.value < 0.01
    finally:
        env.close()


def test_exact_five_env():
    env = GomokuEnv(size=9, exact_five=True, rollouts=16)
    obs, info = env.reset(seed=0)
    assert info["state"].startswith("gomoku:9:exact5:") and "exact five" in obs
    # black A9 B9 C9 D9 and F9: E9 would make six, which does not win under exact five
    overline = "gomoku:9:exact5:A9,A1,B9,B1,C9,C1,D9,H1,F9,H3"
    env.reset(options={"state": overline})
    _, r, _, _, info = env.step(answer("E9"))
    assert info["legal"] and not info["estimate"]["exact"]
    with pytest.raises(ValueError, match="exact_five=False"):
        env.reset(options={"state": WIN_OR_BLOCK})


def test_candidate_actions():
    small = GomokuEnv(size=9)
    assert small.candidate_actions(WIN_OR_BLOCK) == small.legal_actions(decode_state(WIN_OR_BLOCK))
    big = GomokuEnv(size=15)
    state = decode_state("gomoku:15:free:H8,A1")
    cands = big.candidate_actions(state)
    idx = [point_index(c, 15) for c in cands]
    assert len(cands) == 24 + 8  # 5x5 around H8 minus H8, 3x3 corner around A1 minus A1
    assert all(max(abs(i // 15 - 7), abs(i % 15 - 7)) <= 2 or max(abs(i // 15 - 14), i % 15) <= 2 for i in idx)
    assert big.candidate_actions("gomoku:15:free:") == ["H8"]


def test_check_env_on_other_configurations():
    for kwargs in ({"estimator": "uct", "task": "tactics"}, {"mode": "game", "opponent": "random"},
                   {"size": 6, "exact_five": True, "task": "open3"}):
        with warnings.catch_warnings():
            warnings.simplefilter("error", category=UserWarning)
            check_env(gym.make("Gomoku9x9-LLM-v0", rollouts=16, **kwargs).unwrapped, skip_render_check=False)


@pytest.mark.parametrize("kwargs, words", [
    ({"size": 4}, "size=4"),
    ({"size": "9"}, "size='9'"),
    ({"rollouts": 0}, "rollouts=0"),
    ({"truth_rollouts": -5}, "truth_rollouts=-5"),
    ({"estimator": "alphabeta"}, "estimator='alphabeta'"),
    ({"estimator": "engine"}, "engine_command"),
    ({"estimator": "engine", "engine_command": "x", "engine_options": {"speed": 1}}, "unknown keys \\['speed'\\]"),
    ({"engine_command": "pbrain-x"}, "engine_command only apply to estimator='engine'"),
    ({"estimator": "uct", "think_ms": 50, "engine_workers": 2}, "think_ms, engine_workers only apply"),
    ({"rollouts": 2**24 + 1}, "rollouts=16777217 is above"),
    ({"rollouts": 2**64}, "rollouts=18446744073709551616 is above"),
    ({"estimator": "engine", "engine_command": "x", "think_ms": 10**6}, "think_ms=1000000 is above"),
    ({"estimator": "engine", "engine_command": "x", "engine_workers": 0}, "engine_workers=0"),
    ({"opening_stones": (1, 1)}, "opening_stones=\\(1, 1\\).*even"),
    ({"mode": "match"}, "mode='match'"),
    ({"task": "win2"}, "task='win2'"),
    ({"mode": "game", "task": "win1"}, "task='win1'"),
    ({"opponent": "human"}, "opponent='human'"),
    ({"model_color": "red"}, "model_color='red'"),
    ({"stones": (10, 5)}, "stones=\\(10, 5\\)"),
    ({"stones": (0, 41)}, "<= 40"),
    ({"stones": 7}, "stones=7"),
    ({"stones": "6-30"}, "stones='6-30'"),
    ({"exact_five": "yes"}, "exact_five='yes'"),
    ({"size": 5, "task": "open3"}, "at least 6x6"),
    ({"invalid_policy": "ignore"}, "invalid_policy='ignore'"),
])
def test_bad_arguments_name_the_value(kwargs, words):
    with pytest.raises(ValueError, match=words):
        GomokuEnv(**kwargs)


def test_states_from_another_board_are_refused(env):
    with pytest.raises(ValueError, match="size=15"):
        env.reset(options={"state": "gomoku:15:free:H8"})
    with pytest.raises(ValueError, match="not a Gomoku state"):
        env.reset(options={"state": "H8"})


def _wins(board, stones, player):
    b = board.copy()
    for m, p in stones:
        b.flat[m] = p
    return rules.winner_of(b) == player


def test_every_exact_truth_is_proven_by_a_three_ply_search():
    """Each ``exact`` truth value is checked by brute force: 1 = the mover wins now, or wins next move
    against every reply; 0 = the opponent has a winning reply."""
    env = GomokuEnv(size=9, rollouts=16, truth_rollouts=16)
    claims = {0.0: 0, 1.0: 0}
    for task_id in ("win1/0", "block4/0", "block4/1", "open3/0", "open3/1", "midgame/5"):
        state = env._state_for_task(task_id)
        me, opp = state.to_move, state.opponent
        empty = [int(m) for m in state.empty_points()]
        moves = env.legal_actions(state)
        for name, est in zip(moves, env.truth([(state, a) for a in moves])):
            if not est.exact or est.info["truth"] != "proof":  # "vcf" proofs: tests/test_gomoku_solver.py
                continue
            m = point_index(name, 9)
            rest = [q for q in empty if q != m]
            if est.value == 0.0:
                assert any(_wins(state.board, [(m, me), (q, opp)], opp) for q in rest), (task_id, name)
            else:
                assert est.value == 1.0
                assert _wins(state.board, [(m, me)], me) or all(
                    not _wins(state.board, [(m, me), (q, opp)], opp)
                    and any(_wins(state.board, [(m, me), (q, opp), (w, me)], me) for w in rest if w != q)
                    for q in rest), (task_id, name)
            claims[est.value] += 1
    assert claims[0.0] > 0 and claims[1.0] > 0


VCF_STATE = ("gomoku:15:free:K8,M6,K6,K7,J7,L5,I6,K5,O5,H5,I10,J5,I5,K3,M10,L9,M5,K4,I8,L3,O8,I7,J3,K2,K1,N8,J1,N1,M2,"
             "H9,H8,J8,L8,L6,M7,L4,L7,I1,L1,F3,L2")


def test_truth_sources_proof_first_then_the_named_oracle():
    from envs.gomoku import solver

    env = GomokuEnv(size=15, rollouts=16, truth_rollouts=64)
    state = decode_state(VCF_STATE)
    first = solver.vcf(state.board, state.to_move)
    from envs.gomoku.text import point_name

    win, other = point_name(first, 15), "A15"
    for source in (None, "uct:128", "flat:64"):
        t = env.truth([(VCF_STATE, win), (VCF_STATE, other)], source=source)
        assert (t[0].value, t[0].exact, t[0].info["truth"]) == (1.0, True, "vcf")
        label = source or "flat:64"
        if t[1].exact:  # A15 wastes a tempo: the solver may still prove the win (or the loss)
            assert t[1].info["truth"] == "vcf"
        else:
            assert t[1].info["truth"] == label and t[1].budget == int(label.split(":")[1])
    engine = env.truth([("gomoku:15:free:H8", "A1")], source=f"engine:{sys.executable} {FAKE_ENGINE}@30")[0]
    assert engine.info["truth"].startswith("engine:") and engine.budget == 30
    env.close()
    for bad, words in (("uct:0", "budget must be an integer"), ("mcts:5", "is not known"),
                       ("engine:pbrain", "names no engine and thinking time"), (5, "must be a string")):
        with pytest.raises(ValueError, match=words):
            env.truth([(VCF_STATE, win)], source=bad)
