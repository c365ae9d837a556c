"""resumekit.tailoring.terms: what a job asks for, and how much."""

from __future__ import annotations

import pytest

from resumekit.tailoring.terms import MAX_TERMS, NICE, REQUIRED, RESPONSIBILITY, extract_terms

from ..tailoring_fixtures import posting, target


def terms_of(job) -> dict:
    return {t.name: t for t in extract_terms(job)}


# --- symbols, normalisation, aliases ------------------------------------------------------------


SYMBOLS = ["C++", "C#", ".NET", "Node.js", "CI/CD"]


def test_symbols_survive_in_qualifications():
    job = target(title="Software Engineer", qualifications=[
        "5+ years of C++ or C#", "Services on .NET and Node.js", "Own our CI/CD pipelines"])
    found = terms_of(job)
    assert set(SYMBOLS) <= set(found)
    assert not {"C", "NET", "Node", "js", "CI", "CD"} & set(found)


def test_symbols_survive_in_a_pasted_posting():
    job = posting("Backend Engineer\n\nRequirements\n- C++, C#, .NET and Node.js\n- Experience with CI/CD.\n",
                  title="Backend Engineer")
    found = terms_of(job)
    assert set(SYMBOLS) <= set(found)
    assert all(found[s].kind == REQUIRED for s in SYMBOLS)


def test_ligatures_and_compatibility_forms_are_normalised():
    job = target(title="Analyst", qualifications=["\ufb01nancial modeling and \ufb01nancial reporting in ｄｂｔ"])
    found = terms_of(job)
    assert {"Financial Modeling", "Financial Reporting", "dbt"} <= set(found)


def test_finance_written_with_a_ligature_reads_as_finance():
    plain = terms_of(posting("Requirements\n- finance and accounting degree; budgeting", title="Analyst"))
    ligature = terms_of(posting("Requirements\n- \ufb01nance and accounting degree; budgeting", title="Analyst"))
    assert plain.keys() == ligature.keys()
    assert "Budgeting" in ligature


@pytest.mark.parametrize("written, canonical", [
    ("k8s", "Kubernetes"),
    ("RN", "Registered Nurse"),
    ("EHR", "Electronic Health Records"),
    ("Postgres", "PostgreSQL"),
    ("Golang", "Go"),
    ("Basic Life Support", "BLS"),
])
def test_aliases_name_the_canonical_term(written, canonical):
    found = terms_of(target(title="Role", qualifications=[f"Experience with {written} required"]))
    assert canonical in found
    assert written not in found or written == canonical


def test_a_term_and_its_alias_in_one_line_are_one_mention():
    once = terms_of(target(title="Role", qualifications=["Kubernetes"]))["Kubernetes"]
    both = terms_of(target(title="Role", qualifications=["Kubernetes (k8s)"]))["Kubernetes"]
    assert both.count == once.count == 1
    assert both.weight == once.weight


def test_short_capitalised_aliases_match_only_in_capitals():
    found = terms_of(target(title="Role", qualifications=["Turn data into decisions; learn the ropes"]))
    assert "Registered Nurse" not in found


# --- weights ------------------------------------------------------------------------------------


POSTING = """\
Data Analyst

About us
We make reading apps.

What you will do
- Build Tableau dashboards

Requirements
- Advanced SQL
- Python for analysis

Nice to have
- Snowflake
- Kubernetes
"""


def test_required_weighs_more_than_responsibilities_more_than_nice_to_haves():
    found = terms_of(posting(POSTING, title="Data Analyst"))
    assert found["SQL"].kind == found["Python"].kind == REQUIRED
    assert found["Tableau"].kind == RESPONSIBILITY
    assert found["Snowflake"].kind == found["Kubernetes"].kind == NICE
    assert found["SQL"].weight > found["Tableau"].weight > found["Snowflake"].weight


def test_a_required_qualification_weighs_more_than_the_same_term_as_a_nice_to_have():
    asked = terms_of(target(title="Analyst", qualifications=["Tableau"]))["Tableau"]
    nice = terms_of(posting("Nice to have\n- Tableau", title="Analyst"))["Tableau"]
    assert asked.weight > nice.weight


def test_a_term_said_again_weighs_more():
    once = terms_of(target(title="Analyst", qualifications=["SQL"]))["SQL"]
    twice = terms_of(target(title="Analyst", qualifications=["SQL"], responsibilities=["Write SQL"]))["SQL"]
    assert twice.weight > once.weight
    assert twice.kind == REQUIRED  # the weightiest place it is said


def test_listed_skills_count_as_required():
    found = terms_of(target(title="Analyst", skills=[{"name": "Visualization", "keywords": ["Looker"]}]))
    assert found["Looker"].kind == REQUIRED


