"""``resumekit interview TARGET``: the practice sheet for one target, as Markdown and PDF,
written beside the target's documents (``out/<target>/interview-practice.md`` and ``.pdf``).

The sheet is tailored as the target's resume is (same profile, same language, same
feedback), but before any page budget: a highlight cut to fit two pages is still the
person's material to rehearse.
"""

from __future__ import annotations

from pathlib import Path

from ..documents.interview import InterviewSheet, build_interview, question_bank
from ..errors import UsageError, did_you_mean
from ..feedback.reapplication import find_application
from ..rendering.interview import interview_markdown, interview_pdf
from ..tailoring import tailor
from ..tailoring.redaction import redacted
from .language import locale_folders, locale_of, paper_of, translated_profile
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
    bank = question_bank(locale.tag, locale_folders(project))
    look = look_for(project.theme, project.root, project.config.design, target.design)
    return build_interview(tailored, project.feedback, project.taxonomy,
                           find_application(project.feedback, target), bank, look=look,
                           paper=paper_of(project, target))


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
