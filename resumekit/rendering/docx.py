"""Resume and letter content -> DOCX with python-docx; the only module that imports it.

Every style comes from the theme's ``reference.docx``; this module only picks style
names (Title, Subtitle, Heading 1, Heading 2, List Bullet, Normal, Contact) and adds the
little direct formatting Word has no style for (the second row of an entry, the
letter's spacing). All text sits in body paragraphs: no tables, text boxes, headers or
footers.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.enum.text import WD_LINE_SPACING
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.text.run import Run

from .._version import __version__
from ..documents import Entry, Letter, Link, Resume, Section
from ..documents.content import Look
from ..documents.content import all_text
from ..documents.content import link_target
from ..models.markup import pieces
from ..errors import BuildError
from .docx_package import embeddable_fonts, finish_package
from .design import PHOTO_CM
from .docx_look import apply_look, blend, hex_digits, move_right_tabs, text_width
from .layout import RIGHT_TO_LEFT, contact_rows, kind_name
from .scripts import COMPLEX, EAST_ASIAN, run_language, runs, script_of
from .theme import Theme

# The look of style.css, where Word needs it in code rather than in reference.docx.
MUTED, RULE = "555555", "7FA3C4"
ACCENT_CSS = "#004f90"
"""classic's accent, whose separator colour (RULE) was chosen by eye; another is mixed from it."""
INDENT = 6.0  # pt, .entry { margin-left }
SEPARATOR = "  |  "
SIDE_SEPARATOR = " \u00b7 "
"""Between an entry's position, place and dates, as the PDF's side has it."""
CONTACT_BUDGET = 92  # as in _header.html, so both formats cut the contact line alike
_SELF_EVIDENT = {"location", "email", "phone", "website", "text"}


def _rgb(hex_colour: str) -> Any:

    return RGBColor.from_string(hex_colour)


def _set_language(document: Any, language: str) -> None:

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


PAPER = {"letter": (Mm(215.9), Mm(279.4)), "a4": (Mm(210), Mm(297))}
"""Each paper's width and height."""


def _set_paper(document: Any, paper: str) -> None:
    """The page size of ``paper``; right tab stops at the old text width (the place and
    dates column, the heading rules) move to the new one."""
    section = document.sections[0]
    old = text_width(document)
    section.page_width, section.page_height = PAPER[paper]
    move_right_tabs(document, old)


_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
               "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
               "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
"""The elements OOXML's schema puts after w:bidi in a paragraph's and after w:lang in a run's properties."""


def _script_language(text: str, language: str) -> tuple[str | None, str | None]:
    """The East Asian and the complex-script language a run of ``text`` needs tagged, if it
    holds such characters (see :mod:`.scripts`: kana is Japanese, Hangul Korean, Hebrew,
    Arabic; Han alone is tagged by script unless the document is Chinese or Japanese)."""
    east = complex_ = None
    for start, end in runs(text):
        run = text[start:end]
        script = script_of(run)
        tag = run_language(run, language) or language
        if script in EAST_ASIAN:
            east = east or tag
        elif script in COMPLEX:
            complex_ = complex_ or tag
    return east, complex_


_COMPLEX_TWINS = (("w:sz", "w:szCs"), ("w:b", "w:bCs"), ("w:i", "w:iCs"))
"""Run properties Word keeps apart for complex scripts (Arabic, Hebrew): without the twin,
an Arabic heading is set at the default size, not bold."""


def _complex_like_latin(document: Any) -> None:
    """Every style sets complex-script text as it sets Latin text."""
    for rpr in document.styles.element.iter(qn("w:rPr")):
        for latin, twin in _COMPLEX_TWINS:
            have = rpr.find(qn(latin))
            if have is not None and rpr.find(qn(twin)) is None:
                made = OxmlElement(twin)
                for key, value in have.attrib.items():
                    made.set(key, value)
                have.addnext(made)


def _mark_scripts(document: Any, doc_direction: str, language: str) -> None:
    """Runs in another script carry its language (w:eastAsia, w:bidi) and right-to-left
    runs w:rtl; a paragraph whose first letter runs right to left is a bidi paragraph."""
    from .layout import direction_of

    for paragraph in document.element.body.iter(qn("w:p")):
        texts = ["".join(t.text or "" for t in run.iter(qn("w:t"))) for run in paragraph.iter(qn("w:r"))]
        whole = "".join(texts)
        if (direction_of(whole) or doc_direction) == "rtl":
            ppr = paragraph.get_or_add_pPr()
            if ppr.find(qn("w:bidi")) is None:
                ppr.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)
        for run, text in list(zip(paragraph.iter(qn("w:r")), texts)):
            for piece, part in _split_by_direction(run, text):
                _mark_run(piece, part, language)


