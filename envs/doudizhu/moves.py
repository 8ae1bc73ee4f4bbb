"""Dou Dizhu plays and the legal-move generator (numba kernel behind validating functions).

A play is ``(type, rank, length, cards)``: ``rank`` is the main rank (the trio of a trio-with-kickers, the
lowest rank of a chain), ``length`` the number of chain units (cards of a straight, pairs of a pair chain,
trios of a plane; 1 otherwise) and ``cards`` the count vector of all its cards. Two plays with the same
cards are the same play (suits do not matter), and under the rules below one multiset of cards is never
two different kinds of play, so a play is named by its cards: :attr:`Play.text` lists them lowest first
(``"3 3 3 5"``, ``"10 J Q K A"``, ``"Black Joker Red Joker"``); the pass is ``"pass"``.

Combinations (ranks 3 < ... < A < 2 < black joker < red joker):

========================  =====================================================================
solo, pair, trio          one, two, three cards of a rank (pairs and trios of 3..2)
trio with a solo / pair   a trio and one card / a pair of another rank
straight                  5 to 12 consecutive ranks from 3 to A
pair chain                3 to 10 consecutive pairs from 3 to A
plane                     2 to 6 consecutive trios from 3 to A (no 2), bare, or with one solo per trio
                          (2 to 5 trios) or one pair per trio (2 to 4 trios, pairs of distinct ranks) as
                          wings; wings are never of a rank in the chain
four with two             four of a rank with two solos (which may be a pair) or two pairs of distinct ranks
bomb, rocket              four of a rank; both jokers
========================  =====================================================================

A play beats the play to beat when it has the same type and length and a higher main rank; a bomb beats
every non-bomb and every lower bomb; the rocket beats everything. A pass is allowed only against a play
(the leader must play), and passing gives the other side a free lead.

**Rule variants.** Well-known implementations differ on three edge cases. The default (``rules="strict"``)
takes the stricter reading of each: the rocket is never kickers or wings, a bomb is never plane wings,
and a trio next to a plane is never its wings (``333 444`` + ``555`` is not a plane with wings: it would
be a longer chain). ``rules="rocket_kickers"`` lets both jokers serve as the two solos of four-with-two
or as plane solo wings; ``"bomb_wings"`` lets four cards of a rank serve as plane wings (four solos, or
two pairs); ``"loose"`` allows both. The third point has no variant: allowing it would make one multiset
of cards two different plays (``333444555666`` would be both a four-trio plane and a three-trio plane
with wings).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from . import _kernels as K
from .cards import N_RANKS, RANK_NAMES, check_hand, format_cards, pack

__all__ = [
    "TYPE_NAMES", "RULES", "Play", "PASS_PLAY", "legal_plays", "classify", "beats", "rule_flags",
    "play_from_meta", "all_plays",
]

TYPE_NAMES = ("pass", "solo", "pair", "trio", "trio with a solo", "trio with a pair", "straight",
              "pair chain", "plane", "plane with solo wings", "plane with pair wings", "four with two solos",
              "four with two pairs", "bomb", "rocket")
RULES = {"strict": 0, "rocket_kickers": K.ROCKET_KICKERS, "bomb_wings": K.BOMB_WINGS,
         "loose": K.ROCKET_KICKERS | K.BOMB_WINGS}


def rule_flags(rules: str) -> int:
    if rules not in RULES:
        raise ValueError(f"rules={rules!r} is not one of {tuple(RULES)}; 'strict' is the default "
                         "(see envs.doudizhu.moves)")
    return RULES[rules]


@dataclass(frozen=True)
class Play:
    """One play. ``meta`` and ``packed`` are the kernels' integers (see :mod:`envs.doudizhu._kernels`)."""

    type: int
    rank: int
    length: int
    cards: tuple[int, ...]

    @property
    def meta(self) -> int:
        return (self.type << 9) | (self.length << 4) | self.rank if self.type else 0

    @property
    def packed(self) -> int:
        return pack(self.cards)

    @property
    def text(self) -> str:
        """The canonical string: the cards lowest first, or ``"pass"``."""
        return "pass" if self.type == K.PASS else format_cards(self.cards)

    @property
    def type_name(self) -> str:
        return TYPE_NAMES[self.type]

    @property
    def n_cards(self) -> int:
        return sum(self.cards)

    def describe(self) -> str:
        """E.g. ``"straight of 5 from 10"``, ``"pair of 7"``, ``"pass"``."""
        if self.type == K.PASS:
            return "pass"
        if self.type == K.ROCKET:
            return "rocket"
        r = RANK_NAMES[self.rank]
        if self.type in (K.STRAIGHT, K.PAIR_CHAIN, K.PLANE, K.PLANE_SOLO, K.PLANE_PAIR):
            return f"{self.type_name} of {self.length} from {r}"
        return f"{self.type_name} of {r}"

    def __str__(self) -> str:
        return self.text


