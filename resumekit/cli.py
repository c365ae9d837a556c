"""The command line; the only module that prints or exits.

Exit codes: 0 done; 1 the user's files are wrong; 2 the command line is wrong.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from . import __version__
from .errors import LocatedError, ResumekitError

EXIT_OK, EXIT_USER, EXIT_USAGE = 0, 1, 2


def _shown_problem(problem: Any) -> str:
    """A problem as printed: its file relative to here when it is below here."""
    import dataclasses

    try:
        problem = dataclasses.replace(problem, file=str(Path(problem.file).relative_to(Path.cwd())))
    except ValueError:
        pass
    return str(problem)


def _print_error(exc: ResumekitError, writes: bool = False,
                 tail: str = "; nothing was written, the last good documents are kept") -> None:
    """Every problem, one a line; for a command that writes, that nothing was."""
    tail = tail if writes else ""
    if isinstance(exc, LocatedError):
        for problem in exc.problems:
            shown = _shown_problem(problem)
            print(f"error: {shown}" if problem.severity == "error" else shown, file=sys.stderr)
        count = len(exc.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found{tail}.", file=sys.stderr)
    else:
        print(f"error: {exc}", file=sys.stderr)


def _print_warnings(warnings: list[Any]) -> None:
    here = f"{Path.cwd()}/"
    for warning in warnings:
        text = _shown_problem(warning) if not isinstance(warning, str) else warning.removeprefix(here)
        print(text if "warning:" in text else f"warning: {text}", file=sys.stderr)


# --- commands ----------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from .resources import scaffold_dir

    dest = Path(args.dir)
    source = scaffold_dir()
    files = sorted(p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    clashes = [dest / p.relative_to(source) for p in files if (dest / p.relative_to(source)).exists()]
    if clashes:
        print(f"error: {clashes[0]} already exists; resumekit init never overwrites your files "
              "(choose an empty folder)", file=sys.stderr)
        return EXIT_USER
    for file in files:
        target = dest / file.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, target)
        print(f"created {target}")
    where = "" if dest.resolve() == Path.cwd().resolve() else f"cd {dest} && "
    print(f"\nNext: edit profile.yaml, then run: {where}resumekit build")
    return EXIT_OK


class _Progress:
    """A one-line progress bar on a terminal's stderr; silent elsewhere."""

    def __init__(self) -> None:
        self.live = sys.stderr.isatty()

    def __call__(self, done: int, total: int, target: str) -> None:
        if not self.live or total < 2:
            return
        width = 24
        filled = int(width * done / total)
        bar = "#" * filled + "-" * (width - filled)
        end = "\n" if done == total else ""
        print(f"\r[{bar}] {done}/{total} {target[:40]:<40}", end=end, file=sys.stderr, flush=True)


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _all_up_to_date(args: argparse.Namespace, started: float) -> bool:
    """Report an up-to-date project from its manifest alone, before the models and
    renderers are imported (that import is most of a no-op build's time); ``False``
    if anything needs the full build."""
    from .manifest import last_warnings, up_to_date_without_loading

    if args.force or args.strict:
        return False
    config = Path(args.config).resolve()
    fresh = up_to_date_without_loading(config, __version__, args.target, args.format)
    if fresh is None:
        return False
    _print_warnings(last_warnings(config, __version__))
    if args.verbose:
        for path in fresh:
            print(f"{'up to date':>10}  {_shown(Path(path))}")
    print(f"built 0 files, {len(fresh)} up to date, in {time.perf_counter() - started:.1f} s")
    return True


def cmd_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if args.jobs is not None and args.jobs < 1:
        return _usage_error("--jobs must be at least 1")
    if _all_up_to_date(args, started):
        return EXIT_OK
    from .building import build

    result = build(args.config, targets=args.target or None, formats=args.format or None,
                   force=args.force, strict=args.strict, jobs=args.jobs, progress=_Progress())
    _print_warnings(result.warnings)
    for output in result.outputs:
        if output.status == "built" or args.verbose:
            pages = f" ({output.pages} page{'s' if output.pages != 1 else ''})" if output.pages else ""
            print(f"{output.status:>10}  {_shown(output.path)}{pages}")
    for failure in result.failures:
        print(f"target '{failure.target}' was not built:", file=sys.stderr)
        _print_error(failure.error, writes=True, tail="; its last good documents are kept")
    skipped = len(result.outputs) - len(result.built)
    failed = f", {len(result.failures)} target(s) failed" if result.failures else ""
    print(f"built {len(result.built)} file{'s' if len(result.built) != 1 else ''}, "
          f"{skipped} up to date{failed}, in {time.perf_counter() - started:.1f} s")
    return EXIT_OK if result.ok else EXIT_USER


