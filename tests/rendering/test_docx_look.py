"""A design in the DOCX: the same settings move the Word styles as they move the PDF."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

import resumekit
from resumekit.documents import build_resume
from resumekit.documents.content import Look, Options
from resumekit.rendering.docx import render_docx
from resumekit.rendering.docx_look import blend, hex_digits, margins
from resumekit.rendering.theme import Theme

from ..helpers import JANE

STAMP = dt.datetime(2026, 1, 15, tzinfo=dt.timezone.utc)


def _docx(look: Look | None = None, theme: str = "classic") -> docx.document.Document:
    theme_ = Theme.named(theme)
    resume = build_resume(_jane(), Options(look=look or theme_.look()))
    return docx.Document(io.BytesIO(render_docx(resume, theme_, STAMP)))


def _jane():
    import yaml

    return resumekit.load_profile(yaml.safe_load(JANE))


@pytest.fixture(scope="module")
def plain():
    return _docx()


def test_font_size_line_spacing_and_accent_move_every_style(plain):
    base = Theme.named("classic").look()
    designed = _docx(Look(accent="#8b0000", font="CMU Serif", size=12, line=1.6, margins=base.margins))
    for name in ("Normal", "Heading 1", "Title"):
        assert designed.styles[name].font.size.pt == pytest.approx(plain.styles[name].font.size.pt * 1.2, abs=0.5)
    assert str(designed.styles["Heading 1"].font.color.rgb) == "8B0000"
    assert str(plain.styles["Heading 1"].font.color.rgb) == "004F90"
    fonts = {f.get(qn("w:ascii")) for f in designed.styles.element.iter(qn("w:rFonts"))}
    assert "CMU Serif" in fonts and "Lato" not in fonts


def test_margins_are_the_pages_and_the_dates_column_follows_them():
    designed = _docx(Look(margins="2cm 3cm"))
    page = designed.sections[0]
    assert (round(page.top_margin.cm, 2), round(page.left_margin.cm, 2), round(page.right_margin.cm, 2)) == (2, 3, 3)
    width = round((page.page_width - page.left_margin - page.right_margin) / 635)
    tabs = {int(t.get(qn("w:pos"))) for t in designed.styles.element.iter(qn("w:tab")) if t.get(qn("w:val")) == "right"}
    assert width in tabs


@pytest.mark.parametrize("titles, border", [("rule", True), ("underline", True), ("plain", False)])
def test_each_section_title_style_in_word(titles, border):
    """A rule is a paragraph border, never a tab a parser would read as part of the title."""
    document = _docx(Look(titles=titles))
    heading = next(p for p in document.paragraphs if p.style.name == "Heading 1")
    assert heading.text == heading.text.strip() and "\t" not in heading.text
    assert (heading._p.pPr is not None and heading._p.pPr.find(qn("w:pBdr")) is not None) == border


def test_css_lengths_and_colours_as_word_writes_them():
    assert margins("1cm") == (Cm(1),) * 4
    top, right, bottom, left = margins("1cm 2cm 3cm")
    assert (top, right, bottom, left) == (Cm(1), Cm(2), Cm(3), Cm(2))
    assert hex_digits("#04f") == "0044FF" and blend("#000000", 0.5) == "808080"
