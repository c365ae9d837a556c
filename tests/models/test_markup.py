"""Inline Markdown in the person's text: what is read as bold, italic, code or a link, and
what stays literal."""

from __future__ import annotations

import pytest

from resumekit.models.markup import Piece, pieces, plain


def test_bold_italic_code_and_links_are_pieces():
    assert pieces("Cut costs **40%** with [Routific](https://routific.com), *fast*, in `SQL`") == (
        Piece("Cut costs "), Piece("40%", bold=True), Piece(" with "),
        Piece("Routific", url="https://routific.com"), Piece(", "), Piece("fast", italic=True),
        Piece(", in "), Piece("SQL", code=True))


@pytest.mark.parametrize("text", [
    "# Not a heading", "![logo](logo.png) stays", "<b>html</b> stays", "- not a list", "snake_case_name",
    "C++ and C# and 2 * 3", "an [unclosed link", "**unclosed bold",
])
def test_anything_else_stays_the_literal_text(text):
    assert plain(text) == text


def test_plain_text_is_what_a_reader_sees():
    assert plain("Led **six** volunteers at [Code for Good](https://example.org)") == \
        "Led six volunteers at Code for Good"
    assert plain("No markup at all") == "No markup at all" and pieces("") == ()
