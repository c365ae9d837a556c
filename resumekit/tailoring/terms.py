"""The terms a job asks for, each weighed by where the job says it.

Required qualifications and listed skills weigh most, responsibilities next, then the
title and description; nice-to-haves weigh least. Terms come from the bundled term list
(with aliases) and, for words the list lacks, from the job's own text: symbols and
acronyms (HIPAA, FHIR), capitalised tool names, and word pairs the job repeats.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ..models.target import Target
from .lexicon import Lexicon, bundled
from .text import STOPWORDS, normalise, tokens

REQUIRED, RESPONSIBILITY, TITLE, KIND_GENERAL, NICE = "required", "responsibility", "title", "general", "nice"
WEIGHTS = {REQUIRED: 3.0, RESPONSIBILITY: 2.0, TITLE: 2.0, KIND_GENERAL: 1.0, NICE: 1.0}
UNLISTED_FACTOR = 0.7  # a term the list lacks is less certain to be one
MAX_TERMS = 40
FEW_TERMS = 6

_HEADINGS = (
    (NICE, re.compile(r"^(nice[- ]to[- ]haves?|preferred|bonus|pluses|desired|good to have|"
                      r"it'?s a plus|would be (great|nice)|extra credit)\b", re.I)),
    (REQUIRED, re.compile(r"^((basic|key|essential|core) )?(requirements?|required|qualifications?|"
                          r"must[- ]haves?|minimum|what you('ll| will)? (need|bring)|you have|who you are|"
                          r"skills|about you|what we('re| are) looking for)\b", re.I)),
    (RESPONSIBILITY, re.compile(r"^((key|main|core|your) )?(responsibilit(y|ies)|"
                                r"what you('ll| will)? (be )?do(ing)?|the role|duties|in this role|"
                                r"your impact|day to day)\b", re.I)),
    (KIND_GENERAL, re.compile(r"^(about|benefits|perks|compensation|salary|why|our|we offer|"
                         r"how to apply|location)\b", re.I)),
)


@dataclass
class JobTerm:
    """A term the job asks for: its display form, weight, and where the job says it."""

    name: str
    weight: float
    kind: str  # the weightiest place it appears: required, responsibility, title, general, nice
    listed: bool  # in the bundled term list (else found from the job's own text)
    aliases: tuple[str, ...] = ()
    case_sensitive: bool = False
    count: int = 1
    sources: list[str] = field(default_factory=list)


_HEADING_FILLER = frozenset({"points", "haves", "bring", "need", "offer"})
"""Words a heading may have beyond its pattern ("Bonus points", "Preferred qualifications")."""


def _heading_kind(line: str) -> tuple[str | None, str | None, str]:
    """What ``line`` heads and says: (section kind or ``None``, its own kind or ``None``, content).

    "Requirements" heads a section and says nothing; "Preferred: Tableau" heads one and
    says something in it; "Minimum 3 years of SQL" says something of that kind without
    heading a section.
    """
    stripped = line.strip().rstrip(":").strip()
    head, colon, content = stripped.partition(":")
    if colon and content.strip() and len(head.split()) <= 7:
        kind = _match_heading(head.strip())
        if kind:
            return kind, kind, content.strip()
    words = stripped.split()
    if not words or len(words) > 7:
        return None, None, line
    if not (line.strip().endswith(":") or len(words) <= 4) or stripped.endswith("."):
        return None, None, line
    for kind, pattern in _HEADINGS:
        match = pattern.match(stripped)
        if match:
            said = [w for w in tokens(stripped[match.end():])
                    if w.casefold() not in STOPWORDS and w.casefold() not in _HEADING_FILLER]
            return (None, kind, line) if said else (kind, kind, "")
    return None, None, line


def _match_heading(text: str) -> str | None:
    return next((kind for kind, pattern in _HEADINGS if pattern.match(text)), None)


def posting_parts(text: str) -> list[tuple[str, str]]:
    """Lines of a pasted posting, each with the kind of section it stands in."""
    parts: list[tuple[str, str]] = []
    kind = KIND_GENERAL
    for line in normalise_lines(text):
        section, own, content = _heading_kind(line)
        if section:
            kind = section
        if content:
            parts.append((content, own or kind))
    return parts


def normalise_lines(text: str) -> list[str]:
    """The non-empty lines of ``text``, normalised, bullets stripped."""
    lines = []
    for raw in text.splitlines():
        line = normalise(raw).lstrip("-*\u2022\u00b7 ").strip()
        if line:
            lines.append(line)
    return lines


_SOFTENED = re.compile(r"\b(preferred|a plus|nice to have|bonus|ideally|desirable|advantageous)\b", re.I)


def _softened(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A requirement that says it is only preferred ("Bachelor's degree preferred") is a nice-to-have."""
    return [(text, NICE if kind == REQUIRED and _SOFTENED.search(text) else kind) for text, kind in parts]


