"""The interview sheet's content: which areas and requirements, which questions, whose
material beside them, and plain advice where feedback named the interview itself."""

from __future__ import annotations

from pathlib import Path

import pytest

import resumekit
from resumekit.building.project import load_project
from resumekit.documents.interview import (BANK_DIR, area_material, build_interview, interview_feedback, practise_advice,
                                           question_bank, raised_areas, shown_areas, strongest_requirements)
from resumekit.documents.locale import builtin_languages
from resumekit.feedback.reapplication import find_application
from resumekit.models.areas import Taxonomy
from resumekit.tailoring import tailor

from ..helpers import PROFILES, write

BANK = question_bank("en")


@pytest.fixture(scope="module")
def project():
    return load_project(PROFILES / "resumekit.yaml")


def _sheet(project, tid: str, bank=BANK):
    target = project.target(tid)
    tailored = tailor(project.profile, target, project.feedback, project.taxonomy)
    return build_interview(tailored, project.feedback, project.taxonomy,
                           find_application(project.feedback, target), bank)


def test_a_re_application_practises_the_areas_its_employer_raised_first(project) -> None:
    sheet = _sheet(project, "acme-lead")
    assert [t.key for t in sheet.areas] == ["leadership", "communication"]
    leadership = sheet.areas[0]
    assert leadership.questions == tuple(BANK.get("areas.leadership.questions"))
    assert leadership.context == "Raised in feedback from Acme Health Analytics"
    assert leadership.said == ("Limited experience leading analytics projects or managing people.",)
    assert sheet.subtitle == "Lead Data Analyst at Acme Health Analytics"


def test_material_is_the_persons_own_text_improvements_first(project) -> None:
    sheet = _sheet(project, "acme-lead")
    written = str(project.profile.model_dump())
    for topic in (*sheet.areas, *sheet.requirements):
        for item in topic.material:  # an entry's fields are joined as the resume joins them
            assert all(piece in written for piece in item.text.split(" \u00b7 ")), item
            assert item.where in written
    communication = sheet.areas[1].material
    assert all(m.improvement for m in communication)  # three improvements answer it
    assert {m.improvement for m in communication} == {"fernhill-analysis-reviews", "code-for-good-lead"}
    assert "Ran fortnightly planning and demo sessions with the pantry coordinators" in {m.text for m in communication}


def test_another_employers_job_still_practises_what_earlier_feedback_raised(project) -> None:
    sheet = _sheet(project, "brightpath-analyst")
    assert {t.key for t in sheet.areas} == {"leadership", "communication"}
    assert sheet.areas[0].context == "Raised in feedback from Acme Health Analytics"


def test_the_strongest_requirements_are_asked_by_their_kind(project) -> None:
    target = project.target("acme-lead")
    tailored = tailor(project.profile, target, project.feedback, project.taxonomy)
    chosen = strongest_requirements(tailored)
    assert len(chosen) == 4 and all(r.public_kind != "nice" for r in chosen)
    sheet = _sheet(project, "acme-lead")
    for topic, requirement in zip(sheet.requirements, chosen):
        assert topic.title == requirement.text
        assert topic.questions == tuple(BANK.get(f"requirements.{requirement.public_kind}"))
    lead = next(t for t in sheet.requirements if t.title.startswith("Lead a team"))
    assert lead.material[0].text.startswith("Ran weekly analysis reviews for four analysts")


@pytest.mark.parametrize("said, advice", [
    (["Answers in the panel interview were hard to follow."], ["Structure:"]),
    (["Your interview answers were long and hard to follow."], ["Structure:", "Length:"]),
    (["In the interview you seemed nervous."], ["Confidence:"]),
    (["The panel wanted more."], ["Do a mock interview"]),
])
def test_feedback_on_the_interview_itself_says_what_to_practise(said, advice) -> None:
    assert [a.split()[0] if a.split()[0].endswith(":") else a[:19] for a in practise_advice(said, BANK)] == advice


def test_words_are_found_whole_and_in_scripts_without_spaces_anywhere() -> None:
    assert practise_advice(["You were shortlisted; the interview went well."], BANK) == [
        BANK.raw("practise.general.advice").strip()]
    japanese = question_bank("ja")
    assert practise_advice(["面接の回答が長すぎました。"], japanese)[0].startswith("長さ")


