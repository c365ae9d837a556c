"""Issue 8, "small things a new user met": one or more cases for each point of the issue.

Each case states the outcome the issue asks for; none is relaxed to match what the tool
does today. Projects are copies of ``resumekit init``'s scaffold, edited as a user would.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .harness import REPO, no_traceback, run, scaffold

BUILD_TIMEOUT = 30.0


# --- helpers -----------------------------------------------------------------------------


def read_yaml(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write_yaml(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def general_project(root: Path, **config: object) -> Path:
    """The scaffold without targets (one untailored 'general' build), resume only."""
    config.setdefault("documents", ["resume"])
    path = scaffold(root, **config)
    settings = read_yaml(path)
    settings.pop("targets", None)
    write_yaml(path, settings)
    return root


def edit_profile(root: Path, change) -> None:
    path = root / "profile.yaml"
    profile = read_yaml(path)
    change(profile)
    write_yaml(path, profile)


def add_applications(root: Path, *applications: dict) -> None:
    path = root / "feedback.yaml"
    feedback = read_yaml(path) or {}
    feedback.setdefault("applications", []).extend(applications)
    write_yaml(path, feedback)


def docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:  # there should be none; read them anyway
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return "\n".join(lines)


def build_general_resume(root: Path) -> str:
    """``resumekit build --format docx`` in a general project; the resume's DOCX text."""
    done = run("build", "--format", "docx", cwd=root, timeout=BUILD_TIMEOUT)
    no_traceback(done)
    assert done.returncode == 0, (done.stdout, done.stderr)
    resumes = sorted((root / "out").rglob("*Resume*.docx"))
    assert len(resumes) == 1, (resumes, done.stdout)
    return docx_text(resumes[0])


ACME = {
    "id": "acme-analyst-2026",
    "employer": "Acme Inc.",
    "position": "Senior Data Analyst",
    "applied": "2026-11-02",
    "rejected": "2026-11-27",
    "feedback": [{"text": "Limited experience leading projects or teams."}],
}


# --- 1. explain: an unknown target is a usage error; 'general' is a target ---------------


def test_explain_unknown_target_exits_2_like_build(tmp_path: Path) -> None:
    root = tmp_path / "p"
    scaffold(root)
    build = run("build", "--target", "NOPE", "--format", "docx", cwd=root, timeout=BUILD_TIMEOUT)
    explain = run("explain", "NOPE", cwd=root)
    no_traceback(build)
    no_traceback(explain)
    assert build.returncode == 2, (build.stdout, build.stderr)
    assert explain.returncode == 2, (explain.stdout, explain.stderr)
    assert "NOPE" in explain.stderr, explain.stderr


def test_explain_general_is_accepted(tmp_path: Path) -> None:
    root = tmp_path / "p"
    scaffold(root)  # a project with targets: 'general' is still a valid build target
    done = run("explain", "general", cwd=root, timeout=BUILD_TIMEOUT)
    no_traceback(done)
    assert done.returncode == 0, (done.stdout, done.stderr)
    assert done.stdout.strip(), "explain general printed nothing"


# --- 2. feedback request: a mistyped application id gets a suggestion ---------------------


@pytest.mark.parametrize(("typo", "meant"), [
    ("acme-analist", "acme-analyst-2026"),
    ("summit-logistic-2026", "summit-logistics-2026"),
])
def test_feedback_request_typo_suggests_nearest_id(tmp_path: Path, typo: str, meant: str) -> None:
    root = tmp_path / "p"
    scaffold(root)
    add_applications(root, dict(ACME))
    done = run("feedback", "request", typo, cwd=root)
    no_traceback(done)
    assert done.returncode in (1, 2), (done.returncode, done.stdout, done.stderr)
    lines = [line for line in done.stderr.splitlines() if "did you mean" in line.casefold()]
    assert lines, done.stderr
    assert any(meant in line for line in lines), done.stderr
    # the nearest one is suggested, not the other id
    other = {"acme-analyst-2026", "summit-logistics-2026"} - {meant}
    assert not any(o in line for line in lines for o in other), done.stderr


# --- 3. schema into a closed pipe or a full disk ends quietly -----------------------------


def _quiet(stderr: str) -> None:
    assert "Traceback (most recent call last)" not in stderr, stderr
    assert "Exception ignored" not in stderr, stderr
    assert "BrokenPipeError" not in stderr, stderr


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def test_schema_piped_to_head_ends_quietly(tmp_path: Path) -> None:
    command = f"'{sys.executable}' -m resumekit schema | head -1"
    done = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=_env(), capture_output=True,
                          text=True, timeout=20, errors="replace")
    _quiet(done.stderr)
    assert done.stdout.strip(), "head -1 got nothing"