def _report_rebuild(event: Any) -> None:
    stamp = time.strftime("%H:%M:%S")
    what = ", ".join(event.changed[:3]) + (f" and {len(event.changed) - 3} more" if len(event.changed) > 3 else "")
    if event.error is not None:
        print(f"{stamp} {what}: not rebuilt; the last good documents are kept", file=sys.stderr)
        _print_error(event.error)
        return
    result = event.result
    _print_warnings(result.warnings)
    for failure in result.failures:
        print(f"{stamp} target '{failure.target}' not rebuilt; its last good documents are kept", file=sys.stderr)
        _print_error(failure.error)
    built = result.built
    if not built:
        print(f"{stamp} {what}: everything up to date", flush=True)
        return
    targets = sorted({o.path.parent.name for o in built})
    print(f"{stamp} {what}: rebuilt {', '.join(targets)} ({len(built)} files) in {event.seconds:.1f} s",
          flush=True)


def cmd_watch(args: argparse.Namespace) -> int:
    from .watching import watch

    config = Path(args.config)
    if not config.is_file():
        from .errors import ConfigError, Problem

        raise ConfigError([Problem(str(config), None, None, "", "file not found (run resumekit init?)")])
    print(f"watching {config.resolve().parent} for changes (Ctrl-C to stop)", flush=True)
    import signal

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt  # a polite kill stops watching as Ctrl-C does, workers and all

    signal.signal(signal.SIGTERM, stop)
    try:
        watch(config, _report_rebuild, formats=args.format or None, strict=args.strict)
    except KeyboardInterrupt:
        pass
    print("stopped watching", flush=True)
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


def _project_taxonomy(config: Path) -> Any:
    """The feedback areas in force: the project's config adds its own, when there is one."""
    from .areas import Taxonomy
    from .loading import read_config

    if not config.is_file():
        return Taxonomy()
    try:
        return Taxonomy(read_config(config).model.areas)
    except LocatedError:
        return Taxonomy()


def _validate_file(file: Path, strict: bool, taxonomy: Any) -> tuple[str, list[Any]]:
    """Check one file, recognised by its content; returns its kind and its warnings."""
    from .errors import ProfileError
    from .feedback_loading import inline_feedback, read_feedback
    from .loading import read_config, read_document, read_profile, read_target

    doc = read_document(file, ProfileError)
    kind = _kind_of(file, doc.data)
    if kind == "feedback":
        return kind, read_feedback(file, strict, taxonomy).warnings
    if kind == "config":
        return kind, read_config(file, strict).warnings
    if kind == "target":
        return kind, read_target(file, strict).warnings
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
        from .building import load_project

        try:
            project = load_project(args.config, args.strict)
        except LocatedError as exc:
            problems += exc.problems
        else:
            warnings += project.warnings
            print(f"ok: {args.config}, {project.config.profile}"
                  f"{', ' + project.config.feedback if project.config.feedback else ''}"
                  f" and {len(project.targets)} target(s)")
    taxonomy = _project_taxonomy(Path(args.config))
    for file in files:
        try:
            kind, found = _validate_file(file, args.strict, taxonomy)
        except LocatedError as exc:
            problems += exc.problems
            continue
        warnings += found
        print(f"ok: {file} ({kind})")
    _print_warnings(warnings)
    if problems:
        raise LocatedError(problems)
    return EXIT_OK


def _today(value: str | None) -> Any:
    import datetime as dt

    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise SystemExit(_usage_error(f"--today: '{value}' is not a date like 2026-11-26")) from None


