"""Why a resume looks the way it does: resumekit.tailoring.explain, report.md and `resumekit explain`."""

from __future__ import annotations

import json
import re

import pytest

from resumekit.building.project import load_project
from resumekit.tailoring import explain, tailor
from resumekit.tailoring import explanation_markdown as as_markdown
from resumekit.tailoring.explanation import JSON_VERSION

from ..tailoring_fixtures import DATA_JOB, PROFILES, TARGETS, cli, copy_profiles, profile, target

ASKING_MORE = {
    "title": "Analytics Engineer", "company": "Initech",
    "qualifications": ["Advanced SQL and dbt", "Python and Airflow", "Kubernetes in production",
                       "Salesforce reporting"],
    "responsibilities": ["Model FHIR exports", "Build Tableau dashboards"],
}


def names(reports) -> list[str]:
    return [getattr(r, "term", r).name for r in reports]


def test_explanation_names_matched_and_missing_terms():
    t = tailor(profile(), target(ASKING_MORE))
    e = explain(t)
    assert {"SQL", "dbt", "FHIR"} <= set(names(e.matched))
    assert {"Kubernetes", "Salesforce"} <= set(names(e.missing))
    assert not set(names(e.matched)) & set(names(e.missing))
    assert set(names(e.matched)) | set(names(e.left_out)) | set(names(e.missing)) == {x.name for x in t.terms}


def test_matched_terms_say_where_they_are_shown_and_how():
    e = explain(tailor(profile(), target(ASKING_MORE)))
    places = {r.term.name: r.places for r in e.matched}
    assert "Experience: Globex, highlight 1" in places["SQL"]
    assert "Projects: dbt-fhir-starter, highlight 1" in places["FHIR"]


def test_coverage_is_the_share_of_weight_matched():
    t = tailor(profile(), target(ASKING_MORE))
    e = explain(t)
    total = sum(x.weight for x in t.terms)
    assert e.coverage == pytest.approx(sum(r.term.weight for r in e.matched) / total)
    assert 0 < e.coverage < 1
    assert explain(tailor(profile(), target(DATA_JOB))).coverage == pytest.approx(1.0)


def test_terms_only_in_what_a_tag_filter_left_out_are_left_out_not_missing():
    e = explain(tailor(profile(), target(ASKING_MORE, exclude=["engineering"])))
    left = {r.term.name: r.places for r in e.left_out}
    assert "FHIR" in left
    assert any("excluded by tag 'engineering'" in p for p in left["FHIR"])
    assert "FHIR" not in names(e.matched) and "FHIR" not in names(e.missing)


def test_terms_only_in_an_entry_dropped_for_the_page_are_left_out_not_matched():
    t = tailor(profile(), target(ASKING_MORE))
    bare = t.drop(len(t.droppable))
    assert bare.profile.projects == []
    e = explain(bare)
    assert "FHIR" not in names(e.matched)
    left = {r.term.name: r.places for r in e.left_out}
    assert any("page budget" in p for p in left["FHIR"])
    assert e.coverage < explain(t).coverage


def test_everything_left_out_is_listed_with_its_reason():
    t = tailor(profile(), target(ASKING_MORE, exclude=["engineering"]))
    bare = t.drop(len(t.droppable))
    dropped = explain(bare).dropped
    assert any("Set up GitHub Actions CI" in d and "(excluded by tag 'engineering')" in d for d in dropped)
    assert any("Precepted 12 new-graduate nurses" in d and "(page budget" in d for d in dropped)
    assert not any("other summary variant" in d for d in dropped)


def test_a_job_that_yields_few_terms_is_of_low_confidence():
    thin = tailor(profile(), target(title="Barista", company="Bean There"))
    assert explain(thin).low_confidence
    assert "Low confidence" in as_markdown(explain(thin), thin)
    full = tailor(profile(), target(ASKING_MORE))
    assert not explain(full).low_confidence
    assert "Low confidence" not in as_markdown(explain(full), full)


def test_the_markdown_report_has_every_section():
    t = tailor(profile(), target(ASKING_MORE, exclude=["engineering"]))
    text = as_markdown(explain(t), t)
    assert text.startswith("# How this resume was tailored: Analytics Engineer at Initech\n")
    for heading in ("## Terms matched, and where", "## Terms in your profile but left out",
                    "## Terms missing from your profile", "## Left out of this resume"):
        assert heading in text
    assert re.search(r"\*\*Coverage: \d+%\*\*", text)
    assert re.search(r"^\| SQL \| [\d.]+ \| required \| .*Experience: Globex", text, re.M)
    assert "- **Kubernetes** (required" in text
    assert 'Summary used: Summary (variant 1), "' in text


def test_the_example_jobs_explanations_name_their_terms():
    project = load_project(PROFILES / "resumekit.yaml")
    data = explain(tailor(project.profile, project.target("brightpath-analyst"), project.feedback, project.taxonomy))
    assert {"SQL", "dbt", "A/B Testing", "Tableau", "Python"} <= set(names(data.matched))
    assert {"Snowflake"} <= set(names(data.missing))
    nurse = explain(tailor(project.profile, project.target("riverside-nurse-educator"), project.feedback,
                           project.taxonomy))
    assert {"Registered Nurse", "BLS", "Precepting", "Patient Education"} <= set(names(nurse.matched))
    assert "ACLS" in names(nurse.missing)
    assert "SQL" not in names(nurse.matched) + names(nurse.missing)


# --- the command line -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_profiles(tmp_path_factory.mktemp("explain") / "project")


