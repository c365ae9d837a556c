"""The build: which targets and formats are built, where the files go, and that they are reproducible."""

from __future__ import annotations

import pytest

import resumekit
from resumekit.errors import ResumekitError

from ..helpers import copy_project, delivered, make_project, snapshot

FILES = ["{name}-Cover-Letter.docx", "{name}-Cover-Letter.pdf", "{name}-Resume.docx", "{name}-Resume.pdf"]
TWO_JOBS = {"acme.yaml": "title: Lead Analyst\ncompany: Acme\n", "globex.yaml": "title: Analyst\ncompany: Globex\n"}


def documents(outputs):
    """The resumes and letters among a build's outputs (a build may write other files too)."""
    return [o for o in outputs if o.document in ("resume", "letter")]


def names_in(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.suffix in (".pdf", ".docx"))


def test_the_example_project_builds_every_document_for_every_target(example_build):
    targets = sorted(p.stem for p in (example_build.root / "targets").glob("*.yaml"))
    assert len(targets) >= 3
    for folder in targets:
        assert names_in(example_build.out / folder) == [f.format(name="Maya-Okafor") for f in FILES], folder


def test_the_general_version_is_built_on_request(example_build):
    assert names_in(example_build.out / "general") == [f.format(name="Maya-Okafor") for f in FILES]


def test_a_project_without_targets_builds_the_general_version(jane_build):
    assert names_in(jane_build.out / "general") == [f.format(name="Jane-Doe") for f in FILES]


def test_the_result_lists_every_file_it_built(example_build):
    outputs = example_build.result.outputs
    assert sorted(o.path for o in outputs) == [p for p in delivered(example_build.out) if "general" not in p.parts]
    assert {o.status for o in outputs} == {"built"}
    assert {(o.document, o.format) for o in documents(outputs)} == {
        ("resume", "pdf"), ("resume", "docx"), ("letter", "pdf"), ("letter", "docx")}


def test_the_example_project_builds_without_warnings_or_failures(example_build):
    assert (example_build.result.warnings, example_build.result.failures) == ([], [])


def test_building_again_gives_byte_identical_files(example_build, tmp_path):
    again = copy_project(example_build.root, tmp_path / "elsewhere")
    resumekit.build(again / "resumekit.yaml", targets=["general"])
    first = snapshot(example_build.out / "general")
    assert len(first) == 4
    assert snapshot(again / "out" / "general") == first


def test_a_forced_rebuild_in_place_gives_byte_identical_files(jane_build):
    before = snapshot(jane_build.out)
    result = resumekit.build(jane_build.root / "resumekit.yaml", force=True)
    assert len(result.built) == 4
    assert snapshot(jane_build.out) == before


def test_outputs_go_beside_the_config_whatever_the_working_folder(tmp_path, monkeypatch):
    config = make_project(tmp_path / "project", formats=["docx"], documents=["resume"])
    monkeypatch.chdir(tmp_path)
    resumekit.build(str(config.relative_to(tmp_path)))
    assert (tmp_path / "project" / "out" / "general" / "Jane-Doe-Resume.docx").is_file()
    assert not (tmp_path / "out").exists()


def test_only_the_chosen_targets_and_formats_are_built(tmp_path):
    config = make_project(tmp_path, targets=TWO_JOBS)
    result = resumekit.build(config, targets=["acme"], formats=["docx"])
    assert sorted(str(o.path.relative_to(tmp_path / "out")) for o in documents(result.outputs)) == [
        "acme/Jane-Doe-Cover-Letter.docx", "acme/Jane-Doe-Resume.docx"]
    assert sorted({p.parent.name for p in delivered(tmp_path / "out")}) == ["acme"]


def test_an_unknown_target_is_refused_naming_the_known_ones(tmp_path):
    config = make_project(tmp_path, targets={"acme.yaml": "title: Lead\n"})
    with pytest.raises(resumekit.UsageError, match="no target 'acme-lead'; known: acme, general"):
        resumekit.build(config, targets=["acme-lead"], formats=["docx"])
    assert not (tmp_path / "out").exists() or delivered(tmp_path / "out") == []


def test_every_user_error_is_a_resumekit_error(tmp_path):
    config = make_project(tmp_path, formats=["docx"], documents=["resume"])
    config.write_text(config.read_text() + "formats: [pdf, html]\n")
    with pytest.raises(ResumekitError):
        resumekit.build(config)
