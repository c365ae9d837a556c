"""The best evidence for each requirement: highlights before skills, strength, recency."""

from __future__ import annotations

from resumekit.tailoring.evidence import best_for, best_highlights, evidence_for, kind_of, recency
from resumekit.tailoring.matching import Hit
from resumekit.tailoring.pieces import Place, Unit
from resumekit.tailoring.selection import tailor
from resumekit.tailoring.terms import Requirement

from ..tailoring_fixtures import DATA_JOB, profile, target

WEIGHTS = {"SQL": 3.0, "Tableau": 2.0}


def unit(section: str, entry: int, highlight: int | None, *hits: Hit, text: str = "x") -> Unit:
    return Unit(Place(section, entry, highlight), text, 1.0, hits)


def test_a_highlight_is_better_evidence_than_a_skill_that_lists_the_same_term():
    skill = unit("skills", 0, None, Hit("SQL", "exact", "SQL"))
    bullet = unit("work", 0, 1, Hit("SQL", "stem", "sql"))
    assert best_for(["SQL"], [skill, bullet], WEIGHTS) is bullet
    assert kind_of(skill) == "skill" and kind_of(bullet) == "highlight"


def test_among_equals_the_more_recent_entry_wins():
    old = unit("work", 2, 0, Hit("SQL", "exact", "SQL"))
    new = unit("work", 0, 3, Hit("SQL", "exact", "SQL"))
    assert best_for(["SQL"], [old, new], WEIGHTS) is new
    assert recency(new) > recency(old)


def test_a_requirement_nothing_shows_has_no_evidence():
    found = evidence_for([Requirement("Kubernetes in production", "required", ("Kubernetes",))],
                         [unit("work", 0, 0, Hit("SQL", "exact", "SQL"))], WEIGHTS)
    assert found[0].unit is None and found[0].hits == ()


def test_each_requirement_of_a_real_job_gets_the_piece_that_shows_it():
    t = tailor(profile(), target(DATA_JOB))
    assert t.evidence and len(t.evidence) == len(t.requirements)
    for item in t.evidence:
        if item.unit is not None:
            assert {h.term for h in item.hits} <= set(item.requirement.terms)
            assert item.hits


def test_best_highlights_names_one_highlight_per_term():
    t = tailor(profile(), target(DATA_JOB))
    chosen = best_highlights([term.name for term in t.terms], t.units, t.weights)
    assert all(kind_of(u) == "highlight" for u in chosen.values())
    assert all(any(h.term == term for h in u.hits) for term, u in chosen.items())


def test_bolded_sets_each_matched_term_as_written_in_bold_once():
    from resumekit.tailoring.evidence import bolded
    from resumekit.tailoring.matching import Hit

    hits = (Hit("SQL", "exact", "SQL"), Hit("Load Testing", "stem", "load tests"), Hit("Python", "tag", "python"),
            Hit("Test", "stem", "tests"))
    assert bolded("Wrote SQL and ran load tests in SQL", hits) == "Wrote **SQL** and ran **load tests** in SQL"
    assert bolded("Already **bold** SQL", hits) == "Already **bold** SQL"  # the person's own Markdown wins
    assert bolded("No terms here", ()) == "No terms here"
