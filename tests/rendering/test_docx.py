"""The DOCX a portal receives: built-in styles, all text in the body, language and properties set."""

from __future__ import annotations

import re
import zipfile

import docx
import pytest

from resumekit.building import load_project

from ..helpers import missing_in_order


@pytest.fixture(scope="module")
def resume_path(example_build):
    return example_build.out / "general" / "Maya-Okafor-Resume.docx"


@pytest.fixture(scope="module")
def resume(resume_path):
    return docx.Document(str(resume_path))


@pytest.fixture(scope="module")
def profile(example_build):
    return load_project(example_build.root / "resumekit.yaml").profile


def _styled(document, style: str) -> list[str]:
    return [p.text.strip() for p in document.paragraphs if p.style.name == style]


def test_the_name_is_the_title(resume, profile):
    """The Title, after one empty line of no height that keeps it in pandoc's body text
    (pandoc reads the Title and Subtitle that open a document as metadata)."""
    lead_in = resume.paragraphs[0]
    assert not lead_in.text.strip() and lead_in.paragraph_format.line_spacing.pt == 1
    assert resume.paragraphs[1].style.name == "Title"
    assert _styled(resume, "Title") == [profile.basics.name]


def test_sections_are_heading_1(resume):
    headings = _styled(resume, "Heading 1")
    assert headings[:2] == ["Summary", "Experience"]
    assert "Education" in headings and "Skills" in headings


def test_every_highlight_is_a_list_bullet_in_order(resume, profile):
    bullets = _styled(resume, "List Bullet")
    expected = [h.text for w in profile.work for h in w.highlights]
    assert bullets[:len(expected)] == expected


def test_every_position_and_highlight_is_there_in_order(resume, profile):
    text = "\n".join(p.text for p in resume.paragraphs)
    expected = []
    for work in profile.work:
        expected += [work.name, work.position, *(h.text for h in work.highlights)]
    assert missing_in_order(text, expected) == []


@pytest.mark.parametrize("document", ["Resume", "Cover-Letter"])
def test_there_are_no_tables_or_text_boxes(example_build, document):
    path = example_build.out / "general" / f"Maya-Okafor-{document}.docx"
    assert docx.Document(str(path)).tables == []
    body = zipfile.ZipFile(path).read("word/document.xml").decode()
    for tag in ("<w:tbl>", "<w:tbl ", "w:txbxContent", "v:textbox", "<w:drawing"):
        assert tag not in body


@pytest.mark.parametrize("document", ["Resume", "Cover-Letter"])
def test_nothing_is_in_headers_or_footers(example_build, document):
    path = example_build.out / "general" / f"Maya-Okafor-{document}.docx"
    for section in docx.Document(str(path)).sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer,
                     section.even_page_header, section.even_page_footer):
            assert all(not p.text.strip() for p in part.paragraphs)
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if re.match(r"word/(header|footer)\d*\.xml$", name):
                assert "<w:t" not in package.read(name).decode(), name


def test_contact_details_are_in_the_body_with_a_clickable_email(resume, resume_path, profile):
    body = "\n".join(p.text for p in resume.paragraphs[:4])
    assert profile.basics.email in body and profile.basics.phone in body
    rels = zipfile.ZipFile(resume_path).read("word/_rels/document.xml.rels").decode()
    assert f'Target="mailto:{profile.basics.email}"' in rels


def _language(path) -> str:
    styles = zipfile.ZipFile(path).read("word/styles.xml").decode()
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S)
    assert defaults, "no document defaults in styles.xml"
    match = re.search(r'<w:lang [^>]*w:val="([^"]+)"', defaults.group(0))
    assert match, "no w:lang in the document defaults"
    return match.group(1)


@pytest.mark.parametrize("document", ["Resume", "Cover-Letter"])
def test_the_document_language_is_set(example_build, document):
    assert _language(example_build.out / "general" / f"Maya-Okafor-{document}.docx") == "en"


def test_the_language_follows_the_config(jane_build):
    assert _language(jane_build.out / "general" / "Jane-Doe-Resume.docx") == "en-GB"


@pytest.mark.parametrize("document, title", [("Resume", "Maya Okafor \u2013 Resume"),
                                             ("Cover-Letter", "Maya Okafor \u2013 Cover Letter")])
def test_core_properties_name_the_document_and_its_author(example_build, document, title):
    properties = docx.Document(str(example_build.out / "general" / f"Maya-Okafor-{document}.docx")).core_properties
    assert (properties.title, properties.author) == (title, "Maya Okafor")


def test_the_letter_uses_the_same_styles(example_build, profile):
    letter = docx.Document(str(example_build.out / "general" / "Maya-Okafor-Cover-Letter.docx"))
    assert _styled(letter, "Title") == [profile.basics.name]
    assert len(_styled(letter, "List Bullet")) >= 1
    text = "\n".join(p.text for p in letter.paragraphs)
    assert missing_in_order(text, ["Dear", "Sincerely,", profile.letter.signature or profile.basics.name]) == []


def test_a_name_too_long_for_a_core_property_is_cut_there_and_whole_on_the_page():
    import datetime as dt
    import io

    import yaml

    from resumekit import load_profile
    from resumekit.documents import build_resume
    from resumekit.rendering.docx import CORE_PROPERTY_LIMIT, render_docx
    from resumekit.rendering.theme import Theme

    from ..helpers import JANE

    name = "Wolfeschlegel" * 400
    jane = load_profile(yaml.safe_load(JANE))
    long = jane.model_copy(update={"basics": jane.basics.model_copy(update={"name": name})})
    stamp = dt.datetime(2026, 1, 15, tzinfo=dt.timezone.utc)
    document = docx.Document(io.BytesIO(render_docx(build_resume(long), Theme.named("classic"), stamp)))
    properties = document.core_properties
    assert len(properties.title) == len(properties.author) == CORE_PROPERTY_LIMIT
    assert properties.author.endswith("\u2026") and name.startswith(properties.author[:-1])
    assert _styled(document, "Title") == [name]
