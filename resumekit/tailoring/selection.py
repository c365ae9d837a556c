"""tailor: choose and order what the profile already says, for one job. Pure and deterministic.

Every highlight, entry, summary variant and skill is scored against the job's terms, the
target's ``emphasize`` areas and the improvements that answer this employer's (or this
kind of role's) feedback. Highlights and skills are reordered by score, the best summary
variant is picked, tag filters apply, entries keep their chronology. Nothing is added or
reworded: the tailored profile holds only text the person wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import BaseModel

from ..errors import ConfigError, FeedbackError, Problem, ProfileError, TargetError
from ..feedback.apply import provenance_of
from ..feedback.reapplication import cited_areas, find_application
from ..models.areas import Taxonomy
from ..models.base import TaggedText
from ..models.feedback import Feedback
from ..models.profile import HIGHLIGHTED, SECTION_INFO, Profile
from ..models.target import Target
from .evidence import Evidence, best_highlights, evidence_for, kind_of, recency
from .matching import KIND_FACTOR, Hit, Matcher
from .pieces import DETAILS, Dropped, Place, Unit
from .terms import JobTerm, Requirement, read_job

EMPHASIS_BONUS = 3.0
APPLICATION_BONUS = 3.0
ROLE_FEEDBACK_BONUS = 2.0
INCLUDE_BONUS = 1.0
TAGGED_SECTIONS = ("work", "volunteer", "projects", "education", "awards", "certificates",
                   "publications", "skills")
MINOR_SECTIONS = ("references", "interests")
UNMATCHED_DROPPABLE = ("skills", "certificates")
"""Sections whose entries may go to fit the page only when they match nothing in the job."""
OPTIONAL_SECTIONS = ("references", "interests", "publications", "awards", "projects", "volunteer")
"""Sections whose whole entries may go to fit the page, after optional highlights, in this order."""
SHRINKABLE = ("work", "volunteer", "projects")
"""Sections whose old entries with nothing for the job shrink first: bullets, then the entry."""
NO_EVIDENCE = "page budget: nothing in it matches this job"
SPECIFIC_IN = 1
"""A term the profile shows in more highlights than this tells them apart less, and counts
less: by the square root of how many more."""


@dataclass(frozen=True)
class Tailored:
    """A profile chosen and ordered for one job, with the record of every choice."""

    profile: Profile
    target: Target
    terms: tuple[JobTerm, ...]
    units: tuple[Unit, ...]
    left_out: tuple[Dropped, ...]
    droppable: tuple[Unit, ...]
    letter_highlights: tuple[str, ...]
    dropped: tuple[Dropped, ...] = ()
    notes: tuple[str, ...] = field(default=())
    requirements: tuple[Requirement, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    weights: dict[str, float] = field(default_factory=dict)
    """Each term's weight as scored: the job's weight, less for a term the profile shows everywhere."""
    unmatched: frozenset[tuple[str, int]] = frozenset()
    """(section, entry) of the old entries with nothing that matches the job."""

    def drop(self, count: int, keep: frozenset[int] = frozenset()) -> Tailored:
        """A copy with the ``count`` first droppable pieces (least relevant first) left out,
        except those whose index in ``droppable`` is in ``keep``."""
        chosen = tuple(u for i, u in enumerate(self.droppable[:count]) if i not in keep)
        gone = {(u.place.section, u.place.entry, u.place.highlight) for u in chosen}
        profile = self.profile.model_copy(deep=True)
        for section in HIGHLIGHTED:
            for i, entry in enumerate(getattr(profile, section)):
                entry.highlights = [h for j, h in enumerate(entry.highlights) if (section, i, j) not in gone]
        for i, education in enumerate(profile.education):
            if ("education", i, DETAILS) in gone:
                education.courses, education.score = [], None
        for section in OPTIONAL_SECTIONS + UNMATCHED_DROPPABLE + ("work",):
            entries = getattr(profile, section)
            setattr(profile, section, [e for i, e in enumerate(entries) if (section, i, None) not in gone])
        for key, custom in profile.sections.items():  # a section of one's own is optional too
            for i, entry in enumerate(custom.entries):
                entry.highlights = [h for j, h in enumerate(entry.highlights) if (key, i, j) not in gone]
            custom.entries = [e for i, e in enumerate(custom.entries) if (key, i, None) not in gone]
        dropped = tuple(Dropped(u.place.label, u.text if u.place.highlight is not None else "the whole entry",
                                NO_EVIDENCE if (u.place.section, u.place.entry) in self.unmatched else "page budget",
                                u.hits, u.place) for u in chosen)
        return replace(self, profile=profile, dropped=dropped)


def _tags(item: Any) -> set[str]:
    return set(getattr(item, "tags", None) or [])


def _filter_reason(tags: set[str], include: set[str], exclude: set[str]) -> str | None:
    bad = sorted(tags & exclude)
    if bad:
        return f"excluded by tag '{bad[0]}'"
    if include and tags and not tags & include:
        return f"not included (tags: {', '.join(sorted(tags))})"
    return None


def _entry_text(section: str, entry: BaseModel) -> str:
    fields = ("name", "organization", "institution", "title", "position", "subtitle", "summary", "description",
              "issuer", "publisher", "awarder", "entity")
    parts = [str(getattr(entry, f)) for f in fields if isinstance(getattr(entry, f, None), str)]
    degree = " in ".join(str(getattr(entry, f)) for f in ("studyType", "area") if getattr(entry, f, None))
    if degree:
        parts.append(degree)  # "Bachelor of Science in Nursing" reads as the job writes it
    for listed in ("keywords", "roles"):
        parts += list(getattr(entry, listed, None) or [])
    return " \u00b7 ".join(p for p in parts if p)


ORGANISATION_FIELDS = ("organization", "institution", "issuer", "publisher", "awarder", "entity")
"""Fields that name who, not what: an employer's name is never evidence for a term ("Valley
Freight Co." is not Freight Management)."""


