"""DouDizhuEndgame-LLM-v0: parser, states, rewards, truths, game mode, task ids and arguments."""
import math
import pickle

import gymnasium as gym
import numpy as np
import pytest

import envs  # noqa: F401
from envs.core import budget_name_for
from envs.doudizhu import solvers
from envs.doudizhu.cards import parse_cards
from envs.doudizhu.state import decode_state, encode_state
from envs.doudizhu.text import parse_play

ENV_ID = "DouDizhuEndgame-LLM-v0"


def make(**kw):
    return gym.make(ENV_ID, **kw).unwrapped


@pytest.mark.parametrize("text, canonical", [
    ("3 3 3 5", "3 3 3 5"), ("5333", "3 3 3 5"), ("3,3, 3 ,5", "3 3 3 5"),
    ("TJQKA", "10 J Q K A"), ("10 j q k a", "10 J Q K A"), ("a k q j 10", "10 J Q K A"),
    ("X D", "Black Joker Red Joker"), ("BJ RJ", "Black Joker Red Joker"), ("RJ BJ", "Black Joker Red Joker"),
    ("小王 大王", "Black Joker Red Joker"), ("大王小王", "Black Joker Red Joker"), ("B R", "Black Joker Red Joker"),
    ("Black Joker Red Joker", "Black Joker Red Joker"), ("red joker", "Red Joker"), ("2 2", "2 2"),
    ("pass", "pass"), ("PASS", "pass"), (" Pass. ", "pass"), ("不要", "pass"), ("过", "pass"),
    ("3 3 3 3 3", "3 3 3 3 3"),  # cards, though no deck has five 3s: well-formed, illegal
])
def test_parser_reads_the_notation(text, canonical):
    assert parse_play(text) == canonical


@pytest.mark.parametrize("text", ["", "   ", "play the pair", "1", "3 3 and 4", "hello", "0", "11", "Z",
                                  "3" * 300])
def test_text_naming_no_play_is_none(text):
    assert parse_play(text) is None


def test_rewards_format_illegal_and_legal():
    env = make()
    _, info = env.reset(options={"state": "ddz:strict:3345K:66QA2:A:-"})
    state = info["state"]
    scored = env.score_completions([state] * 6, [
        "<answer>3 3</answer>",      # legal
        "<answer>5 3 3 4</answer>",   # in the hand, not a combination: illegal
        "<answer>6 6</answer>",       # not in the hand: illegal
        "<answer>pass</answer>",      # a pass on a free lead: illegal
        "I play something",          # no play at all: format error
        "<answer>33</answer>",
    ], seed=3)
    assert scored[0].legal and scored[0].action == "3 3" and scored[0].reward == pytest.approx(
        0.1 + scored[0].estimate.value)
    for s in scored[1:4]:
        assert s.format_ok and not s.legal and s.reward == pytest.approx(-0.9)
    assert scored[2].action == "6 6" and scored[3].action == "pass"
    assert not scored[4].format_ok and scored[4].reward == pytest.approx(-0.1)
    assert scored[5].legal and scored[5].action == "3 3"
    # bare last line without tags
    s = env.score_completions([state], ["I will lead the pair.\n3 3"], seed=0)[0]
    assert s.legal and s.action == "3 3"


def test_play_to_beat_and_pass():
    env = make()
    obs, info = env.reset(options={"state": "ddz:strict:3345K:66QA2:B:44"})
    assert "To beat: 4 4" in obs and "pass" in obs
    assert info["legal_actions"][0] == "pass" and "6 6" in info["legal_actions"]
    assert "Q" not in info["legal_actions"]  # a solo does not beat a pair
    s = env.score_completions([info["state"]], ["<answer>不要</answer>"], seed=1)[0]
    assert s.legal and s.action == "pass"


