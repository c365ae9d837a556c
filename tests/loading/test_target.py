"""Reading a target: its id (from the file name, safe as a folder name) and its posting file."""

from __future__ import annotations


import pytest

from resumekit import TargetError, load_target

from ..helpers import write


def test_a_target_id_defaults_to_its_file_name(tmp_path):
    assert load_target(write(tmp_path / "acme-lead.yaml", "title: Lead Analyst\n")).id == "acme-lead"


def test_a_file_name_with_spaces_gives_a_folder_safe_id(tmp_path):
    assert load_target(write(tmp_path / "Acme Lead (2026).yaml", "title: Lead\n")).id == "Acme-Lead-2026"


@pytest.mark.parametrize("bad_id", ["../evil", "a/b", "..", "/etc", ".hidden", "a\\b", "x" * 200])
def test_a_target_id_that_cannot_name_a_folder_is_refused(tmp_path, bad_id):
    import json

    path = write(tmp_path / "job.yaml", f"title: Lead\nid: {json.dumps(bad_id)}\n")
    with pytest.raises(TargetError) as info:
        load_target(path)
    [problem] = info.value.problems
    assert (problem.line, problem.field) == (2, "id")
    assert "cannot name a folder" in problem.message


def test_the_posting_is_read_from_beside_the_target(tmp_path):
    write(tmp_path / "acme.txt", "We are hiring a Lead Analyst who knows SQL.\n")
    target = load_target(write(tmp_path / "acme.yaml", "posting: acme.txt\n"))
    assert target.posting_text == "We are hiring a Lead Analyst who knows SQL.\n"


def test_a_missing_posting_is_an_error_at_its_line(tmp_path):
    path = write(tmp_path / "acme.yaml", "title: Lead\nposting: nowhere.txt\n")
    with pytest.raises(TargetError) as info:
        load_target(path)
    [problem] = info.value.problems
    assert (problem.line, problem.field) == (2, "posting")
    assert "file not found" in problem.message


def test_a_target_from_a_mapping_gets_a_usable_id():
    assert load_target({"title": "Lead"}).id == "target"


def test_an_explicit_target_id_wins_over_the_file_name(tmp_path):
    path = tmp_path / "acme.yaml"
    path.write_text("id: acme-lead-2026\ntitle: Lead\n")
    assert load_target(path).id == "acme-lead-2026"
