"""load -> apply feedback -> tailor -> render -> write: the one place that chains the steps.

A build skips what is up to date (see :mod:`resumekit.manifest`), renders each target's
documents in memory and only then writes them, each atomically, so a failed or killed
build leaves the previous documents whole. Targets build in parallel on any
``concurrent.futures.Executor``; one bad target fails alone.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from . import __version__
from .documents import Letter, Options, Resume, build_letter, build_resume, is_remote, letter_date
from .errors import BuildError, ResumekitError, UsageError
from .growth import find_application, growth_paragraph
from .loading import READ_HASHES
from .manifest import (Entry, Hasher, Manifest, last_warnings, target_listing, tree_files,
                       up_to_date_without_loading)
from .models import Profile, Target
from .project import GENERAL, Project, load_project
from .resources import theme_dirs
from .tailoring import Tailored, as_markdown, explain, tailor
from .tailoring.fitting import fit_pages
from .tailoring.selection import HIGHLIGHTED
from .writing import inside, safe_name, write_atomic

FORMATS = ("pdf", "docx")
DOCUMENT_NAMES = {"resume": "Resume", "letter": "Cover-Letter"}
REPORT = "report.md"
LETTER_HIGHLIGHTS = 3
"""How many of the strongest matching highlights a tailored letter lists (none the growth paragraph tells)."""

__all__ = ["GENERAL", "BuildResult", "Output", "Project", "build", "build_many", "load_project", "render"]


@dataclass
class Output:
    """One file a build produced or found up to date."""

    path: Path
    target: str
    document: str
    format: str
    status: str  # "built" or "up to date"
    pages: int | None = None


@dataclass
class Failure:
    """A target that could not be built, and why (a located error, for people)."""

    target: str
    error: ResumekitError


@dataclass
class BuildResult:
    """What a build did: every output, the targets that failed, and the warnings met."""

    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    @property
    def built(self) -> list[Output]:
        return [o for o in self.outputs if o.status == "built"]

    @property
    def ok(self) -> bool:
        return not self.failures

    def merge(self, other: BuildResult) -> None:
        """Add another target's result to this one."""
        self.outputs += other.outputs
        self.failures += other.failures
        self.warnings += [w for w in other.warnings if w not in self.warnings]


# --- planning: what one target's documents are made from --------------------------------------


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


def _options(project: Project) -> Options:
    return Options(language=project.config.language, date=project.config.date)


_FITTED: dict[str, int] = {}
"""Each target's last page-budget answer in this process: the first guess of the next."""


def _measure_job(content: Resume, dirs: list[Path], project_dir: Path) -> tuple[int, float]:
    from .rendering.pdf import measure_pages

    return measure_pages(content, dirs, project_dir)


def _measure_aside(pool: Executor, options: Options, dirs: list[Path], project_dir: Path,
                   profile: Profile) -> Future[tuple[int, float]]:
    """A resume's pages measured in another process, while this one measures another."""
    return pool.submit(_measure_job, build_resume(profile, options), dirs, project_dir)


def plan_target(
    project: Project, target: Target | None, dirs: list[Path] | None = None,
    render_pool: Executor | None = None,
) -> Plan:
    """Tailor the profile to ``target`` (``None``: the general version) and fit its page budget."""
    if target is None:
        return Plan(None, project.profile)
    tailored = tailor(project.profile, target, project.feedback, project.taxonomy)
    if target.pages:
        from .rendering.pdf import measure_pages

        options = _options(project)
        themes = dirs or theme_dirs(project.config.theme, project.root)
        aside = partial(_measure_aside, render_pool, options, themes, project.root) if render_pool else None
        tailored = fit_pages(tailored, target.pages,
                             lambda profile: measure_pages(build_resume(profile, options), themes, project.root),
                             _FITTED, aside)
    application = find_application(project.feedback, target)
    growth = None
    if project.feedback is not None and application is not None:
        growth = growth_paragraph(project.feedback, application, project.taxonomy, target.company)
    return Plan(target, tailored.profile, tailored, growth)


def content_for(plan: Plan, document: str, options: Options) -> Resume | Letter:
    """The content of one document of a plan."""
    if document == "letter":
        highlights = None
        if plan.tailored and plan.tailored.letter_highlights:
            told = (plan.growth or "").casefold()
            shown = {h.text for section in HIGHLIGHTED
                     for entry in getattr(plan.profile, section) for h in entry.highlights}
            fresh = [h for h in plan.tailored.letter_highlights
                     if h in shown and h.rstrip(".").casefold()[1:] not in told]
            highlights = tuple(fresh[:LETTER_HIGHLIGHTS]) or None
        return build_letter(plan.profile, plan.target, options, growth=plan.growth, highlights=highlights)
    return build_resume(plan.profile, options)