def _evidence_text(section: str, entry: BaseModel) -> str:
    """What an entry says about what the person did: its text without the organisation's name."""
    text = _entry_text(section, entry)
    names = [str(getattr(entry, f)) for f in ORGANISATION_FIELDS if isinstance(getattr(entry, f, None), str)]
    if section in ("work", "volunteer", "references") and isinstance(getattr(entry, "name", None), str):
        names.append(str(getattr(entry, "name")))
    parts = text.split(" \u00b7 ")
    return " \u00b7 ".join(part for part in parts if part not in names)


@dataclass
class _Context:
    matcher: Matcher
    weights: dict[str, float]
    emphasize: set[str]
    include: set[str]
    application_id: str | None
    role_areas: set[str]

    def score(self, text: str, item: BaseModel | None,
              matched: str | None = None) -> tuple[float, tuple[Hit, ...], tuple[str, ...]]:
        """(score, hits, reasons) of a piece; ``matched`` is the text to look for terms in,
        when not the whole of ``text`` (an entry's, without its employer's name)."""
        tags = _tags(item) if item is not None else set()
        hits = tuple(self.matcher.hits(text if matched is None else matched, frozenset(tags)))
        score = sum(self.weights[h.term] * KIND_FACTOR[h.kind] for h in hits)
        reasons: list[str] = []
        source = provenance_of(item) if item is not None else None
        areas = set(source["addresses"]) if source else set()
        if (tags | areas) & self.emphasize:
            score += EMPHASIS_BONUS
            reasons.append("emphasized: " + ", ".join(sorted((tags | areas) & self.emphasize)))
        if source and self.application_id and self.application_id in source.get("prompted_by", []):
            score += APPLICATION_BONUS
            reasons.append(f"answers feedback from {self.application_id}")
        elif source and areas & self.role_areas:
            score += ROLE_FEEDBACK_BONUS
            reasons.append("answers feedback on " + ", ".join(sorted(areas & self.role_areas)))
        if tags & self.include:
            score += INCLUDE_BONUS
        return round(score, 3), hits, tuple(reasons)


