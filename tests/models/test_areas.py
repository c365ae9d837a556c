"""The feedback-area taxonomy, and inference of areas from what employers said."""

from __future__ import annotations

import pytest

from resumekit.models.areas import BUILTIN_AREAS, Match, Taxonomy, normalise_area

DOCUMENTED = ["leadership", "communication", "teamwork", "technical", "domain",
              "problem-solving", "experience", "motivation", "culture"]


def areas_of(text: str, taxonomy: Taxonomy | None = None) -> dict[str, tuple[str, ...]]:
    return {m.area: m.phrases for m in (taxonomy or Taxonomy()).infer(text)}


def test_the_builtin_taxonomy_has_every_documented_area_in_order() -> None:
    assert Taxonomy().names[:len(DOCUMENTED)] == DOCUMENTED


@pytest.mark.parametrize("area", BUILTIN_AREAS, ids=lambda a: a.name)
def test_each_builtin_area_is_described_and_has_words_that_infer_it(area) -> None:
    assert area.description.endswith(".")
    assert area.phrases
    assert area.name in areas_of(f"Not enough {area.phrases[0]} for this role.")


def test_hard_to_follow_infers_communication_and_says_so() -> None:
    found = areas_of("Answers in the panel interview were hard to follow.")
    assert "hard to follow" in found["communication"]


def test_never_managed_anyone_infers_leadership_and_says_so() -> None:
    found = areas_of("You have never managed anyone.")
    assert set(found) == {"leadership"}
    assert "never managed anyone" in found["leadership"]


def test_inference_ignores_case() -> None:
    assert "leadership" in areas_of("NEVER MANAGED ANYONE")


def test_a_phrase_is_shown_from_the_word_that_makes_it_a_concern() -> None:
    assert areas_of("Not enough people management for this role.")["leadership"] == ("not enough people management",)


@pytest.mark.parametrize("text", [
    "Your experience was impressive and the panel enjoyed meeting you.",
    "Great communicator; strong technical skills.",
    "Your leadership examples were excellent, but we have decided to go with an internal candidate.",
    "We have decided to move forward with other candidates whose qualifications more closely match our needs.",
    "The role has been put on hold due to a hiring freeze.",
    "Your salary expectations were above the range we can offer.",
    "We can't sponsor a visa for this position.",
    "Thank you for your interest in the Data Analyst position.",
])
def test_praise_and_reasons_other_than_the_person_name_no_area(text) -> None:
    assert areas_of(text) == {}


@pytest.mark.parametrize("text, area", [
    ("You talked over me a few times.", "communication"),
    ("Every example you gave was a solo project.", "teamwork"),
    ("Your answers could have been more structured.", "communication"),
    ("Not enough exposure to regulated environments.", "domain"),
    ("It might have been better to ask clarifying questions first.", "problem-solving"),
    ("We went with someone who has had direct reports.", "leadership"),
    ("Technical knowledge: 2/5", "technical"),
])
def test_a_concern_is_found_without_its_area_named(text, area) -> None:
    assert area in areas_of(text)


def test_praise_then_a_concern_counts_only_the_concern() -> None:
    assert set(areas_of("Your experience was impressive, but your answers were hard to follow.")) == \
        {"communication"}


def test_words_match_whole_words_only() -> None:
    # "lead" is in "misleading", "present" in "represented": neither is a match.
    assert areas_of("The misleading chart represented nothing.") == {}


def test_text_with_no_known_words_infers_nothing() -> None:
    assert Taxonomy().infer("We went with someone else.") == []


def test_several_areas_come_back_in_taxonomy_order() -> None:
    matches = Taxonomy().infer("Weak SQL, and you rambled; never managed anyone.")
    assert [m.area for m in matches] == ["leadership", "communication", "technical"]
    assert all(isinstance(m, Match) for m in matches)


@pytest.mark.parametrize(("name", "normal"), [
    ("Problem Solving", "problem-solving"), ("problem_solving", "problem-solving"),
    ("  Leadership ", "leadership"), ("problem-solving", "problem-solving"),
])
def test_area_names_are_normalised(name: str, normal: str) -> None:
    assert normalise_area(name) == normal
    assert name in Taxonomy()


def test_an_unknown_area_is_not_in_the_taxonomy() -> None:
    taxonomy = Taxonomy()
    assert "leadrship" not in taxonomy
    assert 42 not in taxonomy


def test_a_project_area_is_accepted_and_inferred() -> None:
    taxonomy = Taxonomy({"safety": ["incident", "hazard"]})
    assert "safety" in taxonomy
    assert taxonomy.names[-1] == "safety"
    found = areas_of("There was an incident with a hazard on site.", taxonomy)
    assert set(found) == {"safety"}
    assert sorted(found["safety"]) == ["hazard", "incident"]


def test_a_project_area_without_words_is_inferred_from_its_name() -> None:
    taxonomy = Taxonomy({"Client Service": []})
    assert taxonomy.names[-1] == "client-service"
    assert "client-service" in areas_of("More client-service experience needed.", taxonomy)


def test_project_words_extend_a_builtin_area_and_keep_its_own() -> None:
    taxonomy = Taxonomy({"Leadership": ["captain"]})
    assert taxonomy.names == Taxonomy().names
    assert areas_of("Never captain of anything.", taxonomy)["leadership"] == ("never captain",)
    assert "leadership" in areas_of("never managed anyone", taxonomy)


def test_project_areas_leave_the_builtin_taxonomy_alone() -> None:
    Taxonomy({"safety": ["incident"]})
    assert "safety" not in Taxonomy()
