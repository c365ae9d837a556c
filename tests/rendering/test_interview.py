"""The interview sheet as Markdown and as a tagged PDF in the theme's look; a theme of
the user's may draw it its own way."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from resumekit.documents.interview import InterviewSheet, Material, Topic, question_bank
from resumekit.errors import BuildError
from resumekit.rendering.interview import interview_html, interview_markdown, interview_pdf
from resumekit.rendering.theme import Theme

from ..feedback_fixtures import pdf_text, squash

BANK = question_bank("en")


def _sheet(**changes: object) -> InterviewSheet:
    topic = Topic("leadership", "Leadership", "Raised in feedback from Acme", ("You never *managed* anyone.",),
                  ("Tell me about a time you led a team.",),
                  (Material("Code for Good", "Led **six** volunteers # to ship a dashboard", "code-for-good"),))
    empty = Topic("requirement", "Advanced SQL", "The job asks", (), ("Tell me about a time you did this.",), ())
    fields: dict[str, object] = dict(
        name="Sam *Rivera*", title="Interview practice", subtitle="Analyst at Acme", intro="Rehearse out loud.",
        practise=("Structure: four steps.",), practise_said=("Answers were hard to follow.",),
        areas=(topic,), requirements=(empty,), star=tuple(BANK.texts("star")),
        headings={k: str(v) for k, v in BANK.get("headings").items()}, no_material="Nothing shows this yet.")
    fields.update(changes)
    return InterviewSheet(**fields)  # type: ignore[arg-type]


def test_the_markdown_keeps_the_persons_markdown_and_escapes_the_rest() -> None:
    text = interview_markdown(_sheet())
    assert text.startswith("# Interview practice: Analyst at Acme\n\nSam \\*Rivera\\*\n")
    assert "- Code for Good: Led **six** volunteers \\# to ship a dashboard" in text
    assert "> You never *managed* anyone." in text
    assert "1. Tell me about a time you led a team." in text
    assert "- Nothing shows this yet." in text  # the requirement nothing answers
    assert "## What to practise in the interview itself\n\n> Answers were hard to follow.\n\n- Structure:" in text
    assert text.count("- Situation: where were you") == 2


def test_a_sheet_without_interview_feedback_has_no_practise_section() -> None:
    assert "What to practise" not in interview_markdown(_sheet(practise=(), practise_said=()))


def test_the_pdf_is_tagged_in_the_sheets_language_and_reads_back() -> None:
    data = interview_pdf(_sheet(), Theme.named("classic"))
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"] and root["/Lang"] == "en"
    text = squash("\n".join(page.extract_text() for page in reader.pages))
    for needle in ("Interviewpractice", "Leadership", "Tellmeaboutatimeyouledateam", "CodeforGood:",
                   "Ledsixvolunteers#toshipadashboard", "Nothingshowsthisyet."):
        assert needle in text, needle
    assert data == interview_pdf(_sheet(), Theme.named("classic"))  # byte for byte


def test_the_footer_counts_pages_in_the_sheets_language() -> None:
    # The theme's CSS says "Page 1 of 2"; a German sheet said it too, under German headings.
    german = interview_pdf(_sheet(language="de", page_label="Seite {page} von {pages}"), Theme.named("classic"))
    english = interview_pdf(_sheet(), Theme.named("classic"))
    assert "Seite 1 von 1" in squash_spaces(german) and "Page" not in squash_spaces(german)
    assert "Page 1 of 1" in squash_spaces(english)


def squash_spaces(data: bytes) -> str:
    return " ".join("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def test_every_built_in_theme_draws_the_sheet_in_its_own_font(tmp_path: Path) -> None:
    for name in ("compact", "serif"):
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(interview_pdf(_sheet(), Theme.named(name)))
        assert "Tellmeaboutatimeyouledateam" in squash(pdf_text(pdf))


def test_a_users_theme_may_draw_the_sheet_and_a_broken_one_is_named(tmp_path: Path) -> None:
    theme = tmp_path / "mine"
    theme.mkdir()
    (theme / "interview.html").write_text("<html><body><h1>{{ sheet.title }}!</h1></body></html>", encoding="utf-8")
    assert "<h1>Interview practice!</h1>" in interview_html(_sheet(), Theme.named("mine", tmp_path))
    (theme / "interview.html").write_text("{% for %}", encoding="utf-8")
    with pytest.raises(BuildError, match=r"interview.html:1: the theme's template is broken"):
        interview_html(_sheet(), Theme.named("mine", tmp_path))


def test_a_pdf_ua_1_validator_finds_nothing_in_the_sheet_left_to_right_or_right_to_left() -> None:
    """page-validation's PDF/UA-1 profile, as the resume and letter are checked."""
    page_validation = pytest.importorskip("page", reason="needs page-validation (pip install page-validation)")
    arabic = question_bank("ar")
    for sheet in (_sheet(), _sheet(language="ar", direction="rtl", title=arabic.text("title"))):
        report = page_validation.validate_pdf_bytes(interview_pdf(sheet, Theme.named("classic")), profile="ua1")
        assert [(failure.rule_id, failure.message) for failure in report.failures] == []
        assert report.is_compliant
