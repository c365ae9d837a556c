"""Small projects and helpers for the up-to-date, watch, batch and kill-safety tests.

``small_project`` writes a Jane Doe project with feedback and two targets (one from a
pasted posting), optionally a theme folder of the user's own: it builds in about a
second, so each test that edits files gets a fresh one. The example project (profiles/)
is used where its realism matters (watch, parallel builds).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from resumekit.building import BuildResult
from resumekit.rendering.theme import builtin_themes_dir

from .helpers import JANE, LETTER_DATE, PROFILES, REPO, copy_project, make_project

FEEDBACK = """\
applications:
  - id: acme-2025
    employer: Acme
    position: Senior Analyst
    rejected: 2025-11-03
    feedback:
      - text: Limited experience leading projects or teams.
        areas: [leadership]
improvements:
  - id: code-for-good
    addresses: [leadership]
    prompted_by: [acme-2025]
    add:
      volunteer:
        - organization: Code for Good
          position: Volunteer Project Lead
          startDate: 2025-10
          highlights: [Led six volunteers to ship a food-bank inventory dashboard]
"""

ACME = """\
title: Lead Analyst
company: Acme
responsibilities:
  - Lead a small team of analysts
  - Own the churn and retention analyses
emphasize: [leadership]
"""

GLOBEX = """\
title: Data Analyst
company: Globex
posting: globex.txt
"""

GLOBEX_POSTING = """\
Data Analyst at Globex

What you will do
- Build dashboards in SQL and dbt for the sales team
- Present findings to managers

What you will need
- Three years of experience with SQL and Python
"""

SUMMARY = "Data analyst who turns messy operational data into decisions."
"""A sentence of JANE's that tests replace to make a visible edit."""


def small_project(
    root: Path, theme: bool = False, feedback: bool = True, targets: dict[str, str] | None = None,
    **config: Any,
) -> Path:
    """Write the small project under ``root``; returns its config path."""
    chosen = {"acme.yaml": ACME, "globex.yaml": GLOBEX} if targets is None else targets
    settings: dict[str, Any] = dict(config)
    if feedback:
        root.mkdir(parents=True, exist_ok=True)
        (root / "feedback.yaml").write_text(FEEDBACK, encoding="utf-8")
        settings.setdefault("feedback", "feedback.yaml")
    if theme:
        shutil.copytree(builtin_themes_dir() / "classic", root / "mytheme",
                        ignore=shutil.ignore_patterns("__pycache__", "*.py"))
        settings.setdefault("theme", "mytheme")
    config_path = make_project(root, JANE, chosen, **settings)
    if "globex.yaml" in chosen:
        (root / "targets" / "globex.txt").write_text(GLOBEX_POSTING, encoding="utf-8")
    return config_path


def example_copy(dest: Path, targets: str | None = None) -> Path:
    """A copy of the example project (without its built outputs); returns the config path.

    ``targets`` replaces the config's ``targets:`` (e.g. one file, to keep a test quick);
    the letter date is fixed so the files do not change with the day.
    """
    root = copy_project(PROFILES, dest)
    config = root / "resumekit.yaml"
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    if targets is not None:
        data["targets"] = targets
    data.setdefault("date", LETTER_DATE)
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return config


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must be there) by ``new`` in a text file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def statuses(result: BuildResult, out: Path) -> dict[str, str]:
    """Each output of a build, by path relative to ``out``, with its status."""
    return {o.path.resolve().relative_to(out.resolve()).as_posix(): o.status for o in result.outputs}


def built_targets(result: BuildResult) -> set[str]:
    """The targets (output folders) a build wrote files for."""
    return {o.path.parent.name for o in result.built}


def up_to_date_targets(result: BuildResult) -> set[str]:
    """The targets (output folders) a build found up to date."""
    return {o.path.parent.name for o in result.outputs if o.status == "up to date"}


def documents_in(out: Path) -> list[Path]:
    """Every PDF and DOCX a user received under ``out``."""
    return sorted(p for p in out.rglob("*") if p.suffix in (".pdf", ".docx") and not p.name.startswith("."))


def pdf_text(path: Path) -> str:
    """The text of a PDF (raises if it is not a readable PDF)."""
    from pypdf import PdfReader

    reader = PdfReader(str(path), strict=True)
    assert len(reader.pages) >= 1
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def docx_text(path: Path) -> str:
    """The text of a DOCX's body paragraphs (raises if it is not a readable DOCX)."""
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def document_text(path: Path) -> str:
    """The text of a PDF or DOCX."""
    return pdf_text(path) if path.suffix == ".pdf" else docx_text(path)


def cli_env() -> dict[str, str]:
    """The environment for a ``python -m resumekit.cli`` subprocess run from anywhere."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["PYTHONUNBUFFERED"] = "1"
    return env


def python(code: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run Python ``code`` in a fresh interpreter (the package importable from the source tree)."""
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=cli_env(), capture_output=True,
                          text=True, timeout=timeout)


def wait_for(condition: Callable[[], Any], timeout: float = 60, what: str = "a condition") -> Any:
    """Poll ``condition`` until it returns something truthy; fail after ``timeout`` seconds.

    The bound is generous, and only there so that a broken build fails instead of hanging:
    no test asserts how fast anything is.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what} after {timeout:.0f} s")
        time.sleep(0.05)


BOTH = {"acme", "globex"}
"""The small project's targets."""


def out(config: Path) -> Path:
    """The project's output folder."""
    return config.parent / "out"
