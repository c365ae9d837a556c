"""What tests share besides fixtures: the repository's places, small projects, and readers.

Fixtures live in conftest.py; everything a test imports lives here (``from ..helpers import
make_project``), so a path computed from this file's place is right for every test folder.
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

from resumekit import ProfileError, load_profile
from resumekit.building import BuildResult
from resumekit.building.manifest import MANIFEST_NAME

REPO = Path(__file__).resolve().parents[1]
"""The repository: the one place a test's path is computed from, whatever folder the test is in."""
PROFILES = REPO / "profiles"
SCAFFOLD = REPO / "resumekit" / "scaffold"
CONFORMANCE = REPO / "tests" / "conformance" / "jsonresume"

LETTER_DATE = "2026-01-15"
"""Fixed so that letters, and so files, do not change with the day the tests run."""

JANE = """\
basics:
  name: Jane Doe
  label: Data Analyst
  email: jane.doe@example.com
  phone: +1 555-0100
  summary: Data analyst who turns messy operational data into decisions.
  location:
    city: Springfield
    region: Illinois
work:
  - name: Globex
    position: Senior Data Analyst
    location: Springfield, IL
    startDate: 2022-03
    highlights:
      - Built the churn model used by the retention team
      - text: Presented quarterly findings to the VP of Sales
        tags: [communication]
  - name: Initech
    position: Junior Analyst
    startDate: 2019-06
    endDate: 2022-02
    highlights:
      - Automated the weekly TPS report, saving four hours a week
education:
  - institution: State University
    area: Statistics
    studyType: Bachelor of Science
    startDate: 2015
    endDate: 2019
skills:
  - name: Analytics
    keywords: [SQL, Python, dbt]
letter:
  closing: Thank you for your time and consideration.
"""
"""A small, complete profile, for projects built by single tests."""


def copy_project(source: Path, dest: Path) -> Path:
    """A copy of the project folder ``source`` at ``dest``, without built outputs."""
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("out", "__pycache__"))
    return dest


ICON_FONT = "resumekit-icon"
"""The base name of the contact icons' fonts (templates/classic/make_icon_fonts.py): they
draw a dot as an icon, no text, so the tests of the theme's text fonts leave them out."""


def make_project(
    root: Path,
    profile: str = JANE,
    targets: dict[str, str] | None = None,
    **config: Any,
) -> Path:
    """Write a project (profile, optional targets, config) under ``root``; return the config path."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "profile.yaml").write_text(profile, encoding="utf-8")
    settings: dict[str, Any] = {"profile": "profile.yaml", "output": "out", "date": LETTER_DATE}
    if targets:
        (root / "targets").mkdir(exist_ok=True)
        for name, text in targets.items():
            (root / "targets" / name).write_text(text, encoding="utf-8")
        settings["targets"] = "targets/"
    settings.update(config)
    path = root / "resumekit.yaml"
    path.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return path


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``python -m resumekit.cli ARGS`` in a fresh process, as a user would."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, "-m", "resumekit.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


def exit_code(argv: list[str]) -> int:
    """``resumekit ARGV`` in this process (fast; output goes to capsys); argparse's own exits are caught."""
    from resumekit import cli

    try:
        return cli.main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


def squash(text: str) -> str:
    """``text`` without any whitespace: line wrapping must not decide a comparison."""
    return re.sub(r"\s+", "", text)


def missing_in_order(text: str, needles: list[str]) -> list[str]:
    """The needles that do not appear in ``text`` in the given order (whitespace ignored)."""
    flat = squash(text)
    missing: list[str] = []
    start = 0
    for needle in needles:
        found = flat.find(squash(needle), start)
        if found < 0:
            missing.append(needle)
        else:
            start = found + len(squash(needle))
    return missing


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (temporary files too), by relative path, with its bytes.

    The build's own bookkeeping (its manifest) is left out: only what users receive counts.
    """
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != MANIFEST_NAME}


def delivered(folder: Path) -> list[Path]:
    """The files under ``folder`` a user receives (not the build's hidden bookkeeping)."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


@dataclass
class Built:
    """A project built once and shared: where it is and what the builds returned."""

    root: Path
    result: BuildResult
    general: BuildResult | None = None

    @property
    def out(self) -> Path:
        return self.root / "out"


def write(path: Path, text: str) -> Path:
    """``text`` written to ``path`` (its folder made if need be); returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path_or_data: Any, **kwargs: Any) -> list[Any]:
    """The problems ``load_profile`` raises for ``path_or_data`` (it must raise)."""
    with pytest.raises(ProfileError) as info:
        load_profile(path_or_data, **kwargs)
    return info.value.problems


def notdef_glyphs(pdf: Path) -> dict[str, int]:
    """How often each font of ``pdf`` is asked for glyph 0, ``.notdef`` (the empty box):
    every font WeasyPrint writes is a CID font with the identity map, so glyph 0 is the
    two bytes 00 00 in a shown string."""
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    reader = PdfReader(pdf)
    found: dict[str, int] = {}
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        current = ""
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                current = str(fonts[operands[0]].get_object()["/BaseFont"])
            elif operator in (b"TJ", b"Tj"):
                items = operands[0] if operator == b"TJ" else operands
                for item in items:
                    raw = getattr(item, "original_bytes", None)
                    if raw is None:
                        continue
                    zeros = sum(1 for i in range(0, len(raw) - 1, 2) if raw[i:i + 2] == b"\x00\x00")
                    if zeros:
                        found[current] = found.get(current, 0) + zeros
    return found


def extractions(pdf: Path) -> dict[str, str]:
    """The text of ``pdf`` as four extractors an applicant tracking system might use read it."""
    import pdfplumber
    from pdfminer.high_level import extract_text
    from pypdf import PdfReader

    with pdfplumber.open(pdf) as opened:
        plumbed = "\n".join(page.extract_text() or "" for page in opened.pages)
    return {
        "pdfminer": extract_text(pdf),
        "pypdf": "\n".join(page.extract_text() for page in PdfReader(pdf).pages),
        "pdfplumber": plumbed,
        "pdftotext": subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                    check=True).stdout,
    }


def has_fonts_for(*languages: str) -> bool:
    """Whether fontconfig knows a font for each of ``languages`` (``ja``, ``ar``, ``he``, ``ko``)."""
    if not shutil.which("fc-list"):
        return False
    return all(subprocess.run(["fc-list", f":lang={lang}", "family"], capture_output=True, text=True).stdout.strip()
               for lang in languages)


needs_script_fonts = pytest.mark.skipif(
    not has_fonts_for("ja", "ko", "ar", "he"),
    reason="needs CJK, Arabic and Hebrew fonts: apt-get install fonts-noto-core fonts-noto-cjk "
           "fonts-noto-color-emoji (.ci/run installs them)")
"""For a test that draws Chinese, Japanese, Korean, Arabic or Hebrew."""