# --- rendering and writing one target ---------------------------------------------------------


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


def output_paths(project: Project, tid: str, formats: list[str]) -> dict[Path, tuple[str, str]]:
    """Every file one target's build writes: path -> (document, format)."""
    folder = inside(project.output_dir, tid)  # ids are checked at load: letters, digits, '.', '-', '_' 
    paths: dict[Path, tuple[str, str]] = {inside(folder, file_name(project.profile, d, f)): (d, f)
                                          for d in project.config.documents for f in formats}
    if tid != GENERAL:
        paths[inside(folder, REPORT)] = ("report", "md")
    return paths


def _render_job(content: Resume | Letter, fmt: str, dirs: list[Path], project_dir: Path,
                stamp: dt.datetime) -> tuple[bytes, int | None, list[str]]:
    """One document rendered, in whichever process runs it (picklable in and out)."""
    warnings: list[str] = []
    data, pages = render_bytes(content, fmt, dirs, project_dir, stamp, warnings)
    return data, pages, warnings


def build_target(
    project: Project, tid: str, formats: list[str], render_pool: Executor | None = None,
) -> tuple[BuildResult, dict[str, str]]:
    """Render every document of one target in memory, then write them all.

    With ``render_pool`` (``watch`` keeps one warm), the documents render side by side;
    a resume the page budget has just laid out stays here, where that layout is.
    Returns the result and the SHA-256 of each file written, for the manifest.
    """
    import hashlib

    target = project.target(tid)
    result = BuildResult(warnings=_profile_warnings(project.profile))
    options = _options(project)
    dirs = theme_dirs(project.config.theme, project.root)
    plan = plan_target(project, target, dirs, render_pool)
    stamp = _stamp(target, options)
    jobs: list[tuple[Path, str, str, Future[tuple[bytes, int | None, list[str]]] | None, bytes]] = []
    for path, (document, fmt) in output_paths(project, tid, formats).items():
        if document == "report":
            assert plan.tailored is not None
            data = as_markdown(explain(plan.tailored), plan.tailored).encode("utf-8")
            jobs.append((path, document, fmt, None, data))
            continue
        content = content_for(plan, document, options)
        laid_out_here = document == "resume" and fmt == "pdf" and target is not None and bool(target.pages)
        if render_pool is not None and not laid_out_here:
            jobs.append((path, document, fmt, render_pool.submit(_render_job, content, fmt, dirs,
                                                                 project.root, stamp), b""))
        else:
            done: Future[tuple[bytes, int | None, list[str]]] = Future()
            done.set_result(_render_job(content, fmt, dirs, project.root, stamp))
            jobs.append((path, document, fmt, done, b""))
    rendered: list[tuple[Output, bytes]] = []
    for path, document, fmt, future, data in jobs:
        pages = None
        if future is not None:
            data, pages, warnings = future.result()
            result.warnings += [w for w in warnings if w not in result.warnings]
        rendered.append((Output(path, tid, document, fmt, "built", pages), data))
    if plan.tailored is not None:
        result.warnings += [f"{tid}: {note}" for note in plan.tailored.notes]
    hashes = {}
    for output, data in rendered:
        write_atomic(output.path, data)
        result.outputs.append(output)
        hashes[str(output.path)] = hashlib.sha256(data).hexdigest()
    return result, hashes


# --- the build: up-to-date check, parallel targets, manifest ---------------------------------


_PROJECTS: dict[tuple[str, bool, str], Project] = {}


def _project_in_worker(config_path: str, strict: bool, fingerprint: str) -> Project:
    """The project, loaded once per worker process and build.

    ``fingerprint`` hashes every input file: a worker kept from an earlier build (a
    user's long-lived executor) must not reuse a project whose files have changed since.
    """
    key = (config_path, strict, fingerprint)
    project = _PROJECTS.get(key)
    if project is None:
        project = load_project(config_path, strict, keep_going=True)
        _PROJECTS.clear()
        _PROJECTS[key] = project
    return project


