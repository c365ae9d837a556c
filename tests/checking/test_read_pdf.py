"""A PDF read back by pdfminer.six and pypdf: text, lines, links, fonts and .notdef glyphs
(PDFs made by WeasyPrint, as the build makes them)."""

from pathlib import Path

import pytest

from resumekit.checking.read_pdf import glyph_count, mapped_glyphs, read_pdf

weasyprint = pytest.importorskip("weasyprint")
LATO = Path(__file__).resolve().parents[2] / "templates" / "classic" / "fonts" / "Lato-Regular.ttf"


def _pdf(tmp_path: Path, body: str) -> Path:
    html = (f'<html><head><style>@font-face {{ font-family: T; src: url("{LATO.as_uri()}"); }} '
            f'body {{ font-family: T; }} @page {{ margin: 2cm; @bottom-center {{ content: "jane@example.com"; }} }}'
            f'</style></head><body>{body}</body></html>')
    path = tmp_path / "doc.pdf"
    path.write_bytes(weasyprint.HTML(string=html).write_pdf())
    return path


def test_text_lines_links_and_the_footer_line_are_read(tmp_path):
    reading = read_pdf(_pdf(tmp_path, '<p>Jane Doe</p><p><a href="https://example.com/jane">my site</a></p>'))
    assert reading.pages == 1 and "Jane Doe" in reading.texts["pdfminer"] and "Jane Doe" in reading.texts["pypdf"]
    assert reading.links == ["https://example.com/jane"]
    footer = [line for line in reading.lines if "jane@example.com" in line.text]
    assert footer and footer[0].top < 2 * 72 / 2.54  # in the bottom margin
    assert reading.unembedded == [] and reading.without_unicode == [] and reading.notdef == []


def test_a_character_no_font_has_is_found_as_a_notdef_glyph(tmp_path):
    reading = read_pdf(_pdf(tmp_path, "<p>Jane \uf0da Doe</p>"))
    assert [chars for _, chars in reading.notdef] == ["\uf0da"]
    assert "Jane" not in reading.texts["pdfminer"]  # the whole font is lost to pdfminer


def test_a_tounicode_map_and_a_font_program_are_read():
    cmap = b"2 beginbfchar\n<0003> <0020>\n<0024> <0041>\nendbfchar\n1 beginbfrange\n<0030> <0031> <0061>\nendbfrange"
    assert mapped_glyphs(cmap) == {3: " ", 36: "A", 48: "a", 49: "b"}
    assert glyph_count(LATO.read_bytes()) > 100
    assert glyph_count(b"junk") is None
