"""Sections of one's own (``sections:``): printed in both formats, in the configured order,
scored by tailoring; what will not be printed is said."""

from __future__ import annotations

import docx
import pytest
from pypdf import PdfReader

import resumekit
from resumekit.documents import build_resume
from resumekit.documents.content import Options
from resumekit.errors import ConfigError

from ..helpers import JANE, make_project, missing_in_order, run_cli, squash

SECTIONS = """\
sections:
  talks:
    title: Talks
    entries:
      - name: Churn models that sales teams trust
        subtitle: PyData Chicago
        location: Chicago, IL
        date: 2025-10
        highlights: ["Showed **60 analysts** the [retention dashboard](https://example.org/talk)"]
      - name: SQL for product managers
        subtitle: Springfield Tech Meetup
        date: 2024-03
  licences:
    title: Licences
    lines:
      - {label: Actuarial, text: "SOA Exam P, 2021"}
  service:
    title: Service
    bullets: [Mentor, Springfield Girls Who Code]
"""


def _resume_texts(tmp_path, profile, **config):
    config_path = make_project(tmp_path, profile=profile, documents=["resume"], **config)
    result = resumekit.build(config_path)
    out = tmp_path / "out" / "general"
    pdf = "".join(page.extract_text() for page in PdfReader(out / "Jane-Doe-Resume.pdf").pages)
    document = docx.Document(str(out / "Jane-Doe-Resume.docx"))
    return result, pdf, document