def test_only_points_about_the_interview_ask_for_interview_practice() -> None:
    feedback = resumekit.load_feedback({"applications": [{"id": "a", "employer": "A", "feedback": [
        "We needed more SQL.", "Your answers in the technical interview wandered."]}]})
    assert interview_feedback(feedback, BANK) == ["Your answers in the technical interview wandered."]
    assert practise_advice([], BANK) == []


def test_areas_of_ones_own_and_emphasized_ones_have_questions() -> None:
    taxonomy = Taxonomy({"stakeholder-management": ["stakeholders"]})
    feedback = resumekit.load_feedback({"applications": [{"id": "a", "employer": "A", "feedback": [
        {"text": "Weak with stakeholders.", "areas": ["stakeholder-management"]}]}]},
        areas={"stakeholder-management": ["stakeholders"]})
    areas = raised_areas(feedback, taxonomy, None, ["motivation"])
    assert [(a, [x.id for x in apps]) for a, apps in areas] == [("stakeholder-management", ["a"]), ("motivation", [])]


def test_words_in_the_persons_text_show_an_area() -> None:
    taxonomy = Taxonomy()
    assert "leadership" in shown_areas("Led six volunteers to ship a dashboard", taxonomy)
    assert "leadership" in shown_areas("Mentor analysts on SQL", taxonomy)
    assert shown_areas("Wrote SQL", taxonomy) <= {"technical"}


def test_a_projects_own_bank_file_changes_only_what_it_holds(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    write(locales / "interview" / "en.yaml",
          "areas:\n  leadership:\n    questions: [\"When did you last take charge?\"]\n")
    bank = question_bank("en", [locales])
    assert bank.get("areas.leadership.questions") == ["When did you last take charge?"]
    assert bank.get("areas.leadership.title") == "Leadership"
    assert bank.get("areas.communication.questions") == BANK.get("areas.communication.questions")


def test_the_material_of_an_area_nothing_shows_is_empty(project) -> None:
    target = project.target("acme-lead")
    tailored = tailor(project.profile, target, project.feedback, project.taxonomy)
    assert area_material("culture", tailored, project.taxonomy) == []


def _shape(value: object, path: str = "") -> dict[str, object]:
    """Every key of a bank with the blanks its text names (a list: that it is a list)."""
    import re

    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in _shape(item, f"{path}.{key}".strip(".")).items()}
    if isinstance(value, list):
        return {path: "list"}
    return {path: sorted(set(re.findall(r"{(\w+)}", str(value))))}


@pytest.mark.parametrize("tag", [p.stem for p in sorted(BANK_DIR.glob("*.yaml")) if p.stem != "en"])
def test_every_bank_asks_every_question_english_has_with_the_same_blanks(tag) -> None:
    import yaml

    english = _shape(yaml.safe_load((BANK_DIR / "en.yaml").read_text(encoding="utf-8")))
    own = _shape(yaml.safe_load((BANK_DIR / f"{tag}.yaml").read_text(encoding="utf-8")))
    assert own == english
    bank = question_bank(tag)
    assert bank.has_phrases and bank.text("at", title="T", company="C") != "T at C"


def test_every_language_resumekit_writes_has_a_bank() -> None:
    assert sorted(p.stem for p in BANK_DIR.glob("*.yaml")) == builtin_languages()


def test_a_sheet_in_german_asks_in_german_and_one_in_arabic_runs_right_to_left(project) -> None:
    for tag, words, direction in (("de", "Führung", "ltr"), ("ar", "القيادة", "rtl")):
        sheet = _sheet(project, "acme-lead", question_bank(tag))
        assert (sheet.areas[0].title, sheet.direction, sheet.language) == (words, direction, tag)
    german = _sheet(project, "acme-lead", question_bank("de"))
    assert german.practise[0].startswith("Struktur:")  # English feedback, German advice
    assert german.areas[0].context == "Angesprochen in der Rückmeldung von Acme Health Analytics"
    assert german.page_label == "Seite {page} von {pages}"  # the footer speaks the sheet's language


def test_a_job_with_no_feedback_yet_practises_its_requirements_and_emphasized_areas(project) -> None:
    target = project.target("brightpath-analyst").model_copy(update={"emphasize": ["teamwork"]})
    tailored = tailor(project.profile, target, None, project.taxonomy)
    sheet = build_interview(tailored, None, project.taxonomy, None, BANK)
    assert [(t.key, t.context) for t in sheet.areas] == [("teamwork", "You chose to bring this forward")]
    assert sheet.practise == () and len(sheet.requirements) == 4
    assert all(t.material for t in sheet.requirements)
