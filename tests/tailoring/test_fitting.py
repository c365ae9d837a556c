"""Tailoring seen in the built files: real PDFs (read with pypdf) and DOCX (read with python-docx).

The example project is copied and built twice, in two processes with different
PYTHONHASHSEED values, once for the whole module; most tests only read those files.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

import resumekit
from resumekit.building.plan import plan_target
from resumekit.documents import Options, build_resume
from resumekit.building.project import load_project
from resumekit.rendering.pdf import measure_pages

from ..tailoring_fixtures import (
    PAT, bullets, cli, cli_env, copy_profiles, docx_paragraphs, docx_text, flat, outputs, pdf_pages, pdf_text,
)

TARGETS = ("acme-lead", "brightpath-analyst", "riverside-nurse-educator")
RESUME, LETTER = "Maya-Okafor-Resume", "Maya-Okafor-Cover-Letter"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> dict[str, Path]:
    """The example project built by `resumekit build` in two processes: PYTHONHASHSEED=1 and =2."""
    base = tmp_path_factory.mktemp("seeded")
    configs = {seed: copy_profiles(base / f"seed-{seed}") for seed in ("1", "2")}
    runs = {seed: subprocess.Popen([sys.executable, "-m", "resumekit.cli", "build", "-c", str(config), "--jobs", "1"],
                                   env=cli_env(PYTHONHASHSEED=seed), stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
            for seed, config in configs.items()}
    for seed, run in runs.items():
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
    return {seed: config.parent for seed, config in configs.items()}


@pytest.fixture(scope="module")
def out(seeded) -> Path:
    return seeded["1"] / "out"


@pytest.fixture(scope="module")
def project(seeded):
    return load_project(seeded["1"] / "resumekit.yaml")


@pytest.fixture(scope="module")
def plans(project):
    return {tid: plan_target(project, project.target(tid)) for tid in TARGETS}


def roles(path: Path) -> dict[str, list[str]]:
    """Each work entry's bullets in a resume DOCX, by employer, in the order shown."""
    found: dict[str, list[str]] = {}
    current = None
    section = ""
    for style, text in docx_paragraphs(path):
        if style == "Heading 1":
            section = text.strip()
        elif style == "Heading 2" and section == "Experience":
            current = text.split("\t")[0]
            found[current] = []
        elif style.startswith("List Bullet") and current is not None and section == "Experience":
            found[current].append(text)
    return found


def in_order(text: str, needles: list[str]) -> bool:
    at = 0
    squeezed = flat(text)
    for needle in needles:
        at = squeezed.find(flat(needle), at)
        if at < 0:
            return False
        at += len(flat(needle))
    return True


# --- determinism ----------------------------------------------------------------------------------


def test_every_output_is_byte_identical_across_processes_and_hash_seeds(seeded):
    one, two = outputs(seeded["1"] / "out"), outputs(seeded["2"] / "out")
    expected = {f"{tid}/{name}" for tid in TARGETS
                for name in (f"{RESUME}.pdf", f"{RESUME}.docx", f"{LETTER}.pdf", f"{LETTER}.docx", "report.md")}
    assert set(one) == set(two) == expected
    different = [name for name in one if one[name] != two[name]]
    assert not different


def test_the_same_inputs_give_the_same_selections(project, plans):
    for tid in TARGETS:
        again = plan_target(project, project.target(tid))
        assert again.profile.model_dump() == plans[tid].profile.model_dump()
        assert again.tailored.dropped == plans[tid].tailored.dropped


# --- two fields, one profile ----------------------------------------------------------------------


