"""What a user's text must be: UTF-8, no control characters, words a page can hold."""

from __future__ import annotations

import pytest

from resumekit.errors import ProfileError
from resumekit.loading.text import MAX_WORD, decode, text_problem


def test_utf8_with_or_without_a_byte_order_mark_is_read():
    assert decode("name: Zoë\n".encode(), "p.yaml", ProfileError) == "name: Zoë\n"
    assert decode("\ufeffname: Zoë\n".encode(), "p.yaml", ProfileError) == "name: Zoë\n"


def test_utf16_with_a_byte_order_mark_is_read_as_yaml_allows():
    assert decode("name: Zoë\n".encode("utf-16"), "p.yaml", ProfileError) == "name: Zoë\n"


def test_utf16_without_a_byte_order_mark_is_refused_naming_the_encoding():
    with pytest.raises(ProfileError) as caught:
        decode("name: Zoë\n".encode("utf-16-le"), "p.yaml", ProfileError)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (1, 1) and "UTF-16" in problem.message


def test_a_latin1_byte_is_refused_at_its_line_and_column():
    with pytest.raises(ProfileError) as caught:
        decode("basics:\n  city: Zürich\n".encode("latin-1"), "p.yaml", ProfileError)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (2, 10)
    assert "0xFC" in problem.message and "Latin-1" in problem.message


@pytest.mark.parametrize("text", ["bell\x07", "escape \x1b[31m", "c1 \x9b", "delete \x7f"])
def test_control_characters_are_named(text):
    assert "control character" in (text_problem(text) or "")


def test_a_word_no_page_can_hold_is_named_with_its_length():
    assert text_problem("x" * MAX_WORD) is None
    assert "10,001 characters" in (text_problem("see " + "x" * (MAX_WORD + 1)) or "")


def test_long_text_of_ordinary_words_is_fine():
    assert text_problem("word " * 50_000) is None