def _role_head(title: str | None) -> str:
    """What a job title names, its last real word: 'Senior Data Analyst' -> 'analyst'.

    Two applications are for the same kind of role when their heads agree; sharing a
    word such as 'data' or 'clinical' is not enough.
    """
    generic = {"senior", "junior", "lead", "principal", "staff", "head", "associate", "assistant",
               "ii", "iii", "iv", "i", "remote", "contract", "intern"}
    main = re.split(r",|\(|\s[-\u2013\u2014|]\s", title or "")[0]  # "Analyst, Reporting" -> "Analyst"
    words = [w for w in re.findall(r"[^\W_]+", main.casefold()) if w not in generic]
    return words[-1] if words else ""


def _specific_weights(terms: list[JobTerm], profile: Profile, matcher: Matcher) -> dict[str, float]:
    """Each term's weight, less when the profile shows it in many highlights: a backend
    engineer's every bullet says "back-end", so it cannot tell them apart."""
    seen: dict[str, int] = {}
    for section in HIGHLIGHTED:
        for entry in getattr(profile, section):
            for highlight in entry.highlights:
                for hit in matcher.hits(highlight.text):
                    seen[hit.term] = seen.get(hit.term, 0) + 1
    return {t.name: round(t.weight * min(1.0, (SPECIFIC_IN / seen.get(t.name, 1)) ** 0.5), 3) for t in terms}


def _context(target: Target, terms: list[JobTerm], feedback: Feedback | None, taxonomy: Taxonomy,
             profile: Profile) -> _Context:
    application = find_application(feedback, target)
    role_areas: set[str] = set()
    if feedback is not None:
        head = _role_head(target.title)
        for app in feedback.applications:
            if app is application or (head and head == _role_head(app.position)):
                role_areas |= set(cited_areas(app, taxonomy))
    matcher = Matcher(terms)
    return _Context(matcher, _specific_weights(terms, profile, matcher), set(target.emphasize),
                    set(target.include), application.id if application else None, role_areas)


def _order(items: list[Any], scores: list[float]) -> list[Any]:
    """Highest score first; ties keep the person's own order."""
    ranked = sorted(range(len(items)), key=lambda i: (-scores[i], i))
    return [items[i] for i in ranked]