@pytest.mark.parametrize("line, term, kind", [
    ("Preferred: Snowflake", "Snowflake", NICE),
    ("Nice to have: Snowflake experience", "Snowflake", NICE),
    ("Required: Advanced SQL", "SQL", REQUIRED),
    ("Minimum 3 years SQL", "SQL", REQUIRED),
    ("You have advanced SQL", "SQL", REQUIRED),
    ("Bonus points for Snowflake", "Snowflake", NICE),
])
def test_a_heading_with_content_on_its_line_keeps_the_content(line, term, kind):
    found = terms_of(posting(f"We make apps.\n{line}\n", title="Analyst"))
    assert term in found
    assert found[term].kind == kind


def test_terms_come_weightiest_first_ties_by_name_and_at_most_the_maximum():
    many = [f"Experience with Tool{chr(65 + i // 26)}{chr(97 + i % 26)}" for i in range(60)]  # unlisted names
    job = target(title="Engineer", qualifications=["SQL and Python", *many, *many])  # each said twice
    found = extract_terms(job)
    assert len(found) == MAX_TERMS
    keys = [(-t.weight, t.name.casefold()) for t in found]
    assert keys == sorted(keys)
    assert [t.name for t in found[:2]] == ["Python", "SQL"]


# --- multi-word and unlisted terms -------------------------------------------------------------


def test_multi_word_terms_are_found_whole():
    found = terms_of(target(title="Manager", qualifications=[
        "Strong project management", "Clear stakeholder communication with executives"]))
    assert {"Project Management", "Stakeholder Communication"} <= set(found)
    assert not {"project", "management", "stakeholder", "communication"} & {n.casefold() for n in found
                                                                             if " " not in n}


def test_acronyms_outside_the_list_are_found():
    found = terms_of(target(title="Integration Analyst", qualifications=["Experience with FHIR and HL7 feeds"]))
    assert "FHIR" in found and not found["FHIR"].listed
    assert "HL7" in found


def test_a_repeated_word_pair_outside_the_list_is_a_term():
    found = terms_of(posting("What you will do\n- Close each readmission gap with clinics\n- Report on the "
                             "readmission gap backlog weekly\n", title="Analyst"))
    assert "readmission gap" in found
    assert not found["readmission gap"].listed
    assert found["readmission gap"].count == 2


def test_a_pair_of_common_words_said_twice_is_not_a_term():
    found = terms_of(posting("About the role\n- Join a top notch crew\n- Our top notch crew ships weekly\n",
                             title="Analyst"))
    assert "top notch" not in found


def test_a_word_pair_is_never_made_across_a_term_taken_out():
    found = terms_of(target(title="Analyst", responsibilities=["Publish weekly SQL reports",
                                                               "Automate weekly Tableau reports"]))
    assert {"SQL", "Tableau"} <= set(found)
    assert "weekly reports" not in found


def test_a_word_pair_said_once_is_not_a_term():
    found = terms_of(posting("What you will do\n- Close each readmission gap with clinics\n", title="Analyst"))
    assert "readmission gap" not in found


def test_a_skill_keyword_outside_the_list_is_still_a_term():
    found = terms_of(target(title="Nurse Educator", skills=[
        {"name": "Clinical Education", "keywords": ["competency assessment", "precepting"]}]))
    assert found["competency assessment"].kind == REQUIRED
    assert "Precepting" in found


def test_the_company_and_place_are_not_terms():
    job = target(title="Clinical Nurse Educator", company="Riverside General Hospital",
                 location={"city": "Columbus", "region": "Ohio"},
                 qualifications=["Active RN license in Ohio", "Experience at Riverside General Hospital"],
                 responsibilities=["Teach nurses in Columbus"])
    names = {n.casefold() for n in terms_of(job)}
    assert not names & {"riverside", "general", "hospital", "columbus", "ohio", "riverside general"}


@pytest.mark.parametrize("noise", ["C", "R", "e.g", "i.e", "and/or", "U.S"])
def test_shorthand_of_job_ads_is_not_a_term(noise):
    job = posting("Requirements\n- Present to the C-suite and C-level buyers in the U.S.\n"
                  "- Partner with R&D, e.g. on pricing, i.e. margins\n- Salesforce and/or HubSpot\n",
                  title="Account Executive")
    found = terms_of(job)
    assert noise not in found
    assert {"Salesforce", "HubSpot"} <= set(found)


def test_unnormalised_job_text_gives_the_same_terms_as_normalised_text():
    raw = ["Python                 Salesforce Marketing", "\u201cTableau\u201d   and   Looker\u2014daily",
           "Expert in \ufb01nancial  modeling with   Kubernetes"]
    plain = [" ".join(q.replace("\u201c", '"').replace("\u201d", '"').replace("\u2014", "-")
                      .replace("\ufb01", "fi").split()) for q in raw]
    assert [(t.name, t.weight) for t in extract_terms(target(title="Analyst", qualifications=raw))] == \
        [(t.name, t.weight) for t in extract_terms(target(title="Analyst", qualifications=plain))]


def test_a_job_with_few_words_yields_few_terms():
    from resumekit.tailoring.terms import FEW_TERMS

    assert len(extract_terms(target(title="Barista", company="Bean There"))) < FEW_TERMS


