"""A design's look applied to a DOCX's styles, so the DOCX changes as the PDF does.

The theme's ``reference.docx`` is drawn at the theme's own look (its ``theme.yaml``); a
look that differs moves its styles by the same amounts: another font family wherever the
theme's is named, every size and line height scaled, the theme's accent colour replaced,
and the page margins of the resume set.
"""

from __future__ import annotations

import re
from typing import Any

from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Mm, Pt

from ..documents.content import Look

_UNITS = {"cm": Cm, "mm": Mm, "in": Inches, "pt": Pt}
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")


def margins(shorthand: str) -> tuple[Any, Any, Any, Any]:
    """CSS's margin shorthand (one to four lengths) as top, right, bottom and left lengths."""
    lengths = [_UNITS[unit](float(number)) for number, unit in re.findall(r"(\d+(?:\.\d+)?)(cm|mm|in|pt)", shorthand)]
    if len(lengths) < 4:  # as CSS: left as right, bottom as top, right as top
        lengths = (lengths * 4)[:2] if len(lengths) == 1 else lengths
        lengths = [*lengths, *([lengths[0]] if len(lengths) == 2 else []), lengths[1]]
    top, right, bottom, left = lengths
    return top, right, bottom, left


def blend(colour: str, weight: float) -> str:
    """``colour`` (``#004f90``) mixed with white, ``weight`` of it kept: a lighter accent, as hex digits."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    channels = [int(digits[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c * weight + 255 * (1 - weight)):02X}" for c in channels)


def hex_digits(colour: str) -> str:
    """``#004f90`` or ``#04f`` as Word writes a colour: ``004F90``."""
    digits = colour.lstrip("#").upper()
    return "".join(c * 2 for c in digits) if len(digits) == 3 else digits


def apply_look(document: Any, look: Look, base: Look) -> None:
    """Move the document's styles from the theme's look ``base`` to ``look``."""
    styles = document.styles.element
    if look.font != base.font:
        for fonts in styles.iter(qn("w:rFonts")):
            for slot in _FONT_SLOTS:
                if fonts.get(qn(slot)) == base.font:
                    fonts.set(qn(slot), look.font)
    if look.size != base.size:
        factor = look.size / base.size
        for tag in ("w:sz", "w:szCs"):
            for size in styles.iter(qn(tag)):
                size.set(qn("w:val"), str(max(2, round(int(size.get(qn("w:val"))) * factor))))
    if look.line != base.line:
        factor = look.line / base.line
        for spacing in styles.iter(qn("w:spacing")):
            line = spacing.get(qn("w:line"))
            if line is not None and spacing.get(qn("w:lineRule"), "auto") == "auto":
                spacing.set(qn("w:line"), str(round(int(line) * factor)))
    if look.accent != base.accent:
        old, new = hex_digits(base.accent), hex_digits(look.accent)
        for colour in styles.iter(qn("w:color")):
            if (colour.get(qn("w:val")) or "").upper() == old:
                colour.set(qn("w:val"), new)
    if look.margins != base.margins:
        page = document.sections[0]
        width = text_width(document)
        page.top_margin, page.right_margin, page.bottom_margin, page.left_margin = margins(look.margins)
        move_right_tabs(document, width)


def text_width(document: Any) -> Any:
    """The width between the page's margins."""
    page = document.sections[0]
    return page.page_width - page.left_margin - page.right_margin


def move_right_tabs(document: Any, old: Any) -> None:
    """Right tab stops at the old text width ``old`` (the place and dates column, the
    heading rules) moved to the page's text width now."""
    new = text_width(document)
    if old == new:
        return
    old_twips, new_twips = str(round(old / 635)), str(round(new / 635))  # EMU -> twentieths of a point
    for tab in document.styles.element.iter(qn("w:tab")):
        if tab.get(qn("w:val")) == "right" and tab.get(qn("w:pos")) == old_twips:
            tab.set(qn("w:pos"), new_twips)