def tailor(
    profile: Profile, target: Target, feedback: Feedback | None = None,
    taxonomy: Taxonomy | None = None,
) -> Tailored:
    """Choose and order ``profile`` for ``target``; returns the choices and why."""
    for name, value, kind, error in (("profile", profile, Profile, ProfileError),
                                     ("target", target, Target, TargetError),
                                     ("feedback", feedback, (Feedback, type(None)), FeedbackError),
                                     ("taxonomy", taxonomy, (Taxonomy, type(None)), ConfigError)):
        if not isinstance(value, kind):
            hint = "" if name == "taxonomy" else f"; load one with resumekit.load_{name}"
            raise error([Problem(f"<{name}>", None, None, name,
                                 f"tailor needs a Profile and a Target (and, if any, a Feedback and a "
                                 f"Taxonomy), not {type(value).__name__} as its {name}{hint}")])
    taxonomy = taxonomy or Taxonomy()
    job = read_job(target)
    terms = list(job.terms)
    ctx = _context(target, terms, feedback, taxonomy, profile)
    result = profile.model_copy(deep=True)
    include, exclude = set(target.include), set(target.exclude)
    units: list[Unit] = []
    left_out: list[Dropped] = []

    # Summary: the best-scoring variant; the others are recorded as left out.
    summary = result.basics.summary
    if isinstance(summary, list) and summary:
        scored = [ctx.score(v.text, v) for v in summary]
        best = max(range(len(summary)), key=lambda i: (scored[i][0], -i))
        for i, variant in enumerate(summary):
            place = Place("summary", i)
            if i == best:
                units.append(Unit(place, variant.text, *scored[i]))
            else:
                left_out.append(Dropped(place.label, variant.text, "other summary variant", scored[i][1]))
        result.basics.summary = summary[best].text
    elif isinstance(summary, str) and summary:
        units.append(Unit(Place("summary", 0), summary, *ctx.score(summary, None)))

    for section in TAGGED_SECTIONS:
        kept_entries = []
        for entry in getattr(result, section):
            name = getattr(entry, SECTION_INFO[section].name_field, None) or ""
            reason = _filter_reason(_tags(entry), include, exclude)
            if reason:
                place = Place(section, -1, None, name)
                left_out.append(Dropped(place.label, _entry_text(section, entry), reason,
                                        tuple(ctx.matcher.hits(_entry_text(section, entry)))))
                continue
            kept_entries.append(entry)
        setattr(result, section, kept_entries)
        for i, entry in enumerate(kept_entries):
            name = getattr(entry, SECTION_INFO[section].name_field, None) or ""
            if section in HIGHLIGHTED:
                kept: list[TaggedText] = []
                for highlight in entry.highlights:
                    reason = _filter_reason(_tags(highlight), include, exclude)
                    if reason:
                        left_out.append(Dropped(Place(section, i, None, name).label, highlight.text, reason,
                                                tuple(ctx.matcher.hits(highlight.text))))
                    else:
                        kept.append(highlight)
                scores = [ctx.score(h.text, h)[0] for h in kept]
                entry.highlights = _order(kept, scores)
                for j, highlight in enumerate(entry.highlights):
                    units.append(Unit(Place(section, i, j, name), highlight.text,
                                      *ctx.score(highlight.text, highlight)))
            if section == "skills":
                keyword_scores = [ctx.score(k, None)[0] for k in entry.keywords]
                entry.keywords = _order(list(entry.keywords), keyword_scores)
            text = _entry_text(section, entry)
            units.append(Unit(Place(section, i, None, name), text,
                              *ctx.score(text, entry, _evidence_text(section, entry))))
            if section == "education" and (entry.courses or entry.score):
                detail = " \u00b7 ".join([*entry.courses, entry.score or ""]).strip(" \u00b7")
                units.append(Unit(Place(section, i, DETAILS, name), detail, *ctx.score(detail, None)))
        if section == "skills" and kept_entries:
            group_scores = [next(u.score for u in units if u.place == Place("skills", i, None,
                                 getattr(e, "name", None) or "")) for i, e in enumerate(kept_entries)]
            order = sorted(range(len(kept_entries)), key=lambda i: (-group_scores[i], i))
            result.skills = [kept_entries[i] for i in order]
            renumber = {old: new for new, old in enumerate(order)}
            units = [replace(u, place=replace(u.place, entry=renumber[u.place.entry]))
                     if u.place.section == "skills" else u for u in units]

    units += _custom_units(result, ctx, include, exclude, left_out)
    for section in ("references", "interests"):
        for i, entry in enumerate(getattr(result, section)):
            text = _entry_text(section, entry) or str(getattr(entry, "reference", "") or "")
            units.append(Unit(Place(section, i, None, getattr(entry, "name", None) or ""), text,
                              *ctx.score(text, None)))
    evidence = evidence_for(job.requirements, units, ctx.weights)
    unmatched = _unmatched(units)
    protected = _protected(terms, units, ctx.weights)
    return Tailored(result, target, tuple(terms), tuple(units), tuple(left_out),
                    _droppable(units, unmatched, protected), _letter_highlights(evidence, units, terms),
                    requirements=job.requirements, evidence=evidence, weights=ctx.weights,
                    unmatched=frozenset(unmatched))


