"""The feedback model: applications and what they brought, improvements and what they add."""

from __future__ import annotations

import pytest

import resumekit
from resumekit.errors import FeedbackError


def problems_of(data) -> list:
    with pytest.raises(FeedbackError) as caught:
        resumekit.load_feedback(data)
    return caught.value.problems


def test_a_feedback_point_may_be_a_plain_string() -> None:
    feedback = resumekit.load_feedback({"applications": [
        {"id": "a", "employer": "Globex", "feedback": ["Never managed anyone."]}]})
    assert feedback.applications[0].feedback[0].text == "Never managed anyone."


@pytest.mark.parametrize("good", ["acme-analyst-2026", "acme_2026", "acme.2026", "2026-acme"])
def test_an_id_is_a_slug_of_letters_digits_and_dashes(good):
    assert resumekit.load_feedback({"applications": [{"id": good, "employer": "Acme"}]}).applications[0].id == good


@pytest.mark.parametrize("bad", ["Acme Corp!", "-acme", "acme/2026", ""])
def test_an_id_that_is_not_a_slug_is_refused(bad):
    [problem] = problems_of({"applications": [{"id": bad, "employer": "Acme"}]})
    assert problem.field == "applications[0].id"


def test_an_application_needs_an_employer():
    [problem] = problems_of({"applications": [{"id": "a"}]})
    assert (problem.field, problem.message) == ("applications[0].employer", "is required")


def test_an_improvement_must_address_at_least_one_area():
    [problem] = problems_of({"improvements": [{"id": "i", "addresses": [],
                                               "add": {"certificates": [{"name": "SQL"}]}}]})
    assert problem.field == "improvements[0].addresses"


def test_an_extension_names_a_section_with_highlights_and_brings_at_least_one():
    problems = problems_of({"improvements": [{"id": "i", "addresses": ["leadership"], "extend": [
        {"section": "education", "match": "State University", "highlights": ["Led the study group"]},
        {"section": "work", "match": "Globex", "highlights": []}]}]})
    assert [p.field for p in problems] == ["improvements[0].extend[0].section", "improvements[0].extend[1].highlights"]


def test_contacts_and_notes_are_kept_for_the_user_alone():
    app = resumekit.load_feedback({"applications": [{
        "id": "a", "employer": "Globex", "notes": "Call back in spring.",
        "contact": {"name": "Dana Lee", "email": "dana.lee@globex.example", "greeting": "Dana"}}]}).applications[0]
    assert (app.notes, app.contact.name, app.contact.greeting) == ("Call back in spring.", "Dana Lee", "Dana")
    assert app.interviewed is False
