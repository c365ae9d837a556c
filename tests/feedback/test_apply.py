"""apply_feedback: improvements land in their sections, in date order, with provenance; pure."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import resumekit
from resumekit.errors import FeedbackError
from resumekit.feedback import apply_feedback
from resumekit.feedback import provenance_of as origin
from resumekit.models import Profile

from ..feedback_fixtures import PROFILES, SAM, SAM_FEEDBACK, built_example, pdf_text, squash

HEADINGS = ("Summary", "Experience", "Education", "Skills", "Projects", "Volunteering",
            "Certificates", "Awards", "Publications", "Interests", "References", "Languages")


@pytest.fixture(scope="module")
def example() -> tuple[Profile, resumekit.Feedback]:
    return (resumekit.load_profile(PROFILES / "profile.yaml"),
            resumekit.load_feedback(PROFILES / "feedback.yaml"))


def sam(feedback: str = SAM_FEEDBACK) -> tuple[Profile, resumekit.Feedback]:
    import yaml

    return resumekit.load_profile(yaml.safe_load(SAM)), resumekit.load_feedback(yaml.safe_load(feedback))


def feedback_of(*improvements: dict[str, Any]) -> resumekit.Feedback:
    return resumekit.load_feedback({"applications": [{"id": "globex-2026", "employer": "Globex"}],
                                    "improvements": list(improvements)})


# --- where improvements land ------------------------------------------------------------------


def test_an_added_entry_lands_in_its_section(example) -> None:
    applied = apply_feedback(*example)
    assert [v.organization for v in applied.volunteer] == ["Code for Good", "Eastside Community Free Clinic"]
    assert "Pathways Level 1: Presentation Mastery" in [c.name for c in applied.certificates]


def test_extend_adds_highlights_to_the_entry_it_names_after_its_own(example) -> None:
    profile, feedback = example
    applied = apply_feedback(profile, feedback)
    before = [h.text for h in profile.work[0].highlights]
    after = [h.text for h in applied.work[0].highlights]
    assert applied.work[0].name == "Fernhill Health Technologies"
    assert after[:len(before)] == before
    assert after[len(before):] == [
        "Ran weekly analysis reviews for four analysts, turning each finding into a one-page written brief",
        "Led the 2026 clinic-churn analysis end to end, from scoping with Sales to a 15-minute "
        "briefing for the executive team"]
    assert [len(w.highlights) for w in applied.work[1:]] == [len(w.highlights) for w in profile.work[1:]]


def test_extend_is_matched_without_regard_to_case_or_spaces() -> None:
    profile, _ = sam()
    feedback = feedback_of({"id": "x", "addresses": ["leadership"], "extend": [
        {"section": "volunteer", "match": "  riverside food BANK ", "highlights": ["Trained new volunteers"]}]})
    assert apply_feedback(profile, feedback).volunteer[0].highlights[-1].text == "Trained new volunteers"


def test_extend_with_a_position_chooses_between_entries_of_one_employer() -> None:
    profile, _ = sam()
    feedback = feedback_of({"id": "x", "addresses": ["leadership"], "extend": [
        {"section": "work", "match": "Initech", "position": "intern", "highlights": ["Ran the intern demo day"]}]})
    applied = apply_feedback(profile, feedback)
    assert [h.text for h in applied.work[2].highlights][-1] == "Ran the intern demo day"
    assert [h.text for h in applied.work[1].highlights] == ["Automated the weekly TPS report"]


def test_extend_may_name_an_entry_another_improvement_adds_later_in_the_file() -> None:
    profile, _ = sam()
    feedback = feedback_of(
        {"id": "more", "addresses": ["leadership"], "extend": [
            {"section": "projects", "match": "Churn Kit", "highlights": ["Onboarded two contributors"]}]},
        {"id": "kit", "addresses": ["technical"], "add": {"projects": [
            {"name": "Churn Kit", "startDate": "2026-10", "highlights": ["Open-sourced the churn model"]}]}})
    applied = apply_feedback(profile, feedback)
    assert [h.text for h in applied.projects[0].highlights] == [
        "Open-sourced the churn model", "Onboarded two contributors"]


@pytest.mark.parametrize(("match", "position", "message"), [
    ("Globx", None, "no work entry is named 'Globx' (entries: Globex, Initech)"),
    ("Initech", None, "'Initech' matches 2 work entries; add 'position' to choose one"),
    ("Initech", "Director", "no work entry is named 'Initech'"),
])
def test_an_extend_that_does_not_find_exactly_one_entry_is_an_error(
    tmp_path: Path, match: str, position: str | None, message: str,
) -> None:
    ext = f"        position: {position}\n" if position else ""
    path = tmp_path / "feedback.yaml"
    path.write_text(f"""\
