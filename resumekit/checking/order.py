"""How much of a document's strings an extraction holds verbatim, and how much in order."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACE = re.compile(r"\s+")
OCCURRENCES = 64
"""The most places one string is looked for: a short string (a city) may stand many times."""


def flat(text: str) -> str:
    """``text`` with each run of white space one space, soft hyphens gone and case folded:
    where an extractor wraps a line must not decide whether a string is there, nor a
    theme that sets its headings in capitals ("EXPERIENCE", ``text-transform``)."""
    return _SPACE.sub(" ", text.replace("\u00ad", "")).strip().casefold()


@dataclass(frozen=True)
class Recovery:
    """How one extraction holds one document's strings."""

    strings: int
    recovered: int
    """Strings found verbatim (white space aside), wherever they are."""
    in_order: int
    """Strings in the longest run found one after the other, as a person reads them."""
    missing: tuple[str, ...]
    out_of_order: tuple[str, ...]
    """Strings found, but not after the string before them."""

    @property
    def recovered_share(self) -> float:
        return self.recovered / self.strings if self.strings else 1.0

    @property
    def in_order_share(self) -> float:
        return self.in_order / self.strings if self.strings else 1.0


def _places(text: str, needle: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    at = text.find(needle)
    while at >= 0 and len(found) < OCCURRENCES:
        found.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    return found


def recovery(text: str, strings: list[str]) -> Recovery:
    """Which of ``strings`` ``text`` holds, and the most of them it holds in order: the
    longest chain over every place each string stands, each after the end of the one
    before, so that a short string that also stands later cannot throw the count off."""
    haystack = flat(text)
    kept: list[tuple[int, int, int]] = []  # (end, chain length, link) for each place a string stands
    links: list[tuple[int, int]] = []  # (string index, previous link or -1)
    present: set[int] = set()
    for i, string in enumerate(strings):
        spots = _places(haystack, flat(string))
        if spots:
            present.add(i)
        chosen = []
        for start, end in spots:
            length, previous = 0, -1
            for kept_end, kept_length, link in kept:
                if kept_end <= start and kept_length > length:
                    length, previous = kept_length, link
            links.append((i, previous))
            chosen.append((end, length + 1, len(links) - 1))
        kept += chosen
    chain: set[int] = set()
    if kept:
        link = max(kept, key=lambda k: (k[1], -k[0]))[2]
        while link >= 0:
            chain.add(links[link][0])
            link = links[link][1]
    return Recovery(len(strings), len(present), len(chain),
                    tuple(s for i, s in enumerate(strings) if i not in present),
                    tuple(s for i, s in enumerate(strings) if i in present and i not in chain))
