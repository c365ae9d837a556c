"""A project on disk: its config, profile, feedback and targets, and every file they come from."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ..errors import (ConfigError, FeedbackError, LocatedError, Problem, ProfileError, ResumekitError, TargetError,
                      did_you_mean)
from ..feedback import apply_feedback
from ..loading import Document, Loaded, read_config, read_profile, read_target
from ..loading.document import PathKey, field_path
from ..loading.markets import convention_problems, known_markets, market, market_of
from ..loading.translation import Translated, translation_files
from ..loading.feedback import application_records, feedback_files, inline_feedback, read_feedback
from ..loading.paths import Place, is_inside, outside_message, require_file, resolve_inside, why_not_a_file
from ..models import Config, Profile, Target
from ..models.areas import Taxonomy
from ..models.base import SECTION_NAMES
from ..models.profile import SECTION_INFO
from ..models.feedback import Feedback
from ..rendering.theme import Theme
from ..loading.target import id_from_stem, unknown_areas
from .look import font_problem, local_image, photo_file, photo_problems, photo_wanted
from .manifest import target_listing, tree_files
from .result import GENERAL_BUILD, Failure



LOCALES_FOLDER = "locales"
"""The folder of phrase files in a project or a theme: ``locales/<tag>.yaml``."""


@dataclass
class Project:
    """A loaded project: its config, profile (improvements applied) and targets."""

    config: Config
    config_path: Path
    profile: Profile
    targets: list[Target]
    warnings: list[Problem] = field(default_factory=list)
    feedback: Feedback | None = None
    taxonomy: Taxonomy = field(default_factory=Taxonomy)
    target_paths: dict[str, Path] = field(default_factory=dict)
    bad_targets: list[Failure] = field(default_factory=list)
    """Targets that could not be loaded; ``file`` is set where two files claim one id."""
    input_hashes: dict[str, str] = field(default_factory=dict)
    """The SHA-256 of every file as it was parsed, by resolved path: outputs are keyed on
    what was read, so a file saved during a build is never taken for the one built from."""
    theme: Theme = field(default_factory=Theme.named)
    documents: list[Document] = field(default_factory=list)
    translations: dict[str, Translated] = field(default_factory=dict)
    """The profile in each language a translation file gives, once read (see :mod:`.language`)."""
    """The parsed files the documents' text comes from (profile, feedback, targets), to
    say where a piece of text was written."""

    def where_written(self, text: str) -> Problem | None:
        """The first place in the project's files whose value holds ``text``, as a problem to fill in."""
        for document in self.documents:
            path = _find_text(document.data, text, ())
            if path is not None:
                line, column = document.positions.of_value(path)
                return Problem(document.source, line, column, field_path(path), "")
        return None

    @property
    def root(self) -> Path:
        return self.config_path.parent

    @property
    def output_dir(self) -> Path:
        return (self.root / self.config.output).resolve()

    def target(self, tid: str) -> Target | None:
        """The target with id ``tid``; ``None`` for the general build."""
        return next((t for t in self.targets if t.id == tid), None)

    def shared_inputs(self) -> list[str]:
        """Files every output depends on: config, profile, feedback and the theme's files."""
        files = [self.config_path, self.root / self.config.profile]
        if self.config.feedback:
            feedback = self.root / self.config.feedback
            files += tree_files(feedback) if feedback.is_dir() else [feedback]
        files += application_records(self.root / self.config.applications)
        files += translation_files(self.root / self.config.profile)
        files += self.theme.files()
        files += sorted((self.root / LOCALES_FOLDER).glob("*.yaml"))  # phrase files of the project's own
        photo = photo_file(self.root / self.config.profile, self.profile.basics.image)
        if photo is not None:  # a resume may show it: an edited photo rebuilds
            files.append(photo)
        return [str(Path(f).resolve()) for f in files]

    def target_inputs(self, tid: str) -> list[str]:
        """Files one target's outputs depend on beyond the shared ones."""
        path = self.target_paths.get(tid)
        if path is None:
            return []
        files = [path]
        target = self.target(tid)
        if target is not None and target.posting:
            files.append(path.parent / target.posting)
        return [str(Path(f).resolve()) for f in files]


def target_files(config: Config, root: Path) -> list[Path]:
    """The target files the config names: a file, every YAML/JSON file of a folder, or a glob."""
    return [Path(p) for p in target_listing(config.targets, root)]


def _place(loaded: Loaded[Config], key: str, error: type[LocatedError]) -> Place:
    """The config's ``key`` line, where a refusal of the path it names is reported."""
    line, column = loaded.document.positions.of_value((key,))
    return Place(loaded.document.source, line, column, key, error)