def test_extraction_does_not_change_the_target():
    job = target(title="Data Analyst", qualifications=["SQL"], skills=[{"name": "A", "keywords": ["dbt"]}])
    before = job.model_dump()
    extract_terms(job)
    assert job.model_dump() == before



def test_a_requirement_that_is_only_preferred_weighs_as_a_nice_to_have():
    from resumekit.models.target import Target
    from resumekit.tailoring.terms import NICE, REQUIRED, extract_terms

    job = Target.model_validate({"title": "Analyst", "qualifications": [
        "Strong SQL", "Tableau experience preferred", "Pay: $60k DOE"]})
    kinds = {t.name: t.kind for t in extract_terms(job)}
    assert kinds["SQL"] == REQUIRED and kinds["Tableau"] == NICE
    assert "DOE" not in kinds


def test_a_term_said_only_in_the_introduction_counts_only_when_the_job_says_little_else():
    intro = "About the role\nOur platform team runs Kubernetes for 40 services.\n"
    asks = "Requirements\n- SQL\n- Python\n- dbt\n- Tableau\n- Airflow\n- Snowflake\n"
    assert "Kubernetes" not in terms_of(posting(intro + asks, title="Analyst"))
    assert "Kubernetes" in terms_of(posting(intro, title="Analyst"))


@pytest.mark.parametrize("junk", ["top notch", "Hours/Shift", "APPLY", "N/A", "126k/year", "Irving", "United",
                                  "Charge Nurse", "Professional Development"])
def test_what_a_posting_says_around_its_requirements_is_no_term(junk):
    text = ("Registered Nurse - Telemetry\nIrving, TX 75039\nHours/Shift: 7p-7a | $85,000 - $126k/year\n"
            "Join our top notch team at United Regional!\n\nWhat you'll do\n"
            "- Monitor telemetry and titrate drips; reports to the Charge Nurse\n- Educate patients before discharge\n"
            "Requirements\n- Active RN license; BLS and ACLS\n- Epic experience: N/A for new grads\n"
            "Benefits\n- Professional development and tuition reimbursement\n\nAPPLY today!\n")
    found = {name.casefold() for name in terms_of(posting(text, title="Registered Nurse"))}
    assert junk.casefold() not in found
    assert {"telemetry", "bls", "acls"} <= found


def test_the_employers_name_asks_for_nothing():
    job = posting("About the role\nValley Freight Logistics moves 2,000 loads a week.\nRequirements\n"
                  "- Excel and SAP\n- Route planning\n", title="Dispatcher")
    job.company = "Valley Freight Logistics, Inc."
    found = {name.casefold() for name in terms_of(job)}
    assert not {"freight management", "logistics"} & found
    assert {"route planning", "sap"} <= found


def _names(text: str) -> list[str]:
    return [term.name for term in extract_terms(posting("Requirements\n" + text))]


@pytest.mark.parametrize("line, named", [
    ("- GCSE Maths and English at grade 4/C or above", ["GCSE"]),
    ("- Hepatitis B and C vaccination", []),
    ("- Programming in C and Python", ["C", "Python"]),
    ("- Experience with R for statistics", ["R"]),
])
def test_a_one_letter_name_is_a_language_only_where_the_line_speaks_of_programming(line, named):
    assert sorted(n for n in _names(line) if len(n) == 1 or n in ("GCSE", "Python")) == sorted(named)


@pytest.mark.parametrize("line, kept", [
    ("- Licensed by the Arizona State Board of Dental Examiners", []),
    ("- American Heart Association BLS certification", ["BLS"]),
    ("- National Board for Certified Counselors (NCC) credential", ["NCC"]),
])
def test_an_organisation_that_licenses_or_employs_is_no_term(line, kept):
    assert [n for n in _names(line) if "Board" in n or "Association" in n or "Examiners" in n] == []
    assert all(k in _names(line) for k in kept)


def test_a_code_of_letters_and_a_number_is_one_term():
    names = _names("- Hands-on experience preparing H-1B, L-1 and PERM filings, and I-140 petitions")
    assert {"H-1B", "L-1", "I-140", "PERM"} <= set(names) and "1B" not in names
    assert not any("COVID" in n for n in _names("- COVID-19 vaccination required"))


@pytest.mark.parametrize("line, languages", [
    ("- Fluent English and a second European language", ["English"]),
    ("- Bilingual English/Spanish preferred", ["English", "Spanish"]),
    ("- Spanish is a plus", ["Spanish"]),
    ("- Speaks Somali or Arabic", ["Somali", "Arabic"]),
    ("- Two years in Alabama clinics, seeing patients of every age across the whole state", []),
    ("- Java and Go services", []),
])
def test_a_language_the_job_asks_for_is_a_term(line, languages):
    from resumekit.tailoring.terms import languages_asked

    assert languages_asked(line.lstrip("- ")) == languages
    assert all(language in _names(line) for language in languages)
