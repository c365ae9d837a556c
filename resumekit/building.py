"""load -> apply feedback -> tailor -> render -> write: the one place that chains the steps."""

from __future__ import annotations

import datetime as dt
import glob
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .areas import Taxonomy
from .documents import Letter, Options, Resume, build_letter, build_resume, is_remote, letter_date
from .errors import BuildError, ConfigError, Problem, ResumekitError
from .feedback import apply_feedback
from .feedback_loading import inline_feedback, read_feedback
from .growth import find_application, growth_paragraph
from .loading import read_config, read_profile, read_target
from .models import Config, Profile, Target
from .models.feedback import Feedback
from .tailoring import Tailored, as_markdown, explain, tailor
from .resources import theme_dirs
from .writing import inside, safe_name, write_atomic

GENERAL = "general"
FORMATS = ("pdf", "docx")
DOCUMENT_NAMES = {"resume": "Resume", "letter": "Cover-Letter"}


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

    @property
    def root(self) -> Path:
        return self.config_path.parent

    @property
    def output_dir(self) -> Path:
        return (self.root / self.config.output).resolve()


@dataclass
class Output:
    """One file a build produced or skipped."""

    path: Path
    target: str
    document: str
    format: str
    status: str  # "built" or "up to date"
    pages: int | None = None


@dataclass
class BuildResult:
    """What a build did: every output, and the warnings met on the way."""

    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def built(self) -> list[Output]:
        return [o for o in self.outputs if o.status == "built"]


def target_files(config: Config, root: Path) -> list[Path]:
    """The target files the config names: a file, every YAML/JSON file of a folder, or a glob."""
    if not config.targets:
        return []
    spec = root / config.targets
    if spec.is_dir():
        found = [p for p in spec.iterdir() if p.suffix.lower() in {".yaml", ".yml", ".json"}]
    elif spec.is_file():
        found = [spec]
    else:
        found = [Path(p) for p in glob.glob(str(spec)) if Path(p).is_file()]
        if not found:
            raise ConfigError([Problem(str(root / "resumekit.yaml"), None, None, "targets",
                                       f"'{config.targets}' matches no file or folder")])
    return sorted(found)


def load_project(config_path: str | Path = "resumekit.yaml", strict: bool = False) -> Project:
    """Read and validate a project's config, profile and targets; raise on the first bad file."""
    path = Path(config_path)
    loaded = read_config(path, strict)
    config = loaded.model
    warnings = list(loaded.warnings)
    root = path.parent
    profile = read_profile(root / config.profile, strict)
    warnings += profile.warnings
    taxonomy = Taxonomy(config.areas)
    feedback_source = root / config.feedback if config.feedback else inline_feedback(profile.document)
    feedback = None
    if feedback_source is not None:
        loaded_feedback = read_feedback(feedback_source, strict, taxonomy)
        warnings += loaded_feedback.warnings
        feedback = loaded_feedback.model
    targets: list[Target] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for file in target_files(config, root):
        try:
            target = read_target(file, strict)
        except ResumekitError as exc:
            problems += getattr(exc, "problems", [])
            continue
        warnings += target.warnings
        tid = target.model.id or file.stem
        if tid == GENERAL or tid in seen:
            why = "is reserved for the untailored build" if tid == GENERAL else f"is also used by {seen[tid]}"
            problems.append(Problem(str(file), None, None, "id", f"target id '{tid}' {why}"))
        seen[tid] = file
        targets.append(target.model)
    if problems:
        from .errors import TargetError

        raise TargetError(problems)
    applied = apply_feedback(profile.model, feedback) if feedback else profile.model
    return Project(config, path.resolve(), applied, targets, warnings, feedback, taxonomy)


def _options(config: Config) -> Options:
    return Options(language=config.language, date=config.date)


@dataclass
class Plan:
    """What one target's documents are made from: the tailored profile and the letter's parts."""

    target: Target | None
    profile: Profile
    tailored: Tailored | None = None
    growth: str | None = None

    @property
    def id(self) -> str:
        return self.target.id if self.target and self.target.id else GENERAL


def fit_pages(tailored: Tailored, budget: int, pages_of: Callable[[Profile], int]) -> Tailored:
    """Drop the fewest least-relevant highlights that bring the resume within ``budget`` pages.

    Pages are counted by real layout. Dropping more never adds pages, so a binary search
    over how many to drop needs only a handful of layouts.
    """
    if pages_of(tailored.profile) <= budget:
        return tailored
    most = len(tailored.droppable)
    if pages_of(tailored.drop(most).profile) > budget:
        over = tailored.drop(most)
        return replace(over, notes=(*over.notes, f"still over {budget} page(s) with every optional "
                                                 "highlight left out; shorten the profile or raise 'pages'"))
    low, high = 0, most  # pages(low) > budget >= pages(high)
    while high - low > 1:
        middle = (low + high) // 2
        if pages_of(tailored.drop(middle).profile) <= budget:
            high = middle
        else:
            low = middle
    return tailored.drop(high)


def plan_target(project: Project, target: Target | None, dirs: list[Path] | None = None) -> Plan:
    """Tailor the profile to ``target`` (``None``: the general version) and fit its page budget."""
    if target is None:
        return Plan(None, project.profile)
    tailored = tailor(project.profile, target, project.feedback, project.taxonomy)
    if target.pages:
        from .rendering.pdf import count_pages

        options = _options(project.config)
        themes = dirs or theme_dirs(project.config.theme, project.root)
        tailored = fit_pages(tailored, target.pages,
                             lambda profile: count_pages(build_resume(profile, options), themes, project.root))
    application = find_application(project.feedback, target)
    growth = None
    if project.feedback is not None and application is not None:
        growth = growth_paragraph(project.feedback, application, project.taxonomy, target.company)
    return Plan(target, tailored.profile, tailored, growth)