def _custom_units(result: Profile, ctx: _Context, include: set[str], exclude: set[str],
                  left_out: list[Dropped]) -> list[Unit]:
    """The profile's own sections, filtered by tag like the others, their entries'
    highlights ordered by score; returns the scored entries and highlights (rows and
    bullets are kept as written, and filtered by tag)."""
    units: list[Unit] = []
    for key, custom in result.sections.items():
        kept = []
        for entry in custom.entries:
            reason = _filter_reason(_tags(entry), include, exclude)
            if reason:
                text = _entry_text(key, entry)
                left_out.append(Dropped(Place(key, -1, None, entry.name or "").label, text, reason,
                                        tuple(ctx.matcher.hits(text))))
            else:
                kept.append(entry)
        custom.entries = kept
        for i, entry in enumerate(kept):
            name = entry.name or ""
            entry.highlights = [h for h in entry.highlights if not _filter_reason(_tags(h), include, exclude)]
            entry.highlights = _order(entry.highlights, [ctx.score(h.text, h)[0] for h in entry.highlights])
            units += [Unit(Place(key, i, j, name), h.text, *ctx.score(h.text, h)) for j, h in enumerate(entry.highlights)]
            text = _entry_text(key, entry)
            own = " \u00b7 ".join(p for p in (entry.name, entry.summary) if p)  # not the event's name
            units.append(Unit(Place(key, i, None, name), text, *ctx.score(text, entry, own)))
        custom.lines = [row for row in custom.lines if not _filter_reason(_tags(row), include, exclude)]
        custom.bullets = [b for b in custom.bullets if not _filter_reason(_tags(b), include, exclude)]
    return units


def _optional(section: str) -> bool:
    """Whether whole entries of ``section`` may go to fit the page: the optional built-in
    sections, and every section of the person's own."""
    return section in OPTIONAL_SECTIONS or (section not in SECTION_INFO and section != "summary")


def _unmatched(units: list[Unit]) -> set[tuple[str, int]]:
    """The old entries (any but the first of work; any of volunteering and projects) in
    which nothing matches the job and nothing was raised by feedback or emphasis."""
    totals: dict[tuple[str, int], float] = {}
    for u in units:
        if u.place.section in SHRINKABLE:
            key = (u.place.section, u.place.entry)
            totals[key] = totals.get(key, 0.0) + u.score + len(u.hits)
    return {key for key, total in totals.items() if total <= 0 and not (key[0] == "work" and key[1] == 0)}


def _protected(terms: list[JobTerm], units: list[Unit], weights: dict[str, float]) -> dict[Place, float]:
    """The highlights that are the best evidence for a required term, each with the
    weight of the weightiest term it is best evidence for."""
    required = [t.name for t in terms if t.public_kind == "required"]
    protected: dict[Place, float] = {}
    for term, unit in best_highlights(required, units, weights).items():
        protected[unit.place] = max(protected.get(unit.place, 0.0), weights.get(term, 0.0))
    return protected