def build_one(
    config_path: str, strict: bool, tid: str, formats: list[str], fingerprint: str = "",
) -> tuple[BuildResult, dict[str, str]]:
    """Build one target of a project: the unit of work an executor runs (picklable)."""
    try:
        project = _project_in_worker(config_path, strict, fingerprint)
        return build_target(project, tid, formats)
    except ResumekitError as exc:
        return BuildResult(failures=[Failure(tid, exc)]), {}


def _document_of(path: str) -> str:
    name = Path(path).name
    if name == REPORT:
        return "report"
    return "letter" if DOCUMENT_NAMES["letter"] in name else "resume"


def _dated(project: Project, tid: str) -> bool:
    target = project.target(tid)
    return "letter" in project.config.documents and not (target and target.date) and not project.config.date


def build(
    config_path: str | Path = "resumekit.yaml",
    targets: list[str] | None = None,
    formats: list[str] | None = None,
    force: bool = False,
    strict: bool = False,
    jobs: int | None = 1,
    executor: Executor | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    render_pool: Executor | None = None,
) -> BuildResult:
    """What ``resumekit build`` does: every target's documents (none: the general ones).

    Up-to-date outputs are skipped unless ``force``. Targets that need building run on
    ``executor`` if given (any ``concurrent.futures.Executor``: a process pool, Dask's
    ``Client.get_executor()``, ...), else on a process pool of ``jobs`` workers (``None``:
    one per core; ``1``: in this process). ``progress(done, total, target)`` is called as
    targets finish. ``render_pool``, for targets built in this process, renders each
    target's documents side by side (``watch`` keeps a warm one). Raises on a bad config,
    profile or feedback file; a bad target is reported in ``result.failures`` and the
    others are built.
    """
    config = Path(config_path).resolve()
    if formats:
        unknown = [f for f in formats if f not in FORMATS]
        if unknown:
            raise UsageError(f"unknown format '{unknown[0]}'; resumekit writes {', '.join(FORMATS)}")
    if not force and not strict:
        fresh = up_to_date_without_loading(config, __version__, targets, formats)
        if fresh is not None:
            return BuildResult(outputs=[Output(Path(p), Path(p).parent.name, _document_of(p),
                                               Path(p).suffix.lstrip("."), "up to date") for p in fresh],
                               warnings=last_warnings(config, __version__))
    project = load_project(config, strict, keep_going=True)
    chosen_formats = list(formats or project.config.formats)
    target_ids = [t.id for t in project.targets if t.id]
    default_ids = target_ids if target_ids or project.bad_targets else [GENERAL]
    all_ids = [GENERAL, *target_ids]
    wanted = list(dict.fromkeys(targets or default_ids + sorted(project.bad_targets)))
    result = BuildResult(warnings=[str(w) for w in project.warnings])
    for tid in wanted:
        if tid in project.bad_targets:
            result.failures.append(Failure(tid, project.bad_targets[tid]))
        elif tid not in all_ids:
            raise UsageError(f"no target '{tid}'; known: {', '.join(sorted(all_ids))}")

    manifest = Manifest.load(project.output_dir, __version__)
    hasher = Hasher(dict(READ_HASHES))  # the files as they were parsed, not as they are now
    shared = project.shared_inputs()
    today = dt.date.today().isoformat()
    # Each key is of the inputs as they are now, before rendering: a file saved while the
    # build runs then no longer matches, and the next build redoes what it affects.
    keys: dict[str, tuple[list[str], list[str], str]] = {}
    todo: list[str] = []
    for tid in [t for t in wanted if t in all_ids]:
        inputs = shared + project.target_inputs(tid)
        extra = [f"version={__version__}", f"target={tid}"] + ([f"today={today}"] if _dated(project, tid) else [])
        key = hasher.key(inputs, extra)
        keys[tid] = (inputs, extra, key)
        paths = output_paths(project, tid, chosen_formats)
        if not force and all(manifest.fresh(str(p), key, hasher) for p in paths):
            result.outputs += [Output(p, tid, d, f, "up to date") for p, (d, f) in paths.items()]
        else:
            todo.append(tid)

    manifest.config, manifest.config_hash = str(config), hasher(config)
    manifest.targets_spec = project.config.targets
    manifest.target_files = target_listing(project.config.targets, project.root)
    # A bad target must be reported by every build, so the quick check may not pass over it.
    manifest.planned = {} if project.bad_targets else {
        str(p): (tid, f) for tid in default_ids
        for p, (_, f) in output_paths(project, tid, list(project.config.formats)).items()}
    # New files in these folders are new inputs, which the quick check must notice.
    folders = theme_dirs(project.config.theme, project.root)
    if project.config.feedback and (project.root / project.config.feedback).is_dir():
        folders.append(project.root / project.config.feedback)
    manifest.folders = {str(f): [str(p) for p in tree_files(f)] for f in folders}
    manifest.warnings = [str(w) for w in project.warnings]
    fingerprint = hasher.key(shared + manifest.target_files
                             + [i for tid in target_ids for i in project.target_inputs(tid)],
                             [__version__, f"strict={strict}"])

    def record(tid: str, one: BuildResult, hashes: dict[str, str]) -> None:
        result.merge(one)
        inputs, extra, key = keys[tid]
        for path, digest in hashes.items():
            manifest.outputs[path] = Entry(key, digest, sorted(set(inputs)), extra, tid, _dated(project, tid))
        manifest.save(project.output_dir)  # after each target: a killed build loses only its own work

    _run(project, todo, chosen_formats, strict, jobs, executor, record, progress, fingerprint, render_pool)
    if not todo:
        manifest.save(project.output_dir)  # what it learnt (a target gone, say) keeps the next check quick
    return result


