"""A PDF as parsers read it: pdfminer.six's layout analysis (the text, with where each line
stands and whether it is marked as an artifact) and pypdf's content-stream text, its link
annotations and its fonts, each file read once by each."""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PDFMINER = "pdfminer"
PYPDF = "pypdf"


@dataclass(frozen=True)
class Line:
    """One line of text as pdfminer lays it out: its page, its top and bottom (points from
    the page's foot) and whether it is page furniture marked as an artifact."""

    text: str
    page: int
    top: float
    bottom: float
    height: float
    artifact: bool


@dataclass
class PdfReading:
    """What the readers found in one PDF."""

    texts: dict[str, str]
    pages: int
    lines: list[Line] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    """The URIs of the link annotations, in page order."""
    unembedded: list[str] = field(default_factory=list)
    """Fonts whose descriptor has no FontFile, FontFile2 or FontFile3."""
    without_unicode: list[str] = field(default_factory=list)
    """Composite fonts with no ToUnicode map: their text reads as nothing, or as codes."""
    notdef: list[tuple[str, str]] = field(default_factory=list)
    """(font, characters) for each font that draws glyphs it does not have (the .notdef
    box): the characters no font covered."""
    heights: list[float] = field(default_factory=list)
    """Each page's height in points."""


def read_pdf(path: Path) -> PdfReading:
    """Read ``path`` with pdfminer.six (layout analysis) and with pypdf."""
    lines, text, heights = _pdfminer(path)
    reading = _pypdf(path)
    reading.texts = {PDFMINER: text, **reading.texts}
    reading.lines, reading.heights = lines, heights
    return reading


# --- pdfminer: the layout --------------------------------------------------------------------


def _aggregator() -> Any:
    """A page aggregator that remembers, for each character, whether it is in marked
    content tagged ``/Artifact``: pdfminer's own text leaves that out."""
    from pdfminer.converter import PDFPageAggregator

    class MarkedAggregator(PDFPageAggregator):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.marks: list[str] = []

        def begin_tag(self, tag: Any, props: Any = None) -> None:
            self.marks.append(str(getattr(tag, "name", tag)))

        def end_tag(self) -> None:
            if self.marks:
                self.marks.pop()

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            advance = float(super().render_char(*args, **kwargs))
            setattr(self.cur_item._objs[-1], "artifact", "Artifact" in self.marks)
            return advance

    return MarkedAggregator


def _pdfminer(path: Path) -> tuple[list[Line], str, list[float]]:
    """The lines of every page, the text as ``pdfminer.high_level.extract_text`` gives it
    and each page's height."""
    from pdfminer.layout import LAParams, LTChar, LTContainer, LTText, LTTextBox, LTTextLine
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    manager = PDFResourceManager(caching=True)
    device = _aggregator()(manager, laparams=LAParams())
    interpreter = PDFPageInterpreter(manager, device)
    lines: list[Line] = []
    out: list[str] = []
    heights: list[float] = []

    def walk(item: Any, page: int) -> None:
        if isinstance(item, LTTextLine):
            chars = [c for c in item if isinstance(c, LTChar)]
            marked = bool(chars) and all(getattr(c, "artifact", False) for c in chars)
            lines.append(Line(item.get_text().rstrip("\n"), page, item.y1, item.y0, item.height, marked))
        if isinstance(item, LTContainer):
            for child in item:
                walk(child, page)
        elif isinstance(item, LTText):
            out.append(item.get_text())
        if isinstance(item, LTTextBox):
            out.append("\n")

    with path.open("rb") as stream:
        for number, page in enumerate(PDFPage.get_pages(stream), start=1):
            interpreter.process_page(page)
            layout = device.get_result()
            heights.append(float(layout.height))
            walk(layout, number)
            out.append("\f")
    return lines, "".join(out), heights


# --- pypdf: the content stream, links and fonts ----------------------------------------------


def _pypdf(path: Path) -> PdfReading:
    from pypdf import PdfReader

    reader = PdfReader(path)
    texts, links = [], []
    fonts: dict[str, Any] = {}
    for page in reader.pages:
        texts.append(page.extract_text() or "")
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            if uri is not None:
                links.append(str(uri))
        _fonts_of(page.get("/Resources"), fonts, set())
    reading = PdfReading({PYPDF: "\n".join(texts)}, len(reader.pages), links=links)
    for name, font in fonts.items():
        _check_font(name, font, reading)
    return reading


def _fonts_of(resources: Any, found: dict[str, Any], seen: set[int]) -> None:
    """Every font of ``resources`` and of the forms it draws, by base name."""
    if resources is None:
        return
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        found.setdefault(str(font.get("/BaseFont", "?")).lstrip("/"), font)
    for xobject in (resources.get("/XObject") or {}).values():
        if id(xobject.get_object()) in seen:
            continue
        seen.add(id(xobject.get_object()))
        _fonts_of(xobject.get_object().get("/Resources"), found, seen)


def _check_font(name: str, font: Any, reading: PdfReading) -> None:
    subtype = font.get("/Subtype")
    if subtype == "/Type3":
        return  # its glyphs are drawn by the PDF itself
    descendant = font["/DescendantFonts"][0].get_object() if subtype == "/Type0" else font
    descriptor = descendant.get("/FontDescriptor")
    program = None
    if descriptor is not None:
        descriptor = descriptor.get_object()
        program = next((descriptor[k] for k in ("/FontFile", "/FontFile2", "/FontFile3") if k in descriptor), None)
    if program is None:
        reading.unembedded.append(name)
    if subtype != "/Type0":
        return
    if "/ToUnicode" not in font:
        reading.without_unicode.append(name)
        return
    if program is None or "/FontFile2" not in descriptor:
        return
    count = glyph_count(program.get_object().get_data())
    used = mapped_glyphs(font["/ToUnicode"].get_object().get_data())
    lacking = [text for gid, text in sorted(used.items()) if gid == 0 or (count is not None and gid >= count)]
    if lacking:
        reading.notdef.append((name, "".join(lacking)))


_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.DOTALL)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.DOTALL)
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def _utf16(code: bytes) -> str:
    return bytes.fromhex(code.decode("ascii")).decode("utf-16-be", "replace")


def mapped_glyphs(cmap: bytes) -> dict[int, str]:
    """Each glyph id a ToUnicode map gives text for (bfchar and bfrange), and that text."""
    used: dict[int, str] = {}
    for block in _BFCHAR.findall(cmap):
        codes = _HEX.findall(block)
        used.update((int(source, 16), _utf16(text)) for source, text in zip(codes[0::2], codes[1::2]))
    for block in _BFRANGE.findall(cmap):
        for line in block.splitlines():
            codes = _HEX.findall(line)
            if len(codes) >= 3:
                first, last, start = int(codes[0], 16), int(codes[1], 16), _utf16(codes[2])
                for offset, gid in enumerate(range(first, min(last, first + 0xFFFF) + 1)):
                    used[gid] = start[:-1] + chr(ord(start[-1]) + offset) if start else ""
    return used


def glyph_count(font: bytes) -> int | None:
    """The number of glyphs a TrueType font program has (its ``maxp`` table), if readable."""
    try:
        tables = struct.unpack_from(">H", font, 4)[0]
        for i in range(tables):
            tag, _, offset, _ = struct.unpack_from(">4sIII", font, 12 + 16 * i)
            if tag == b"maxp":
                return int(struct.unpack_from(">H", font, offset + 4)[0])
    except struct.error:
        return None
    return None
