"""The contact icons, drawn as characters of their own fonts so that a row of contacts is
one line of text to every extractor (templates/classic/make_icon_fonts.py says why)."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import pytest
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

from resumekit.rendering.design import ICON_BLANK, ICON_FONTS
from resumekit.rendering.theme import builtin_themes_dir

from ..building.test_look import png
from ..helpers import has_fonts_for, make_project
from ..reading import available, read
from .test_pdf_tags import ARABIC

SCRIPT = builtin_themes_dir() / "classic" / "make_icon_fonts.py"

CONTACTS = """\
basics:
  name: Jordan Reyes-Whitfield
  email: jordan.reyes-whitfield@example.com
  phone: +1 (503) 555-0199
  url: https://jordan-reyes.example.org
  location: {city: Portland, region: OR}
  profiles:
    - {network: LinkedIn, username: jordan-rw, url: "https://www.linkedin.com/in/jordan-rw"}
    - {network: GitHub, username: jrw, url: "https://github.com/jrw"}
    - {network: Mastodon, username: jrw, url: "https://hachyderm.io/@jrw"}
work:
  - name: Cascade Freight
    position: Dispatcher
    startDate: 2020-01
    highlights: [Planned 40 routes a day]
"""
"""Seven contacts, so the header holds two rows of them, and one with no icon of its own."""

IN_ORDER = ["Portland, OR", "jordan.reyes-whitfield@example.com", "+1 (503) 555-0199", "jordan-reyes.example.org",
            "linkedin.com/in/jordan-rw", "github.com/jrw", "hachyderm.io/@jrw"]
"""The contacts, as a person reads them, labelled by hand before any build."""


def _script():
    spec = importlib.util.spec_from_file_location("make_icon_fonts", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_icon_fonts_are_what_the_script_makes():
    script = _script()
    assert ICON_BLANK == f"{script.LEAD / script.UNITS:g}em"  # the CSS gives back what the glyph draws
    folder = builtin_themes_dir().joinpath(*ICON_FONTS)
    shipped = sorted(p.name for p in folder.glob("*.otf"))
    assert shipped == sorted(f"{kind}-{d}.otf" for kind in script.ICONS for d in ("ltr", "rtl"))
    for kind in script.ICONS:
        for direction in ("ltr", "rtl"):
            assert (folder / f"{kind}-{direction}.otf").read_bytes() == script.icon_font(kind, direction), kind


@pytest.mark.parametrize("kind", ["location", "email", "phone", "linkedin", "github", "web"])
def test_each_icon_is_drawn_after_its_blank_and_before_it_right_to_left(kind):
    script = _script()
    ink = {}
    for direction in ("ltr", "rtl"):
        font = TTFont(io.BytesIO(script.icon_font(kind, direction)))
        glyph = font.getGlyphSet()[font.getBestCmap()[0xB7]]
        pen = BoundsPen(font.getGlyphSet())
        glyph.draw(pen)
        ink[direction] = pen.bounds
        assert glyph.width == script.LEAD + script.SIZE
    left, bottom, right, top = ink["ltr"]
    assert script.LEAD - 20 <= left and right <= script.LEAD + script.SIZE + 20  # the blank comes first
    assert ink["rtl"][2] <= script.SIZE + 20  # and last, for text running right to left
    assert top - bottom > 500 and right - left > 500  # an icon, not a speck


def test_an_evenodd_drawing_keeps_its_holes():
    """The pin's hole and LinkedIn's letters are contours inside others: under a font's
    nonzero fill they must run the other way, or they are filled in."""
    from fontTools.pens.pointInsidePen import PointInsidePen

    script = _script()
    font = TTFont(io.BytesIO(script.icon_font("location", "ltr")))
    glyph_set = font.getGlyphSet()
    glyph = glyph_set[font.getBestCmap()[0xB7]]
    scale = script.SIZE / 16

    def filled(x: float, y: float) -> bool:  # a point on the 16-unit grid, y down
        pen = PointInsidePen(glyph_set, (script.LEAD + x * scale, script.BASELINE - y * scale), evenOdd=False)
        glyph.draw(pen)
        return pen.getResult()

    assert filled(8, 2) and filled(4, 6) and not filled(8, 5.8)  # the pin, around its hole


def _build(root: Path, profile: str = CONTACTS, **config) -> Path:
    make_project(root, profile=profile, formats=["pdf"], **config)
    import resumekit

    resumekit.build(root / "resumekit.yaml")
    return next((root / "out").rglob("*Resume.pdf"))


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("reader", ["pdftotext", "pdfminer", "pypdf", "pdfplumber", "pymupdf"])
def test_every_extractor_reads_each_row_of_contacts_as_one_line(tmp_path_factory, reader):
    if not available(reader):
        pytest.skip(f"{reader} is not installed")
    lines = _lines(read(reader, _build(tmp_path_factory.mktemp("contacts"))))
    rows = [line for line in lines if line.startswith("· ")]
    assert len(rows) >= 2 and " ".join(rows) == "· " + " · ".join(IN_ORDER), lines[:6]


def test_with_icons_turned_off_dots_part_the_contacts_and_no_row_starts_with_one(tmp_path):
    lines = _lines(read("pdftotext", _build(tmp_path, design={"icons": False})))
    rows = lines[1:lines.index("Experience")]
    assert len(rows) >= 2 and not any(row.startswith("·") for row in rows), rows
    assert " · ".join(rows) == " · ".join(IN_ORDER), rows


def test_a_right_to_left_resume_reads_each_row_of_contacts_as_one_line(tmp_path):
    """Each contact's icon and blank turn with its text: an Arabic city's to its right, an
    e-mail address's to its left. (Where in a line pdftotext puts a left-to-right run is
    its own bidi rule: the test asks only that a row stays one line.)"""
    if not has_fonts_for("ar"):
        pytest.skip("needs the Noto fonts for Arabic (see tests/helpers.py)")
    png(tmp_path / "me.png")
    lines = _lines(read("pdftotext", _build(tmp_path, profile=ARABIC, language="ar", photo=True)))
    for row in (("دبي", "layla@example.com", "+971 4 555 0100"), ("linkedin.com/in/layla-haddad", "layla.example.com")):
        assert any(all(contact in line for contact in row) for line in lines), lines[:6]
