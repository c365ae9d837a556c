"""`write_interview`: the sheet of a target, written beside its documents, tailored as
its resume is (the target's language, redaction) but before its page budget."""

from __future__ import annotations

from pathlib import Path

import pytest

from resumekit.building.interview import SHEET_NAME, interview_sheet, write_interview
from resumekit.building.project import load_project
from resumekit.errors import ConfigError, UsageError

from ..feedback_fixtures import copy_example, pdf_text, squash


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("interview") / "project")


def test_the_sheet_is_written_as_markdown_and_pdf_in_the_targets_folder(example) -> None:
    project = load_project(example)
    written = write_interview(project, "acme-lead")
    folder = example.parent / "out" / "acme-lead"
    assert written == [folder / f"{SHEET_NAME}.md", folder / f"{SHEET_NAME}.pdf"]
    markdown = written[0].read_text(encoding="utf-8")
    assert "### Leadership" in markdown and "### Communication" in markdown
    assert "Ledsixvolunteerstoshipafood-bankinventorydashboard" in squash(pdf_text(written[1]))
    assert write_interview(project, "acme-lead", ("md",)) == [folder / f"{SHEET_NAME}.md"]


def test_material_the_page_budget_drops_from_the_resume_is_still_there_to_rehearse(example) -> None:
    sheet = interview_sheet(load_project(example), "acme-lead")  # acme-lead has pages: 2
    texts = {m.text for t in sheet.areas for m in t.material}
    assert "Led six volunteers to ship a food-bank inventory dashboard used by 3 pantries" in texts


def test_a_german_target_gets_the_sheet_in_german_look_and_paper(example) -> None:
    sheet = interview_sheet(load_project(example), "berlin-gesundheitsdaten")
    assert (sheet.language, sheet.paper) == ("de", "a4")


def test_an_unknown_target_is_a_usage_error(example) -> None:
    with pytest.raises(UsageError, match="no target 'acme'; did you mean 'acme-lead'"):
        interview_sheet(load_project(example), "acme")


def test_a_mistake_in_the_projects_question_bank_is_named_at_its_line(tmp_path: Path) -> None:
    # A list given as one text was dropped without a word, and a blank resumekit does not
    # fill stopped the sheet with no file named ("use only []").
    config = copy_example(tmp_path / "project")
    bank = config.parent / "locales" / "interview" / "en.yaml"
    bank.parent.mkdir(parents=True)
    bank.write_text('title: "Practice for {rol}"\nstar: "Tell it as a story"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        interview_sheet(load_project(config), "acme-lead")
    found = {(p.file, p.line, p.column, p.field) for p in caught.value.problems}
    assert found == {(str(bank), 1, 1, "title"), (str(bank), 2, 1, "star")}
    assert "rol" in str(caught.value) and "list of phrases" in str(caught.value)
    assert bank.read_text(encoding="utf-8").startswith('title: "Practice')  # the user's file as it was
