"""A project on disk: its config, profile, feedback and targets, and every file they come from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError, LocatedError, Problem, ResumekitError, TargetError, did_you_mean
from ..feedback import apply_feedback
from ..loading import Loaded, read_config, read_profile, read_target
from ..loading.feedback import inline_feedback, read_feedback
from ..models import Config, Profile, Target
from ..models.areas import Taxonomy
from ..models.feedback import Feedback
from ..rendering.theme import Theme
from ..loading.target import id_from_stem
from .manifest import target_listing, tree_files
from .result import GENERAL_BUILD, Failure



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
        files += self.theme.files()
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


def load_project(
    config_path: str | Path = "resumekit.yaml", strict: bool = False, keep_going: bool = False,
) -> Project:
    """Read and validate a project; with ``keep_going``, bad targets are set aside, not raised."""
    path = Path(config_path)
    loaded = read_config(path, strict)
    config = loaded.model
    warnings = list(loaded.warnings)
    root = path.parent
    if config.targets and not target_files(config, root):
        line, column = loaded.document.positions.of_value(("targets",))
        raise ConfigError([Problem(str(path), line, column, "targets",
                                   f"'{config.targets}' names no target file (.yaml, .yml or .json)")])
    try:
        theme = Theme.named(config.theme, root)
    except ResumekitError as exc:
        line, column = loaded.document.positions.of_value(("theme",))
        raise ConfigError([Problem(str(path), line, column, "theme", str(exc))]) from None
    profile = read_profile(root / config.profile, strict)
    warnings += profile.warnings
    if not (profile.model.basics.name or "").strip():
        line, column = profile.document.positions.of_key(("basics",))
        warnings.append(Problem(profile.document.source, line, column, "basics.name",
                                "the profile has no name: documents are named Resume.pdf and "
                                "Cover-Letter.pdf, and their headers carry no name", severity="warning"))
    hashes = {**loaded.hashes, **profile.hashes}
    taxonomy = Taxonomy(config.areas)
    inline = inline_feedback(profile.document)
    feedback_source = root / config.feedback if config.feedback else inline
    if config.feedback and inline is not None:
        line, column = profile.document.positions.of_key(("feedback",))
        warnings.append(Problem(profile.document.source, line, column, "feedback",
                                f"ignored: the config names {config.feedback} as the feedback file",
                                severity="warning"))
    feedback = None
    if feedback_source is not None:
        loaded_feedback = read_feedback(feedback_source, strict, taxonomy)
        warnings += loaded_feedback.warnings
        hashes.update(loaded_feedback.hashes)
        feedback = loaded_feedback.model
    targets: list[Target] = []
    paths: dict[str, Path] = {}
    bad: list[Failure] = []
    loaded_targets: dict[str, Loaded[Target]] = {}
    for file in target_files(config, root):
        try:
            target = read_target(file, strict)
        except LocatedError as exc:
            bad.append(Failure(id_from_stem(file.stem), exc))
            continue
        warnings += target.warnings
        hashes.update(target.hashes)
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
    if bad and not keep_going:
        raise TargetError([p for failure in bad if isinstance(failure.error, LocatedError)
                           for p in failure.error.problems])
    applied = apply_feedback(profile.model, feedback) if feedback else profile.model
    return Project(config, path.resolve(), applied, targets, warnings, feedback, taxonomy, paths, bad,
                   hashes, theme)