def test_winning_play_is_exact_and_info_lists_winning_plays():
    env = make()
    env.reset(options={"state": "ddz:strict:3334:55:A:-"})
    _, reward, term, _, info = env.step("<answer>3334</answer>")
    assert info["estimate"] == {"value": 1.0, "stderr": 0.0, "budget": 256, "exact": True}
    assert reward == pytest.approx(1.1) and term
    assert info["correct"] and "3 3 3 4" in info["winning_plays"]


def test_truths_are_exact_and_match_the_solvers():
    env = make()
    state = env.sample_states(1, seed=4)[0]
    acts = env.candidate_actions(state)
    mm = env.truth([(state, a) for a in acts])
    rv = env.truth([(state, a) for a in acts], source="random")
    s = decode_state(state)
    ref_mm, _, _ = solvers.solve(s, perfect=True)
    ref_rv, _, _ = solvers.solve(s, perfect=False)
    assert [e.value for e in mm] == list(ref_mm) and all(e.exact for e in mm)
    assert [e.value for e in rv] == pytest.approx(list(ref_rv))
    assert len({e.value for e in mm}) == 2  # the filter keeps positions where the choice matters
    assert make(truth="random").truth([(state, acts[0])])[0].value == pytest.approx(ref_rv[0])
    with pytest.raises(ValueError, match="source"):
        env.truth([(state, acts[0])], source="uct")


def test_large_hands_get_estimated_truths_and_fast_steps():
    env = make(hand_size=(17, 20), truth_rollouts=64)
    obs, info = env.reset(seed=0)
    assert "17 cards" in obs and "20 cards" in obs
    _, reward, _, _, step_info = env.step(f"<answer>{info['legal_actions'][0]}</answer>")
    assert math.isfinite(reward) and "winning_plays" not in step_info
    t = env.truth([(info["state"], info["legal_actions"][0])])[0]
    assert not t.exact and t.budget == 64


def test_task_ids_difficulty_and_single_card_set():
    env = make(task="single")
    a = env.reset(options={"task_id": "single/5"})[1]["state"]
    b = make().reset(options={"task_id": "single/5"})[1]["state"]
    assert a == b and a.endswith(":single")
    s = decode_state(a)
    values, _, _ = solvers.solve(s, perfect=True)
    wins = [p for p, v in zip(s.legal(), values) if v == 1.0]
    assert wins and all(p.type_name == "solo" for p in wins)
    assert any(p.n_cards >= 2 for p in s.legal())
    hard = make(max_winning=1)
    for k in range(3):
        st = decode_state(hard.sample_states(1, seed=k)[0])
        values, _, _ = solvers.solve(st, perfect=True)
        assert values.sum() == 1.0
    with pytest.raises(ValueError, match="task id"):
        env.reset(options={"task_id": "nope/1"})
    assert env.reset(options={"task_id": 3})[1]["state"] == env.sample_states(1, seed=3)[0]


def test_asymmetric_hands_and_rule_variants():
    env = make(hand_size=(4, 6), rules="loose")
    state = decode_state(env.reset(seed=1)[1]["state"])
    assert sum(state.hands[0]) == 4 and sum(state.hands[1]) == 6 and state.rules == "loose"
    with pytest.raises(ValueError, match="rules"):
        make().reset(options={"state": encode_state(state)})


def test_game_mode_return_is_the_format_term_plus_the_outcome_whatever_the_length():
    lengths = set()
    for opponent in ("random", "minimax", "uct"):
        env = make(mode="game", opponent=opponent, opponent_rollouts=64, rollouts=32)
        rng = np.random.default_rng(0)
        for seed in range(3):
            _, info = env.reset(seed=seed)
            total, steps = 0.0, 0
            while True:
                legal = info["legal_actions"]
                obs, r, term, _, info = env.step(f"<answer>{legal[int(rng.integers(len(legal)))]}</answer>")
                total += r
                steps += 1
                if term:
                    break
            outcome = 1.0 if info["outcome"] == "win" else 0.0
            assert total == pytest.approx(0.1 + outcome), (opponent, steps)
            lengths.add(steps)
    assert len(lengths) > 1  # games of several lengths, all with the same return for the same outcome


