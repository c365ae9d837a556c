"""The gate every user path passes: inside the project, a regular file, read within a cap."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from resumekit import TargetError, load_target
from resumekit.errors import ConfigError
from resumekit.loading.paths import (HOW_TO_ALLOW, Place, Refused, is_inside, open_regular, require_file,
                                     resolve_inside, why_not_a_file)

PLACE = Place("resumekit.yaml", 3, 10, "profile", ConfigError)


def test_a_regular_file_is_read_whole(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"hello\n")
    assert open_regular(tmp_path / "a.txt", 100) == b"hello\n"


def test_a_file_over_the_cap_is_refused_not_cut(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"x" * 101)
    with pytest.raises(Refused, match="the limit is"):
        open_regular(tmp_path / "a.txt", 100)


def test_a_fifo_is_refused_without_being_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")  # opening it for reading would block until a writer came
    started = time.perf_counter()
    with pytest.raises(Refused, match="named pipe"):
        open_regular(tmp_path / "pipe.yaml", 100)
    assert time.perf_counter() - started < 1


def test_a_device_and_a_folder_are_refused(tmp_path):
    assert why_not_a_file(Path("/dev/null")) == "this is a device, not a file"
    assert why_not_a_file(tmp_path) == "this is a folder, not a file"
    assert why_not_a_file(tmp_path / "nowhere") == "file not found"


def test_a_path_inside_the_root_is_returned_as_named(tmp_path):
    assert resolve_inside(tmp_path, "profile.yaml", False, PLACE) == tmp_path / "profile.yaml"


@pytest.mark.parametrize("named", ["/etc/passwd", "../outside.yaml", "sub/../../outside.yaml"])
def test_a_path_out_of_the_root_is_a_located_error_that_says_how_to_allow_it(tmp_path, named):
    root = tmp_path / "project"
    root.mkdir()
    with pytest.raises(ConfigError) as caught:
        resolve_inside(root, named, False, PLACE)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.column, problem.field) == ("resumekit.yaml", 3, 10, "profile")
    assert f"'{named}' is outside the project" in problem.message and HOW_TO_ALLOW in problem.message


def test_a_symlink_out_of_the_root_says_where_it_leads(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    (tmp_path / "elsewhere.yaml").write_text("basics: {}\n", encoding="utf-8")
    (root / "profile.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    assert not is_inside(root / "profile.yaml", root)
    with pytest.raises(ConfigError, match=r"'profile.yaml' links to .*elsewhere\.yaml, outside the project"):
        resolve_inside(root, "profile.yaml", False, PLACE)


def test_allowed_outside_paths_pass(tmp_path):
    assert resolve_inside(tmp_path / "project", "../x.yaml", True, PLACE) == tmp_path / "project" / "../x.yaml"


def test_a_required_file_that_is_missing_names_the_line_that_asked_for_it(tmp_path):
    with pytest.raises(ConfigError) as caught:
        require_file(tmp_path, "missing.yaml", False, PLACE)
    assert str(caught.value.problems[0]) == "resumekit.yaml:3:10: profile: missing.yaml: file not found"


def test_load_target_alone_confines_nothing_but_refuses_a_fifo_posting(tmp_path):
    (tmp_path / "job.yaml").write_text("posting: ../posting.txt\n", encoding="utf-8")
    (tmp_path.parent / "posting.txt").write_text("Lead analyst, SQL.\n", encoding="utf-8")
    try:
        assert load_target(tmp_path / "job.yaml").posting_text == "Lead analyst, SQL.\n"
    finally:
        (tmp_path.parent / "posting.txt").unlink()
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "job.yaml").write_text("posting: pipe.txt\n", encoding="utf-8")
    with pytest.raises(TargetError, match="named pipe"):
        load_target(tmp_path / "job.yaml")
