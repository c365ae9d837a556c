"""A document's :class:`~resumekit.documents.content.Look` as CSS, laid after the theme's.

The theme's ``style.css`` places things; the numbers a user may change (accent, font,
size, line height, margins) come from here, for every theme alike, so a ``design:`` block
changes a theme without copying it.
"""

from __future__ import annotations

from .breaks import HYPHENATED
from ..documents import Letter, Resume
from ..documents.content import Look
from .fonts import face_rules

TITLE_STYLES = {
    "rule": "section > h2 { display: flex; align-items: center; border-bottom: none; padding-bottom: 0; }\n"
            "section > h2::after { content: \"\"; flex: 1; margin: 0.2em 0 0 5pt; "
            "border-bottom: 0.6pt solid var(--accent); }\n"
            "html[dir=\"rtl\"] section > h2::after { margin: 0.2em 5pt 0 0; }",
    "underline": "section > h2 { display: block; border-bottom: 0.6pt solid var(--accent); padding-bottom: 1.5pt; }\n"
                 "section > h2::after { content: none; }",
    "plain": "section > h2 { display: block; border-bottom: none; padding-bottom: 0; }\n"
             "section > h2::after { content: none; }",
}
"""The CSS of each ``sectionTitles`` style, for a design that changes the theme's own."""


PHOTO_CM = 2.5
"""The photo's width on the page, in centimetres; its height keeps its proportions."""


def _family(name: str) -> str:
    """``name`` as a CSS string, with nothing in it that could end the string or the style."""
    return '"' + "".join(c for c in name if c not in '"\\<>{};') + '"'


def design_css(doc: Resume | Letter) -> str:
    """The CSS of ``doc``'s look: variables, the root font, the resume's margins, and what a
    user's design changed from the theme (a font of its own, the section titles, no icons)."""
    look: Look = doc.look
    font = _family(look.font)
    rules = [
        face_rules(look.font, look.faces) if look.faces else "",
        f":root {{ --accent: {look.accent}; --font: {font}; --size: {look.size:g}pt; --line: {look.line:g}; }}",
        f"html {{ font-family: {font}; font-size: {look.size:g}pt; line-height: {look.line:g}; }}",
        f"@page {{ margin: {look.margins}; @bottom-center {{ font-family: {font}; }} }}",
        f".{HYPHENATED} {{ white-space: nowrap; }}",  # "30-day" never ends a line at its hyphen
    ]
    if "sectionTitles" in look.changed:
        rules.append(TITLE_STYLES[look.titles])
    if isinstance(doc, Resume) and doc.photo:  # top right of the header; the theme keeps text clear of it
        rules.append(f"header.with-photo {{ position: relative; min-height: {PHOTO_CM}cm; }}\n"
                     f"header .photo {{ position: absolute; top: 0; right: 0; width: {PHOTO_CM}cm; "
                     "height: auto; }")
    if not look.icons:
        rules.append("header .icon { display: none; }")
    return "\n".join(rule for rule in rules if rule)