def _split_by_direction(run: Any, text: str) -> list[tuple[Any, str]]:
    """``run`` as runs of one direction each: "Dubai (مرحبا بكم) and Tel Aviv" becomes three,
    so only the Arabic one is marked right to left. Runs with a break or a tab stay whole."""
    import copy

    pieces = re.findall(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+(?:[\s\d]+[\u0590-\u08ff\ufb1d-\ufdff"
                        r"\ufe70-\ufeff]+)*|[^\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+", text)
    texts = run.findall(qn("w:t"))
    if len(pieces) < 2 or len(texts) != 1 or len(run) != len(texts) + (run.rPr is not None):
        return [(run, text)]
    made = []
    for part in pieces:
        clone = copy.deepcopy(run)
        clone.find(qn("w:t")).text = part
        clone.find(qn("w:t")).set(qn("xml:space"), "preserve")
        run.addprevious(clone)
        made.append((clone, part))
    run.getparent().remove(run)
    return made


def _mark_run(run: Any, text: str, language: str) -> None:
    import unicodedata

    east, complex_ = _script_language(text, language)
    rtl = any(unicodedata.bidirectional(c) in RIGHT_TO_LEFT for c in text)
    if not (east or complex_ or rtl):
        return
    rpr = run.get_or_add_rPr()
    if rtl:
        rpr.get_or_add_rtl()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.insert_element_before(OxmlElement("w:lang"), *_AFTER_LANG)
    if east:
        lang.set(qn("w:eastAsia"), east)
    if complex_:
        lang.set(qn("w:bidi"), complex_)


def _look_up_styles_once(document: Any) -> None:
    """Remember each style's id: python-docx finds a style by name by scanning all of
    reference.docx's 165 styles, twice, for every styled paragraph (half a resume's time)."""
    look_up = document.part.get_style_id
    found: dict[tuple[str, Any], str | None] = {}

    def get_style_id(style_or_name: Any, style_type: Any) -> str | None:
        if not isinstance(style_or_name, str):
            return look_up(style_or_name, style_type)  # type: ignore[no-any-return]
        key = (style_or_name, style_type)
        if key not in found:
            found[key] = look_up(style_or_name, style_type)
        return found[key]

    document.part.get_style_id = get_style_id


def _hyperlink(paragraph: Any, text: str, url: str) -> Any:
    """A real, clickable link run (python-docx has no public API for it); returns the run."""

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
    return Run(run, paragraph)


def _text(paragraph: Any, text: str, url: str | None = None) -> Any:
    """A run of ``text``, a link when ``url`` is one Word can open."""
    if url and not url.startswith("tel:"):
        return _hyperlink(paragraph, text, url)
    return paragraph.add_run(text)


def _marked(paragraph: Any, text: str) -> Any:
    """``text`` added to ``paragraph`` with its inline Markdown as real runs: bold, italic,
    code (in the muted colour, as in the PDF) and hyperlinks; returns the paragraph."""
    for piece in pieces(text):
        run = _text(paragraph, piece.text, link_target(piece.url))
        run.bold, run.italic = piece.bold or None, piece.italic or None
        if piece.code:
            run.font.color.rgb = _rgb(MUTED)
    return paragraph


def _bottom_rule(paragraph: Any, space: int, colour: str) -> None:
    """A rule of ``colour`` ``space`` points under the paragraph, as under the letterhead."""

    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "5"), ("w:space", str(space)),
                       ("w:color", hex_digits(colour))):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _rule_colour(look: Look) -> str:
    """The light colour of contact separators and section rules: classic's own beside its
    accent, or one mixed from an accent of the user's."""
    return RULE if look.accent.lower() == ACCENT_CSS else blend(look.accent, 0.5)


