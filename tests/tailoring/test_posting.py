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
    # a comma then two letters is a place only in capitals ("Irving, TX"), not "or"/"Go"
    "Driving licence, or working towards one", "Python, Go and Rust", "Drive, ideally with a van licence",
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


def test_a_label_line_inside_a_section_drops_itself_not_the_rest():
    lines = posting_lines("Requirements\n- Excel\nLocation: Sacramento, CA\n- SAP\n- Route planning\n"
                          "Preferred: Snowflake\n- Tableau\n")
    assert [(line.text, line.kind) for line in lines] == [
        ("Excel", REQUIRED), ("SAP", REQUIRED), ("Route planning", REQUIRED), ("Snowflake", NICE),
        ("Tableau", REQUIRED)]


@pytest.mark.parametrize("bullet", ["Payroll processing", "Benefits administration experience",
                                    "Preferred experience with Snowflake", "Schedule drivers", "Skills in SQL"])
def test_a_short_bullet_is_never_a_heading(bullet):
    lines = posting_lines(f"What you'll do\n- {bullet}\n- Reconcile the general ledger\n")
    assert [line.text for line in lines] == [bullet, "Reconcile the general ledger"]
    assert lines[1].kind == RESPONSIBILITY


@pytest.mark.parametrize("line", ["Process health insurance claims", "Handle 60+ calls per hour",
                                  "Run payroll and salary administration for 400 staff across three states"])
def test_a_requirement_that_names_pay_or_insurance_is_still_a_requirement(line):
    assert [x.text for x in posting_lines(f"Requirements\n- {line}\n")] == [line]


def test_a_posting_pasted_as_one_line_loses_only_its_sentences_that_ask_nothing():
    text = ("Requirements: Strong Excel and SQL. We offer a $60,000 salary and dental insurance. "
            "Experience with SAP is required. We are an equal opportunity employer.")
    [line] = posting_lines(text)
    assert line.text == "Strong Excel and SQL. Experience with SAP is required."


def test_preferred_but_not_required_is_a_nice_to_have():
    assert posting_lines("Requirements\n- Bachelor's degree preferred but not required\n")[0].kind == NICE
    assert posting_lines("Requirements\n- BSN required; MSN preferred\n")[0].kind == REQUIRED
