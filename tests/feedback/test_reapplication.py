"""Re-applications: the earlier application a target follows up, and the improvements made since
that answer its feedback."""

from __future__ import annotations

from typing import Any

import pytest

import resumekit
from resumekit.feedback.reapplication import answering, cited_areas, find_application, improvement_date
from resumekit.models import Target
from resumekit.models.areas import Taxonomy

from ..feedback_fixtures import PROFILES, mini_feedback


@pytest.fixture(scope="module")
def feedback() -> resumekit.Feedback:
    return resumekit.load_feedback(PROFILES / "feedback.yaml")


def target(**fields: Any) -> Target:
    return Target.model_validate({"title": "Lead Data Analyst", **fields})


def test_the_application_a_target_names_is_found(feedback) -> None:
    found = find_application(feedback, resumekit.load_target(PROFILES / "targets" / "acme-lead.yaml"))
    assert found is not None and found.id == "acme-senior-analyst-2026"


def test_a_target_with_the_same_employer_is_a_re_application(feedback) -> None:
    found = find_application(feedback, target(company="Acme Health Analytics, Inc."))
    assert found is not None and found.id == "acme-senior-analyst-2026"
    assert find_application(feedback, target(company="the northwind clinics")).id == "northwind-clinical-lead-2026"


def test_the_latest_of_several_applications_to_one_employer_is_chosen() -> None:
    feedback = resumekit.load_feedback({"applications": [
        {"id": "old", "employer": "Globex", "rejected": "2025-03-01"},
        {"id": "new", "employer": "Globex Corp", "rejected": "2026-10-01"},
        {"id": "mid", "employer": "Globex", "rejected": "2025-11-01"}]})
    assert find_application(feedback, target(company="Globex")).id == "new"


@pytest.mark.parametrize("company", ["BrightPath Learning", "Acme", None])
def test_a_target_for_another_employer_is_not_a_re_application(feedback, company: str | None) -> None:
    assert find_application(feedback, target(company=company) if company else target()) is None


def test_without_feedback_or_target_there_is_no_re_application(feedback) -> None:
    assert find_application(None, target(company="Acme Health Analytics")) is None
    assert find_application(feedback, None) is None


def test_the_job_an_application_was_for_is_not_a_re_application_to_itself() -> None:
    feedback = mini_feedback()  # applied 2026-09-20
    assert find_application(feedback, target(company="Globex", date="2026-09-01")) is None
    assert find_application(feedback, target(company="Globex", date="2026-11-20")) is not None
    assert find_application(feedback, target(company="Globex")) is not None  # undated: can't tell


def test_an_improvement_made_before_the_earlier_application_is_not_presented_as_new() -> None:
    feedback = mini_feedback(
        {"id": "old-course", "addresses": ["leadership"],
         "add": {"certificates": [{"name": "Old Course", "date": "2024-05"}]}},
        {"id": "new-course", "addresses": ["leadership"], "date": "2026-10",
         "add": {"certificates": [{"name": "New Course"}]}})
    assert [i.id for i in answering(feedback, feedback.applications[0], Taxonomy())] == ["new-course"]


def test_an_improvement_the_user_says_the_application_prompted_is_always_told() -> None:
    feedback = mini_feedback({"id": "course", "addresses": ["technical"], "prompted_by": ["globex-2026"],
                              "add": {"certificates": [{"name": "SQL", "date": "2026-09"}]}})
    assert [i.id for i in answering(feedback, feedback.applications[0], Taxonomy())] == ["course"]


def test_an_improvement_for_an_area_the_feedback_inferred_is_told() -> None:
    # "never managed anyone" -> leadership, though the feedback named no area.
    feedback = mini_feedback({"id": "course", "addresses": ["leadership"],
                              "add": {"certificates": [{"name": "Leading Teams", "date": "2026-11"}]}})
    assert [i.id for i in answering(feedback, feedback.applications[0], Taxonomy())] == ["course"]


def test_the_areas_cited_are_the_given_ones_and_the_inferred_ones_in_first_cited_order() -> None:
    feedback = resumekit.load_feedback({"applications": [{"id": "a", "employer": "Globex", "feedback": [
        {"text": "Rambling answers.", "areas": ["communication"]},
        "You have never managed anyone.",
        {"text": "Hard to follow.", "areas": ["communication"]}]}]})
    assert cited_areas(feedback.applications[0], Taxonomy()) == ["communication", "leadership"]


def test_an_improvement_is_dated_by_its_date_or_else_by_the_earliest_of_what_it_adds() -> None:
    feedback = mini_feedback(
        {"id": "dated", "addresses": ["leadership"], "date": "2026-12",
         "add": {"certificates": [{"name": "A", "date": "2026-10"}]}},
        {"id": "by-entries", "addresses": ["leadership"],
         "add": {"certificates": [{"name": "B", "date": "2026-11-20"}],
                 "volunteer": [{"organization": "C", "startDate": "2026-10"}]}},
        {"id": "undated", "addresses": ["leadership"], "add": {"skills": [{"name": "Coaching"}]}})
    assert [improvement_date(i) for i in feedback.improvements] == ["2026-12", "2026-10", None]