def _header(document: Any, name: str, label: str, contacts: tuple[Link, ...], look: Look) -> Any:
    """Name, label and contact rows (cut where the PDF cuts them); returns the last paragraph.

    Each contact row is a paragraph of its own: a line break inside one paragraph is
    dropped by some extractors (mammoth reads "...0142maya-okafor.example.com")."""
    separator = _rule_colour(look)
    _lead_in(document)
    last = document.add_paragraph(name, style="Title")
    if label:
        last = document.add_paragraph(label, style="Subtitle")
    rows = contact_rows(contacts, CONTACT_BUDGET) if contacts else []
    for r, row in enumerate(rows):
        last = document.add_paragraph(style="Contact")
        if r < len(rows) - 1:  # the rows sit as close as the lines of one paragraph
            last.paragraph_format.space_after = Pt(0)
        if r:
            last.paragraph_format.space_before = Pt(0)
        for i, link in enumerate(row):
            if i:
                last.add_run(SEPARATOR).font.color.rgb = _rgb(separator)
            if link.kind not in _SELF_EVIDENT and kind_name(link.kind).lower() not in link.text.lower():
                # the PDF's icon says what the text is; here a word says it
                last.add_run(f"{kind_name(link.kind)}: ").font.color.rgb = _rgb(MUTED)
            _text(last, link.text, link.url)
    return last


def _lead_in(document: Any) -> None:
    """An empty paragraph of no height before the name. Pandoc reads the paragraphs in the
    Title and Subtitle styles that open a document as its metadata, not its text, so a
    converted resume would lose the name; after this one they stay in the body."""
    paragraph = document.add_paragraph()
    form = paragraph.paragraph_format
    form.space_before = form.space_after = Pt(0)
    form.line_spacing = Pt(1)
    form.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.add_run("\u00a0").font.size = Pt(1)  # pandoc drops a paragraph with no text at all


def _indented(document: Any, text: str = "", after: float | None = None) -> Any:

    paragraph = document.add_paragraph(text)
    paragraph.paragraph_format.left_indent = Pt(INDENT)
    if after is not None:
        paragraph.paragraph_format.space_after = Pt(after)
    return paragraph


def _entry(document: Any, entry: Entry, first: bool, quote: bool) -> None:
    """An entry read in order by every parser: the employer alone in its Heading 2 (a parser
    takes a heading for the employer), then the italic position, the place and the dates in
    one paragraph, as the PDF has them. No tabs: "Employer\tColumbus, OH" would be read as
    the employer's name. A bare entry (a certificate) is one paragraph, not a heading."""
    title = entry.title or entry.subtitle
    second = entry.subtitle if entry.title else ""
    body = bool(entry.description or entry.bullets)
    if entry.continued:  # a further position at the employer above: its title and dates only
        row = _indented(document, after=0)
        row.paragraph_format.space_before = Pt(3)
        row.paragraph_format.keep_with_next = body
        if second:
            row.add_run(second).italic = True
        _side(row, "", entry.when, lead=bool(second))
        _body(document, entry, quote)
        return
    if not entry.where and not body:
        row = _indented(document, after=0)
        row.paragraph_format.space_before = Pt(0 if first else 4)
        _text(row, title, entry.url).bold = True
        if second:
            row.add_run(", ")
            row.add_run(second).italic = True
        _side(row, "", entry.when, lead=True)
        return
    head = document.add_paragraph(style="Heading 2")
    if first:
        head.paragraph_format.space_before = Pt(0)
    # Heading 2 keeps with the next paragraph; only within the entry, or a run of bare
    # entries would be bound together and to the next section.
    rest = bool(second or entry.where or entry.when)
    head.paragraph_format.keep_with_next = rest or body
    _text(head, title, entry.url)
    if rest:
        row = _indented(document, after=0)
        row.paragraph_format.keep_with_next = body
        if second:
            row.add_run(second).italic = True
        _side(row, entry.where, entry.when, lead=bool(second))
    _body(document, entry, quote)


def _side(paragraph: Any, where: str, when: str, lead: bool) -> None:
    """The place and the dates after what the paragraph holds, muted, as the PDF's side."""
    parts = [part for part in (where, when) if part]
    if not parts:
        return
    run = paragraph.add_run((SIDE_SEPARATOR if lead else "") + SIDE_SEPARATOR.join(parts))
    run.font.color.rgb = _rgb(MUTED)


def _body(document: Any, entry: Entry, quote: bool) -> None:
    """An entry's description and bullets."""
    if entry.description:
        paragraph = _marked(_indented(document, after=0), entry.description)
        paragraph.paragraph_format.space_before = Pt(1)
        paragraph.paragraph_format.keep_with_next = bool(entry.bullets)
        if quote:
            for run in paragraph.runs:
                run.italic = True
    for i, bullet in enumerate(entry.bullets):
        paragraph = _marked(document.add_paragraph(style="List Bullet"), bullet)
        if i == 0:
            paragraph.paragraph_format.space_before = Pt(2)


