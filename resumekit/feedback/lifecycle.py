"""Where an application stands: its stages from applied to the outcome, and the stage it
is at now. Pure queries over an :class:`Application`."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from ..models.base import date_parts
from ..models.feedback import Application

STAGES = ("applied", "interview", "offer", "rejected", "withdrawn", "accepted")
"""The stages an application goes through, in the order they can happen."""
CLOSED = frozenset({"rejected", "withdrawn", "accepted"})
"""Stages after which nothing more is awaited from the employer."""


@dataclass(frozen=True)
class Stage:
    """One stage an application reached, and when (``""`` when no date was recorded)."""

    name: str
    date: str
    kind: str = ""
    """An interview's kind: phone, video, panel, technical, onsite or other."""

    @property
    def label(self) -> str:
        """What the stage is called: ``applied``, ``phone interview``, ``interview``..."""
        return f"{self.kind} interview" if self.kind and self.kind != "other" else self.name

    def __str__(self) -> str:
        return f"{self.label} {self.date}".strip()


def stages_of(application: Application) -> list[Stage]:
    """Every stage the application reached, in order: by date, then by :data:`STAGES`.

    An old record with ``interviewed: true`` and no dated interview has an interview
    without a date, placed after ``applied``.
    """
    found: list[Stage] = []
    if application.applied:
        found.append(Stage("applied", application.applied))
    found += [Stage("interview", i.date, i.kind) for i in application.interviews]
    if application.interviewed and not application.interviews:
        found.append(Stage("interview", ""))
    for name in ("offer", "rejected", "withdrawn", "accepted"):
        value = getattr(application, name)
        if value:
            found.append(Stage(name, value))
    order = {name: i for i, name in enumerate(STAGES)}
    dated = [s for s in found if s.date]
    dated.sort(key=lambda s: (date_parts(s.date), order[s.name]))
    for undated in (s for s in found if not s.date):  # after the last dated stage before it in order
        place = max((i + 1 for i, s in enumerate(dated) if order[s.name] <= order[undated.name]), default=0)
        dated.insert(place, undated)
    return dated


def current_stage(application: Application) -> Stage:
    """The stage the application is at now: its latest; an outcome wins over a stage of the same day."""
    stages = stages_of(application)
    return stages[-1] if stages else Stage("recorded", "")


def is_open(application: Application) -> bool:
    """Whether the application still awaits the employer (not rejected, withdrawn or accepted)."""
    return current_stage(application).name not in CLOSED and not any(
        getattr(application, name) for name in CLOSED)


def applications_table(applications: list[Application], archived: Set[str] = frozenset()) -> str:
    """Every application with the stage it is at, oldest first, as a plain terminal table;
    ``archived`` names those whose documents ``resumekit apply`` kept."""
    rows = [("APPLICATION", "EMPLOYER", "STAGE", "SINCE", "TARGET", "ARCHIVED")]
    ordered = sorted(applications, key=lambda a: (date_parts(a.applied) if a.applied else (0,), a.id))
    for app in ordered:
        stage = current_stage(app)
        rows.append((app.id, app.employer, stage.label, stage.date or "-", app.target or "-",
                     "yes" if app.id in archived else "-"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
    return "\n".join(lines) + "\n"
