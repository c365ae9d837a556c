"""Reading feedback clause by clause: boilerplate out, turns, tone, topics."""

from __future__ import annotations

import pytest

from resumekit.models.concerns import clauses, concerns, ratings, tone


def test_clauses_split_at_sentences_and_turns():
    parts = [c for c, _ in clauses("Your portfolio is excellent. However, the case study wandered, and you "
                                   "rarely said what you did.")]
    assert parts == ["Your portfolio is excellent", "the case study wandered", "you rarely said what you did"]


def test_boilerplate_is_taken_out_before_reading():
    assert clauses("We have decided to move forward with other candidates whose experience more closely "
                   "matches our needs.") == []


@pytest.mark.parametrize("clause, said", [
    ("your experience was impressive", "praise"),
    ("great communicator", "praise"),
    ("not enough exposure to payroll", "concern"),
    ("the answers could have been more concise", "concern"),
    ("we went with someone who has run a P&L", "concern"),
    ("you interviewed on Tuesday", "neutral"),
    ("your answers were not strong enough", "concern"),
])
def test_tone_tells_concern_from_praise(clause, said):
    assert tone(clause) == said


def test_a_general_word_names_its_area_only_when_nothing_more_specific_does():
    assert [a for a, _ in concerns("Not enough hands-on experience with Spark.")] == ["technical"]
    assert [a for a, _ in concerns("Not enough experience for this role.")] == ["experience"]


def test_a_scorecard_rating_of_two_or_less_is_a_concern_and_four_is_not():
    text = "Communication: 4/5\nTechnical knowledge: 2/5"
    assert ratings(text, ["communication", "technical"]) == {"communication": 4, "technical": 2}
    assert [a for a, _ in concerns(text)] == ["technical"]


def test_a_neutral_clause_after_praise_in_one_sentence_is_praise_too():
    assert concerns("A really strong interview; you came across as a natural leader.") == []


def test_a_project_phrase_counts_in_a_concern():
    import re

    extra = {"safety": [re.compile(r"hazards?", re.I)]}
    assert concerns("You did not spot the hazard.", extra) == [("safety", ("not spot the hazard",))]


def test_areas_come_in_the_order_given():
    found = concerns("Weak SQL, and you rambled; never managed anyone.",
                     order=["leadership", "communication", "technical"])
    assert [a for a, _ in found] == ["leadership", "communication", "technical"]


@pytest.mark.parametrize("text, areas", [
    ("You were not ready to be in charge of people.", ["leadership"]),
    ("The comp discussion went fine but your Excel skills were weak.", ["technical"]),
    ("You are clearly ready to lead a team.", []),
    ("You kept your answers concise and well structured.", []),
])
def test_words_that_merely_look_like_reasons_or_regrets_are_read_in_context(text, areas):
    assert [a for a, _ in concerns(text)] == areas


@pytest.mark.parametrize("clause", [
    "Strong technical skills, no question", "Good understanding of our products, which we don't often see",
    "Methodical, and you didn't jump to conclusions", "We had no real concerns about your clinical skills",
])
def test_a_negation_that_praises_is_praise(clause):
    assert tone(clause) == "praise"


def test_a_scorecard_comment_belongs_to_the_rating_on_its_line():
    text = "Communication: 4/5\nTechnical knowledge: 2/5 - limited familiarity with the case system, unclear on rules"
    assert [a for a, _ in concerns(text)] == ["technical"]


def _areas(text: str) -> list[str]:
    return [area for area, _ in concerns(text)]


def test_a_scorecard_rating_in_words_counts_by_its_word_and_its_topic():
    card = ("Interview scorecard\nCold call roleplay: Strong - clear, confident\n"
            "Product/market knowledge: Weak - could not name a competitor\nTeam collaboration: Mixed\n")
    assert ratings(card, ["domain", "teamwork", "communication"]) == {"domain": 2, "teamwork": 3}
    assert _areas(card) == ["domain"]  # mixed (3) is no concern, strong none


@pytest.mark.parametrize("text, areas", [
    ("You're not yet on the HCPC register, so we can't employ you as a paramedic.", ["technical"]),
    ("We'd have liked to see more experience in a regulated environment.", ["domain"]),
    ("One-word answers, no questions for us at the end.", ["communication"]),
    ("Every example was 'I designed', 'I sorted it', never a mention of the architect or the engineers.", ["teamwork"]),
    ("Went straight to a recommendation in minute three without laying out what drives the decline.",
     ["problem-solving"]),
    ("This isn't a skills issue: your Linux depth was as good as anyone's.", []),
    ("Strong technical skills and we have no doubts about your React.", []),
    ("This is an automated message: your application is no longer being considered.", []),
    ("It was close; the other candidate could start next week and we're short-staffed.", []),
    ("Your technical answers were fine, nothing wrong there.", []),
    ("Your answers on infection control did not meet the required standard.", ["technical"]),
    ("We only had the one position and offered it to someone who temped for us.", []),
    ("The successful candidate had a stronger track record of managing staff.", ["leadership", "experience"]),
    ("Behaviours: Communicating & Influencing 5/7, Working Together 6/7, Making Effective Decisions 3/7",
     ["problem-solving"]),
    ("We have made the decision to go with another candidate.", []),
])
def test_concerns_said_without_their_area_word_and_praise_said_with_a_negation(text, areas):
    assert _areas(text) == areas
