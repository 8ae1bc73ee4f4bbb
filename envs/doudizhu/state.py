"""The two-player Dou Dizhu endgame state and its serialised form.

A state is both hands (open: each side sees the other's cards), the side to move, the play to beat (None
for a free lead) and the rule variant; positions of the tactical set also carry their kind. The side that
empties its hand first wins.

Serialised form (``info["state"]``), one character per card (``3..9``, ``T`` = 10, ``J Q K A 2``, ``X`` =
black joker, ``D`` = red joker)::

    ddz:<rules>:<hand A>:<hand B>:<side to move A|B>:<play to beat or ->[:<kind>]

    ddz:strict:33457:66QK2:A:-           A to lead freely
    ddz:strict:3345:66QK2:B:7            B to beat A's 7 (or pass)
    ddz:strict:35TTK:4667A:A:-:single    a tactical position: only a line of single cards wins

:func:`decode_state` validates everything and raises ``ValueError`` naming the problem.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .cards import DECK, N_RANKS, hand_from_chars, hand_to_chars, pack
from .moves import RULES, Play, classify, legal_plays, rule_flags

__all__ = ["SEATS", "KINDS", "DdzState", "encode_state", "decode_state"]

SEATS = ("A", "B")
#: kinds of tactical position (see :mod:`envs.doudizhu.endgames`)
KINDS = ("single",)
_PREFIX = "ddz"
_EXAMPLE = "'ddz:strict:33457:66QK2:A:-'"


@dataclass(frozen=True)
class DdzState:
    """An endgame position (immutable).

    Attributes:
        hands: the two hands as count vectors (seat A, seat B).
        to_move: 0 (A) or 1 (B).
        prev: the play to beat (made by the other side), or None for a free lead.
        rules: the rule variant (see :mod:`envs.doudizhu.moves`).
        kind: ``"single"`` for positions of the tactical set, else None.
    """

    hands: tuple[tuple[int, ...], tuple[int, ...]]
    to_move: int
    prev: Play | None = None
    rules: str = "strict"
    kind: str | None = None
    flags: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "flags", rule_flags(self.rules))

    @property
    def mover_hand(self) -> tuple[int, ...]:
        return self.hands[self.to_move]

    @property
    def other_hand(self) -> tuple[int, ...]:
        return self.hands[1 - self.to_move]

    @property
    def seat(self) -> str:
        return SEATS[self.to_move]

    def legal(self) -> list[Play]:
        """The mover's legal plays (cached per position)."""
        return list(_legal(pack(self.mover_hand), self.prev, self.flags))

    def legal_by_text(self) -> dict[str, Play]:
        return _legal_map(pack(self.mover_hand), self.prev, self.flags)

    def play(self, play: Play) -> "DdzState":
        """The state after the mover makes ``play`` (which must be legal; not checked here)."""
        hand = tuple(h - c for h, c in zip(self.mover_hand, play.cards))
        hands = (hand, self.hands[1]) if self.to_move == 0 else (self.hands[0], hand)
        prev = None if play.type == 0 else play
        return _make(hands, 1 - self.to_move, prev, self.rules)

    def winner(self) -> int | None:
        """The seat (0/1) that has emptied its hand, or None while both hold cards."""
        for i in (0, 1):
            if sum(self.hands[i]) == 0:
                return i
        return None


def _make(hands, to_move, prev, rules):
    return DdzState(hands, to_move, prev, rules)


@lru_cache(maxsize=8192)
def _legal(h: int, prev: Play | None, flags: int) -> tuple[Play, ...]:
    return tuple(legal_plays(_unpack(h), prev, flags))


@lru_cache(maxsize=8192)
def _legal_map(h: int, prev: Play | None, flags: int) -> dict[str, Play]:
    return {p.text: p for p in _legal(h, prev, flags)}


def _unpack(h: int) -> tuple[int, ...]:
    return tuple((h >> (4 * i)) & 15 for i in range(N_RANKS))


def encode_state(state: DdzState) -> str:
    prev = "-" if state.prev is None else hand_to_chars(state.prev.cards)
    text = (f"{_PREFIX}:{state.rules}:{hand_to_chars(state.hands[0])}:{hand_to_chars(state.hands[1])}:"
            f"{SEATS[state.to_move]}:{prev}")
    if state.kind is not None:
        text += f":{state.kind}"
    return text


def decode_state(text: str) -> DdzState:
    """The state of a serialised string; raises ``ValueError`` naming what is wrong with it.

    Rejected: another shape, an unknown rule variant or kind, unknown card characters, an empty hand (a
    finished game), more cards of a rank than the deck holds (both hands and the play to beat together),
    and a play to beat that is not a combination.
    """
    if not isinstance(text, str):
        raise ValueError(f"a Dou Dizhu state must be a string such as {_EXAMPLE}, got {type(text).__name__}")
    return _decode(text)


@lru_cache(maxsize=4096)
def _decode(text: str) -> DdzState:
    parts = text.strip().split(":")
    if len(parts) not in (6, 7) or parts[0] != _PREFIX:
        raise ValueError(f"state {text!r} is not a Dou Dizhu state; expected "
                         f"'ddz:<rules>:<hand A>:<hand B>:<A|B>:<play to beat or ->[:<kind>]', such as {_EXAMPLE}")
    rules = parts[1]
    if rules not in RULES:
        raise ValueError(f"state {text!r}: rules {rules!r} is not one of {tuple(RULES)}")
    a = hand_from_chars(parts[2], "hand A")
    b = hand_from_chars(parts[3], "hand B")
    if not sum(a) or not sum(b):
        raise ValueError(f"state {text!r} is a finished game (a hand is empty); pass a position with cards "
                         "in both hands")
    if parts[4] not in SEATS:
        raise ValueError(f"state {text!r}: the side to move {parts[4]!r} must be 'A' or 'B'")
    to_move = SEATS.index(parts[4])
    prev = None
    used = [x + y for x, y in zip(a, b)]
    if parts[5] != "-":
        cards = hand_from_chars(parts[5], "play to beat")
        prev = classify(cards, rules)
        if prev is None:
            raise ValueError(f"state {text!r}: the play to beat {parts[5]!r} is not a combination; write a "
                             "valid play (e.g. '55', '34567') or '-' for a free lead")
        used = [u + c for u, c in zip(used, cards)]
    for i, (u, cap) in enumerate(zip(used, DECK)):
        if u > cap:
            raise ValueError(f"state {text!r} holds {u} cards of rank {'3456789TJQKA2XD'[i]} (hands and play "
                             f"to beat together); the deck has {cap}")
    kind = None
    if len(parts) == 7:
        if parts[6] not in KINDS:
            raise ValueError(f"state {text!r}: kind {parts[6]!r} is not one of {KINDS}")
        kind = parts[6]
    return DdzState((a, b), to_move, prev, rules, kind)
