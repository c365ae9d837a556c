"""Feedback files -> a validated :class:`Feedback`, with every cross-reference checked.

Feedback comes from a file, a folder of files, or the profile's ``feedback:`` key. Each
application and improvement remembers where it was written, so problems found later
(an ``extend.match`` that finds no entry) still name the file, line and column.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import FeedbackError, Problem, did_you_mean
from ..models.areas import Taxonomy, normalise_area
from ..models.base import before
from ..models.feedback import Application, Feedback, Improvement
from .problems import Loaded, hashes_of, validate_document
from .yaml import Document, PathKey, Positions, as_document, field_path

@dataclass
class InlineDocument(Document):
    """Feedback written under a key of another file (the profile's ``feedback:``)."""

    prefix: PathKey = ()


def _prefix_of(document: Document) -> PathKey:
    return document.prefix if isinstance(document, InlineDocument) else ()


def _in_place(problem: Problem, document: Document) -> Problem:
    """``problem`` with its field named as in the file: ``feedback.applications[0]...``."""
    prefix = _prefix_of(document)
    if not prefix:
        return problem
    name = field_path(prefix) + ("" if problem.field in ("", "(top)") else
                                 (problem.field if problem.field.startswith("[") else "." + problem.field))
    return Problem(problem.file, problem.line, problem.column, name, problem.message, problem.severity)


@dataclass(frozen=True)
class Origin:
    """Where an application or improvement was written."""

    document: Document
    path: PathKey

    def problem(self, *sub: str | int, message: str) -> Problem:
        """A problem located at ``path + sub`` in the origin's file."""
        full = (*self.path, *sub)
        line, column = self.document.positions.of_value(full)
        return Problem(self.document.source, line, column,
                       field_path((*_prefix_of(self.document), *full)), message)


def origin_of(item: Application | Improvement) -> Origin:
    """Where ``item`` came from (a synthetic origin for items built in Python)."""
    origin = item._origin
    if isinstance(origin, Origin):
        return origin
    return Origin(Document({}, "<feedback>", Positions()), ())


_DATE_ORDER = ("applied", "rejected", "feedbackRequested", "feedbackReceived")


def _stage_dates(app: Application) -> list[tuple[tuple[str | int, ...], str]]:
    """Every date of a stage after ``applied`` (interviews, offer, follow-ups...), with its field."""
    dated: list[tuple[tuple[str | int, ...], str]] = []
    for i, interview in enumerate(app.interviews):
        dated.append((("interviews", i, "date"), interview.date))
        if interview.thanked:
            dated.append((("interviews", i, "thanked"), interview.thanked))
    dated += [((key,), getattr(app, key)) for key in ("offer", "accepted", "withdrawn") if getattr(app, key)]
    dated += [(("followUps", i), value) for i, value in enumerate(app.followUps)]
    return dated


def _field_name(path: tuple[str | int, ...]) -> str:
    """A stage's field as the user wrote it: "interviews[0].thanked", "followUps[1]", "offer"."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name


def _stage_problems(app: Application, origin: Origin) -> list[Problem]:
    """A stage dated before the application was made, or an acceptance before its offer."""
    problems = []
    for path, value in _stage_dates(app):
        if app.applied and before(value, app.applied):
            problems.append(origin.problem(*path, message=(
                f"{_field_name(path)} ({value}) is before applied ({app.applied}); check the dates")))
    for i, interview in enumerate(app.interviews):
        early = app.applied and interview.thanked and before(interview.thanked, app.applied)  # said above
        if interview.thanked and not early and before(interview.thanked, interview.date):
            problems.append(origin.problem("interviews", i, "thanked", message=(
                f"thanked ({interview.thanked}) is before the interview ({interview.date}); check the dates")))
    if app.offer and app.accepted and before(app.accepted, app.offer):
        problems.append(origin.problem("accepted", message=(
            f"accepted ({app.accepted}) is before offer ({app.offer}); check the dates")))
    return problems


def _check(feedback: Feedback, taxonomy: Taxonomy) -> list[Problem]:
    problems: list[Problem] = []
    apps: dict[str, Application] = {}
    for app in feedback.applications:
        origin = origin_of(app)
        if app.id in apps:
            problems.append(origin.problem("id", message=f"application id '{app.id}' is used twice"))
        apps[app.id] = app
        dated = [(key, getattr(app, key)) for key in _DATE_ORDER if getattr(app, key)]
        for i, (key, value) in enumerate(dated):
            for earlier_key, earlier in dated[:i]:
                if before(value, earlier):
                    problems.append(origin.problem(key, message=(
                        f"{key} ({value}) is before {earlier_key} ({earlier}); check the dates")))
                    break
        problems += _stage_problems(app, origin)
        for j, point in enumerate(app.feedback):
            for k, area in enumerate(point.areas):
                if area not in taxonomy:
                    problems.append(origin.problem("feedback", j, "areas", k, message=taxonomy.unknown(area)))
    seen: set[str] = set()
    for imp in feedback.improvements:
        origin = origin_of(imp)
        if imp.id in seen:
            problems.append(origin.problem("id", message=f"improvement id '{imp.id}' is used twice"))
        seen.add(imp.id)
        for k, area in enumerate(imp.addresses):
            if area not in taxonomy:
                problems.append(origin.problem("addresses", k, message=taxonomy.unknown(area, how_to_add=False)))
        for k, app_id in enumerate(imp.prompted_by):
            if app_id not in apps:
                problems.append(origin.problem("prompted_by", k, message=(
                    f"no application with id '{app_id}'{did_you_mean(app_id, apps)}")))
        added = sum(len(v) for v in imp.add.model_dump(include=set(type(imp.add).model_fields)).values())
        if not added and not imp.extend:
            problems.append(origin.problem(message="adds nothing: give it 'add' entries or 'extend' highlights"))
    return problems


def _future_dates(feedback: Feedback) -> list[Problem]:
    """A warning for each date of an application that has not come yet (a typo, most likely)."""
    today = dt.date.today().isoformat()
    found = []
    for app in feedback.applications:
        dated = [((key,), getattr(app, key)) for key in _DATE_ORDER if getattr(app, key)] + _stage_dates(app)
        for path, value in dated:
            if before(today, str(value)):
                found.append(replace(origin_of(app).problem(*path, message=(
                    f"{path[0]} {value} is in the future (today is {today}); check the year")),
                    severity="warning"))
    return found


def _normalise_areas(feedback: Feedback) -> None:
    for app in feedback.applications:
        for point in app.feedback:
            point.areas = [normalise_area(a) for a in point.areas]
    for imp in feedback.improvements:
        imp.addresses = [normalise_area(a) for a in imp.addresses]


def feedback_files(source: Path) -> list[Path]:
    """The feedback files ``source`` names: itself, or the YAML/JSON files of a folder.

    A FIFO or device in the folder is listed, not skipped, so that reading it is refused
    by name (it is never opened); a subfolder is not a file and is passed over.
    """
    if source.is_dir():
        # hidden files are an editor's (.#x.yaml locks) or the system's (._x.yaml), not feedback
        return sorted(p for p in source.iterdir() if p.suffix.lower() in {".yaml", ".yml", ".json"}
                      and not p.name.startswith(".") and not p.is_dir())
    return [source]


APPLICATION_FILE = "application.yaml"
"""The record of one application in its archive folder, ``applications/<id>/application.yaml``."""


def application_records(folder: Path) -> list[Path]:
    """The application records under ``folder`` (one per archived application), sorted; a
    folder without one (being written, or the user's own) is passed over."""
    if not folder.is_dir():
        return []
    return sorted(p / APPLICATION_FILE for p in folder.iterdir()
                  if p.is_dir() and not p.name.startswith(".") and (p / APPLICATION_FILE).is_file())


def read_feedback(
    source: str | Path | Mapping[str, Any] | Document,
    strict: bool = False,
    taxonomy: Taxonomy | None = None,
    also: Sequence[Path] = (),
) -> Loaded[Feedback]:
    """Validated feedback from a file, a folder of files, a mapping or a parsed document,
    and from the files ``also`` names (the application records ``resumekit apply`` writes),
    merged into one: ids and cross-references are checked across all of them."""
    taxonomy = taxonomy or Taxonomy()
    inputs: list[Path | Mapping[str, Any] | Document]
    if isinstance(source, (Document, Mapping)):
        inputs = [source]
    else:
        inputs = list(feedback_files(Path(source)))
        if not inputs:
            raise FeedbackError([Problem(str(source), None, None, "", "no feedback files (.yaml) in this folder")])
    inputs += list(also)
    merged = Feedback()
    docs: list[Document] = []
    warnings: list[Problem] = []
    problems: list[Problem] = []
    for item in inputs:  # every file's problems are reported, not only the first file's
        try:
            doc = item if isinstance(item, Document) else as_document(item, FeedbackError, "feedback")
        except FeedbackError as exc:
            problems += exc.problems
            continue
        docs.append(doc)
        try:
            loaded = validate_document(doc, Feedback, FeedbackError, strict)
        except FeedbackError as exc:
            problems += [_in_place(p, doc) for p in exc.problems]
            continue
        warnings += [_in_place(w, doc) for w in loaded.warnings]
        for i, app in enumerate(loaded.model.applications):
            app._origin = Origin(doc, ("applications", i))
            merged.applications.append(app)
        for i, imp in enumerate(loaded.model.improvements):
            imp._origin = Origin(doc, ("improvements", i))
            merged.improvements.append(imp)
    if problems:
        raise FeedbackError(problems)
    _normalise_areas(merged)
    problems = _check(merged, taxonomy)
    warnings += _future_dates(merged)
    if problems:
        order = {doc.source: i for i, doc in enumerate(docs)}
        raise FeedbackError(sorted(problems, key=lambda p: (order.get(p.file, 0), p.line or 0, p.column or 0)))
    return Loaded(merged, warnings, docs[0], hashes_of(*docs))


def load_feedback(
    source: str | Path | Mapping[str, Any], strict: bool = False,
    areas: Mapping[str, list[str]] | None = None,
) -> Feedback:
    """Load feedback (a file, a folder of files or a mapping); raises :class:`FeedbackError`."""
    from .mapping import checked_areas, checked_path

    if not isinstance(source, Mapping):
        source = checked_path(source, FeedbackError, "feedback")
    loaded = read_feedback(source, strict, Taxonomy(checked_areas(areas, FeedbackError)))
    from . import warn

    warn(loaded.warnings)
    return loaded.model


def inline_feedback(profile_doc: Document) -> Document | None:
    """The profile's own ``feedback:`` key as a document of its own, positions kept."""
    data = profile_doc.data.get("feedback") if isinstance(profile_doc.data, dict) else None
    if data is None:
        return None
    prefix: PathKey = ("feedback",)
    positions = Positions(
        {k[1:]: v for k, v in profile_doc.positions.values.items() if k[:1] == prefix},
        {k[1:]: v for k, v in profile_doc.positions.keys.items() if k[:1] == prefix},
    )
    return InlineDocument(data, profile_doc.source, positions, prefix=prefix)