PASS_PLAY = Play(K.PASS, 0, 0, (0,) * N_RANKS)


def play_from_meta(cards_packed: int, meta: int) -> Play:
    if meta == 0:
        return PASS_PLAY
    return Play(meta >> 9, meta & 15, (meta >> 4) & 31, tuple((cards_packed >> s) & 15 for s in _SHIFTS))


_SHIFTS = tuple(range(0, 4 * N_RANKS, 4))


_SMALL = 1024


def _gen(h: int, prev_meta: int, flags: int) -> tuple[np.ndarray, np.ndarray]:
    out_c = np.empty(_SMALL, np.int64)
    out_m = np.empty(_SMALL, np.int64)
    n = K.gen_k(np.int64(h), np.int64(prev_meta), np.int64(flags), out_c, out_m)
    if n > _SMALL:  # a large hand: again, with room for every play of the deck
        out_c = np.empty(K.BUF, np.int64)
        out_m = np.empty(K.BUF, np.int64)
        n = K.gen_k(np.int64(h), np.int64(prev_meta), np.int64(flags), out_c, out_m)
    return out_c[:n], out_m[:n]


def _check_prev(prev, flags: int) -> int:
    if prev is None:
        return 0
    if not isinstance(prev, Play):
        raise ValueError(f"prev must be a Play (or None for a free lead), got {prev!r}")
    if prev.type == K.PASS:
        return 0
    if classify(prev.cards, flags) != prev:
        raise ValueError(f"prev={prev!r} is not a valid play; build it with classify(cards)")
    return prev.meta


def legal_plays(hand, prev: Play | None = None, rules: str | int = "strict") -> list[Play]:
    """Every distinct legal play of ``hand`` (15 counts) against ``prev`` (None or a pass: a free lead).

    Against a play, the first is the pass. Suits do not matter: each multiset of cards appears once.
    """
    flags = rule_flags(rules) if isinstance(rules, str) else int(rules)
    h = pack(check_hand(hand))
    cs, ms = _gen(h, _check_prev(prev, flags), flags)
    return [play_from_meta(c, m) for c, m in zip(cs.tolist(), ms.tolist())]


@lru_cache(maxsize=65536)
def _classify(h: int, flags: int) -> Play | None:
    cs, ms = _gen(h, 0, flags)
    hits = np.flatnonzero(cs == h)
    if hits.size == 0:
        return None
    return play_from_meta(h, int(ms[hits[0]]))


def classify(cards, rules: str | int = "strict") -> Play | None:
    """The play made of exactly ``cards`` (15 counts), or None if they form no combination."""
    flags = rule_flags(rules) if isinstance(rules, str) else int(rules)
    counts = check_hand(cards, "cards")
    if sum(counts) == 0:
        return None
    return _classify(pack(counts), flags)


def beats(play: Play, prev: Play | None) -> bool:
    """Whether ``play`` may follow ``prev`` (a pass only against a play; anything on a free lead)."""
    if prev is None or prev.type == K.PASS:
        return play.type != K.PASS
    if play.type == K.PASS:
        return True
    if play.type == K.ROCKET:
        return True
    if prev.type == K.ROCKET:
        return False
    if play.type == K.BOMB:
        return prev.type != K.BOMB or play.rank > prev.rank
    return play.type == prev.type and play.length == prev.length and play.rank > prev.rank


@lru_cache(maxsize=4)
def all_plays(rules: str = "strict") -> tuple[Play, ...]:
    """Every play that exists in the 54-card deck (27471 under the strict rule), in generator order."""
    flags = rule_flags(rules)
    deck = pack((4,) * 13 + (1, 1))
    cs, ms = _gen(deck, 0, flags)
    return tuple(play_from_meta(c, m) for c, m in zip(cs.tolist(), ms.tolist()))
