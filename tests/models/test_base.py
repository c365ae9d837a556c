"""The shared field types: JSON Resume dates (and their arithmetic), end dates, tagged text."""

from __future__ import annotations

import datetime as dt

import pytest

import resumekit
from resumekit import ProfileError, load_profile
from resumekit.models.base import before, date_parts, first_day

from ..helpers import problems_of, write


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


@pytest.mark.parametrize("value", ["current", "Now"])
def test_current_and_now_are_other_ways_to_say_present(value):
    assert load_profile({"work": [{"endDate": value}]}).work[0].endDate == "present"


def test_a_yes_no_value_given_as_a_date_says_how_yaml_read_it():
    [problem] = problems_of({"work": [{"startDate": True}]})
    assert problem.field == "work[0].startDate"
    assert "not true (YAML reads yes/no/on/off as true/false)" in problem.message


def test_an_absent_end_date_means_ongoing():
    assert load_profile({"work": [{"startDate": "2022-03"}]}).work[0].endDate is None


def test_a_highlight_is_a_string_or_text_with_tags():
    work = load_profile({"work": [{"highlights": [
        "Built the churn model",
        {"text": "Presented findings to the VP", "tags": ["communication"]},
    ]}]}).work[0]
    assert [(h.text, h.tags) for h in work.highlights] == [
        ("Built the churn model", []), ("Presented findings to the VP", ["communication"])]


@pytest.mark.parametrize("start, end, wrong", [
    ("2020-05", "2019", True), ("2020-05", "2020", False), ("2020-05-10", "2020-05-01", True),
    ("2020", "2020-01", False), ("2021", "present", False),
])
def test_an_end_date_before_its_start_date_is_a_located_problem(tmp_path, start, end, wrong):
    text = f"work:\n  - name: Globex\n    startDate: '{start}'\n    endDate: '{end}'\n"
    if not wrong:
        load_profile(write(tmp_path / "profile.yaml", text))
        return
    [problem] = problems_of(write(tmp_path / "profile.yaml", text))
    assert (problem.line, problem.field) == (4, "work[0].endDate")
    assert "before the startDate" in problem.message


def test_dates_of_different_precision_are_compared_at_the_one_they_share() -> None:
    assert not before("2026-10-01", "2026-10")
    assert not before("2026-10", "2026-10-31")
    assert before("2026-09-30", "2026-10")
    resumekit.load_feedback({"applications": [
        {"id": "a", "employer": "Globex", "applied": "2026-10", "rejected": "2026-10-01"}]})


@pytest.mark.parametrize("value, parts", [("2024", (2024,)), ("2024-06", (2024, 6)), ("2024-06-30", (2024, 6, 30))])
def test_a_date_reads_as_numbers_to_sort_by(value, parts):
    assert date_parts(value) == parts


def test_dates_sort_as_numbers_not_as_text():
    assert sorted(["2024-10", "2024-09", "2023-12"], key=date_parts) == ["2023-12", "2024-09", "2024-10"]


@pytest.mark.parametrize("value, day", [
    ("2024", dt.date(2024, 1, 1)), ("2024-06", dt.date(2024, 6, 1)), ("2024-06-30", dt.date(2024, 6, 30))])
def test_the_first_day_a_date_can_mean(value, day):
    assert first_day(value) == day
