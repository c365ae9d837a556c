"""A DOCX read back by python-docx: body text (tables too), hyperlinks, headers and footers."""

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from resumekit.checking.read_docx import read_docx


def test_body_text_tables_links_and_footer_text_are_read(tmp_path):
    document = docx.Document()
    document.add_paragraph("Jane Doe", style="Title")
    paragraph = document.add_paragraph("site: ")
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), document.part.relate_to("https://example.com/jane", RT.HYPERLINK, is_external=True))
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "example.com/jane"
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
    document.add_table(rows=1, cols=2).rows[0].cells[1].text = "in a cell"
    document.add_paragraph("after the table")
    document.sections[0].footer.paragraphs[0].text = "jane@example.com"
    path = tmp_path / "doc.docx"
    document.save(str(path))
    reading = read_docx(path)
    assert reading.texts["python-docx"].split("\n") == ["Jane Doe", "site: example.com/jane", "", "in a cell",
                                                        "after the table"]
    assert reading.links == ["https://example.com/jane"]
    assert [text for _, text in reading.furniture] == ["jane@example.com"]