def _droppable(units: list[Unit], unmatched: set[tuple[str, int]],
               protected: dict[Place, float]) -> tuple[Unit, ...]:
    """What may go to fit the page, in the order it goes.

    1. References and interests.
    2. The bullets of old entries in which nothing matches the job, oldest first: they
       shrink to title, employer and dates.
    3. Least relevant first (recent pieces weigh more): other highlights (the top
       highlight of every entry stays), education details (courses, grade), whole
       entries of publications, awards, projects and volunteering, skill groups and
       certificates that match nothing.
    4. The old entries in which nothing matches, whole, oldest first.
    5. Last, the highlights that are the best evidence for a required term, the one for
       the lightest term first.

    Recent work entries and degrees always stay, and so do skill groups and
    certificates the job asks for.
    """
    totals: dict[tuple[str, int], float] = {}
    for u in units:
        if _optional(u.place.section):
            key = (u.place.section, u.place.entry)
            totals[key] = totals.get(key, 0.0) + u.score

    def weight(u: Unit) -> float:
        whole = u.place.highlight is None and _optional(u.place.section)
        return (totals[(u.place.section, u.place.entry)] if whole else u.score) * recency(u)

    def oldest_first(u: Unit) -> tuple[int, int, int]:
        return -_section_rank(u.place.section), -u.place.entry, -(u.place.highlight or 0)

    minor = sorted((u for u in units if u.place.section in MINOR_SECTIONS),
                   key=lambda u: (weight(u), -u.place.entry))
    shrink = sorted((u for u in units if (u.place.section, u.place.entry) in unmatched
                     and u.place.highlight is not None), key=oldest_first)
    whole = sorted((u for u in units if (u.place.section, u.place.entry) in unmatched
                    and u.place.highlight is None), key=oldest_first)
    taken = {u.place for u in (*minor, *shrink, *whole)}
    rest = [u for u in units if u.place not in taken and u.place not in protected and (
        (u.place.highlight is not None and u.place.highlight > 0)
        or u.place.highlight == DETAILS
        or (u.place.highlight is None and _optional(u.place.section)
            and u.place.section not in MINOR_SECTIONS)
        or (u.place.highlight is None and u.place.section in UNMATCHED_DROPPABLE and u.score <= 0))]
    rest.sort(key=lambda u: (weight(u), -_section_rank(u.place.section), -u.place.entry,
                             -(u.place.highlight or 0)))
    last = sorted((u for u in units if u.place in protected and u.place not in taken
                   and u.place.highlight not in (None, 0)),
                  key=lambda u: (protected[u.place], weight(u), -u.place.entry))
    return tuple(minor + shrink + rest + whole + last)


def _section_rank(section: str) -> int:
    return {"work": 0, "projects": 1, "volunteer": 2}.get(section, 3)


LETTER_EVIDENCE = 1.5
"""How strongly a highlight must show a requirement for the letter to name it: an exact
match of a nice-to-have, a stem match of a responsibility; a tag alone is not enough."""
_KIND_ORDER = {"required": 0, "responsibility": 1, "nice": 2}


def _letter_highlights(evidence: tuple[Evidence, ...], units: list[Unit], terms: list[JobTerm],
                       count: int = 6) -> tuple[str, ...]:
    """The highlights that best answer the job's requirements, required ones first, then
    the strongest other matching highlights, for the middle of the cover letter.

    How strongly a highlight shows the job is measured with the job's own weights: a
    term the profile shows everywhere tells highlights apart less, but shows the job no less.
    """
    asked = {t.name: t.weight for t in terms}

    def shown(unit: Unit) -> float:
        return sum(asked.get(h.term, 0.0) * KIND_FACTOR[h.kind] for h in unit.hits if h.kind != "tag")

    def sure(item: Evidence) -> float:
        return sum(KIND_FACTOR[h.kind] for h in item.hits if h.kind != "tag")

    chosen: list[str] = []
    answering = [e for e in evidence if e.unit is not None and kind_of(e.unit) == "highlight"
                 and e.unit.place.section in HIGHLIGHTED and sure(e) > 0]
    for item in sorted(answering, key=lambda e: (_KIND_ORDER[e.requirement.public_kind], -sure(e))):
        unit = item.unit
        if unit is not None and shown(unit) >= LETTER_EVIDENCE and unit.text not in chosen:
            chosen.append(unit.text)
    highlights = [u for u in units if kind_of(u) == "highlight" and u.place.section in HIGHLIGHTED
                  and shown(u) >= LETTER_EVIDENCE]
    for u in sorted(highlights, key=lambda u: (-shown(u) * recency(u), _section_rank(u.place.section),
                                               u.place.entry, u.place.highlight)):
        if u.text not in chosen:
            chosen.append(u.text)
    return tuple(chosen[:count])
