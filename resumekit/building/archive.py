"""``resumekit apply``: record an application and archive exactly what was sent.

The target's documents are built (or found up to date), then copied with a small
manifest (what each input file was, by SHA-256; resumekit's version; the date) into
``applications/<id>/``, beside ``application.yaml``, the application's record in the
feedback format. The folder is written once, whole (made under a temporary name, then
renamed), and nothing rewrites it later: a build writes only to the output folder, and
the record is the user's to edit from then on. The loader merges every record with the
feedback file, so no file of the user's is ever edited to record an application.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import TypeAdapter, ValidationError

from .._version import __version__
from ..errors import BuildError, ConfigError, Problem, UsageError, did_you_mean
from ..loading.feedback import APPLICATION_FILE
from ..models import Target
from ..models.feedback import Slug
from ..rendering.theme import builtin_themes_dir
from .project import Project, load_project
from .result import BuildResult
from .session import BuildOptions

ARCHIVE_MANIFEST = "manifest.json"
"""What an archive records beside the documents: inputs, version, date, files."""
RECORD_HEADER = """\
# The application `resumekit apply {target}` recorded on {date}; the documents
# sent are beside this file, with manifest.json saying what they were built from.
# resumekit never rewrites this file or that folder: edit this file as things
# happen. To use a line of this example, delete its '# ' and change its dates:
#   interviews: [{{date: {interview}, kind: phone, thanked: {thanked}}}]
#   followUps: [{follow_up}]
#   rejected: {rejected}
# An interview's kind is phone, video, panel, technical, onsite or other; thanked is
# the day you sent your thank-you note, followUps the days you sent a follow-up.
# Later, add the employer's feedback, as in the feedback file (docs/job-search.md).
"""


@dataclass(frozen=True)
class Archived:
    """An application recorded by ``apply``: its id, its folder and the files archived there."""

    application: str
    folder: Path
    files: tuple[Path, ...]
    built: BuildResult


def _application_id(project: Project, target: Target, today: dt.date, wanted: str | None) -> str:
    """The id asked for, or ``<target>-<year>`` made unique among the recorded applications."""
    taken = {a.id for a in project.feedback.applications} if project.feedback else set()
    folder = project.root / project.config.applications
    if wanted:
        _check_id(wanted)
        if wanted in taken or (folder / wanted).exists():
            raise UsageError(f"an application '{wanted}' is already recorded; choose another --id")
        return wanted
    base = f"{target.id}-{today.year}"
    candidate, n = base, 2
    while candidate in taken or (folder / candidate).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _check_id(wanted: str) -> None:
    """An id asked for must be one the feedback file takes: ``../x`` would archive outside
    the folder, and a record with an id it refuses would stop every later command."""
    try:
        TypeAdapter(Slug).validate_python(wanted)
    except ValidationError as exc:
        raise UsageError("--id: " + str(exc.errors()[0]["msg"]).removeprefix("Value error, ")) from None


def _shown_input(path: str, root: Path) -> str:
    """An input file as the manifest names it: from the project, or from resumekit's own themes."""
    file, builtin = Path(path), builtin_themes_dir()
    if file.is_relative_to(root):
        return file.relative_to(root).as_posix()
    if file.is_relative_to(builtin):
        return "resumekit:templates/" + file.relative_to(builtin).as_posix()
    return file.as_posix()


def _inputs(project: Project, tid: str) -> dict[str, str]:
    """The SHA-256 of every file the target's documents were built from, as they were read."""
    found = {}
    root = project.root.resolve()
    for path in sorted(set(project.shared_inputs() + project.target_inputs(tid))):
        digest = project.input_hashes.get(path)
        if digest is None and Path(path).is_file():
            digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        if digest is not None:
            found[_shown_input(path, root)] = digest
    return found


def _example_dates(applied: dt.date) -> dict[str, str]:
    """The record's example dates, after the day applied and in order, so that its lines
    load as they are once uncommented."""
    interview = applied + dt.timedelta(days=14)
    days = {"interview": 0, "thanked": 1, "follow_up": 15, "rejected": 21}
    return {name: (interview + dt.timedelta(days=n)).isoformat() for name, n in days.items()}


