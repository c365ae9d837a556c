"""Small projects and helpers for the feedback-loop tests (kept out of conftest.py).

``SAM`` is a short profile with two Initech entries (so an ``extend`` can be ambiguous);
``SAM_FEEDBACK`` is a valid feedback file for it. ``BAD_FEEDBACK`` holds one broken
feedback file per mistake a user can make, each with where the error must point.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

import resumekit
from resumekit.cli import main

from .helpers import PROFILES, REPO

SAM = """\
basics:
  name: Sam Rivera
  label: Data Analyst
  email: sam.rivera@example.com
work:
  - name: Globex
    position: Data Analyst
    startDate: 2022-03
    highlights:
      - Built the churn model used by the retention team
  - name: Initech
    position: Junior Analyst
    startDate: 2020-06
    endDate: 2022-02
    highlights: [Automated the weekly TPS report]
  - name: Initech
    position: Intern
    startDate: 2019-06
    endDate: 2019-09
    highlights: [Cleaned the customer database]
volunteer:
  - organization: Riverside Food Bank
    position: Volunteer
    startDate: 2018-01
    highlights: [Sorted donations on Saturdays]
certificates:
  - name: SQL Fundamentals
    date: 2023-05
  - name: Excel Essentials
    date: 2019-02
"""

SAM_FEEDBACK = """\
applications:
  - id: globex-2026
    employer: Globex
    position: Senior Analyst
    applied: 2026-09-01
    rejected: 2026-10-01
    feedbackReceived: 2026-10-09
    contact: {name: Dana Lee, email: dana.lee@globex.example}
    feedback:
      - I have never managed anyone, they said.
improvements:
  - id: meetup-organiser
    addresses: [leadership]
    prompted_by: [globex-2026]
    add:
      volunteer:
        - organization: Data Meetup
          position: Organiser
          startDate: 2026-10
          highlights: [Ran monthly talks for 40 members]
"""


@dataclass(frozen=True)
class BadCase:
    """A broken feedback file, and where (and how) its error must be reported."""

    name: str
    text: str
    marker: str  # the line the error points to contains this
    token: str  # ... and its column is where this starts on that line
    message: str  # the error message contains this

    def place(self) -> tuple[int, int]:
        """The 1-based line and column the error must name."""
        for number, line in enumerate(self.text.splitlines(), start=1):
            if self.marker in line:
                return number, line.index(self.token) + 1
        raise AssertionError(f"marker {self.marker!r} not in the case text")


_APP = """\
applications:
  - id: globex-2026
    employer: Globex
    applied: 2026-09-01
    rejected: 2026-10-01
    feedback:
      - Never managed anyone.
"""

_ADD = """\
    add:
      certificates:
        - name: Leading Teams
          date: 2026-11
"""

BAD_FEEDBACK = [
    BadCase("unknown application", _APP + """\
improvements:
  - id: course
    addresses: [leadership]
    prompted_by: [globex-2025]
""" + _ADD, "prompted_by", "globex-2025", "no application with id 'globex-2025'; did you mean 'globex-2026'?"),
    BadCase("extend finds no entry", _APP + """\
improvements:
  - id: reviews
    addresses: [leadership]
    extend:
      - section: work
        match: Globx Corp
        highlights: [Ran weekly reviews]
""", "match:", "Globx", "no work entry is named 'Globx Corp'"),
    BadCase("extend finds two entries", _APP + """\
improvements:
  - id: reviews
    addresses: [leadership]
    extend:
      - section: work
        match: Initech
        highlights: [Ran weekly reviews]
""", "match:", "Initech", "'Initech' matches 2 work entries; add 'position'"),
    BadCase("unknown area", _APP + """\
improvements:
  - id: course
    addresses: [leadrship]
""" + _ADD, "addresses", "leadrship", "unknown feedback area 'leadrship'; did you mean 'leadership'?"),
    BadCase("unknown area in a feedback point", """\
applications:
  - id: globex-2026
    employer: Globex
    feedback:
      - text: Rambling answers.
        areas: [comunication]
""", "areas:", "comunication", "unknown feedback area 'comunication'; did you mean 'communication'?"),
    BadCase("duplicate application ids", _APP + """\
  - id: globex-2026   # the same id again
    employer: Globex
""", "the same id again", "globex-2026", "application id 'globex-2026' is used twice"),
    BadCase("duplicate improvement ids", _APP + """\
