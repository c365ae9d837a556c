"""``resumekit interview TARGET``: the practice sheet for one target, as Markdown and PDF,
written beside the target's documents (``out/<target>/interview-practice.md`` and ``.pdf``).

The sheet is tailored as the target's resume is (same profile, same language, same
feedback), but before any page budget: a highlight cut to fit two pages is still the
person's material to rehearse.
"""

from __future__ import annotations

from pathlib import Path

from ..documents.interview import BANK_DIR, InterviewSheet, build_interview, own_bank_files, question_bank
from ..documents.locale import read_phrases
from ..errors import ConfigError, Problem, UsageError, did_you_mean
from ..feedback.reapplication import find_application
from ..rendering.interview import interview_markdown, interview_pdf
from ..tailoring import tailor
from ..tailoring.redaction import redacted
from ..loading.yaml import read_document
from .language import _flat, _phrase_problems, locale_folders, locale_of, paper_of, translated_profile
from .look import look_for
from .project import Project
from .writing import inside, write_set

SHEET_NAME = "interview-practice"
"""The sheet's file name in the target's output folder, before ``.md`` or ``.pdf``."""
SHEET_FORMATS = ("md", "pdf")


def interview_sheet(project: Project, tid: str) -> InterviewSheet:
    """The practice sheet for target ``tid``."""
    target = project.target(tid)
    if target is None or not tid:
        known = sorted(t.id for t in project.targets if t.id)
        raise UsageError(f"no target '{tid}'{did_you_mean(tid, known)}; known: {', '.join(known) or 'none'}")
    profile, _ = translated_profile(project, target)
    if target.redact:
        profile = redacted(profile, target.redact)
    tailored = tailor(profile, target, project.feedback, project.taxonomy)
    locale = locale_of(project, target)
    problems = bank_problems(locale.tag, locale_folders(project))
    if problems:
        raise ConfigError(problems)
    bank = question_bank(locale.tag, locale_folders(project))
    look = look_for(project.theme, project.root, project.config.design, target.design)
    return build_interview(tailored, project.feedback, project.taxonomy,
                           find_application(project.feedback, target), bank, look=look,
                           paper=paper_of(project, target))


def bank_problems(tag: str, folders: list[Path]) -> list[Problem]:
    """What is wrong in the user's question-bank files that a sheet in ``tag`` reads, at its
    line: a text where the bank has a list (it would be dropped without a word) or a blank
    resumekit does not fill. Phrases it does not know are left to be (the bank lays over
    the document phrases)."""
    english = _flat(read_phrases(BANK_DIR / "en.yaml"))
    return [problem for path in own_bank_files(tag, folders)
            for problem in _phrase_problems(read_document(path, ConfigError), english) if problem.severity == "error"]


def write_interview(project: Project, tid: str, formats: tuple[str, ...] = SHEET_FORMATS) -> list[Path]:
    """Write the sheet of target ``tid`` in ``formats`` to its output folder; the paths written."""
    sheet = interview_sheet(project, tid)
    folder = inside(project.output_dir, tid)
    files: dict[Path, bytes] = {}
    for fmt in formats:
        data = interview_markdown(sheet).encode("utf-8") if fmt == "md" else interview_pdf(sheet, project.theme)
        files[inside(folder, f"{SHEET_NAME}.{fmt}")] = data
    write_set(files)
    return list(files)
