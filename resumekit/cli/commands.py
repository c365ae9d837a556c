"""The commands: each parses nothing and decides little; it calls the library and prints."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, FeedbackError, LocatedError, Problem, TargetError, UsageError, did_you_mean
from .output import Progress, print_error, print_warnings, report_checks, report_rebuild, say, shown

if TYPE_CHECKING:
    import datetime as dt

    from ..building.project import Project
    from ..building.session import BuildOptions
    from ..models.areas import Taxonomy
    from ..models.feedback import Feedback

EXIT_OK = 0
SCAFFOLD = Path(__file__).resolve().parent.parent / "scaffold"
"""The small example project that ``resumekit init`` copies."""


def _copy(files: dict[Path, Path]) -> list[Path]:
    """Copy each source file to its target path (folders made as needed); returns the targets.
    A file that cannot be written is a :class:`ConfigError` naming it."""
    import shutil

    for target, source in files.items():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        except OSError as exc:
            raise ConfigError([Problem(str(target), None, None, "",
                                       f"cannot write the file: {exc.strerror or exc}")]) from None
    return list(files)


def cmd_init(args: argparse.Namespace) -> int:
    dest = Path(args.dir)
    if dest.exists() and not dest.is_dir():
        raise ConfigError([Problem(str(dest), None, None, "",
                                   "is a file; resumekit init writes a project into a folder "
                                   "(name a new or empty folder)")])
    files = sorted(p for p in SCAFFOLD.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    clashes = [dest / p.relative_to(SCAFFOLD) for p in files if (dest / p.relative_to(SCAFFOLD)).exists()]
    if clashes:
        raise ConfigError([Problem(str(clashes[0]), None, None, "",
                                   "already exists; resumekit init never overwrites your files "
                                   "(choose an empty folder)")])
    for target in _copy({dest / file.relative_to(SCAFFOLD): file for file in files}):
        say(f"created {target}")
    where = "" if dest.resolve() == Path.cwd().resolve() else f"cd {dest} && "
    say(f"\nNext: edit profile.yaml, then run: {where}resumekit build")
    return EXIT_OK


def cmd_theme_list(args: argparse.Namespace) -> int:
    from ..rendering.theme import Theme, builtin_theme_names

    for name in builtin_theme_names():
        say(f"{name:<10} {Theme.named(name).settings().description or ''}")
    return EXIT_OK


def cmd_theme_copy(args: argparse.Namespace) -> int:
    from ..rendering.theme import Theme, builtin_theme_names

    if args.name not in builtin_theme_names():
        raise UsageError(f"no built-in theme '{args.name}'; there are {', '.join(builtin_theme_names())}"
                         + did_you_mean(args.name, builtin_theme_names()))
    dest = Path(args.dir)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise ConfigError([Problem(str(dest), None, None, "", "already exists and is not an empty folder; "
                                   "resumekit theme copy never overwrites your files (name a new folder)")])
    files = _copy({dest / name: source for name, source in Theme.named(args.name).whole().items()})
    say(f"copied the {args.name} theme to {dest} ({len(files)} files)")
    say(f"\nNext: set theme: {dest.as_posix()} in resumekit.yaml, then edit {dest / 'style.css'} "
        f"and the templates; {dest / 'theme.yaml'} holds its colours, font, sizes and margins")
    return EXIT_OK


def _build_options(args: argparse.Namespace, **more: Any) -> BuildOptions:
    from ..building.session import BuildOptions

    return BuildOptions(targets=tuple(getattr(args, "target", None) or ()), formats=tuple(args.format or ()),
                        force=getattr(args, "force", False), strict=args.strict, jobs=getattr(args, "jobs", 1),
                        clean=getattr(args, "clean", False), allow_outside=args.allow_outside, **more)


def cmd_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    from ..building.quick import up_to_date

    options = _build_options(args)
    result = up_to_date(args.config, options)
    session = None
    if result is None:
        from ..building.run import build
        from ..building.session import BuildSession

        session = BuildSession()  # the check that follows reuses the page budget's answers
        result = build(args.config, _build_options(args, progress=Progress()), session=session)
    print_warnings(result.warnings)
    for note in result.notes:
        say(f"note: {note}", err=True)
    for output in result.outputs:
        if output.status == "built" or args.verbose:
            pages = f" ({output.pages} page{'s' if output.pages != 1 else ''})" if output.pages else ""
            say(f"{output.status:>10}  {shown(output.path)}{pages}")
    for folder in result.stale:
        what = "removed" if args.clean else "no target now; remove it with --clean"
        say(f"{'stale':>10}  {shown(folder)} ({what})", err=not args.clean)
    for failure in result.failures:
        named = f" ({shown(failure.file)})" if failure.file else ""
        say(f"target '{failure.target}'{named} was not built:", err=True)
        print_error(failure.error, writes=True, tail="; its last good documents are kept")
    built = len(result.built)
    skipped = len(result.outputs) - built
    failed = f", {len(result.failures)} target(s) failed" if result.failures else ""
    say(f"built {built} file{'s' if built != 1 else ''}, {skipped} up to date{failed}, "
        f"in {time.perf_counter() - started:.1f} s")
    code = EXIT_OK if result.ok else 1
    if args.check:
        failed_ids = {f.target for f in result.failures}
        targets = sorted({o.target for o in result.outputs} - failed_ids)
        if targets:
            code = max(code, _check(args, targets, session))
    return code


def _check(args: argparse.Namespace, targets: list[str], session: Any = None) -> int:
    """Check the documents of ``targets`` and print what was found; the exit code."""
    from ..checking import check

    started = time.perf_counter()
    formats = args.format or () if args.func is cmd_build else ()
    checks = check(args.config, targets, formats=formats, strict=args.strict, allow_outside=args.allow_outside,
                   session=session)
    if getattr(args, "format", None) == "json" and args.func is cmd_check:
        say(json.dumps({"documents": [c.to_json(shown(c.path), args.show) for c in checks],
                        "ok": all(c.ok for c in checks)}, indent=2, ensure_ascii=False))
    else:
        report_checks(checks, getattr(args, "show", False), time.perf_counter() - started)
    lost = any(c.errors for c in checks) or (args.strict and any(c.warnings for c in checks))
    return 1 if lost else EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    return _check(args, list(args.targets))


def cmd_watch(args: argparse.Namespace) -> int:
    import signal

    from ..building.watch import watch

    config = Path(args.config)
    if not config.is_file():
        raise ConfigError([Problem(str(config), None, None, "", "file not found (run resumekit init?)")])
    say(f"watching {config.resolve().parent} for changes (Ctrl-C to stop)", flush=True)

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt  # a polite kill stops watching as Ctrl-C does, workers and all

    signal.signal(signal.SIGTERM, stop)
    try:
        watch(config, report_rebuild, options=_build_options(args))
    except KeyboardInterrupt:
        pass
    say("stopped watching", flush=True)
    return EXIT_OK


def _kind_of(path: Path, data: Any) -> str:
    if path.name in {"resumekit.yaml", "resumekit.yml"}:
        return "config"
    if isinstance(data, dict):
        if "applications" in data or "improvements" in data:
            return "feedback"
        if "basics" not in data and ({"title", "company", "posting", "responsibilities"} & set(data)):
            return "target"
    return "profile"


def _project_taxonomy(config: Path) -> Taxonomy:
    """The feedback areas in force: the project's config adds its own, when there is one."""
    from ..loading import read_config
    from ..models.areas import Taxonomy

    if not config.is_file():
        return Taxonomy()
    try:
        return Taxonomy(read_config(config).model.areas)
    except LocatedError:
        return Taxonomy()


