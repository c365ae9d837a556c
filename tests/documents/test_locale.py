"""Each language's phrases from its one readable file, dates from CLDR (Babel), and a
user's phrase file laid over the built-in one."""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path
from typing import Any

import pytest
import yaml

from resumekit.documents.locale import BUILTIN_DIR, DATE_STYLES, Locale, builtin_languages, candidates
from resumekit.errors import BuildError

REQUIRED = {"en", "de", "fr", "es", "it", "pt-BR", "pt-PT", "nl", "pl", "sv", "tr", "ja", "zh-Hans"}


def _flat(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out.update(_flat(value, f"{prefix}{key}."))
        else:
            out[prefix + key] = value
    return out


def _fields(value: Any) -> set[str]:
    values = value if isinstance(value, list) else [value]
    return {f for v in values if isinstance(v, str) for _, f, _, _ in string.Formatter().parse(v) if f}


ENGLISH = _flat(yaml.safe_load((BUILTIN_DIR / "en.yaml").read_text(encoding="utf-8")))
OPTIONAL = {"list.serialComma", "growth.sinceYear"}


def test_at_least_twelve_languages_ship_with_one_right_to_left():
    shipped = set(builtin_languages())
    assert REQUIRED <= shipped and len(shipped) >= 12
    assert {tag for tag in shipped if Locale.load(tag).rtl} >= {"ar", "he"}


@pytest.mark.parametrize("tag", [t for t in builtin_languages() if t != "en"])
def test_every_language_says_every_phrase_english_has_with_the_same_blanks(tag):
    own = _flat(yaml.safe_load((BUILTIN_DIR / f"{tag}.yaml").read_text(encoding="utf-8")))
    assert set(ENGLISH) - OPTIONAL <= set(own) <= set(ENGLISH)
    for key, value in own.items():
        assert _fields(value) == _fields(ENGLISH[key]), key
    assert len(own["letter.leadIns"]) == len(ENGLISH["letter.leadIns"])


@pytest.mark.parametrize("tag, present, month", [
    ("de", "heute", "Apr. 2022"), ("fr", "aujourd'hui", "avr. 2022"), ("ja", "現在", "2022年4月"),
    ("ar", "حتى الآن", "أبريل 2022"), ("en", "present", "Apr 2022"),
])
def test_ranges_and_months_follow_the_language(tag, present, month):
    assert Locale.load(tag).range("2022-04", None) == f"{month} \u2013 {present}"


def test_a_letter_is_dated_as_the_language_dates_it():
    day = dt.date(2026, 12, 1)
    assert [Locale.load(t).long_date(day) for t in ("en", "en-GB", "de", "ja")] == [
        "December 1, 2026", "1 December 2026", "1. Dezember 2026", "2026年12月1日"]


@pytest.mark.parametrize("style, english, german", [
    ("Mar 2024", "Mar 2024", "März 2024"), ("March 2024", "March 2024", "März 2024"),
    ("03/2024", "03/2024", "03/2024"), ("2024-03", "2024-03", "2024-03"),
])
def test_each_date_format_style_is_the_one_its_name_shows(style, english, german):
    assert style in DATE_STYLES
    assert (Locale.load("en", date_style=style).date("2024-03"), Locale.load("de", date_style=style).date("2024-03")) \
        == (english, german)
    assert Locale.load("en", date_style=style).date("2024") == "2024"  # a bare year stays


def test_a_users_phrase_file_changes_only_what_it_holds(tmp_path):
    (tmp_path / "de.yaml").write_text("sections:\n  work: Werdegang\n", encoding="utf-8")
    mine, builtin = Locale.load("de", [tmp_path]), Locale.load("de")
    assert mine.text("sections.work") == "Werdegang"
    assert mine.text("sections.education") == builtin.text("sections.education")


def test_a_new_language_of_the_users_keeps_english_for_what_it_leaves_out(tmp_path):
    (tmp_path / "ko.yaml").write_text("sections:\n  work: 경력\n", encoding="utf-8")
    korean = Locale.load("ko", [tmp_path])
    assert (korean.text("sections.work"), korean.text("sections.skills"), korean.has_phrases) == ("경력", "Skills", True)
    assert Locale.load("ko").has_phrases is False
    assert Locale.load("ko").date("2024-03") == "2024년 3월"  # CLDR knows the dates anyway


def test_a_broken_phrase_file_is_named_with_its_line(tmp_path):
    (tmp_path / "de.yaml").write_text("sections:\n  work: [unclosed\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"de\.yaml:\d+:\d+"):
        Locale.load("de", [tmp_path])


def test_a_phrase_naming_a_blank_resumekit_does_not_fill_says_which(tmp_path):
    (tmp_path / "de.yaml").write_text('letter:\n  subject: "Bewerbung als {job}"\n', encoding="utf-8")
    with pytest.raises(BuildError, match="names 'job'"):
        Locale.load("de", [tmp_path]).text("letter.subject", role="Analyst")


def test_tags_find_the_file_that_serves_them():
    assert candidates("zh-CN")[:2] == ["zh-CN", "zh-Hans"]
    assert "pt-BR" in candidates("pt") and candidates("pt-PT")[0] == "pt-PT"
    assert Locale.load("de-AT").text("sections.work") == Locale.load("de").text("sections.work")


def test_lists_read_as_each_language_writes_them():
    items = ["SQL", "Tableau", "Python"]
    assert Locale.load("en").join(items) == "SQL, Tableau, and Python"
    assert Locale.load("de").join(items) == "SQL, Tableau und Python"
    assert Locale.load("ja").join(items).startswith("SQL、Tableau")


def test_the_phrase_files_are_readable_yaml_with_a_comment_saying_what_they_are():
    for path in sorted(Path(BUILTIN_DIR).glob("*.yaml")):
        assert path.read_text(encoding="utf-8").startswith("#"), path.name


def test_a_value_of_the_wrong_kind_is_left_out_not_a_crash(tmp_path):
    (tmp_path / "de.yaml").write_text("sections: Werdegang\nletter:\n  leadIns: Nur einer\n", encoding="utf-8")
    german = Locale.load("de", [tmp_path])
    assert german.text("sections.work") == Locale.load("de").text("sections.work")
    assert german.texts("letter.leadIns") == Locale.load("de").texts("letter.leadIns")
