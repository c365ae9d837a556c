"""An application's stages, in order, and the stage it is at now."""

from __future__ import annotations

import resumekit
from resumekit.feedback.lifecycle import applications_table, current_stage, is_open, stages_of
from resumekit.models.feedback import Application

from ..helpers import PROFILES


def _app(**fields: object) -> Application:
    return Application.model_validate({"id": "acme-2026", "employer": "Acme", **fields})


def test_stages_run_in_date_order_with_each_interview_and_its_kind() -> None:
    app = _app(applied="2026-11-02", interviews=[{"date": "2026-11-20", "kind": "technical"},
                                                 {"date": "2026-11-10", "kind": "phone"}],
               offer="2026-11-25", accepted="2026-11-27")
    assert [str(s) for s in stages_of(app)] == ["applied 2026-11-02", "phone interview 2026-11-10",
                                               "technical interview 2026-11-20", "offer 2026-11-25",
                                               "accepted 2026-11-27"]
    assert current_stage(app).name == "accepted" and not is_open(app)


def test_an_outcome_on_the_day_of_an_interview_is_the_stage_it_is_at() -> None:
    app = _app(applied="2026-11-02", interviews=[{"date": "2026-11-20", "kind": "panel"}], rejected="2026-11-20")
    assert current_stage(app).name == "rejected"


def test_an_old_record_with_interviewed_true_has_an_undated_interview_after_applied() -> None:
    app = _app(applied="2026-09-20", interviewed=True, rejected="2026-10-01")
    assert [(s.name, s.date) for s in stages_of(app)] == [("applied", "2026-09-20"), ("interview", ""),
                                                          ("rejected", "2026-10-01")]
    assert app.had_interviews


def test_an_application_waiting_for_news_is_open_and_one_withdrawn_is_not() -> None:
    waiting = _app(applied="2026-11-02", interviews=[{"date": "2026-11-10"}])
    assert is_open(waiting) and str(current_stage(waiting)) == "interview 2026-11-10"
    assert not is_open(_app(applied="2026-11-02", withdrawn="2026-11-05"))
    assert current_stage(_app()).name == "recorded"


def test_the_table_lists_every_example_application_with_its_stage_and_archive() -> None:
    feedback = resumekit.load_feedback(PROFILES / "feedback.yaml")
    table = applications_table(feedback.applications, {"lakeshore-health-analyst-2026"})
    lines = table.splitlines()
    assert lines[0].split() == ["APPLICATION", "EMPLOYER", "STAGE", "SINCE", "TARGET", "ARCHIVED"]
    assert [line.split()[0] for line in lines[1:]] == ["acme-senior-analyst-2026", "northwind-clinical-lead-2026",
                                                       "lakeshore-health-analyst-2026"]
    assert lines[3].split()[-4:] == ["applied", "2026-11-09", "-", "yes"]
    assert lines[1].split()[-4:] == ["rejected", "2026-10-01", "-", "-"]
