"""A DOCX as parsers read it: python-docx's text of the body, paragraph by paragraph in
body order (a table's cells row by row), its hyperlinks, and the text of every header and
footer part."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PYTHON_DOCX = "python-docx"


@dataclass
class DocxReading:
    """What python-docx found in one DOCX."""

    texts: dict[str, str]
    links: list[str] = field(default_factory=list)
    """The targets of its external hyperlinks, in body order."""
    furniture: list[tuple[str, str]] = field(default_factory=list)
    """(part, text) for each header and footer that holds text."""
    pages: int | None = None
    """The page count Word saved (docProps/app.xml), when it says."""


def _blocks(container: Any) -> list[str]:
    """The text of each paragraph of ``container``, tables' cells included, in order."""
    from docx.table import Table

    texts: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    texts += _blocks(cell)
        else:
            texts.append(block.text)
    return texts


def _links(document: Any) -> list[str]:
    from docx.oxml.ns import qn
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    rels = document.part.rels
    found = []
    for element in document.element.body.iter(qn("w:hyperlink")):
        rid = element.get(qn("r:id"))
        rel = rels.get(rid) if rid else None
        if rel is not None and rel.reltype == RT.HYPERLINK and rel.is_external:
            found.append(str(rel.target_ref))
    return found


def _furniture(document: Any) -> list[tuple[str, str]]:
    """The text of every header and footer part the document holds (used or not)."""
    from docx.oxml.ns import qn
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    found = []
    for rel in document.part.rels.values():
        if rel.reltype not in (RT.HEADER, RT.FOOTER) or rel.is_external:
            continue
        part = rel.target_part
        element = getattr(part, "element", None)
        if element is None:
            continue
        paragraphs = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in element.iter(qn("w:p"))]
        text = "\n".join(p for p in paragraphs if p.strip())
        if text:
            found.append((str(part.partname).lstrip("/"), text))
    return sorted(found)


def _pages(document: Any) -> int | None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in document.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            from lxml import etree

            try:
                pages = etree.fromstring(rel.target_part.blob).find(
                    "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Pages")
            except etree.XMLSyntaxError:
                return None
            return int(pages.text) if pages is not None and (pages.text or "").isdigit() else None
    return None


def read_docx(path: Path) -> DocxReading:
    """Read ``path`` with python-docx."""
    import docx

    document = docx.Document(str(path))
    return DocxReading({PYTHON_DOCX: "\n".join(_blocks(document))}, _links(document), _furniture(document),
                       _pages(document))