def _section(document: Any, section: Section, look: Look) -> None:
    """A section: its title, set in the look's style, then its entries."""
    heading = document.add_paragraph(section.title, style="Heading 1")
    heading.paragraph_format.page_break_before = section.break_before or None
    if look.titles == "rule":
        # A light rule under the whole heading line: the PDF's rule runs on from the title's
        # last letter, which Word could draw only with a tab that parsers read as text.
        _bottom_rule(heading, 1, _rule_colour(look))
    elif look.titles == "underline":
        _bottom_rule(heading, 1, look.accent)
    if section.kind == "text":
        _marked(_indented(document), section.text)
    elif section.kind == "bullets":
        _body(document, section.entries[0], quote=False)
    elif section.kind == "lines":
        for entry in section.entries:
            paragraph = _indented(document)
            if entry.label:
                paragraph.add_run(f"{entry.label}: ").bold = True
            paragraph.add_run(entry.description)
    else:
        for i, entry in enumerate(section.entries):
            _entry(document, entry, first=i == 0, quote=section.key == "references")


def _colour_links(document: Any, accent: str) -> None:
    """Links in the person's text in the accent colour, as the PDF sets them (the contact
    line keeps its style's colour)."""
    names = {style.name for style in document.styles}
    kept = {document.styles[name].style_id for name in ("Contact", "Title") if name in names}
    colour = _rgb(hex_digits(accent))
    for paragraph in document.paragraphs:
        # the style's id read from the paragraph itself: python-docx's paragraph.style looks
        # the style up among all of them, a tenth of a long resume's DOCX
        style = paragraph._p.pPr.pStyle if paragraph._p.pPr is not None else None
        if style is not None and style.val in kept:
            continue
        for link in paragraph._p.iter(qn("w:hyperlink")):
            for run in link.iter(qn("w:r")):
                Run(run, paragraph).font.color.rgb = colour


def _floating_photo(paragraph: Any, path: str) -> None:
    """The photo at the top right of the page's text, the header's lines beside it, as in
    the PDF: a picture anchored to the margin with text wrapped on its left."""
    run = paragraph.add_run()
    try:
        run.add_picture(path, width=Cm(PHOTO_CM))  # its height follows, so it is never squashed
    except Exception as exc:  # python-docx raises several kinds on a damaged image
        raise BuildError(f"{path}: the photo (basics.image) cannot be read as a PNG or JPEG "
                         f"({type(exc).__name__}); save it again, or leave photo: true out") from None
    drawing = run._r.find(qn("w:drawing"))
    inline = drawing.find(qn("wp:inline"))
    anchor = OxmlElement("wp:anchor")
    for key, value in (("distT", "0"), ("distB", "0"), ("distL", "114300"), ("distR", "0"), ("simplePos", "0"),
                       ("relativeHeight", "251658240"), ("behindDoc", "0"), ("locked", "0"),
                       ("layoutInCell", "1"), ("allowOverlap", "0")):
        anchor.set(key, value)
    simple = OxmlElement("wp:simplePos")
    simple.set("x", "0")
    simple.set("y", "0")
    anchor.append(simple)
    for axis, tag, text in (("wp:positionH", "wp:align", "right"), ("wp:positionV", "wp:posOffset", "0")):
        position = OxmlElement(axis)
        position.set("relativeFrom", "margin")
        placed = OxmlElement(tag)
        placed.text = text
        position.append(placed)
        anchor.append(position)
    anchor.append(inline.find(qn("wp:extent")))
    effect = inline.find(qn("wp:effectExtent"))
    if effect is None:
        effect = OxmlElement("wp:effectExtent")
        for side in ("l", "t", "r", "b"):
            effect.set(side, "0")
    anchor.append(effect)
    wrap = OxmlElement("wp:wrapSquare")
    wrap.set("wrapText", "left")
    anchor.append(wrap)
    for tag in ("wp:docPr", "wp:cNvGraphicFramePr", "a:graphic"):
        found = inline.find(qn(tag))
        if found is not None:
            anchor.append(found)
    drawing.replace(inline, anchor)


def _resume(document: Any, doc: Resume, scale: float) -> None:
    _header(document, doc.name, doc.label, doc.contacts, doc.look)
    if doc.photo:
        _floating_photo(next(p for p in document.paragraphs if p.style.name == "Title"), doc.photo)
    for section in doc.sections:
        _section(document, section, doc.look)
    if doc.consent:  # small print after the last section, as in the PDF
        clause = document.add_paragraph()
        clause.paragraph_format.space_before = Pt(14)
        run = clause.add_run(doc.consent)
        run.font.size, run.font.color.rgb = Pt(round(7.5 * scale * 2) / 2), _rgb(MUTED)