def _check_output(output: str, root: Path, place: Place) -> None:
    """``output`` must be a folder inside the project: not a file, not the project, not out of it."""
    folder = root / output
    project, resolved = root.resolve(), folder.resolve()
    if folder.exists() and not folder.is_dir():
        raise place.refuse(f"{output}: this is a file; name a folder for the documents, such as out")
    if resolved == project:
        raise place.refuse(f"'{output}' is the project folder itself; documents go to a folder inside it, "
                           "such as out, so they never mix with your files")
    if not resolved.is_relative_to(project):
        where = f"'{output}' links to {resolved}" if folder.is_relative_to(root) and ".." not in Path(output).parts \
            else f"'{output}' is"
        raise place.refuse(f"{where} outside the project ({project}); documents go to a folder inside it, "
                           "such as out")


def _glob_base(spec: str) -> str:
    """The part of a ``targets:`` glob before its first wildcard: the folder it searches."""
    parts = []
    for part in Path(spec).parts:
        if any(c in part for c in "*?["):
            break
        parts.append(part)
    return str(Path(*parts)) if parts else "."


def _listed_targets(config: Config, root: Path, allow: bool, place: Place) -> tuple[list[Path], list[Failure]]:
    """The target files to read, and those refused: a link out of the project, a FIFO, a device."""
    if not config.targets:
        return [], []
    resolve_inside(root, _glob_base(config.targets), allow, place)
    files = target_files(config, root)
    if not files:
        raise place.refuse(f"'{config.targets}' names no target file (.yaml, .yml or .json)")
    good: list[Path] = []
    bad: list[Failure] = []
    for file in files:
        shown = os.path.relpath(file, root)
        reason = None if allow or is_inside(file, root) else outside_message(shown, file, root)
        if reason is None:
            why = why_not_a_file(file)
            reason = f"{shown}: {why}" if why else None
        if reason is None:
            good.append(file)
        else:  # one target refused; the others still build
            refusal = TargetError([Problem(place.file, place.line, place.column, place.field, reason)])
            bad.append(Failure(id_from_stem(file.stem), refusal, str(file)))
    return good, bad


def _theme(theme: str, root: Path, allow: bool, place: Place) -> Theme:
    """The config's theme, a folder of the user's confined to the project, its files checked."""
    if (root / theme).is_dir():
        resolve_inside(root, theme, allow, place)
    try:
        found = Theme.named(theme, root)
    except ResumekitError as exc:
        raise place.refuse(str(exc)) from None
    problems = found.problems(None if allow else root)
    if problems:
        raise place.error([Problem(place.file, place.line, place.column, place.field, p) for p in problems])
    return found


def _feedback_path(feedback: str, root: Path, allow: bool, place: Place) -> Path:
    """The config's feedback file or folder, every file of it inside the project."""
    path = resolve_inside(root, feedback, allow, place)
    if not path.is_dir():
        reason = why_not_a_file(path)
        if reason is not None:
            raise place.refuse(f"{feedback}: {reason}")
        return path
    for file in feedback_files(path):
        if not allow and not is_inside(file, root):
            raise place.refuse(outside_message(os.path.relpath(file, root), file, root))
    return path


def _application_records(config: Config, root: Path, allow: bool, place: Place,
                         failed: list[LocatedError]) -> list[Path]:
    """The records ``resumekit apply`` wrote under the applications folder, each inside the
    project; one that links out of it is refused where the config names the folder."""
    records = application_records(root / config.applications)
    for record in records:
        if not allow and not is_inside(record, root):
            failed.append(place.refuse(outside_message(os.path.relpath(record, root), record, root)))
            return []
    return records


def _check_image(profile: Loaded[Profile], root: Path, allow: bool) -> None:
    """A local ``basics.image`` must be a file inside the project (a URL is warned about later)."""
    image = profile.model.basics.image or ""
    named = local_image(image)
    if named is None:
        return
    line, column = profile.document.positions.of_value(("basics", "image"))
    place = Place(profile.document.source, line, column, "basics.image", ProfileError)
    path = Path(profile.document.source).parent / named
    if not allow and not is_inside(path, root):
        raise place.refuse(outside_message(image, path, root))
    reason = why_not_a_file(path)
    if path.exists() and reason is not None:
        raise place.refuse(f"{image}: {reason}")


T = TypeVar("T")


def _attempt(failed: list[LocatedError], step: Callable[[], T]) -> T | None:
    """``step()``, or ``None`` with its error kept in ``failed``, so later files are checked too."""
    try:
        return step()
    except LocatedError as exc:
        failed.append(exc)
        return None


