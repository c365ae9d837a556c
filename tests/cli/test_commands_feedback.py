"""`resumekit feedback report|request`, and every bad feedback file through the command line."""

from __future__ import annotations

import email
import email.policy
import json
from pathlib import Path

import pytest

from ..feedback_fixtures import (
    BAD_FEEDBACK, SAM, SAM_FEEDBACK, BadCase, copy_example, located, run, run_process, write_project,
)

CONTACT_WORDS = ("Dana Lee", "dana.lee@", "Marcus Bell", "marcus.bell@")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example project that only read-only commands use; its config path."""
    return copy_example(tmp_path_factory.mktemp("example") / "project")


# --- feedback report --------------------------------------------------------------------------


def test_the_report_lists_cited_areas_what_addresses_them_and_an_overdue_request(capsys, example) -> None:
    done = run(capsys, "feedback", "report", "-c", example, "--today", "2026-11-26")
    assert (done.code, done.err) == (0, "")
    rows = {line.split()[0]: line.split() for line in done.out.splitlines()[3:5]}
    assert rows["leadership"] == ["leadership", "1", "code-for-good-lead,", "fernhill-analysis-reviews", "addressed"]
    assert rows["communication"] == ["communication", "1", "toastmasters-presentation,",
                                     "fernhill-analysis-reviews", "addressed"]
    assert "communication   acme-senior-analyst-2026 (from: 'hard to follow')" in done.out
    assert "leadership      acme-senior-analyst-2026 (given)" in done.out
    assert ("northwind-clinical-lead-2026 (Northwind Clinics, Clinical Data Lead): "
            "feedback request overdue since 2026-11-24") in done.out


def test_the_report_shows_a_request_that_is_due_with_its_date(capsys, example) -> None:
    done = run(capsys, "feedback", "report", "-c", example, "--today", "2026-11-20")
    assert done.code == 0
    assert ("northwind-clinical-lead-2026 (Northwind Clinics, Clinical Data Lead): "
            "send a feedback request by 2026-11-24") in done.out
    assert "overdue" not in done.out


def test_the_json_report_parses_and_has_the_same_facts(capsys, example) -> None:
    done = run(capsys, "feedback", "report", "-c", example, "--today", "2026-11-26", "--format", "json")
    data = json.loads(done.out)
    areas = {a["area"]: a for a in data["areas"]}
    assert (areas["leadership"]["rejections"], areas["leadership"]["status"]) == (1, "addressed")
    assert areas["leadership"]["addressed_by"] == ["code-for-good-lead", "fernhill-analysis-reviews"]
    assert areas["communication"]["addressed_by"] == ["toastmasters-presentation", "fernhill-analysis-reviews"]
    assert areas["communication"]["cited_by"][0]["inferred_from"] == ["hard to follow"]
    assert [(r["application"], r["state"], r["date"]) for r in data["requests"]][0] == (
        "northwind-clinical-lead-2026", "overdue", "2026-11-24")


def test_the_markdown_report_has_the_same_facts(capsys, example) -> None:
    done = run(capsys, "feedback", "report", "-c", example, "--today", "2026-11-20", "--format", "md")
    assert done.out.startswith("# Feedback report (2026-11-20)")
    assert ("| leadership | 1 | acme-senior-analyst-2026 (given) | code-for-good-lead, "
            "fernhill-analysis-reviews | addressed |") in done.out
    assert ("| communication | 1 | acme-senior-analyst-2026 (from: 'hard to follow') | "
            "toastmasters-presentation, fernhill-analysis-reviews | addressed |") in done.out
    assert "send a feedback request by 2026-11-24" in done.out


@pytest.mark.parametrize("fmt", ["table", "json", "md"])
def test_the_report_names_contacts_only_when_asked(capsys, example, fmt: str) -> None:
    hidden = run(capsys, "feedback", "report", "-c", example, "--today", "2026-11-26", "--format", fmt)
    shown = run(capsys, "feedback", "report", "-c", example, "--today", "2026-11-26", "--format", fmt,
                "--show-contacts")
    assert not [w for w in CONTACT_WORDS if w in hidden.out + hidden.err]
    assert "Marcus Bell" in shown.out and "marcus.bell@northwind.example" in shown.out


def test_never_managed_anyone_is_shown_as_leadership_with_its_words(capsys, tmp_path: Path) -> None:
    done = run(capsys, "feedback", "report", "-c", write_project(tmp_path), "--today", "2026-10-02")
    assert done.code == 0
    [why] = [line for line in done.out.splitlines() if line.startswith("  leadership ")]
    assert "globex-2026 (from: " in why and "'never managed anyone'" in why


def test_a_bad_today_is_a_command_line_error(capsys, example) -> None:
    done = run(capsys, "feedback", "report", "-c", example, "--today", "26/11/2026")
    assert done.code == 2
    assert "--today: '26/11/2026' is not a date like 2026-11-26" in done.err


def test_a_project_without_feedback_says_how_to_add_it(capsys, tmp_path: Path) -> None:
    done = run(capsys, "feedback", "report", "-c", write_project(tmp_path, feedback=None))
    assert done.code == 1
    assert "no feedback recorded" in done.err and "Traceback" not in done.err


# --- where feedback comes from ----------------------------------------------------------------


def test_feedback_from_a_folder_is_reported(capsys, tmp_path: Path) -> None:
    config = write_project(tmp_path, feedback=None, settings={"feedback": "feedback/"})
    apps, _, imps = SAM_FEEDBACK.partition("improvements:\n")
    (tmp_path / "feedback").mkdir()
    (tmp_path / "feedback" / "applications.yaml").write_text(apps, encoding="utf-8")
    (tmp_path / "feedback" / "improvements.yaml").write_text("improvements:\n" + imps, encoding="utf-8")
    done = run(capsys, "feedback", "report", "-c", config, "--today", "2026-10-02")
    assert done.code == 0
    assert "meetup-organiser" in done.out
    (tmp_path / "feedback" / "improvements.yaml").write_text(
        "improvements:\n" + imps.replace("[leadership]", "[leadersip]"), encoding="utf-8")
    done = run(capsys, "validate", "-c", config)
    assert done.code == 1
    assert located(done.err, "improvements.yaml", 3, 17)


def test_feedback_under_the_profile_feedback_key_is_reported_and_located(capsys, tmp_path: Path) -> None:
    inline = "feedback:\n" + "".join(f"  {line}\n" for line in SAM_FEEDBACK.splitlines())
    config = write_project(tmp_path, feedback=None, profile=SAM + inline)
    done = run(capsys, "feedback", "report", "-c", config, "--today", "2026-10-02")
    assert done.code == 0 and "meetup-organiser" in done.out
    (tmp_path / "profile.yaml").write_text(
        SAM + inline.replace("prompted_by: [globex-2026]", "prompted_by: [globex]"), encoding="utf-8")
    done = run(capsys, "feedback", "report", "-c", config)
    line = SAM.count("\n") + 1 + SAM_FEEDBACK.splitlines().index("    prompted_by: [globex-2026]") + 1
    assert done.code == 1
    assert located(done.err, "profile.yaml", line, 21)
    assert "feedback.improvements[0].prompted_by[0]: no application with id 'globex'" in done.err


def test_a_project_area_from_the_config_is_accepted_and_inferred(capsys, tmp_path: Path) -> None:
    feedback = """\
