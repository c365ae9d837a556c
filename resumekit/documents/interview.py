"""An interview practice sheet: questions for each area feedback raised and each of the
job's strongest requirements, beside the person's own material that answers them.

The questions and prompts come from a bank (``resumekit/locales/interview/<tag>.yaml``,
which a project's or a theme's ``locales/interview/<tag>.yaml`` overrides key by key);
the material is the person's own text, as the tailoring engine ranks it: what answers
an area is what the area's improvements added and the pieces tagged with it or whose
words point to it, strongest first by the tailoring score; what answers a requirement is
its best evidence. Nothing is reworded and no answer is written: besides the bank's
questions and prompts, the sheet holds only what the person wrote (profile, feedback,
target).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..feedback.apply import provenance_of
from ..feedback.reapplication import cited_areas
from ..models.areas import Taxonomy
from ..models.areas import phrase_pattern
from ..models.feedback import Application, Feedback
from ..models.profile import Profile
from ..tailoring import Tailored
from ..tailoring.evidence import best_for, kind_of
from ..tailoring.pieces import Unit
from ..tailoring.terms import Requirement
from .content import Direction, Look, Paper
from .locale import BUILTIN_DIR, Locale, candidates, laid_over, read_phrases

BANK_FOLDER = "interview"
"""The bank's folder under a ``locales/`` folder: ``locales/interview/<tag>.yaml``."""
BANK_DIR = BUILTIN_DIR / BANK_FOLDER
MATERIAL_PER_TOPIC = 3
"""How many pieces of the person's own material stand beside each area's questions."""
STRONGEST_REQUIREMENTS = 4
"""How many of the job's requirements the sheet practises, the weightiest first."""
REQUIREMENT_MATERIAL = 2
"""How many pieces of material stand beside each requirement's questions: its best evidence and the next."""
STORY_KINDS = ("highlight", "entry")
"""What material can be: a highlight or an entry tells something done; a skill listed or
the summary does not make a story."""


@dataclass(frozen=True)
class Material:
    """A piece of the person's own profile that answers a question, and where it is."""

    where: str
    """The entry's own name (an employer, an organisation, a certificate), as written."""
    text: str
    improvement: str = ""
    """The id of the improvement that added it, when one did."""


@dataclass(frozen=True)
class Topic:
    """One thing to practise: an area or a requirement, its questions and its material."""

    key: str
    """The area's name, or ``requirement``."""
    title: str
    context: str
    """Why it is on the sheet: who raised it, or that the job asks it."""
    said: tuple[str, ...]
    """What was said: the feedback points that raised an area, as recorded."""
    questions: tuple[str, ...]
    material: tuple[Material, ...]


@dataclass(frozen=True)
class InterviewSheet:
    """Everything the practice sheet shows, in order."""

    name: str
    title: str
    subtitle: str
    intro: str
    practise: tuple[str, ...]
    """Plain advice on the interview itself, where feedback named it."""
    practise_said: tuple[str, ...]
    """The feedback points about the interview itself, as recorded."""
    areas: tuple[Topic, ...]
    requirements: tuple[Topic, ...]
    star: tuple[str, ...]
    headings: Mapping[str, str]
    no_material: str
    language: str = "en"
    direction: Direction = "ltr"
    paper: Paper = "letter"
    look: Look = Look()
    contacts: tuple[()] = ()
    """A sheet names nobody's contacts (the look's CSS asks)."""
    page_label: str = "Page {page} of {pages}"
    """The footer's words, in the sheet's language, as the resume's."""


def question_bank(tag: str, folders: Iterable[Path] = ()) -> Locale:
    """The bank for language ``tag``: English, then the language's own file, then each of
    ``folders``' ``interview/`` files (a theme's ``locales/``, then the project's), laid
    over the language's document phrases (its direction, how it joins a list)."""
    folders = list(folders)
    phrases = laid_over(Locale.load(tag, folders).phrases, read_phrases(BANK_DIR / "en.yaml"))
    builtin = [BANK_DIR / f"{n}.yaml" for n in reversed(candidates(tag)) if n != "en"]
    found = [f for f in builtin if f.is_file()] + own_bank_files(tag, folders)
    for path in found:
        phrases = laid_over(phrases, read_phrases(path))
    return Locale(tag, phrases, has_phrases=tag == "en" or any(f.parent == BANK_DIR for f in found))


def own_bank_files(tag: str, folders: Iterable[Path]) -> list[Path]:
    """The files of ``folders`` (a theme's ``locales/``, then the project's) that the bank
    for ``tag`` lays over the built-in one, the least specific tag first."""
    names = list(reversed(candidates(tag)))
    files = []
    for folder in folders:
        home = folder.resolve().parent  # a user's file is read only from inside its project or theme
        files += [f for f in (folder / BANK_FOLDER / f"{n}.yaml" for n in names)
                  if f.is_file() and f.resolve().is_relative_to(home)]
    return files


@lru_cache(maxsize=1)
def english_bank() -> Locale:
    """The built-in English bank, read once: its words find feedback written in English
    whatever the sheet's language."""
    return question_bank("en")