improvements:
  - id: reviews
    addresses: [leadership]
    extend:
      - section: work
        match: {match}
{ext}        highlights: [Ran weekly reviews]
""", encoding="utf-8")
    profile, _ = sam()
    with pytest.raises(FeedbackError) as caught:
        apply_feedback(profile, resumekit.load_feedback(path))
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.column) == (str(path), 6, 16)
    assert problem.field == "improvements[0].extend[0].match"
    assert message in problem.message


# --- date order -------------------------------------------------------------------------------


def test_an_added_entry_goes_where_its_date_belongs_in_a_newest_first_section() -> None:
    profile, _ = sam()
    feedback = feedback_of({"id": "cert", "addresses": ["technical"],
                            "add": {"certificates": [{"name": "Python Basics", "date": "2021-04"}]}})
    applied = apply_feedback(profile, feedback)
    assert [c.name for c in applied.certificates] == ["SQL Fundamentals", "Python Basics", "Excel Essentials"]


def test_an_added_entry_follows_the_users_order_when_a_section_is_oldest_first() -> None:
    # Certificates listed oldest first (2021, 2025): the new one (2026-11) goes last.
    profile = resumekit.load_profile({"certificates": [{"name": "Old", "date": "2021-06"},
                                                       {"name": "Mid", "date": "2025-06"}]})
    feedback = feedback_of({"id": "new", "addresses": ["communication"],
                            "add": {"certificates": [{"name": "New", "date": "2026-11"}]}})
    assert [c.date for c in apply_feedback(profile, feedback).certificates] == ["2021-06", "2025-06", "2026-11"]


def test_an_added_entry_goes_first_when_a_section_is_newest_first(example) -> None:
    profile, feedback = example  # the example lists certificates newest first
    assert [c.date for c in apply_feedback(profile, feedback).certificates] == ["2026-11", "2025-06", "2021-06"]


def test_improvements_land_in_date_order_whatever_their_order_in_the_file() -> None:
    profile, _ = sam()
    feedback = feedback_of(
        {"id": "older", "addresses": ["leadership"],
         "add": {"volunteer": [{"organization": "Code Club", "startDate": "2026-03"}]}},
        {"id": "newer", "addresses": ["leadership"],
         "add": {"volunteer": [{"organization": "Data Meetup", "startDate": "2026-10"}]}})
    applied = apply_feedback(profile, feedback)
    assert [v.organization for v in applied.volunteer] == ["Data Meetup", "Code Club", "Riverside Food Bank"]


def test_an_undated_entry_takes_its_improvements_date() -> None:
    profile, _ = sam()
    feedback = feedback_of({"id": "cert", "addresses": ["technical"], "date": "2021-01",
                            "add": {"certificates": [{"name": "Python Basics"}]}})
    applied = apply_feedback(profile, feedback)
    assert [c.name for c in applied.certificates] == ["SQL Fundamentals", "Python Basics", "Excel Essentials"]


def test_an_entry_with_no_date_at_all_goes_last() -> None:
    profile, _ = sam()
    feedback = feedback_of({"id": "cert", "addresses": ["technical"],
                            "add": {"certificates": [{"name": "Python Basics"}]}})
    assert apply_feedback(profile, feedback).certificates[-1].name == "Python Basics"


def test_an_entry_of_the_same_date_goes_after_the_users_own() -> None:
    profile, _ = sam()
    feedback = feedback_of({"id": "cert", "addresses": ["technical"],
                            "add": {"certificates": [{"name": "Python Basics", "date": "2023-05-20"}]}})
    assert [c.name for c in apply_feedback(profile, feedback).certificates][:2] == [
        "SQL Fundamentals", "Python Basics"]


# --- provenance -------------------------------------------------------------------------------


def test_each_added_entry_and_its_highlights_record_where_they_came_from(example) -> None:
    applied = apply_feedback(*example)
    expected = {"improvement": "code-for-good-lead", "addresses": ["leadership"],
                "prompted_by": ["acme-senior-analyst-2026"]}
    entry = applied.volunteer[0]
    assert origin(entry) == expected
    assert [origin(h) for h in entry.highlights] == [expected, expected]
    cert = next(c for c in applied.certificates if c.issuer == "Toastmasters International")
    assert origin(cert) == {"improvement": "toastmasters-presentation", "addresses": ["communication"],
                            "prompted_by": ["acme-senior-analyst-2026"]}


def test_each_extend_highlight_records_where_it_came_from_and_the_users_own_do_not(example) -> None:
    profile, feedback = example
    applied = apply_feedback(profile, feedback)
    stamps = [origin(h) for h in applied.work[0].highlights]
    own = len(profile.work[0].highlights)
    assert stamps[:own] == [None] * own
    assert stamps[own:] == [{"improvement": "fernhill-analysis-reviews",
                             "addresses": ["leadership", "communication"],
                             "prompted_by": ["acme-senior-analyst-2026"]}] * 2
    assert origin(applied.work[0]) is None
    assert origin(applied.volunteer[1]) is None


def test_an_entry_keeps_its_tags(example) -> None:
    applied = apply_feedback(*example)
    assert applied.volunteer[0].tags == ["leadership", "analytics"]
    assert applied.volunteer[0].highlights[1].tags == ["communication"]


# --- pure and idempotent ----------------------------------------------------------------------


def test_applying_twice_is_the_same_as_applying_once(example) -> None:
    profile, feedback = example
    once = apply_feedback(profile, feedback)
    assert apply_feedback(once, feedback).model_dump() == once.model_dump()


def test_applying_the_example_twice_adds_no_duplicate_entries_or_highlights(example) -> None:
    profile, feedback = example
    twice = apply_feedback(apply_feedback(profile, feedback), feedback)
    assert len(twice.volunteer) == len(profile.volunteer) + 1
    assert len(twice.certificates) == len(profile.certificates) + 1
    assert len(twice.work[0].highlights) == len(profile.work[0].highlights) + 2


def test_an_improvement_already_written_into_the_profile_is_not_added_again() -> None:
    profile, feedback = sam()
    by_hand = resumekit.load_profile({**profile.model_dump(exclude_defaults=True), "volunteer": [
        {"organization": "Data Meetup", "position": "Organiser", "startDate": "2026-10",
         "highlights": ["Ran monthly talks for 40 members"]},
        *profile.model_dump(exclude_defaults=True)["volunteer"]]})
    assert len(apply_feedback(by_hand, feedback).volunteer) == 2


def test_the_profile_and_the_feedback_given_are_left_unchanged(example) -> None:
    profile, feedback = example
    profile_before, feedback_before = profile.model_dump(), feedback.model_dump()
    applied = apply_feedback(profile, feedback)
    apply_feedback(applied, feedback)
    assert profile.model_dump() == profile_before
    assert feedback.model_dump() == feedback_before
    assert applied is not profile and applied.work[0] is not profile.work[0]


def test_a_failed_application_leaves_the_profile_unchanged() -> None:
    profile, _ = sam()
    snapshot = profile.model_dump()
    feedback = feedback_of(
        {"id": "ok", "addresses": ["leadership"], "add": {"volunteer": [{"organization": "Data Meetup"}]}},
        {"id": "bad", "addresses": ["leadership"], "extend": [
            {"section": "work", "match": "Nowhere", "highlights": ["x"]}]})
    with pytest.raises(FeedbackError):
        apply_feedback(profile, feedback)
    assert profile.model_dump() == snapshot


def test_no_improvements_give_an_equal_profile() -> None:
    profile, _ = sam()
    assert apply_feedback(profile, resumekit.Feedback()).model_dump() == profile.model_dump()


# --- the built resume -------------------------------------------------------------------------


def sections(text: str) -> dict[str, str]:
    """The resume's text cut at its section headings (a page footer may precede one)."""
    found: dict[str, list[str]] = {}
    current = "(header)"
    for line in text.splitlines():
        bare = re.sub(r"^.*Page \d+ of \d+", "", line).strip()
        if bare in HEADINGS:
            current = bare
            found.setdefault(current, [])
        else:
            found.setdefault(current, []).append(line)
    return {name: "\n".join(lines) for name, lines in found.items()}