def test_a_talks_section_is_printed_in_both_formats_in_the_configured_order(tmp_path):
    result, pdf, document = _resume_texts(tmp_path, JANE + SECTIONS, sectionOrder=["summary", "talks", "work"])
    order = ["Talks", "Churn models that sales teams trust", "PyData Chicago", "Chicago, IL", "Oct 2025",
             "Showed 60 analysts the retention dashboard", "SQL for product managers", "Mar 2024", "Experience"]
    assert not missing_in_order(pdf, order)
    assert "**" not in pdf and "[retention" not in pdf
    assert not missing_in_order(pdf, ["Licences", "Actuarial: SOA Exam P, 2021", "Service", "Mentor",
                                      "Springfield Girls Who Code"])
    headings = [p.text.strip() for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["Summary", "Talks", "Experience"] and headings[-2:] == ["Licences", "Service"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert not missing_in_order(text, order[1:])
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "60 analysts" in bold
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "Mentor" in bullets and "Springfield Girls Who Code" in bullets
    assert not [w for w in result.warnings if "sections" in str(w)]


def test_an_unknown_top_level_list_warns_that_it_will_not_be_printed(tmp_path):
    config = make_project(tmp_path, profile=JANE + "patents:\n  - name: A churn detector\n")
    done = run_cli("validate", "-c", str(config))
    assert done.returncode == 0
    assert "profile.yaml:36:1: patents: warning: unknown key 'patents': it is not printed" in done.stderr
    assert "sections:" in done.stderr


def test_a_typo_inside_a_section_of_ones_own_is_a_located_warning(tmp_path):
    config = make_project(tmp_path, profile=JANE + SECTIONS.replace("subtitle: PyData", "subtitel: PyData"))
    done = run_cli("validate", "-c", str(config))
    assert "sections.talks.entries[0].subtitel: warning: unknown key 'subtitel'; did you mean 'subtitle'?" \
        in done.stderr


@pytest.mark.parametrize("extra, message", [
    ("sections:\n  work:\n    title: Jobs\n    bullets: [x]\n", "profile.yaml:37:3: sections.work: 'work' is a built-in"),
    ("sections:\n  mixed:\n    title: Mixed\n    bullets: [x]\n    lines: [{label: a, text: b}]\n",
     "profile.yaml:37:3: sections.mixed: a section holds one of entries, lines or bullets, not lines and bullets"),
    ("sections:\n  talks:\n    entries: [{name: x}]\n", "profile.yaml:38:5: sections.talks.title: is required"),
    ("sections:\n  talks:\n    title: Talks\n    line: [{label: a, text: b}]\n",
     "profile.yaml:37:3: sections.talks: has nothing to print: give it entries, lines or bullets"),
])
def test_a_section_of_ones_own_that_cannot_be_printed_is_a_located_error(tmp_path, extra, message):
    done = run_cli("validate", "-c", str(make_project(tmp_path, profile=JANE + extra)))
    assert done.returncode == 1 and message in done.stderr and "Traceback" not in done.stderr


def test_section_order_naming_a_section_nobody_has_is_a_located_error(tmp_path):
    config = make_project(tmp_path, profile=JANE + SECTIONS, sectionOrder=["tlaks"])
    done = run_cli("validate", "-c", str(config))
    assert done.returncode == 1
    assert "resumekit.yaml:5:3: sectionOrder[0]: no section 'tlaks'" in done.stderr and "did you mean 'talks'?" in done.stderr
    with pytest.raises(ConfigError):
        resumekit.build(config)


def test_tailoring_scores_entries_of_ones_own_and_orders_their_highlights():
    profile = resumekit.load_profile({"basics": {"name": "Jane"}, "sections": {"talks": {"title": "Talks", "entries": [
        {"name": "Gardening for beginners", "highlights": ["Grew tomatoes"]},
        {"name": "Forecasting demand with Python", "highlights": ["Ran a workshop on gardening",
                                                                  "Showed demand forecasting in Python"]}]}}})
    target = resumekit.load_target({"title": "Data Analyst", "skills": [{"name": "Forecasting",
                                                                         "keywords": ["Python"]}]})
    tailored = resumekit.tailor(profile, target)
    talks = {u.place.entry: u for u in tailored.units if u.place.section == "talks" and u.place.highlight is None}
    assert talks[1].score > talks[0].score == 0
    assert tailored.profile.sections["talks"].entries[1].highlights[0].text == "Showed demand forecasting in Python"
    assert any(u.place.section == "talks" for u in tailored.droppable)  # may go to fit a page budget


def test_tags_filter_entries_and_rows_of_ones_own_like_any_other():
    profile = resumekit.load_profile({"sections": {
        "talks": {"title": "Talks", "entries": [{"name": "Kept"}, {"name": "Private", "tags": ["private"]}]},
        "extra": {"title": "Extra", "lines": [{"label": "a", "text": "b", "tags": ["private"]}]}}})
    tailored = resumekit.tailor(profile, resumekit.load_target({"title": "Analyst", "exclude": ["private"]}))
    assert [e.name for e in tailored.profile.sections["talks"].entries] == ["Kept"]
    assert tailored.profile.sections["extra"].lines == []
    assert any("Private" in d.text for d in tailored.left_out)


def test_page_break_before_starts_the_section_on_a_new_page_in_both_formats(tmp_path):
    config = make_project(tmp_path, profile=JANE + SECTIONS, pageBreakBefore=["talks"], documents=["resume"])
    resumekit.build(config)
    out = tmp_path / "out" / "general"
    pages = [page.extract_text() for page in PdfReader(out / "Jane-Doe-Resume.pdf").pages]
    assert len(pages) == 2 and "Talks" not in pages[0] and squash(pages[1]).startswith(squash("Talks"))
    document = docx.Document(str(out / "Jane-Doe-Resume.docx"))
    talks = next(p for p in document.paragraphs if p.style.name == "Heading 1" and p.text.startswith("Talks"))
    assert talks.paragraph_format.page_break_before


def test_the_first_section_never_gets_a_break_before_it():
    profile = resumekit.load_profile({"basics": {"summary": "Analyst."}})
    resume = build_resume(profile, Options(breaks_before=("summary",)))
    assert not resume.sections[0].break_before


def test_a_section_named_by_its_heading_suggests_its_name(tmp_path):
    config = make_project(tmp_path, pageBreakBefore=["experience"])
    done = run_cli("validate", "-c", str(config))
    assert done.returncode == 1 and "did you mean 'work'? (the section headed Experience)" in done.stderr


def test_links_in_the_docx_are_in_the_accent_colour_as_in_the_pdf(tmp_path):
    profile = JANE.replace("      - Built the churn model used by the retention team",
                           "      - Built the [churn model](https://example.org/churn) for retention")
    config = make_project(tmp_path, profile=profile, documents=["resume"], formats=["docx"],
                          design={"accent": "#8b0000"})
    resumekit.build(config)
    document = docx.Document(str(tmp_path / "out" / "general" / "Jane-Doe-Resume.docx"))
    from docx.oxml.ns import qn
    from docx.text.run import Run

    links = [Run(r, p) for p in document.paragraphs if p.style.name == "List Bullet"
             for link in p._p.iter(qn("w:hyperlink")) for r in link.iter(qn("w:r"))]
    assert links and all(str(run.font.color.rgb) == "8B0000" for run in links)
