"""Exact solvers against brute force, minimax self-play, and rollouts against the exact random-play value."""
from functools import lru_cache

import numpy as np
import pytest

from envs.doudizhu import endgames, oracle, solvers
from envs.doudizhu.cards import hand_from_chars
from envs.doudizhu.moves import legal_plays
from envs.doudizhu.state import DdzState, decode_state


# ----------------------------------------------------------------------- brute force (plain recursion)
def _after(hands, to_move, play):
    hand = tuple(h - c for h, c in zip(hands[to_move], play.cards))
    return (hand, hands[1]) if to_move == 0 else (hands[0], hand)


@lru_cache(maxsize=None)
def brute_minimax(hands, to_move, prev):
    """1 if the side to move wins with perfect play (plain recursion over every play)."""
    for play in legal_plays(hands[to_move], prev):
        after = _after(hands, to_move, play)
        if sum(after[to_move]) == 0:
            return 1
        if brute_minimax(after, 1 - to_move, None if play.type == 0 else play) == 0:
            return 1
    return 0


@lru_cache(maxsize=None)
def brute_random(hands, to_move, prev):
    """The side to move's win probability when both play uniformly at random (plain recursion)."""
    plays = legal_plays(hands[to_move], prev)
    total = 0.0
    for play in plays:
        after = _after(hands, to_move, play)
        if sum(after[to_move]) == 0:
            total += 1.0
        else:
            total += 1.0 - brute_random(after, 1 - to_move, None if play.type == 0 else play)
    return total / len(plays)


def brute_values(state, perfect):
    out = []
    for play in state.legal():
        after = _after(state.hands, state.to_move, play)
        if sum(after[state.to_move]) == 0:
            out.append(1.0)
        else:
            f = brute_minimax if perfect else brute_random
            out.append(1.0 - f(after, 1 - state.to_move, None if play.type == 0 else play))
    return np.array(out)


def _small_states(n, seed, sizes=((3, 3), (4, 3), (4, 4), (2, 5))):
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        out.append(endgames.deal(rng, sizes[i % len(sizes)]))
    # plus some positions with a play to beat and bombs / the rocket
    out.append(decode_state("ddz:strict:3334X:5556D:B:44"))
    out.append(decode_state("ddz:strict:33337:4444:A:-"))
    out.append(decode_state("ddz:strict:56789T:XD3:B:34567"))
    return out


@pytest.mark.parametrize("perfect", [True, False])
def test_solvers_agree_with_brute_force_on_small_hands(perfect):
    for state in _small_states(40, seed=1 if perfect else 2):
        values, sv, n = solvers.solve(state, perfect=perfect)
        ref = brute_values(state, perfect)
        np.testing.assert_allclose(values, ref, atol=1e-12, err_msg=str(state))
        assert n >= 0
        expect = ref.max() if perfect else ref.mean()
        assert sv == pytest.approx(expect)
        assert solvers.state_value(state, perfect) == pytest.approx(expect)


def test_a_full_memo_still_gives_exact_values(monkeypatch):
    """Once the memo table stops storing (load limit) the values stay exact."""
    state = endgames.deal(np.random.default_rng(3), (5, 5))
    exact, _, _ = solvers.solve(state, perfect=False)
    monkeypatch.setattr(solvers, "_sizes", lambda s, p: (4, 1 << 14))
    small, _, n = solvers.solve(state, perfect=False)
    assert n <= 16
    np.testing.assert_allclose(small, exact, atol=1e-12)


def test_minimax_never_loses_a_won_position_in_self_play():
    rng = np.random.default_rng(7)
    games = 0
    for sizes in ((5, 5), (6, 4), (7, 7)):
        for k in range(6):
            state = endgames.deal(rng, sizes)
            if solvers.state_value(state, True) != 1.0:
                continue
            games += 1
            winner_seat = state.to_move
            while state.winner() is None:
                plays = state.legal()
                if state.to_move == winner_seat:
                    values, _, _ = solvers.solve(state, plays, perfect=True)
                    assert values.max() == 1.0, f"lost the thread in {state}"
                    state = state.play(plays[int(np.argmax(values))])
                else:  # the defender tries anything: random plays, or its own best (all losing) play
                    state = state.play(plays[int(rng.integers(len(plays)))])
            assert state.winner() == winner_seat
    assert games >= 6


def test_solver_limits_and_input_errors():
    big = endgames.deal(np.random.default_rng(0), (10, 10))
    assert not solvers.solvable(big, perfect=False) and solvers.solvable(big, perfect=True)
    with pytest.raises(ValueError, match="at most 16 cards"):
        solvers.solve(big, perfect=False)
    with pytest.raises(ValueError, match="DdzState"):
        solvers.solve("ddz:strict:3:4:A:-")
    state = decode_state("ddz:strict:3345:66:A:-")
    with pytest.raises(ValueError, match="not legal"):
        solvers.solve(state, [legal_plays(hand_from_chars("66"))[0]])


