"""What is due: the emails to send next, each with its date and a draft.

Three kinds, as the job-search guides advise: a feedback request within a week of a
rejection; a polite follow-up when an application or an interview has brought no news
for :data:`FOLLOW_UP_AFTER` working days; a thank-you note the day after an interview.
Something already sent (``feedbackRequested``, a ``followUps`` date after the last
stage, an interview's ``thanked``) is not due again. Pure: the caller gives today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..models.base import before, first_day
from ..models.feedback import Application, Feedback, Interview
from ..models.profile import Profile
from .lifecycle import Stage, is_open
from .report import request_due
from .request import TEMPLATE as REQUEST_TEMPLATE
from .request import Fill, RequestEmail, compose_email

FOLLOW_UP_AFTER = 10
"""Working days (Monday to Friday) with no news before a follow-up; ``followUpAfter`` in the config."""
THANK_YOU_FOR = 7
"""Days after an interview that its thank-you note stays on the list; later, a follow-up says it better."""
FEEDBACK_REQUEST, FOLLOW_UP, THANK_YOU = "feedback request", "follow-up", "thank-you note"
TEMPLATES = {FEEDBACK_REQUEST: REQUEST_TEMPLATE, FOLLOW_UP: "follow-up.txt", THANK_YOU: "thank-you.txt"}
"""The theme's template of each kind of email; a theme folder of the user's overrides it."""


@dataclass(frozen=True)
class Due:
    """One email to send: what, for which application, from (or by) which day, and why."""

    application: Application
    what: str
    date: dt.date
    """A feedback request's last good day; a follow-up's or a thank-you note's first."""
    reason: str
    interview: Interview | None = None

    def state(self, today: dt.date) -> str:
        """``overdue``, ``due`` or ``upcoming``, as of ``today``."""
        if self.what == FEEDBACK_REQUEST:
            return "overdue" if today > self.date else "due"
        return "due" if today >= self.date else "upcoming"

    @property
    def slug(self) -> str:
        """A file name for its draft: ``acme-analyst-2026.follow-up.eml``."""
        return f"{self.application.id}.{self.what.split()[0]}.eml"


def add_working_days(day: dt.date, count: int) -> dt.date:
    """The day ``count`` working days (Monday to Friday) after ``day``."""
    while count > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days pass after ``start`` up to and including ``end``."""
    days = 0
    while start < end:
        start += dt.timedelta(days=1)
        days += start.weekday() < 5
    return days


def _feedback_request(app: Application) -> Due | None:
    if not app.rejected or app.feedbackRequested or app.feedbackReceived or app.feedback:
        return None
    due = request_due(app)
    assert due is not None
    return Due(app, FEEDBACK_REQUEST, due, f"rejected {app.rejected}")


def _interview_name(interview: Interview) -> str:
    return Stage("interview", interview.date, interview.kind).label


def _last_news(app: Application) -> tuple[str, str, Interview | None] | None:
    """The latest dated stage the employer has still to answer: its name, its date, and
    the interview when it is one."""
    dated: list[tuple[str, str, Interview | None]] = [("applied", app.applied, None)] if app.applied else []
    dated += [(_interview_name(i), i.date, i) for i in app.interviews]
    if not dated:
        return None
    return max(dated, key=lambda item: first_day(item[1]))


def _follow_up(app: Application, today: dt.date, after: int) -> Due | None:
    if not is_open(app) or app.offer:
        return None
    news = _last_news(app)
    if news is None:
        return None
    stage, when, interview = news
    if any(not before(sent, when) for sent in app.followUps):
        return None  # a follow-up went after it: nothing more to chase
    start = first_day(when)
    quiet = working_days_between(start, today)
    why = f"{stage} {when}" + (f", no news for {quiet} working day{'s' if quiet > 1 else ''}" if quiet else "")
    return Due(app, FOLLOW_UP, add_working_days(start, after), why, interview)


def _thank_yous(app: Application, today: dt.date) -> list[Due]:
    found = []
    for interview in app.interviews:
        day = first_day(interview.date) + dt.timedelta(days=1)
        if interview.thanked or len(interview.date) < 10 or (today - day).days > THANK_YOU_FOR:
            continue
        found.append(Due(app, THANK_YOU, day, f"{_interview_name(interview)} {interview.date}", interview))
    return found


def due_items(feedback: Feedback, today: dt.date, follow_up_after: int = FOLLOW_UP_AFTER) -> list[Due]:
    """Everything to send, soonest first: due and overdue ones, then the upcoming."""
    found: list[Due] = []
    for app in feedback.applications:
        request = _feedback_request(app)
        follow_up = _follow_up(app, today, follow_up_after)
        found += [d for d in (request, follow_up) if d is not None]
        if is_open(app):
            found += _thank_yous(app, today)
    rank = {"overdue": 0, "due": 1, "upcoming": 2}
    found.sort(key=lambda d: (rank[d.state(today)], d.date, d.application.id))
    return found


def draft_of(item: Due, profile: Profile, fill: Fill) -> RequestEmail:
    """The email ``item`` asks for, from the theme's template of its kind."""
    interview = item.interview
    return compose_email(
        TEMPLATES[item.what], item.application, profile, fill,
        item.date if item.what == FEEDBACK_REQUEST else None,
        interview_date=interview.date if interview else "",
        interview_day=_day_in_words(interview.date) if interview else "",
        interview_kind=interview.kind if interview and interview.kind != "other" else "")


def _day_in_words(value: str) -> str:
    """``2026-11-27`` as an English email says it, ``Friday, November 27``; a month alone stays."""
    if len(value) < 10:
        return value
    day = first_day(value)
    return f"{day:%A}, {day:%B} {day.day}"


def due_table(items: list[Due], today: dt.date) -> str:
    """What is due as lines for the terminal: date, what, application, why."""
    out = [f"Due as of {today.isoformat()}", ""]
    if not items:
        return "\n".join(out + ["Nothing to send."]) + "\n"
    for item in items:
        app = item.application
        when = {"overdue": f"overdue since {item.date}", "due": f"send by {item.date}" if
                item.what == FEEDBACK_REQUEST else "send now", "upcoming": f"send from {item.date}"}
        who = ", ".join(p for p in (app.employer, app.position) if p)
        out.append(f"{item.date.isoformat()}  {item.what:<16}  {app.id} ({who}): {item.reason}; "
                   f"{when[item.state(today)]}")
    return "\n".join(out) + "\n"