def test_the_data_and_nurse_resumes_order_highlights_for_their_jobs(out):
    data = roles(out / "brightpath-analyst" / f"{RESUME}.docx")
    nurse = roles(out / "riverside-nurse-educator" / f"{RESUME}.docx")
    assert list(data) == list(nurse)  # the same roles, in the same (chronological) order
    assert [b[0] for b in data.values()] != [b[0] for b in nurse.values()]
    assert "dbt" in data["Fernhill Health Technologies"][0]
    assert "Tableau" in data["Mercy Valley Health System"][0]
    assert re.search(r"EHR|training", nurse["Scioto Valley Medical Center"][0])
    assert sum(len(b) for b in nurse.values()) < sum(len(b) for b in data.values())  # one page


def test_the_pdf_shows_the_same_order_as_the_docx(out):
    for tid in TARGETS:
        shown = bullets(out / tid / f"{RESUME}.docx")
        assert shown
        assert in_order(pdf_text(out / tid / f"{RESUME}.pdf"), shown), tid


def test_the_built_resume_is_the_tailored_profile(out, plans):
    for tid in TARGETS:
        by_role = roles(out / tid / f"{RESUME}.docx")
        for entry in plans[tid].profile.work:
            assert by_role[entry.name] == [h.text for h in entry.highlights], (tid, entry.name)


@pytest.mark.parametrize("tid", TARGETS)
def test_skill_groups_and_keywords_come_in_the_tailored_order(out, plans, tid):
    lines = [text for style, text in docx_paragraphs(out / tid / f"{RESUME}.docx")
             if any(text.startswith(f"{group.name}: ") for group in plans[tid].profile.skills)]
    expected = [f"{group.name}: {', '.join(group.keywords)}" for group in plans[tid].profile.skills]
    assert len(lines) == len(expected)
    assert all(line.startswith(want) for line, want in zip(lines, expected))


def test_each_job_brings_its_own_skills_forward(plans):
    data = plans["brightpath-analyst"].profile.skills
    nurse = plans["riverside-nurse-educator"].profile.skills
    assert data[0].name == "Analytics" and nurse[0].name == "Clinical"
    clinical = next(g for g in nurse if g.name == "Clinical")
    assert clinical.keywords.index("patient education") < clinical.keywords.index("care planning")


def test_the_summary_variant_fits_the_field(out):
    data = pdf_text(out / "brightpath-analyst" / f"{RESUME}.pdf")
    nurse = pdf_text(out / "riverside-nurse-educator" / f"{RESUME}.pdf")
    assert "Fluent in SQL, Python and dbt" in re.sub(r"\s+", " ", data)
    assert "Holds an active Ohio RN license" in re.sub(r"\s+", " ", nurse)
    assert "Fluent in SQL" not in re.sub(r"\s+", " ", nurse)


def test_excluded_work_is_in_neither_file(out):
    for path in (out / "riverside-nurse-educator" / f"{RESUME}.pdf", out / "riverside-nurse-educator" / f"{RESUME}.docx"):
        text = flat(pdf_text(path) if path.suffix == ".pdf" else docx_text(path))
        assert flat("GitHub Actions CI for the analytics repository") not in text
        assert "dbt-fhir-starter" not in text


# --- the page budget --------------------------------------------------------------------------------


def test_a_one_page_budget_renders_to_exactly_one_page(out):
    assert pdf_pages(out / "riverside-nurse-educator" / f"{RESUME}.pdf") == 1


def test_without_the_budget_the_same_resume_runs_longer(project):
    job = project.target("riverside-nurse-educator").model_copy(update={"pages": None})
    unbudgeted = plan_target(project, job)
    doc = build_resume(unbudgeted.profile, Options(language=project.config.language, date=project.config.date))
    assert measure_pages(doc, project.theme, project.root)[0] >= 2


def test_the_report_lists_what_the_page_budget_left_out(out, plans):
    report = (out / "riverside-nurse-educator" / "report.md").read_text(encoding="utf-8")
    left = report.split("## Left out of this resume", 1)[1]
    budget = [line for line in left.splitlines() if line.endswith("(page budget)")]
    assert len(budget) == len(plans["riverside-nurse-educator"].tailored.dropped) > 0
    resume = flat(pdf_text(out / "riverside-nurse-educator" / f"{RESUME}.pdf"))
    for gone in plans["riverside-nurse-educator"].tailored.dropped:
        if gone.text != "the whole entry" and gone.place and gone.place.section in ("work", "volunteer", "projects"):
            assert flat(gone.text) not in resume, gone.text


