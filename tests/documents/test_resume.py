"""What a resume and a letter say, before any rendering: dates, sections, the letter's parts."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from resumekit import load_profile, load_target
from resumekit.documents import (
    Options, build_letter, build_resume, format_long_date, format_range, is_remote)

from ..helpers import JANE


@pytest.fixture(scope="module")
def jane():
    return load_profile(yaml.safe_load(JANE))


@pytest.mark.parametrize("start, end, shown", [
    ("2022-03", None, "Mar 2022 \u2013 present"),
    ("2022-03", "present", "Mar 2022 \u2013 present"),
    ("2019-06", "2022-02", "Jun 2019 \u2013 Feb 2022"),
    ("2015", "2019", "2015 \u2013 2019"),
    ("2019", "2019", "2019"),
    ("2021-09-15", "2022-06-30", "Sep 2021 \u2013 Jun 2022"),
    (None, "2019", "2019"),
    (None, None, ""),
])
def test_date_ranges_read_as_people_write_them(start, end, shown):
    assert format_range(start, end) == shown


@pytest.mark.parametrize("language, shown", [
    ("en", "January 15, 2026"), ("en-US", "January 15, 2026"), ("en-GB", "15 January 2026")])
def test_a_letter_date_follows_the_language(language, shown):
    assert format_long_date(dt.date(2026, 1, 15), language) == shown


@pytest.mark.parametrize("url, remote", [
    ("https://example.com/me.jpg", True), ("http://example.com/me.jpg", True),
    ("ftp://example.com/me.jpg", True), ("me.jpg", False), ("photos/me.jpg", False), ("", False), (None, False)])
def test_remote_urls_are_recognised(url, remote):
    assert is_remote(url) is remote


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


def test_a_letter_is_addressed_to_the_job_and_its_recipient(jane):
    target = load_target({"title": "Lead Data Analyst", "company": "Acme Corp", "date": "2026-02-03",
                          "letter": {"recipient": "Ms. Rivera", "why": "I use Acme's open data."}})
    letter = build_letter(jane, target, Options())
    assert letter.recipient == ("Ms. Rivera", "Acme Corp")
    assert letter.greeting == "Dear Ms. Rivera,"
    assert letter.subject == "Application for Lead Data Analyst"
    assert letter.paragraphs[0] == ("I am writing to apply for the Lead Data Analyst position at Acme Corp. "
                                    "I use Acme's open data.")
    assert letter.date == "February 3, 2026"


def test_a_letter_uses_the_profiles_defaults(jane):
    letter = build_letter(jane, None, Options(date="2026-01-15"))
    assert letter.greeting == "Dear Hiring Manager,"
    assert letter.after_bullets[-1] == "Thank you for your time and consideration."
    assert (letter.signoff, letter.signature) == ("Sincerely,", "Jane Doe")
    assert letter.date == "January 15, 2026"


def test_a_letter_brings_the_first_highlights_forward(jane):
    letter = build_letter(jane, None, Options(date="2026-01-15"))
    assert letter.bullets == ("Built the churn model used by the retention team",
                              "Presented quarterly findings to the VP of Sales",
                              "Automated the weekly TPS report, saving four hours a week")


def test_document_titles_name_the_person():
    profile = load_profile({"basics": {"name": "Jane Doe"}})
    assert build_resume(profile).title == "Jane Doe \u2013 Resume"
    assert build_letter(profile, None, Options(date="2026-01-15")).title == "Jane Doe \u2013 Cover Letter"