def _usage_error(message: str) -> int:
    print(f"resumekit: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _project_feedback(args: argparse.Namespace) -> Any:
    from .building import load_project
    from .errors import FeedbackError, Problem

    project = load_project(args.config, args.strict)
    _print_warnings(project.warnings)
    if project.feedback is None:
        raise FeedbackError([Problem(str(args.config), None, None, "feedback",
                                     "no feedback recorded: set 'feedback: feedback.yaml' in the config "
                                     "or add a 'feedback:' key to the profile")])
    return project


def cmd_feedback_report(args: argparse.Namespace) -> int:
    from .feedback_report import as_json, as_markdown, as_table, build_report

    today = _today(args.today)
    project = _project_feedback(args)
    report = build_report(project.feedback, project.taxonomy, today, args.show_contacts)
    render = {"table": as_table, "json": as_json, "md": as_markdown}[args.format]
    sys.stdout.write(render(report) if args.format != "json" else render(report) + "\n")
    return EXIT_OK


def cmd_feedback_request(args: argparse.Namespace) -> int:
    from .errors import FeedbackError, Problem
    from .feedback_request import compose_request
    from .resources import theme_dirs
    from .writing import write_atomic

    today = _today(args.today)
    project = _project_feedback(args)
    apps = {a.id: a for a in project.feedback.applications}
    if args.application not in apps:
        from .errors import did_you_mean

        hint = did_you_mean(args.application, apps) or f" (known: {', '.join(apps) or 'none'})"
        raise FeedbackError([Problem(str(project.config.feedback or project.config.profile), None, None,
                                     "applications", f"no application with id '{args.application}'{hint}")])
    app = apps[args.application]
    mail = compose_request(app, project.profile, theme_dirs(project.config.theme, project.root))
    pending = not (app.feedbackRequested or app.feedbackReceived or app.feedback)
    if mail.send_by:
        late = " (overdue: send it today)" if pending and today > mail.send_by else ""
        print(f"Send by: {mail.send_by.isoformat()}{late}")
    if not app.rejected:
        print("Note: no rejection is recorded for this application; a feedback request "
              "usually follows the decision.")
    if app.feedbackReceived or app.feedback:
        when = f" on {app.feedbackReceived}" if app.feedbackReceived else ""
        print(f"Note: you recorded their feedback already{when}.")
    elif app.feedbackRequested:
        print(f"Note: you recorded a request already on {app.feedbackRequested}.")
    print(f"To: {mail.to or '(no contact recorded)'}")
    print(f"Subject: {mail.subject}\n")
    print(mail.body)
    if args.out:
        out = Path(args.out)
        if out.exists() and not args.overwrite:
            print(f"error: {out} exists; pass --overwrite to replace it", file=sys.stderr)
            return EXIT_USER
        write_atomic(out, bytes(mail.to_message()))
        print(f"wrote {out} (open it in your mail client)")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from .building import load_project, plan_target  # noqa: F401
    from .errors import TargetError, Problem
    from .tailoring import as_markdown, explain

    project = load_project(args.config, args.strict, keep_going=True)
    _print_warnings(project.warnings)
    targets = {t.id: t for t in project.targets}
    broken = {key.split()[0]: error for key, error in project.bad_targets.items()}
    if args.target in broken:
        raise broken[args.target]
    if args.target not in targets:
        known = ", ".join(sorted(t for t in targets if t)) or "none (set 'targets:' in the config)"
        raise TargetError([Problem(str(args.config), None, None, "targets",
                                   f"no target '{args.target}'; known: {known}")])
    plan = plan_target(project, targets[args.target])
    assert plan.tailored is not None
    sys.stdout.write(as_markdown(explain(plan.tailored), plan.tailored))
    for note in plan.tailored.notes:
        print(f"warning: {note}", file=sys.stderr)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import json_schema

    print(json.dumps(json_schema(args.kind), indent=2, ensure_ascii=False))
    return EXIT_OK


# --- the parser ------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resumekit",
        description="Tailored resumes and cover letters (PDF and DOCX) from one YAML career "
                    "profile, with a feedback loop after rejections.")
    parser.add_argument("--version", action="version", version=f"resumekit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def with_config(p: argparse.ArgumentParser) -> None:
        p.add_argument("-c", "--config", default="resumekit.yaml", metavar="CONFIG",
                       help="the project config (default: ./resumekit.yaml)")
        p.add_argument("--strict", action="store_true", help="treat warnings (e.g. unknown keys) as errors")

    p = sub.add_parser("init", help="write a small, working example project",
                       description="Write a small, working project (profile, feedback, one target, "
                                   "config) into DIR. Never overwrites existing files.")
    p.add_argument("dir", nargs="?", default=".", metavar="DIR", help="where (default: here)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("build", help="build what is out of date",
                       description="Build the resume and cover letter, in each format, for every "
                                   "target; with no targets in the config, the untailored 'general' "
                                   "version. Skips what is up to date.")
    with_config(p)
    p.add_argument("--target", action="append", metavar="ID",
                   help="build only this target (repeatable; 'general' is the untailored version)")
    p.add_argument("--format", action="append", choices=["pdf", "docx"], help="only this format (repeatable)")
    p.add_argument("--force", action="store_true", help="rebuild even what is up to date")
    p.add_argument("-j", "--jobs", type=int, metavar="N", default=None,
                   help="build targets in N processes (default: one per core)")
    p.add_argument("-v", "--verbose", action="store_true", help="also list the files that were up to date")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("watch", help="rebuild what an edit affects, whenever a file changes",
                       description="Build, then watch the project's files and rebuild the documents "
                                   "an edit affects. A bad edit prints its error and keeps the last "
                                   "good documents. Ctrl-C stops.")
    with_config(p)
    p.add_argument("--format", action="append", choices=["pdf", "docx"], help="only this format (repeatable)")
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("validate", help="check the files; every problem with file:line:column",
                       description="Check files (profile, feedback, target or config, recognised by "
                                   "their content); with no FILE, check the whole project.")
    with_config(p)
    p.add_argument("files", nargs="*", metavar="FILE")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("feedback", help="the feedback loop: report, request",
                       description="Work with recorded feedback: what rejections cited, what "
                                   "answers it, and feedback requests to send.")
    fsub = p.add_subparsers(dest="feedback_command", metavar="SUBCOMMAND")
    fsub.required = True
    q = fsub.add_parser("report", help="areas cited across rejections, what addresses each, requests due",
                        description="For each feedback area: how many rejections cited it (and why we "
                                    "think so), what improvements address it, whether it is still open; "
                                    "then feedback requests due (rejection + 7 days) or overdue, and "
                                    "answers still awaited.")
    with_config(q)
    q.add_argument("--format", choices=["table", "json", "md"], default="table", help="output format")
    q.add_argument("--today", metavar="DATE", help="pretend today is DATE (YYYY-MM-DD)")
    q.add_argument("--show-contacts", action="store_true", help="show contact names and emails")
    q.set_defaults(func=cmd_feedback_report)
    q = fsub.add_parser("request", help="a polite feedback-request email for an application",
                        description="Print a short, polite feedback-request email for APPLICATION "
                                    "(its id in the feedback file) and the date to send it by. The "
                                    "wording comes from feedback-request.txt in the theme; put your "
                                    "own in a theme folder of yours to change it.")
    with_config(q)
    q.add_argument("application", metavar="APPLICATION", help="the application's id")
    q.add_argument("--out", metavar="FILE.eml", help="also write a standard email file a mail client opens")
    q.add_argument("--overwrite", action="store_true", help="replace FILE.eml if it exists")
    q.add_argument("--today", metavar="DATE", help="pretend today is DATE (YYYY-MM-DD)")
    q.set_defaults(func=cmd_feedback_request)

    p = sub.add_parser("explain", help="how the resume was tailored to a target",
                       description="Show how the resume for TARGET was tailored: coverage of the job's "
                                   "weighted terms, terms matched and where, terms in the profile but "
                                   "left out, terms missing from the profile, and what was dropped to "
                                   "fit the page budget. The same text is written to report.md beside "
                                   "the target's documents on every build.")
    with_config(p)
    p.add_argument("target", metavar="TARGET", help="the target's id (its file name without .yaml)")
    p.set_defaults(func=cmd_explain)

    p = sub.add_parser("schema", help="print the JSON Schema, for editor completion",
                       description="Print the JSON Schema of a file kind, for editor completion "
                                   "(e.g. YAML language server's '# yaml-language-server: $schema=').")
    p.add_argument("kind", nargs="?", default="profile", choices=["profile", "feedback", "target", "config"])
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except SystemExit as exc:
        return int(exc.code or 0)
    except ResumekitError as exc:
        from .errors import UsageError

        _print_error(exc, writes=args.func is cmd_build and not isinstance(exc, UsageError))
        return EXIT_USAGE if isinstance(exc, UsageError) else EXIT_USER
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
