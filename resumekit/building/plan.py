"""What one target's documents are made from: the tailored profile, fitted to its page
budget, and the parts of its letter.

Tailoring is imported where a target needs it, not with this module: the general
version (no target) and a build with nothing to do never load it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..documents import Letter, Options, Resume, build_letter, build_resume, fresh_highlights, growth_paragraph
from ..feedback.reapplication import find_application
from ..models import Profile, Target
from ..rendering import Theme
from ..models.profile import HIGHLIGHTED
from ..loading.translation import Translated
from .look import look_for, photo_of
from .language import locale_of, paper_of, translated_feedback, translated_profile
from .project import GENERAL_BUILD, Project
from .session import BuildSession

if TYPE_CHECKING:
    from ..tailoring import Tailored
    from ..tailoring.terms import JobTerm

_USER_EPOCH = os.environ.get("SOURCE_DATE_EPOCH")
"""SOURCE_DATE_EPOCH as the user set it, read once: the PDF renderer sets its own while it
subsets fonts, and that must never date a letter."""


@dataclass
class Plan:
    """What one target's documents are made from: the tailored profile and the letter's parts."""

    target: Target | None
    profile: Profile
    tailored: Tailored | None = None
    growth: str | None = None
    translation: Translated | None = None
    """The translation the profile was read through, if the documents' language has one."""
    unconfirmed: Callable[[], bool] | None = None
    """Where the page budget's answer is the session's settled one, not yet confirmed: the
    one layout that confirms it (and keeps it for the resume's PDF); ``False`` means plan again."""

    @property
    def id(self) -> str:
        return self.target.id if self.target and self.target.id else GENERAL_BUILD


def letter_day(target: Target | None, configured: str | None) -> str | None:
    """The date that dates a letter: the target's ``letterDate``, the config's,
    SOURCE_DATE_EPOCH's, or ``None`` (the build date), settled here so that documents never
    read the environment. A target's ``date`` is when the job was posted: it dates nothing."""
    for value in (target.letterDate if target else None, configured):
        if value:
            return str(value)
    if _USER_EPOCH and _USER_EPOCH.isdigit():
        return dt.datetime.fromtimestamp(int(_USER_EPOCH), dt.timezone.utc).date().isoformat()
    return None


def options_for(project: Project, target: Target | None) -> Options:
    """How the target's documents are written: language and phrases, paper, the letter's date."""
    config = project.config
    locale = locale_of(project, target)
    order = (target.sectionOrder if target else None) or config.sectionOrder
    breaks = config.pageBreakBefore if target is None or target.pageBreakBefore is None else target.pageBreakBefore
    designs = (config.design, target.design) if target else (config.design,)
    return Options(language=locale.tag, date=letter_day(target, config.letterDate or config.date),
                   locale=locale, paper=paper_of(project, target), section_order=tuple(order),
                   breaks_before=tuple(breaks), look=look_for(project.theme, project.root, *designs),
                   photo=photo_of(project, target))


def _measure_job(content: Resume, theme: Theme, project_dir: Path) -> tuple[int, float]:
    from ..rendering.pdf import measure_pages

    return measure_pages(content, theme, project_dir)


def _measure_aside(pool: Executor, options: Options, theme: Theme, project: Project, bold: Tailored | None,
                   profile: Profile) -> Future[tuple[int, float]]:
    """A resume's pages measured in another process, while this one measures another."""
    return pool.submit(_measure_job, resume_of(profile, bold, options), theme, project.root)