def test_schema_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    # the reader is gone before the first write: every write fails with EPIPE
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([sys.executable, "-m", "resumekit", "schema"], cwd=tmp_path,
                              env=_env(), stdout=write_end, stderr=subprocess.PIPE, text=True,
                              timeout=20, errors="replace")
    finally:
        os.close(write_end)
    _quiet(done.stderr)
    assert done.returncode >= 0, done.returncode  # an exit, not a death by signal


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_schema_into_a_full_disk_ends_quietly(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "resumekit", "schema"], cwd=tmp_path,
                              env=_env(), stdout=full, stderr=subprocess.PIPE, text=True,
                              timeout=20, errors="replace")
    _quiet(done.stderr)
    assert done.returncode >= 0, done.returncode


# --- 4. validate does not print a long posting --------------------------------------------

UNIQUE = "Our warehouse mascot is a tortoise named Quentin who signs off every route plan."


def long_posting() -> str:
    paragraphs = [
        "Harbor Supply Co. - Logistics Supervisor (West Sacramento, CA)",
        "About the role:",
        "You will run daily dispatch for a fleet of 25 trucks and lead six coordinators.",
    ]
    for n in range(1, 121):
        paragraphs.append(f"- Responsibility {n}: plan routes, manage carriers, track freight "
                          f"budget line {n}, report on-time delivery and cost per load weekly.")
        if n == 60:
            paragraphs.append(UNIQUE)
    paragraphs += ["Qualifications:", "- 3+ years in logistics or dispatch", "- Excel, SAP",
                   "Salary: $68,000 - $78,000", "Apply by 2026-12-31."]
    return "\n".join(paragraphs) + "\n"


def test_validate_target_with_long_posting_does_not_echo_it(tmp_path: Path) -> None:
    root = tmp_path / "p"
    scaffold(root)
    posting = long_posting()
    assert len(posting) > 10_000
    (root / "targets" / "x.txt").write_text(posting, encoding="utf-8")
    write_yaml(root / "targets" / "x.yaml", {
        "title": "Logistics Supervisor", "company": "Harbor Supply Co.", "posting": "x.txt"})
    done = run("validate", "targets/x.yaml", cwd=root)
    no_traceback(done)
    out = done.stdout + done.stderr
    assert UNIQUE not in out, out[:2000]
    assert "Quentin" not in out, out[:2000]
    assert len(out) < len(posting) // 10, len(out)
    assert done.returncode == 0, (done.stdout[:2000], done.stderr[:2000])


# --- 5. documents of a removed target: reported, and removed by --clean -------------------