def _check_against_profile(feedback: Feedback, config: Path) -> None:
    """Feedback inside a project must fit that project's profile: every ``extend`` finds its entry."""
    from ..feedback import apply_feedback
    from ..loading import read_config, read_profile
    from ..loading.paths import is_inside

    if not config.is_file():
        return
    try:
        settings = read_config(config).model
        path = config.parent / settings.profile
        if not (settings.allowOutside or is_inside(path, config.parent)):
            return  # validating the project says why its profile is not read
        profile = read_profile(path)
    except LocatedError:
        return  # the project's own files are validated on their own
    apply_feedback(profile.model, feedback)  # raises FeedbackError, located, on a bad match


def _validate_file(file: Path, strict: bool, taxonomy: Taxonomy, config: Path) -> tuple[str, list[Any]]:
    """Check one file, recognised by its content; returns its kind and its warnings."""
    from ..errors import ProfileError
    from ..loading import read_config, read_document, read_profile, read_target
    from ..loading.feedback import inline_feedback, read_feedback
    from ..loading.target import unknown_areas

    doc = read_document(file, ProfileError)
    kind = _kind_of(file, doc.data)
    if kind == "feedback":
        feedback = read_feedback(file, strict, taxonomy)
        _check_against_profile(feedback.model, config)
        return kind, feedback.warnings
    if kind == "config":
        return kind, read_config(file, strict).warnings
    if kind == "target":
        target = read_target(file, strict)
        unknown = unknown_areas(target, taxonomy)
        if unknown:
            raise TargetError(unknown)
        return kind, target.warnings
    loaded = read_profile(file, strict)
    inline = inline_feedback(loaded.document)
    warnings = list(loaded.warnings)
    if inline is not None:
        warnings += read_feedback(inline, strict, taxonomy).warnings
    return kind, warnings