def _record(project: Project, target: Target, app_id: str, today: dt.date) -> bytes:
    """``application.yaml``: one application in the feedback file's format, with a header."""
    entry: dict[str, object] = {"id": app_id, "employer": target.company, "position": target.title,
                                "target": target.id, "applied": today}
    header = RECORD_HEADER.format(target=target.id, date=today.isoformat(), **_example_dates(today))
    body = yaml.safe_dump({"applications": [{k: v for k, v in entry.items() if v}]},
                          sort_keys=False, allow_unicode=True)
    return (header + body).encode("utf-8")


def _write_folder(folder: Path, files: dict[str, bytes]) -> None:
    """Make ``folder`` holding ``files``, whole or not at all: written under a temporary
    name beside it, then renamed; an existing folder is never touched."""
    staging = folder.parent / f".{folder.name}.{secrets.token_hex(4)}.tmp"
    try:
        staging.mkdir(parents=True)  # as the umask says, as the documents' own folders are
        for name, data in files.items():
            (staging / name).write_bytes(data)
        if folder.exists():
            raise BuildError(f"{folder} appeared while it was being written; nothing was changed")
        os.rename(staging, folder)
    except OSError as exc:
        raise BuildError(f"cannot write {folder}: {exc.strerror or exc}") from None
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _check_folder(project: Project) -> Path:
    """The applications folder, which must be inside the project and not its output folder."""
    root = project.root.resolve()
    folder = (project.root / project.config.applications).resolve()
    if folder == root or not folder.is_relative_to(root) or folder.is_relative_to(project.output_dir) \
            or project.output_dir.is_relative_to(folder):
        raise ConfigError([Problem(str(project.config_path), None, None, "applications",
                                   f"'{project.config.applications}' must be a folder of its own inside the "
                                   "project, apart from the output folder (builds may clean that)")])
    if folder.exists() and not folder.is_dir():
        raise ConfigError([Problem(str(project.config_path), None, None, "applications",
                                   f"{project.config.applications}: this is a file; name a folder")])
    return folder


def apply_target(config_path: str | Path, tid: str, today: dt.date, options: BuildOptions,
                 application_id: str | None = None) -> Archived:
    """Build target ``tid``, then record the application and archive its documents."""
    from .run import build

    project = load_project(config_path, options.strict, keep_going=True, allow_outside=options.allow_outside)
    broken = [f for f in project.bad_targets if f.target == tid]
    if broken:
        raise broken[0].error
    target = project.target(tid)
    if target is None or not tid:
        known = sorted(t.id for t in project.targets if t.id)
        raise UsageError(f"no target '{tid}'{did_you_mean(tid, known)}; known: {', '.join(known) or 'none'}")
    if not target.company:
        raise UsageError(f"target '{tid}' names no company; give it 'company:' (the employer applied to)")
    earlier = [a for a in (project.feedback.applications if project.feedback else []) if a.target == tid]
    if earlier and not application_id:
        raise UsageError(f"target '{tid}' is recorded as applied already: {earlier[-1].id}, on "
                         f"{earlier[-1].applied}; to record another application with it, pass an id of its "
                         f"own, e.g. --id {_application_id(project, target, today, None)}")
    folder = _check_folder(project)
    app_id = _application_id(project, target, today, application_id)
    built = build(config_path, BuildOptions(targets=(tid,), formats=options.formats, strict=options.strict,
                                            jobs=1, allow_outside=options.allow_outside))
    if built.failures:
        raise built.failures[0].error
    project = load_project(config_path, options.strict, keep_going=True, allow_outside=options.allow_outside)
    files = {o.path.name: o.path.read_bytes() for o in built.outputs if o.target == tid}
    manifest = {"application": app_id, "target": tid, "date": today.isoformat(), "resumekit": __version__,
                "files": {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())},
                "inputs": _inputs(project, tid)}
    files[ARCHIVE_MANIFEST] = (json.dumps(manifest, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
    files[APPLICATION_FILE] = _record(project, target, app_id, today)
    _write_folder(folder / app_id, files)
    return Archived(app_id, folder / app_id, tuple(sorted(folder / app_id / n for n in files)), built)


def archived_ids(project: Project) -> set[str]:
    """The applications with an archive folder (their documents kept as sent)."""
    folder = project.root / project.config.applications
    return {p.name for p in folder.iterdir() if (p / ARCHIVE_MANIFEST).is_file()} if folder.is_dir() else set()
