"""The file models: JSON Resume dates, resumekit's extensions, config defaults, errors."""

from __future__ import annotations

import datetime as dt

import pytest

import resumekit
from resumekit import ProfileError, TargetError, load_profile, load_target
from resumekit.errors import BuildError, ConfigError, FeedbackError, Problem
from resumekit.models import Config


def start_date(value):
    return load_profile({"work": [{"startDate": value}]}).work[0].startDate


@pytest.mark.parametrize("value, expected", [
    ("2024", "2024"),
    ("2024-06", "2024-06"),
    ("2024-06-30", "2024-06-30"),
    (2024, "2024"),                                  # YAML reads 2024 as a number
    (dt.date(2024, 6, 30), "2024-06-30"),            # and 2024-06-30 as a date
    (dt.datetime(2024, 6, 30, 9, 15), "2024-06-30"),
])
def test_json_resume_dates_are_accepted_in_every_form(value, expected):
    assert start_date(value) == expected


@pytest.mark.parametrize("value", ["2024-13", "2023-02-29", "24-06", "2013-12-021", "June 2024", 2024.5, 99])
def test_impossible_or_malformed_dates_are_refused(value):
    with pytest.raises(ProfileError) as info:
        start_date(value)
    assert info.value.problems[0].field == "work[0].startDate"


@pytest.mark.parametrize("value", ["present", "Present", "PRESENT"])
def test_present_means_an_ongoing_role(value):
    assert load_profile({"work": [{"endDate": value}]}).work[0].endDate == "present"


def test_an_absent_end_date_means_ongoing():
    assert load_profile({"work": [{"startDate": "2022-03"}]}).work[0].endDate is None


def test_a_highlight_is_a_string_or_text_with_tags():
    work = load_profile({"work": [{"highlights": [
        "Built the churn model",
        {"text": "Presented findings to the VP", "tags": ["communication"]},
    ]}]}).work[0]
    assert [(h.text, h.tags) for h in work.highlights] == [
        ("Built the churn model", []), ("Presented findings to the VP", ["communication"])]


def test_the_summary_is_a_string_or_tagged_variants():
    assert load_profile({"basics": {"summary": "Analyst."}}).basics.summary == "Analyst."
    variants = load_profile({"basics": {"summary": [
        {"text": "Analyst.", "tags": ["analytics"]}, {"text": "Lead.", "tags": ["leadership"]}]}}).basics.summary
    assert [v.text for v in variants] == ["Analyst.", "Lead."]


@pytest.mark.parametrize("section, entry", [
    ("work", {"name": "Globex"}), ("volunteer", {"organization": "Code for Good"}),
    ("education", {"institution": "State"}), ("awards", {"title": "Prize"}),
    ("certificates", {"name": "AWS"}), ("publications", {"name": "Paper"}),
    ("skills", {"name": "SQL"}), ("projects", {"name": "Dashboard"}),
])
def test_every_entry_may_carry_tags(section, entry):
    profile = load_profile({section: [{**entry, "tags": ["analytics"]}]})
    assert getattr(profile, section)[0].tags == ["analytics"]


def test_letter_defaults_come_from_the_profile():
    letter = load_profile({"letter": {"closing": "Thank you.", "signature": "J. Doe"}}).letter
    assert (letter.closing, letter.signature, letter.signoff) == ("Thank you.", "J. Doe", "Sincerely,")


def test_a_target_carries_resumekit_extensions():
    target = load_target({"title": "Lead", "emphasize": ["leadership"], "include": ["analytics"],
                          "exclude": ["retail"], "pages": 1, "application": "acme-2026",
                          "letter": {"recipient": "Ms. Rivera", "why": "I use your open data."}})
    assert (target.emphasize, target.include, target.exclude, target.pages) == (
        ["leadership"], ["analytics"], ["retail"], 1)
    assert (target.letter.recipient, target.letter.why) == ("Ms. Rivera", "I use your open data.")


def test_a_target_from_a_mapping_gets_a_usable_id():
    assert load_target({"title": "Lead"}).id == "target"


def test_an_explicit_target_id_wins_over_the_file_name(tmp_path):
    path = tmp_path / "acme.yaml"
    path.write_text("id: acme-lead-2026\ntitle: Lead\n")
    assert load_target(path).id == "acme-lead-2026"


def test_config_defaults_build_both_documents_in_both_formats():
    config = Config()
    assert (config.profile, config.output, config.formats, config.documents, config.theme, config.language) == (
        "profile.yaml", "out", ["pdf", "docx"], ["resume", "letter"], "classic", "en")


@pytest.mark.parametrize("error", [ProfileError, TargetError, ConfigError, FeedbackError])
def test_every_file_error_is_a_resumekit_error_carrying_its_problems(error):
    problem = Problem("profile.yaml", 3, 5, "basics.name", "must be text")
    raised = error([problem])
    assert isinstance(raised, resumekit.ResumekitError)
    assert raised.problems == [problem]


def test_a_build_error_is_a_resumekit_error():
    assert issubclass(BuildError, resumekit.ResumekitError)


@pytest.mark.parametrize("problem, text", [
    (Problem("p.yaml", 3, 5, "basics.name", "must be text"), "p.yaml:3:5: basics.name: must be text"),
    (Problem("p.yaml", 3, None, "", "bad"), "p.yaml:3: bad"),
    (Problem("p.yaml", None, None, "", "file not found"), "p.yaml: file not found"),
    (Problem("p.yaml", 2, 1, "x", "unknown key 'x'", "warning"), "p.yaml:2:1: x: warning: unknown key 'x'"),
])
def test_a_problem_reads_file_line_column_field_message(problem, text):
    assert str(problem) == text