@pytest.fixture(scope="module")
def general_resume(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return sections(pdf_text(built_example(tmp_path_factory) / "general" / "Maya-Okafor-Resume.pdf"))


def test_the_general_resume_shows_the_added_volunteer_entry_under_volunteering(general_resume) -> None:
    volunteering = squash(general_resume["Volunteering"])
    for text in ("Code for Good", "Volunteer Project Lead",
                 "Led six volunteers to ship a food-bank inventory dashboard used by 3 pantries",
                 "Ran fortnightly planning and demo sessions with the pantry coordinators"):
        assert squash(text) in volunteering
    assert volunteering.index("CodeforGood") < volunteering.index("EastsideCommunityFreeClinic")


def test_the_general_resume_shows_the_added_certificate_under_certificates(general_resume) -> None:
    certificates = squash(general_resume["Certificates"])
    assert squash("Pathways Level 1: Presentation Mastery, Toastmasters International") in certificates
    assert "Pathways" not in squash(general_resume["Volunteering"] + general_resume["Experience"])


def test_the_general_resume_shows_the_extend_highlights_under_the_fernhill_entry(general_resume) -> None:
    experience = squash(general_resume["Experience"])
    fernhill = experience[experience.index("FernhillHealthTechnologies"):experience.index("MercyValley")]
    assert squash("Ran weekly analysis reviews for four analysts, turning each finding into a "
                  "one-page written brief") in fernhill
    assert squash("Led the 2026 clinic-churn analysis end to end") in fernhill
