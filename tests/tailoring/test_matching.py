"""resumekit.tailoring.matching: finding a job's terms in the profile's own words."""

from __future__ import annotations

import pytest

from resumekit.tailoring.matching import ALIAS, EXACT, FUZZY, STEM, TAG, Hit, Matcher
from resumekit.tailoring.terms import JobTerm, extract_terms

from ..tailoring_fixtures import target


def term(name: str, *aliases: str, weight: float = 3.0, case_sensitive: bool = False) -> JobTerm:
    return JobTerm(name, weight, "required", True, aliases, case_sensitive)


def hits(terms: list[JobTerm], text: str, tags: frozenset[str] = frozenset()) -> dict[str, Hit]:
    return {h.term: h for h in Matcher(terms).hits(text, tags)}


def job_terms(*qualifications: str) -> list[JobTerm]:
    """The terms the bundled list gives a job, with their real aliases."""
    return extract_terms(target(title="Role", qualifications=list(qualifications)))


@pytest.mark.parametrize("text", ["Wrote SQL daily", "T-SQL and SQL Server"])
def test_exact_match_is_reported_as_exact(text):
    assert hits([term("SQL")], text)["SQL"].kind == EXACT


def test_a_short_capitalised_term_written_in_lower_case_still_matches():
    assert "SQL" in hits([term("SQL")], "sql reports")


@pytest.mark.parametrize("asked, written", [
    ("Kubernetes", "Ran services on k8s"),
    ("Registered Nurse", "Worked as an RN on a cardiac unit"),
    ("Electronic Health Records", "Trained staff on the new EHR"),
    ("A/B Testing", "Designed 14 A/B tests"),
    ("Mentoring", "Provided mentorship to two analysts"),
])
def test_a_profile_that_writes_an_alias_matches_the_job_term(asked, written):
    [found] = [t for t in job_terms(f"Experience in {asked}") if t.name == asked]
    hit = hits([found], written)[asked]
    assert hit.kind == ALIAS


def test_the_alias_works_both_ways():
    """The job says RN, the profile says Registered Nurse: still a match."""
    [rn] = [t for t in job_terms("Active RN license") if t.name == "Registered Nurse"]
    assert hits([rn], "Registered Nurse, medical-surgical unit")["Registered Nurse"].kind == EXACT


@pytest.mark.parametrize("asked, written", [
    ("Mentoring", "Mentored two junior analysts"),
    ("Precepting", "Precepted 18 new-graduate nurses"),
    ("Training", "Trained 150+ nurse managers"),
    ("Data Analysis", "Data analyst at Fernhill"),
    ("Process Improvement", "Led process improvements on two units"),
])
def test_other_forms_of_the_words_match_by_stem(asked, written):
    hit = hits([term(asked)], written)[asked]
    assert hit.kind == STEM


@pytest.mark.parametrize("asked, written", [
    ("Kubernetes", "Deployed on Kubernets"),
    ("Stakeholder Communication", "stakeholder comunication"),
    ("Leadership", "shared leadrship of the unit"),
])
def test_a_small_misspelling_matches_by_fuzzy(asked, written):
    hit = hits([term(asked)], written).get(asked)
    assert hit is not None and hit.kind in (STEM, FUZZY)


@pytest.mark.parametrize("asked, written", [
    ("Leadership", "Grew the newsletter's readership by 40%"),
    ("Training", "Kept clinics open on raining days"),
    ("Training", "Worked through straining deadlines"),
    ("Scrum", "cleaned up the scum"),
])
def test_a_different_word_is_no_misspelling(asked, written):
    assert asked not in hits([term(asked)], written)


@pytest.mark.parametrize("asked, written", [
    ("Java", "Built JavaScript apps"),
    ("C", "Presented to the C-suite"),
    ("C", "Wrote C++ services"),
    (".NET", "Maintained ASP.NET pages"),
    ("Registered Nurse", "turn the rn around"),     # RN only in capitals
    ("SQL", "NoSQL stores"),
])
def test_no_match_inside_other_words_or_symbols(asked, written):
    [found] = [t for t in job_terms(f"Experience with {asked}") if t.name == asked] or [term(asked)]
    assert asked not in hits([found], written)


@pytest.mark.parametrize("name, written, lower", [
    ("Epic", "Epic super-user", "an epic effort"),
    ("Go", "Services in Go", "willing to go the extra mile"),
    ("Swift", "iOS apps in Swift", "swift response to incidents"),
    ("Excel", "Excel models", "excel at customer service"),
])
def test_case_sensitive_terms_need_their_capitals(name, written, lower):
    found = term(name, case_sensitive=True)
    assert hits([found], written)[name].kind == EXACT
    assert name not in hits([found], lower)


def test_a_tag_the_person_gave_shows_the_term_of_that_name():
    found = hits([term("Leadership", weight=2.0)], "Ran the night shift", frozenset({"leadership"}))
    assert found["Leadership"] == Hit("Leadership", TAG, "leadership")


def test_the_text_wins_over_the_tag():
    found = hits([term("Leadership")], "Leadership of nine nurses", frozenset({"Leadership"}))
    assert found["Leadership"].kind == EXACT


def test_a_tag_alone_is_enough_for_an_empty_text():
    assert hits([term("Teaching")], "", frozenset({"teaching"}))["Teaching"].kind == TAG


def test_each_term_is_reported_once_in_the_order_of_the_terms():
    terms = [term("SQL"), term("dbt"), term("Python")]
    found = Matcher(terms).hits("SQL, dbt, SQL and Python, dbt again")
    assert [h.term for h in found] == ["SQL", "dbt", "Python"]


def test_matching_normalises_the_profile_text():
    assert hits([term("Financial Modeling")], "Built \ufb01nancial   modeling tools")["Financial Modeling"].kind == EXACT


def test_matching_is_the_same_every_time():
    terms = job_terms("SQL, Python, dbt, Tableau, Looker, A/B testing, stakeholder communication")
    text = "Built dbt models and Looker dashboards; ran A/B tests; presented to stakeholders in SQL"
    assert Matcher(terms).hits(text) == Matcher(list(terms)).hits(text)
