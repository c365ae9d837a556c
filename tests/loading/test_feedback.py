"""Loading feedback: from a file, a folder, a mapping or the profile; every mistake located."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

import resumekit
from resumekit.errors import FeedbackError
from resumekit.loading.feedback import inline_feedback, read_feedback
from resumekit.loading import read_profile

from ..feedback_fixtures import BAD_FEEDBACK, PROFILES, SAM, SAM_FEEDBACK, BadCase
from ..helpers import make_project, write

FILE_CASES = [c for c in BAD_FEEDBACK if not c.name.startswith("extend")]
"""Mistakes a feedback file shows on its own (an ``extend`` needs the profile to check)."""


def test_the_example_feedback_loads() -> None:
    feedback = resumekit.load_feedback(PROFILES / "feedback.yaml")
    assert [a.id for a in feedback.applications] == [
        "acme-senior-analyst-2026", "northwind-clinical-lead-2026", "lakeshore-health-analyst-2026"]
    assert [i.id for i in feedback.improvements] == [
        "code-for-good-lead", "toastmasters-presentation", "fernhill-analysis-reviews"]
    acme = feedback.applications[0]
    assert acme.rejected == "2026-10-01" and acme.contact and acme.contact.name == "Dana Lee"
    # Areas the user gave are kept; the ones left out are inferred later, not written in.
    assert [p.areas for p in acme.feedback] == [["leadership"], []]


def test_yaml_dates_are_read_as_json_resume_dates(tmp_path: Path) -> None:
    feedback = resumekit.load_feedback(write(tmp_path / "f.yaml", SAM_FEEDBACK))
    app = feedback.applications[0]
    assert (app.applied, app.rejected, app.feedbackReceived) == ("2026-09-01", "2026-10-01", "2026-10-09")


def test_area_names_are_normalised_on_loading() -> None:
    feedback = resumekit.load_feedback({
        "applications": [{"id": "a", "employer": "Globex",
                          "feedback": [{"text": "x", "areas": ["Problem Solving"]}]}],
        "improvements": [{"id": "i", "addresses": ["Leadership"],
                          "add": {"certificates": [{"name": "C"}]}}]})
    assert feedback.applications[0].feedback[0].areas == ["problem-solving"]
    assert feedback.improvements[0].addresses == ["leadership"]


@pytest.mark.parametrize("case", FILE_CASES, ids=lambda c: c.name)
def test_each_mistake_is_reported_at_its_line_and_column(tmp_path: Path, case: BadCase) -> None:
    path = write(tmp_path / "feedback.yaml", case.text)
    with pytest.raises(FeedbackError) as caught:
        resumekit.load_feedback(path)
    [problem] = caught.value.problems
    assert (problem.file, (problem.line, problem.column)) == (str(path), case.place())
    assert case.message in problem.message
    assert f"{path}:{problem.line}:{problem.column}:" in str(caught.value)


def test_every_mistake_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    path = write(tmp_path / "feedback.yaml", """\
applications:
  - id: a
    employer: Globex
    applied: 2026-09-01
    rejected: 2026-08-01
improvements:
  - id: i
    addresses: [leadrship]
    prompted_by: [b]
    add: {}
""")
    with pytest.raises(FeedbackError) as caught:
        resumekit.load_feedback(path)
    assert [(p.line, p.field) for p in caught.value.problems] == [
        (5, "applications[0].rejected"), (7, "improvements[0]"),
        (8, "improvements[0].addresses[0]"), (9, "improvements[0].prompted_by[0]")]


def test_a_field_of_the_wrong_kind_is_located(tmp_path: Path) -> None:
    path = write(tmp_path / "feedback.yaml", """\
applications:
  - id: a
    employer: Globex
    rejected: last tuesday
