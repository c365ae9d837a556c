"""Single values of other tools' data read as the profile's, or refused (never guessed)."""

from __future__ import annotations

import datetime as dt

import pytest

from resumekit.importing.values import (clean_text, is_present, location, paragraph_and_bullets, partial_date,
                                        section_key, split_link)
from resumekit.models.base import SECTION_NAMES


@pytest.mark.parametrize("given, expected", [
    ("Mar 2020", "2020-03"), ("March 2020", "2020-03"), ("Sept 2019", "2019-09"), ("sep 2019", "2019-09"),
    ("2019", "2019"), (2019, "2019"), ("2021-06-01", "2021-06-01"), ("2021-6", "2021-06"),
    ("Nov 5, 1990", "1990-11-05"), ("03/2020", "2020-03"), (dt.date(2020, 2, 29), "2020-02-29"),
    (" Jan 1842 ", "1842-01"),
])
def test_dates_other_tools_write_become_json_resume_dates(given, expected):
    assert partial_date(given) == expected


@pytest.mark.parametrize("given", ["Fall 2023", "present", "", "2021-13", "2021-02-30", "Smarch 2020",
                                   "13/2020", "20", True, None, 3.5, "0000", ["2020"]])
def test_what_is_not_a_date_is_refused_rather_than_guessed(given):
    assert partial_date(given) is None


def test_present_and_its_synonyms_mean_ongoing():
    assert all(is_present(word) for word in ("present", "Present", " now ", "current"))
    assert not is_present("2020") and not is_present(None)


def test_a_place_is_split_into_city_region_and_country_code():
    assert location("Brooklyn, New York, United States") == {"city": "Brooklyn", "region": "New York",
                                                             "countryCode": "US"}
    assert location("Leeds, England, United Kingdom") == {"city": "Leeds", "region": "England", "countryCode": "GB"}
    assert location("Hamburg, Germany") == {"city": "Hamburg", "countryCode": "DE"}
    assert location("Austin, TX") == {"city": "Austin", "region": "TX"}
    assert location("San Francisco Bay Area") == {"city": "San Francisco Bay Area"}
    assert location(" , ") == {}


def test_a_description_gives_its_prose_and_its_bullets():
    prose, bullets = paragraph_and_bullets("Own the forecast.\n• Cut error by 13 points\n- Trained six planners\n"
                                           "  who now run it\n* Ran reviews\n1. Shipped it\n\nMore prose.")
    assert prose == "Own the forecast. More prose."
    assert bullets == ["Cut error by 13 points", "Trained six planners who now run it", "Ran reviews", "Shipped it"]
    assert paragraph_and_bullets("Plain text only.") == ("Plain text only.", [])
    assert paragraph_and_bullets("-5% costs, not a bullet") == ("-5% costs, not a bullet", [])


def test_text_loses_control_characters_and_a_word_no_page_can_hold_is_refused():
    assert clean_text("  Lead\x00 Analyst\x07 ") == "Lead Analyst"
    assert clean_text("line one\r\nline two") == "line one\nline two"
    assert clean_text(42) == "42"
    assert clean_text("   ") is None and clean_text(None) is None and clean_text(["a"]) is None
    assert clean_text("x" * 20_000) is None
    assert clean_text("word " * 20_000) is not None  # long, but made of words


def test_a_markdown_link_gives_its_text_and_its_address():
    assert split_link("[pgqueue](https://github.com/x/pgqueue)") == ("pgqueue", "https://github.com/x/pgqueue")
    assert split_link("Plain **name**") == ("Plain **name**", None)


def test_a_section_key_is_a_name_sectionOrder_accepts_and_never_a_built_in_one():
    taken: set[str] = set()
    assert section_key("Invited Talks", taken, SECTION_NAMES) == "invited_talks"
    assert section_key("welcome_to_rendercv!", taken, SECTION_NAMES) == "welcome_to_rendercv"
    assert section_key("Publicações", taken, SECTION_NAMES) == "publicacoes"
    assert section_key("education", taken, SECTION_NAMES) == "education_2"
    assert section_key("2024 talks", taken, SECTION_NAMES) == "section_2024_talks"
    assert section_key("!!!", taken, SECTION_NAMES) == "section"
    assert section_key("Talks", {"talks"}, SECTION_NAMES) == "talks_2"
