"""Dou Dizhu cards as text: rank names, hands as count vectors, and the card notation people write.

Suits do not matter, so a hand (or a play) is a count vector over the 15 ranks, lowest first::

    index  0   1   2   3   4   5   6   7    8   9   10  11  12  13           14
    rank   3   4   5   6   7   8   9   10   J   Q   K   A   2   Black Joker  Red Joker
    char   3   4   5   6   7   8   9   T    J   Q   K   A   2   X            D

with at most 4 cards of each of the 13 ranks 3..2 and one of each joker (the 54-card deck).

* Display (prompts, canonical plays): the rank names above separated by spaces, lowest first, so a play
  reads ``"3 3 3 5"``, ``"10 J Q K A"``, ``"2 2 Black Joker Red Joker"``.
* Serialised states use one character per card (``"333TX"``): the ``char`` row.
* :func:`parse_cards` reads what people and models write: ``10`` or ``T`` (any case), ``J Q K A 2``, the
  jokers as ``X``/``B``/``BJ``/``小王``/``Black Joker`` (black) and ``D``/``R``/``RJ``/``大王``/``Red Joker``
  (red), in any order, with or without spaces or commas between them (``"33345"``, ``"3,3,3,4,5"``,
  ``"TJQKA"``, ``"10jqka"``). Runs of letters are read greedily (``"BJ"`` is the black joker, ``"B J"`` the
  black joker and a jack).
"""
from __future__ import annotations

import re

__all__ = [
    "N_RANKS", "RANK_NAMES", "RANK_CHARS", "DECK", "hand_from_chars", "hand_to_chars", "format_cards",
    "parse_cards", "pack", "unpack", "n_cards", "check_hand", "is_pass_text",
]

N_RANKS = 15
RANK_NAMES = ("3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K", "A", "2", "Black Joker", "Red Joker")
RANK_CHARS = "3456789TJQKA2XD"
#: the number of cards of each rank in the deck
DECK = (4,) * 13 + (1, 1)

# tokens of the written notation, longest first (matched case-insensitively, after removing separators
# inside the two-word joker names)
_TOKENS: tuple[tuple[str, int], ...] = (
    ("blackjoker", 13), ("redjoker", 14), ("smalljoker", 13), ("bigjoker", 14), ("littlejoker", 13),
    ("小王", 13), ("大王", 14), ("bj", 13), ("rj", 14), ("sj", 13),
    ("10", 7), ("t", 7), ("j", 8), ("q", 9), ("k", 10), ("a", 11), ("2", 12),
    ("x", 13), ("b", 13), ("d", 14), ("r", 14),
    ("3", 0), ("4", 1), ("5", 2), ("6", 3), ("7", 4), ("8", 5), ("9", 6),
)
_SEPARATORS = re.compile(r"[\s,;、，+/|\[\]()'\"`.]+")
_JOKER_WORDS = re.compile(r"(black|red|small|big|little)\s*[-_]?\s*joker", re.IGNORECASE)
PASS_WORDS = ("pass", "不要", "过", "要不起", "不出")


def pack(counts) -> int:
    """The count vector as the kernels' integer (4 bits per rank)."""
    h = 0
    for i, c in enumerate(counts):
        h |= int(c) << (4 * i)
    return h


def unpack(h: int) -> tuple[int, ...]:
    """The count vector of a packed hand."""
    return tuple((int(h) >> (4 * i)) & 15 for i in range(N_RANKS))


def n_cards(counts) -> int:
    return int(sum(counts))


def check_hand(counts, what: str = "hand") -> tuple[int, ...]:
    """``counts`` as a tuple of 15 ints within the deck; ValueError naming the problem otherwise."""
    try:
        arr = [int(c) for c in counts]
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be 15 card counts (ranks 3..2, black joker, red joker), got {counts!r}") \
            from None
    if len(arr) != N_RANKS:
        raise ValueError(f"{what} must have {N_RANKS} counts (3..2, black joker, red joker), got {len(arr)}")
    for i, (c, cap) in enumerate(zip(arr, DECK)):
        if not 0 <= c <= cap:
            raise ValueError(f"{what} has {c} cards of rank {RANK_NAMES[i]}; the deck has {cap}")
    return tuple(arr)


def hand_from_chars(text: str, what: str = "hand") -> tuple[int, ...]:
    """Counts of a one-character-per-card string (``"333TX"``); ValueError on an unknown character."""
    counts = [0] * N_RANKS
    for ch in text:
        i = RANK_CHARS.find(ch)
        if i < 0:
            raise ValueError(f"{what} {text!r}: {ch!r} is not a card; use the characters {RANK_CHARS!r} "
                             "(T = 10, X = black joker, D = red joker)")
        counts[i] += 1
    return check_hand(counts, what)


def hand_to_chars(counts) -> str:
    """The one-character-per-card string of a count vector, lowest rank first."""
    return "".join(RANK_CHARS[i] * int(c) for i, c in enumerate(counts))


def format_cards(counts) -> str:
    """Display form: rank names lowest first, separated by spaces (``"3 3 10 Black Joker"``)."""
    return " ".join(name for i, c in enumerate(counts) for name in [RANK_NAMES[i]] * int(c))


def is_pass_text(text: str) -> bool:
    t = text.strip().strip(".!。！").strip().casefold()
    return t in PASS_WORDS


def parse_cards(text: str) -> tuple[int, ...] | None:
    """The count vector of written cards, or None when ``text`` is not a list of cards at all.

    Counts are not checked against the deck here (five 3s parse; they are simply not a legal play).
    """
    if not isinstance(text, str):
        return None
    t = _JOKER_WORDS.sub(lambda m: m.group(1).lower() + "joker", text)
    t = _SEPARATORS.sub(" ", t).strip().casefold()
    if not t:
        return None
    counts = [0] * N_RANKS
    for word in t.split(" "):
        i = 0
        while i < len(word):
            for tok, rank in _TOKENS:
                if word.startswith(tok, i):
                    counts[rank] += 1
                    i += len(tok)
                    break
            else:
                return None
    if sum(counts) == 0:
        return None
    return tuple(counts)
