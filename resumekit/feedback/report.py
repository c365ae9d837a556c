"""The feedback report: which areas rejections cited, what answers them, what is still open,
and which feedback requests are due. Pure data first; three renderings (table, JSON, Markdown).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field

from ..models.areas import Taxonomy
from ..models.base import first_day
from ..models.feedback import Application, Feedback

REQUEST_AFTER_DAYS = 7


@dataclass
class Citation:
    """One application whose feedback cited an area, and why we think so."""

    application: str
    employer: str
    text: str
    inferred_from: list[str] = field(default_factory=list)  # empty: the area was given


@dataclass
class AreaStatus:
    """One feedback area: who cited it, what addresses it, whether it is still open."""

    area: str
    description: str
    cited_by: list[Citation]
    addressed_by: list[str]
    status: str  # "open", "addressed" or "not cited"

    @property
    def rejections(self) -> int:
        return len({c.application for c in self.cited_by})


@dataclass
class Request:
    """A feedback request to send, or an answer to wait for."""

    application: str
    employer: str
    position: str
    state: str  # "due", "overdue", "waiting for feedback", "waiting for a decision"
    date: str  # the send-by date, or when the request was sent / the application made
    contact: str = ""


@dataclass
class Report:
    """The whole feedback report."""

    today: str
    areas: list[AreaStatus]
    requests: list[Request]
    unsorted: list[Citation] = field(default_factory=list)  # points no area was found for


def request_due(application: Application) -> dt.date | None:
    """When the feedback request should be sent: a week after the rejection."""
    if not application.rejected:
        return None
    return first_day(application.rejected) + dt.timedelta(days=REQUEST_AFTER_DAYS)


def _request(app: Application, today: dt.date, show_contacts: bool) -> Request | None:
    contact = ""
    if show_contacts and app.contact:
        contact = " ".join(p for p in (app.contact.name, f"<{app.contact.email}>" if app.contact.email else "") if p)
    position = app.position or ""
    # Feedback written down counts as received, even without a feedbackReceived date.
    if app.rejected and not app.feedbackRequested and not app.feedbackReceived and not app.feedback:
        due = request_due(app)
        assert due is not None
        state = "overdue" if today > due else "due"
        return Request(app.id, app.employer, position, state, due.isoformat(), contact)
    if app.feedbackRequested and not app.feedbackReceived and not app.feedback:
        return Request(app.id, app.employer, position, "waiting for feedback", app.feedbackRequested, contact)
    if not app.rejected and app.applied:
        return Request(app.id, app.employer, position, "waiting for a decision", app.applied, contact)
    return None


def build_report(
    feedback: Feedback, taxonomy: Taxonomy, today: dt.date, show_contacts: bool = False,
) -> Report:
    """The report's content; recurring areas first, then the rest in taxonomy order."""
    cited: dict[str, list[Citation]] = {name: [] for name in taxonomy.names}
    unsorted: list[Citation] = []
    for app in feedback.applications:
        for point in app.feedback:
            if point.areas:
                for area in point.areas:
                    cited.setdefault(area, []).append(Citation(app.id, app.employer, point.text))
            else:
                matches = taxonomy.infer(point.text)
                for match in matches:
                    cited[match.area].append(Citation(app.id, app.employer, point.text, list(match.phrases)))
                if not matches:
                    unsorted.append(Citation(app.id, app.employer, point.text))
    addressed: dict[str, list[str]] = {name: [] for name in cited}
    for imp in feedback.improvements:
        for area in imp.addresses:
            addressed.setdefault(area, []).append(imp.id)
    areas = []
    for name in cited:
        status = "not cited" if not cited[name] else ("addressed" if addressed.get(name) else "open")
        description = taxonomy.areas[name].description if name in taxonomy.areas else ""
        areas.append(AreaStatus(name, description, cited[name], addressed.get(name, []), status))
    order = {name: i for i, name in enumerate(cited)}
    areas.sort(key=lambda a: (-a.rejections, a.status != "open", order[a.area]))
    requests = [r for r in (_request(a, today, show_contacts) for a in feedback.applications) if r]
    rank = {"overdue": 0, "due": 1, "waiting for feedback": 2, "waiting for a decision": 3}
    requests.sort(key=lambda r: (rank[r.state], r.date))
    return Report(today.isoformat(), areas, requests, unsorted)


# --- renderings -----------------------------------------------------------------------------


def as_json(report: Report) -> str:
    """The report as JSON, for scripts."""
    data = asdict(report)
    for area, status in zip(data["areas"], report.areas):
        area["rejections"] = status.rejections
    return json.dumps(data, indent=2, ensure_ascii=False)


def _why(citation: Citation) -> str:
    if citation.inferred_from:
        return f"{citation.application} (from: {', '.join(repr(p) for p in citation.inferred_from)})"
    return f"{citation.application} (given)"


def _request_line(req: Request) -> str:
    what = {"due": f"send a feedback request by {req.date}",
            "overdue": f"feedback request overdue since {req.date}",
            "waiting for feedback": f"feedback requested {req.date}; waiting",
            "waiting for a decision": f"applied {req.date}; waiting for a decision"}[req.state]
    who = f" to {req.contact}" if req.contact else ""
    return f"{req.application} ({req.employer}{', ' + req.position if req.position else ''}): {what}{who}"


def report_markdown(report: Report) -> str:
    """The report as Markdown, for notes."""
    lines = [f"# Feedback report ({report.today})", "", "## Areas", "",
             "| area | rejections | cited by | addressed by | status |", "|---|---|---|---|---|"]
    for a in report.areas:
        if a.status == "not cited" and not a.addressed_by:
            continue
        lines.append(f"| {a.area} | {a.rejections} | {'; '.join(_why(c) for c in a.cited_by) or '-'} | "
                     f"{', '.join(a.addressed_by) or '-'} | {a.status} |")
    if report.unsorted:
        lines += ["", "## Not sorted into an area", "",
                  "No area's words were found in these; give each `areas:` in the feedback file.", ""]
        lines += [f"- {c.application}: {c.text}" for c in report.unsorted]
    lines += ["", "## Feedback requests and answers", ""]
    lines += [f"- {_request_line(r)}" for r in report.requests] or ["- nothing due"]
    return "\n".join(lines) + "\n"


def as_table(report: Report) -> str:
    """The report as a plain terminal table."""
    rows = [("AREA", "REJECTIONS", "ADDRESSED BY", "STATUS")]
    for a in report.areas:
        if a.status == "not cited" and not a.addressed_by:
            continue
        rows.append((a.area, str(a.rejections), ", ".join(a.addressed_by) or "-", a.status))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    out = [f"Feedback report, {report.today}", ""]
    out += ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
    out += ["", "Why each area was counted:"]
    for a in report.areas:
        for c in a.cited_by:
            out.append(f"  {a.area:<15} {_why(c)}")
    if report.unsorted:
        out += ["", "Not sorted into an area (give each `areas:` in the feedback file):"]
        out += [f"  {c.application}: {c.text}" for c in report.unsorted]
    out += ["", "Feedback requests and answers:"]
    out += [f"  {_request_line(r)}" for r in report.requests] or ["  nothing due"]
    return "\n".join(out) + "\n"
