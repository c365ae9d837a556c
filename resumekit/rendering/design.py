"""A document's :class:`~resumekit.documents.content.Look` as CSS, laid after the theme's.

The theme's ``style.css`` places things; the numbers a user may change (accent, font,
size, line height, margins) come from here, for every theme alike, so a ``design:`` block
changes a theme without copying it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .breaks import HYPHENATED
from ..documents import Letter, Resume
from ..documents.content import Link, Look
from .layout import direction_of
from .fonts import face_rules
from .theme import builtin_themes_dir

if TYPE_CHECKING:  # the sheet's module loads tailoring, which a resume's PDF does not need
    from ..documents.interview import InterviewSheet

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


ICON_FONTS = ("classic", "fonts", "icons")
"""Where, under the built-in themes, the contact icons' fonts are (``email-ltr.otf``...),
made by ``templates/classic/make_icon_fonts.py``; ``web`` draws any link without one."""
ICON_BLANK = "0.6em"
"""The blank each icon's glyph draws before itself (``LEAD`` of make_icon_fonts.py). With
the icon's margins it parts a contact from the one before; the first of a row gives it
back, so the row stays centred."""
ICON_MARGINS = ("0.3em", "0.2em")
"""The icon's margins, towards the contact before and towards its own text: each gap
wider than pdfplumber's 3 pt for a word break, the whole gap narrower than the 0.7 em
at which pdftotext and pdfminer start a column."""


def _icon_family(kind: str, direction: str) -> str:
    return f'"resumekit icon {kind}{" rtl" if direction == "rtl" else ""}"'


@lru_cache(maxsize=1)
def _icon_fonts() -> tuple[Path, frozenset[str]]:
    """The icon fonts' folder and the kinds drawn there, looked up once per process."""
    folder = builtin_themes_dir().joinpath(*ICON_FONTS)
    return folder, frozenset(path.name.removesuffix("-ltr.otf") for path in folder.glob("*-ltr.otf"))


def icon_css(contacts: Iterable[Link], direction: str) -> str:
    """The icons of ``contacts`` as characters of their own fonts, one per kind and
    direction: a contact whose text runs right to left has its icon, and the blank, the
    other way. Only the fonts the contacts use are named (an HTML page holds each named)."""
    folder, drawn = _icon_fonts()
    kinds = sorted({link.kind if link.kind in drawn else "web" for link in contacts if link.kind != "text"})
    if not kinds:
        return ""
    directions = ["ltr"]
    if any((direction_of(link.text) or "ltr") == "rtl" for link in contacts) or (
            direction == "rtl" and any(direction_of(link.text) is None for link in contacts)):
        directions.append("rtl")
    rules = [f"@font-face {{ font-family: {_icon_family(kind, way)}; "
             f'src: url("{(folder / f"{kind}-{way}.otf").as_uri()}"); }}' for kind in kinds for way in directions]
    rtl = 'header .contact[dir="rtl"] {0}, html[dir="rtl"] header .contact:not([dir]) {0}'
    before, after = ICON_MARGINS
    rules.append(f"header .icon {{ font-family: {_icon_family('web', 'ltr')}; font-style: normal; "
                 f"font-weight: normal; color: var(--accent); margin: 0 {after} 0 {before}; }}")
    rules.append(rtl.format(".icon") + f" {{ font-family: {_icon_family('web', 'rtl')}; "
                 f"margin: 0 {before} 0 {after}; }}")
    for kind in kinds:
        rules.append(f"header .icon-{kind} {{ font-family: {_icon_family(kind, 'ltr')}; }}")
        rules.append(rtl.format(f".icon-{kind}") + f" {{ font-family: {_icon_family(kind, 'rtl')}; }}")
    rules.append('html[dir="ltr"] header .row-start:not([dir="rtl"]) .icon, '
                 f'html[dir="rtl"] header .row-end[dir="ltr"] .icon {{ margin-left: -{ICON_BLANK}; }}')
    rules.append('html[dir="rtl"] header .row-start:not([dir]) .icon, '
                 f'html[dir="ltr"] header .row-end[dir="rtl"] .icon {{ margin-right: -{ICON_BLANK}; }}')
    return "\n".join(rules)


def design_css(doc: Resume | Letter | InterviewSheet) -> str:
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
    if look.icons:
        rules.append(icon_css(doc.contacts, doc.direction))
    elif "icons" in look.changed:  # turned off in a theme that draws them: the dots part the contacts
        rules.append("header .icon { color: var(--muted); } header .row-start .icon { display: none; }")
    else:
        rules.append("header .icon { display: none; }")
    return "\n".join(rule for rule in rules if rule)