def content_for(plan: Plan, document: str, options: Options) -> Resume | Letter:
    """The content of one document of a plan."""
    if document == "letter":
        highlights = plan.tailored.letter_highlights or None if plan.tailored else None
        return build_letter(plan.profile, plan.target, options, growth=plan.growth, highlights=highlights)
    return build_resume(plan.profile, options)


def render_bytes(
    content: Resume | Letter, fmt: str, dirs: list[Path], project_dir: Path | None,
    stamp: dt.datetime, warnings: list[str],
) -> tuple[bytes, int | None]:
    """The file's bytes in ``fmt``, and its page count where known."""
    if fmt == "pdf":
        from .rendering.pdf import render_pdf_bytes

        return render_pdf_bytes(content, dirs, project_dir, warnings)
    if fmt == "docx":
        from .rendering.docx import render_docx_bytes

        return render_docx_bytes(content, dirs, stamp), None
    raise BuildError(f"unknown format '{fmt}'; resumekit writes {', '.join(FORMATS)}")


def _stamp(target: Target | None, options: Options) -> dt.datetime:
    day = letter_date(target, options)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def file_name(profile: Profile, document: str, fmt: str) -> str:
    """A name a recruiter is happy to receive: ``Jane-Doe-Resume.pdf``."""
    person = safe_name(profile.basics.name or "", fallback="")
    stem = f"{person}-{DOCUMENT_NAMES[document]}" if person else DOCUMENT_NAMES[document]
    return f"{stem}.{fmt}"


def _profile_warnings(profile: Profile) -> list[str]:
    if is_remote(profile.basics.image):
        return [f"basics.image: {profile.basics.image} is on the network; resumekit never "
                "fetches, so it is ignored (use a file beside the profile)"]
    return []


def build_target(
    project: Project, target: Target | None, formats: list[str], documents: list[str],
) -> BuildResult:
    """Render every document of one target in memory, then write them all."""
    result = BuildResult(warnings=_profile_warnings(project.profile))
    options = _options(project.config)
    dirs = theme_dirs(project.config.theme, project.root)
    plan = plan_target(project, target, dirs)
    folder = inside(project.output_dir, safe_name(plan.id, fallback=GENERAL))
    stamp = _stamp(target, options)
    rendered: list[tuple[Output, bytes]] = []
    for document in documents:
        content = content_for(plan, document, options)
        for fmt in formats:
            data, pages = render_bytes(content, fmt, dirs, project.root, stamp, result.warnings)
            path = inside(folder, file_name(project.profile, document, fmt))
            rendered.append((Output(path, plan.id, document, fmt, "built", pages), data))
    if plan.tailored is not None:
        report = as_markdown(explain(plan.tailored), plan.tailored).encode("utf-8")
        rendered.append((Output(inside(folder, "report.md"), plan.id, "report", "md", "built"), report))
        result.warnings += [f"{plan.id}: {note}" for note in plan.tailored.notes]
    for output, data in rendered:
        write_atomic(output.path, data)
        result.outputs.append(output)
    return result


def build(
    config_path: str | Path = "resumekit.yaml",
    targets: list[str] | None = None,
    formats: list[str] | None = None,
    force: bool = False,
    strict: bool = False,
) -> BuildResult:
    """What ``resumekit build`` does: every target's documents (and the general ones)."""
    project = load_project(config_path, strict)
    chosen_formats = formats or list(project.config.formats)
    unknown = [f for f in chosen_formats if f not in FORMATS]
    if unknown:
        raise BuildError(f"unknown format '{unknown[0]}'; resumekit writes {', '.join(FORMATS)}")
    plan: list[Target | None] = [None, *project.targets]
    if targets:
        known = {GENERAL: None, **{t.id: t for t in project.targets if t.id}}
        missing = [t for t in targets if t not in known]
        if missing:
            raise BuildError(f"no target '{missing[0]}'; known: {', '.join(sorted(known))}")
        plan = [known[t] for t in targets]
    result = BuildResult(warnings=[str(w) for w in project.warnings])
    for target in plan:
        one = build_target(project, target, chosen_formats, list(project.config.documents))
        result.outputs += one.outputs
        result.warnings += [w for w in one.warnings if w not in result.warnings]
    return result


def render(
    profile: Profile | Tailored,
    path: str | Path,
    document: str = "resume",
    target: Target | None = None,
    theme: str = "classic",
    language: str = "en",
) -> Path:
    """Render one document of a profile (or a tailored one) to ``path``; format from the suffix."""
    out = Path(path)
    fmt = out.suffix.lower().lstrip(".")
    if document not in DOCUMENT_NAMES:
        raise BuildError(f"unknown document '{document}'; choose resume or letter")
    options = Options(language=language)
    if isinstance(profile, Tailored):
        plan = Plan(target or profile.target, profile.profile, profile)
    else:
        plan = Plan(target, profile)
    content = content_for(plan, document, options)
    warnings: list[str] = []
    data, _ = render_bytes(content, fmt, theme_dirs(theme), None, _stamp(plan.target, options), warnings)
    write_atomic(out, data)
    return out
