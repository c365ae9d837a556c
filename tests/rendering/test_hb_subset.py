"""Fonts cut by HarfBuzz's subsetter: the glyphs the text needs, every name, the same bytes each
time; and the characters a font has, as HarfBuzz reads them: those fontTools reads."""

from __future__ import annotations

import io

import pytest
from fontTools.ttLib import TTFont

from resumekit.rendering.hb_subset import _library, harfbuzz_characters, harfbuzz_cut
from resumekit.rendering.theme import builtin_themes_dir

LATO = builtin_themes_dir() / "classic" / "fonts" / "Lato-Regular.ttf"
needs_harfbuzz = pytest.mark.skipif(_library() is None, reason="libharfbuzz-subset0 is not installed")


@needs_harfbuzz
def test_the_cut_font_draws_the_text_and_little_else():
    data = LATO.read_bytes()
    cut = harfbuzz_cut(data, "Jane Doe – Ärztin €")
    assert cut is not None and len(cut) < len(data) / 10
    with TTFont(io.BytesIO(cut)) as font:
        assert set("Jane Doe–Ärztin€") <= {chr(c) for c in font.getBestCmap()}
        assert "Z" not in {chr(c) for c in font.getBestCmap()}
        assert font["name"].getDebugName(1) == "Lato" and "GPOS" in font  # names and kerning kept
    assert harfbuzz_cut(data, "Jane Doe – Ärztin €") == cut


@needs_harfbuzz
def test_what_is_not_a_font_is_refused_not_crashed_on():
    assert harfbuzz_cut(b"not a font at all", "abc") is None


@needs_harfbuzz
@pytest.mark.parametrize("path", sorted(p for p in builtin_themes_dir().rglob("*") if p.suffix in {".ttf", ".otf"}),
                         ids=lambda p: p.name)
def test_harfbuzz_reads_the_characters_fonttools_reads(path):
    with TTFont(path, lazy=True) as font:
        expected = frozenset(font.getBestCmap())
    assert expected and harfbuzz_characters(path.read_bytes()) == expected


@needs_harfbuzz
def test_what_is_not_a_font_has_no_characters_to_read():
    assert harfbuzz_characters(b"not a font at all") is None
