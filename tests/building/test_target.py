"""One target's documents: rendered in memory, then written as a set, so a failure leaves the last good ones."""

from __future__ import annotations

import pytest
import yaml

import resumekit
from resumekit import ProfileError
from resumekit.building import GENERAL_BUILD, load_project
from resumekit.building.target import output_paths
from resumekit.errors import BuildError

from ..build_fixtures import docx_text
from ..helpers import JANE, make_project, snapshot


# --- what a target's build writes ---------------------------------------------------------


def test_a_target_gets_its_documents_and_a_report_and_the_general_build_no_report(tmp_path):
    project = load_project(make_project(tmp_path, targets={"acme.yaml": "title: Lead\ncompany: Acme\n"}))
    def names(tid):
        return sorted((path.relative_to(project.output_dir).as_posix(), kind)
                      for path, kind in output_paths(project, tid, ["docx"]).items())
    assert names("acme") == [("acme/Jane-Doe-Cover-Letter.docx", ("letter", "docx")),
                             ("acme/Jane-Doe-Resume.docx", ("resume", "docx")), ("acme/report.md", ("report", "md"))]
    assert [kind for _, kind in names(GENERAL_BUILD)] == [("letter", "docx"), ("resume", "docx")]


def test_render_writes_one_document_in_the_format_its_name_says(tmp_path):
    profile = resumekit.load_profile(yaml.safe_load(JANE))
    path = resumekit.render(profile, tmp_path / "cv.docx")
    assert path == tmp_path / "cv.docx"
    assert "Built the churn model used by the retention team" in docx_text(path)
    letter = resumekit.render(profile, tmp_path / "letter.docx", document="letter")
    assert "Dear Hiring Manager," in docx_text(letter)


@pytest.mark.parametrize("name, document, message", [
    ("cv.odt", "resume", "unknown format 'odt' (from cv.odt)"), ("cv.docx", "cv", "unknown document 'cv'")])
def test_render_refuses_a_format_or_document_it_does_not_make(tmp_path, name, document, message):
    profile = resumekit.load_profile(yaml.safe_load(JANE))
    with pytest.raises(BuildError, match=message.replace("(", r"\(").replace(")", r"\)")):
        resumekit.render(profile, tmp_path / name, document=document)
    assert list(tmp_path.iterdir()) == []


# --- a failed build leaves the previous documents as they were ------------------------------


@pytest.fixture
def built_once(tmp_path):
    """A project with two targets, built once (resume and letter, PDF and DOCX); its config."""
    config = make_project(tmp_path / "project", targets={
        "a-first.yaml": "company: Acme\n",                       # a letter without a subject line
        "b-second.yaml": "title: Lead Analyst\ncompany: Globex\n",  # a letter with one
    })
    resumekit.build(config)
    return config


def test_an_invalid_profile_leaves_the_previous_files(built_once):
    before = snapshot(built_once.parent / "out")
    (built_once.parent / "profile.yaml").write_text(JANE.replace("startDate: 2022-03", "startDate: [2022]"))
    with pytest.raises(ProfileError):
        resumekit.build(built_once)
    assert snapshot(built_once.parent / "out") == before


def test_a_broken_theme_leaves_the_previous_files(built_once):
    before = snapshot(built_once.parent / "out")
    theme = built_once.parent / "broken"
    theme.mkdir()
    (theme / "resume.html").write_text("<h1>{{ doc.name </h1>\n")  # an unclosed tag
    (theme / "letter.html").write_text("<h1>{{ doc.name </h1>\n")
    built_once.write_text(built_once.read_text() + "theme: broken\n")
    try:
        result = resumekit.build(built_once)
    except Exception:  # noqa: BLE001 (how it fails is cli/test_commands.py's business; what it leaves is ours)
        pass
    else:
        assert not result.ok
    assert snapshot(built_once.parent / "out") == before


def test_a_target_that_fails_midway_keeps_all_its_previous_files(built_once):
    out = built_once.parent / "out"
    before = snapshot(out / "b-second")
    theme = built_once.parent / "midway"
    theme.mkdir()
    # A new look for every resume; a letter template that fails only when the letter has a
    # subject line: b-second's resume renders, then its letter fails.
    (theme / "resume.html").write_text("<html><body><h1>{{ doc.name }}</h1></body></html>\n")
    (theme / "letter.html").write_text(
        "<html><body><p>{{ doc.name }}</p>{% if doc.subject %}{{ doc.no_such_field }}{% endif %}</body></html>\n")
    built_once.write_text(built_once.read_text() + "theme: midway\n")
    try:
        result = resumekit.build(built_once)
    except Exception:  # noqa: BLE001
        pass
    else:
        assert [f.target for f in result.failures] == ["b-second"]
    assert snapshot(out / "b-second") == before


# --- no network ----------------------------------------------------------------------------


def test_a_remote_photo_is_warned_about_and_never_fetched(tmp_path, web_server):
    url, hits = web_server
    profile = JANE.replace("  name: Jane Doe\n", f"  name: Jane Doe\n  image: {url}/photo.jpg\n")
    config = make_project(tmp_path, profile=profile, formats=["pdf"], documents=["resume"])
    result = resumekit.build(config)
    assert hits == []
    assert any("basics.image" in w and f"{url}/photo.jpg" in w for w in result.warnings)
