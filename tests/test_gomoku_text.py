"""Gomoku text: coordinates, parsing, the grid, and the serialised state."""
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from envs.core import CHARSET
from envs.gomoku import rules
from envs.gomoku.state import GomokuState, decode_state, encode_state
from envs.gomoku.text import parse_point, point_index, point_name, render_board, render_position


@pytest.mark.parametrize("size", [5, 9, 15, 19])
def test_every_point_round_trips_through_its_name_and_the_grid(size):
    board = np.zeros((size, size), np.int8)
    rows = render_board(board).splitlines()
    letters = rows[0].split()
    for move in range(size * size):
        name = point_name(move, size)
        assert parse_point(name) == name
        assert parse_point(name.lower()) == name
        assert parse_point(f" {name[1:]} {name[0].lower()} ") == name
        assert point_index(name, size) == move
        r, c = divmod(move, size)
        # the grid shows the name: the column letter above, the row number at the left of that line
        assert letters[c] == name[0]
        assert rows[1 + r].split()[0] == name[1:]
    assert len(set(point_name(m, size) for m in range(size * size))) == size * size


def test_conventions_row_one_is_at_the_bottom_and_no_letter_is_skipped():
    assert point_name(0, 9) == "A9"  # array row 0 is the top line
    assert point_name(80, 9) == "I1"  # I is used: columns are consecutive letters
    assert point_name(7 * 15 + 7, 15) == "H8"  # the centre of 15x15


@pytest.mark.parametrize("text", ["H8", "h8", "8H", "8h", " h 8 ", "\tH  8\n", "H08"])
def test_forms_of_a_point_parse_to_the_canonical_name(text):
    assert parse_point(text) == "H8"


@pytest.mark.parametrize("text", ["", "H", "8", "HH8", "H8H", "8H8", "H 8 9", "H100", "pass", "H8.", "H-8",
                                  "(H8)", "H8 please", "Ｈ8", "H٣", "h\n\n8x"])
def test_anything_else_is_not_a_point(text):
    assert parse_point(text) is None


@pytest.mark.parametrize("name", ["Z9", "J1", "A0", "A10", "I10"])
def test_well_formed_points_off_a_9x9_board_have_no_index(name):
    assert parse_point(name) == name
    assert point_index(name, 9) is None


def test_position_text_uses_only_the_charset_and_says_what_matters():
    state = decode_state("gomoku:9:exact5:E5,D4,F6")
    text = render_position(state.board, state.to_move, state.last_move, True, "<answer>E5</answer>")
    assert set(text) <= set(CHARSET)
    assert "exact five" in text and "Last move: X (black) at F6." in text and "You play O (white)" in text
    grid = text.splitlines()[2:13]
    assert grid[5].split() == ["5", ".", ".", ".", ".", "X", ".", ".", ".", ".", "5"]  # E5 is black
    assert grid[6].split()[4] == "O"  # D4 is white


def test_state_round_trip_and_tactical_fields():
    for text in ["gomoku:9:free:", "gomoku:9:free:E5,D4,F6", "gomoku:15:exact5:H8,H9,J8",
                 "gomoku:9:free:E5,A1,E6,A2,E7,A3,E8,B9:win1=E9,E4"]:
        state = decode_state(text)
        assert encode_state(state) == text
        assert decode_state(encode_state(state)) == state
    state = decode_state("gomoku:9:free:E5,A1,E6,A2,E7,A3,E8,B9:win1=E4,E9")  # any order in
    assert encode_state(state).endswith("win1=E9,E4")  # reading order (flat index) out
    assert state.kind == "win1" and state.correct == {point_index("E4", 9), point_index("E9", 9)}
    assert state.to_move == rules.BLACK and state.last_move == point_index("B9", 9)
    assert decode_state("gomoku:9:free: e5 , 4d").moves == (40, 48)  # lenient on input, canonical on output
    assert encode_state(decode_state("gomoku:9:free: e5 , 4d")) == "gomoku:9:free:E5,D4"
    s = GomokuState(9, (40, 48))
    assert s.board[4, 4] == rules.BLACK and s.board[5, 3] == rules.WHITE and s.to_move == rules.BLACK
    with pytest.raises(ValueError):
        s.board[0, 0] = 1  # states are immutable


@pytest.mark.parametrize("text, words", [
    ("E5,D4", "not a Gomoku state"),
    ("gomoku:9:free", "not a Gomoku state"),
    ("gomoku:nine:free:", "not an integer"),
    ("gomoku:21:free:", "outside 5..19"),
    ("gomoku:9:renju:", "rule 'renju'"),
    ("gomoku:9:free:E5,K5", "'K5' is not a point"),
    ("gomoku:9:free:E5,E0", "'E0' is not a point"),
    ("gomoku:9:free:E5,D4,E5", "E5 is played twice"),
    ("gomoku:9:free:A1,B1,A2,B2,A3,B3,A4,B4,A5", "finished game"),
    ("gomoku:9:free:E5:win1=E5", "not empty"),
    ("gomoku:9:free:E5:win1=", "at least one correct move"),
    ("gomoku:9:free:E5:mate=E6", "kind one of"),
])
def test_bad_states_are_refused_with_the_reason(text, words):
    with pytest.raises(ValueError, match=words):
        decode_state(text)


def test_non_string_state_is_refused():
    with pytest.raises(ValueError, match="must be a string"):
        decode_state(["E5"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=12), st.text(alphabet="aAhHzZ0189 \t", max_size=6)))
def test_parsing_any_text_gives_none_or_a_canonical_point(text):
    name = parse_point(text)
    if name is not None:
        assert re.fullmatch(r"[A-Z][0-9]{1,2}", name) and parse_point(name) == name
        idx = point_index(name, 19)
        assert idx is None or point_name(idx, 19) == name
