"""Resume and letter content -> DOCX with python-docx; the only module that imports it.

Every style comes from the theme's ``reference.docx``; this module only picks style
names (Title, Heading 1, Heading 2, List Bullet, Contact). All text sits in body
paragraphs: no tables, text boxes, headers or footers.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from ..documents import Entry, Letter, Resume, Section

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def _reference(theme_dirs: list[Path]) -> Path:
    for folder in theme_dirs:
        if (folder / "reference.docx").is_file():
            return folder / "reference.docx"
    raise FileNotFoundError("no reference.docx in the theme")


def _set_language(document: Any, language: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), language)


def _hyperlink(paragraph: Any, text: str, url: str) -> None:
    """A real, clickable link run (python-docx has no public API for it)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    text_el = OxmlElement("w:t")
    text_el.text = text
    text_el.set(qn("xml:space"), "preserve")
    run.append(text_el)
    link.append(run)
    paragraph._p.append(link)


def _header(document: Any, name: str, label: str, contacts: tuple[Any, ...]) -> None:
    document.add_paragraph(name, style="Title")
    if label:
        document.add_paragraph(label, style="Subtitle")
    if contacts:
        line = document.add_paragraph(style="Contact")
        for i, link in enumerate(contacts):
            if i:
                line.add_run("  |  ")
            if link.url and not link.url.startswith("tel:"):
                _hyperlink(line, link.text, link.url)
            else:
                line.add_run(link.text)


def _entry(document: Any, entry: Entry) -> None:
    head = document.add_paragraph(style="Heading 2")
    if entry.title:
        head.add_run(entry.title)
    if entry.subtitle:
        run = head.add_run(f", {entry.subtitle}" if entry.title else entry.subtitle)
        run.bold = False
    side = " \u00b7 ".join(p for p in (entry.where, entry.when) if p)
    if side:
        run = head.add_run(f"\t{side}")
        run.bold = False
    if entry.description:
        paragraph = document.add_paragraph(entry.description)
        paragraph.paragraph_format.space_after = 0
    for bullet in entry.bullets:
        document.add_paragraph(bullet, style="List Bullet")


def _section(document: Any, section: Section) -> None:
    document.add_heading(section.title, level=1)
    if section.kind == "text":
        document.add_paragraph(section.text)
    elif section.kind == "lines":
        for entry in section.entries:
            paragraph = document.add_paragraph()
            if entry.label:
                paragraph.add_run(f"{entry.label}: ").bold = True
            paragraph.add_run(entry.description)
    else:
        for entry in section.entries:
            _entry(document, entry)


def _resume(document: Any, doc: Resume) -> None:
    _header(document, doc.name, doc.label, doc.contacts)
    for section in doc.sections:
        _section(document, section)


def _letter(document: Any, doc: Letter) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    _header(document, doc.name, "", doc.contacts)
    date = document.add_paragraph(doc.date)
    date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    date.paragraph_format.space_after = Pt(10)
    for i, line in enumerate(doc.recipient):
        paragraph = document.add_paragraph(line)
        paragraph.paragraph_format.space_after = Pt(10) if i == len(doc.recipient) - 1 else 0
    if doc.subject:
        subject = document.add_paragraph()
        subject.add_run(doc.subject).bold = True
        subject.paragraph_format.space_after = Pt(8)
    body_space = Pt(8)
    document.add_paragraph(doc.greeting).paragraph_format.space_after = body_space
    for text in doc.paragraphs:
        document.add_paragraph(text).paragraph_format.space_after = body_space
    for bullet in doc.bullets:
        document.add_paragraph(bullet, style="List Bullet")
    for text in doc.after_bullets:
        paragraph = document.add_paragraph(text)
        paragraph.paragraph_format.space_before = body_space if text is doc.after_bullets[0] else 0
        paragraph.paragraph_format.space_after = body_space
    document.add_paragraph(doc.signoff).paragraph_format.space_before = Pt(6)
    signature = document.add_paragraph()
    signature.add_run(doc.signature).bold = True
    signature.paragraph_format.space_before = Pt(14)


def _reproducible_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps and permissions, in the same order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()


def render_docx_bytes(doc: Resume | Letter, theme_dirs: list[Path], stamp: dt.datetime) -> bytes:
    """The DOCX of ``doc``, byte-identical for identical inputs."""
    import docx

    document = docx.Document(str(_reference(theme_dirs)))
    _set_language(document, doc.language)
    if isinstance(doc, Letter):
        _letter(document, doc)
    else:
        _resume(document, doc)
    props = document.core_properties
    props.title = doc.title
    props.author = doc.name
    props.last_modified_by = doc.name
    props.language = doc.language
    props.subject = "Cover letter" if isinstance(doc, Letter) else "Resume"
    props.keywords = ""
    props.comments = "Made with resumekit"
    props.revision = 1
    props.created = props.modified = stamp
    buffer = io.BytesIO()
    document.save(buffer)
    return _reproducible_zip(buffer.getvalue())
