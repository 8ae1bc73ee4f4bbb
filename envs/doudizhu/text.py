"""Dou Dizhu endgames as text: the rules paragraph, the prompt, and the answer parser (an observer,
apart from the rules).

Parsing (:func:`parse_play`) is forgiving about form and strict about content: the cards in any order and
spacing, in the notation of :mod:`envs.doudizhu.cards` (``10``/``T``, ``X``/``B``/``BJ``/``小王`` for the black
joker, ``D``/``R``/``RJ``/``大王`` for the red one), or ``pass`` / ``不要`` / ``过``. The result is the
canonical string of those cards (lowest first, as :attr:`Play.text` writes a play), whether or not they
form a legal play: a well-formed play that is not legal (not in the hand, not a combination, does not
beat the play on the table) is scored as illegal, and only text that names no cards at all is a format
error.
"""
from __future__ import annotations

from .cards import format_cards, is_pass_text, parse_cards
from .state import DdzState

__all__ = ["MAX_ANSWER_CHARS", "parse_play", "rules_text", "render_position"]

#: an answer longer than this is not read as a play (no play has more than 20 cards)
MAX_ANSWER_CHARS = 240

_RULE_NOTES = {
    "strict": "The rocket is never used as kickers or wings, a bomb is never used as plane wings, and a trio "
              "next to a plane never counts as its wings.",
    "rocket_kickers": "The rocket may serve as the two solos of a four-with-two or as plane solo wings; a bomb "
                      "is never used as plane wings, and a trio next to a plane never counts as its wings.",
    "bomb_wings": "Four cards of a rank may serve as plane wings; the rocket is never used as kickers or wings, "
                  "and a trio next to a plane never counts as its wings.",
    "loose": "The rocket may serve as kickers or wings and four cards of a rank as plane wings; a trio next to "
             "a plane never counts as its wings.",
}


def parse_play(answer: str) -> str | None:
    """The canonical form of a written play (``"3 3 3 5"``, ``"pass"``), or None if it names no play."""
    if not isinstance(answer, str) or len(answer) > MAX_ANSWER_CHARS:
        return None
    if is_pass_text(answer):
        return "pass"
    counts = parse_cards(answer)
    if counts is None:
        return None
    return format_cards(counts)


def rules_text(rules: str = "strict") -> str:
    """The rules paragraph of the system prompt."""
    return (
        "Dou Dizhu endgame for two players, both hands open. Ranks from low to high: 3 4 5 6 7 8 9 10 J Q K A 2 "
        "Black Joker Red Joker; suits do not matter. Combinations: solo; pair; trio; trio with a solo; trio "
        "with a pair; straight (5 or more consecutive ranks, 3 to A); pair chain (3 or more consecutive "
        "pairs); plane (2 or more consecutive trios, no 2), bare or with one solo or one pair per trio as "
        "wings (not of the plane's ranks; pair wings of distinct ranks); four with two solos or two pairs; "
        "bomb (four of a rank); rocket (both jokers). "
        "The leader plays any combination. The other side must play the same kind and length with a higher "
        "main rank, or a bomb (beats any non-bomb and lower bombs) or the rocket (beats everything), or pass; "
        "after a pass the side that played last leads again. The first side to play all its cards wins. "
        + _RULE_NOTES[rules]
    )


def render_position(state: DdzState, answer_example: str, result: str | None = None) -> str:
    """The user turn: both hands, the play to beat and what to answer (``result`` replaces the question
    when the game is over)."""
    me, other = state.mover_hand, state.other_hand
    lines = [
        "Dou Dizhu endgame (two players, open hands).",
        f"Your hand ({sum(me)} cards): {format_cards(me) or '(empty)'}",
        f"Opponent's hand ({sum(other)} cards): {format_cards(other) or '(empty)'}",
    ]
    if result is not None:
        lines.append(result)
        return "\n".join(lines)
    if state.prev is None:
        lines.append("You lead: play any combination.")
    else:
        lines.append(f"To beat: {state.prev.text} ({state.prev.describe()}), played by your opponent. Play a "
                     "higher combination of the same kind, a bomb or the rocket, or pass.")
    lines.append(f"Answer with the cards you play, lowest first, e.g. {answer_example}"
                 + (", or <answer>pass</answer>." if state.prev is not None else "."))
    return "\n".join(lines)

