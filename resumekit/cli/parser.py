"""The command line's grammar: one parser, with the options commands share declared once."""

from __future__ import annotations

import argparse

from .._version import __version__
from ..rendering import FORMATS
from . import commands


def make_parser() -> argparse.ArgumentParser:
    """The whole command line: every command, its options and its help."""
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
        p.add_argument("--allow-outside", action="store_true",
                       help="let the project read files outside its folder (as 'allowOutside: true' does)")

    def with_today(p: argparse.ArgumentParser, meaning: str = "") -> None:
        p.add_argument("--today", metavar="DATE", help=f"pretend today is DATE (YYYY-MM-DD){meaning}")

    p = sub.add_parser("init", help="write a small, working example project",
                       description="Write a small, working project (profile, feedback, one target, "
                                   "config) into DIR. Never overwrites existing files.")
    p.add_argument("dir", nargs="?", default=".", metavar="DIR", help="where (default: here)")
    p.set_defaults(func=commands.cmd_init)

    p = sub.add_parser("build", help="build what is out of date",
                       description="Build the resume and cover letter, in each format, for every "
                                   "target; with no targets in the config, the untailored 'general' "
                                   "version. Skips what is up to date.")
    with_config(p)
    p.add_argument("--target", action="append", metavar="ID",
                   help="build only this target (repeatable; 'general' is the untailored version)")
    p.add_argument("--format", action="append", choices=FORMATS, help="only this format (repeatable)")
    p.add_argument("--force", action="store_true", help="rebuild even what is up to date")
    p.add_argument("-j", "--jobs", type=int, metavar="N", default=None,
                   help="build targets in N processes (default: one per core)")
    p.add_argument("-v", "--verbose", action="store_true", help="also list the files that were up to date")
    p.add_argument("--clean", action="store_true",
                   help="remove the output folders of targets that no longer exist")
    p.add_argument("--check", action="store_true",
                   help="then read each PDF and DOCX back as parsers do (resumekit check)")
    p.set_defaults(func=commands.cmd_build)

    p = sub.add_parser("check", help="what parsers read from each built PDF and DOCX, and what they would lose",
                       description="Read each built PDF and DOCX of the TARGETs (default: all) back as "
                                   "applicant tracking systems do: the text as pdfminer.six (layout), "
                                   "pypdf (content stream) and python-docx read it, and the fields they "
                                   "pick (name, email, phone, links, headings, each entry's employer, "
                                   "position and dates). Says what would be lost: strings of the profile "
                                   "missing or out of order, glyphs that map to no character, contact "
                                   "details in headers or footers, fonts not embedded, pages over the "
                                   "budget, files over 2 MB. Exits 1 when a document would lose "
                                   "information (with --strict, on any warning).")
    with_config(p)
    p.add_argument("targets", nargs="*", metavar="TARGET", help="a target's id ('general' is the untailored version)")
    p.add_argument("--format", choices=["text", "json"], default="text",
                   help="text (the default) or json (a stable shape for scripts)")
    p.add_argument("--text", "--show", dest="show", action="store_true",
                   help="also print each extractor's text and the fields it gives")
    p.set_defaults(func=commands.cmd_check)

    p = sub.add_parser("watch", help="rebuild what an edit affects, whenever a file changes",
                       description="Build, then watch the project's files and rebuild the documents "
                                   "an edit affects. A bad edit prints its error and keeps the last "
                                   "good documents. Ctrl-C stops.")
    with_config(p)
    p.add_argument("--format", action="append", choices=FORMATS, help="only this format (repeatable)")
    p.set_defaults(func=commands.cmd_watch)

    p = sub.add_parser("validate", help="check the files; every problem with file:line:column",
                       description="Check files (profile, feedback, target or config, recognised by "
                                   "their content); with no FILE, check the whole project.")
    with_config(p)
    p.add_argument("files", nargs="*", metavar="FILE")
    p.set_defaults(func=commands.cmd_validate)

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
    with_today(q)
    q.add_argument("--show-contacts", action="store_true", help="show contact names and emails")
    q.set_defaults(func=commands.cmd_feedback_report)
    q = fsub.add_parser("request", help="a polite feedback-request email for an application",
                        description="Print a short, polite feedback-request email for APPLICATION "
                                    "(its id in the feedback file) and the date to send it by. The "
                                    "wording comes from feedback-request.txt in the theme; put your "
                                    "own in a theme folder of yours to change it.")
    with_config(q)
    q.add_argument("application", metavar="APPLICATION", help="the application's id")
    q.add_argument("--out", metavar="FILE.eml", help="also write a standard email file a mail client opens")
    q.add_argument("--overwrite", action="store_true", help="replace FILE.eml if it exists")
    with_today(q)
    q.set_defaults(func=commands.cmd_feedback_request)

    p = sub.add_parser("apply", help="record an application and archive exactly what was sent",
                       description="Build TARGET (or find it up to date), then record the application in "
                                   "applications/<id>/application.yaml and archive its documents there, "
                                   "with a manifest of the inputs' hashes, resumekit's version and the "
                                   "date. Later builds never change the archive; no file of yours is "
                                   "edited.")
    with_config(p)
    p.add_argument("target", metavar="TARGET", help="the target's id (its file name without .yaml)")
    p.add_argument("--id", metavar="ID", help="the application's id (default: TARGET-YEAR)")
    p.add_argument("--format", action="append", choices=FORMATS, help="only this format (repeatable)")
    with_today(p, ": the day applied")
    p.set_defaults(func=commands.cmd_apply)

    p = sub.add_parser("applications", help="every application and the stage it is at",
                       description="List every application (the feedback file's and those resumekit "
                                   "apply recorded) with its current stage and date, the target it was "
                                   "made with and whether its documents are archived.")
    with_config(p)
    p.set_defaults(func=commands.cmd_applications)

    p = sub.add_parser("due", help="what to send next, and by when: feedback requests, follow-ups, thank-you notes",
                       description="List the emails to send, each with its date: a feedback request within "
                                   "a week of a rejection, a polite follow-up after an application or "
                                   "interview with no news for followUpAfter working days (default 10), a "
                                   "thank-you note the day after an interview. Nothing already sent is "
                                   "listed. The wording comes from feedback-request.txt, follow-up.txt and "
                                   "thank-you.txt in the theme.")
    with_config(p)
    with_today(p)
    p.add_argument("--out", metavar="FOLDER", help="also write each email due now as a draft (.eml) there")
    p.add_argument("--overwrite", action="store_true", help="replace drafts that exist")
    p.set_defaults(func=commands.cmd_due)

    p = sub.add_parser("interview", help="a practice sheet for a target's interview, from feedback and the job",
                       description="Write out/TARGET/interview-practice.md and .pdf: for each area feedback "
                                   "raised (this employer's or earlier ones') and each of the job's "
                                   "strongest requirements, practice questions beside your own material "
                                   "that answers them, as STAR prompts; where feedback named the interview "
                                   "itself, what to practise. It never writes answers.")
    with_config(p)
    p.add_argument("target", metavar="TARGET", help="the target's id (its file name without .yaml)")
    p.add_argument("--format", action="append", choices=["md", "pdf"], help="only this format (repeatable)")
    p.set_defaults(func=commands.cmd_interview)

    p = sub.add_parser("explain", help="how the resume was tailored to a target",
                       description="Show how the resume for TARGET was tailored: coverage of the job's "
                                   "weighted terms, terms matched and where, terms in the profile but "
                                   "left out, terms missing from the profile, and what was dropped to "
                                   "fit the page budget. The same text is written to report.md beside "
                                   "the target's documents on every build.")
    with_config(p)
    p.add_argument("target", metavar="TARGET", help="the target's id (its file name without .yaml)")
    p.add_argument("--format", choices=["md", "json"], default="md",
                   help="md (the default, as report.md) or json (a stable shape for scripts)")
    p.set_defaults(func=commands.cmd_explain)

    p = sub.add_parser("theme", help="the built-in themes: list them, or copy one to edit",
                       description="List the built-in themes, or copy one into a folder of yours to edit "
                                   "its templates and CSS (a design: block in the config changes colours, "
                                   "font, sizes and margins without a copy).")
    tsub = p.add_subparsers(dest="theme_command", metavar="ACTION", required=True)
    q = tsub.add_parser("list", help="the built-in themes and what each is for")
    q.set_defaults(func=commands.cmd_theme_list)
    q = tsub.add_parser("copy", help="copy a built-in theme into a new folder, to edit")
    q.add_argument("name", metavar="NAME", help="a built-in theme: classic, compact or serif")
    q.add_argument("dir", metavar="DIR", help="a new (or empty) folder, e.g. mytheme")
    q.set_defaults(func=commands.cmd_theme_copy)

    p = sub.add_parser("import", help="a new profile from LinkedIn's data export, RenderCV or old JSON Resume",
                       description="Write a new profile from another tool's data: LinkedIn's data "
                                   "export (its ZIP, or the folder it unzips to), a RenderCV input file, "
                                   "or a JSON Resume document with keys of versions before 1.0. Never "
                                   "overwrites a file; lists on stderr (and at the top of the profile) "
                                   "what it could not import.")
    p.add_argument("kind", choices=["linkedin", "rendercv", "jsonresume"], metavar="FROM",
                   help="linkedin, rendercv or jsonresume")
    p.add_argument("source", metavar="FILE", help="the export ZIP, the RenderCV YAML or the resume.json")
    p.add_argument("-o", "--output", metavar="PROFILE.yaml",
                   help="the new profile (default: profile.yaml beside FILE; a .json name writes JSON)")
    p.set_defaults(func=commands.cmd_import)

    p = sub.add_parser("schema", help="print the JSON Schema, for editor completion",
                       description="Print the JSON Schema of a file kind, for editor completion "
                                   "(e.g. YAML language server's '# yaml-language-server: $schema=').")
    p.add_argument("kind", nargs="?", default="profile", choices=["profile", "feedback", "target", "config"])
    p.set_defaults(func=commands.cmd_schema)
    return parser
