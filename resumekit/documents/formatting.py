"""Dates, ranges and lists written as people write them, before any template sees them."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
DASH = "\u2013"

def format_date(value: str | None, language: str = "en") -> str:
    """``2022-03`` -> ``Mar 2022``; ``2021`` stays; ``present`` -> ``present``."""
    if not value:
        return ""
    if value == "present":
        return "present"
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"


def format_range(start: str | None, end: str | None, language: str = "en") -> str:
    """A date range as people write it: ``Mar 2022 – present``, ``2019 – 2021``."""
    first = format_date(start, language)
    if not first:
        return format_date(end, language) if end and end != "present" else ""
    last = format_date(end, language) if end else "present"
    if last == first:
        return first
    return f"{first} {DASH} {last}"


def format_month_year(value: str | None) -> str:
    """``2026-09`` -> ``September 2026``; a bare year stays as it is."""
    if not value:
        return ""
    parts = value.split("-")
    return f"{_FULL_MONTHS[int(parts[1]) - 1]} {parts[0]}" if len(parts) > 1 else parts[0]


def format_long_date(day: dt.date, language: str = "en") -> str:
    """A letter's date: ``November 26, 2026`` (US English) or ``26 November 2026``."""
    month = _FULL_MONTHS[day.month - 1]
    if language.lower() in {"en", "en-us"}:
        return f"{month} {day.day}, {day.year}"
    return f"{day.day} {month} {day.year}"


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
