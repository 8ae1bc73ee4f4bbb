"""The Dou Dizhu move generator against a slow reference that enumerates sub-multisets and classifies each."""
import itertools

import numpy as np
import pytest

from envs.doudizhu import cards as C
from envs.doudizhu.moves import RULES, all_plays, beats, classify, legal_plays

DECK = [r for r in range(13) for _ in range(4)] + [13, 14]
ACE, TWO = 11, 12


# ------------------------------------------------------------------------------ the slow reference
def _chain(ranks, need):
    """(low, length) if ``ranks`` are consecutive from 3 to A, else None."""
    rs = sorted(ranks)
    if rs[-1] > ACE or any(b != a + 1 for a, b in zip(rs, rs[1:])):
        return None
    return rs[0], len(rs)


def ref_classify(counts, rules="strict"):
    """Every (type, rank, length) reading of the multiset ``counts``, straight from the rule text."""
    rocket_ok = rules in ("rocket_kickers", "loose")
    bomb_ok = rules in ("bomb_wings", "loose")
    n = sum(counts)
    present = [r for r in range(15) if counts[r]]
    out = set()
    if n == 0:
        return out
    if len(present) == 1:
        r = present[0]
        k = counts[r]
        if k == 1:
            out.add(("solo", r, 1))
        elif k == 2:
            out.add(("pair", r, 1))
        elif k == 3:
            out.add(("trio", r, 1))
        elif k == 4:
            out.add(("bomb", r, 1))
    if counts[13] == 1 and counts[14] == 1 and n == 2:
        out.add(("rocket", 13, 1))
    for r in range(13):
        if counts[r] == 3:
            rest = [counts[q] if q != r else 0 for q in range(15)]
            if sum(rest) == 1:
                out.add(("trio with a solo", r, 1))
            if sum(rest) == 2 and max(rest) == 2 and any(rest[q] == 2 for q in range(13)):
                out.add(("trio with a pair", r, 1))
        if counts[r] == 4:
            rest = [counts[q] if q != r else 0 for q in range(15)]
            if sum(rest) == 2 and not (rest[13] and rest[14] and not rocket_ok):
                out.add(("four with two solos", r, 1))
            if sum(rest) == 4 and all(v in (0, 2) for v in rest) and sum(v == 2 for v in rest) == 2 \
                    and rest[13] == rest[14] == 0:
                out.add(("four with two pairs", r, 1))
    if all(counts[r] == 1 for r in present) and len(present) >= 5:
        ch = _chain(present, 1)
        if ch:
            out.add(("straight", ch[0], ch[1]))
    if all(counts[r] == 2 for r in present) and len(present) >= 3:
        ch = _chain(present, 2)
        if ch and ch[1] <= 10:
            out.add(("pair chain", ch[0], ch[1]))
    # planes: choose the chain (consecutive ranks holding at least three cards), the rest are wings
    for lo in range(0, ACE + 1):
        for hi in range(lo + 1, ACE + 1):
            if any(counts[r] < 3 for r in range(lo, hi + 1)):
                break
            length = hi - lo + 1
            wings = [counts[q] - (3 if lo <= q <= hi else 0) for q in range(15)]
            if any(wings[q] for q in range(lo, hi + 1)):
                continue  # wings never of a rank in the chain
            w = sum(wings)
            if w == 0 and length <= 6:
                out.add(("plane", lo, length))
            adjacent = [q for q in (lo - 1, hi + 1) if 0 <= q <= ACE]
            if w == length and length <= 5:
                if any(wings[q] >= 3 for q in adjacent):
                    continue
                if any(v == 4 for v in wings) and not bomb_ok:
                    continue
                if wings[13] and wings[14] and not rocket_ok:
                    continue
                out.add(("plane with solo wings", lo, length))
            if w == 2 * length and length <= 4:
                ok = all(v in (0, 2) for v in wings) or (bomb_ok and all(v in (0, 2, 4) for v in wings))
                if ok and wings[13] == wings[14] == 0:
                    out.add(("plane with pair wings", lo, length))
    return out


def ref_legal(hand, prev, rules="strict"):
    """Every sub-multiset of the hand that classifies as a play beating ``prev``, as canonical strings."""
    out = set()
    for sub in itertools.product(*[range(c + 1) for c in hand]):
        for kind, rank, length in ref_classify(sub, rules):
            ok = prev is None
            if prev is not None:
                pk, pr, pl = prev
                if kind == "rocket":
                    ok = True
                elif pk == "rocket":
                    ok = False
                elif kind == "bomb":
                    ok = pk != "bomb" or rank > pr
                else:
                    ok = kind == pk and length == pl and rank > pr
            if ok:
                out.add(C.format_cards(sub))
    if prev is not None:
        out.add("pass")
    return out


