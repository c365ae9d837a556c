"""Layout both renderers share: the contact line cut into even rows, contact kinds named as people write them."""

from __future__ import annotations

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

import resumekit

from resumekit.documents import Link
from resumekit.rendering.layout import contact_rows, kind_name

from ..helpers import make_project


def test_many_contact_links_are_laid_out_at_once():
    links = [Link(f"profile-{i}", None, "website") for i in range(40)]
    rows = contact_rows(links)
    assert [link for row in rows for link in row] == links


def links(*texts: str) -> list[Link]:
    return [Link(text) for text in texts]


def test_no_contacts_make_no_rows():
    assert contact_rows([]) == []


def test_contacts_that_fit_stay_on_one_line():
    short = links("Springfield, IL", "jane@example.com", "+1 555-0100")
    assert contact_rows(short) == [tuple(short)]


def test_contacts_that_do_not_fit_are_cut_into_even_rows_in_order():
    long = links(*(f"contact-number-{i}-" + "x" * 14 for i in range(4)))  # 34 characters each, with its icon
    rows = contact_rows(long, budget=96)
    assert rows == [tuple(long[:2]), tuple(long[2:])]


def test_a_contact_longer_than_the_line_gets_a_row_of_its_own():
    wide = links("https://example.com/" + "a" * 120, "jane@example.com")
    assert contact_rows(wide, budget=96) == [(wide[0],), (wide[1],)]


@pytest.mark.parametrize("kind, name", [("linkedin", "LinkedIn"), ("GitHub", "GitHub"), ("orcid", "ORCID"),
                                        ("email", "Email"), ("mastodon", "Mastodon")])
def test_a_contact_kind_is_named_as_people_write_it(kind, name):
    assert kind_name(kind) == name


# --- inline Markdown (inline_html, and the DOCX's runs) ------------------------------------

MARKDOWN_PROFILE = """\
basics:
  name: Jane Doe
  summary: Analyst who ships *useful* things.
work:
  - name: Acme Logistics
    position: Operations Analyst
    startDate: 2022-04
    highlights:
      - Cut costs **40%** with [Routific](https://routific.com) route planning
      - Wrote the `dispatch` scheduler; see ![diagram](d.png) and <b>this</b>
letter:
  paragraphs: ["I would bring **the same focus** to your team."]
"""


@pytest.fixture(scope="module")
def markdown_built(tmp_path_factory):
    root = tmp_path_factory.mktemp("markdown")
    config = make_project(root, profile=MARKDOWN_PROFILE)
    assert resumekit.build(config).ok
    return root / "out" / "general"


def test_the_pdf_sets_bold_and_italic_and_links_without_the_marks(markdown_built):
    with pdfplumber.open(markdown_built / "Jane-Doe-Resume.pdf") as pdf:
        page = pdf.pages[0]
        text = page.extract_text()
        fonts = {}
        for char in page.chars:
            fonts.setdefault(char["text"], set()).add(char["fontname"])
    assert "Cut costs 40% with Routific route planning" in text
    assert "**" not in text and "](" not in text.replace("![diagram](d.png)", "")
    assert "![diagram](d.png)" in text and "<b>this</b>" in text  # images and HTML stay literal
    assert any("Bold" in f for f in fonts["4"]) and any("Italic" in f for f in fonts["u"])
    links = [a.get_object()["/A"]["/URI"] for a in PdfReader(markdown_built / "Jane-Doe-Resume.pdf").pages[0]["/Annots"]
             if "/A" in a.get_object()]
    assert "https://routific.com" in links and "d.png" not in " ".join(links)


def test_the_docx_has_real_bold_runs_and_a_hyperlink(markdown_built):
    document = docx.Document(str(markdown_built / "Jane-Doe-Resume.docx"))
    [bullet] = [p for p in document.paragraphs if p.text.startswith("Cut costs")]
    assert bullet.text == "Cut costs 40% with Routific route planning"
    assert [r.text for r in bullet.runs if r.bold] == ["40%"]
    links = bullet._p.findall(qn("w:hyperlink"))
    assert len(links) == 1 and "".join(t.text for t in links[0].iter(qn("w:t"))) == "Routific"
    rel = bullet.part.rels[links[0].get(qn("r:id"))]
    assert rel.target_ref == "https://routific.com"
    letter = docx.Document(str(markdown_built / "Jane-Doe-Cover-Letter.docx"))
    [paragraph] = [p for p in letter.paragraphs if "same focus" in p.text]
    assert [r.text for r in paragraph.runs if r.bold] == ["the same focus"]


def test_tailoring_reads_the_text_a_reader_sees():
    from resumekit.tailoring.text import tokens

    assert tokens("Cut costs **40%** with [Routific](https://routific.com)") == tokens(
        "Cut costs 40% with Routific")
