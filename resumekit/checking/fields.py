"""The fields a resume parser picks from a document's text: the name (its first line), the
first email and phone number, every link (in the text and behind it), the section headings
and, for each entry the document has, the lines its employer, position and dates are read
from."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from .expected import ExpectedEntry
from .order import flat

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w/.-])\+?\(?\d[\d ().-]{5,}\d(?![\w/-])")
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\"']+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|edu|me|"
                 r"example)/[^\s<>()\"']*", re.IGNORECASE)


@dataclass(frozen=True)
class EntryFields:
    """An entry as a parser that takes a line for a field reads it: the line holding the
    employer, the position and the dates (empty where the text lacks them)."""

    section: str
    employer: str
    position: str
    dates: str


@dataclass
class Fields:
    """What a parser picks from one document."""

    name: str = ""
    email: str = ""
    phone: str = ""
    links: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    entries: list[EntryFields] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\f", "\n").splitlines() if line.strip()]


def _line_of(lines: list[str], needle: str, start: int) -> tuple[str, int]:
    """The first line at or after ``start`` whose text holds ``needle``, and its index."""
    if not needle:
        return "", start
    wanted = flat(needle)
    for i in range(start, len(lines)):
        if wanted in flat(lines[i]):
            return lines[i], i
    return "", start


def _phone(text: str) -> str:
    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if 7 <= len(digits) <= 15 and not re.fullmatch(r"(19|20)\d\d\s*[-–]\s*(19|20)\d\d", match.group()):
            return match.group().strip()
    return ""


def pick_fields(text: str, links: list[str], titles: list[str], entries: list[ExpectedEntry]) -> Fields:
    """The fields of ``text`` (with the link targets found behind it); ``titles`` and
    ``entries`` are what the document should show, to tell which lines are headings and
    where each entry's lines are."""
    lines = _lines(text)
    email = EMAIL.search(text)
    found_links = [m.group().rstrip(".,;:") for m in URL.finditer(text)]
    known = {flat(t) for t in titles}
    headings = [line for line in lines if flat(line) in known]
    picked: list[EntryFields] = []
    at, last = 0, ("", "")  # where the previous entry ends; the previous employer and its line
    for entry in entries:
        if entry.employer and entry.employer == last[0]:  # a further position at the same employer
            employer, i = last[1], at
        else:
            employer, i = _line_of(lines, entry.employer, at)
        position, j = _line_of(lines, entry.position, at)
        dates, k = _line_of(lines, entry.dates, at)
        picked.append(EntryFields(entry.section, employer, position, dates))
        last = (entry.employer, employer)
        at = max(i if employer else at, j if position else at, k if dates else at)
    return Fields(lines[0] if lines else "", email.group() if email else "", _phone(text),
                  list(dict.fromkeys(found_links + links)), headings, picked)
