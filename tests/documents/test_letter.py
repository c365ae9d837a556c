"""The cover letter: its parts from the profile and the target, the growth paragraph of a
re-application, and the highlights it brings forward.

The growth paragraph is built from improvements only: never the employer's words, never
anyone's name, and only for a re-application.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

import resumekit
from resumekit import load_profile, load_target
from resumekit.documents import Options, build_letter
from resumekit.documents.locale import Locale
from resumekit.documents.letter import (
    fresh_highlights, growth_paragraph, improvement_phrase, lead_in, letter_date,
)
from resumekit.models.areas import Taxonomy
from resumekit.models.feedback import Improvement

from ..feedback_fixtures import EXAMPLE_TARGETS, PROFILES, built_example, docx_text, mini_feedback, pdf_text, squash
from ..helpers import JANE
from ..tailoring_fixtures import LETTER, TARGETS, bullets, docx_paragraphs, flat, in_order

FEEDBACK_WORDS = ("Limited experience leading analytics projects", "hard to follow", "panel interview")
CONTACTS = ("Dana Lee", "dana.lee", "Marcus Bell", "marcus.bell")


@pytest.fixture(scope="module")
def feedback() -> resumekit.Feedback:
    return resumekit.load_feedback(PROFILES / "feedback.yaml")


def improvement(**fields: Any) -> Improvement:
    return Improvement.model_validate({"id": "x", "addresses": ["leadership"], **fields})


# --- the letter's parts ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def jane():
    return load_profile(yaml.safe_load(JANE))


def test_a_letter_is_addressed_to_the_job_and_its_recipient(jane):
    target = load_target({"title": "Lead Data Analyst", "company": "Acme Corp", "letterDate": "2026-02-03",
                          "letter": {"recipient": "Ms. Rivera", "why": "I use Acme's open data."}})
    letter = build_letter(jane, target, Options())
    assert letter.recipient == ("Ms. Rivera", "Acme Corp")
    assert letter.greeting == "Dear Ms. Rivera,"
    assert letter.subject == "Application for Lead Data Analyst"
    assert letter.paragraphs[0] == ("I am writing to apply for the Lead Data Analyst position at Acme Corp. "
                                    "I use Acme's open data.")
    assert letter.date == "February 3, 2026"


def test_a_letter_uses_the_profiles_defaults(jane):
    letter = build_letter(jane, None, Options(date="2026-01-15"))
    assert letter.greeting == "Dear Hiring Manager,"
    assert letter.after_bullets[-1] == "Thank you for your time and consideration."
    assert (letter.signoff, letter.signature) == ("Sincerely,", "Jane Doe")
    assert letter.date == "January 15, 2026"


def test_a_letter_brings_the_first_highlights_forward(jane):
    letter = build_letter(jane, None, Options(date="2026-01-15"))
    assert letter.bullets == ("Built the churn model used by the retention team",
                              "Presented quarterly findings to the VP of Sales",
                              "Automated the weekly TPS report, saving four hours a week")


def test_the_letter_is_dated_by_the_target_then_the_options_then_today(jane):
    dated = load_target({"title": "Lead", "letterDate": "2026-02-03"})
    assert letter_date(dated, Options(date="2026-01-15")).isoformat() == "2026-02-03"
    posted = load_target({"title": "Lead", "date": "2025-12-01"})  # when the job was posted
    assert letter_date(posted, Options(date="2026-01-15")).isoformat() == "2026-01-15"
    assert letter_date(posted, Options()) == dt.date.today()
    assert letter_date(load_target({"title": "Lead"}), Options(date="2026-01-15")).isoformat() == "2026-01-15"
    assert letter_date(None, Options()) == dt.date.today()


def test_a_letter_lists_the_given_highlights_instead_of_the_first_ones(jane):
    chosen = ("Automated the weekly TPS report, saving four hours a week",)
    assert build_letter(jane, None, Options(date="2026-01-15"), highlights=chosen).bullets == chosen


def test_the_letter_lists_only_highlights_the_resume_shows_and_the_growth_paragraph_does_not_tell(jane):
    chosen = ("Presented quarterly findings to the VP of Sales", "Invented by nobody",
              "Built the churn model used by the retention team",
              "Automated the weekly TPS report, saving four hours a week")
    growth = "Since I applied, I have worked on my leadership. I built the churn model used by the retention team."
    assert fresh_highlights(chosen, jane, growth) == (
        "Presented quarterly findings to the VP of Sales", "Automated the weekly TPS report, saving four hours a week")
    assert fresh_highlights(("Invented by nobody",), jane, None) is None


# --- what the paragraph says ------------------------------------------------------------------


def acme_paragraph(feedback: resumekit.Feedback) -> str:
    app = feedback.applications[0]
    paragraph = growth_paragraph(feedback, app, Taxonomy(), "Acme Health Analytics")
    assert paragraph is not None
    return paragraph


def test_the_paragraph_says_when_and_what_has_grown(feedback) -> None:
    assert acme_paragraph(feedback) == (
        "Since I applied for the Senior Data Analyst role in September 2026, I have worked on my "
        "leadership and communication skills. I became Volunteer Project Lead at Code for Good, where "
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
    assert paragraph == ("Since I applied for a role at Globex in September 2026, I have worked on my "
                         "leadership. I led six volunteers to ship a food-bank dashboard.")


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
    assert "worked on my leadership. I earned the Leading Teams certificate." in paragraph


def test_the_paragraph_tells_at_most_three_improvements_and_only_their_areas() -> None:
    certs = [{"id": f"c{i}", "addresses": [area], "prompted_by": ["globex-2026"],
              "add": {"certificates": [{"name": f"Course {i}", "date": "2026-11"}]}}
             for i, area in enumerate(["leadership", "communication", "technical", "culture"])]
    feedback = mini_feedback(*certs)
    paragraph = growth_paragraph(feedback, feedback.applications[0], Taxonomy())
    assert paragraph is not None
    assert "Course 2" in paragraph and "Course 3" not in paragraph
    # three areas would make a second list: the paragraph names none, and lists what was done once
    assert "worked on my" not in paragraph and "culture" not in paragraph
    assert paragraph.count(" and ") == 1 and paragraph.count(".") == 1


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


def test_an_undated_improvement_not_prompted_by_the_application_is_not_told_as_new() -> None:
    feedback = mini_feedback({"id": "old-course", "addresses": ["leadership"],
                              "add": {"certificates": [{"name": "Leading Teams"}]}})
    assert growth_paragraph(feedback, feedback.applications[0], Taxonomy()) is None


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
    assert "I have worked on my" not in text


def test_no_built_document_names_a_contact_or_quotes_feedback(out) -> None:
    documents = sorted(out.rglob("*.pdf")) + sorted(out.rglob("*.docx"))
    assert len(documents) == 4 * len(EXAMPLE_TARGETS)
    for path in documents:
        text = squash(pdf_text(path) if path.suffix == ".pdf" else docx_text(path)).lower()
        for words in CONTACTS + FEEDBACK_WORDS:
            assert squash(words).lower() not in text, f"{words!r} in {path}"


# --- the highlights a tailored letter lists ---------------------------------------------------


@pytest.mark.parametrize("tid, role, company", [
    ("acme-lead", "Lead Data Analyst", "Acme Health Analytics"),
    ("brightpath-analyst", "Data Analyst, Product Analytics", "BrightPath Learning"),
    ("riverside-nurse-educator", "Clinical Nurse Educator", "Riverside General Hospital"),
])
def test_the_letter_names_role_and_company(seeded_out, tid, role, company):
    for text in (docx_text(seeded_out / tid / f"{LETTER}.docx"), pdf_text(seeded_out / tid / f"{LETTER}.pdf")):
        assert flat(f"the {role} position at {company}") in flat(text)


@pytest.mark.parametrize("tid", TARGETS)
def test_the_letter_lists_the_strongest_matching_highlights(seeded_out, seeded_plans, tid):
    shown = bullets(seeded_out / tid / f"{LETTER}.docx")
    strongest = list(seeded_plans[tid].tailored.letter_highlights)
    assert len(shown) == 3
    assert all(b in strongest for b in shown)
    assert [strongest.index(b) for b in shown] == sorted(strongest.index(b) for b in shown)
    assert in_order(pdf_text(seeded_out / tid / f"{LETTER}.pdf"), shown)


def test_the_letter_lists_no_highlight_the_growth_paragraph_tells(seeded_out, seeded_plans):
    paragraphs = [text for _, text in docx_paragraphs(seeded_out / "acme-lead" / f"{LETTER}.docx")]
    [growth] = [p for p in paragraphs if p.startswith("Since I applied for")]
    plan = seeded_plans["acme-lead"]
    improved = [h.text for e in plan.profile.volunteer + plan.profile.work for h in e.highlights]
    told = [h for h in improved if h[1:].casefold() in growth.casefold()]
    assert told  # the paragraph tells what the improvements added ...
    shown = bullets(seeded_out / "acme-lead" / f"{LETTER}.docx")
    assert not set(told) & set(shown)  # ... and the list leaves them to it
    assert len(shown) == 3


def test_without_growth_the_letter_takes_the_top_three(seeded_out, seeded_plans):
    shown = bullets(seeded_out / "brightpath-analyst" / f"{LETTER}.docx")
    assert shown == list(seeded_plans["brightpath-analyst"].tailored.letter_highlights[:3])


# --- what the letter claims ---------------------------------------------------------------------


def test_highlights_that_answer_the_job_are_brought_in_by_naming_what_they_answer(jane):
    letter = build_letter(jane, load_target({"title": "Analyst"}), Options(date="2026-01-15"),
                          highlights=("Built the churn model used by the retention team",),
                          answers=("churn modeling", "SQL"))
    assert "churn modeling and SQL" in letter.paragraphs[-1]
    assert letter.bullets == ("Built the churn model used by the retention team",)


def test_with_nothing_answered_the_letter_claims_no_relevance(jane):
    letter = build_letter(jane, load_target({"title": "Analyst"}), Options(date="2026-01-15"),
                          highlights=("Built the churn model used by the retention team",), answers=())
    assert letter.paragraphs[-1] == Locale.load("en").text("letter.plainLeadIn")
    assert "bear on" not in " ".join(letter.paragraphs) and "speak to" not in " ".join(letter.paragraphs)


def test_lead_ins_vary_with_the_role_and_are_stable():
    said = {lead_in(("SQL",), role) for role in ("Analyst", "Data Analyst", "Nurse", "Teacher", "Designer")}
    assert len(said) > 1
    assert lead_in(("SQL",), "Analyst") == lead_in(("SQL",), "Analyst")


def test_a_bullet_the_growth_paragraph_tells_is_not_listed_again(jane):
    growth = "Since I applied, I have worked on my leadership. I built the churn model used by the retention team."
    letter = build_letter(jane, load_target({"title": "Analyst"}), Options(date="2026-01-15"), growth=growth,
                          highlights=("Built the churn model used by the retention team",
                                      "Presented quarterly findings to the VP of Sales"), answers=("SQL",))
    assert letter.bullets == ("Presented quarterly findings to the VP of Sales",)
