"""Profiles, jobs and readers shared by the tailoring tests (kept out of conftest.py).

``PAT`` is a short profile that has worked both as a nurse and as a data analyst, so one
profile can be tailored toward either field. ``target()`` and ``posting()`` make jobs
from plain fields; ``pdf_text`` and ``docx_*`` read real output files.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

import resumekit
from resumekit.documents.locale import Locale, builtin_languages
from resumekit.models import Profile, Target

from .helpers import PROFILES, REPO

TERMS_FILE = REPO / "resumekit" / "tailoring" / "terms.yaml"

PAT = """\
basics:
  name: Pat Quinn
  label: Analyst
  email: pat.quinn@example.com
  summary:
    - text: Data analyst who writes SQL and dbt models and runs A/B tests.
      tags: [analytics]
    - text: Registered nurse who trains new nurses and teaches patients.
      tags: [healthcare]
work:
  - name: Globex
    position: Data Analyst
    startDate: 2022-03
    tags: [analytics]
    highlights:
      - text: Trained nurses on the new patient dashboards
        tags: [teaching]
      - text: Built the dbt models behind the weekly SQL reporting
        tags: [analytics]
      - text: Designed and analyzed A/B tests of reminder messages
        tags: [analytics]
      - text: Set up GitHub Actions CI for the dbt project
        tags: [analytics, engineering]
  - name: City Hospital
    position: Registered Nurse
    startDate: 2016-05
    endDate: 2022-02
    tags: [healthcare]
    highlights:
      - Audited 300 patient charts for the falls committee
      - text: Precepted 12 new-graduate nurses through orientation
        tags: [teaching, leadership]
      - text: Educated patients on patient safety before discharge
        tags: [teaching]
volunteer:
  - organization: Free Clinic
    position: Volunteer Nurse
    startDate: 2015-01
    tags: [healthcare]
    highlights:
      - Ran blood-pressure screenings for patients
projects:
  - name: dbt-fhir-starter
    description: Open-source dbt package for FHIR exports
    tags: [analytics, engineering]
    highlights:
      - Modeled 12 FHIR resources with 90 data tests
skills:
  - name: Analytics
    keywords: [Excel, statistics, SQL, dbt, A/B testing]
    tags: [analytics]
  - name: Clinical
    keywords: [wound care, patient education, Basic Life Support]
    tags: [healthcare]
"""
"""A profile with a data side and a nursing side, each tagged."""

MISSING_JOB = """\
title: Platform Engineer
company: Initech
qualifications:
  - Kubernetes and Terraform in production
  - Salesforce and HubSpot administration
  - SQL and dbt
skills:
  - name: Cloud
    keywords: [Kubernetes, Terraform, Salesforce, HubSpot]
"""
"""A job that asks for terms ``PAT`` lacks (the ``missing_terms_build`` fixture builds it)."""

TARGETS = ("acme-lead", "berlin-gesundheitsdaten", "brightpath-analyst", "riverside-nurse-educator")
"""The example project's targets (the ``seeded_*`` fixtures build them)."""
RESUME, LETTER = "Maya-Okafor-Resume", "Maya-Okafor-Cover-Letter"

DATA_JOB: dict[str, Any] = {
    "title": "Data Analyst", "company": "Initech",
    "qualifications": ["Advanced SQL and dbt", "Experience designing A/B tests"],
    "skills": [{"name": "Analytics", "keywords": ["SQL", "dbt", "A/B testing"]}],
}
NURSE_JOB: dict[str, Any] = {
    "title": "Nurse Educator", "company": "Mercy Hospital",
    "qualifications": ["Active Registered Nurse license", "Experience precepting and training nurses"],
    "responsibilities": ["Deliver patient education and patient safety training"],
    "skills": [{"name": "Clinical", "keywords": ["patient education", "wound care", "precepting"]}],
}


def profile(text: str = PAT) -> Profile:
    """A profile from YAML text (loaders accept a parsed mapping)."""
    return resumekit.load_profile(yaml.safe_load(text))


def target(fields: dict[str, Any] | None = None, **more: Any) -> Target:
    """A target from fields, as the loader makes it."""
    return resumekit.load_target({**(fields or {}), **more})


def posting(text: str, **fields: Any) -> Target:
    """A target whose job is a pasted posting, as if read from ``posting:``."""
    job = target(fields)
    job.posting_text = text
    return job


def copy_profiles(dest: Path) -> Path:
    """A copy of the example project at ``dest``, without built outputs; its config's path."""
    shutil.copytree(PROFILES, dest, ignore=shutil.ignore_patterns("out", "__pycache__"))
    return dest / "resumekit.yaml"


def cli_env(**extra: str) -> dict[str, str]:
    """The environment for running resumekit in a fresh process."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def cli(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m resumekit.cli ARGS`` in a fresh process, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "resumekit.cli", *args], cwd=cwd, env=cli_env(**env),
                          capture_output=True, text=True, timeout=300)


def outputs(folder: Path) -> dict[str, bytes]:
    """Every delivered file under ``folder`` (not the build's hidden manifest), by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def flat(text: str) -> str:
    """``text`` with its whitespace squeezed out: line wrapping must not decide a comparison."""
    return re.sub(r"\s+", "", text)


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def docx_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph."""
    import docx

    return [(p.style.name if p.style is not None else "", p.text) for p in docx.Document(str(path)).paragraphs]


def docx_text(path: Path) -> str:
    return "\n".join(text for _, text in docx_paragraphs(path))


def bullets(path: Path) -> list[str]:
    """The bulleted paragraphs of a DOCX, in order."""
    return [text for style, text in docx_paragraphs(path) if style.startswith("List Bullet")]


def highlight_texts(p: Profile) -> list[str]:
    """Every highlight of a profile, in order, section by section."""
    return [h.text for section in ("work", "volunteer", "projects") for e in getattr(p, section)
            for h in e.highlights]


WORK_HEADINGS = frozenset(Locale.load(tag).text("sections.work") for tag in builtin_languages())
"""The heading of the work section, in every language."""


def roles(path: Path) -> dict[str, list[str]]:
    """Each work entry's bullets in a resume DOCX, by employer, in the order shown."""
    found: dict[str, list[str]] = {}
    current = None
    section = ""
    for style, text in docx_paragraphs(path):
        if style == "Heading 1":
            section = text.strip()
        elif style == "Heading 2" and section in WORK_HEADINGS:
            current = text.split("\t")[0]
            found[current] = []
        elif style.startswith("List Bullet") and current is not None and section in WORK_HEADINGS:
            found[current].append(text)
    return found


def in_order(text: str, needles: list[str]) -> bool:
    """Whether every needle appears in ``text`` in the given order (whitespace ignored)."""
    at = 0
    squeezed = flat(text)
    for needle in needles:
        at = squeezed.find(flat(needle), at)
        if at < 0:
            return False
        at += len(flat(needle))
    return True
