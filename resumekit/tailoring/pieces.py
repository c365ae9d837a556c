"""The pieces of a profile that tailoring scores, and the record of what it leaves out."""

from __future__ import annotations

from dataclasses import dataclass

from ..models.profile import SECTION_INFO
from .matching import Hit

DETAILS = -1
"""A place's ``highlight`` index for an entry's details (an education's courses and grade)."""


@dataclass(frozen=True)
class Place:
    """Where a piece of text sits in the tailored profile."""

    section: str
    entry: int
    highlight: int | None = None
    name: str = ""

    @property
    def label(self) -> str:
        info = SECTION_INFO.get(self.section)
        where = info.title if info else self.section
        if self.section == "summary":
            return f"Summary (variant {self.entry + 1})"
        what = f"{where}: {self.name}" if self.name else f"{where} #{self.entry + 1}"
        if self.highlight == DETAILS:
            return f"{what}, courses and grade"
        return what if self.highlight is None else f"{what}, highlight {self.highlight + 1}"


@dataclass(frozen=True)
class Unit:
    """A scored piece of the profile."""

    place: Place
    text: str
    score: float
    hits: tuple[Hit, ...]
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dropped:
    """Something left out of the tailored resume, and why."""

    label: str
    text: str
    reason: str  # "page budget", "excluded by tag 'x'", "not included (tags: ...)", "other summary variant"
    hits: tuple[Hit, ...] = ()
    place: Place | None = None  # where it stood in the tailored profile (page-budget drops)
