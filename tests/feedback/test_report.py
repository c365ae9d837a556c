"""The feedback report: areas cited and why, what addresses them, and requests due."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import resumekit
from resumekit.models.areas import Taxonomy
from resumekit.feedback.report import Report, as_json, as_table, build_report, request_due
from resumekit.feedback.report import report_markdown as as_markdown

from ..feedback_fixtures import PROFILES

TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def feedback() -> resumekit.Feedback:
    return resumekit.load_feedback(PROFILES / "feedback.yaml")


@pytest.fixture(scope="module")
def report(feedback) -> Report:
    return build_report(feedback, Taxonomy(), TODAY)


def area(report: Report, name: str) -> Any:
    return next(a for a in report.areas if a.area == name)


def of(data: dict[str, Any], today: str = "2026-11-26", **areas: list[str]) -> Report:
    return build_report(resumekit.load_feedback(data, areas=areas or None), Taxonomy(areas or None),
                        dt.date.fromisoformat(today))


# --- areas ------------------------------------------------------------------------------------


def test_leadership_and_communication_are_cited_and_addressed(report) -> None:
    assert [(a.area, a.rejections, a.status) for a in report.areas[:2]] == [
        ("leadership", 1, "addressed"), ("communication", 1, "addressed")]
    assert area(report, "leadership").addressed_by == ["code-for-good-lead", "fernhill-analysis-reviews"]
    assert area(report, "communication").addressed_by == ["toastmasters-presentation", "fernhill-analysis-reviews"]


def test_areas_nobody_cited_are_listed_as_not_cited(report) -> None:
    assert {a.area for a in report.areas if a.status == "not cited"} == set(Taxonomy().names) - {
        "leadership", "communication"}


def test_a_given_area_says_it_was_given(report) -> None:
    [citation] = area(report, "leadership").cited_by
    assert citation.application == "acme-senior-analyst-2026"
    assert citation.inferred_from == []


def test_an_inferred_area_shows_the_words_it_came_from(report) -> None:
    [citation] = area(report, "communication").cited_by
    assert citation.text == "Answers in the panel interview were hard to follow."
    assert "hard to follow" in citation.inferred_from


def test_never_managed_anyone_is_counted_as_leadership_and_says_why() -> None:
    report = of({"applications": [{"id": "globex", "employer": "Globex", "rejected": "2026-10-01",
                                   "feedback": ["You have never managed anyone."]}]})
    [citation] = area(report, "leadership").cited_by
    assert "never managed anyone" in citation.inferred_from
    assert area(report, "leadership").status == "open"


def test_an_area_cited_by_more_rejections_comes_first_and_open_before_addressed() -> None:
    report = of({
        "applications": [
            {"id": "a", "employer": "A", "feedback": [{"text": "x", "areas": ["teamwork"]},
                                                       {"text": "y", "areas": ["technical"]}]},
            {"id": "b", "employer": "B", "feedback": [{"text": "z", "areas": ["technical"]},
                                                       {"text": "w", "areas": ["culture"]}]},
            {"id": "c", "employer": "C", "feedback": [{"text": "v", "areas": ["communication"]}]}],
        "improvements": [{"id": "i", "addresses": ["communication"],
                          "add": {"certificates": [{"name": "Speaking"}]}}]})
    assert [(a.area, a.rejections, a.status) for a in report.areas[:4]] == [
        ("technical", 2, "open"), ("teamwork", 1, "open"), ("culture", 1, "open"),
        ("communication", 1, "addressed")]


def test_two_points_of_one_rejection_count_it_once() -> None:
    report = of({"applications": [{"id": "a", "employer": "A", "feedback": [
        {"text": "x", "areas": ["technical"]}, "Weak SQL."]}]})
    assert area(report, "technical").rejections == 1
    assert len(area(report, "technical").cited_by) == 2


def test_a_project_area_is_reported_and_inferred() -> None:
    report = of({"applications": [{"id": "a", "employer": "A", "feedback": ["One incident too many."]}]},
                safety=["incident", "hazard"])
    [citation] = area(report, "safety").cited_by
    assert citation.inferred_from == ["incident"]
    assert area(report, "safety").description == "Defined in the project config."


# --- requests ---------------------------------------------------------------------------------


def test_a_request_is_due_a_week_after_the_rejection(feedback) -> None:
    northwind = feedback.applications[1]
    assert request_due(northwind) == dt.date(2026, 11, 24)
    assert request_due(feedback.applications[2]) is None


def test_the_example_has_an_overdue_request_on_the_26th(report) -> None:
    assert [(r.application, r.state, r.date) for r in report.requests] == [
        ("northwind-clinical-lead-2026", "overdue", "2026-11-24"),
        ("lakeshore-health-analyst-2026", "waiting for a decision", "2026-11-09")]


@pytest.mark.parametrize(("today", "state"), [
    ("2026-11-17", "due"), ("2026-11-20", "due"), ("2026-11-24", "due"), ("2026-11-25", "overdue")])
def test_a_request_is_due_until_its_date_and_overdue_after(feedback, today: str, state: str) -> None:
    report = build_report(feedback, Taxonomy(), dt.date.fromisoformat(today))
    northwind = next(r for r in report.requests if r.application == "northwind-clinical-lead-2026")
    assert (northwind.state, northwind.date) == (state, "2026-11-24")


def test_no_request_is_due_once_feedback_is_requested_received_or_written_down() -> None:
    report = of({"applications": [
        {"id": "asked", "employer": "A", "rejected": "2026-10-01", "feedbackRequested": "2026-10-03"},
        {"id": "answered", "employer": "B", "rejected": "2026-10-01", "feedbackReceived": "2026-10-05"},
        {"id": "noted", "employer": "C", "rejected": "2026-10-01", "feedback": ["Weak SQL."]}]})
    assert [(r.application, r.state) for r in report.requests] == [("asked", "waiting for feedback")]


def test_overdue_requests_come_first_then_the_earliest() -> None:
    report = of({"applications": [
        {"id": "later", "employer": "A", "rejected": "2026-11-25"},
        {"id": "waiting", "employer": "B", "applied": "2026-11-01"},
        {"id": "old", "employer": "C", "rejected": "2026-10-01"},
        {"id": "older", "employer": "D", "rejected": "2026-09-01"}]})
    assert [(r.application, r.state) for r in report.requests] == [
        ("older", "overdue"), ("old", "overdue"), ("later", "due"), ("waiting", "waiting for a decision")]


def test_contacts_are_left_out_unless_asked_for(feedback) -> None:
    hidden = build_report(feedback, Taxonomy(), TODAY)
    shown = build_report(feedback, Taxonomy(), TODAY, show_contacts=True)
    assert {r.contact for r in hidden.requests} == {""}
    assert shown.requests[0].contact == "Marcus Bell <marcus.bell@northwind.example>"


# --- renderings -------------------------------------------------------------------------------


def test_the_json_report_has_the_same_facts(report) -> None:
    data = json.loads(as_json(report))
    assert data["today"] == "2026-11-26"
    areas = {a["area"]: a for a in data["areas"]}
    assert areas["leadership"]["rejections"] == 1 and areas["leadership"]["status"] == "addressed"
    assert areas["communication"]["addressed_by"] == ["toastmasters-presentation", "fernhill-analysis-reviews"]
    assert "hard to follow" in areas["communication"]["cited_by"][0]["inferred_from"]
    assert data["requests"][0] == {
        "application": "northwind-clinical-lead-2026", "employer": "Northwind Clinics",
        "position": "Clinical Data Lead", "state": "overdue", "date": "2026-11-24", "contact": ""}


def test_the_markdown_report_has_the_same_facts(report) -> None:
    text = as_markdown(report)
    assert text.startswith("# Feedback report (2026-11-26)\n")
    assert ("| leadership | 1 | acme-senior-analyst-2026 (given) | code-for-good-lead, "
            "fernhill-analysis-reviews | addressed |") in text
    assert "| communication | 1 | acme-senior-analyst-2026 (from: 'hard to follow'" in text
    assert "- northwind-clinical-lead-2026 (Northwind Clinics, Clinical Data Lead): " \
           "feedback request overdue since 2026-11-24" in text
    assert "| teamwork |" not in text


def test_the_table_report_has_the_same_facts(report) -> None:
    text = as_table(report)
    lines = text.splitlines()
    assert lines[0] == "Feedback report, 2026-11-26"
    assert any(line.split()[:2] == ["leadership", "1"] and line.endswith("addressed") for line in lines)
    assert any("communication" in line and "(from: 'hard to follow'" in line for line in lines)
    assert "northwind-clinical-lead-2026 (Northwind Clinics, Clinical Data Lead): " \
           "feedback request overdue since 2026-11-24" in text


def test_a_due_request_says_when_to_send_it_by(feedback) -> None:
    report = build_report(feedback, Taxonomy(), dt.date(2026, 11, 20))
    assert "send a feedback request by 2026-11-24" in as_table(report)
    assert "send a feedback request by 2026-11-24" in as_markdown(report)


@pytest.mark.parametrize("render", [as_table, as_markdown, as_json])
def test_no_rendering_names_a_contact_unless_asked(feedback, render) -> None:
    hidden = render(build_report(feedback, Taxonomy(), TODAY))
    shown = render(build_report(feedback, Taxonomy(), TODAY, show_contacts=True))
    for name in ("Dana Lee", "dana.lee@", "Marcus Bell", "marcus.bell@"):
        assert name not in hidden
    assert "Marcus Bell" in shown


def test_with_nothing_recorded_the_report_says_nothing_is_due() -> None:
    report = of({})
    assert "nothing due" in as_table(report) and "nothing due" in as_markdown(report)
    assert json.loads(as_json(report))["requests"] == []


def test_feedback_no_area_was_found_for_is_listed_not_lost() -> None:
    point = "In the panel you seemed unsure how you'd handle a missed pickup."
    report = of({"applications": [{"id": "coastal", "employer": "Coastal", "rejected": "2026-11-01",
                                   "feedback": [point]}]})
    assert [(c.application, c.text) for c in report.unsorted] == [("coastal", point)]
    assert point in as_table(report) and point in as_markdown(report)
    assert json.loads(as_json(report))["unsorted"][0]["text"] == point