def test_game_mode_invalid_answer_ends_the_game_as_a_loss():
    env = make(mode="game")
    _, info = env.reset(seed=2)
    _, r1, term, _, info = env.step(f"<answer>{info['legal_actions'][0]}</answer>")
    if term:
        return
    value = info["estimate"]["value"]
    _, r2, term, _, info = env.step("no idea")
    assert term and info["outcome"] == "loss"
    assert r1 == pytest.approx(value)  # no format term before the last step
    assert r1 + r2 == pytest.approx(-0.1)
    assert r2 == pytest.approx(-0.1 - value)


def test_minimax_opponent_never_lets_a_lost_position_slip():
    env = make(mode="game", opponent="minimax")
    for seed in range(4):
        _, info = env.reset(seed=seed)
        s = decode_state(info["state"])
        values, _, _ = solvers.solve(s, perfect=True)
        losing = [a for a, v in zip(info["legal_actions"], values) if v == 0.0]
        _, _, term, _, info = env.step(f"<answer>{losing[0]}</answer>")
        while not term:
            _, _, term, _, info = env.step(f"<answer>{info['legal_actions'][0]}</answer>")
        assert info["outcome"] == "loss"


def test_arguments_are_validated_with_clear_errors():
    for kw, match in [({"hand_size": 0}, "hand_size"), ({"hand_size": (5, 21)}, "hand_size"),
                      ({"estimator": "engine"}, "estimator"), ({"truth": "uct"}, "truth"),
                      ({"mode": "x"}, "mode"), ({"opponent": "mcts"}, "opponent"), ({"rules": "x"}, "rules"),
                      ({"max_winning": 0}, "max_winning"), ({"rollouts": 0}, "rollouts"),
                      ({"task": "single", "hand_size": 14}, "minimax"), ({"uct_c": -1.0}, "c")]:
        with pytest.raises(ValueError, match=match):
            make(**kw)
    assert budget_name_for(ENV_ID, {}) == "rollouts"
    assert make(hand_size="4,6").sizes == (4, 6)


def test_pickled_env_and_charset():
    env = make()
    obs, info = env.reset(seed=0)
    copy = pickle.loads(pickle.dumps(env))
    a = env.score_completions([info["state"]], [f"<answer>{info['legal_actions'][0]}</answer>"], seed=2)[0]
    b = copy.score_completions([info["state"]], [f"<answer>{info['legal_actions'][0]}</answer>"], seed=2)[0]
    assert a.reward == b.reward
    assert set(obs) <= set(env.instance_charset)


def test_state_strings_are_validated():
    for bad, match in [("ddz:strict:33333:44:A:-", "deck has 4"), ("ddz:strict::44:A:-", "finished"),
                       ("ddz:strict:33:44:C:-", "'A' or 'B'"), ("ddz:strict:33:44:A:34", "not a combination"),
                       ("ddz:nope:33:44:A:-", "rules"), ("gomoku:9:free:", "not a Dou Dizhu state"),
                       ("ddz:strict:3Z:44:A:-", "not a card"), ("ddz:strict:33:44:A:-:hard", "kind")]:
        with pytest.raises(ValueError, match=match):
            decode_state(bad)
    s = "ddz:strict:3345K:66QA2:B:44"
    assert encode_state(decode_state(s)) == s
    assert parse_cards("3 3") == (2,) + (0,) * 14


def test_rewarddial_play_lets_a_person_play_a_game(monkeypatch, capsys):
    import io
    import sys

    from envs.cli import main

    env = make(mode="game")
    _, info = env.reset(seed=4)
    first = info["legal_actions"][0]
    moves = f"{first}\npass\npass\nquit\n"  # a pass may be illegal: the env says so and asks again
    monkeypatch.setattr(sys, "stdin", io.StringIO(moves))
    assert main(["play", ENV_ID, "--seed", "4", "--set", "mode=game", "--set", "rollouts=16"]) == 0
    out = capsys.readouterr().out
    assert "Your hand" in out and f"action {first}" in out
