"""`resumekit apply`, `applications`, `due` and `interview`, end to end on real projects:
documents built and archived, read back from the PDF and DOCX; drafts parsed as email."""

from __future__ import annotations

import email
import email.policy
import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from resumekit.documents.interview import question_bank

from ..feedback_fixtures import SAM, copy_example, docx_text, pdf_text, run, squash, write_project
from ..helpers import PROFILES


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


# --- apply and applications -------------------------------------------------------------------


@pytest.fixture(scope="module")
def applied(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example project after `resumekit apply acme-lead` (PDF and DOCX); its config."""
    config = copy_example(tmp_path_factory.mktemp("apply") / "project")
    done = main_run("apply", "acme-lead", "-c", config, "--today", "2026-11-27")
    assert done == 0
    return config


def main_run(*args: str | Path) -> int:
    from resumekit.cli import main

    return main([str(a) for a in args])


def test_apply_archives_the_built_documents_with_a_manifest_and_a_record(applied) -> None:
    folder = applied.parent / "applications" / "acme-lead-2026"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["Maya-Okafor-Cover-Letter.docx", "Maya-Okafor-Cover-Letter.pdf", "Maya-Okafor-Resume.docx",
                     "Maya-Okafor-Resume.pdf", "application.yaml", "manifest.json", "report.md"]
    out = applied.parent / "out" / "acme-lead"
    for name in names:
        if name not in ("application.yaml", "manifest.json"):
            assert (folder / name).read_bytes() == (out / name).read_bytes(), name
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["application"], manifest["target"], manifest["date"]) == ("acme-lead-2026", "acme-lead",
                                                                               "2026-11-27")
    assert manifest["resumekit"] == __import__("resumekit").__version__
    assert manifest["files"]["Maya-Okafor-Resume.pdf"] == _hashes(folder)["Maya-Okafor-Resume.pdf"]
    profile = hashlib.sha256((applied.parent / "profile.yaml").read_bytes()).hexdigest()
    assert manifest["inputs"]["profile.yaml"] == profile
    assert "targets/acme-lead.yaml" in manifest["inputs"] and "feedback.yaml" in manifest["inputs"]
    record = yaml.safe_load((folder / "application.yaml").read_text(encoding="utf-8"))
    assert record["applications"] == [{"id": "acme-lead-2026", "employer": "Acme Health Analytics",
                                       "position": "Lead Data Analyst", "target": "acme-lead",
                                       "applied": __import__("datetime").date(2026, 11, 27)}]
    assert "Okafor" in pdf_text(folder / "Maya-Okafor-Resume.pdf")
    assert "Lead Data Analyst" in docx_text(folder / "Maya-Okafor-Cover-Letter.docx")


def test_a_build_after_a_profile_edit_changes_out_but_not_the_archive(capsys, applied, tmp_path) -> None:
    config = copy_example(tmp_path / "project")
    assert run(capsys, "apply", "acme-lead", "-c", config, "--today", "2026-11-27").code == 0
    folder = config.parent / "applications" / "acme-lead-2026"
    before = _hashes(folder)
    profile = config.parent / "profile.yaml"
    text = profile.read_text(encoding="utf-8")
    assert "Mentored two junior analysts" in text
    profile.write_text(text.replace("Mentored two junior analysts", "Mentored three junior analysts"),
                       encoding="utf-8")
    done = run(capsys, "build", "-c", config, "--target", "acme-lead")
    assert done.code == 0 and "built" in done.out
    out = config.parent / "out" / "acme-lead"
    assert "Mentoredthreejunioranalysts" in squash(pdf_text(out / "Maya-Okafor-Resume.pdf"))
    assert "Mentored three junior analysts" in docx_text(out / "Maya-Okafor-Resume.docx")
    assert _hashes(folder) == before
    assert "Mentoredtwojunioranalysts" in squash(pdf_text(folder / "Maya-Okafor-Resume.pdf"))
    assert "Mentoredthree" not in squash(pdf_text(folder / "Maya-Okafor-Resume.pdf"))
    assert run(capsys, "build", "-c", config, "--force").code == 0  # every target, from scratch
    assert _hashes(folder) == before


def test_applications_lists_every_application_with_its_stage(capsys, applied) -> None:
    done = run(capsys, "applications", "-c", applied)
    assert (done.code, done.err) == (0, "")
    rows = {line.split()[0]: line for line in done.out.splitlines()[1:]}
    assert set(rows) == {"acme-senior-analyst-2026", "northwind-clinical-lead-2026",
                         "lakeshore-health-analyst-2026", "acme-lead-2026"}
    assert re.search(r"acme-senior-analyst-2026 +Acme Health Analytics +rejected +2026-10-01 +- +-$",
                     rows["acme-senior-analyst-2026"])
    assert re.search(r"lakeshore-health-analyst-2026 +Lakeshore Public Health +applied +2026-11-09",
                     rows["lakeshore-health-analyst-2026"])
    assert re.search(r"acme-lead-2026 +Acme Health Analytics +applied +2026-11-27 +acme-lead +yes$",
                     rows["acme-lead-2026"])


def test_a_stage_added_to_the_record_shows_and_the_project_still_validates(capsys, tmp_path) -> None:
    config = copy_example(tmp_path / "project")
    assert run(capsys, "apply", "acme-lead", "-c", config, "--today", "2026-11-27", "--format", "pdf").code == 0
    record = config.parent / "applications" / "acme-lead-2026" / "application.yaml"
    record.write_text(record.read_text(encoding="utf-8")
                      + "  interviews:\n    - {date: 2026-11-30, kind: panel}\n", encoding="utf-8")
    assert run(capsys, "validate", "-c", config).code == 0
    done = run(capsys, "applications", "-c", config)
    assert re.search(r"acme-lead-2026 +Acme Health Analytics +panel interview +2026-11-30", done.out)


def test_applying_twice_with_one_target_is_refused_unless_an_id_is_given(capsys, applied, tmp_path) -> None:
    config = copy_example(tmp_path / "project")
    assert run(capsys, "apply", "acme-lead", "-c", config, "--today", "2026-11-27", "--format", "pdf").code == 0
    again = run(capsys, "apply", "acme-lead", "-c", config, "--today", "2026-11-28", "--format", "pdf")
    assert again.code == 2
    assert ("target 'acme-lead' is recorded as applied already: acme-lead-2026, on 2026-11-27; to record "
            "another application with it, pass an id of its own, e.g. --id acme-lead-2026-2") in again.err
    assert run(capsys, "apply", "acme-lead", "-c", config, "--today", "2026-11-28", "--format", "pdf",
               "--id", "acme-lead-second").code == 0
    assert (config.parent / "applications" / "acme-lead-second" / "Maya-Okafor-Resume.pdf").is_file()
    clash = run(capsys, "apply", "brightpath-analyst", "-c", config, "--id", "acme-lead-second")
    assert clash.code == 2 and "already recorded" in clash.err


def test_apply_names_an_unknown_target(capsys, applied) -> None:
    done = run(capsys, "apply", "acme-led", "-c", applied)
    assert done.code == 2
    assert "no target 'acme-led'; did you mean 'acme-lead'?" in done.err


# --- due ----------------------------------------------------------------------------------------

DUE_FEEDBACK = """\
applications:
  - id: harbor-2026                     # rejected six days ago: ask for feedback
    employer: Harbor Supply Co.
    position: Dispatch Lead
    applied: 2026-10-20
    rejected: 2026-11-20
    contact: {name: Priya Shah, email: priya.shah@harbor.example}
  - id: summit-2026                     # no news for eleven working days: follow up
    employer: Summit Outdoor Supply
    position: Logistics Supervisor
    applied: 2026-11-11
    contact: {name: Jordan Park, greeting: Jordan, email: jordan.park@summit.example}
  - id: cascade-2026                    # followed up already: nothing
    employer: Cascade Freight
    applied: 2026-11-02
    followUps: [2026-11-17]
  - id: ridge-2026                      # interviewed yesterday: a thank-you note
    employer: Ridge Logistics
    position: Dispatcher
    applied: 2026-11-16
    interviews:
      - {date: 2026-11-25, kind: phone}
"""


@pytest.fixture()
def due_project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "project", feedback=DUE_FEEDBACK)


def test_due_lists_the_request_the_follow_up_and_the_thank_you_and_nothing_already_sent(capsys,
                                                                                     due_project) -> None:
    done = run(capsys, "due", "-c", due_project, "--today", "2026-11-26")
    assert (done.code, done.err) == (0, "")
    lines = done.out.splitlines()
    assert lines[0] == "Due as of 2026-11-26"
    assert ("2026-11-27  feedback request  harbor-2026 (Harbor Supply Co., Dispatch Lead): rejected 2026-11-20; "
            "send by 2026-11-27") in lines
    assert ("2026-11-25  follow-up         summit-2026 (Summit Outdoor Supply, Logistics Supervisor): applied "
            "2026-11-11, no news for 11 working days; send now") in lines
    assert ("2026-11-26  thank-you note    ridge-2026 (Ridge Logistics, Dispatcher): phone interview 2026-11-25; "
            "send now") in lines
    assert "cascade-2026" not in done.out


def test_due_writes_each_draft_as_an_email_from_the_theme_template(capsys, due_project, tmp_path) -> None:
    drafts = tmp_path / "drafts"
    done = run(capsys, "due", "-c", due_project, "--today", "2026-11-26", "--out", drafts)
    assert done.code == 0
    assert sorted(p.name for p in drafts.iterdir()) == ["harbor-2026.feedback.eml", "ridge-2026.thank-you.eml",
                                                       "summit-2026.follow-up.eml"]
    follow = email.message_from_bytes((drafts / "summit-2026.follow-up.eml").read_bytes(),
                                      policy=email.policy.default)
    assert follow["To"] == "Jordan Park <jordan.park@summit.example>"
    assert follow["Subject"] == "Following up on my Logistics Supervisor application"
    body = follow.get_content()
    assert body.startswith("Dear Jordan,") and "Summit Outdoor Supply" in body and "Sam Rivera" in body
    thanks = email.message_from_bytes((drafts / "ridge-2026.thank-you.eml").read_bytes(),
                                      policy=email.policy.default)
    assert thanks["Subject"] == "Thank you for the phone interview"
    assert "on Wednesday, November 25" in thanks.get_content()
    again = run(capsys, "due", "-c", due_project, "--today", "2026-11-26", "--out", drafts)
    assert again.code == 1 and "exists; pass --overwrite" in again.err


def test_the_follow_up_wait_is_configurable_and_a_recorded_follow_up_ends_it(capsys, tmp_path) -> None:
    config = write_project(tmp_path / "p", feedback=DUE_FEEDBACK, followUpAfter=15)
    done = run(capsys, "due", "-c", config, "--today", "2026-11-26")
    assert "2026-12-02  follow-up         summit-2026" in done.out and "send from 2026-12-02" in done.out
    sent = DUE_FEEDBACK.replace("    applied: 2026-11-11\n", "    applied: 2026-11-11\n    followUps: [2026-11-26]\n")
    config = write_project(tmp_path / "q", feedback=sent)
    assert "summit-2026" not in run(capsys, "due", "-c", config, "--today", "2026-11-26").out


def test_a_users_template_changes_the_follow_up_wording(capsys, tmp_path) -> None:
    config = write_project(tmp_path / "p", feedback=DUE_FEEDBACK, theme="mytheme")
    theme = config.parent / "mytheme"
    theme.mkdir()
    (theme / "follow-up.txt").write_text("Subject: Any news, {{ employer }}?\n\nHello {{ greeting_name }}.\n",
                                         encoding="utf-8")
    drafts = tmp_path / "drafts"
    assert run(capsys, "due", "-c", config, "--today", "2026-11-26", "--out", drafts).code == 0
    mail = email.message_from_bytes((drafts / "summit-2026.follow-up.eml").read_bytes(), policy=email.policy.default)
    assert mail["Subject"] == "Any news, Summit Outdoor Supply?"
    assert mail.get_content().strip() == "Hello Jordan."


def test_old_feedback_files_still_validate_and_report(capsys, tmp_path) -> None:
    config = copy_example(tmp_path / "project")
    assert (config.parent / "feedback.yaml").read_bytes() == (PROFILES / "feedback.yaml").read_bytes()
    assert run(capsys, "validate", "-c", config).code == 0
    done = run(capsys, "due", "-c", config, "--today", "2026-11-26")
    assert "northwind-clinical-lead-2026" in done.out and "overdue since 2026-11-24" in done.out
    assert "lakeshore-health-analyst-2026" in done.out


# --- interview ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's acme-lead sheet, written by `resumekit interview`; its folder."""
    config = copy_example(tmp_path_factory.mktemp("interview") / "project")
    assert main_run("interview", "acme-lead", "-c", config) == 0
    return config.parent / "out" / "acme-lead"


def _topic(markdown: str, title: str) -> str:
    return markdown.split(f"### {title}\n", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]


def _unescaped(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _bank_strings() -> set[str]:
    """Every question, prompt and heading of the English bank, flattened."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.add(" ".join(value.split()))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(dict(question_bank("en").phrases))
    return found


def test_the_sheet_asks_about_leadership_and_communication_beside_the_persons_own_material(sheet) -> None:
    markdown = (sheet / "interview-practice.md").read_text(encoding="utf-8")
    bank = question_bank("en")
    for area, improvement_text in (("Leadership", "Led six volunteers to ship a food-bank inventory dashboard"),
                                   ("Communication", "Ran fortnightly planning and demo sessions")):
        topic = _topic(markdown, area)
        questions = bank.get(f"areas.{area.lower()}.questions")
        assert all(f". {q}" in topic for q in questions)
        material = topic.split("**Your own material, strongest first**", 1)[1]
        assert improvement_text in material
        assert "Ran weekly analysis reviews for four analysts" in material  # fernhill-analysis-reviews
        assert "Situation: where were you" in topic
    assert "> Answers in the panel interview were hard to follow." in markdown
    assert "Structure: give every answer the same four steps" in markdown


def test_the_sheet_holds_no_text_the_person_did_not_write_but_the_questions_and_prompts(sheet) -> None:
    own = " ".join((PROFILES / name).read_text(encoding="utf-8")
                   for name in ("profile.yaml", "feedback.yaml", "targets/acme-lead.yaml"))
    own = " ".join(own.split())
    bank = _bank_strings()
    formatted = {"Lead Data Analyst at Acme Health Analytics", "Raised in feedback from Acme Health Analytics",
                 "Interview practice: Lead Data Analyst at Acme Health Analytics"}
    for raw in (sheet / "interview-practice.md").read_text(encoding="utf-8").splitlines():
        line = _unescaped(re.sub(r"^(#+ |- |> |\d+\. )", "", raw)).strip("*").strip()
        if not line or line in bank or line in formatted:
            continue
        # an entry is its fields joined as the resume joins them: "a · b", a degree "type in area"
        pieces = [q for part in line.split(": ", 1) for p in part.split(" \u00b7 ") for q in p.split(" in ")]
        assert all(p in own for p in pieces), f"not the person's, nor the bank's: {raw!r}"


def test_the_sheet_pdf_is_tagged_and_reads_back_with_questions_beside_material(sheet) -> None:
    pdf = sheet / "interview-practice.pdf"
    text = squash(pdf_text(pdf))
    for needle in ("Interviewpractice", "LeadDataAnalystatAcmeHealthAnalytics", "Whatfeedbackraised",
                   "Tellmeaboutatimeyouledaprojectorateam", "Ledsixvolunteerstoshipafood-bankinventorydashboard",
                   "Result:whatcameofit?", "Whatthejobasksmost"):
        assert needle in text, needle
    reader = PdfReader(str(pdf))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en"
    import shutil
    import subprocess

    if shutil.which("pdftotext"):
        plain = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout
        assert "Answers in the panel interview were hard to follow." in plain


def test_interview_names_an_unknown_target(capsys, tmp_path) -> None:
    config = write_project(tmp_path / "p", feedback=None, profile=SAM)
    done = run(capsys, "interview", "nope", "-c", config)
    assert done.code == 2 and "no target 'nope'" in done.err


def test_a_project_with_no_application_yet_says_so(capsys, tmp_path) -> None:
    config = write_project(tmp_path / "p", feedback=None)
    done = run(capsys, "applications", "-c", config)
    assert (done.code, done.out) == (0, "No applications recorded yet: resumekit apply TARGET records one.\n")
    done = run(capsys, "due", "-c", config, "--today", "2026-11-26")
    assert (done.code, done.out) == (0, "Due as of 2026-11-26\n\nNothing to send.\n")


def test_a_mistake_in_a_record_is_located_in_it_and_nothing_is_built(capsys, tmp_path) -> None:
    config = copy_example(tmp_path / "project")
    assert run(capsys, "apply", "acme-lead", "-c", config, "--today", "2026-11-27", "--format", "pdf").code == 0
    record = config.parent / "applications" / "acme-lead-2026" / "application.yaml"
    record.write_text(record.read_text(encoding="utf-8") + "  interviews:\n    - {date: 2026-11-20, kind: zoom}\n",
                      encoding="utf-8")
    for command in (["validate"], ["build", "--target", "acme-lead"], ["due"], ["applications"]):
        done = run(capsys, *command, "-c", config)
        assert done.code == 1, command
        assert "application.yaml:18:32: applications[0].interviews[0].kind: must be 'phone'" in done.err, done.err
        assert "Traceback" not in done.err
    assert "2026-11-20" in record.read_text(encoding="utf-8")  # the user's file as they wrote it
