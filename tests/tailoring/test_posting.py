"""Reading a pasted posting: its sections, and the lines that ask for nothing."""

from __future__ import annotations

import pytest

from resumekit.tailoring.posting import (
    KIND_GENERAL, NICE, REQUIRED, RESPONSIBILITY, SKIP, Line, asks_nothing, posting_lines, without_reporting,
)


def test_headings_alone_start_sections():
    lines = posting_lines("Intro\nRequirements\n- SQL\nNice to have:\n- Go\nWhat you'll do\n- Build things")
    assert lines == [Line("Intro", KIND_GENERAL), Line("SQL", REQUIRED), Line("Go", NICE),
                     Line("Build things", RESPONSIBILITY)]


@pytest.mark.parametrize("heading, kind", [
    ("Requirements", REQUIRED), ("Basic qualifications", REQUIRED), ("Minimum qualifications:", REQUIRED),
    ("Required Qualifications", REQUIRED), ("Minimum / Required Qualifications", REQUIRED),
    ("What we're looking for", REQUIRED), ("About you", REQUIRED), ("Must have", REQUIRED),
    ("Education and Experience", REQUIRED), ("Knowledge, Skills and Abilities", REQUIRED),
    ("Knowledge, Skills & Abilities:", REQUIRED), ("Key responsibilities", RESPONSIBILITY),
    ("Primary Responsibilities", RESPONSIBILITY), ("Essential Responsibilities", RESPONSIBILITY),
    ("Job Responsibility:", RESPONSIBILITY), ("Essential Job Functions", RESPONSIBILITY),
    ("Duties & Responsibilities:", RESPONSIBILITY), ("What you'll be doing", RESPONSIBILITY),
    ("What you'll do", RESPONSIBILITY), ("Your responsibilities:", RESPONSIBILITY),
    ("Preferred qualifications", NICE), ("Nice-to-haves", NICE), ("Nice to have", NICE), ("Desired skills", NICE),
    ("Bonus points", NICE), ("Bonus", NICE), ("About the role", KIND_GENERAL),
])
def test_common_headings_are_recognised(heading, kind):
    assert posting_lines(f"Data Analyst\n{heading}\n- SQL") == [Line("Data Analyst", KIND_GENERAL), Line("SQL", kind)]


@pytest.mark.parametrize("heading", [
    "About us", "Benefits", "Perks & benefits", "What we offer", "Why join us?", "How to apply", "Compensation",
    "Pay range", "Location", "Schedule", "Physical Demands", "Working Conditions", "Equal Opportunity Employer",
    "Who we are", "What's in it for you",
])
def test_sections_that_ask_for_nothing_are_dropped(heading):
    assert posting_lines(f"Data Analyst\n{heading}\n- Tableau training and a yearly learning budget") == \
        [Line("Data Analyst", KIND_GENERAL)]


@pytest.mark.parametrize("line", [
    "Salary range: $95,000 - $115,000", "$85,000 - $126k/year", "Hours/Shift: 7p-7a", "Pay: $32-$41/hr",
    "401(k) with 4% match, dental and vision insurance", "Tuition reimbursement and paid time off",
    "We are an equal opportunity employer and value diversity.", "This employer participates in E-Verify.",
    "Click APPLY to submit your resume", "Location: Irving, TX 75039", "Irving, TX 75039",
    "Hybrid (3 days in office) | Full-time | Req #DA-2291", "Remote (US)", "1200 Harbor Blvd, Suite 300",
])
def test_lines_that_ask_for_nothing(line):
    assert asks_nothing(line)


@pytest.mark.parametrize("line", [
    "3+ years of SQL", "Strong Excel skills; SAP a plus", "Design and analyze A/B tests",
    "Bachelor's degree in Nursing required", "Monitor telemetry for up to 5 patients",
])
def test_requirements_are_kept(line):
    assert not asks_nothing(line)


def test_a_reporting_line_names_no_skill():
    assert without_reporting("Provide direct patient care; reports to the Charge Nurse") == "Provide direct patient care"
    assert without_reporting("Reporting to the Director of Nursing, lead the unit's quality work") == \
        "lead the unit's quality work"


def test_an_only_preferred_requirement_is_a_nice_to_have():
    lines = posting_lines("Requirements\n- SQL\n- Tableau experience preferred")
    assert [line.kind for line in lines] == [REQUIRED, NICE]
    assert SKIP not in {line.kind for line in lines}
