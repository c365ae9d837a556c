"""Writing files: names safe to send, paths kept inside the output folder, whole files or none."""

from __future__ import annotations

import stat

import pytest

import resumekit
from resumekit.building.writing import file_name, inside, safe_name, write_atomic
from resumekit.errors import BuildError, ConfigError

from ..helpers import JANE, make_project


def documents(outputs):
    """The resumes and letters among a build's outputs (a build may write other files too)."""
    return [o for o in outputs if o.document in ("resume", "letter")]


@pytest.mark.parametrize("text, name", [
    ("Jane Doe", "Jane-Doe"),
    ("Zoë Ångström-Nuñez", "Zoe-Angstrom-Nunez"),
    ("../../etc/passwd", "etc-passwd"),
    ("  Dr. Jane  O'Neil  ", "Dr-Jane-O-Neil"),
    ("王小明", "王小明"),  # a name with no Latin letters keeps its own
    ("«»", "Document"),
    ("", "Document"),
])
def test_file_names_are_plain_letters_with_hyphens(text, name):
    assert safe_name(text) == name


def test_a_path_inside_the_folder_is_allowed(tmp_path):
    assert inside(tmp_path, "general", "Jane-Doe-Resume.pdf") == tmp_path.resolve() / "general" / "Jane-Doe-Resume.pdf"


@pytest.mark.parametrize("parts", [("..", "evil.pdf"), ("general", "..", "..", "evil.pdf"), ("/etc/passwd",)])
def test_a_path_that_leaves_the_folder_is_refused(tmp_path, parts):
    with pytest.raises(BuildError, match="outside the output folder"):
        inside(tmp_path / "out", *parts)


def test_a_link_that_leads_out_of_the_folder_is_refused(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out" / "general").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(BuildError):
        inside(tmp_path / "out", "general", "Jane-Doe-Resume.pdf")


def test_a_write_replaces_the_file_and_leaves_nothing_else(tmp_path):
    path = tmp_path / "out" / "general" / "Jane-Doe-Resume.pdf"
    write_atomic(path, b"first")
    write_atomic(path, b"second")
    assert path.read_bytes() == b"second"
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_written_files_are_readable_by_others(tmp_path):
    path = tmp_path / "Jane-Doe-Resume.pdf"
    write_atomic(path, b"%PDF")
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "Jane-Doe-Resume.pdf"
    write_atomic(path, b"old")
    with pytest.raises(TypeError):
        write_atomic(path, "not bytes")  # type: ignore[arg-type]
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


# --- nothing written outside the output folder --------------------------------------------


def test_a_name_with_slashes_cannot_move_the_files(tmp_path):
    config = make_project(tmp_path / "project", profile=JANE.replace("Jane Doe", "../../Jane/Doe"),
                          formats=["docx"])
    result = resumekit.build(config)
    out = tmp_path / "project" / "out" / "general"
    assert sorted(o.path.name for o in documents(result.outputs)) == [
        "Jane-Doe-Cover-Letter.docx", "Jane-Doe-Resume.docx"]
    assert all(o.path.parent == out for o in result.outputs)


def test_an_output_folder_that_is_a_link_elsewhere_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    config = make_project(tmp_path / "project", formats=["docx"], documents=["resume"])
    (tmp_path / "project" / "out").mkdir()
    (tmp_path / "project" / "out" / "general").symlink_to(elsewhere)
    with pytest.raises(BuildError, match="outside the output folder"):
        resumekit.build(config)
    assert list(elsewhere.iterdir()) == []


def test_an_output_folder_that_cannot_be_made_is_a_build_error(tmp_path):
    config = make_project(tmp_path, formats=["docx"], output="out")
    (tmp_path / "out").write_text("a file in the way", encoding="utf-8")
    with pytest.raises(ConfigError, match="out: this is a file") as caught:  # refused at load, at its line
        resumekit.build(config)
    assert caught.value.problems[0].field == "output" and caught.value.problems[0].line is not None
    assert (tmp_path / "out").read_text(encoding="utf-8") == "a file in the way"


def test_a_name_without_latin_letters_keeps_its_own_in_the_file_name():
    assert file_name("山田 花子", "resume", "pdf") == "山田-花子-Resume.pdf"
    assert file_name("José Núñez", "letter", "docx") == "Jose-Nunez-Cover-Letter.docx"
    assert file_name("", "resume", "pdf") == "Resume.pdf"