def _letter(document: Any, doc: Letter, scale: float, leading: float) -> None:
    """A full-block business letter under the resume's letterhead, as letter.html lays it."""

    page = document.sections[0]
    page.top_margin, page.bottom_margin = Cm(1.7), Cm(1.8)
    page.left_margin = page.right_margin = Cm(2.2)
    for style in ("Normal", "List Bullet"):  # body.letter { font-size: 10.5pt; line-height: 1.42 }
        document.styles[style].font.size = Pt(round(10.5 * scale * 2) / 2)
        document.styles[style].paragraph_format.line_spacing = round(1.18 * leading, 3)

    def paragraph(text: str = "", after: float = 0, before: float = 0) -> Any:
        p = document.add_paragraph(text)
        p.paragraph_format.space_before, p.paragraph_format.space_after = Pt(before), Pt(after)
        return p

    letterhead = _header(document, doc.name, doc.label, doc.contacts, doc.look)
    _bottom_rule(letterhead, 9, doc.look.accent)
    letterhead.paragraph_format.space_after = Pt(20)
    paragraph(doc.date, after=14)
    for i, line in enumerate(doc.recipient):  # a paragraph a line: extractors drop line breaks
        paragraph(line, after=14 if i == len(doc.recipient) - 1 else 0)
    if doc.subject:
        paragraph(after=14).add_run(doc.subject).bold = True
    paragraph(doc.greeting, after=9)
    for text in doc.paragraphs:
        _marked(paragraph(after=9), text)
    for i, bullet in enumerate(doc.bullets):
        item = _marked(document.add_paragraph(style="List Bullet"), bullet)
        item.paragraph_format.space_after = Pt(9 if i == len(doc.bullets) - 1 else 3)
    for text in doc.after_bullets:
        _marked(paragraph(after=9), text)
    signoff = paragraph(doc.signoff, before=5)
    signoff.paragraph_format.keep_with_next = True
    paragraph(before=30).add_run(doc.signature).bold = True


CORE_PROPERTY_LIMIT = 255
"""The most characters python-docx lets a core property (title, author) hold."""


def _core_property(text: str) -> str:
    """``text`` cut to fit a core property, ending in an ellipsis if cut; the page keeps it whole."""
    if len(text) <= CORE_PROPERTY_LIMIT:
        return text
    return text[:CORE_PROPERTY_LIMIT - 1].rstrip() + "\u2026"


def _word_count(document: Any) -> int:
    """The words of the document's text: what lies between spaces, tabs and breaks and has a
    letter or a digit (the contact line's separators are no words)."""
    return sum(any(c.isalnum() for c in word) for paragraph in document.paragraphs for word in paragraph.text.split())


def render_docx(doc: Resume | Letter, theme: Theme, stamp: dt.datetime) -> bytes:
    """The DOCX of ``doc``, byte-identical for identical inputs."""
    reference = theme.require("reference.docx")
    try:
        document = docx.Document(str(reference))
    except Exception as exc:  # python-docx raises many kinds on a file that is no DOCX
        raise BuildError(f"{reference}: the theme's reference.docx is not a Word document "
                         f"({type(exc).__name__}: {exc})") from None
    _look_up_styles_once(document)
    _set_language(document, doc.language)
    _set_paper(document, doc.paper)
    base = theme.look()
    apply_look(document, doc.look, base)
    scale, line = doc.look.size / base.size, doc.look.line / base.line
    if any(script_of(text) in COMPLEX for text in all_text(doc)):
        _complex_like_latin(document)
    if isinstance(doc, Letter):
        _letter(document, doc, scale, line)
    else:
        _resume(document, doc, scale)
    _colour_links(document, doc.look.accent)
    _mark_scripts(document, doc.direction, doc.language)
    props = document.core_properties
    props.title = _core_property(doc.title)
    props.author = _core_property(doc.name)
    props.last_modified_by = _core_property(doc.name)
    props.language = doc.language
    props.subject = "Cover letter" if isinstance(doc, Letter) else "Resume"
    props.keywords = ""
    props.comments = "Made with resumekit"
    props.revision = 1
    props.created = props.modified = stamp
    buffer = io.BytesIO()
    document.save(buffer)
    fonts = embeddable_fonts([*theme.fonts(), *(Path(face.path) for face in doc.look.faces)])
    return finish_package(buffer.getvalue(), fonts, _word_count(document), __version__)
