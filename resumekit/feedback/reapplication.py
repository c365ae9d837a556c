"""Re-applications: the earlier application a target follows, the areas its feedback cited,
and the improvements that answer it. Pure queries over a :class:`Feedback`."""

from __future__ import annotations

import re

from ..models.areas import Taxonomy
from ..models.base import before, date_parts
from ..models.feedback import Application, Feedback, Improvement
from ..models.profile import SECTION_INFO
from ..models.target import Target

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
    # Nor is the application made with this very target (resumekit apply records it).
    same = [a for a in feedback.applications if _company_key(a.employer) == key
            and not (target.id and a.target == target.id)
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
    dates = [str(getattr(entry, field))
             for section in type(improvement.add).model_fields if (field := SECTION_INFO[section].date_field)
             for entry in getattr(improvement.add, section) if getattr(entry, field, None)]
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
