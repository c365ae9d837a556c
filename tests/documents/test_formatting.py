"""Dates, ranges and lists written as people write them, before any template sees them."""

from __future__ import annotations

import datetime as dt

import pytest

from resumekit.documents import format_long_date, format_range, is_remote
from resumekit.documents.formatting import format_date, format_month_year, join, sentences


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


@pytest.mark.parametrize("value, shown", [
    ("2022-03", "Mar 2022"), ("2022-03-15", "Mar 2022"), ("2021", "2021"), ("present", "present"),
    (None, ""), ("", "")])
def test_a_date_reads_as_month_and_year(value, shown):
    assert format_date(value) == shown


@pytest.mark.parametrize("value, shown", [("2026-09", "September 2026"), ("2026-09-20", "September 2026"),
                                          ("2026", "2026"), (None, "")])
def test_a_month_is_written_out_in_a_sentence(value, shown):
    assert format_month_year(value) == shown


def test_sentences_end_with_a_full_stop_and_empty_parts_are_left_out():
    assert sentences("I use SQL", None, "  ", "Really!", "Why not?") == "I use SQL. Really! Why not?"


def test_join_leaves_out_empty_parts():
    assert join("Springfield", None, " ", "Illinois") == "Springfield, Illinois"
    assert join("a", "b", sep=" | ") == "a | b"