# --- feedback on the interview itself --------------------------------------------------


@lru_cache(maxsize=1024)
def _word(word: str) -> re.Pattern[str]:
    """``word`` found whole ("short" is not in "shortlisted"); in a script written without
    spaces (Chinese, Japanese), anywhere."""
    if unicodedata.east_asian_width(word[:1] or " ") in ("W", "F"):
        return re.compile(re.escape(word))
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)


def _has_word(text: str, words: Iterable[str]) -> bool:
    return any(_word(str(word)).search(text) for word in words)


def interview_feedback(feedback: Feedback | None, bank: Locale) -> list[str]:
    """The feedback points that are about the interview itself, as recorded."""
    if feedback is None:
        return []
    words = [*bank.texts("interviewWords"), *english_bank().texts("interviewWords")]
    return [p.text for app in feedback.applications for p in app.feedback if _has_word(p.text, words)]


def practise_advice(points: list[str], bank: Locale) -> list[str]:
    """Plain advice for each kind of trouble the points name (structure, length...)."""
    if not points:
        return []
    kinds = bank.get("practise") or {}
    english = english_bank()

    def words(kind: str) -> list[str]:
        return [*bank.texts(f"practise.{kind}.words"), *english.texts(f"practise.{kind}.words")]

    chosen = [str(kinds[k]["advice"]).strip() for k in kinds if k != "general" and isinstance(kinds[k], Mapping)
              and any(_has_word(p, words(k)) for p in points)]
    return chosen or [bank.raw("practise.general.advice").strip()]


# --- areas feedback raised ---------------------------------------------------------------


def raised_areas(feedback: Feedback | None, taxonomy: Taxonomy, application: Application | None,
                 emphasize: Iterable[str]) -> list[tuple[str, list[Application]]]:
    """Each area feedback cited (and the target brings forward), with the applications
    that cited it: this employer's first, as its feedback said them, then the areas cited
    most."""
    cited: dict[str, list[Application]] = {}
    apps = list(feedback.applications) if feedback else []
    if application is not None and application in apps:
        apps.remove(application)
        apps.insert(0, application)
    for app in apps:
        for area in cited_areas(app, taxonomy):
            cited.setdefault(area, []).append(app)
    first = cited_areas(application, taxonomy) if application else []
    for area in emphasize:
        cited.setdefault(area, [])
    order = list(cited)
    rank = {area: i for i, area in enumerate(first)}  # this employer's in the order it said them
    return sorted(cited.items(), key=lambda item: (rank.get(item[0], len(rank)), -len(item[1]),
                                                   order.index(item[0])))


def _item_at(profile: Profile, unit: Unit) -> list[Any]:
    """The entry a unit is in, and its highlight when it is one (tags and provenance live there)."""
    entries = getattr(profile, unit.place.section, None)
    if not isinstance(entries, list) or not 0 <= unit.place.entry < len(entries):
        return []
    entry = entries[unit.place.entry]
    highlight = unit.place.highlight
    highlights = getattr(entry, "highlights", None) or []
    if highlight is not None and 0 <= highlight < len(highlights):
        return [highlights[highlight], entry]
    return [entry]


