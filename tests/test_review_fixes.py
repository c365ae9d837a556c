"""Inputs a review found that ended in a traceback or a wrong "up to date"; each now behaves."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import resumekit
from resumekit import ProfileError
from resumekit.documents import Link
from resumekit.errors import BuildError
from resumekit.rendering.layout import contact_rows
from resumekit.rendering.theme import builtin_themes_dir
from resumekit.tailoring.text import tokens

from .helpers import make_project


@pytest.mark.parametrize("text, message", [
    ('basics:\n  name: "Jane \\x07 Doe"\n', "control character (U+0007)"),
    ('work:\n  - highlights: ["a \\ud800 b"]\n', "control character (U+D800)"),
    ("work:\n  - startDate: 2020-02-30\n", "'2020-02-30' is not a real date"),
])
def test_text_documents_cannot_carry_is_a_located_problem(tmp_path, text, message):
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        resumekit.load_profile(path)
    [problem] = caught.value.problems
    assert problem.line is not None and message in problem.message


def test_a_theme_folder_made_after_a_build_is_noticed(tmp_path):
    config = make_project(tmp_path, formats=["docx"])
    assert resumekit.build(config).built
    assert not resumekit.build(config).built  # up to date
    shutil.copytree(builtin_themes_dir() / "classic", tmp_path / "classic")  # now shadows the built-in
    assert resumekit.build(config).built


def test_hidden_files_in_a_feedback_folder_are_not_feedback(tmp_path):
    config = make_project(tmp_path, formats=["docx"], feedback="feedback/")
    (tmp_path / "feedback").mkdir()
    (tmp_path / "feedback" / "2026.yaml").write_text("applications: []\n", encoding="utf-8")
    (tmp_path / "feedback" / ".#2026.yaml").write_text("not: [yaml", encoding="utf-8")  # an editor's lock
    assert resumekit.build(config).ok


def test_an_output_folder_that_cannot_be_made_is_a_build_error(tmp_path):
    config = make_project(tmp_path, formats=["docx"], output="out")
    (tmp_path / "out").write_text("a file in the way", encoding="utf-8")
    with pytest.raises(BuildError, match="cannot write"):
        resumekit.build(config)


def test_many_contact_links_are_laid_out_at_once():
    links = [Link(f"profile-{i}", None, "website") for i in range(40)]
    rows = contact_rows(links)
    assert [link for row in rows for link in row] == links


def test_words_with_accents_stay_whole():
    assert tokens("Führung, naïve résumé") == ["Führung", "naïve", "résumé"]


def test_a_requirement_that_is_only_preferred_weighs_as_a_nice_to_have():
    from resumekit.models.target import Target
    from resumekit.tailoring.terms import NICE, REQUIRED, extract_terms

    job = Target.model_validate({"title": "Analyst", "qualifications": [
        "Strong SQL", "Tableau experience preferred", "Pay: $60k DOE"]})
    kinds = {t.name: t.kind for t in extract_terms(job)}
    assert kinds["SQL"] == REQUIRED and kinds["Tableau"] == NICE
    assert "DOE" not in kinds


def test_an_up_to_date_build_still_repeats_the_last_warnings(tmp_path):
    config = make_project(tmp_path, formats=["docx"])
    profile = tmp_path / "profile.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "hobbys: [chess]\n", encoding="utf-8")
    first = resumekit.build(config)
    again = resumekit.build(config)
    assert first.built and not again.built
    assert any("hobbys" in w for w in again.warnings)


def test_only_web_mail_and_phone_links_reach_a_document():
    from resumekit.documents import Entry

    assert Link("me", "javascript:alert(1)").url is None
    assert Entry(title="X", url="file:///etc/passwd").url is None
    assert Link("me", "https://example.com/me").url == "https://example.com/me"
    assert Link("me", "mailto:me@example.com").url == "mailto:me@example.com"


def test_asking_for_a_target_that_is_not_there_is_a_command_line_error(tmp_path):
    from .helpers import run_cli

    config = make_project(tmp_path, formats=["docx"])
    done = run_cli("build", "-c", str(config), "--target", "nope")
    assert done.returncode == 2
    assert "no target 'nope'" in done.stderr and "Traceback" not in done.stderr


def test_letters_the_theme_fonts_cannot_draw_are_warned_about(tmp_path):
    profile = 'basics:\n  name: "山田 太郎"\n  label: "Ωμέγα analyst"\n'
    config = make_project(tmp_path, profile=profile, formats=["pdf"], documents=["resume"])
    warnings = resumekit.build(config).warnings
    [warning] = [w for w in warnings if "fonts have no letters" in w]
    assert "山" in warning and "Ω" not in warning  # Lato draws Greek, not Japanese


def test_the_example_needs_no_letters_the_theme_lacks(tmp_path):
    from .helpers import PROFILES

    shutil.copytree(PROFILES, tmp_path / "p", ignore=shutil.ignore_patterns("out"))
    result = resumekit.build(tmp_path / "p" / "resumekit.yaml", targets=["general"], formats=["pdf"])
    assert not [w for w in result.warnings if "fonts have no letters" in w]