def cmd_validate(args: argparse.Namespace) -> int:
    files = [Path(f) for f in args.files]
    warnings: list[Any] = []
    problems: list[Any] = []
    if not files:
        from ..building.project import load_project

        try:
            project = load_project(args.config, args.strict, allow_outside=args.allow_outside)
        except LocatedError as exc:
            problems += exc.problems
        else:
            from ..building.language import language_problems

            languages = language_problems(project)
            wrong = [p for p in languages if p.severity == "error" or args.strict]
            problems += wrong
            warnings += project.warnings + [p for p in languages if p not in wrong]
        if not problems:
            say(f"ok: {args.config}, {project.config.profile}"
                f"{', ' + project.config.feedback if project.config.feedback else ''}"
                f" and {len(project.targets)} target(s)")
    taxonomy = _project_taxonomy(Path(args.config))
    for file in files:
        try:
            kind, found = _validate_file(file, args.strict, taxonomy, Path(args.config))
        except LocatedError as exc:
            problems += exc.problems
            continue
        warnings += found
        say(f"ok: {file} ({kind})")
    print_warnings(warnings)
    if problems:
        raise LocatedError(problems)
    return EXIT_OK


def _today(value: str | None) -> dt.date:
    import datetime as dt

    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--today: '{value}' is not a date like 2026-11-26") from None


def _project_feedback(args: argparse.Namespace) -> Project:
    from ..building.project import load_project

    project = load_project(args.config, args.strict, allow_outside=args.allow_outside)
    print_warnings(project.warnings)
    if project.feedback is None:
        raise FeedbackError([Problem(str(args.config), None, None, "feedback",
                                     "no feedback recorded: set 'feedback: feedback.yaml' in the config "
                                     "or add a 'feedback:' key to the profile")])
    return project


def cmd_feedback_report(args: argparse.Namespace) -> int:
    from ..feedback.report import as_json, as_table, build_report, report_markdown

    today = _today(args.today)
    project = _project_feedback(args)
    assert project.feedback is not None
    report = build_report(project.feedback, project.taxonomy, today, args.show_contacts)
    text = {"table": as_table, "json": as_json, "md": report_markdown}[args.format](report)
    say(text, end="\n" if args.format == "json" else "")
    return EXIT_OK


def cmd_feedback_request(args: argparse.Namespace) -> int:
    from ..building.writing import write_atomic
    from ..feedback.request import compose_request

    today = _today(args.today)
    project = _project_feedback(args)
    assert project.feedback is not None
    apps = {a.id: a for a in project.feedback.applications}
    if args.application not in apps:
        hint = did_you_mean(args.application, apps) or f" (known: {', '.join(apps) or 'none'})"
        raise UsageError(f"no application with id '{args.application}'{hint}")
    app = apps[args.application]
    mail = compose_request(app, project.profile, project.theme.fill)
    pending = not (app.feedbackRequested or app.feedbackReceived or app.feedback)
    if mail.send_by:
        late = " (overdue: send it today)" if pending and today > mail.send_by else ""
        say(f"Send by: {mail.send_by.isoformat()}{late}")
    if not app.rejected:
        say("Note: no rejection is recorded for this application; a feedback request "
            "usually follows the decision.")
    if app.feedbackReceived or app.feedback:
        when = f" on {app.feedbackReceived}" if app.feedbackReceived else ""
        say(f"Note: you recorded their feedback already{when}.")
    elif app.feedbackRequested:
        say(f"Note: you recorded a request already on {app.feedbackRequested}.")
    say(f"To: {mail.to or '(no contact recorded)'}")
    say(f"Subject: {mail.subject}\n")
    say(mail.body)
    if args.out:
        out = Path(args.out)
        if out.exists() and not args.overwrite:
            raise ConfigError([Problem(str(out), None, None, "", "exists; pass --overwrite to replace it")])
        write_atomic(out, bytes(mail.to_message()))
        say(f"wrote {out} (open it in your mail client)")
    return EXIT_OK


def _project_for(args: argparse.Namespace) -> Project:
    """The project, its warnings printed; the error of ``args.target`` if that target is broken
    (the others may be: only this one is needed)."""
    from ..building.project import load_project

    project = load_project(args.config, args.strict, keep_going=True, allow_outside=args.allow_outside)
    print_warnings(project.warnings)
    broken = [f for f in project.bad_targets if f.target == args.target]
    if broken:
        problems = [p for f in broken if isinstance(f.error, LocatedError) for p in f.error.problems]
        raise TargetError(problems) if problems else broken[0].error
    return project