def test_explain_prints_the_report_and_exits_0(project):
    run = cli("explain", "-c", str(project), "acme-lead")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("# How this resume was tailored: Lead Data Analyst at Acme Health Analytics")
    assert "## Terms matched, and where" in run.stdout
    assert "| SQL |" in run.stdout
    assert "Traceback" not in run.stderr


TERM_FIELDS = {"name", "weight", "kind", "status", "listed", "asWritten", "evidence"}
EVIDENCE_FIELDS = {"where", "text", "how", "form", "shown"}


@pytest.mark.parametrize("tid", ["acme-lead", "brightpath-analyst", "riverside-nurse-educator"])
def test_explain_as_json_parses_and_carries_every_field(project, tid):
    run = cli("explain", "-c", str(project), tid, "--format", "json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["version"] == JSON_VERSION and data["target"] == tid
    assert 0 <= data["coverage"] <= 1
    assert data["terms"] and data["requirements"]
    for term in data["terms"]:
        assert set(term) == TERM_FIELDS
        assert term["kind"] in ("required", "responsibility", "nice")
        assert term["status"] in ("matched", "left out", "missing")
        assert (term["status"] == "missing") == (term["evidence"] == [])
        for found in term["evidence"]:
            assert EVIDENCE_FIELDS <= set(found)
            assert found["how"] in ("exact", "alias", "stem", "phrase", "fuzzy", "tag")
        if term["status"] == "matched":
            assert any(f["shown"] for f in term["evidence"])
    for requirement in data["requirements"]:
        assert set(requirement) == {"text", "kind", "terms", "evidence"}
        if requirement["evidence"] is not None:
            assert {m["term"] for m in requirement["evidence"]["matches"]} <= set(requirement["terms"])
    for dropped in data["dropped"]:
        assert set(dropped) == {"where", "text", "reason"}


def test_the_json_and_the_markdown_tell_the_same_coverage(project):
    md = cli("explain", "-c", str(project), "brightpath-analyst").stdout
    data = json.loads(cli("explain", "-c", str(project), "brightpath-analyst", "--format", "json").stdout)
    assert f"**Coverage: {data['coverage']:.0%}**" in md
    matched = [t["name"] for t in data["terms"] if t["status"] == "matched"]
    assert all(f"| {name} |" in md for name in matched)


def test_an_employer_name_is_never_evidence_for_a_term():
    job = target(title="Dispatcher", qualifications=["Freight management experience", "Route planning"])
    pat = profile().model_copy(deep=True)
    pat.work[0].name = "Valley Freight Management Co."
    t = tailor(pat, job)
    entry = next(u for u in t.units if u.place.section == "work" and u.place.entry == 0 and u.place.highlight is None)
    assert not any(h.term.casefold().startswith("freight") for h in entry.hits)
    assert "Valley Freight" in entry.text  # still shown, only not taken as evidence


def test_explain_runs_from_the_project_folder(project):
    run = cli("explain", "brightpath-analyst", cwd=project.parent)
    assert run.returncode == 0, run.stderr
    assert "Snowflake" in run.stdout


def test_explain_of_an_unknown_target_exits_2_as_build_does(project):
    run = cli("explain", "-c", str(project), "no-such-job")
    assert run.returncode == 2
    assert "no target 'no-such-job'" in run.stderr
    assert "acme-lead" in run.stderr  # says which targets there are
    assert "Traceback" not in run.stderr
    assert run.stdout == ""


@pytest.fixture
def broken(tmp_path):
    config = copy_profiles(tmp_path / "project")
    path = config.parent / "targets" / "riverside-nurse-educator.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("pages: 1", "pages: one"), encoding="utf-8")
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("pages:"))
    return config, line


def test_explain_of_a_target_with_a_bad_field_gives_a_located_error(broken):
    config, line = broken
    run = cli("explain", "-c", str(config), "riverside-nurse-educator")
    assert run.returncode == 1
    assert re.search(rf"riverside-nurse-educator\.yaml:{line}:\d+: pages:", run.stderr), run.stderr
    assert "Traceback" not in run.stderr


def test_explain_of_a_good_target_works_beside_a_broken_one(broken):
    config, _ = broken
    run = cli("explain", "-c", str(config), "acme-lead")
    assert run.returncode == 0, run.stderr


# --- the report each build writes --------------------------------------------------------------


def test_a_report_is_written_beside_each_targets_documents(seeded_out):
    for tid in TARGETS:
        report = (seeded_out / tid / "report.md").read_text(encoding="utf-8")
        assert report.startswith("# How this resume was tailored: ")
        assert "## Terms missing from your profile" in report


def test_explain_prints_what_the_build_wrote(seeded_example, seeded_out):
    run = cli("explain", "-c", str(seeded_example["2"] / "resumekit.yaml"), "riverside-nurse-educator")
    assert run.returncode == 0, run.stderr
    assert run.stdout == (seeded_out / "riverside-nurse-educator" / "report.md").read_text(encoding="utf-8")


def test_the_missing_terms_are_named_in_the_report(missing_terms_build):
    report = (missing_terms_build / "platform" / "report.md").read_text(encoding="utf-8")
    missing = report.split("## Terms missing from your profile", 1)[1].split("## Left out", 1)[0]
    for term in ("Kubernetes", "Terraform", "Salesforce", "HubSpot"):
        assert f"**{term}**" in missing
    matched = report.split("## Terms matched, and where", 1)[1].split("## Terms in your profile", 1)[0]
    assert "| SQL |" in matched and "| dbt |" in matched


def test_a_job_with_few_terms_warns_of_low_confidence(missing_terms_build):
    report = (missing_terms_build / "barista" / "report.md").read_text(encoding="utf-8")
    assert "Low confidence" in report
    assert "Low confidence" not in (missing_terms_build / "platform" / "report.md").read_text(encoding="utf-8")