def test_no_role_goes_and_each_keeps_its_top_highlight(out, project, plans):
    resume = flat(pdf_text(out / "riverside-nurse-educator" / f"{RESUME}.pdf"))
    tailored = plans["riverside-nurse-educator"].tailored
    unbudgeted = tailored.drop(0)
    assert [e.name for e in tailored.profile.work] == [e.name for e in project.profile.work]
    for entry in unbudgeted.profile.work:
        assert flat(entry.name) in resume
        assert flat(entry.highlights[0].text) in resume, entry.name


def test_a_target_without_a_budget_drops_nothing(plans):
    for tid, plan in plans.items():
        if plan.target.pages is None:
            assert plan.tailored.dropped == (), tid


def test_a_two_page_budget_keeps_what_fits_on_two_pages(out):
    for tid in ("acme-lead", "brightpath-analyst"):  # pages: 2 in the example
        assert len(PdfReader(out / tid / "Maya-Okafor-Resume.pdf").pages) == 2


# --- the report and the explain command --------------------------------------------------------------


def test_a_report_is_written_beside_each_targets_documents(out):
    for tid in TARGETS:
        report = (out / tid / "report.md").read_text(encoding="utf-8")
        assert report.startswith("# How this resume was tailored: ")
        assert "## Terms missing from your profile" in report


def test_explain_prints_what_the_build_wrote(seeded, out):
    run = cli("explain", "-c", str(seeded["2"] / "resumekit.yaml"), "riverside-nurse-educator")
    assert run.returncode == 0, run.stderr
    assert run.stdout == (out / "riverside-nurse-educator" / "report.md").read_text(encoding="utf-8")


# --- the letter --------------------------------------------------------------------------------------


@pytest.mark.parametrize("tid, role, company", [
    ("acme-lead", "Lead Data Analyst", "Acme Health Analytics"),
    ("brightpath-analyst", "Data Analyst, Product Analytics", "BrightPath Learning"),
    ("riverside-nurse-educator", "Clinical Nurse Educator", "Riverside General Hospital"),
])
def test_the_letter_names_role_and_company(out, tid, role, company):
    for text in (docx_text(out / tid / f"{LETTER}.docx"), pdf_text(out / tid / f"{LETTER}.pdf")):
        assert flat(f"the {role} position at {company}") in flat(text)


@pytest.mark.parametrize("tid", TARGETS)
def test_the_letter_lists_the_strongest_matching_highlights(out, plans, tid):
    shown = bullets(out / tid / f"{LETTER}.docx")
    strongest = list(plans[tid].tailored.letter_highlights)
    assert len(shown) == 3
    assert all(b in strongest for b in shown)
    assert [strongest.index(b) for b in shown] == sorted(strongest.index(b) for b in shown)
    assert in_order(pdf_text(out / tid / f"{LETTER}.pdf"), shown)


def test_the_letter_lists_no_highlight_the_growth_paragraph_tells(out, plans):
    paragraphs = [text for _, text in docx_paragraphs(out / "acme-lead" / f"{LETTER}.docx")]
    [growth] = [p for p in paragraphs if p.startswith("Since I applied for")]
    told = [h for h in plans["acme-lead"].tailored.letter_highlights if h[1:].casefold() in growth.casefold()]
    assert told  # the strongest highlights include improvements the paragraph tells ...
    shown = bullets(out / "acme-lead" / f"{LETTER}.docx")
    assert not set(told) & set(shown)  # ... and the list leaves them to it
    assert len(shown) == 3


