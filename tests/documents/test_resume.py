"""What a resume says, before any rendering: the header, the sections and their entries."""

from __future__ import annotations

import pytest
import yaml

from resumekit import load_profile, load_target
from resumekit.documents import Options, build_letter, build_resume

from ..helpers import JANE


@pytest.fixture(scope="module")
def jane():
    return load_profile(yaml.safe_load(JANE))


def test_the_resume_starts_with_the_name_label_and_contacts(jane):
    resume = build_resume(jane)
    assert (resume.name, resume.label) == ("Jane Doe", "Data Analyst")
    assert [c.text for c in resume.contacts] == ["Springfield, Illinois", "jane.doe@example.com", "+1 555-0100"]
    assert [c.url for c in resume.contacts][1:] == ["mailto:jane.doe@example.com", "tel:+15550100"]


def test_the_resume_sections_come_in_order_and_empty_ones_are_left_out(jane):
    assert [s.title for s in build_resume(jane).sections] == ["Summary", "Experience", "Education", "Skills"]


def test_every_job_keeps_its_highlights_in_order(jane):
    [experience] = [s for s in build_resume(jane).sections if s.key == "work"]
    assert [(e.title, e.subtitle, e.when, e.bullets) for e in experience.entries] == [
        ("Globex", "Senior Data Analyst", "Mar 2022 \u2013 present",
         ("Built the churn model used by the retention team", "Presented quarterly findings to the VP of Sales")),
        ("Initech", "Junior Analyst", "Jun 2019 \u2013 Feb 2022",
         ("Automated the weekly TPS report, saving four hours a week",)),
    ]


def test_a_degree_reads_as_type_in_area(jane):
    [education] = [s for s in build_resume(jane).sections if s.key == "education"]
    assert education.entries[0].subtitle == "Bachelor of Science in Statistics"


def test_the_general_resume_uses_the_first_summary_variant():
    profile = load_profile({"basics": {"summary": [{"text": "First.", "tags": ["a"]}, {"text": "Second."}]}})
    [summary] = build_resume(profile).sections
    assert summary.text == "First."


def test_languages_join_the_skills_as_one_line(jane):
    profile = jane.model_copy(update={"languages": load_profile(
        {"languages": [{"language": "English", "fluency": "Native"}, {"language": "Spanish"}]}).languages})
    [skills] = [s for s in build_resume(profile).sections if s.key == "skills"]
    label, line = [(e.label, e.description) for e in skills.entries][-1]
    assert label == "Languages"
    assert line.startswith("English (Native)") and line.endswith("Spanish")


def test_building_a_resume_does_not_change_the_profile(jane):
    before = jane.model_dump()
    build_resume(jane)
    build_letter(jane, load_target({"title": "Lead", "company": "Acme"}), Options(date="2026-01-15"))
    assert jane.model_dump() == before


def test_consecutive_positions_at_one_employer_are_shown_under_one_heading(tmp_path):
    import docx
    from pypdf import PdfReader

    import resumekit

    from ..helpers import make_project

    profile = """\
basics: {name: Jane Doe}
work:
  - {name: Acme Health, position: Lead Data Analyst, location: "Columbus, OH", startDate: 2024-01,
     highlights: [Led a team of four]}
  - {name: Acme Health, position: Data Analyst, location: "Columbus, OH", startDate: 2021-03, endDate: 2023-12,
     highlights: [Built the churn model]}
  - {name: Globex, position: Analyst, startDate: 2019-01, endDate: 2021-02, highlights: [Cleaned data]}
"""
    config = make_project(tmp_path, profile=profile, documents=["resume"])
    resumekit.build(config)
    out = tmp_path / "out" / "general"
    text = "\n".join(p.extract_text() for p in PdfReader(out / "Jane-Doe-Resume.pdf").pages)
    assert text.count("Acme Health") == 1 and text.count("Columbus, OH") == 1
    order = ["Acme Health", "Lead Data Analyst", "Jan 2024", "Led a team", "Data Analyst", "Mar 2021",
             "Built the churn", "Globex"]
    at = 0
    for piece in order:  # each after the one before, as a reader meets them
        at = text.find(piece, at)
        assert at != -1, piece
        at += len(piece)
    document = docx.Document(str(out / "Jane-Doe-Resume.docx"))
    employers = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert employers == ["Acme Health", "Globex"]  # a heading holds the employer and nothing else
    assert any(p.text == "Data Analyst \u00b7 Mar 2021 \u2013 Dec 2023" for p in document.paragraphs)


def test_section_order_puts_the_named_sections_first_in_both_formats(tmp_path):
    import docx

    import resumekit

    from ..helpers import JANE, make_project, run_cli

    config = make_project(tmp_path, profile=JANE, formats=["docx"], documents=["resume"],
                          sectionOrder=["skills", "education"])
    resumekit.build(config)
    document = docx.Document(str(tmp_path / "out" / "general" / "Jane-Doe-Resume.docx"))
    headings = [p.text.strip() for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["Skills", "Education"] and "Experience" in headings[2:]
    config.write_text(config.read_text(encoding="utf-8").replace("- education", "- educaton"), encoding="utf-8")
    done = run_cli("validate", "-c", str(config))
    assert done.returncode == 1 and "sectionOrder" in done.stderr and "education" in done.stderr


@pytest.mark.parametrize("profile, text", [
    ({"network": "LinkedIn", "username": "maya-okafor", "url": "https://www.linkedin.com/in/maya-okafor/"},
     "linkedin.com/in/maya-okafor"),
    ({"network": "GitHub", "username": "mokafor", "url": "https://github.com/mokafor"}, "github.com/mokafor"),
    ({"network": "LinkedIn", "username": "maya-okafor"}, "LinkedIn: maya-okafor"),
    ({"username": "maya-okafor"}, "maya-okafor"),
    ({"network": "Mastodon"}, "Mastodon"),
])
def test_a_profile_link_says_where_it_goes_in_its_own_text(profile, text):
    """A parser reads the text, not the link behind it: two bare user names said nothing."""
    data = yaml.safe_load(JANE)
    data["basics"]["profiles"] = [profile]
    [link] = build_resume(load_profile(data)).contacts[3:]
    assert link.text == text and link.url == profile.get("url")
