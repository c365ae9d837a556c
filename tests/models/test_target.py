"""The target model: JSON Resume's job vocabulary with resumekit's extensions, and their bounds."""

from __future__ import annotations


import pytest

from resumekit import TargetError, load_target
from resumekit.models.target import Target

from ..helpers import write


def test_a_target_carries_resumekit_extensions():
    target = load_target({"title": "Lead", "emphasize": ["leadership"], "include": ["analytics"],
                          "exclude": ["retail"], "pages": 1, "application": "acme-2026",
                          "letter": {"recipient": "Ms. Rivera", "why": "I use your open data."}})
    assert (target.emphasize, target.include, target.exclude, target.pages) == (
        ["leadership"], ["analytics"], ["retail"], 1)
    assert (target.letter.recipient, target.letter.why) == ("Ms. Rivera", "I use your open data.")


def test_a_target_page_budget_must_be_positive(tmp_path):
    with pytest.raises(TargetError) as info:
        load_target(write(tmp_path / "acme.yaml", "pages: 0\n"))
    assert info.value.problems[0].message == "must be at least 1, not the number 0"


def test_a_page_budget_in_words_is_refused_plainly():
    with pytest.raises(TargetError) as info:
        load_target({"pages": "zero"})
    [problem] = info.value.problems
    assert (problem.field, problem.message) == ("pages", "must be a whole number, not 'zero'")


def test_a_bare_target_asks_for_nothing_in_particular():
    target = load_target({})
    assert (target.emphasize, target.include, target.exclude, target.pages) == ([], [], [], None)
    assert (target.letter.recipient, target.letter.address, target.letter.paragraphs) == (None, [], [])


def test_a_json_resume_job_document_is_a_target():
    target = Target.model_validate({
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/job-schema.json",
        "title": "Data Analyst", "company": "Globex", "date": 2026,
        "skills": [{"name": "Analytics", "keywords": ["SQL", "dbt"]}]})
    assert target.schema_.endswith("job-schema.json")
    assert (target.title, target.date, target.skills[0].keywords) == ("Data Analyst", "2026", ["SQL", "dbt"])


def test_the_letter_of_a_target_carries_its_own_address_and_paragraphs():
    letter = load_target({"letter": {"address": ["1 Main St", "Springfield"], "paragraphs": ["One.", "Two."]}}).letter
    assert (letter.address, letter.paragraphs) == (["1 Main St", "Springfield"], ["One.", "Two."])