def test_flat_rollouts_lie_within_their_calibrated_error_of_the_exact_random_value():
    rng = np.random.default_rng(12)
    z = []
    for i in range(8):
        state = endgames.deal(rng, (5, 5))
        plays = state.legal()
        exact, _, _ = solvers.solve(state, plays, perfect=False)
        values, stderrs = oracle.flat_mc([state] * len(plays), plays, 2048, 100 * i + np.arange(len(plays)))
        for v, se, t in zip(values, stderrs, exact):
            if t in (0.0, 1.0):
                assert v == t
                continue
            assert abs(v - t) <= 5 * se, (state, v, t, se)
            z.append((v - t) / se)
    z = np.array(z)
    assert len(z) > 20
    assert abs(z.sum()) / np.sqrt(len(z)) <= 3.0  # no bias
    assert 0.3 < np.mean(z**2) < 2.2  # calibrated standard errors


def test_samples_are_common_random_numbers_and_mean_is_the_estimate():
    state = endgames.deal(np.random.default_rng(4), (5, 5))
    play = state.legal()[1]
    a = oracle.flat_samples(state, play, 64, 9)
    b = oracle.flat_samples(state, play, 128, 9)
    np.testing.assert_array_equal(a, b[:64])
    v, _ = oracle.flat_mc([state], [play], 64, [9])
    assert v[0] == pytest.approx(a.mean())
    # UCT: the same seed gives the same search; a larger budget gets closer to the minimax value
    u1, _ = oracle.uct([state], [play], 256, [9])
    u2, _ = oracle.uct([state], [play], 256, [9])
    assert u1[0] == u2[0]


def test_uct_approaches_the_minimax_value_as_the_budget_grows():
    rng = np.random.default_rng(21)
    errs = {64: [], 8192: []}
    for _ in range(6):
        state = endgames.generate("deal", int(rng.integers(1 << 30)), (5, 5))
        plays = state.legal()
        mm, _, _ = solvers.solve(state, plays, perfect=True)
        for b in errs:
            v, _ = oracle.uct([state] * len(plays), plays, b, np.arange(len(plays)))
            errs[b].append(np.mean(np.abs(v - mm)))
    assert np.mean(errs[8192]) < 0.75 * np.mean(errs[64])


def test_oracle_validates_queries():
    state = decode_state("ddz:strict:3345:66:A:-")
    play = state.legal()[0]
    with pytest.raises(ValueError, match="rollouts"):
        oracle.flat_mc([state], [play], 0, [1])
    with pytest.raises(ValueError, match="seeds"):
        oracle.flat_mc([state], [play], 8, [1, 2])
    other = legal_plays(hand_from_chars("66"))[0]
    with pytest.raises(ValueError, match="not legal"):
        oracle.flat_mc([state], [other], 8, [1])
    with pytest.raises(ValueError, match="DdzState"):
        oracle.flat_mc(["x"], [play], 8, [1])
    assert isinstance(state, DdzState)


def _fork_child_values(seed):
    state = endgames.deal(np.random.default_rng(seed), (5, 5))
    plays = state.legal()
    v, _ = oracle.flat_mc([state] * len(plays), plays, 64, np.arange(len(plays)))
    u, _ = oracle.uct([state] * len(plays), plays, 64, np.arange(len(plays)))
    return v.tolist() + u.tolist()


@pytest.mark.slow
def test_batches_work_in_a_process_forked_after_the_thread_pool_started():
    """GNU OpenMP is not fork-safe: a forked child runs its batches on one thread, with the same results."""
    import multiprocessing

    want = [_fork_child_values(s) for s in range(3)]  # starts numba's thread pool in this process
    with multiprocessing.get_context("fork").Pool(2) as pool:
        got = pool.map_async(_fork_child_values, range(3)).get(timeout=120)
    assert got == want


def test_a_new_process_loads_the_solvers_from_the_cache():
    """The solvers are not recursive (numba cannot cache recursive functions): a new process loads them."""
    import os
    import subprocess
    import sys

    solvers.state_value(decode_state("ddz:strict:3345:66Q:A:-"), True)
    code = ("from envs.doudizhu import solvers, _kernels as K\n"
            "from envs.doudizhu.state import decode_state\n"
            "solvers.state_value(decode_state('ddz:strict:3345:66Q:A:-'), True)\n"
            "st = K.state_value_k.stats\n"
            "print(sum(st.cache_hits.values()), sum(st.cache_misses.values()))\n")
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": repo})
    hits, misses = map(int, out.stdout.split())
    assert hits >= 1 and misses == 0