def load_project(
    config_path: str | Path = "resumekit.yaml", strict: bool = False, keep_going: bool = False, *,
    allow_outside: bool = False,
) -> Project:
    """Read and validate a project; with ``keep_going``, bad targets are set aside, not raised.

    Every file it names must be inside the config's folder, symlinks followed, unless
    ``allow_outside`` or the config's ``allowOutside``; a refusal is located at the line
    that names the file.
    """
    path = Path(config_path)
    loaded = read_config(path, strict)
    config = loaded.model
    warnings = list(loaded.warnings)
    root = path.parent
    allow = allow_outside or config.allowOutside
    failed: list[LocatedError] = []  # every file's problems are reported together, not the first's
    _attempt(failed, lambda: _check_output(config.output, root, _place(loaded, "output", ConfigError)))
    listed, bad = _attempt(failed, lambda: _listed_targets(config, root, allow,
                                                          _place(loaded, "targets", ConfigError))) or ([], [])
    theme = _attempt(failed, lambda: _theme(config.theme, root, allow, _place(loaded, "theme", ConfigError)))
    if theme is not None:
        _attempt(failed, theme.settings)
        problem = font_problem(config.design, loaded.document, theme, root)
        if problem is not None:
            failed.append(ConfigError([problem]))
    profile_place = _place(loaded, "profile", ProfileError)
    profile = _attempt(failed, lambda: read_profile(require_file(root, config.profile, allow, profile_place),
                                                    strict))
    hashes = dict(loaded.hashes)
    inline = None
    if profile is not None:
        _attempt(failed, lambda: _check_image(profile, root, allow))
        named = custom_section_problems(profile) + section_name_problems(config, loaded.document, profile.model)
        if named:
            failed.append(ConfigError(named))
        warnings += profile.warnings
        hashes.update(profile.hashes)
        inline = inline_feedback(profile.document)
        if not (profile.model.basics.name or "").strip():
            line, column = profile.document.positions.of_key(("basics",))
            warnings.append(Problem(profile.document.source, line, column, "basics.name",
                                    "the profile has no name: documents are named Resume.pdf and "
                                    "Cover-Letter.pdf, and their headers carry no name", severity="warning"))
        if config.feedback and inline is not None:
            line, column = profile.document.positions.of_key(("feedback",))
            warnings.append(Problem(profile.document.source, line, column, "feedback",
                                    f"ignored: the config names {config.feedback} as the feedback file",
                                    severity="warning"))
    taxonomy = Taxonomy(config.areas)
    feedback_source: Path | Document | None = inline
    if config.feedback:
        feedback_place = _place(loaded, "feedback", FeedbackError)
        feedback_source = _attempt(failed, lambda: _feedback_path(str(config.feedback), root, allow, feedback_place))
    records = _application_records(config, root, allow, _place(loaded, "applications", FeedbackError), failed)
    if feedback_source is None and records:
        feedback_source, records = records[0], records[1:]
    feedback = None
    loaded_feedback = None
    if feedback_source is not None:
        source = feedback_source
        loaded_feedback = _attempt(failed, lambda: read_feedback(source, strict, taxonomy, also=records))
        if loaded_feedback is not None:
            warnings += loaded_feedback.warnings
            hashes.update(loaded_feedback.hashes)
            feedback = loaded_feedback.model
    targets: list[Target] = []
    paths: dict[str, Path] = {}
    loaded_targets: dict[str, Loaded[Target]] = {}
    for file in listed:
        try:
            target = read_target(file, strict, root=root, allow_outside=allow)
        except LocatedError as exc:
            bad.append(Failure(id_from_stem(file.stem), exc))
            continue
        warnings += target.warnings
        hashes.update(target.hashes)
        unknown = unknown_areas(target, taxonomy)
        problem = font_problem(target.model.design, target.document, theme, root) if theme else None
        if problem is not None:
            unknown.append(problem)
        if profile is not None:
            unknown += section_name_problems(target.model, target.document, profile.model)
        if unknown:
            bad.append(Failure(target.model.id or id_from_stem(file.stem), TargetError(unknown)))
            continue
        tid = target.model.id or file.stem
        if tid == GENERAL_BUILD or tid in paths:
            why = "is reserved for the untailored build" if tid == GENERAL_BUILD else f"is also used by {paths[tid]}"
            line, column = target.document.positions.of_value(("id",))
            bad.append(Failure(tid, TargetError([Problem(str(file), line, column, "id",
                                                         f"target id '{tid}' {why}")]), str(file)))
            continue
        paths[tid] = file
        loaded_targets[tid] = target
        targets.append(target.model)
    if feedback is not None:
        known = {a.id for a in feedback.applications}
        for job in [t for t in targets if t.application and t.application not in known]:
            tid = job.id or ""
            line, column = loaded_targets[tid].document.positions.of_value(("application",))
            bad.append(Failure(tid, TargetError([Problem(str(paths[tid]), line, column, "application",
                                            f"no application with id '{job.application}' in the feedback"
                                            + did_you_mean(job.application or "", known))])))
            targets.remove(job)
    target_problems = [p for failure in bad if isinstance(failure.error, LocatedError)
                       for p in failure.error.problems]
    if failed or profile is None or theme is None:
        # The profile or the feedback is wrong: nothing can be built; say everything at once.
        kind = type(failed[0]) if failed else ProfileError
        raise kind([p for error in failed for p in error.problems] + target_problems)
    if bad and not keep_going:
        raise TargetError(target_problems)
    conventions = _conventions(profile, config, targets, loaded_targets, theme.settings().photo)
    warnings += photo_problems(profile.model, profile.document, config, targets, theme, root / config.profile)
    if strict and conventions:
        raise ProfileError([dataclasses.replace(p, severity="error") for p in conventions])
    warnings += conventions
    applied = apply_feedback(profile.model, feedback) if feedback else profile.model
    documents = [profile.document, *(t.document for t in loaded_targets.values())]
    if loaded_feedback is not None:
        documents.append(loaded_feedback.document)
    return Project(config, path.resolve(), applied, targets, warnings, feedback, taxonomy, paths, bad,
                   hashes, theme, documents)


