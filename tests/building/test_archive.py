"""`apply_target`: what is sent is archived whole, once, and the record it writes is an
input of every later build; nothing of the user's is edited."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import resumekit
from resumekit.building.archive import ARCHIVE_MANIFEST, _write_folder, apply_target, archived_ids
from resumekit.building.project import load_project
from resumekit.building.quick import up_to_date
from resumekit.building.session import BuildOptions
from resumekit.errors import BuildError, ConfigError, UsageError
from resumekit.feedback.reapplication import find_application
from resumekit.loading.feedback import APPLICATION_FILE

from ..feedback_fixtures import copy_example, docx_text
from ..helpers import snapshot

PDF_ONLY = BuildOptions(formats=("pdf",))
DAY = dt.date(2026, 11, 27)


@pytest.fixture()
def example(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "project")


def test_apply_writes_the_documents_the_manifest_and_the_record_and_edits_no_file(example) -> None:
    before = snapshot(example.parent)
    archived = apply_target(example, "brightpath-analyst", DAY, PDF_ONLY)
    assert archived.application == "brightpath-analyst-2026"
    assert [p.name for p in archived.files] == ["Maya-Okafor-Cover-Letter.pdf", "Maya-Okafor-Resume.pdf",
                                                APPLICATION_FILE, ARCHIVE_MANIFEST, "report.md"]
    after = snapshot(example.parent)
    assert {k: v for k, v in after.items() if k in before} == before  # no file of the user's changed
    manifest = json.loads((archived.folder / ARCHIVE_MANIFEST).read_text(encoding="utf-8"))
    assert "targets/brightpath-analyst.txt" in manifest["inputs"]  # the posting it was tailored from
    assert any(name.startswith("resumekit:templates/classic/") for name in manifest["inputs"])
    assert archived_ids(load_project(example)) == {"brightpath-analyst-2026"}


def test_the_record_is_an_input_so_the_next_build_notices_it(example) -> None:
    resumekit.build(example, formats=["pdf"])
    assert up_to_date(example, PDF_ONLY) is not None
    apply_target(example, "brightpath-analyst", DAY, PDF_ONLY)
    assert up_to_date(example, PDF_ONLY) is None
    resumekit.build(example, formats=["pdf"])
    assert up_to_date(example, PDF_ONLY) is not None
    record = example.parent / "applications" / "brightpath-analyst-2026" / APPLICATION_FILE
    record.write_text(record.read_text(encoding="utf-8") + "  rejected: 2026-12-01\n", encoding="utf-8")
    assert up_to_date(example, PDF_ONLY) is None


def test_the_application_made_with_a_target_is_not_the_one_it_follows(example) -> None:
    apply_target(example, "brightpath-analyst", DAY, BuildOptions(formats=("docx",)))
    project = load_project(example)
    target = project.target("brightpath-analyst")
    assert [a.id for a in project.feedback.applications if a.employer == "BrightPath Learning"] == [
        "brightpath-analyst-2026"]
    assert find_application(project.feedback, target) is None
    resumekit.build(example, targets=["brightpath-analyst"], formats=["docx"])
    letter = docx_text(example.parent / "out" / "brightpath-analyst" / "Maya-Okafor-Cover-Letter.docx")
    assert "Since I applied" not in letter


def test_ids_are_made_unique_and_a_taken_one_is_refused(example) -> None:
    (example.parent / "applications" / "brightpath-analyst-2026").mkdir(parents=True)  # the user's own folder
    archived = apply_target(example, "brightpath-analyst", DAY, PDF_ONLY)
    assert archived.application == "brightpath-analyst-2026-2"
    with pytest.raises(UsageError, match="'acme-senior-analyst-2026' is already recorded"):
        apply_target(example, "acme-lead", DAY, PDF_ONLY, "acme-senior-analyst-2026")


@pytest.mark.parametrize("wanted", ["../elsewhere", "has space", ".hidden"])
def test_an_id_that_is_no_applications_id_is_refused_and_nothing_is_written(example, wanted) -> None:
    # '../elsewhere' archived outside the applications folder, and every id here wrote a
    # record that the next command refused to load.
    before = snapshot(example.parent)
    with pytest.raises(UsageError, match="not a valid id"):
        apply_target(example, "brightpath-analyst", DAY, PDF_ONLY, wanted)
    assert snapshot(example.parent) == before


def test_an_applications_folder_inside_the_output_folder_is_refused(example) -> None:
    config = example.read_text(encoding="utf-8")
    example.write_text(config + "applications: out/sent\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="apart from the output folder"):
        apply_target(example, "acme-lead", DAY, PDF_ONLY)
    assert not (example.parent / "out" / "sent").exists()


def test_a_target_without_a_company_cannot_be_recorded(tmp_path: Path) -> None:
    config = copy_example(tmp_path / "p")
    (config.parent / "targets" / "nameless.yaml").write_text("title: Analyst\nskills: [{name: SQL}]\n",
                                                             encoding="utf-8")
    with pytest.raises(UsageError, match="names no company"):
        apply_target(config, "nameless", DAY, PDF_ONLY)


def test_the_archive_folder_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    folder = tmp_path / "applications" / "a"
    _write_folder(folder, {"one.txt": b"1", "two.txt": b"2"})
    assert sorted(p.name for p in folder.iterdir()) == ["one.txt", "two.txt"]
    with pytest.raises(BuildError):
        _write_folder(folder, {"one.txt": b"changed"})
    assert (folder / "one.txt").read_bytes() == b"1"
    with pytest.raises(BuildError):
        _write_folder(tmp_path / "applications" / "b", {"sub/x.txt": b"no such folder"})
    assert sorted(p.name for p in (tmp_path / "applications").iterdir()) == ["a"]  # no temporary left


def test_the_records_example_uncommented_loads_whatever_the_day_applied(example) -> None:
    # The example dates were fixed in 2026: applied later, a user who uncommented them got
    # "interviews (2026-12-10) is before applied" for the lines resumekit wrote.
    archived = apply_target(example, "brightpath-analyst", dt.date(2027, 5, 3), PDF_ONLY)
    record = archived.folder / APPLICATION_FILE
    text = record.read_text(encoding="utf-8")
    example_lines = [line[2:] for line in text.splitlines() if line.startswith("#   ")]
    assert example_lines, text
    record.write_text(text + "\n".join(example_lines) + "\n", encoding="utf-8")
    [app] = [a for a in load_project(example).feedback.applications if a.id == archived.application]
    assert app.applied == "2027-05-03" and app.interviews and app.followUps and app.rejected
    assert all(i.date > app.applied and i.thanked >= i.date for i in app.interviews)
    assert "other" in text  # every kind of interview is named
