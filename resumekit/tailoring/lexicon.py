"""The bundled term list (terms.yaml): canonical terms, their aliases, and how to find them."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .text import TOKEN, normalise, phrase_pattern, senses_agree, stem, stem_key, tokens

TERMS_FILE = Path(__file__).with_name("terms.yaml")
STEMS_FILE = Path(__file__).with_name("terms.stems.json")
"""The Snowball stem of every word of the term list, with the SHA-256 of the terms.yaml
they were taken from: stemming the list's 3,000 words took a sixth of a second of every
cold build. A file that does not match terms.yaml is not used. Regenerate it with
``python -m pytest tests/tailoring/test_lexicon.py --update-reference``."""


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

    def __init__(self, terms: list[Term], known_stems: Mapping[str, str] | None = None) -> None:
        """``known_stems``: the stems of the terms' words, worked out ahead (see
        :data:`STEMS_FILE`); any word they lack is stemmed here."""
        self.terms = terms
        self.by_key = {normalise(t.name).casefold(): t for t in terms}
        for t in terms:
            for alias in t.aliases:
                self.by_key.setdefault(normalise(alias).casefold(), t)
        # Patterns are compiled only for forms a text contains: compiling all ~2,000 up
        # front took a second, most of a cold build's tailoring.
        self._forms = [(t, t.forms()) for t in terms]
        # Every form that may be found in another form of its words ("negotiating" for
        # Negotiation), by its stems; two-word forms also in either order ("educated
        # patients" for Patient Education).
        self._by_stems: dict[tuple[str, ...], tuple[Term, str]] = {}
        self._by_pair: dict[frozenset[str], tuple[Term, str]] = {}
        for term, forms in self._forms:
            for form, _, exact in forms:
                key = stem_key(form, exact, known_stems)
                if key is None:
                    continue
                self._by_stems.setdefault(key, (term, form))
                if len(key) == 2 and key[0] != key[1]:
                    self._by_pair.setdefault(frozenset(key), (term, form))
        self._longest = max((len(k) for k in self._by_stems), default=1)

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
                    if exact and " " not in form and not form.isupper() and not named_as_tool(text, match.span()):
                        continue
                    if len(form) == 1 and not names_a_language(text, match.span()):
                        continue
                    hits.append((term, form, match.span()))
        hits += self._find_by_stems(text)
        hits.sort(key=lambda h: (h[2][0], -(h[2][1] - h[2][0])))
        kept: list[tuple[Term, str, tuple[int, int]]] = []
        for hit in hits:
            if kept and hit[2][0] < kept[-1][2][1]:
                continue  # inside a longer term already found ("project" in "project management")
            kept.append(hit)
        return kept

    def _find_by_stems(self, text: str) -> list[tuple[Term, str, tuple[int, int]]]:
        words = [(m.group(0), m.span()) for m in TOKEN.finditer(text)]
        stems = [stem(w) for w, _ in words]
        hits = []
        for n in range(min(self._longest, len(stems)), 0, -1):
            for i in range(len(stems) - n + 1):
                found = self._by_stems.get(tuple(stems[i:i + n]))
                if found and senses_agree([w for w, _ in words[i:i + n]], tokens(found[1])):
                    hits.append((found[0], found[1], (words[i][1][0], words[i + n - 1][1][1])))
        for i in range(len(stems)):
            for j in (i + 1, i + 2):
                if j >= len(stems) or stems[i] == stems[j]:
                    continue
                found = self._by_pair.get(frozenset((stems[i], stems[j])))
                between = text[words[i][1][1]:words[j][1][0]]
                if found and not re.search(r"[,;:.()|/]", between) \
                        and senses_agree([words[i][0], words[j][0]], tokens(found[1])):  # within one phrase
                    hits.append((found[0], found[1], (words[i][1][0], words[j][1][1])))
        return hits


_LIST_OR_VERSION = re.compile(
    r"^(\s*([,;/)]|$|and\s+[A-Z]|or\s+[A-Z]|&\s*[A-Z]|\d)|\s+\(|\s+[A-Z][\w.+#]*[,)]|\s+(experience|skills?|"
    r"knowledge|proficiency|certifi\w*|expertise|development|programming|administration|reporting|dashboards?|"
    r"modell?ing|formulas|macros|pivot tables|services|data|warehouse|pipelines?)\b)")


_PROGRAMMING = re.compile(r"\b(programming|languages?|cod(e|ing)|coders?|develop\w*|software|embedded|firmware|"
                          r"compil\w*|scripting|python|java|rust|golang|assembly|matlab|sas|spss|stata|"
                          r"statistic\w*|ggplot\w*|tidyverse|rstudio|shiny)\b|C\+\+|C#|\.NET", re.I)


def names_a_language(text: str, span: tuple[int, int]) -> bool:
    """Whether a one-letter name (C, R) names the programming language here: the line
    speaks of programming, and the letter is no grade, band or option ("grade 4/C",
    "Band C", "Option C")."""
    before, after = text[:span[0]], text[span[1]:]
    if re.search(r"(/|\d|\b(grade|grades|band|level|class|option|part|section|type|vitamin|hepatitis|"
                 r"plan|tier|step|block|unit|schedule|appendix|exhibit)\s*)$", before, re.I) or after.startswith("/"):
        return False
    return bool(_PROGRAMMING.search(text))


_FLUFF = re.compile(r"\s+(above|beyond|at|on|quickly|fast|to|the extra|out|up|off|forward|with ease)\b")
"""What follows an English verb, not a tool: "Go above and beyond", "Excel at", "Lean on"."""


def named_as_tool(text: str, span: tuple[int, int]) -> bool:
    """Whether a capitalised word that is also plain English (Excel, Go, Lean, React) names
    the tool here: anywhere but a sentence's start, or at the start when a list or a
    version follows ("Excel, SQL and Tableau"); "Excel at juggling", "Go above and beyond"
    and "React quickly" do not."""
    before = text[:span[0]]
    bare = before.rstrip()
    starts = not bare or bare[-1] in ".!?:;\u2022(" or before.endswith((" - ", " \u2013 ", " \u2014 "))
    if not starts:
        return True  # "Use Excel to build", "services in Go to process events"
    after = text[span[1]:span[1] + 80]
    return not _FLUFF.match(after) and bool(_LIST_OR_VERSION.match(after))


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


def stems_of(text: str) -> dict[str, Any]:
    """What :data:`STEMS_FILE` holds for the term list ``text``: its SHA-256, and the stem
    of every word its names and aliases are made of."""
    terms = _terms(text)
    words = {w.lower() for t in terms for form in (t.name, *t.aliases) for w in tokens(form) if w.isalpha()}
    return {"sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "stems": {w: stem(w) for w in sorted(words)}}


def _terms(text: str) -> list[Term]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser: 7x faster on this 54 kB list
    data = yaml.load(text, Loader=loader) or {}
    terms: list[Term] = []
    for domain, items in data.get("domains", {}).items():
        terms += _entries(items, domain)
    return terms


def _known_stems(text: str) -> dict[str, str] | None:
    try:
        saved = json.loads(STEMS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(saved, dict) or saved.get("sha256") != hashlib.sha256(text.encode("utf-8")).hexdigest():
        return None  # taken from another terms.yaml: stem afresh
    stems = saved.get("stems")
    return stems if isinstance(stems, dict) else None


@lru_cache(maxsize=1)
def bundled() -> Lexicon:
    """The term list shipped with resumekit."""
    text = TERMS_FILE.read_text(encoding="utf-8") if TERMS_FILE.is_file() else ""
    return Lexicon(_terms(text), _known_stems(text))