def plan_target(project: Project, target: Target | None, session: BuildSession | None = None,
                speculate: bool = False) -> Plan:
    """Tailor the profile to ``target`` (``None``: the general version) and fit its page budget.

    With ``speculate``, a settled answer of the session (see :func:`~.fitting.settled_answer`)
    is taken before it is confirmed, and the plan's ``unconfirmed`` confirms it.
    """
    profile, translation = translated_profile(project, target)
    if target is None:
        return Plan(None, profile, translation=translation)
    from ..tailoring import tailor
    from ..tailoring.fitting import fit_pages, settled_answer
    from ..tailoring.redaction import redacted

    if target.redact:
        profile = redacted(profile, target.redact)
    session = session or BuildSession()
    confirm: Callable[[], bool] | None = None
    tailored = tailor(profile, target, project.feedback, project.taxonomy)  # on the text the job will read
    options = options_for(project, target)
    if target.pages:
        from ..rendering.pdf import measure_pages

        theme, layouts = project.theme, session.layouts
        pool = session.render_pool
        bold = tailored if target.boldMatchedTerms else None  # measured as it will be set
        aside = partial(_measure_aside, pool, options, theme, project, bold) if pool else None

        def measure(profile: Profile) -> tuple[int, float]:
            return measure_pages(resume_of(profile, bold, options), theme, project.root, layouts)
        settled = settled_answer(tailored, target.pages, session.settled) if speculate else None
        if settled is not None:
            tailored, confirm = settled[1], partial(settled[2], measure)
        else:
            tailored = fit_pages(tailored, target.pages, measure, session.fitted, aside, session.settled)
    application = find_application(project.feedback, target)
    growth = None
    feedback = translated_feedback(project, translation)
    if feedback is not None and application is not None:
        growth = growth_paragraph(feedback, application, project.taxonomy, target.company, options.phrases)
    return Plan(target, tailored.profile, tailored, growth, translation, confirm)


LETTER_COVERAGE = 0.2
"""How much of the weight of what the job requires the letter's highlights must show before
the letter says they answer it."""


def letter_answers(tailored: Tailored, highlights: tuple[str, ...]) -> tuple[str, ...]:
    """The job's terms that the letter's highlights answer, weightiest first, as the job
    wrote them; none when they answer too little of what the job requires for the claim
    to be honest."""
    shown = {h.term for u in tailored.units if u.text in highlights for h in u.hits if h.kind != "tag"}
    required = [t for t in tailored.terms if t.public_kind == "required"] or list(tailored.terms)
    total = sum(t.weight for t in required)
    answered = sum(t.weight for t in required if t.name in shown)
    if not total or answered / total < LETTER_COVERAGE or not shown:
        return ()
    return tuple(dict.fromkeys(_as_said(t) for t in tailored.terms if t.name in shown))


def _as_said(term: JobTerm) -> str:
    """A term as the job wrote it ("EHR", "A/B tests", "patient education"), in lower case
    where it is plain English ("Dispatch" at a line's start is "dispatch"), not a name."""
    from ..tailoring.text import common

    form = term.written[0] if term.written else term.name
    first, _, rest = form.partition(" ")
    plain = not term.case_sensitive and first[1:].islower() and common(first) and rest == rest.lower()
    return form[0].lower() + form[1:] if plain else form


def content_for(plan: Plan, document: str, options: Options) -> Resume | Letter:
    """The content of one document of a plan."""
    if document == "letter":
        highlights: tuple[str, ...] | None = None
        answers: tuple[str, ...] = ()
        if plan.tailored and plan.tailored.letter_highlights:
            highlights = fresh_highlights(tuple(plan.tailored.letter_highlights), plan.profile, plan.growth)
            answers = letter_answers(plan.tailored, highlights or ())
        return build_letter(plan.profile, plan.target, options, growth=plan.growth, highlights=highlights,
                            answers=answers)
    bold = plan.tailored if plan.target is not None and plan.target.boldMatchedTerms else None
    return resume_of(plan.profile, bold, options)


def resume_of(profile: Profile, bold: Tailored | None, options: Options) -> Resume:
    """The resume's content; with ``bold`` (a target's ``boldMatchedTerms``), each
    highlight sets the job's terms it matched in bold."""
    return build_resume(_with_terms_bold(profile, bold) if bold is not None else profile, options)


def _with_terms_bold(profile: Profile, tailored: Tailored) -> Profile:
    """The profile's highlights with the job's terms they match in bold."""
    from ..tailoring.evidence import bolded

    hits = {u.text: u.hits for u in tailored.units if u.place.highlight is not None}
    update = {}
    for section in HIGHLIGHTED:
        entries = []
        for entry in getattr(profile, section):
            highlights = [h.model_copy(update={"text": bolded(h.text, hits.get(h.text, ()))}) for h in entry.highlights]
            entries.append(entry.model_copy(update={"highlights": highlights}))
        update[section] = entries
    sections = {}
    for key, custom in profile.sections.items():  # a section of one's own, alike
        entries = [entry.model_copy(update={"highlights": [
            h.model_copy(update={"text": bolded(h.text, hits.get(h.text, ()))}) for h in entry.highlights]})
            for entry in custom.entries]
        sections[key] = custom.model_copy(update={"entries": entries})
    return profile.model_copy(update={**update, "sections": sections})
