"""The build manifest: content hashes, and what a damaged, foreign or old manifest means (rebuild)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import resumekit
from resumekit.building.manifest import FORMAT, MANIFEST_NAME, Hasher, Manifest, file_hash
from resumekit.building.quick import fresh_outputs as up_to_date_without_loading

from ..build_fixtures import built_targets, small_project
from ..helpers import snapshot


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small project, built once (DOCX only, to be quick); tests may damage its manifest."""
    config = small_project(tmp_path_factory.mktemp("manifest") / "project", formats=["docx"])
    result = resumekit.build(config)
    assert result.ok and len(result.built) == 6
    return config


def manifest_path(config: Path) -> Path:
    return config.parent / "out" / MANIFEST_NAME


def test_a_file_hash_is_of_its_bytes_not_its_time(tmp_path):
    file = tmp_path / "profile.yaml"
    file.write_text("basics: {name: Jane}\n")
    before = file_hash(file)
    os.utime(file, (1, 1))
    assert file_hash(file) == before
    file.write_text("basics: {name: Jane Doe}\n")
    assert file_hash(file) != before


def test_a_missing_file_hashes_as_missing(tmp_path):
    assert file_hash(tmp_path / "nowhere.yaml") == "missing"


def test_the_key_changes_with_any_input_or_fact(tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("one")
    b.write_text("two")
    key = Hasher().key([str(a), str(b)], ["version=1"])
    assert Hasher().key([str(b), str(a), str(a)], ["version=1"]) == key  # order and repeats do not count
    assert Hasher().key([str(a), str(b)], ["version=2"]) != key
    assert Hasher().key([str(a)], ["version=1"]) != key
    b.write_text("three")
    assert Hasher().key([str(a), str(b)], ["version=1"]) != key


def test_the_manifest_records_every_output_with_its_inputs(built):
    manifest = Manifest.load(manifest_path(built).parent, resumekit.__version__)
    outputs = {Path(p).relative_to(built.parent / "out").as_posix(): e for p, e in manifest.outputs.items()}
    assert sorted(outputs) == ["acme/Jane-Doe-Cover-Letter.docx", "acme/Jane-Doe-Resume.docx", "acme/report.md",
                               "globex/Jane-Doe-Cover-Letter.docx", "globex/Jane-Doe-Resume.docx",
                               "globex/report.md"]
    root = built.parent
    for name, entry in outputs.items():
        inputs = {Path(i).relative_to(root).as_posix() for i in entry.inputs if Path(i).is_relative_to(root)}
        assert {"resumekit.yaml", "profile.yaml", "feedback.yaml"} <= inputs, name
        assert any(Path(i).suffix == ".ttf" for i in entry.inputs), f"{name}: the theme's fonts are inputs"
        assert any(Path(i).name == "style.css" for i in entry.inputs), f"{name}: the theme's files are inputs"
        assert f"version={resumekit.__version__}" in entry.extra
    assert "targets/globex.txt" in {Path(i).relative_to(root).as_posix() for i in
                                    outputs["globex/Jane-Doe-Resume.docx"].inputs if Path(i).is_relative_to(root)}
    assert not any("acme" in Path(i).name for i in outputs["globex/Jane-Doe-Resume.docx"].inputs)


def test_a_saved_manifest_loads_back_the_same(built, tmp_path):
    manifest = Manifest.load(manifest_path(built).parent, resumekit.__version__)
    manifest.save(tmp_path)
    again = Manifest.load(tmp_path, resumekit.__version__)
    assert again == manifest
    assert json.loads((tmp_path / MANIFEST_NAME).read_text())["format"] == FORMAT


def _valid(config: Path) -> dict:
    return json.loads(manifest_path(config).read_text())


DAMAGED = {
    "empty file": lambda good: b"",
    "garbage bytes": lambda good: bytes(range(256)) * 4,
    "truncated": lambda good: json.dumps(good).encode()[: len(json.dumps(good)) // 2],
    "not UTF-8": lambda good: "{\"format\": \"caf\u00e9\"}".encode("latin-1"),
    "a JSON list": lambda good: b"[1, 2, 3]",
    "a JSON number": lambda good: b"42",
    "a JSON string": lambda good: b'"resumekit-manifest/1"',
    "null": lambda good: b"null",
    "another tool's JSON": lambda good: json.dumps({"files": {"a.pdf": "abc"}}).encode(),
    "another format": lambda good: json.dumps({**good, "format": "resumekit-manifest/99"}).encode(),
    "another version": lambda good: json.dumps({**good, "version": "0.0.1"}).encode(),
    "outputs of the wrong shape": lambda good: json.dumps({**good, "outputs": {"x": "y"}}).encode(),
    "outputs a list": lambda good: json.dumps({**good, "outputs": ["x"]}).encode(),
    "planned entries too short": lambda good: json.dumps({**good, "planned": {"x": []}}).encode(),
    "planned entries a string": lambda good: json.dumps({**good, "planned": {"x": ""}}).encode(),
    "targets_spec a number": lambda good: json.dumps({**good, "targets_spec": 5}).encode(),
    "target_files a number": lambda good: json.dumps({**good, "target_files": 5}).encode(),
    "inputs not a list": lambda good: json.dumps(
        {**good, "outputs": {k: {**v, "inputs": 7} for k, v in good["outputs"].items()}}).encode(),
    "a key missing": lambda good: json.dumps({k: v for k, v in good.items() if k != "config_hash"}).encode(),
    "deeply nested": lambda good: b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("damage", list(DAMAGED), ids=list(DAMAGED))
def test_a_damaged_or_foreign_manifest_means_rebuild_not_a_crash(built, damage):
    good = _valid(built)
    documents = snapshot(built.parent / "out")
    manifest_path(built).write_bytes(DAMAGED[damage](good))
    assert Manifest.load(manifest_path(built).parent, resumekit.__version__).outputs == {}
    assert up_to_date_without_loading(built.resolve(), resumekit.__version__, None, None) is None
    result = resumekit.build(built)
    assert result.ok
    assert built_targets(result) == {"acme", "globex"}
    assert {o.status for o in result.outputs} == {"built"}
    assert snapshot(built.parent / "out") == documents, "the rebuilt files are the same files"
    # ... and the build left a good manifest behind: the next build has nothing to do.
    assert resumekit.build(built).built == []


def test_a_manifest_of_another_resumekit_version_means_rebuild(built, monkeypatch):
    assert resumekit.build(built).built == []
    monkeypatch.setattr("resumekit.building.run.__version__", "99.0.0")
    monkeypatch.setattr("resumekit.building.quick.__version__", "99.0.0")
    result = resumekit.build(built)
    assert built_targets(result) == {"acme", "globex"}
    assert resumekit.build(built).built == []
    monkeypatch.undo()
    assert built_targets(resumekit.build(built)) == {"acme", "globex"}


def test_a_missing_manifest_means_rebuild(built):
    manifest_path(built).unlink()
    assert built_targets(resumekit.build(built)) == {"acme", "globex"}
    assert manifest_path(built).is_file()


def test_a_broken_config_is_not_up_to_date_and_says_where(built, tmp_path):
    config = small_project(tmp_path / "project", formats=["docx"])
    resumekit.build(config)
    config.write_text("profile: profile.yaml\noutput: [out\n")
    assert up_to_date_without_loading(config.resolve(), resumekit.__version__, None, None) is None
    with pytest.raises(resumekit.ConfigError) as caught:
        resumekit.build(config)
    assert caught.value.problems[0].line is not None


def test_a_moved_project_is_rebuilt_once_then_up_to_date(built, tmp_path):
    import shutil

    moved = tmp_path / "moved"
    shutil.copytree(built.parent, moved)
    result = resumekit.build(moved / "resumekit.yaml")
    assert built_targets(result) == {"acme", "globex"}
    assert snapshot(moved / "out") == snapshot(built.parent / "out")
    assert resumekit.build(moved / "resumekit.yaml").built == []
