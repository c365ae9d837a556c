"""resumekit.tailor: choosing and ordering what the profile already says, for one job."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

import resumekit
from resumekit.building.project import load_project
from resumekit.tailoring import Tailored, tailor
from resumekit.models.profile import HIGHLIGHTED
from resumekit.tailoring.selection import DETAILS, LETTER_EVIDENCE, NO_EVIDENCE

from ..tailoring_fixtures import DATA_JOB, NURSE_JOB, PAT, PROFILES, highlight_texts, profile, target

DATA_WORDS = ("sql", "dbt", "a/b", "tableau", "looker", "dashboard")
NURSE_WORDS = ("patient", "nurse", "training", "precept", "ehr")


@pytest.fixture(scope="module")
def example():
    """The example project, read (never written) from profiles/, with feedback applied."""
    return load_project(PROFILES / "resumekit.yaml")


def tailored_example(example, tid: str) -> Tailored:
    return tailor(example.profile, example.target(tid), example.feedback, example.taxonomy)


def firsts(t: Tailored) -> dict[str, str]:
    return {e.name: e.highlights[0].text for e in t.profile.work if e.highlights}


def top_highlights(t: Tailored, count: int = 3) -> list[str]:
    units = [u for u in t.units if u.place.section in ("work", "volunteer", "projects")
             and u.place.highlight is not None and u.place.highlight >= 0]
    return [u.text for u in sorted(units, key=lambda u: -u.score)[:count]]


# --- one profile, two fields --------------------------------------------------------------------


def test_one_profile_two_fields_puts_different_highlights_first():
    p = profile()
    data, nurse = tailor(p, target(DATA_JOB)), tailor(p, target(NURSE_JOB))
    assert firsts(data) != firsts(nurse)
    assert firsts(data)["Globex"].startswith("Built the dbt models")
    assert firsts(nurse)["Globex"].startswith("Trained nurses")
    assert firsts(nurse)["City Hospital"] != "Audited 300 patient charts for the falls committee"


def test_example_data_job_and_nurse_job_favour_their_own_terms(example):
    data = tailored_example(example, "brightpath-analyst")
    nurse = tailored_example(example, "riverside-nurse-educator")
    assert firsts(data) != firsts(nurse)
    for text in top_highlights(data):
        assert any(w in text.casefold() for w in DATA_WORDS), text
    for text in top_highlights(nurse):
        assert any(w in text.casefold() for w in NURSE_WORDS), text
    for text in data.letter_highlights[:3]:
        assert any(w in text.casefold() for w in DATA_WORDS), text
    for text in nurse.letter_highlights[:3]:
        assert any(w in text.casefold() for w in NURSE_WORDS), text


def test_example_nurse_job_leaves_out_what_the_data_job_keeps(example):
    data = tailored_example(example, "brightpath-analyst")
    nurse = tailored_example(example, "riverside-nurse-educator")
    ci = ("Set up dbt tests and GitHub Actions CI for the analytics repository, catching 40+ breaking data "
          "changes before they reached clients")
    assert ci in highlight_texts(data.profile)
    assert ci not in highlight_texts(nurse.profile)
    assert "dbt-fhir-starter" in [p.name for p in data.profile.projects]
    assert "dbt-fhir-starter" not in [p.name for p in nurse.profile.projects]


# --- summary variants -----------------------------------------------------------------------------


def test_the_summary_variant_that_fits_the_job_is_chosen():
    p = profile()
    assert tailor(p, target(DATA_JOB)).profile.basics.summary.startswith("Data analyst")
    assert tailor(p, target(NURSE_JOB)).profile.basics.summary.startswith("Registered nurse")


def test_the_other_summary_variants_are_recorded_as_left_out():
    t = tailor(profile(), target(NURSE_JOB))
    others = [d for d in t.left_out if d.reason == "other summary variant"]
    assert [d.text for d in others] == ["Data analyst who writes SQL and dbt models and runs A/B tests."]


def test_with_nothing_to_go_on_the_first_variant_is_chosen():
    t = tailor(profile(), target(title="Barista"))
    assert t.profile.basics.summary.startswith("Data analyst")


def test_a_single_summary_stays_as_it_is():
    data = yaml.safe_load(PAT)
    data["basics"]["summary"] = "Nurse and analyst."
    t = tailor(resumekit.load_profile(data), target(NURSE_JOB))
    assert t.profile.basics.summary == "Nurse and analyst."


# --- tag filters ----------------------------------------------------------------------------------


def test_exclude_leaves_out_what_carries_the_tag():
    t = tailor(profile(), target(DATA_JOB, exclude=["engineering"]))
    assert "Set up GitHub Actions CI for the dbt project" not in highlight_texts(t.profile)
    assert t.profile.projects == []
    reasons = {d.text: d.reason for d in t.left_out}
    assert reasons["Set up GitHub Actions CI for the dbt project"] == "excluded by tag 'engineering'"
    assert any(text.startswith("dbt-fhir-starter") and reason == "excluded by tag 'engineering'"
               for text, reason in reasons.items())


def test_include_keeps_what_carries_the_tag_and_what_has_no_tags():
    t = tailor(profile(), target(NURSE_JOB, include=["healthcare", "teaching"]))
    assert [e.name for e in t.profile.work] == ["City Hospital"]
    assert [e.organization for e in t.profile.volunteer] == ["Free Clinic"]
    assert [s.name for s in t.profile.skills] == ["Clinical"]
    texts = highlight_texts(t.profile)
    assert "Audited 300 patient charts for the falls committee" in texts  # untagged: stays
    assert "Educated patients on patient safety before discharge" in texts  # tagged teaching
    left = {d.label: d.reason for d in t.left_out}
    assert left["Experience: Globex"] == "not included (tags: analytics)"


def test_include_and_exclude_together():
    t = tailor(profile(), target(DATA_JOB, include=["analytics"], exclude=["engineering"]))
    assert [e.name for e in t.profile.work] == ["Globex"]
    assert "Set up GitHub Actions CI for the dbt project" not in highlight_texts(t.profile)
    assert "Trained nurses on the new patient dashboards" not in highlight_texts(t.profile)  # tagged teaching


# --- order ------------------------------------------------------------------------------------------


def test_skills_are_reordered_within_a_group():
    p = profile()
    data = {s.name: s.keywords for s in tailor(p, target(DATA_JOB)).profile.skills}
    assert set(data["Analytics"][:3]) == {"SQL", "dbt", "A/B testing"}
    nurse = {s.name: s.keywords for s in tailor(p, target(NURSE_JOB)).profile.skills}
    assert nurse["Clinical"][:2] == ["wound care", "patient education"] or \
        nurse["Clinical"][:2] == ["patient education", "wound care"]
    assert nurse["Clinical"][2] == "Basic Life Support"
    for group in p.skills:
        assert Counter(data[group.name]) == Counter(group.keywords) == Counter(nurse[group.name])


def test_skill_groups_are_ordered_by_relevance():
    p = profile()
    assert [s.name for s in tailor(p, target(DATA_JOB)).profile.skills] == ["Analytics", "Clinical"]
    assert [s.name for s in tailor(p, target(NURSE_JOB)).profile.skills] == ["Clinical", "Analytics"]


def test_unmatched_skills_and_highlights_keep_the_persons_order():
    p = profile()
    t = tailor(p, target(title="Barista"))
    assert highlight_texts(t.profile) == highlight_texts(p)
    assert [s.keywords for s in t.profile.skills] == [s.keywords for s in p.skills]


@pytest.mark.parametrize("tid", ["acme-lead", "brightpath-analyst", "riverside-nurse-educator"])
def test_entries_keep_their_chronology(example, tid):
    t = tailored_example(example, tid)
    for section, name in (("work", "name"), ("volunteer", "organization"), ("projects", "name"),
                          ("education", "institution"), ("certificates", "name"), ("awards", "title")):
        before = [getattr(e, name) for e in getattr(example.profile, section)]
        after = [getattr(e, name) for e in getattr(t.profile, section)]
        assert after == [n for n in before if n in after], section


# --- emphasis and feedback --------------------------------------------------------------------------


def test_emphasize_raises_what_is_tagged_with_the_area():
    p = profile()
    plain = tailor(p, target(DATA_JOB))
    emphasized = tailor(p, target(DATA_JOB, emphasize=["leadership"]))
    assert firsts(plain)["City Hospital"].startswith("Audited")
    assert firsts(emphasized)["City Hospital"].startswith("Precepted")
    [unit] = [u for u in emphasized.units if u.text.startswith("Precepted")]
    assert "emphasized: leadership" in unit.reasons


def test_a_reapplication_raises_the_improvements_that_answer_its_feedback(example):
    job = example.target("acme-lead")
    with_feedback = tailor(example.profile, job, example.feedback, example.taxonomy)
    without = tailor(example.profile, job.model_copy(update={"emphasize": []}))
    added = "Ran weekly analysis reviews for four analysts, turning each finding into a one-page written brief"

    def rank(t: Tailored) -> int:
        [fernhill] = [e for e in t.profile.work if e.name == "Fernhill Health Technologies"]
        return [h.text for h in fernhill.highlights].index(added)

    assert rank(with_feedback) < rank(without)
    [unit] = [u for u in with_feedback.units if u.text == added]
    assert "answers feedback from acme-senior-analyst-2026" in unit.reasons


def test_an_improvement_answering_feedback_on_a_similar_role_is_raised_too(example):
    job = target(title="Data Analyst", company="Somewhere Else", qualifications=["SQL"])
    t = tailor(example.profile, job, example.feedback, example.taxonomy)
    [unit] = [u for u in t.units if u.text.startswith("Led six volunteers")]
    assert unit.score > 0
    assert any(r.startswith("answers feedback on") for r in unit.reasons)


def test_a_similar_role_is_recognised_through_punctuation(example):
    job = target(title="Analyst, Reporting", company="Somewhere Else", qualifications=["SQL"])
    t = tailor(example.profile, job, example.feedback, example.taxonomy)
    [unit] = [u for u in t.units if u.text.startswith("Led six volunteers")]
    assert any(r.startswith("answers feedback on") for r in unit.reasons)


# --- the page budget's candidates -------------------------------------------------------------------


@pytest.mark.parametrize("tid", ["acme-lead", "brightpath-analyst", "riverside-nurse-educator"])
def test_what_may_go_for_the_page_never_includes_a_role_or_its_top_highlight(example, tid):
    t = tailored_example(example, tid)
    for unit in t.droppable:
        place = unit.place
        unmatched = (place.section, place.entry) in t.unmatched  # an old entry with nothing for this job
        assert place.highlight != 0 or unmatched, place.label
        assert not (place.highlight is None and place.section == "work" and not unmatched), place.label
        assert not (place.section == "work" and place.entry == 0 and place.highlight in (None, 0)), place.label
        assert not (place.highlight is None and place.section == "education"), place.label
        # a skill group or certificate may go only when it matches nothing in the job
        assert not (place.highlight is None and place.section in ("certificates", "skills") and unit.score > 0), \
            place.label
        assert place.highlight is None or place.highlight == DETAILS or place.section != "work" or place.highlight > 0 \
            or unmatched


@pytest.mark.parametrize("tid", ["acme-lead", "brightpath-analyst", "riverside-nurse-educator"])
def test_with_everything_optional_dropped_every_role_keeps_its_top_highlight(example, tid):
    t = tailored_example(example, tid)
    bare = t.drop(len(t.droppable))
    kept = [e for i, e in enumerate(t.profile.work) if ("work", i) not in t.unmatched]
    assert [e.name for e in bare.profile.work] == [e.name for e in kept]
    assert [e.highlights[:1] for e in bare.profile.work] == [e.highlights[:1] for e in kept]
    assert bare.profile.education
    matched = {u.text for u in t.units if u.place.section in ("skills", "certificates") and u.score > 0}
    kept = {u.text for u in t.units if u.place.section in ("skills", "certificates")
            and u.place.highlight is None and u not in t.droppable}
    assert matched <= kept  # what the job asks for stays
    assert len(bare.dropped) == len(t.droppable)
    assert {d.reason for d in bare.dropped} <= {"page budget", NO_EVIDENCE}


def test_the_least_relevant_go_first(example):
    t = tailored_example(example, "riverside-nurse-educator")
    minor = [u for u in t.droppable if u.place.section in ("references", "interests")]
    assert list(t.droppable[:len(minor)]) == minor
    highlights = [u.score for u in t.droppable if u.place.highlight is not None and u.place.highlight > 0]
    assert highlights == sorted(highlights)


# --- the letter's highlights ------------------------------------------------------------------------


@pytest.mark.parametrize("tid", ["acme-lead", "brightpath-analyst", "riverside-nurse-educator"])
def test_letter_highlights_are_the_strongest_matching_highlights(example, tid):
    t = tailored_example(example, tid)
    scores = {u.text: u.score for u in t.units if u.place.highlight is not None and u.place.highlight >= 0}
    assert 0 < len(t.letter_highlights) <= 6
    assert all(scores[h] > 0 for h in t.letter_highlights)
    assert all(scores[h] >= LETTER_EVIDENCE for h in t.letter_highlights)
    required = [e.unit.text for e in t.evidence if e.requirement.public_kind == "required" and e.unit is not None
                and e.unit.text in scores and e.unit.score >= LETTER_EVIDENCE]
    if required:  # the letter opens with the best evidence for what the job requires
        assert t.letter_highlights[0] in required


# --- chooses and orders, never writes -----------------------------------------------------------------


def test_tailoring_adds_no_term_the_profile_lacks():
    job = target(title="Platform Engineer", company="Initech",
                 qualifications=["Kubernetes and Terraform", "Salesforce administration"],
                 skills=[{"name": "Cloud", "keywords": ["Kubernetes", "Salesforce", "HubSpot"]}])
    t = tailor(profile(), job)
    dumped = t.profile.model_dump_json().casefold()
    for word in ("kubernetes", "k8s", "terraform", "salesforce", "hubspot", "initech", "platform engineer"):
        assert word not in dumped


@pytest.mark.parametrize("job", [DATA_JOB, NURSE_JOB, {"title": "Barista"}])
def test_every_highlight_and_summary_is_the_persons_own_text(job):
    p = profile()
    t = tailor(p, target(job))
    assert Counter(highlight_texts(t.profile)) <= Counter(highlight_texts(p))
    assert t.profile.basics.summary in [v.text for v in p.basics.summary]
    assert sorted(k for s in t.profile.skills for k in s.keywords) == sorted(k for s in p.skills for k in s.keywords)


def test_tailor_changes_neither_the_profile_nor_the_target():
    p, job = profile(), target(NURSE_JOB, exclude=["engineering"])
    before = (p.model_dump(), job.model_dump())
    tailor(p, job)
    assert (p.model_dump(), job.model_dump()) == before


def test_tailor_gives_the_same_result_every_time(example):
    job = example.target("brightpath-analyst")
    first = tailor(example.profile, job, example.feedback, example.taxonomy)
    again = tailor(example.profile, job, example.feedback, example.taxonomy)
    assert first.profile.model_dump() == again.profile.model_dump()
    assert first.units == again.units and first.terms == again.terms
    assert first.droppable == again.droppable and first.letter_highlights == again.letter_highlights


def test_tailor_is_the_public_api():
    assert resumekit.tailor is tailor
    assert isinstance(resumekit.tailor(profile(), target(DATA_JOB)), resumekit.Tailored)
