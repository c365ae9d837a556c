"""Single values of another tool's data -> the profile's: dates, places, text, names.

Each function returns ``None`` for what it cannot read, and the importer lists that value
as not mapped: a value is never guessed at, nor passed on to fail the profile's validation.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

from ..loading.text import text_problem

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_MONTH_YEAR = re.compile(r"^([A-Za-z]{3,9})\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})$")
_NUMERIC_MONTH = re.compile(r"^(\d{1,2})/(\d{4})$")
_MONTHS = {name: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
     ("nov", "november"), ("dec", "december")), start=1) for name in names}
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _partial(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """``2020-03`` for a real year, month and day (as far as given), else ``None``."""
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    if not 1000 <= year <= 9999:
        return None
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")


def partial_date(value: object) -> str | None:
    """A date as JSON Resume writes it (``2020``, ``2020-03``, ``2020-03-15``) from what other
    tools write: the same, a YAML date or year, ``Mar 2020``, ``March 2020``, ``Mar 5, 2020``,
    ``03/2020``; ``None`` for anything else (``Fall 2023``, ``present``, ``""``)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return _partial(value)
    if isinstance(value, dt.date):
        return _partial(value.year, value.month, value.day)
    if not isinstance(value, str):
        return None
    text = value.strip()
    iso = _ISO.match(text)
    if iso:
        year, month, day = (int(p) if p else None for p in iso.groups())
        return _partial(year or 0, month, day)
    named = _MONTH_YEAR.match(text)
    if named and named.group(1).lower() in _MONTHS:
        day = int(named.group(2)) if named.group(2) else None
        return _partial(int(named.group(3)), _MONTHS[named.group(1).lower()], day)
    numeric = _NUMERIC_MONTH.match(text)
    if numeric:
        return _partial(int(numeric.group(2)), int(numeric.group(1)))
    return None


def is_present(value: object) -> bool:
    """Whether an end date says the thing is ongoing (``present``, ``now``, ``current``)."""
    return isinstance(value, str) and value.strip().lower() in ("present", "now", "current", "today", "ongoing")


def clean_text(value: object) -> str | None:
    """``value`` as text a document can carry: control characters dropped, the ends trimmed;
    ``None`` when nothing is left, or when it holds a word no page can (see
    :func:`resumekit.loading.text.text_problem`)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = _CONTROL.sub("", str(value)).replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text or text_problem(text) is not None:
        return None
    return text


def unfit_reason(value: str) -> str:
    """Why :func:`clean_text` refused ``value`` (for the list of what was not mapped)."""
    return text_problem(_CONTROL.sub("", value)) or "it is empty"


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """English country names (and a few common short forms) -> ISO 3166-1 alpha-2 codes."""
    from babel import Locale

    names = {name.casefold(): code for code, name in Locale("en").territories.items()
             if len(code) == 2 and code.isalpha()}
    names.update({"usa": "US", "united states of america": "US", "uk": "GB", "england": "GB",
                  "scotland": "GB", "wales": "GB"})
    return names


def location(text: str) -> dict[str, str]:
    """``Brooklyn, New York, United States`` -> ``{city, region, countryCode}``; a last part
    that is no country is the region (``Austin, TX``); a single part is the city."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        return {}
    code = _countries().get(parts[-1].casefold()) if len(parts) > 1 else None
    if code:
        parts = parts[:-1]
    found = {"city": parts[0]}
    if len(parts) > 1:
        found["region"] = ", ".join(parts[1:])
    if code:
        found["countryCode"] = code
    return found


_MD_LINK = re.compile(r"^\[([^\]]+)\]\((\S+)\)$")


def split_link(text: str) -> tuple[str, str | None]:
    """``[FlashInfer](https://github.com/x)`` -> (``FlashInfer``, the URL); other text as it is."""
    match = _MD_LINK.match(text.strip())
    return (match.group(1), match.group(2)) if match else (text, None)


_BULLET = re.compile(r"^\s*(?:[-*•●▪◦‣–—·]|\d{1,2}[.)])\s+")


def paragraph_and_bullets(text: str) -> tuple[str | None, list[str]]:
    """A description as people type it into a web form -> its prose and its bullet points:
    lines that start with ``•``, ``-``, ``*`` or ``1.`` are bullets (marks dropped), the
    others the prose, joined into one paragraph."""
    prose: list[str] = []
    bullets: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        mark = _BULLET.match(line)
        if mark:
            bullets.append(line[mark.end():].strip())
        elif bullets and line.startswith((" ", "\t")):
            bullets[-1] += " " + line.strip()  # a bullet's wrapped line
        else:
            prose.append(line.strip())
    return (" ".join(prose) or None), [b for b in bullets if b]


def section_key(title: str, taken: set[str], reserved: tuple[str, ...]) -> str:
    """A name for a section of one's own from its ``title``: letters, digits, ``_`` and
    ``-``, starting with a letter, neither ``reserved`` nor ``taken`` (a number is added)."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    key = re.sub(r"[^a-z0-9]+", "_", ascii_title.casefold()).strip("_")
    if not key or not key[0].isalpha():
        key = f"section_{key}".rstrip("_")
    base, n = key, 2
    while key in taken or key in reserved:
        key, n = f"{base}_{n}", n + 1
    return key
