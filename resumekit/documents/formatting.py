"""Dates, ranges and lists written as people write them, before any template sees them."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from .locale import builtin_locale


def format_date(value: str | None, language: str = "en") -> str:
    """``2022-03`` -> ``Mar 2022`` (in ``language``, from CLDR); ``2021`` stays; ``present`` -> ``present``."""
    return builtin_locale(language).date(value)


def format_range(start: str | None, end: str | None, language: str = "en") -> str:
    """A date range as people write it: ``Mar 2022 – present``, ``2019 – 2021``."""
    return builtin_locale(language).range(start, end)


def format_month_year(value: str | None, language: str = "en") -> str:
    """``2026-09`` -> ``September 2026``; a bare year stays as it is."""
    return builtin_locale(language).month_year(value)


def format_long_date(day: dt.date, language: str = "en") -> str:
    """A letter's date: ``November 26, 2026`` (English), ``26 November 2026`` (en-GB)."""
    return builtin_locale(language).long_date(day)


def sentences(*parts: str | None) -> str:
    """Non-empty parts as sentences: each ends with a full stop, joined by a space."""
    done = []
    for part in parts:
        text = (part or "").strip()
        if text:
            done.append(text if text[-1] in ".!?" else text + ".")
    return " ".join(done)


def join(*parts: str | None, sep: str = ", ") -> str:
    """The non-empty parts joined by ``sep``."""
    return sep.join(p.strip() for p in parts if p and p.strip())


def is_remote(url: str | None) -> bool:
    """Whether ``url`` points at the network."""
    return bool(url) and urlsplit(url or "").scheme.lower() in {"http", "https", "ftp"}
