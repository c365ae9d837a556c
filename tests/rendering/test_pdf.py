"""The PDF a recruiter receives: real text in reading order, tagged, fonts embedded, offline."""

from __future__ import annotations

from collections import Counter

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

import resumekit
from resumekit.building import load_project

from ..helpers import ICON_FONT, make_project, missing_in_order, squash


@pytest.fixture(scope="module")
def resume(example_build) -> PdfReader:
    return PdfReader(example_build.out / "general" / "Maya-Okafor-Resume.pdf")


@pytest.fixture(scope="module")
def resume_text(resume) -> str:
    return "\n".join(page.extract_text() for page in resume.pages)


@pytest.fixture(scope="module")
def profile(example_build):
    """The profile the general resume shows: the user's, with recorded improvements applied."""
    return load_project(example_build.root / "resumekit.yaml").profile


def test_the_text_starts_with_the_name(resume_text, profile):
    assert squash(resume_text).startswith(squash(profile.basics.name))


def test_every_position_and_highlight_is_there_in_order(resume_text, profile):
    expected = []
    for work in profile.work:
        expected += [work.name, work.position, *(h.text for h in work.highlights)]
    assert len(expected) > 20
    assert missing_in_order(resume_text, expected) == []


@pytest.mark.parametrize("section", ["volunteer", "projects"])
def test_other_highlights_are_there_in_order(resume_text, profile, section):
    expected = [h.text for entry in getattr(profile, section) for h in entry.highlights]
    assert missing_in_order(resume_text, expected) == []


def test_education_and_skills_are_there(resume_text, profile):
    expected = [e.institution for e in profile.education] + [k for s in profile.skills for k in s.keywords]
    assert missing_in_order(resume_text, expected) == []


def test_the_pdf_is_tagged_with_language_and_title(resume):
    root = resume.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert root["/Lang"] == "en"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    assert resume.metadata.title == "Maya Okafor \u2013 Resume"
    assert resume.metadata.author == "Maya Okafor"


def test_the_pdf_declares_pdf_ua_and_its_title_in_xmp(resume):
    xmp = resume.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b'pdfuaid:part="1"' in xmp
    assert resume.xmp_metadata.dc_title == {"x-default": "Maya Okafor \u2013 Resume"}


def _structure_roles(node, roles: Counter) -> Counter:
    node = node.get_object()
    if isinstance(node, ArrayObject):
        for kid in node:
            _structure_roles(kid, roles)
    elif isinstance(node, DictionaryObject):
        if "/S" in node:
            roles[str(node["/S"])] += 1
        if "/K" in node:
            _structure_roles(node["/K"], roles)
    return roles


def test_headings_and_lists_are_tagged_for_screen_readers(resume, profile):
    roles = _structure_roles(resume.trailer["/Root"]["/StructTreeRoot"], Counter())
    assert roles["/H1"] == 1
    assert roles["/H2"] >= 5
    highlights = sum(len(e.highlights) for section in ("work", "volunteer", "projects")
                     for e in getattr(profile, section))
    assert roles["/LI"] >= highlights


def _fonts(reader: PdfReader) -> list[DictionaryObject]:
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            if ICON_FONT not in font.get_object()["/BaseFont"]:  # an icon's font: test_design_icons
                fonts.append(font.get_object())
    return fonts


def _descriptor(font: DictionaryObject) -> DictionaryObject:
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    return font["/FontDescriptor"].get_object()


@pytest.mark.parametrize("document", ["Resume", "Cover-Letter"])
def test_every_font_is_embedded_and_is_the_shipped_lato(example_build, document):
    fonts = _fonts(PdfReader(example_build.out / "general" / f"Maya-Okafor-{document}.pdf"))
    assert fonts
    for font in fonts:
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(_descriptor(font)), font["/BaseFont"]
        assert "Lato" in font["/BaseFont"]


def test_the_reported_page_count_is_the_pdfs(example_build):
    for output in example_build.result.outputs + example_build.general.outputs:
        if output.format == "pdf":
            assert output.pages == len(PdfReader(output.path).pages), output.path


def test_the_letter_reads_from_greeting_to_signature(example_build, profile):
    reader = PdfReader(example_build.out / "general" / "Maya-Okafor-Cover-Letter.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert missing_in_order(text, [profile.basics.name, "Dear", profile.letter.closing or "Thank you",
                                   "Sincerely,", profile.letter.signature or profile.basics.name]) == []
    assert reader.metadata.title == "Maya Okafor \u2013 Cover Letter"


def test_the_pdf_language_follows_the_config(jane_build):
    for name in ("Jane-Doe-Resume.pdf", "Jane-Doe-Cover-Letter.pdf"):
        assert PdfReader(jane_build.out / "general" / name).trailer["/Root"]["/Lang"] == "en-GB"


def test_the_letter_date_follows_the_config_language(jane_build):
    reader = PdfReader(jane_build.out / "general" / "Jane-Doe-Cover-Letter.pdf")
    assert "15 January 2026" in reader.pages[0].extract_text()


def test_a_theme_that_points_at_the_network_fetches_nothing(tmp_path, web_server):
    url, hits = web_server
    theme = tmp_path / "project" / "web-theme"
    theme.mkdir(parents=True)
    (theme / "style.css").write_text(
        f'@import url("{url}/more.css");\n'
        f'@font-face {{ font-family: Remote; src: url("{url}/font.ttf"); }}\n'
        f'body {{ background: url("{url}/paper.png"); font-family: Remote; }}\n')
    config = make_project(tmp_path / "project", theme="web-theme", formats=["pdf"], documents=["resume"])
    result = resumekit.build(config)
    assert hits == []
    assert any("not fetched" in w and url in w for w in result.warnings)
    assert (tmp_path / "project" / "out" / "general" / "Jane-Doe-Resume.pdf").is_file()