def section_name_problems(model: Config | Target, document: Document, profile: Profile) -> list[Problem]:
    """A located error for each section that ``sectionOrder`` or ``pageBreakBefore`` names
    and the resume does not have (neither built in nor one of the profile's ``sections:``)."""
    known = [*SECTION_NAMES, *profile.sections]
    headed = {info.title.casefold(): key for key, info in SECTION_INFO.items()}
    found = []
    for key in ("sectionOrder", "pageBreakBefore"):
        for i, name in enumerate(getattr(model, key) or []):
            if name not in known:
                line, column = document.positions.of_value((key, i))
                hint = (f"; did you mean '{headed[name.casefold()]}'? (the section headed {name.title()})"
                        if name.casefold() in headed else did_you_mean(name, known))
                found.append(Problem(document.source, line, column, f"{key}[{i}]",
                                     f"no section '{name}': sections are named {', '.join(known)}" + hint))
    return found


def custom_section_problems(profile: Loaded[Profile]) -> list[Problem]:
    """A located error for each of the profile's ``sections:`` named like a built-in one,
    or holding more than one shape of entry."""
    found = []
    for key, section in profile.model.sections.items():
        line, column = profile.document.positions.of_key(("sections", key))
        shapes = [shape for shape in ("entries", "lines", "bullets") if getattr(section, shape)]
        if key in SECTION_NAMES:
            found.append(Problem(profile.document.source, line, column, f"sections.{key}",
                                 f"'{key}' is a built-in section; give your own section another name "
                                 f"(its title may still be anything)"))
        elif not shapes:
            found.append(Problem(profile.document.source, line, column, f"sections.{key}",
                                 "has nothing to print: give it entries, lines or bullets"))
        elif len(shapes) > 1:
            found.append(Problem(profile.document.source, line, column, f"sections.{key}",
                                 f"a section holds one of entries, lines or bullets, not {' and '.join(shapes)}; "
                                 f"make a section of each"))
    return found


def _conventions(profile: Loaded[Profile], config: Config, targets: list[Target],
                 loaded: dict[str, Loaded[Target]], photos: bool = True) -> list[Problem]:
    """What the profile carries against the conventions of each target's market (the
    general build's, with no targets), or lacks that they expect; once per problem. A
    market a target names that the table lacks is said too."""
    jobs: list[Target | None] = list(targets) if config.targets else [None]
    found: dict[tuple[str, str], Problem] = {}
    for job in jobs:
        code = market_of(profile.model, job, config.market)
        conventions = market(code)
        if conventions is None:
            if job is not None and job.market and (job.id or "") in loaded:
                document = loaded[job.id or ""].document
                line, column = document.positions.of_value(("market",))
                found[("market", job.id or "")] = Problem(
                    document.source, line, column, "market", f"resumekit has no conventions for the market "
                    f"{job.market}, so nothing is checked; it knows {', '.join(known_markets())}",
                    severity="warning")
            continue
        who = f"the target {job.id or ''}" if job is not None else "the resume"
        photo = photos and photo_wanted(config, job)
        for problem in convention_problems(profile.model, profile.document, conventions, who,
                                           list(job.redact) if job else None, photo):
            found.setdefault((problem.field, conventions.code), problem)
    return list(found.values())


def _find_text(data: object, text: str, path: PathKey) -> PathKey | None:
    """The path of the first string in ``data`` that contains ``text``."""
    if isinstance(data, str):
        return path if text in data else None
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        found = _find_text(value, text, (*path, key))
        if found is not None:
            return found
    return None