def _hand(rng, n):
    perm = rng.permutation(DECK)
    return tuple(int(x) for x in np.bincount(perm[:n], minlength=15))


def _prev_play(rng, rules):
    """A random play from a random 12-card hand (or None: a free lead)."""
    if rng.random() < 0.3:
        return None
    plays = legal_plays(_hand(rng, 12), None, rules)
    return plays[int(rng.integers(len(plays)))]


# ------------------------------------------------------------------------------------------ tests
@pytest.mark.parametrize("rules", list(RULES))
def test_generator_matches_the_reference_on_random_hands(rules):
    rng = np.random.default_rng(hash(rules) % 1000)
    for trial in range(150 if rules == "strict" else 40):
        n = int(rng.integers(1, 13))
        hand = _hand(rng, n)
        prev = _prev_play(rng, rules)
        got = [p.text for p in legal_plays(hand, prev, rules)]
        assert len(got) == len(set(got)), f"duplicate plays for {hand}"
        ref_prev = None if prev is None else (prev.type_name, prev.rank, prev.length)
        assert set(got) == ref_legal(hand, ref_prev, rules), (C.hand_to_chars(hand), prev)


def test_generator_matches_the_reference_on_combination_rich_hands():
    """Hands with many trios and pairs, where planes, wings and four-with-two are plentiful."""
    rng = np.random.default_rng(5)
    for _ in range(25):
        ranks = rng.choice(12, size=5, replace=False)
        hand = [0] * 15
        for r in ranks:
            hand[int(r)] = int(rng.integers(2, 5))
        hand[13], hand[14] = int(rng.integers(0, 2)), int(rng.integers(0, 2))
        hand = tuple(hand)
        if sum(hand) > 16:
            continue
        for rules in ("strict", "loose"):
            got = {p.text for p in legal_plays(hand, None, rules)}
            assert got == ref_legal(hand, None, rules), (C.hand_to_chars(hand), rules)


@pytest.mark.parametrize("rules", list(RULES))
def test_no_multiset_is_two_different_plays(rules):
    rng = np.random.default_rng(11)
    for _ in range(40):
        hand = _hand(rng, 12)
        for play in legal_plays(hand, None, rules):
            readings = ref_classify(play.cards, rules)
            assert readings == {(play.type_name, play.rank, play.length)}, play.text


def test_strict_rule_edge_cases():
    h = C.hand_from_chars
    # a trio next to the plane is not its wings: 333444555 is a plane, not 333444 with wings
    assert classify(h("333444555")).type_name == "plane"
    assert classify(h("333444555666")).type_name == "plane"
    assert classify(h("333444777")) is None  # 777 as one solo-wing trio needs a three-trio plane
    assert classify(h("333444555777")).type_name == "plane with solo wings"  # 7 is not next to 3..5
    assert classify(h("333444555666")).length == 4
    # the rocket as kickers or wings
    assert classify(h("2222XD")) is None
    assert classify(h("2222XD"), "rocket_kickers").type_name == "four with two solos"
    assert classify(h("333444XD")) is None
    assert classify(h("333444XD"), "loose").type_name == "plane with solo wings"
    # a bomb as plane wings
    assert classify(h("3334445556669999")) is None
    assert classify(h("3334445556669999"), "bomb_wings").type_name == "plane with solo wings"
    assert classify(h("3334449999"), "bomb_wings").type_name == "plane with pair wings"
    assert classify(h("3334449999")) is None
    # kickers: four with a pair as its two solos, two pairs of distinct ranks only
    assert classify(h("333355")).type_name == "four with two solos"
    assert classify(h("33335566")).type_name == "four with two pairs"
    assert classify(h("33334444")) is None
    assert classify(h("3456789TJQKA")).type_name == "straight"
    assert classify(h("3456789TJQKA2")) is None
    assert classify(h("QKA2X")) is None


def test_beats_and_the_whole_deck():
    h = C.hand_from_chars
    assert beats(classify(h("44")), classify(h("33")))
    assert not beats(classify(h("33")), classify(h("44")))
    assert not beats(classify(h("445566")), classify(h("33")))
    assert beats(classify(h("3333")), classify(h("AAA22")))
    assert beats(classify(h("XD")), classify(h("2222")))
    assert not beats(classify(h("2222")), classify(h("XD")))
    assert beats(classify(h("4444")), classify(h("3333")))
    assert len(all_plays("strict")) == 27471
    assert len({p.packed for p in all_plays("strict")}) == 27471


def test_legal_plays_validates_its_input():
    with pytest.raises(ValueError, match="rank 3"):
        legal_plays((5,) + (0,) * 14)
    with pytest.raises(ValueError, match="rules"):
        legal_plays(C.hand_from_chars("33"), None, "nonsense")
    with pytest.raises(ValueError, match="15"):
        legal_plays((1, 2))