def cmd_explain(args: argparse.Namespace) -> int:
    from ..building.plan import plan_target
    from ..building.project import GENERAL_BUILD
    from ..tailoring import explain, explanation_json, explanation_markdown

    project = _project_for(args)
    targets = {t.id: t for t in project.targets}
    if args.target == GENERAL_BUILD:
        say(f"# {GENERAL_BUILD}: not tailored\n\nThe general build is not tailored to a job: it shows "
            "every entry and highlight of the profile (with its improvements) in the profile's own "
            "order. Name a target to see how its resume was tailored"
            f"{': ' + ', '.join(sorted(t for t in targets if t)) if targets else ''}.")
        return EXIT_OK
    if args.target not in targets:
        ids = {t for t in targets if t} | {f.target for f in project.bad_targets}
        known = ", ".join(sorted(ids)) or "none (set 'targets:' in the config)"
        raise UsageError(f"no target '{args.target}'; known: {known}")
    plan = plan_target(project, targets[args.target])
    assert plan.tailored is not None
    explanation = explain(plan.tailored)
    if args.format == "json":
        say(json.dumps(explanation_json(explanation, plan.tailored), indent=2, ensure_ascii=False))
    else:
        say(explanation_markdown(explanation, plan.tailored), end="")
    for note in plan.tailored.notes:
        say(f"warning: {note}", err=True)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    import json

    from ..models.schema import json_schema

    say(json.dumps(json_schema(args.kind), indent=2, ensure_ascii=False))
    return EXIT_OK


def cmd_apply(args: argparse.Namespace) -> int:
    from ..building.archive import apply_target

    archived = apply_target(args.config, args.target, _today(args.today), _build_options(args), args.id)
    print_warnings(archived.built.warnings)
    say(f"recorded application {archived.application} (applied {_today(args.today).isoformat()})")
    for file in archived.files:
        if file.name != "application.yaml":
            say(f"  archived  {shown(file)}")
    say(f"\nNext: as things happen, add them to {shown(archived.folder / 'application.yaml')} "
        "(interviews, followUps, rejected); resumekit due says what to send when")
    return EXIT_OK


def cmd_applications(args: argparse.Namespace) -> int:
    from ..building.archive import archived_ids
    from ..feedback.lifecycle import applications_table

    project = _project_applications(args)
    if project.feedback is None:
        say("No applications recorded yet: resumekit apply TARGET records one.")
        return EXIT_OK
    say(applications_table(project.feedback.applications, archived_ids(project)), end="")
    return EXIT_OK


def _project_applications(args: argparse.Namespace) -> Project:
    """The project, its warnings printed; with no feedback file, its applications may be
    only the ones ``apply`` recorded, or none yet (which is no error)."""
    from ..building.project import load_project

    project = load_project(args.config, args.strict, allow_outside=args.allow_outside)
    print_warnings(project.warnings)
    return project


def cmd_due(args: argparse.Namespace) -> int:
    from ..building.writing import write_atomic
    from ..feedback.due import draft_of, due_items, due_table

    today = _today(args.today)
    project = _project_applications(args)
    items = due_items(project.feedback, today, project.config.followUpAfter) if project.feedback else []
    say(due_table(items, today), end="")
    if args.out:
        folder = Path(args.out)
        drafts = {folder / item.slug: draft_of(item, project.profile, project.theme.fill) for item in items
                  if item.state(today) != "upcoming"}
        clash = next((p for p in drafts if p.exists()), None)
        if clash is not None and not args.overwrite:
            raise ConfigError([Problem(str(clash), None, None, "", "exists; pass --overwrite to replace it")])
        for path, mail in drafts.items():
            write_atomic(path, bytes(mail.to_message()))
            say(f"wrote {path}")
    return EXIT_OK


def cmd_interview(args: argparse.Namespace) -> int:
    from ..building.interview import SHEET_FORMATS, write_interview

    project = _project_for(args)
    for path in write_interview(project, args.target, tuple(args.format or SHEET_FORMATS)):
        say(f"wrote {shown(path)}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from ..importing import import_profile

    imported, path = import_profile(args.kind, args.source, args.output)
    counts = [f"{key}: {len(value)}" for key, value in imported.data.items()
              if key != "basics" and isinstance(value, (list, dict)) and value]
    say(f"wrote {shown(path)}" + (f" ({', '.join(counts)})" if counts else ""))
    for item in imported.renamed:
        say(f"renamed: {item}", err=True)
    for item in imported.unmapped:
        say(f"not imported: {item}", err=True)
    say(f"\nNext: check it, then: resumekit validate {shown(path)}")
    return EXIT_OK
