"""A look as CSS: a design's colour, font, size, margins and titles change the PDF."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

import resumekit
from resumekit.documents import build_resume
from resumekit.documents.content import Look, Options
from resumekit.rendering.design import TITLE_STYLES, design_css

from ..helpers import JANE, make_project


def _build(tmp_path, **config):
    path = make_project(tmp_path, documents=["resume"], formats=["pdf"], **config)
    resumekit.build(path)
    reader = PdfReader(tmp_path / "out" / "general" / "Jane-Doe-Resume.pdf")
    reader.path = tmp_path / "out" / "general" / "Jane-Doe-Resume.pdf"
    return reader


def _content(reader):
    return b"".join(page.get_contents().get_data() for page in reader.pages)


def _fonts(reader):
    return {str(font["/BaseFont"]) for page in reader.pages
            for font in page["/Resources"]["/Font"].values()}


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("plain"))


def test_a_design_colour_and_page_change_the_pdf(tmp_path, plain):
    designed = _build(tmp_path, design={"accent": "#8b0000"}, page="a4")
    dark_red = b"0.545098 0 0 rg"  # 0x8b / 255
    assert dark_red not in _content(plain) and re.search(rb"0\.545\d* 0 0 (rg|RG)", _content(designed))
    assert [round(float(v)) for v in designed.pages[0].mediabox[2:]] == [595, 842]  # A4, in points
    assert [round(float(v)) for v in plain.pages[0].mediabox[2:]] == [612, 792]    # Letter


def test_a_font_of_another_theme_is_embedded_and_the_themes_own_is_not(tmp_path, plain):
    designed = _build(tmp_path, design={"font": "CMU Serif"})
    assert any("CMU-Serif" in name for name in _fonts(designed)) and not any("Lato" in n for n in _fonts(designed))
    assert any("Lato" in name for name in _fonts(plain))


def test_a_font_only_resumekit_ships_is_read_from_the_other_themes_folder(tmp_path):
    path = make_project(tmp_path, documents=["resume"], formats=["pdf"], design={"font": "IBM Plex Sans Condensed"})
    result = resumekit.build(path)
    assert not [w for w in result.warnings if "not fetched" in str(w)]
    fonts = {name for name in _fonts(PdfReader(tmp_path / "out" / "general" / "Jane-Doe-Resume.pdf"))
             if "resumekit-icon" not in name}  # the contact icons' own fonts
    assert fonts and all("IBMPlexSansCond" in name.replace("-", "") for name in fonts), fonts


def test_a_larger_font_size_sets_larger_text_and_wider_margins_narrow_it(tmp_path, plain):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer

    def sizes_and_left(path):
        sizes, left = [], 1e9
        for page in extract_pages(path):
            for box in page:
                if isinstance(box, LTTextContainer):
                    left = min(left, box.x0)
                    sizes += [round(c.size, 1) for line in box for c in line if isinstance(c, LTChar)]
        return max(set(sizes), key=sizes.count), left

    _build(tmp_path, design={"fontSize": 12, "margins": "2cm 3cm"})
    body, left = sizes_and_left(tmp_path / "out" / "general" / "Jane-Doe-Resume.pdf")
    plain_body, plain_left = sizes_and_left(plain.path)
    assert (plain_body, body) == (10.0, 12.0)
    assert left > plain_left + 30  # 3 cm against 1.8 cm, in points


def test_the_css_states_every_number_of_the_look_and_only_what_a_design_changed():
    resume = build_resume(resumekit.load_profile({"basics": {"name": "Jane"}}),
                          Options(look=Look(accent="#112233", font="CMU Serif", size=11, line=1.3,
                                            margins="1cm", titles="plain", icons=False,
                                            changed=("sectionTitles",))))
    css = design_css(resume)
    assert "--accent: #112233" in css and 'font-family: "CMU Serif"; font-size: 11pt; line-height: 1.3' in css
    assert "@page { margin: 1cm;" in css and TITLE_STYLES["plain"] in css and "header .icon { display: none; }" in css
    assert TITLE_STYLES["plain"] not in design_css(build_resume(resumekit.load_profile(JANE_DICT), Options()))


def test_a_font_name_cannot_end_the_style_element():
    resume = build_resume(resumekit.load_profile(JANE_DICT), Options(look=Look(font='x"}</style><script>')))
    assert "</style>" not in design_css(resume) and '"x/stylescript"' in design_css(resume)


JANE_DICT = {"basics": {"name": "Jane Doe"}}
assert JANE  # the helpers' profile builds the PDFs above
