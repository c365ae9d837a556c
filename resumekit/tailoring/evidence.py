"""The person's best evidence for each requirement of the job, and for each required term.

A requirement is one line of the job that asks for something ("3+ years of SQL and
dbt"). Its best evidence is the piece of the profile that shows most of what the line
asks, weighed by how much the job asks for each term and how surely it matched: a
highlight first (it shows the thing done), then an entry's own text, the summary, a
skill listed; among equals, the more recent entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .matching import KIND_FACTOR, Hit
from .pieces import DETAILS, Unit
from .terms import Requirement

RECENCY_STEP = 0.1
"""How much less an entry counts for each more recent one before it in its section."""
_PREFERENCE = {"highlight": 1.0, "entry": 0.8, "summary": 0.6, "skill": 0.5}
"""How much a match counts as evidence by where it is: a highlight shows the thing done,
a skill only lists it."""


@dataclass(frozen=True)
class Evidence:
    """A requirement and the piece of the profile that best shows it (``None`` if none does)."""

    requirement: Requirement
    unit: Unit | None
    hits: tuple[Hit, ...] = ()


def recency(unit: Unit) -> float:
    """1 for the first (most recent) entry of a section, less for each older one."""
    if unit.place.section in ("summary", "skills"):
        return 1.0
    return 1.0 / (1.0 + RECENCY_STEP * max(unit.place.entry, 0))


def kind_of(unit: Unit) -> str:
    """highlight, entry, summary or skill."""
    if unit.place.section == "summary":
        return "summary"
    if unit.place.section == "skills":
        return "skill"
    if unit.place.highlight is not None and unit.place.highlight != DETAILS:
        return "highlight"
    return "entry"


def strength(unit: Unit, terms: Iterable[str], weights: Mapping[str, float]) -> float:
    """How strongly ``unit`` shows ``terms``: each term's weight by how surely it matched,
    by where it is (:data:`_PREFERENCE`)."""
    wanted = set(terms)
    shown = sum(weights.get(h.term, 0.0) * KIND_FACTOR[h.kind] for h in unit.hits if h.term in wanted)
    return round(shown * _PREFERENCE[kind_of(unit)], 6)


def best_for(terms: Iterable[str], units: Iterable[Unit], weights: Mapping[str, float]) -> Unit | None:
    """The unit that best shows ``terms``: the strongest (:func:`strength`), then the more
    recent; ties keep profile order."""
    wanted = tuple(terms)
    best: Unit | None = None
    best_key: tuple[float, float] = (0.0, 0.0)
    for unit in units:
        key = (strength(unit, wanted, weights), recency(unit))
        if key[0] > 0 and key > best_key:
            best, best_key = unit, key
    return best


def evidence_for(requirements: Iterable[Requirement], units: list[Unit],
                 weights: Mapping[str, float]) -> tuple[Evidence, ...]:
    """Each requirement with its best evidence among ``units``."""
    found = []
    for requirement in requirements:
        unit = best_for(requirement.terms, units, weights)
        hits = tuple(h for h in unit.hits if h.term in requirement.terms) if unit else ()
        found.append(Evidence(requirement, unit, hits))
    return tuple(found)


def best_highlights(terms: Iterable[str], units: list[Unit], weights: Mapping[str, float]) -> dict[str, Unit]:
    """For each term, the highlight that best shows it (terms no highlight shows are absent)."""
    highlights = [u for u in units if kind_of(u) == "highlight"]
    chosen = {}
    for term in terms:
        unit = best_for((term,), highlights, weights)
        if unit is not None:
            chosen[term] = unit
    return chosen


def bolded(text: str, hits: Iterable[Hit]) -> str:
    """``text`` with each job term it matched, as it is written there, in bold Markdown
    (``**SQL**``), the longest first and each once; text that carries Markdown of its own
    is left as it is, as is a term matched by a tag or not written word for word."""
    import re

    from ..models.markup import has_markup

    if has_markup(text):
        return text
    forms = sorted({h.form for h in hits if h.kind != "tag" and h.form}, key=len, reverse=True)
    taken: list[tuple[int, int]] = []
    for form in forms:
        match = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE)
        if match and not any(s < match.end() and match.start() < e for s, e in taken):
            taken.append(match.span())
    for start, end in sorted(taken, reverse=True):
        text = f"{text[:start]}**{text[start:end]}**{text[end:]}"
    return text
