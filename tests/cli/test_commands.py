"""The commands: exit codes 0/1/2, located messages without tracebacks, init, build, schema."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from ..helpers import JANE, exit_code, make_project, run_cli, snapshot

TYPE_ERROR_ON_LINE_12 = """\
basics:
  name: Jane Doe
  label: Data Analyst
  email: jane@example.com
work:
  - name: Globex
    position: Analyst
    startDate: 2022-03
    highlights:
      - Built the churn model
  - name: Initech
    position: [Junior, Analyst]
"""


# --- the user's files are wrong: exit 1, located, no traceback -------------------------------


def test_a_type_error_on_line_12_exits_1_naming_the_line(tmp_path):
    make_project(tmp_path, profile=TYPE_ERROR_ON_LINE_12)
    done = run_cli("build", cwd=tmp_path)
    assert done.returncode == 1
    assert "profile.yaml:12:15: work[1].position: must be text, not a list" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_every_problem_is_printed_with_its_place(tmp_path, capsys):
    path = tmp_path / "profile.yaml"
    path.write_text("basics:\n  email: 5\nwork:\n  - startDate: 2024-13\n    highlights: one\n")
    assert exit_code(["validate", str(path)]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error: ")]
    assert [line.split(": ")[1] for line in errors] == [f"{path}:2:10", f"{path}:4:16", f"{path}:5:17"]


def test_a_missing_config_exits_1_and_says_so(tmp_path):
    done = run_cli("build", cwd=tmp_path)
    assert done.returncode == 1
    assert "resumekit.yaml: file not found" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_unknown_key_is_a_warning_with_a_suggestion(tmp_path, capsys):
    make_project(tmp_path, profile=JANE.replace("  label:", "  lable:"))
    assert exit_code(["validate", "-c", str(tmp_path / "resumekit.yaml")]) == 0
    assert "basics.lable: warning: unknown key 'lable'; did you mean 'label'?" in capsys.readouterr().err


def test_strict_makes_the_warning_an_error_and_builds_nothing(tmp_path, capsys):
    make_project(tmp_path, profile=JANE.replace("  label:", "  lable:"))
    assert exit_code(["build", "--strict", "-c", str(tmp_path / "resumekit.yaml")]) == 1
    err = capsys.readouterr().err
    assert "error: " in err and "did you mean 'label'?" in err
    assert not (tmp_path / "out").exists()


def test_a_broken_theme_exits_1_without_a_traceback(tmp_path):
    make_project(tmp_path, theme="mytheme", formats=["pdf"], documents=["resume"])
    (tmp_path / "mytheme").mkdir()
    (tmp_path / "mytheme" / "resume.html").write_text("<h1>{{ doc.name </h1>\n")
    done = run_cli("build", cwd=tmp_path)
    assert (done.returncode, "Traceback" in done.stderr) == (1, False)
    assert "resume.html" in done.stderr


def test_a_failed_build_keeps_the_previous_files(tmp_path):
    make_project(tmp_path, formats=["docx"])
    assert exit_code(["build", "-c", str(tmp_path / "resumekit.yaml")]) == 0
    before = snapshot(tmp_path / "out")
    (tmp_path / "profile.yaml").write_text(TYPE_ERROR_ON_LINE_12)
    assert exit_code(["build", "-c", str(tmp_path / "resumekit.yaml")]) == 1
    assert snapshot(tmp_path / "out") == before


# --- init and build ------------------------------------------------------------------------------


def test_init_then_build_writes_resume_and_letter_as_pdf_and_docx(tmp_path, monkeypatch, capsys):
    assert exit_code(["init", str(tmp_path / "my-cv")]) == 0
    monkeypatch.chdir(tmp_path / "my-cv")
    assert exit_code(["build"]) == 0
    out = tmp_path / "my-cv" / "out"
    targets = [p.stem for p in (tmp_path / "my-cv" / "targets").glob("*.yaml")]
    assert targets
    for folder in targets:
        names = sorted(p.name for p in (out / folder).iterdir() if p.suffix in (".pdf", ".docx"))
        assert names == ["Alex-Rivera-Cover-Letter.docx", "Alex-Rivera-Cover-Letter.pdf",
                         "Alex-Rivera-Resume.docx", "Alex-Rivera-Resume.pdf"], folder
    printed = capsys.readouterr().out
    assert f"out/{targets[0]}/Alex-Rivera-Resume.pdf" in printed and "built " in printed


def test_init_refuses_to_overwrite(tmp_path, capsys):
    assert exit_code(["init", str(tmp_path)]) == 0
    (tmp_path / "profile.yaml").write_text("basics: {name: Me}\n")
    before = snapshot(tmp_path)
    capsys.readouterr()
    assert exit_code(["init", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert snapshot(tmp_path) == before


def test_init_writes_a_project_that_validates_strictly(tmp_path, capsys):
    assert exit_code(["init", str(tmp_path)]) == 0
    assert exit_code(["validate", "--strict", "-c", str(tmp_path / "resumekit.yaml")]) == 0
    assert "warning" not in capsys.readouterr().err


def test_a_clean_build_prints_nothing_on_stderr(tmp_path, capsys):
    make_project(tmp_path, formats=["pdf", "docx"], documents=["resume"])
    assert exit_code(["build", "-c", str(tmp_path / "resumekit.yaml")]) == 0
    assert capsys.readouterr().err == ""


def test_build_says_what_it_built(tmp_path, capsys):
    make_project(tmp_path, formats=["docx"], documents=["resume"])
    assert exit_code(["build", "-c", str(tmp_path / "resumekit.yaml")]) == 0
    out = capsys.readouterr().out
    assert "Jane-Doe-Resume.docx" in out
    assert "built 1 file" in out


# --- schema --------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["profile", "target", "config"])
def test_schema_prints_a_valid_json_schema(capsys, kind):
    assert exit_code(["schema", kind]) == 0
    schema = json.loads(capsys.readouterr().out)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["type"] == "object"


def test_schema_without_a_kind_is_the_profiles(capsys):
    assert exit_code(["schema"]) == 0
    assert "profile" in json.loads(capsys.readouterr().out)["title"]


def test_asking_for_a_target_that_is_not_there_is_a_command_line_error(tmp_path):
    config = make_project(tmp_path, formats=["docx"])
    done = run_cli("build", "-c", str(config), "--target", "nope")
    assert done.returncode == 2
    assert "no target 'nope'" in done.stderr and "Traceback" not in done.stderr