def test_without_growth_the_letter_takes_the_top_three(out, plans):
    shown = bullets(out / "brightpath-analyst" / f"{LETTER}.docx")
    assert shown == list(plans["brightpath-analyst"].tailored.letter_highlights[:3])


# --- nothing added, nothing reworded -------------------------------------------------------------------


STRUCTURE = {"summary", "experience", "education", "skills", "volunteering", "projects", "certificates",
             "languages", "awards", "publications", "references", "interests", "present", "page", "of",
             "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

MISSING_JOB = """\
title: Platform Engineer
company: Initech
qualifications:
  - Kubernetes and Terraform in production
  - Salesforce and HubSpot administration
  - SQL and dbt
skills:
  - name: Cloud
    keywords: [Kubernetes, Terraform, Salesforce, HubSpot]
"""


@pytest.fixture(scope="module")
def missing_build(tmp_path_factory) -> Path:
    """A small project whose target asks for terms the profile lacks, built to real files."""
    root = tmp_path_factory.mktemp("missing") / "project"
    (root / "targets").mkdir(parents=True)
    (root / "profile.yaml").write_text(PAT, encoding="utf-8")
    (root / "targets" / "platform.yaml").write_text(MISSING_JOB, encoding="utf-8")
    (root / "targets" / "barista.yaml").write_text("title: Barista\ncompany: Bean There\n", encoding="utf-8")
    (root / "resumekit.yaml").write_text(yaml.safe_dump({
        "profile": "profile.yaml", "targets": "targets/", "output": "out", "documents": ["resume"],
        "formats": ["pdf", "docx"], "date": "2026-01-15"}), encoding="utf-8")
    result = resumekit.build(root / "resumekit.yaml")
    assert result.ok, result.failures
    return root / "out"


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z'+#./-]*[A-Za-z+#]|[A-Za-z]", text)}


def test_no_term_the_profile_lacks_reaches_the_resume(missing_build):
    for name in ("Pat-Quinn-Resume.pdf", "Pat-Quinn-Resume.docx"):
        path = missing_build / "platform" / name
        text = (pdf_text(path) if path.suffix == ".pdf" else docx_text(path)).casefold()
        for term in ("kubernetes", "k8s", "terraform", "salesforce", "hubspot", "initech", "platform engineer"):
            assert term not in text, (name, term)


def test_every_sentence_of_the_resume_is_the_persons_own(missing_build):
    own = yaml.safe_load(PAT)
    highlights = {h if isinstance(h, str) else h["text"] for section in ("work", "volunteer", "projects")
                  for e in own[section] for h in e["highlights"]}
    summaries = {v["text"] for v in own["basics"]["summary"]}
    path = missing_build / "platform" / "Pat-Quinn-Resume.docx"
    shown = bullets(path)
    assert shown and set(shown) <= highlights
    paragraphs = [text for _, text in docx_paragraphs(path)]
    assert len([p for p in paragraphs if p in summaries]) == 1
    profile_words = _words(PAT) | STRUCTURE
    for text in (docx_text(path), pdf_text(missing_build / "platform" / "Pat-Quinn-Resume.pdf")):
        assert _words(text) - profile_words == set()


def test_the_missing_terms_are_named_in_the_report(missing_build):
    report = (missing_build / "platform" / "report.md").read_text(encoding="utf-8")
    missing = report.split("## Terms missing from your profile", 1)[1].split("## Left out", 1)[0]
    for term in ("Kubernetes", "Terraform", "Salesforce", "HubSpot"):
        assert f"**{term}**" in missing
    matched = report.split("## Terms matched, and where", 1)[1].split("## Terms in your profile", 1)[0]
    assert "| SQL |" in matched and "| dbt |" in matched


def test_a_job_with_few_terms_warns_of_low_confidence(missing_build):
    report = (missing_build / "barista" / "report.md").read_text(encoding="utf-8")
    assert "Low confidence" in report
    assert "Low confidence" not in (missing_build / "platform" / "report.md").read_text(encoding="utf-8")