@lru_cache(maxsize=256)
def _phrases(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(phrase_pattern(p) for p in phrases)


def shown_areas(text: str, taxonomy: Taxonomy) -> set[str]:
    """The areas whose words ``text`` uses ("led", "mentored", "presented"), found by the
    taxonomy's plain phrase match: what a piece of the person's own text shows, where
    :meth:`Taxonomy.infer` reads feedback for the concerns it raises."""
    return {name for name, area in taxonomy.areas.items() if any(p.search(text) for p in _phrases(area.phrases))}


def _areas_of(unit: Unit, items: list[Any], taxonomy: Taxonomy) -> tuple[set[str], str]:
    """The areas a unit shows (its tags, its improvement's, its words) and its improvement's id."""
    areas = shown_areas(unit.text, taxonomy)
    # A highlight's own tags say what it shows; only an untagged one takes its entry's.
    tagged = next((item for item in items if getattr(item, "tags", None)), None)
    areas |= set(getattr(tagged, "tags", None) or [])
    improvement = ""
    for item in items:
        origin = provenance_of(item)
        if origin:
            areas |= set(origin.get("addresses") or [])
            improvement = improvement or str(origin.get("improvement") or "")
    return areas, improvement


def _stories(tailored: Tailored) -> list[Unit]:
    return [u for u in tailored.units if kind_of(u) in STORY_KINDS and u.text.strip()]


def _material(unit: Unit, improvement: str = "") -> Material:
    """``unit`` as material; an entry's text without its name, which ``where`` says already."""
    text, name = unit.text, unit.place.name
    if name and text.startswith(f"{name} \u00b7 "):
        text = text[len(name) + 3:]
    return Material(name, text, improvement)


def area_material(area: str, tailored: Tailored, taxonomy: Taxonomy) -> list[Material]:
    """The person's own material that shows ``area``: what improvements added first (they
    were made to answer such feedback), then highlights (a thing done tells a story
    better than an entry's name), each strongest first by the tailoring score."""
    found = []
    for unit in _stories(tailored):
        areas, improvement = _areas_of(unit, _item_at(tailored.profile, unit), taxonomy)
        if area in areas:
            found.append((unit, improvement))
    found.sort(key=lambda pair: (not pair[1], kind_of(pair[0]) != "highlight", -pair[0].score))
    return [_material(u, imp) for u, imp in found[:MATERIAL_PER_TOPIC]]


# --- the job's requirements ------------------------------------------------------------


def strongest_requirements(tailored: Tailored) -> list[Requirement]:
    """The job's weightiest requirement lines (required and responsibilities before nice to
    have), by the weight of the terms each names."""
    scored = [(sum(tailored.weights.get(t, 0.0) for t in r.terms), i, r)
              for i, r in enumerate(tailored.requirements) if r.terms]
    scored.sort(key=lambda item: (item[2].public_kind == "nice", -item[0], item[1]))
    return [r for _, _, r in scored[:STRONGEST_REQUIREMENTS]]


def requirement_material(requirement: Requirement, tailored: Tailored, taxonomy: Taxonomy) -> list[Material]:
    """The requirement's best evidence among the person's highlights, and the next best.
    Where too few highlights show its terms, the material of the area its words point to
    ("Lead a team" is leadership) comes next, and an entry (a degree) only after that."""
    stories = _stories(tailored)
    chosen: list[Material] = []

    def add(found: Material) -> None:
        if len(chosen) < REQUIREMENT_MATERIAL and found not in chosen:
            chosen.append(found)

    highlights = [u for u in stories if kind_of(u) == "highlight"]
    while (best := best_for(requirement.terms, highlights, tailored.weights)) is not None:
        add(_material(best))
        highlights.remove(best)
    for area in sorted(shown_areas(requirement.text, taxonomy), key=taxonomy.names.index):
        for found in area_material(area, tailored, taxonomy):
            add(found)
    entries = [u for u in stories if kind_of(u) == "entry"]
    while (best := best_for(requirement.terms, entries, tailored.weights)) is not None:
        add(_material(best))
        entries.remove(best)
    return chosen


# --- the sheet ---------------------------------------------------------------------------


def _area_questions(area: str, bank: Locale) -> tuple[str, tuple[str, ...]]:
    entry = bank.get(f"areas.{area}")
    if isinstance(entry, Mapping) and entry.get("questions"):
        return str(entry.get("title") or area), tuple(str(q) for q in entry["questions"])
    title = bank.text("areas.other.title", area=area)
    return title, tuple(q.format(area=area) for q in bank.texts("areas.other.questions"))


def build_interview(tailored: Tailored, feedback: Feedback | None, taxonomy: Taxonomy,
                    application: Application | None, bank: Locale, *, look: Look = Look(),
                    paper: Paper = "letter") -> InterviewSheet:
    """The practice sheet for ``tailored``'s target: what to practise, the areas feedback
    raised (``application`` is the earlier one this target follows, if any), the strongest
    requirements, each with questions and the person's own material."""
    target = tailored.target
    said = interview_feedback(feedback, bank)
    areas = []
    for area, apps in raised_areas(feedback, taxonomy, application, target.emphasize):
        title, questions = _area_questions(area, bank)
        employers = list(dict.fromkeys(a.employer for a in apps))
        context = (bank.text("headings.raised", employers=bank.join(employers)) if employers
                   else bank.text("headings.emphasized"))
        points = tuple(p.text for a in apps for p in a.feedback
                       if area in (p.areas or [m.area for m in taxonomy.infer(p.text)]))
        areas.append(Topic(area, title, context, tuple(dict.fromkeys(points)), questions,
                           tuple(area_material(area, tailored, taxonomy))))
    requirements = [Topic("requirement", r.text, bank.text("headings.asked"), (),
                          tuple(bank.texts(f"requirements.{r.public_kind}")),
                          tuple(requirement_material(r, tailored, taxonomy)))
                    for r in strongest_requirements(tailored)]
    role = bank.text("at", title=target.title, company=target.company) if target.title and target.company \
        else (target.title or target.company or "")
    headings = {k: str(v) for k, v in (bank.get("headings") or {}).items()}
    return InterviewSheet(
        name=tailored.profile.basics.name or "", title=bank.text("title"),
        subtitle=bank.text("subtitle", role=role) if role else "", intro=" ".join(bank.raw("intro").split()),
        practise=tuple(" ".join(a.split()) for a in practise_advice(said, bank)), practise_said=tuple(said),
        areas=tuple(areas), requirements=tuple(requirements), star=tuple(bank.texts("star")),
        headings=headings, no_material=" ".join(bank.raw("noMaterial").split()), language=bank.tag,
        direction="rtl" if bank.rtl else "ltr", paper=paper, look=look, page_label=bank.raw("page"))
