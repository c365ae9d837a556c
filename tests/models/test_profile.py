"""The profile model: JSON Resume's sections, tags on every entry, summaries and letter defaults."""

from __future__ import annotations

from typing import get_args, get_origin

import pytest

from resumekit import load_profile
from resumekit.models.profile import HIGHLIGHTED, SECTION_INFO, SECTIONS, Profile


def entry_model(section: str):
    """The model of one entry of a list section of the profile."""
    return get_args(Profile.model_fields[section].annotation)[0]


def test_the_summary_is_a_string_or_tagged_variants():
    assert load_profile({"basics": {"summary": "Analyst."}}).basics.summary == "Analyst."
    variants = load_profile({"basics": {"summary": [
        {"text": "Analyst.", "tags": ["analytics"]}, {"text": "Lead.", "tags": ["leadership"]}]}}).basics.summary
    assert [v.text for v in variants] == ["Analyst.", "Lead."]


@pytest.mark.parametrize("section, entry", [
    ("work", {"name": "Globex"}), ("volunteer", {"organization": "Code for Good"}),
    ("education", {"institution": "State"}), ("awards", {"title": "Prize"}),
    ("certificates", {"name": "AWS"}), ("publications", {"name": "Paper"}),
    ("skills", {"name": "SQL"}), ("projects", {"name": "Dashboard"}),
])
def test_every_entry_may_carry_tags(section, entry):
    profile = load_profile({section: [{**entry, "tags": ["analytics"]}]})
    assert getattr(profile, section)[0].tags == ["analytics"]


def test_letter_defaults_come_from_the_profile():
    letter = load_profile({"letter": {"closing": "Thank you.", "signature": "J. Doe"}}).letter
    assert (letter.closing, letter.signature, letter.signoff) == ("Thank you.", "J. Doe", None)


def test_the_section_table_has_every_list_section_of_the_profile():
    lists = {name for name, field in Profile.model_fields.items() if get_origin(field.annotation) is list}
    assert set(SECTIONS) == lists


@pytest.mark.parametrize("section", SECTIONS)
def test_each_section_is_named_and_dated_by_fields_its_entries_have(section):
    info, fields = SECTION_INFO[section], entry_model(section).model_fields
    assert info.name_field in fields
    assert info.date_field == "" or info.date_field in fields
    assert info.title


def test_the_highlighted_sections_are_those_whose_entries_have_highlights():
    assert set(HIGHLIGHTED) == {s for s in SECTIONS if "highlights" in entry_model(s).model_fields}
    assert set(HIGHLIGHTED) == {"work", "volunteer", "projects"}


def test_a_json_resume_schema_reference_is_accepted():
    profile = load_profile({"$schema": "https://json.schemastore.org/resume", "basics": {"name": "Jane"}})
    assert profile.schema_ == "https://json.schemastore.org/resume"


def test_the_signature_and_the_signoff_default_to_nothing_so_the_language_says_them():
    letter = load_profile({}).letter
    assert (letter.signoff, letter.signature, letter.paragraphs) == (None, None, [])
