"""What one target's documents are made from: the tailored profile fitted to its budget, the letter's date."""

from __future__ import annotations

import pytest

import resumekit
from resumekit import load_target
from resumekit.building import GENERAL_BUILD
from resumekit.building.plan import letter_day, plan_target

from ..helpers import make_project
from ..tailoring_fixtures import RESUME, TARGETS, cli, docx_paragraphs, docx_text, roles


def test_the_same_inputs_give_the_same_selections(seeded_project, seeded_plans):
    for tid in TARGETS:
        again = plan_target(seeded_project, seeded_project.target(tid))
        assert again.profile.model_dump() == seeded_plans[tid].profile.model_dump()
        assert again.tailored.dropped == seeded_plans[tid].tailored.dropped


def test_the_built_resume_is_the_tailored_profile(seeded_out, seeded_plans):
    for tid in TARGETS:
        by_role = roles(seeded_out / tid / f"{RESUME}.docx")
        for entry in seeded_plans[tid].profile.work:
            assert by_role[entry.name] == [h.text for h in entry.highlights], (tid, entry.name)


@pytest.mark.parametrize("tid", TARGETS)
def test_skill_groups_and_keywords_come_in_the_tailored_order(seeded_out, seeded_plans, tid):
    lines = [text for style, text in docx_paragraphs(seeded_out / tid / f"{RESUME}.docx")
             if any(text.startswith(f"{group.name}: ") for group in seeded_plans[tid].profile.skills)]
    expected = [f"{group.name}: {', '.join(group.keywords)}" for group in seeded_plans[tid].profile.skills]
    assert len(lines) == len(expected)
    assert all(line.startswith(want) for line, want in zip(lines, expected))


def test_each_job_brings_its_own_skills_forward(seeded_plans):
    data = seeded_plans["brightpath-analyst"].profile.skills
    nurse = seeded_plans["riverside-nurse-educator"].profile.skills
    assert data[0].name == "Analytics" and nurse[0].name == "Clinical"
    clinical = next(g for g in nurse if g.name == "Clinical")
    assert clinical.keywords.index("patient education") < clinical.keywords.index("care planning")


def test_the_general_plan_is_the_profile_untailored(seeded_project):
    plan = plan_target(seeded_project, None)
    assert (plan.id, plan.tailored, plan.growth) == (GENERAL_BUILD, None, None)
    assert plan.profile == seeded_project.profile


def test_only_a_re_application_gets_a_growth_paragraph(seeded_plans):
    assert (seeded_plans["acme-lead"].growth or "").startswith("Since I applied for the Senior Data Analyst role")
    assert seeded_plans["brightpath-analyst"].growth is None


def test_a_letter_is_dated_by_its_target_before_the_config():
    assert letter_day(load_target({"letterDate": "2026-02-03"}), "2026-01-15") == "2026-02-03"
    # a posting's date is when the job was posted, not when the letter was written
    assert letter_day(load_target({"date": "2026-02-03"}), "2026-01-15") == "2026-01-15"
    assert letter_day(load_target({}), "2026-01-15") == "2026-01-15"
    assert letter_day(None, "2026") == "2026"


def test_without_a_date_a_letter_is_dated_by_source_date_epoch(tmp_path):
    config = make_project(tmp_path, formats=["docx"], documents=["letter"])
    config.write_text(config.read_text(encoding="utf-8").replace("date: '2026-01-15'\n", ""), encoding="utf-8")
    assert "date:" not in config.read_text(encoding="utf-8")
    run = cli("build", "-c", str(config), SOURCE_DATE_EPOCH="1772323200")  # 2026-03-01, UTC
    assert run.returncode == 0, run.stderr
    assert "March 1, 2026" in docx_text(tmp_path / "out" / "general" / "Jane-Doe-Cover-Letter.docx")


def test_bold_matched_terms_sets_the_jobs_terms_in_bold_in_the_resume_only(tmp_path):
    import docx as python_docx

    profile = ("basics:\n  name: Jane Doe\nwork:\n  - name: Acme\n    position: Analyst\n    startDate: 2022-01\n"
               "    highlights: [Built dbt models and Looker dashboards, Ran the team offsite]\n")
    job = "title: Analytics Engineer\ncompany: Globex\nqualifications: [dbt and Looker]\nboldMatchedTerms: true\n"
    config = make_project(tmp_path, profile=profile, targets={"job.yaml": job}, formats=["docx"])
    resumekit.build(config)
    document = python_docx.Document(str(tmp_path / "out" / "job" / "Jane-Doe-Resume.docx"))
    [bullet] = [p for p in document.paragraphs if p.text.startswith("Built")]
    assert bullet.text == "Built dbt models and Looker dashboards"
    assert [r.text for r in bullet.runs if r.bold] == ["dbt", "Looker"]
    letter = python_docx.Document(str(tmp_path / "out" / "job" / "Jane-Doe-Cover-Letter.docx"))
    assert not [r for p in letter.paragraphs for r in p.runs if r.bold and r.text == "dbt"]
