"""What is due: feedback requests, follow-ups after working days of silence, thank-you
notes, each with its date and its draft; nothing already sent."""

from __future__ import annotations

import datetime as dt

import pytest

import resumekit
from resumekit.feedback.due import (FEEDBACK_REQUEST, FOLLOW_UP, THANK_YOU, add_working_days, draft_of, due_items,
                                    due_table, working_days_between)
from resumekit.rendering.theme import Theme

from ..helpers import PROFILES

TODAY = dt.date(2026, 11, 26)  # a Thursday


def _feedback(*applications: dict[str, object]) -> resumekit.Feedback:
    return resumekit.load_feedback({"applications": [{"employer": "Acme", **a} for a in applications]})


def _due(*applications: dict[str, object], today: dt.date = TODAY, after: int = 10) -> list[tuple[str, str, str]]:
    return [(d.application.id, d.what, d.date.isoformat()) for d in due_items(_feedback(*applications), today, after)]


@pytest.mark.parametrize("start, count, end", [
    ("2026-11-20", 1, "2026-11-23"),   # Friday + 1 working day = Monday
    ("2026-11-11", 10, "2026-11-25"),  # two weeks of working days
    ("2026-11-26", 0, "2026-11-26"),
])
def test_working_days_skip_weekends(start, count, end) -> None:
    assert add_working_days(dt.date.fromisoformat(start), count) == dt.date.fromisoformat(end)
    assert working_days_between(dt.date.fromisoformat(start), dt.date.fromisoformat(end)) == count


def test_a_rejection_six_days_ago_wants_a_feedback_request_by_the_seventh_day() -> None:
    assert _due({"id": "a", "applied": "2026-10-01", "rejected": "2026-11-20"}) == [
        ("a", FEEDBACK_REQUEST, "2026-11-27")]
    assert _due({"id": "a", "rejected": "2026-11-20", "feedbackRequested": "2026-11-21"}) == []
    assert _due({"id": "a", "rejected": "2026-11-20", "feedback": ["Too junior."]}) == []


def test_eleven_working_days_of_silence_after_applying_want_a_follow_up() -> None:
    items = due_items(_feedback({"id": "a", "applied": "2026-11-11"}), TODAY)
    assert [(d.what, d.date.isoformat(), d.state(TODAY)) for d in items] == [(FOLLOW_UP, "2026-11-25", "due")]
    assert items[0].reason == "applied 2026-11-11, no news for 11 working days"


def test_a_follow_up_not_yet_due_is_upcoming_and_the_wait_is_configurable() -> None:
    items = due_items(_feedback({"id": "a", "applied": "2026-11-20"}), TODAY)
    assert [(d.date.isoformat(), d.state(TODAY)) for d in items] == [("2026-12-04", "upcoming")]
    assert _due({"id": "a", "applied": "2026-11-20"}, after=3) == [("a", FOLLOW_UP, "2026-11-25")]


def test_a_follow_up_sent_since_the_last_news_is_not_due_again() -> None:
    assert _due({"id": "a", "applied": "2026-11-02", "followUps": ["2026-11-17"]}) == []
    # one sent before the interview chased the application, not the interview
    assert _due({"id": "a", "applied": "2026-11-02", "followUps": ["2026-11-05"],
                 "interviews": [{"date": "2026-11-09", "kind": "phone", "thanked": "2026-11-10"}]}) == [
        ("a", FOLLOW_UP, "2026-11-23")]


def test_an_interview_wants_a_thank_you_the_day_after_and_a_follow_up_later() -> None:
    assert _due({"id": "a", "applied": "2026-11-02", "interviews": [{"date": "2026-11-25", "kind": "panel"}]}) == [
        ("a", THANK_YOU, "2026-11-26"), ("a", FOLLOW_UP, "2026-12-09")]
    assert _due({"id": "a", "applied": "2026-11-02",
                 "interviews": [{"date": "2026-11-25", "thanked": "2026-11-25"}]}) == [("a", FOLLOW_UP, "2026-12-09")]


def test_a_thank_you_note_leaves_the_list_a_week_on() -> None:
    app = {"id": "a", "applied": "2026-10-01", "interviews": [{"date": "2026-11-10"}]}
    assert [what for _, what, _ in _due(app)] == [FOLLOW_UP]


def test_a_closed_application_wants_nothing_but_its_feedback_request() -> None:
    assert _due({"id": "a", "applied": "2026-10-01", "withdrawn": "2026-10-10"}) == []
    assert _due({"id": "a", "applied": "2026-10-01", "offer": "2026-10-20"}) == []
    assert _due({"id": "a", "applied": "2026-10-01", "interviews": [{"date": "2026-11-25"}],
                 "rejected": "2026-11-25"}) == [("a", FEEDBACK_REQUEST, "2026-12-02")]


def test_overdue_and_due_come_before_upcoming() -> None:
    items = _due({"id": "later", "applied": "2026-11-24"}, {"id": "now", "applied": "2026-11-02"},
                 {"id": "late", "rejected": "2026-11-02"})
    assert [i for i, _, _ in items] == ["late", "now", "later"]


def test_the_table_says_what_to_send_and_when() -> None:
    feedback = _feedback({"id": "a", "position": "Analyst", "applied": "2026-11-11"})
    table = due_table(due_items(feedback, TODAY), TODAY)
    assert table.splitlines() == ["Due as of 2026-11-26", "",
                                  "2026-11-25  follow-up         a (Acme, Analyst): applied 2026-11-11, no news "
                                  "for 11 working days; send now"]
    assert due_table([], TODAY).endswith("Nothing to send.\n")


def test_each_kind_of_draft_comes_from_its_template_with_the_interview_named() -> None:
    profile = resumekit.load_profile(PROFILES / "profile.yaml")
    feedback = _feedback({"id": "a", "position": "Analyst", "applied": "2026-11-02",
                          "contact": {"name": "Dana Lee", "email": "dana@acme.example"},
                          "interviews": [{"date": "2026-11-25", "kind": "technical"}]})
    thanks, follow = due_items(feedback, TODAY)
    fill = Theme.named().fill
    mail = draft_of(thanks, profile, fill)
    assert (mail.to, mail.subject) == ("Dana Lee <dana@acme.example>", "Thank you for the technical interview")
    assert "on Wednesday, November 25 about the Analyst role at Acme" in mail.body
    assert mail.body.endswith("Kind regards,\nMaya Okafor\nmaya.okafor@example.com\n+1 614-555-0142\n")
    mail = draft_of(follow, profile, fill)
    assert mail.subject == "Following up on my Analyst application"
    assert "and on our technical interview on Wednesday, November 25" in mail.body
    assert mail.send_by is None


def test_the_example_feedback_file_still_gives_its_request_and_a_follow_up() -> None:
    feedback = resumekit.load_feedback(PROFILES / "feedback.yaml")
    assert [(d.application.id, d.what) for d in due_items(feedback, TODAY)] == [
        ("northwind-clinical-lead-2026", FEEDBACK_REQUEST), ("lakeshore-health-analyst-2026", FOLLOW_UP)]
