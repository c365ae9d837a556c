"""Loading applications with stages (interviews, offer, follow-ups...) and the records
`resumekit apply` writes: old files still load, new dates are checked and located."""

from __future__ import annotations

from pathlib import Path

import pytest

import resumekit
from resumekit.errors import FeedbackError
from resumekit.loading.feedback import APPLICATION_FILE, application_records, read_feedback

from ..feedback_fixtures import PROFILES, located
from ..helpers import write

STAGED = """\
applications:
  - id: ridge-2026
    employer: Ridge Logistics
    target: ridge-dispatcher
    applied: 2026-11-02
    interviews:
      - {date: 2026-11-10, kind: phone, with: Ana Ortiz, thanked: 2026-11-11}
      - date: 2026-11-18
        kind: panel
    followUps: [2026-11-25]
    offer: 2026-11-27
    accepted: 2026-11-30
"""


def test_an_application_with_every_stage_loads() -> None:
    app = resumekit.load_feedback({"applications": [__import__("yaml").safe_load(STAGED)["applications"][0]]}
                                  ).applications[0]
    assert [(i.date, i.kind, i.thanked) for i in app.interviews] == [("2026-11-10", "phone", "2026-11-11"),
                                                                    ("2026-11-18", "panel", None)]
    assert (app.target, app.offer, app.accepted, app.followUps) == ("ridge-dispatcher", "2026-11-27", "2026-11-30",
                                                                    ["2026-11-25"])
    assert app.interviews[0].with_ == "Ana Ortiz" and app.had_interviews


def test_the_example_feedback_file_loads_unchanged_with_no_new_field(tmp_path: Path) -> None:
    feedback = resumekit.load_feedback(PROFILES / "feedback.yaml")
    acme = feedback.applications[0]
    assert (acme.interviews, acme.followUps, acme.target, acme.offer) == ([], [], None, None)
    assert acme.interviewed and acme.had_interviews


@pytest.mark.parametrize("extra, where, message", [
    ("    interviews: [{date: 2026-10-01}]\n", (5, 25), "interviews[0].date (2026-10-01) is before applied (2026-11-02)"),
    ("    followUps: [2026-11-01]\n", (5, 17), "followUps[0] (2026-11-01) is before applied (2026-11-02)"),
    ("    interviews: [{date: 2026-11-10, thanked: 2026-10-09}]\n", (5, 46),
     "interviews[0].thanked (2026-10-09) is before applied (2026-11-02)"),
    ("    interviews: [{date: 2026-11-10, thanked: 2026-11-09}]\n", (5, 46),
     "thanked (2026-11-09) is before the interview (2026-11-10)"),
    ("    offer: 2026-11-20\n    accepted: 2026-11-19\n", (6, 15),
     "accepted (2026-11-19) is before offer (2026-11-20)"),
    ("    interviews: [{date: 2026-11-10, kind: zoom}]\n", (5, 43), "must be 'phone', 'video'"),
])
def test_a_stage_out_of_order_or_of_an_unknown_kind_is_located(tmp_path: Path, extra, where, message) -> None:
    path = write(tmp_path / "feedback.yaml", "applications:\n  - id: a\n    employer: Acme\n"
                                            "    applied: 2026-11-02\n" + extra)
    with pytest.raises(FeedbackError) as info:
        read_feedback(path)
    text = str(info.value)
    assert located(text, "feedback.yaml", *where), text
    assert message in text


def test_records_are_found_one_per_folder_and_merged_with_the_feedback_file(tmp_path: Path) -> None:
    folder = tmp_path / "applications"
    write(folder / "ridge-2026" / APPLICATION_FILE, STAGED)
    write(folder / "notes" / "todo.txt", "not a record")
    write(folder / ".ridge-2026.abcd.tmp" / APPLICATION_FILE, STAGED)  # being written by apply
    assert application_records(folder) == [folder / "ridge-2026" / APPLICATION_FILE]
    assert application_records(tmp_path / "none") == []
    loaded = read_feedback(PROFILES / "feedback.yaml", also=application_records(folder))
    assert [a.id for a in loaded.model.applications][-1] == "ridge-2026"
    assert len(loaded.hashes) == 2


def test_a_record_reusing_an_id_of_the_feedback_file_is_located_in_the_record(tmp_path: Path) -> None:
    record = write(tmp_path / "applications" / "x" / APPLICATION_FILE,
                   "applications:\n  - id: acme-senior-analyst-2026\n    employer: Acme\n")
    with pytest.raises(FeedbackError) as info:
        read_feedback(PROFILES / "feedback.yaml", also=[record])
    assert located(str(info.value), "application.yaml", 2, 9)
    assert "application id 'acme-senior-analyst-2026' is used twice" in str(info.value)


def test_one_date_where_a_list_is_wanted_is_said_as_written(tmp_path: Path) -> None:
    path = write(tmp_path / "feedback.yaml", "applications:\n  - id: a\n    employer: Acme\n"
                                            "    applied: 2026-11-02\n    followUps: 2026-12-01\n")
    with pytest.raises(FeedbackError) as info:
        read_feedback(path)
    assert "must be a list, not the date 2026-12-01" in str(info.value) and "datetime" not in str(info.value)
