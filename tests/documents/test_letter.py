"""Re-applications: the earlier application is found, and the letter says what has grown.

The growth paragraph is built from improvements only: never the employer's words, never
anyone's name, and only for a re-application.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import resumekit
from resumekit.models.areas import Taxonomy
from resumekit.documents.letter import growth_paragraph, improvement_phrase
from resumekit.feedback.reapplication import answering, find_application
from resumekit.models import Target
from resumekit.models.feedback import Improvement

from ..feedback_fixtures import EXAMPLE_TARGETS, PROFILES, built_example, docx_text, pdf_text, squash

FEEDBACK_WORDS = ("Limited experience leading analytics projects", "hard to follow", "panel interview")
CONTACTS = ("Dana Lee", "dana.lee", "Marcus Bell", "marcus.bell")


@pytest.fixture(scope="module")
def feedback() -> resumekit.Feedback:
    return resumekit.load_feedback(PROFILES / "feedback.yaml")


def target(**fields: Any) -> Target:
    return Target.model_validate({"title": "Lead Data Analyst", **fields})


def improvement(**fields: Any) -> Improvement:
    return Improvement.model_validate({"id": "x", "addresses": ["leadership"], **fields})


def mini_feedback(*improvements: dict[str, Any], applied: str = "2026-09-20") -> resumekit.Feedback:
    return resumekit.load_feedback({
        "applications": [{"id": "globex-2026", "employer": "Globex", "applied": applied,
                          "rejected": "2026-10-01", "contact": {"name": "Dana Lee"},
                          "feedback": ["You have never managed anyone."]}],
        "improvements": list(improvements)})


# --- finding the earlier application ----------------------------------------------------------


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


# --- what the paragraph says ------------------------------------------------------------------


def acme_paragraph(feedback: resumekit.Feedback) -> str:
    app = feedback.applications[0]
    paragraph = growth_paragraph(feedback, app, Taxonomy(), "Acme Health Analytics")
    assert paragraph is not None
    return paragraph


def test_the_paragraph_says_when_and_what_has_grown(feedback) -> None:
    assert acme_paragraph(feedback) == (
        "Since I applied for the Senior Data Analyst role in September 2026, I have built on my "
        "leadership and communication skills: I became Volunteer Project Lead at Code for Good, where "
        "I led six volunteers to ship a food-bank inventory dashboard used by 3 pantries; earned the "
        "Pathways Level 1: Presentation Mastery certificate from Toastmasters International; and ran "
        "weekly analysis reviews for four analysts, turning each finding into a one-page written brief.")


def test_the_paragraph_never_quotes_the_feedback_or_names_the_contact(feedback) -> None:
    paragraph = acme_paragraph(feedback)
    for words in FEEDBACK_WORDS + CONTACTS + ("reject", "feedback"):
        assert words.lower() not in paragraph.lower()


def test_an_improvements_summary_is_how_the_paragraph_says_it() -> None:
    feedback = mini_feedback({"id": "meetup", "addresses": ["leadership"], "prompted_by": ["globex-2026"],
                              "summary": "Led six volunteers to ship a food-bank dashboard.",
                              "add": {"volunteer": [{"organization": "Data Meetup", "position": "Organiser"}]}})
    paragraph = growth_paragraph(feedback, feedback.applications[0], Taxonomy())
    assert paragraph == ("Since I applied for a role at Globex in September 2026, I have built on my "
                         "leadership: I led six volunteers to ship a food-bank dashboard.")


@pytest.mark.parametrize(("fields", "phrase"), [
    ({"add": {"certificates": [{"name": "Leading Teams", "issuer": "Coursera"}]}},
     "earned the Leading Teams certificate from Coursera"),
    ({"add": {"certificates": [{"name": "Google Data Analytics Certificate"}]}},
     "earned the Google Data Analytics Certificate"),
    ({"add": {"certificates": [{"name": "AWS Certified Cloud Practitioner"}]}},
     "earned the AWS Certified Cloud Practitioner"),
    ({"add": {"education": [{"institution": "Northgate", "studyType": "Certificate",
                             "area": "Management"}]}}, "completed a Certificate in Management at Northgate"),
    ({"add": {"projects": [{"name": "Churn Kit"}]}}, "built Churn Kit"),
    ({"add": {"awards": [{"title": "Mentor of the Year"}]}}, "received the Mentor of the Year"),
    ({"extend": [{"section": "work", "match": "Globex", "highlights": ["Mentored two analysts"]}]},
     "mentored two analysts"),
    ({"add": {"skills": [{"name": "Coaching"}]}}, ""),
])
def test_each_kind_of_improvement_has_a_phrase(fields: dict[str, Any], phrase: str) -> None:
    assert improvement_phrase(improvement(**fields)) == phrase


def test_an_improvement_with_no_phrase_does_not_lend_its_areas_to_the_paragraph() -> None:
    feedback = mini_feedback(
        {"id": "coaching", "addresses": ["leadership", "teamwork"], "prompted_by": ["globex-2026"],
         "add": {"skills": [{"name": "Coaching"}]}},
        {"id": "cert", "addresses": ["leadership"], "prompted_by": ["globex-2026"],
         "add": {"certificates": [{"name": "Leading Teams", "date": "2026-11"}]}})
    paragraph = growth_paragraph(feedback, feedback.applications[0], Taxonomy())
    assert paragraph is not None
    assert "teamwork" not in paragraph
    assert "built on my leadership: I earned the Leading Teams certificate." in paragraph


def test_the_paragraph_tells_at_most_three_improvements_and_only_their_areas() -> None:
    certs = [{"id": f"c{i}", "addresses": [area], "prompted_by": ["globex-2026"],
              "add": {"certificates": [{"name": f"Course {i}", "date": "2026-11"}]}}
             for i, area in enumerate(["leadership", "communication", "technical", "culture"])]
    feedback = mini_feedback(*certs)
    paragraph = growth_paragraph(feedback, feedback.applications[0], Taxonomy())
    assert paragraph is not None
    assert "Course 2" in paragraph and "Course 3" not in paragraph
    assert "leadership, communication skills, and technical skills:" in paragraph and "culture" not in paragraph


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


def test_an_improvement_for_another_area_is_not_told() -> None:
    feedback = mini_feedback({"id": "course", "addresses": ["technical"],
                              "add": {"certificates": [{"name": "SQL", "date": "2026-11"}]}})
    assert growth_paragraph(feedback, feedback.applications[0], Taxonomy()) is None


def test_with_nothing_done_since_there_is_no_paragraph() -> None:
    feedback = mini_feedback()
    assert growth_paragraph(feedback, feedback.applications[0], Taxonomy()) is None


def test_a_year_only_date_is_said_as_the_year() -> None:
    feedback = mini_feedback({"id": "c", "addresses": ["leadership"], "prompted_by": ["globex-2026"],
                              "add": {"certificates": [{"name": "Leading Teams"}]}}, applied="2026")
    paragraph = growth_paragraph(feedback, feedback.applications[0], Taxonomy())
    assert paragraph is not None and paragraph.startswith("Since I applied for a role at Globex in 2026, ")


# --- the built letters ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_example(tmp_path_factory)


def letter(out: Path, target_id: str, fmt: str) -> str:
    path = out / target_id / f"Maya-Okafor-Cover-Letter.{fmt}"
    return pdf_text(path) if fmt == "pdf" else docx_text(path)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_re_application_letter_has_the_growth_paragraph(out, fmt: str) -> None:
    text = squash(letter(out, "acme-lead", fmt))
    assert squash("Since I applied for the Senior Data Analyst role in September 2026") in text
    assert squash("became Volunteer Project Lead at Code for Good") in text


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_re_application_letter_names_no_contact_and_quotes_no_feedback(out, fmt: str) -> None:
    text = letter(out, "acme-lead", fmt)
    for words in CONTACTS + FEEDBACK_WORDS:
        assert squash(words).lower() not in squash(text).lower()


@pytest.mark.parametrize("target_id", ["brightpath-analyst", "general"])
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_letter_that_is_not_a_re_application_has_no_growth_paragraph(
    out, target_id: str, fmt: str,
) -> None:
    text = letter(out, target_id, fmt)
    assert "Since I applied" not in text
    assert "I have built on my" not in text


def test_no_built_document_names_a_contact_or_quotes_feedback(out) -> None:
    documents = sorted(out.rglob("*.pdf")) + sorted(out.rglob("*.docx"))
    assert len(documents) == 4 * len(EXAMPLE_TARGETS)
    for path in documents:
        text = squash(pdf_text(path) if path.suffix == ".pdf" else docx_text(path)).lower()
        for words in CONTACTS + FEEDBACK_WORDS:
            assert squash(words).lower() not in text, f"{words!r} in {path}"


def test_an_undated_improvement_not_prompted_by_the_application_is_not_told_as_new() -> None:
    feedback = mini_feedback({"id": "old-course", "addresses": ["leadership"],
                              "add": {"certificates": [{"name": "Leading Teams"}]}})
    assert growth_paragraph(feedback, feedback.applications[0], Taxonomy()) is None


def test_the_job_an_application_was_for_is_not_a_re_application_to_itself() -> None:
    feedback = mini_feedback()  # applied 2026-09-20
    assert find_application(feedback, target(company="Globex", date="2026-09-01")) is None
    assert find_application(feedback, target(company="Globex", date="2026-11-20")) is not None
    assert find_application(feedback, target(company="Globex")) is not None  # undated: can't tell