def test_removed_target_is_reported_then_cleaned(tmp_path: Path) -> None:
    root = tmp_path / "p"
    scaffold(root, documents=["resume"])
    targets = root / "targets"
    (targets / "old-job.yaml").write_text(
        (targets / "example-job.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    first = run("build", "--format", "docx", cwd=root, timeout=BUILD_TIMEOUT)
    assert first.returncode == 0, (first.stdout, first.stderr)
    assert list((root / "out" / "old-job").glob("*.docx")), first.stdout

    (targets / "old-job.yaml").unlink()
    second = run("build", "--format", "docx", cwd=root, timeout=BUILD_TIMEOUT)
    no_traceback(second)
    assert second.returncode == 0, (second.stdout, second.stderr)
    assert "old-job" in second.stdout + second.stderr, (second.stdout, second.stderr)

    clean = run("build", "--format", "docx", "--clean", cwd=root, timeout=BUILD_TIMEOUT)
    no_traceback(clean)
    assert clean.returncode == 0, (clean.stdout, clean.stderr)
    assert not (root / "out" / "old-job").exists(), sorted(os.listdir(root / "out"))
    assert list((root / "out" / "example-job").glob("*Resume*.docx")), "--clean removed live docs"

    after = run("build", "--format", "docx", cwd=root, timeout=BUILD_TIMEOUT)
    assert after.returncode == 0, (after.stdout, after.stderr)
    assert "old-job" not in after.stdout + after.stderr, (after.stdout, after.stderr)


# --- 6. a profile without basics.name ----------------------------------------------------


def test_profile_without_name_warns_and_builds_with_sensible_file_names(tmp_path: Path) -> None:
    root = tmp_path / "p"
    scaffold(root)

    def unname(profile: dict) -> None:
        del profile["basics"]["name"]
        profile["letter"].pop("signature", None)

    edit_profile(root, unname)
    done = run("build", cwd=root, timeout=BUILD_TIMEOUT)
    no_traceback(done)
    assert done.returncode == 0, (done.stdout, done.stderr)
    out = done.stdout + done.stderr
    assert any("warn" in line.casefold() and "name" in line.casefold()
               for line in out.splitlines()), out

    names = sorted(p.name for p in (root / "out" / "example-job").iterdir()
                   if p.suffix in (".pdf", ".docx"))
    assert len(names) == 4, names
    for name in names:
        assert re.match(r"[A-Za-z0-9]", name), names  # not "-Resume.pdf" or ".pdf"
        assert "--" not in name and "None" not in name and "null" not in name.casefold(), names
    stems = {Path(n).stem for n in names}
    assert any(s.endswith("Resume") for s in stems), names
    assert any(s.endswith("Cover-Letter") for s in stems), names


# --- 7. spoken languages and a skill group called "Languages" -----------------------------


def test_languages_heading_not_printed_twice(tmp_path: Path) -> None:
    root = general_project(tmp_path / "p")

    def languages(profile: dict) -> None:
        profile["languages"] = [{"language": "Spanish", "fluency": "Native speaker"},
                                {"language": "English", "fluency": "Fluent"}]
        profile["skills"].append({"name": "Languages", "keywords": ["Python", "SQL"]})

    edit_profile(root, languages)
    text = build_general_resume(root)
    assert "Spanish" in text and "Python" in text, text  # both are on the resume
    count = len(re.findall(r"\blanguages\b", text, flags=re.IGNORECASE))
    assert count <= 1, text


# --- 8. education score ------------------------------------------------------------------


@pytest.mark.parametrize("score", ["3.6", "3.6 GPA", "GPA 3.6"])
def test_education_score_prints_as_gpa(tmp_path: Path, score: str) -> None:
    root = general_project(tmp_path / "p")
    edit_profile(root, lambda profile: profile["education"][0].update(score=score))
    text = build_general_resume(root)
    assert "GPA 3.6" in text, text
    assert "Grade" not in text, text  # neither "Grade: 3.6 GPA" nor "Grade: GPA 3.6"
    assert "3.6 GPA" not in text, text
    assert "GPA GPA" not in text, text


# --- 9. an interest without keywords -----------------------------------------------------


def test_interest_without_keywords_has_no_colon(tmp_path: Path) -> None:
    root = general_project(tmp_path / "p")

    def interests(profile: dict) -> None:
        profile["interests"] = [{"name": "Chess"},
                                {"name": "Hiking", "keywords": ["Sierra trails"]}]

    edit_profile(root, interests)
    text = build_general_resume(root)
    assert "Chess" in text, text
    assert "Chess:" not in text, text
    assert not re.search(r"Chess\s*:", text), text


# --- 10. the feedback-request email -------------------------------------------------------


def acme_request(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    root = tmp_path / "p"
    scaffold(root)
    add_applications(root, dict(ACME))
    done = run("feedback", "request", "acme-analyst-2026", cwd=root)
    no_traceback(done)
    assert done.returncode == 0, (done.stdout, done.stderr)
    return done


def test_feedback_request_no_double_full_stop_after_inc(tmp_path: Path) -> None:
    done = acme_request(tmp_path)
    assert "Acme Inc." in done.stdout, done.stdout
    assert "Inc.." not in done.stdout + done.stderr, done.stdout


def test_feedback_request_names_company_once_or_twice(tmp_path: Path) -> None:
    done = acme_request(tmp_path)
    lines = done.stdout.splitlines()
    subject = next(i for i, line in enumerate(lines) if line.startswith("Subject:"))
    body = "\n".join(lines[subject + 1:])
    count = body.count("Acme")
    assert 1 <= count <= 2, (count, body)


# --- 11. a rejection date in the future --------------------------------------------------


def test_future_rejection_date_is_a_warning(tmp_path: Path) -> None:
    root = tmp_path / "p"
    scaffold(root)
    future = dict(ACME, id="acme-future", applied="2026-11-20", rejected="2027-06-01")
    add_applications(root, future)
    done = run("validate", cwd=root)
    no_traceback(done)
    out = done.stdout + done.stderr
    assert done.returncode == 0, (done.stdout, done.stderr)
    warnings = [line for line in out.splitlines() if "warn" in line.casefold()]
    assert any("2027-06-01" in line or "future" in line.casefold() for line in warnings), out


# --- 12. the error classes in the API ----------------------------------------------------


def test_error_classes_exported_with_exit_codes() -> None:
    import resumekit
    from resumekit import BuildError, ResumekitError, UsageError

    assert resumekit.BuildError is BuildError
    assert issubclass(BuildError, ResumekitError)
    assert issubclass(UsageError, ResumekitError)
    assert not issubclass(UsageError, BuildError)
    assert ResumekitError.exit_code == 1
    assert UsageError.exit_code == 2


def test_error_classes_in_all() -> None:
    import resumekit

    assert {"BuildError", "UsageError", "ResumekitError"} <= set(resumekit.__all__)


# --- 13. README names libharfbuzz-subset0 beside Pango ------------------------------------


def test_readme_names_harfbuzz_subset_beside_pango() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    paragraphs = re.split(r"\n\s*\n", readme)
    assert any("libharfbuzz-subset0" in p and "Pango" in p for p in paragraphs), \
        [p for p in paragraphs if "Pango" in p]


# --- 14. python -m resumekit --version ----------------------------------------------------


def test_python_m_version() -> None:
    import resumekit

    done = run("--version", cwd=REPO)
    no_traceback(done)
    assert done.returncode == 0, (done.stdout, done.stderr)
    assert resumekit.__version__ in done.stdout + done.stderr, (done.stdout, done.stderr)
