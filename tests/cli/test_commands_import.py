"""resumekit import: another tool's data becomes a new profile that validates and builds,
with the documents showing what was imported; no file is ever written over."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from docx import Document
from pypdf import PdfReader

from ..helpers import exit_code, make_project, missing_in_order, snapshot, squash
from ..importing_fixtures import (LINKEDIN_NAMES, OLD_EMPLOYERS, OLD_RESUME, RENDERCV, RENDERCV_ENTRIES,
                                  linkedin_zip)


def _pdf_texts(pdf) -> list[str]:
    """The PDF's text as pypdf reads it, and as pdftotext does where it is installed."""
    texts = ["\n".join(page.extract_text() for page in PdfReader(pdf).pages)]
    if shutil.which("pdftotext"):
        texts.append(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    return texts


def _imported_and_built(tmp_path, capsys, argv: list[str]) -> tuple[list[str], str, str]:
    """Import with ``argv``, validate and build the profile; (the PDF's texts, the DOCX's text, stderr)."""
    assert exit_code(["import", *argv, "-o", str(tmp_path / "profile.yaml")]) == 0
    err = capsys.readouterr().err
    config = make_project(tmp_path / "project", formats=["pdf", "docx"], documents=["resume"])
    shutil.copyfile(tmp_path / "profile.yaml", config.parent / "profile.yaml")
    assert exit_code(["validate", "--strict", str(config.parent / "profile.yaml")]) == 0, capsys.readouterr().err
    assert exit_code(["build", "-c", str(config)]) == 0, capsys.readouterr().err
    out = config.parent / "out" / "general"
    pdf = next(out.glob("*-Resume.pdf"))
    docx = "\n".join(p.text for p in Document(str(next(out.glob("*-Resume.docx")))).paragraphs)
    return _pdf_texts(pdf), docx, err


def test_a_linkedin_export_imports_to_a_profile_that_validates_and_builds(tmp_path, capsys):
    export = linkedin_zip(tmp_path / "Basic_LinkedInDataExport_12-01-2026.zip")
    texts, docx, err = _imported_and_built(tmp_path, capsys, ["linkedin", str(export)])
    for text in [*texts, docx]:
        assert missing_in_order(text, LINKEDIN_NAMES[:3]) == []
        assert [name for name in LINKEDIN_NAMES if squash(name) not in squash(text)] == []
    assert "not imported: " in err and "License Number 'CSCP-0042'" in err


def test_a_rendercv_cv_imports_and_builds_with_every_entry_present(tmp_path, capsys):
    cv = tmp_path / "Mateo_CV.yaml"
    cv.write_text(RENDERCV, encoding="utf-8")
    texts, docx, _ = _imported_and_built(tmp_path, capsys, ["rendercv", str(cv)])
    for text in [*texts, docx]:
        assert [entry for entry in RENDERCV_ENTRIES if squash(entry) not in squash(text)] == []


def test_a_json_resume_with_company_keys_builds_with_the_employer_names_shown(tmp_path, capsys):
    old = tmp_path / "resume.json"
    old.write_text(OLD_RESUME, encoding="utf-8")
    config = make_project(tmp_path / "as-is", profile=OLD_RESUME, formats=["pdf"], documents=["resume"])
    assert exit_code(["build", "-c", str(config)]) == 0  # as it is, with warnings
    assert "read as 'name'" in capsys.readouterr().err
    for text in _pdf_texts(next((config.parent / "out" / "general").glob("*.pdf"))):
        assert missing_in_order(text, OLD_EMPLOYERS) == []
    texts, docx, err = _imported_and_built(tmp_path, capsys, ["jsonresume", str(old)])  # modernised: no warning
    for text in [*texts, docx]:
        assert missing_in_order(text, OLD_EMPLOYERS) == []
    assert "renamed: resume.json:13: work[0].company -> name" in err


def test_the_default_output_is_profile_yaml_beside_the_input_and_is_never_overwritten(tmp_path, capsys):
    export = linkedin_zip(tmp_path / "export.zip")
    assert exit_code(["import", "linkedin", str(export)]) == 0
    assert "wrote " in capsys.readouterr().out
    written = (tmp_path / "profile.yaml").read_bytes()
    assert written.startswith(b"# Imported by resumekit from export.zip.")
    before = snapshot(tmp_path)
    assert exit_code(["import", "linkedin", str(export)]) == 1
    err = capsys.readouterr().err
    assert "profile.yaml: already exists; resumekit import never overwrites a file: name a new one with -o FILE" in err
    assert exit_code(["import", "linkedin", str(export), "-o", str(tmp_path / "profile.yaml")]) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert snapshot(tmp_path) == before


def test_an_output_that_is_a_folder_or_in_no_folder_says_so_before_the_import(tmp_path, capsys):
    # They said "already exists" and "cannot write here: No such file or directory".
    export = linkedin_zip(tmp_path / "export.zip")
    (tmp_path / "priya").mkdir()
    before = snapshot(tmp_path)
    assert exit_code(["import", "linkedin", str(export), "-o", str(tmp_path / "priya")]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'priya'}: is a folder; name the new profile in it: -o {tmp_path / 'priya' / 'profile.yaml'}" \
        in err
    assert exit_code(["import", "linkedin", str(export), "-o", str(tmp_path / "mateo" / "profile.yaml")]) == 1
    err = capsys.readouterr().err
    assert f"there is no folder {tmp_path / 'mateo'}; make it first" in err and "not imported" not in err
    assert snapshot(tmp_path) == before


def test_a_json_name_writes_json(tmp_path, capsys):
    old = tmp_path / "resume.json"
    old.write_text(OLD_RESUME, encoding="utf-8")
    assert exit_code(["import", "jsonresume", str(old), "-o", str(tmp_path / "modern.json")]) == 0
    import json

    modern = json.loads((tmp_path / "modern.json").read_text(encoding="utf-8"))
    assert [w["name"] for w in modern["work"]] == OLD_EMPLOYERS


@pytest.mark.parametrize("kind, content, message", [
    ("linkedin", b"not a zip at all", "not a ZIP archive"),
    ("rendercv", b"name: Jane\n", "not a RenderCV input file"),
    ("jsonresume", b'{"work": [{"company": 5}]}', "must be text"),
    ("jsonresume", b'{"work": [', "YAML"),
])
def test_bad_input_is_an_error_with_its_place_and_no_file_is_written(tmp_path, capsys, kind, content, message):
    source = tmp_path / "input.file"
    source.write_bytes(content)
    before = snapshot(tmp_path)
    assert exit_code(["import", kind, str(source)]) == 1
    err = capsys.readouterr().err
    assert "error: " in err and str(source) in err and "Traceback" not in err
    assert message in err
    assert snapshot(tmp_path) == before


def test_a_missing_input_is_an_error(tmp_path, capsys):
    assert exit_code(["import", "rendercv", str(tmp_path / "nope.yaml")]) == 1
    assert "not found" in capsys.readouterr().err
    assert not (tmp_path / "profile.yaml").exists()


def test_an_unknown_source_kind_is_a_usage_error(tmp_path, capsys):
    assert exit_code(["import", "europass", "cv.xml"]) == 2
    assert "invalid choice" in capsys.readouterr().err