def job_parts(target: Target) -> list[tuple[str, str]]:
    """Every piece of text the job has, each with its kind."""
    parts: list[tuple[str, str]] = []
    if target.title:
        parts.append((target.title, TITLE))
    parts += [(q, REQUIRED) for q in target.qualifications]
    for skill in target.skills:
        parts += [(k, REQUIRED) for k in skill.keywords]
        if skill.name:
            parts.append((skill.name, RESPONSIBILITY))
    parts += [(r, RESPONSIBILITY) for r in target.responsibilities]
    if target.description:
        parts += [(line, KIND_GENERAL) for line in normalise_lines(target.description)]
    if target.experience:
        parts.append((target.experience, KIND_GENERAL))
    if target.posting_text:
        parts += posting_parts(target.posting_text)
    return _softened(parts)


NOT_TERMS = frozenset({"DOE", "EOE", "USA", "PTO", "FAQ", "ASAP", "FTE", "OTE", "TBD", "LLC", "INC", "EEO"})
"""Capitals job ads use that are not skills: pay 'DOE', 'EOE', 'PTO'..."""


def _stoplike(word: str) -> bool:
    return word.casefold() in STOPWORDS or word.isdigit() or len(word) < 2


def _unlisted_candidates(text: str, exclude: set[str]) -> list[str]:
    """Acronyms, symbol-bearing words and capitalised names that the list may lack."""
    found = []
    words = tokens(text)
    for i, word in enumerate(words):
        if _stoplike(word) or word.casefold() in exclude or word.upper() in NOT_TERMS:
            continue
        has_symbol = any(c in word for c in "+#./&") and any(c.isalpha() for c in word)
        acronym = (word.isupper() and 3 <= len(word) <= 6 and word[0].isalpha() and word.isalnum()
                   and sum(c.isdigit() for c in word) <= 1)  # HL7, not PA (a state) or FY2026
        named = word[0].isupper() and i > 0 and not word.isupper()
        if has_symbol or acronym or named:
            found.append(word)
    return found


def _pairs(text: str) -> list[str]:
    pairs = []
    for piece in text.split("|"):  # never across a term taken out ("care | gap" is no pair)
        words = [w.lower() for w in tokens(piece)]
        pairs += [f"{a} {b}" for a, b in zip(words, words[1:])
                  if not _stoplike(a) and not _stoplike(b) and a.isalpha() and b.isalpha()]
    return pairs


def extract_terms(target: Target, lexicon: Lexicon | None = None) -> list[JobTerm]:
    """The job's terms, weightiest first (ties by name), at most ``MAX_TERMS``."""
    lexicon = lexicon or bundled()
    parts = job_parts(target)
    exclude = {w.casefold() for w in tokens(f"{target.company or ''} {target.title or ''}")}
    if target.location:
        exclude |= {w.casefold() for w in tokens(f"{target.location.city or ''} {target.location.region or ''}")}
    terms: dict[str, JobTerm] = {}

    def note(key: str, name: str, kind: str, listed: bool, aliases: tuple[str, ...] = (),
             case_sensitive: bool = False) -> None:
        weight = WEIGHTS[kind] * (1.0 if listed else UNLISTED_FACTOR)
        current = terms.get(key)
        if current is None:
            terms[key] = JobTerm(name, weight, kind, listed, aliases, case_sensitive, 1, [kind])
            return
        current.count += 1
        if kind not in current.sources:
            current.sources.append(kind)
        if weight > current.weight:
            current.weight, current.kind = weight, kind

    pair_counts: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    candidates: list[tuple[str, str]] = []
    keywords = {normalise(k).casefold() for skill in target.skills for k in skill.keywords}
    for text, kind in parts:
        text = normalise(text)  # the spans found are in normalised text
        hits = lexicon.find(text)
        covered = [span for _, _, span in hits]
        for term in dict.fromkeys(term for term, _, _ in hits):  # "Kubernetes (k8s)" says it once
            note(term.name.casefold(), term.name, kind, True, term.aliases, term.case_sensitive)
        if not hits and text.casefold() in keywords and len(tokens(text)) <= 4 \
                and any(not _stoplike(w) for w in tokens(text)):
            # A skill keyword the employer listed is a term, whether or not the list has it.
            note(text.casefold(), text, kind, False)
            continue
        rest = text
        for start, end in sorted(covered, reverse=True):
            rest = rest[:start] + " | " + rest[end:]
        for word in _unlisted_candidates(rest, exclude):
            if lexicon.canonical(word) is None:
                capitalised.update([word.casefold()])
                candidates.append((word, kind))
        pair_counts.update(set(_pairs(rest)))
    for word, kind in candidates:
        # A plain capitalised word ("Canada", "Product") counts only when the job repeats
        # it; acronyms and words with symbols (HIPAA, FHIR, Node.js) always do.
        plain = word[:1].isupper() and not word.isupper() and word.isalpha()
        if not plain or capitalised[word.casefold()] >= 2:
            note(word.casefold(), word, kind, False, case_sensitive=word.isupper())
    for pair, count in pair_counts.items():
        if count >= 2 and pair not in terms and not any(w in exclude for w in pair.split()):
            kinds = [k for text, k in parts if pair in " ".join(tokens(text)).lower()]
            best = max(kinds, key=lambda k: WEIGHTS[k]) if kinds else KIND_GENERAL
            note(pair, pair, best, False)
            terms[pair].count = count
    for job_term in terms.values():
        job_term.weight = round(job_term.weight + 0.5 * math.log(job_term.count), 3)
    ordered = sorted(terms.values(), key=lambda t: (-t.weight, t.name.casefold()))
    return ordered[:MAX_TERMS]
