"""The bundled term list (terms.yaml): canonical terms, their aliases, and how to find them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .text import normalise, phrase_pattern

TERMS_FILE = Path(__file__).with_name("terms.yaml")


@dataclass(frozen=True)
class Term:
    """A canonical term with the other ways people write it."""

    name: str
    domain: str
    aliases: tuple[str, ...] = ()
    case_sensitive: bool = False

    def forms(self) -> list[tuple[str, str, bool]]:
        """(form, its casefolded text, whether case must match) for the name, then each alias.

        Short all-caps forms (RN, BLS, EHR) match only in capitals.
        """
        return [(form, normalise(form).casefold(), self.case_sensitive or (form.isupper() and len(form) <= 4))
                for form in (self.name, *self.aliases)]

    def patterns(self) -> list[tuple[str, str, re.Pattern[str]]]:
        """(form, its casefolded text, pattern) for the name, then each alias."""
        return [(form, key, phrase_pattern(form, case_sensitive=exact)) for form, key, exact in self.forms()]


class Lexicon:
    """Terms by domain, found in text by name or alias."""

    def __init__(self, terms: list[Term]) -> None:
        self.terms = terms
        self.by_key = {normalise(t.name).casefold(): t for t in terms}
        for t in terms:
            for alias in t.aliases:
                self.by_key.setdefault(normalise(alias).casefold(), t)
        # Patterns are compiled only for forms a text contains: compiling all ~2,000 up
        # front took a second, most of a cold build's tailoring.
        self._forms = [(t, t.forms()) for t in terms]

    def canonical(self, text: str) -> Term | None:
        """The term that ``text`` names (as its name or an alias), if any."""
        return self.by_key.get(normalise(text).casefold())

    def find(self, text: str) -> list[tuple[Term, str, tuple[int, int]]]:
        """Every term found in ``text``: (term, the form written, its span), longest first."""
        text = normalise(text)
        folded = text.casefold()
        hits: list[tuple[Term, str, tuple[int, int]]] = []
        for term, forms in self._forms:
            for form, key, exact in forms:
                if key not in folded:
                    continue  # a cheap test first; most terms are absent
                for match in phrase_pattern(form, case_sensitive=exact).finditer(text):
                    hits.append((term, form, match.span()))
        hits.sort(key=lambda h: (h[2][0], -(h[2][1] - h[2][0])))
        kept: list[tuple[Term, str, tuple[int, int]]] = []
        for hit in hits:
            if kept and hit[2][0] < kept[-1][2][1]:
                continue  # inside a longer term already found ("project" in "project management")
            kept.append(hit)
        return kept


def _entries(raw: object, domain: str) -> list[Term]:
    terms = []
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, str):
            terms.append(Term(item, domain))
        elif isinstance(item, dict) and "term" in item:
            terms.append(Term(str(item["term"]), domain,
                              tuple(str(a) for a in item.get("aliases") or ()),
                              bool(item.get("case_sensitive", False))))
    return terms


@lru_cache(maxsize=1)
def bundled() -> Lexicon:
    """The term list shipped with resumekit."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser: 7x faster on this 54 kB list
    data = yaml.load(TERMS_FILE.read_text(encoding="utf-8"), Loader=loader) if TERMS_FILE.is_file() else {}
    terms: list[Term] = []
    for domain, items in (data or {}).get("domains", {}).items():
        terms += _entries(items, domain)
    return Lexicon(terms)
