"""Re-applications: find the earlier application a target follows, and say what has grown.

The growth paragraph is built only from improvements, never from the feedback's words:
it does not quote the employer or name anyone, and it stays positive.
"""

from __future__ import annotations

import re

from .areas import Taxonomy
from .documents import format_month_year
from .feedback import DATE_FIELDS
from .models.base import before, date_parts
from .models.feedback import Application, Feedback, Improvement
from .models.target import Target


def _company_key(name: str) -> str:
    words = re.sub(r"[^\w\s]", " ", name.casefold()).split()
    suffixes = {"inc", "ltd", "llc", "corp", "corporation", "co", "gmbh", "plc", "sa", "ag", "the"}
    return " ".join(w for w in words if w not in suffixes)


def find_application(feedback: Feedback | None, target: Target | None) -> Application | None:
    """The latest application the target follows: named by ``application``, else same employer."""
    if feedback is None or target is None:
        return None
    if target.application:
        return next((a for a in feedback.applications if a.id == target.application), None)
    if not target.company:
        return None
    key = _company_key(target.company)
    # A job posted before an application was made is that application's own job, not a
    # new one at the same employer.
    same = [a for a in feedback.applications if _company_key(a.employer) == key
            and not (target.date and (a.applied or a.rejected)
                     and not before(a.applied or a.rejected or "", target.date))]
    same.sort(key=lambda a: a.rejected or a.applied or "")
    return same[-1] if same else None


def cited_areas(application: Application, taxonomy: Taxonomy) -> list[str]:
    """The areas the application's feedback names, given or inferred, in first-cited order."""
    areas: list[str] = []
    for point in application.feedback:
        named = point.areas or [m.area for m in taxonomy.infer(point.text)]
        areas += [a for a in named if a not in areas]
    return areas


def improvement_date(improvement: Improvement) -> str | None:
    """When the improvement was done: its ``date``, else the earliest date of what it adds."""
    if improvement.date:
        return improvement.date
    dates = [str(getattr(entry, DATE_FIELDS[section]))
             for section in type(improvement.add).model_fields if DATE_FIELDS.get(section)
             for entry in getattr(improvement.add, section) if getattr(entry, DATE_FIELDS[section], None)]
    return min(dates, key=date_parts) if dates else None


def answering(feedback: Feedback, application: Application, taxonomy: Taxonomy) -> list[Improvement]:
    """Improvements prompted by the application, or addressing an area its feedback cited.

    One that only shares an area is told only when it is dated, and not before the
    application was made: the letter presents it as new since then.
    """
    areas = set(cited_areas(application, taxonomy))
    since = application.applied or application.rejected
    chosen = []
    for imp in feedback.improvements:
        if application.id not in imp.prompted_by:
            done = improvement_date(imp)
            if not areas & set(imp.addresses) or not done or (since and before(done, since)):
                continue
        chosen.append(imp)
    return chosen


def _lower_first(text: str) -> str:
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


AREA_PHRASES = {
    "leadership": "leadership", "communication": "communication skills", "teamwork": "teamwork",
    "technical": "technical skills", "domain": "knowledge of the field",
    "problem-solving": "problem-solving", "experience": "experience",
}
"""How the growth paragraph names an area; areas not listed (motivation, culture) go unnamed."""


def improvement_phrase(improvement: Improvement) -> str:
    """What the improvement did, as a phrase that follows 'I' (past tense)."""
    if improvement.summary:
        return _lower_first(improvement.summary)
    add = improvement.add
    for entry in add.volunteer + add.work:
        org = getattr(entry, "organization", None) or getattr(entry, "name", None)
        if entry.position and org:
            phrase = f"became {entry.position} at {org}"
            if entry.highlights:
                phrase += f", where I {_lower_first(entry.highlights[0].text)}"
            return phrase
    for cert in add.certificates:
        if cert.name:
            # "the Google Data Analytics Certificate", not "... Certificate certificate"
            what = cert.name if "certif" in cert.name.casefold() else f"{cert.name} certificate"
            return f"earned the {what}" + (f" from {cert.issuer}" if cert.issuer else "")
    for edu in add.education:
        what = " in ".join(p for p in (edu.studyType, edu.area) if p)
        what = f"a {what}" if what else "a course"
        return f"completed {what}" + (f" at {edu.institution}" if edu.institution else "")
    for project in add.projects:
        if project.name:
            return f"built {project.name}"
    for award in add.awards:
        if award.title:
            return f"received the {award.title}"
    for ext in improvement.extend:
        if ext.highlights:
            return _lower_first(ext.highlights[0].text)
    return ""


def _join(items: list[str]) -> str:
    """A list as prose: Oxford comma, or semicolons when the items have commas of their own."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    sep = "; " if any("," in item for item in items) else ", "
    return sep.join(items[:-1]) + f"{sep.rstrip()} and {items[-1]}"


def growth_paragraph(
    feedback: Feedback, application: Application, taxonomy: Taxonomy, company: str | None = None,
) -> str | None:
    """A short, positive paragraph on what has changed since the last application.

    It names the earlier role and when, what the person has built on (in plain words),
    and what they did; never the feedback itself or anyone who gave it.
    """
    told = [(imp, phrase) for imp in answering(feedback, application, taxonomy)
            if (phrase := improvement_phrase(imp))][:3]
    if not told:
        return None
    phrases = [phrase for _, phrase in told]
    areas: list[str] = []
    for imp, _ in told:
        areas += [a for a in imp.addresses if a not in areas]
    since = format_month_year(application.applied or application.rejected)
    when = f" in {since}" if since else ""
    role = f"the {application.position} role" if application.position else \
        f"a role at {company or application.employer}"
    topics = _join([AREA_PHRASES.get(a, a.replace("-", " ")) for a in areas[:3]
                    if a in AREA_PHRASES or a not in taxonomy.names])
    opening = f"Since I applied for {role}{when}, "
    if topics:
        opening += f"I have built on my {topics}: "
    return f"{opening}I {_join(phrases)}."