def _run(
    project: Project, todo: list[str], formats: list[str], strict: bool, jobs: int | None,
    executor: Executor | None, record: Callable[[str, BuildResult, dict[str, str]], None],
    progress: Callable[[int, int, str], None] | None, fingerprint: str = "",
    render_pool: Executor | None = None,
) -> None:
    total = len(todo)
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if executor is None and (workers <= 1 or total <= 1):
        for done, tid in enumerate(todo, 1):
            try:
                one, hashes = build_target(project, tid, formats, render_pool)
            except ResumekitError as exc:
                one, hashes = BuildResult(failures=[Failure(tid, exc)]), {}
            record(tid, one, hashes)
            if progress:
                progress(done, total, tid)
        return
    own = executor is None
    if own:
        executor = _process_pool(min(workers, total), project, strict, fingerprint)
    assert executor is not None
    try:
        futures: dict[Future[tuple[BuildResult, dict[str, str]]], str] = {
            executor.submit(build_one, str(project.config_path), strict, tid, formats, fingerprint): tid
            for tid in todo}
        from concurrent.futures import as_completed

        for done, future in enumerate(as_completed(futures), 1):
            tid = futures[future]
            one, hashes = future.result()
            record(tid, one, hashes)
            if progress:
                progress(done, total, tid)
    finally:
        if own:
            executor.shutdown(wait=True, cancel_futures=True)


def _process_pool(workers: int, project: Project, strict: bool = False, fingerprint: str = "") -> Executor:
    """A process pool whose workers start with the renderers imported and the project loaded."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" in multiprocessing.get_all_start_methods():
        import docx  # noqa: F401  (imported before forking, so no worker pays for it)
        import weasyprint  # noqa: F401

        _PROJECTS.clear()
        _PROJECTS[(str(project.config_path), strict, fingerprint)] = project
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    return ProcessPoolExecutor(workers)


def _build_quietly(config_path: str, force: bool, strict: bool) -> BuildResult:
    try:
        return build(config_path, force=force, strict=strict, jobs=1)
    except ResumekitError as exc:
        return BuildResult(failures=[Failure(GENERAL, exc)])


def build_many(
    config_paths: list[str | Path],
    jobs: int | None = None,
    executor: Executor | None = None,
    force: bool = False,
    strict: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> dict[str, BuildResult]:
    """Build many projects (one per person) in parallel; a bad project fails alone.

    Each project builds on ``executor`` (a process pool, ``dask.distributed``'s
    ``Client.get_executor()``, Ray's, ...) or, if none is given, on a process pool of
    ``jobs`` workers. Returns each config's result; errors are in ``result.failures``.
    """
    paths = [str(Path(p).resolve()) for p in config_paths]
    own = executor is None
    if own:
        from concurrent.futures import ProcessPoolExecutor

        executor = ProcessPoolExecutor(jobs or os.cpu_count() or 1)
    assert executor is not None
    results: dict[str, BuildResult] = {}
    try:
        from concurrent.futures import as_completed

        futures = {executor.submit(_build_quietly, p, force, strict): p for p in paths}
        for done, future in enumerate(as_completed(futures), 1):
            results[futures[future]] = future.result()
            if progress:
                progress(done, len(paths), futures[future])
    finally:
        if own:
            executor.shutdown(wait=True, cancel_futures=True)
    return {p: results[p] for p in paths}


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
