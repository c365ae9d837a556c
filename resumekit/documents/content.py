"""The content of a resume or a cover letter: frozen, fully formatted, ready to place.

Everything a template shows is decided before it gets here, as text; templates and the
DOCX writer only place and loop.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal
from urllib.parse import urlsplit

from .locale import Locale, builtin_locale

SectionKind = Literal["entries", "lines", "text", "bullets"]
Paper = Literal["letter", "a4"]
Direction = Literal["ltr", "rtl"]
"""How a section's entries are shown: titled entries, ``label: text`` lines, one text, or
the bullets of its one entry."""

LINKABLE = {"http", "https", "mailto", "tel"}


def link_target(url: str | None) -> str | None:
    """``url`` if a document may link to it (web, mail, phone); ``None`` for anything else,
    such as a ``javascript:`` or ``file:`` URL, which a resume has no business carrying."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in LINKABLE else None


@dataclass(frozen=True)
class Link:
    """A piece of text that may point somewhere; ``kind`` names an icon (email, phone, ...)."""

    text: str
    url: str | None = None
    kind: str = "text"

    def __post_init__(self) -> None:
        object.__setattr__(self, "url", link_target(self.url))


@dataclass(frozen=True)
class Entry:
    """One entry of a section: a job, a degree, a certificate, a skill group..."""

    title: str = ""
    subtitle: str = ""
    when: str = ""
    where: str = ""
    url: str | None = None
    description: str = ""
    bullets: tuple[str, ...] = ()
    label: str = ""
    continued: bool = False
    """A further position at the employer of the entry before it (a promotion): shown
    under that employer's heading with only its title and dates."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "url", link_target(self.url))


@dataclass(frozen=True)
class FontFace:
    """One file of a font family: its path, weight (400, 700) and whether it is italic."""

    path: str
    weight: int = 400
    italic: bool = False


@dataclass(frozen=True)
class Look:
    """The settings a theme's look is drawn with: its ``theme.yaml`` under a user's ``design:``."""

    accent: str = "#004f90"
    font: str = "Lato"
    size: float = 10.0
    """The body text's size in points."""
    line: float = 1.36
    """The body text's line height, in lines."""
    margins: str = "1.5cm 1.8cm 1.6cm 1.8cm"
    """The resume's page margins, CSS shorthand."""
    titles: str = "rule"
    """How section titles are set: ``rule``, ``underline`` or ``plain``."""
    icons: bool = True
    faces: tuple[FontFace, ...] = ()
    """The files of ``font`` when a design chose it (the theme's own CSS names its own font)."""
    changed: tuple[str, ...] = ()
    """The settings a user's design changed from the theme's (``sectionTitles``, ``font``...)."""

    def designed(self, settings: Mapping[str, Any]) -> Look:
        """This look with a design's ``settings`` (``{"fontSize": 11}``) applied."""
        return replace(self, **{DESIGN_TO_LOOK[name]: value for name, value in settings.items()})


DESIGN_TO_LOOK = {"accent": "accent", "font": "font", "fontSize": "size", "lineSpacing": "line",
                  "margins": "margins", "sectionTitles": "titles", "icons": "icons"}
"""Each setting of a ``design:`` block and the :class:`Look` field it sets."""


@dataclass(frozen=True)
class Section:
    """A titled section; ``kind`` is ``entries``, ``lines`` (label: text), ``text`` or ``bullets``."""

    key: str
    title: str
    kind: SectionKind
    entries: tuple[Entry, ...] = ()
    text: str = ""
    break_before: bool = False
    """Whether the section starts on a new page (``pageBreakBefore``)."""


@dataclass(frozen=True)
class Resume:
    """Everything a resume shows, in order."""

    name: str
    label: str
    contacts: tuple[Link, ...]
    sections: tuple[Section, ...]
    language: str = "en"
    paper: Paper = "letter"
    direction: Direction = "ltr"
    page_label: str = "Page {page} of {pages}"
    """The footer after the name, with ``{page}`` and ``{pages}`` for the numbers."""
    kind: str = "Resume"
    """What the document is called in its language, for its title."""
    consent: str = ""
    """A data-processing consent clause for the foot of the resume (expected in Poland)."""
    look: Look = Look()
    photo: str | None = None
    """The photo's file, absolute, when the resume shows one."""

    @property
    def title(self) -> str:
        return f"{self.name} \u2013 {self.kind}" if self.name else self.kind


@dataclass(frozen=True)
class Letter:
    """Everything a cover letter shows, in order."""

    name: str
    contacts: tuple[Link, ...]
    date: str
    recipient: tuple[str, ...]
    subject: str
    greeting: str
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...]
    after_bullets: tuple[str, ...]
    signoff: str
    signature: str
    language: str = "en"
    label: str = ""
    paper: Paper = "letter"
    direction: Direction = "ltr"
    kind: str = "Cover Letter"
    look: Look = Look()

    @property
    def title(self) -> str:
        return f"{self.name} \u2013 {self.kind}" if self.name else self.kind


@dataclass(frozen=True)
class Options:
    """How documents are written: language and its phrases, paper, and the date that dates letters."""

    language: str = "en"
    date: str | None = None
    """The letter's date (``2026-11-26``); the builder settles it, ``None`` means today."""
    locale: Locale | None = None
    """The phrases and date rules; ``None``: the built-in ones of ``language``."""
    paper: Paper = "letter"
    section_order: tuple[str, ...] = ()
    """Sections of the resume to put first, in this order (``sectionOrder``)."""
    breaks_before: tuple[str, ...] = ()
    """Sections of the resume that start on a new page (``pageBreakBefore``)."""
    look: Look = Look()
    photo: str | None = None
    """The photo file the resume shows, absolute; ``None``: no photo."""

    @property
    def phrases(self) -> Locale:
        return self.locale or builtin_locale(self.language)


def all_text(value: object) -> list[str]:
    """Every string a document's content holds, in order."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (tuple, list)):
        return [text for item in value for text in all_text(item)]
    if hasattr(value, "__dataclass_fields__"):
        return [text for name in value.__dataclass_fields__ for text in all_text(getattr(value, name))]
    return []