applications:
  - id: plant-2026
    employer: Northside Plant
    rejected: 2026-10-01
    feedbackReceived: 2026-10-05
    feedback:
      - We had doubts after the incident you described.
improvements:
  - id: osha-10
    addresses: [safety]
    add:
      certificates:
        - name: OSHA 10-Hour General Industry
          date: 2026-11
"""
    config = write_project(tmp_path, feedback, areas={"safety": ["incident", "hazard"]})
    done = run(capsys, "feedback", "report", "-c", config, "--format", "json", "--today", "2026-11-26")
    assert done.code == 0, done.err
    safety = next(a for a in json.loads(done.out)["areas"] if a["area"] == "safety")
    assert safety["cited_by"][0]["inferred_from"] == ["doubts after the incident"]
    assert (safety["addressed_by"], safety["status"]) == (["osha-10"], "addressed")
    assert run(capsys, "validate", "-c", config).code == 0
    bare = write_project(tmp_path / "bare", feedback)
    done = run(capsys, "validate", "-c", bare)
    assert done.code == 1 and "unknown feedback area 'safety'" in done.err


# --- every bad feedback file, through each command --------------------------------------------


@pytest.mark.parametrize("command", [["validate"], ["build"], ["feedback", "report"]],
                         ids=lambda c: " ".join(c))
@pytest.mark.parametrize("case", BAD_FEEDBACK, ids=lambda c: c.name)
def test_a_bad_feedback_file_is_a_located_error(capsys, tmp_path: Path, case: BadCase, command: list[str]) -> None:
    config = write_project(tmp_path, case.text)
    done = run(capsys, *command, "-c", config)
    line, column = case.place()
    assert done.code == 1
    assert located(done.err, "feedback.yaml", line, column), done.err
    assert case.message in done.err
    assert "Traceback" not in done.err
    assert not (tmp_path / "out").exists()


def test_validate_checks_a_feedback_file_given_by_name(capsys, tmp_path: Path) -> None:
    case = next(c for c in BAD_FEEDBACK if c.name == "unknown application")
    path = tmp_path / "feedback.yaml"
    path.write_text(case.text, encoding="utf-8")
    done = run(capsys, "validate", path)
    assert done.code == 1
    assert located(done.err, "feedback.yaml", *case.place())
    path.write_text(SAM_FEEDBACK, encoding="utf-8")
    assert run(capsys, "validate", path).out.strip() == f"ok: {path} (feedback)"


def test_a_bad_feedback_file_in_a_real_process_exits_1_without_a_traceback(tmp_path: Path) -> None:
    case = next(c for c in BAD_FEEDBACK if c.name == "extend finds two entries")
    config = write_project(tmp_path, case.text)
    done = run_process("feedback", "report", "-c", config)
    assert done.code == 1
    assert located(done.err, "feedback.yaml", *case.place())
    assert "Traceback" not in done.err


def test_building_and_reporting_never_change_the_users_files(capsys, tmp_path: Path) -> None:
    config = write_project(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert run(capsys, "build", "-c", config, "--format", "docx").code == 0
    assert run(capsys, "feedback", "report", "-c", config).code == 0
    assert run(capsys, "feedback", "request", "globex-2026", "-c", config).code == 0
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_a_failed_build_leaves_the_documents_built_before_untouched(capsys, tmp_path: Path) -> None:
    config = write_project(tmp_path)
    assert run(capsys, "build", "-c", config, "--format", "pdf").code == 0
    files = sorted((tmp_path / "out").rglob("*"))
    assert {"Sam-Rivera-Cover-Letter.pdf", "Sam-Rivera-Resume.pdf"} <= {p.name for p in files}
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files if p.is_file()}
    (tmp_path / "feedback.yaml").write_text(
        SAM_FEEDBACK + "  - id: reviews\n    addresses: [leadership]\n    extend:\n      - section: work\n"
                       "        match: Initech\n        highlights: [Ran reviews]\n", encoding="utf-8")
    done = run(capsys, "build", "-c", config, "--format", "pdf", "--force")
    assert done.code == 1 and "matches 2 work entries" in done.err
    assert sorted((tmp_path / "out").rglob("*")) == files
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files if p.is_file()} == before


# --- feedback request -------------------------------------------------------------------------


def test_the_request_prints_the_email_and_the_date_to_send_it_by(capsys, example) -> None:
    done = run(capsys, "feedback", "request", "northwind-clinical-lead-2026", "-c", example,
               "--today", "2026-11-20")
    assert done.code == 0
    lines = done.out.splitlines()
    assert lines[:3] == ["Send by: 2026-11-24", "To: Marcus Bell <marcus.bell@northwind.example>",
                         "Subject: Feedback on my Clinical Data Lead application"]
    assert "Dear Marcus," in lines


def test_a_late_request_says_so(capsys, example) -> None:
    done = run(capsys, "feedback", "request", "northwind-clinical-lead-2026", "-c", example,
               "--today", "2026-11-26")
    assert done.out.splitlines()[0] == "Send by: 2026-11-24 (overdue: send it today)"


def test_a_request_for_feedback_already_received_says_so_and_is_not_overdue(capsys, example) -> None:
    done = run(capsys, "feedback", "request", "acme-senior-analyst-2026", "-c", example, "--today", "2026-11-26")
    assert done.out.splitlines()[:2] == ["Send by: 2026-10-08",
                                         "Note: you recorded their feedback already on 2026-10-12."]


def test_a_request_before_any_decision_says_so(capsys, example) -> None:
    done = run(capsys, "feedback", "request", "lakeshore-health-analyst-2026", "-c", example)
    assert done.code == 0
    assert done.out.startswith("Note: no rejection is recorded for this application")
    assert "To: (no contact recorded)" in done.out


def test_the_request_writes_an_eml_that_reads_back(capsys, example, tmp_path: Path) -> None:
    out = tmp_path / "request.eml"
    done = run(capsys, "feedback", "request", "northwind-clinical-lead-2026", "-c", example,
               "--today", "2026-11-20", "--out", out)
    assert done.code == 0 and f"wrote {out}" in done.out
    message = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    assert message["Subject"] == "Feedback on my Clinical Data Lead application"
    assert message["To"] == "Marcus Bell <marcus.bell@northwind.example>"
    assert message["From"] == "Maya Okafor <maya.okafor@example.com>"
    body = message.get_content().replace("\r\n", "\n")
    assert body.startswith("Dear Marcus,\n\nThank you for letting me know your decision about the "
                           "Clinical Data Lead role at Northwind Clinics")
    assert body.rstrip().endswith("Maya Okafor\nmaya.okafor@example.com\n+1 614-555-0142")
    assert body.replace("\n", " ") in done.out.replace("\n", " ")


def test_an_existing_eml_is_kept_unless_overwrite_is_given(capsys, example, tmp_path: Path) -> None:
    out = tmp_path / "request.eml"
    out.write_text("mine", encoding="utf-8")
    done = run(capsys, "feedback", "request", "northwind-clinical-lead-2026", "-c", example, "--out", out)
    assert done.code == 1 and "pass --overwrite" in done.err
    assert out.read_text(encoding="utf-8") == "mine"
    done = run(capsys, "feedback", "request", "northwind-clinical-lead-2026", "-c", example,
               "--out", out, "--overwrite")
    assert done.code == 0 and out.read_bytes().startswith(b"To: Marcus Bell")


def test_an_unknown_application_suggests_the_closest(capsys, example) -> None:
    done = run(capsys, "feedback", "request", "northwind-clinical-lead", "-c", example)
    assert done.code == 2  # the command line names it, as an unknown target is for build
    assert "no application with id 'northwind-clinical-lead'; did you mean 'northwind-clinical-lead-2026'?" \
        in done.err


def test_a_template_in_the_users_theme_folder_overrides_the_wording(capsys, tmp_path: Path) -> None:
    config = copy_example(tmp_path / "project")
    (tmp_path / "project" / "mytheme").mkdir()
    (tmp_path / "project" / "mytheme" / "feedback-request.txt").write_text(
        "Subject: Could I ask for a few words on the {{ position }} interview?\n"
        "Hello {{ greeting_name or 'there' }},\n\nWhat would have made me a stronger candidate for "
        "{{ employer }}?\n\nBest,\n{{ sender }}\n", encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8").replace("theme: classic", "theme: mytheme"),
                      encoding="utf-8")
    out = tmp_path / "mine.eml"
    done = run(capsys, "feedback", "request", "northwind-clinical-lead-2026", "-c", config, "--out", out)
    assert done.code == 0, done.err
    message = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    assert message["Subject"] == "Could I ask for a few words on the Clinical Data Lead interview?"
    assert message.get_content().replace("\r\n", "\n") == ("Hello Marcus,\n\nWhat would have made me a stronger candidate "
                                     "for Northwind Clinics?\n\nBest,\nMaya Okafor\n")
