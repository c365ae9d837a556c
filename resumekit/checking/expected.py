"""What a document should read as: its strings, in the order a person reads them, as the
plain text the document shows (inline Markdown stripped), taken from the very content the
build rendered."""

from __future__ import annotations

from dataclasses import dataclass

from ..documents import Letter, Resume
from ..models.markup import plain


@dataclass(frozen=True)
class ExpectedEntry:
    """One entry of an entries section, as a parser should pick it: employer, position, dates."""

    section: str
    employer: str
    position: str
    dates: str


def _shown(strings: list[str]) -> list[str]:
    return [s for s in (" ".join(plain(s).split()) for s in strings) if s]


def resume_strings(doc: Resume) -> list[str]:
    """Name, label, contacts, then per section its title and per entry its title, subtitle,
    place, dates, description and bullets (a further position at the same employer shows
    no title), then the consent clause."""
    strings = [doc.name, doc.label, *(link.text for link in doc.contacts)]
    for section in doc.sections:
        strings += [section.title, section.text]
        for entry in section.entries:
            strings += ["" if entry.continued else entry.title, entry.subtitle, entry.label, entry.where,
                        entry.when, entry.description, *entry.bullets]
    strings.append(doc.consent)
    return _shown(strings)


def letter_strings(doc: Letter) -> list[str]:
    """A cover letter's strings: letterhead, date, recipient, subject, greeting, body, signature."""
    strings = [doc.name, doc.label, *(link.text for link in doc.contacts), doc.date, *doc.recipient, doc.subject,
               doc.greeting, *doc.paragraphs, *doc.bullets, *doc.after_bullets, doc.signoff, doc.signature]
    return _shown(strings)


def document_strings(doc: Resume | Letter) -> list[str]:
    """The strings of either kind of document, in reading order."""
    return resume_strings(doc) if isinstance(doc, Resume) else letter_strings(doc)


def section_titles(doc: Resume | Letter) -> list[str]:
    """The section headings a resume shows (a letter has none)."""
    return _shown([s.title for s in doc.sections]) if isinstance(doc, Resume) else []


def expected_entries(doc: Resume | Letter) -> list[ExpectedEntry]:
    """Every dated or titled entry of a resume's entries sections, in order; a further
    position at one employer is filed under that employer."""
    if not isinstance(doc, Resume):
        return []
    found: list[ExpectedEntry] = []
    for section in doc.sections:
        if section.kind != "entries":
            continue
        employer = ""
        for entry in section.entries:
            if not entry.continued:
                employer = " ".join(plain(entry.title).split())
            position = " ".join(plain(entry.subtitle).split())
            if employer or position:
                found.append(ExpectedEntry(" ".join(section.title.split()), employer, position,
                                           " ".join(entry.when.split())))
    return found


def contact_texts(doc: Resume | Letter) -> list[str]:
    """The contact details the document shows (email, phone, links, place)."""
    return _shown([link.text for link in doc.contacts])