""")
    with pytest.raises(FeedbackError) as caught:
        resumekit.load_feedback(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.column, problem.field) == (4, 15, "applications[0].rejected")
    assert "is not a date" in problem.message


def test_an_id_that_is_not_a_slug_is_explained(tmp_path: Path) -> None:
    path = write(tmp_path / "feedback.yaml", "applications:\n  - id: Acme Corp!\n    employer: Acme\n")
    with pytest.raises(FeedbackError) as caught:
        resumekit.load_feedback(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (2, 9)
    assert "'Acme Corp!' is not a valid id" in problem.message


def test_an_unknown_key_warns_with_a_suggestion_and_strict_refuses_it(tmp_path: Path) -> None:
    path = write(tmp_path / "feedback.yaml", SAM_FEEDBACK.replace("    prompted_by:", "    prompted_bye:"))
    loaded = read_feedback(path)
    [warning] = loaded.warnings
    assert (warning.line, warning.column, warning.severity) == (14, 5, "warning")
    assert "did you mean 'prompted_by'?" in warning.message
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        resumekit.load_feedback(path)
    with pytest.raises(FeedbackError, match="prompted_bye"):
        resumekit.load_feedback(path, strict=True)


# --- project areas ----------------------------------------------------------------------------


def test_a_project_area_is_accepted_when_the_project_defines_it() -> None:
    data = {"applications": [{"id": "a", "employer": "Globex",
                              "feedback": [{"text": "Two incidents.", "areas": ["safety"]}]}],
            "improvements": [{"id": "osha", "addresses": ["Safety"],
                              "add": {"certificates": [{"name": "OSHA 10"}]}}]}
    with pytest.raises(FeedbackError, match="unknown feedback area 'safety'"):
        resumekit.load_feedback(data)
    feedback = resumekit.load_feedback(data, areas={"safety": ["incident", "hazard"]})
    assert feedback.improvements[0].addresses == ["safety"]


# --- a folder of files ------------------------------------------------------------------------


def test_feedback_from_a_folder_of_files_is_merged_in_name_order(tmp_path: Path) -> None:
    apps, _, imps = SAM_FEEDBACK.partition("improvements:\n")
    write(tmp_path / "fb" / "1-applications.yaml", apps)
    write(tmp_path / "fb" / "2-improvements.yml", "improvements:\n" + imps)
    write(tmp_path / "fb" / "notes.txt", "not feedback")
    feedback = resumekit.load_feedback(tmp_path / "fb")
    assert [a.id for a in feedback.applications] == ["globex-2026"]
    assert [i.id for i in feedback.improvements] == ["meetup-organiser"]


def test_a_reference_across_files_of_a_folder_is_checked_where_it_is_written(tmp_path: Path) -> None:
    apps, _, imps = SAM_FEEDBACK.partition("improvements:\n")
    write(tmp_path / "fb" / "a.yaml", apps)
    bad = write(tmp_path / "fb" / "b.yaml", "improvements:\n" + imps.replace("[globex-2026]", "[globex-2062]"))
    with pytest.raises(FeedbackError) as caught:
        resumekit.load_feedback(tmp_path / "fb")
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.column) == (str(bad), 4, 19)


def test_a_duplicate_id_across_files_names_the_second_file(tmp_path: Path) -> None:
    apps = SAM_FEEDBACK.partition("improvements:\n")[0]
    write(tmp_path / "fb" / "a.yaml", apps)
    second = write(tmp_path / "fb" / "b.yaml", apps)
    with pytest.raises(FeedbackError) as caught:
        resumekit.load_feedback(tmp_path / "fb")
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.column) == (str(second), 2, 9)
    assert "used twice" in problem.message


def test_mistakes_in_several_files_of_a_folder_are_all_reported(tmp_path: Path) -> None:
    write(tmp_path / "fb" / "a.yaml", "applications:\n  - id: a\n")
    write(tmp_path / "fb" / "b.yaml", "applications: [oops\n")
    with pytest.raises(FeedbackError) as caught:
        resumekit.load_feedback(tmp_path / "fb")
    assert [Path(p.file).name for p in caught.value.problems] == ["a.yaml", "b.yaml"]
    assert all(p.line for p in caught.value.problems)


def test_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "fb").mkdir()
    with pytest.raises(FeedbackError, match="no feedback files"):
        resumekit.load_feedback(tmp_path / "fb")


def test_a_missing_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(FeedbackError, match="file not found"):
        resumekit.load_feedback(tmp_path / "nowhere.yaml")


# --- inline, under the profile's feedback: key ------------------------------------------------


def _inline_profile(feedback: str) -> str:
    return SAM + "feedback:\n" + "".join(f"  {line}\n" for line in feedback.splitlines())


def test_feedback_under_the_profile_feedback_key_loads(tmp_path: Path) -> None:
    path = write(tmp_path / "profile.yaml", _inline_profile(SAM_FEEDBACK))
    doc = inline_feedback(read_profile(path).document)
    assert doc is not None
    feedback = read_feedback(doc).model
    assert [i.id for i in feedback.improvements] == ["meetup-organiser"]


def test_a_profile_without_a_feedback_key_has_no_inline_feedback(tmp_path: Path) -> None:
    assert inline_feedback(read_profile(write(tmp_path / "profile.yaml", SAM)).document) is None


def _inline_problem(tmp_path: Path, old: str, new: str) -> tuple[Any, str, Path]:
    """The one problem reading a profile's inline feedback gives with ``old`` made ``new``,
    with the profile's text and path."""
    text = _inline_profile(SAM_FEEDBACK.replace(old, new))
    path = write(tmp_path / "profile.yaml", text)
    doc = inline_feedback(read_profile(path).document)
    assert doc is not None
    with pytest.raises(FeedbackError) as caught:
        read_feedback(doc)
    [problem] = caught.value.problems
    return problem, text, path


def test_a_mistake_in_inline_feedback_names_the_profile_line_and_the_full_field(tmp_path: Path) -> None:
    problem, text, path = _inline_problem(tmp_path, "addresses: [leadership]", "addresses: [leadrship]")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "leadrship" in t)
    assert (problem.file, problem.line) == (str(path), line)
    assert problem.field == "feedback.improvements[0].addresses[0]"


def test_a_schema_mistake_in_inline_feedback_names_the_full_field(tmp_path: Path) -> None:
    problem, text, _ = _inline_problem(tmp_path, "rejected: 2026-10-01", "rejected: soon")
    assert problem.field == "feedback.applications[0].rejected"
    assert problem.line == next(n for n, t in enumerate(text.splitlines(), 1) if "soon" in t)


def test_hidden_files_in_a_feedback_folder_are_not_feedback(tmp_path):
    config = make_project(tmp_path, formats=["docx"], feedback="feedback/")
    (tmp_path / "feedback").mkdir()
    (tmp_path / "feedback" / "2026.yaml").write_text("applications: []\n", encoding="utf-8")
    (tmp_path / "feedback" / ".#2026.yaml").write_text("not: [yaml", encoding="utf-8")  # an editor's lock
    assert resumekit.build(config).ok
