"""The content of a resume or a cover letter: frozen, fully formatted, ready to place.

Everything a template shows is decided before it gets here, as text; templates and the
DOCX writer only place and loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from .locale import Locale, builtin_locale

SectionKind = Literal["entries", "lines", "text"]
Paper = Literal["letter", "a4"]
Direction = Literal["ltr", "rtl"]
"""How a section's entries are shown: titled entries, ``label: text`` lines, or one text."""

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
class Section:
    """A titled section; ``kind`` is ``entries``, ``lines`` (label: text) or ``text``."""

    key: str
    title: str
    kind: SectionKind
    entries: tuple[Entry, ...] = ()
    text: str = ""


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