improvements:
  - id: course
    addresses: [leadership]
""" + _ADD + """\
  - id: course   # the same id again
    addresses: [communication]
""" + _ADD, "the same id again", "course", "improvement id 'course' is used twice"),
    BadCase("dates out of order", """\
applications:
  - id: globex-2026
    employer: Globex
    applied: 2026-09-01
    rejected: 2026-08-15
""", "rejected:", "2026-08-15", "rejected (2026-08-15) is before applied (2026-09-01)"),
    BadCase("improvement that adds nothing", _APP + """\
improvements:
  - id: nothing-yet
    addresses: [leadership]
    add: {}
""", "- id: nothing-yet", "id", "adds nothing"),
    BadCase("YAML syntax error", """\
applications:
  - id: globex-2026
    employer: Globex
      rejected: 2026-10-01
""", "rejected:", ": 2026", "not valid YAML"),
]


def write_project(root: Path, feedback: str | None = SAM_FEEDBACK, profile: str = SAM,
                  settings: dict[str, Any] | None = None, **config: Any) -> Path:
    """A project under ``root`` (profile, optional feedback.yaml, config); its config path.

    ``config`` and ``settings`` (for keys such as ``feedback``) are written into the config.
    """
    root.mkdir(parents=True, exist_ok=True)
    (root / "profile.yaml").write_text(profile, encoding="utf-8")
    written: dict[str, Any] = {"profile": "profile.yaml", "output": "out", "date": "2026-11-26"}
    if feedback is not None:
        (root / "feedback.yaml").write_text(feedback, encoding="utf-8")
        written["feedback"] = "feedback.yaml"
    written.update(config)
    written.update(settings or {})
    path = root / "resumekit.yaml"
    path.write_text(yaml.safe_dump(written, sort_keys=False), encoding="utf-8")
    return path


def mini_feedback(*improvements: dict[str, Any], applied: str = "2026-09-20") -> resumekit.Feedback:
    """One rejected application to Globex ("never managed anyone") and the given improvements."""
    return resumekit.load_feedback({
        "applications": [{"id": "globex-2026", "employer": "Globex", "applied": applied,
                          "rejected": "2026-10-01", "contact": {"name": "Dana Lee"},
                          "feedback": ["You have never managed anyone."]}],
        "improvements": list(improvements)})


def copy_example(dest: Path) -> Path:
    """A copy of the example project (without its built outputs); its config path."""
    shutil.copytree(PROFILES, dest, ignore=shutil.ignore_patterns("out", "__pycache__"))
    return dest / "resumekit.yaml"


EXAMPLE_TARGETS = ("general", "acme-lead", "brightpath-analyst")
_built: dict[str, Path] = {}


def built_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example project's output folder after ``resumekit build --target`` each of
    ``EXAMPLE_TARGETS`` (PDF and DOCX); built once per session, whichever module asks first."""
    if "out" not in _built:
        config = copy_example(tmp_path_factory.mktemp("feedback-example") / "project")
        targets = [arg for target in EXAMPLE_TARGETS for arg in ("--target", target)]
        code = main(["build", "-c", str(config), *targets, "--format", "pdf", "--format", "docx"])
        assert code == 0, "the example project does not build"
        _built["out"] = config.parent / "out"
    return _built["out"]


@dataclass
class Run:
    """What a command did: exit code, standard output, standard error."""

    code: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> Run:
    """``resumekit ARGS`` in this process (fast; an uncaught exception fails the test)."""
    capsys.readouterr()
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def run_process(*args: str | Path, cwd: Path | None = None) -> Run:
    """``resumekit ARGS`` in a fresh process, exactly as a user runs it."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, "-m", "resumekit.cli", *map(str, args)], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=120)
    return Run(done.returncode, done.stdout, done.stderr)


def located(text: str, file: str, line: int, column: int) -> bool:
    """Whether ``text`` names ``file:line:column`` (``file`` may be a path's last part)."""
    return re.search(rf"(^|[\s/\\]){re.escape(file)}:{line}:{column}:", text, re.MULTILINE) is not None


def pdf_text(path: Path) -> str:
    """The text of a PDF, read back with pypdf."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def docx_text(path: Path) -> str:
    """Every paragraph of a DOCX, read back with python-docx."""
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def squash(text: str) -> str:
    """``text`` without whitespace, so that line wrapping never decides a comparison."""
    return re.sub(r"\s+", "", text)
