"""resumekit.check on real builds: a fresh build reads whole; a document not built, or
built before its inputs changed, says to build first."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import resumekit
from resumekit.checking.run import percent

from ..helpers import REPO


def init_project(folder: Path) -> Path:
    """``resumekit init``'s project in ``folder``; returns its config."""
    subprocess.run([sys.executable, "-m", "resumekit.cli", "init", str(folder)], cwd=REPO, check=True,
                   capture_output=True)
    return folder / "resumekit.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    config = init_project(tmp_path_factory.mktemp("check") / "cv")
    resumekit.build(config)
    return config


def test_a_fresh_build_loses_nothing_to_any_extractor(built):
    checks = resumekit.check(built)
    assert {(c.document, c.format) for c in checks} == {("resume", "pdf"), ("resume", "docx"),
                                                        ("letter", "pdf"), ("letter", "docx")}
    for checked in checks:
        assert checked.errors == [], (checked.path, checked.errors)
        assert set(checked.extractors) == ({"pdfminer", "pypdf"} if checked.format == "pdf" else {"python-docx"})
        for extraction in checked.extractors.values():
            assert extraction.recovery.missing == (), (checked.path, extraction.name)
        # the reading order is the layouts' business (issue 12, item 1); out of order is a warning
        print(checked.path.name, checked.summary())


def test_the_fields_are_those_of_the_profile(built):
    resume = next(c for c in resumekit.check(built) if c.document == "resume" and c.format == "pdf")
    assert resume.fields is not None
    assert resume.fields.name == "Alex Rivera"
    assert resume.fields.email == "alex.rivera@example.com"
    assert "mailto:alex.rivera@example.com" in resume.fields.links
    assert resume.fields.headings[:2] == ["Summary", "Experience"]
    assert resume.fields.entries and all(e.employer for e in resume.fields.entries)


def test_a_document_not_built_says_build_first(tmp_path):
    config = init_project(tmp_path / "cv")
    checks = resumekit.check(config)
    assert checks and all(not c.ok for c in checks)
    assert all("run resumekit build first" in c.errors[0].message for c in checks)


def test_a_document_older_than_its_inputs_is_a_warning(built, tmp_path):
    copy = tmp_path / "cv"
    shutil.copytree(built.parent, copy)
    profile = copy / "profile.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    checks = resumekit.check(copy / "resumekit.yaml")
    assert all(c.warnings and "older than its inputs" in c.warnings[0].message for c in checks)
    assert all(c.ok for c in checks)


def test_shares_are_never_rounded_up_to_all():
    assert (percent(1.0), percent(0.9996), percent(0.5)) == ("100%", "99.9%", "50%")
