"""The imported profile is written to a new file only: checked, commented, never over another."""

from __future__ import annotations

import json
import os

import pytest
import yaml

from resumekit.errors import ProfileError
from resumekit.importing.writing import Imported, as_text, checked, default_output, header, write_new


def _imported(tmp_path, **data):
    return Imported(tmp_path / "export.zip", data or {"basics": {"name": "Ana", "summary": "One.\n\nTwo."}})


def test_a_new_file_is_written_whole(tmp_path):
    path = tmp_path / "profile.yaml"
    write_new(path, "basics:\n  name: Ana\n")
    assert path.read_text(encoding="utf-8") == "basics:\n  name: Ana\n"
    assert [p.name for p in tmp_path.iterdir()] == ["profile.yaml"]  # no temporary left
    assert oct(path.stat().st_mode & 0o777) == oct(0o644)


def test_an_existing_file_is_never_replaced(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_text("mine\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="never overwrites"):
        write_new(path, "basics: {}\n", named=False)
    assert path.read_text(encoding="utf-8") == "mine\n"
    assert [p.name for p in tmp_path.iterdir()] == ["profile.yaml"]


def test_a_symlink_even_a_dangling_one_is_not_written_through(tmp_path):
    link = tmp_path / "profile.yaml"
    link.symlink_to(tmp_path / "elsewhere.yaml")
    with pytest.raises(ProfileError, match="already exists"):
        write_new(link, "basics: {}\n")
    assert not (tmp_path / "elsewhere.yaml").exists()


def test_a_folder_that_is_not_there_is_an_error_not_a_traceback(tmp_path):
    with pytest.raises(ProfileError, match="there is no folder"):
        write_new(tmp_path / "no" / "such" / "folder" / "profile.yaml", "x: 1\n")


def test_the_default_output_is_profile_yaml_beside_the_source(tmp_path):
    assert default_output(tmp_path / "in" / "Export.zip") == tmp_path / "in" / "profile.yaml"


def test_the_header_says_where_it_came_from_and_lists_what_was_left_out(tmp_path):
    imported = _imported(tmp_path)
    assert "Everything was imported." in header(imported)
    imported.note("Education.csv:2", "Notes 'Dean's list': no place")
    imported.renamed.append("resume.json:3: work[0].company -> name")
    text = header(imported)
    assert text.startswith("# Imported by resumekit from export.zip.")
    assert "#   - Education.csv:2: Notes 'Dean's list': no place\n" in text
    assert "#   - resume.json:3: work[0].company -> name\n" in text
    assert all(line.startswith("#") for line in text.splitlines())


def test_the_text_is_yaml_with_the_header_or_json(tmp_path):
    imported = _imported(tmp_path)
    text = as_text(imported)
    assert "summary: |-\n    One.\n\n    Two." in text  # text of several lines as a block
    assert yaml.safe_load(text) == imported.data
    assert json.loads(as_text(imported, json_file=True)) == imported.data


def test_checked_takes_out_and_lists_what_the_profile_would_refuse(tmp_path):
    imported = _imported(tmp_path, work=[{"name": "Globex", "startDate": "2022-03", "endDate": "2020-01"}],
                         meta={"language": "not a language!"})
    result = checked(imported)
    assert result.data == {"work": [{"name": "Globex", "startDate": "2022-03"}], "meta": {}}
    assert sorted(item.split(":")[0] for item in result.unmapped) == ["meta.language", "work[0].endDate"]


def test_checked_takes_out_one_bad_item_of_a_list_not_the_list(tmp_path):
    imported = _imported(tmp_path, work=[{"name": "Globex", "highlights": ["Led the team", {"text": 5}, "Shipped"]}])
    assert checked(imported).data == {"work": [{"name": "Globex", "highlights": ["Led the team", "Shipped"]}]}
    assert imported.unmapped and all(item.startswith("work[0].highlights[1]") for item in imported.unmapped)


def test_writing_happens_in_the_target_folder_so_the_link_is_atomic(tmp_path, monkeypatch):
    seen = []
    real_link = os.link
    monkeypatch.setattr(os, "link", lambda a, b: (seen.append((os.path.dirname(a), os.path.dirname(b))),
                                                  real_link(a, b)))
    write_new(tmp_path / "p.yaml", "x: 1\n")
    assert seen == [(str(tmp_path), str(tmp_path))]
