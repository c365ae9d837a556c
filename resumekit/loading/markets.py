"""Market conventions: what employers in the target's country expect on a resume, and what
the law around hiring there makes unwise to include, from one documented table
(``markets.yaml``), checked against the profile with every warning located at its line."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem
from ..models import Profile, Target
from ..models.profile import PERSONAL, REDACTED_DETAILS
from .document import Document

TABLE = Path(__file__).with_name("markets.yaml")


@dataclass(frozen=True)
class Market:
    """One country's conventions."""

    code: str
    name: str
    advise_against: tuple[str, ...] = ()
    customary: tuple[str, ...] = ()
    expects: tuple[str, ...] = ()
    why: str = ""


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    return data


def detail_name(key: str) -> str:
    """How a message names a detail of ``basics``: ``birthDate`` -> ``a date of birth``."""
    return str(_table()["details"].get(key, key))


def market(code: str | None) -> Market | None:
    """The conventions of country ``code`` (``US``, ``de``), or ``None`` if the table has none."""
    if not code:
        return None
    entry = _table()["markets"].get(code.strip().upper())
    if entry is None:
        return None
    return Market(code.strip().upper(), entry["name"], tuple(entry.get("adviseAgainst", ())),
                  tuple(entry.get("customary", ())), tuple(entry.get("expects", ())),
                  " ".join(str(entry.get("why", "")).split()))


def known_markets() -> list[str]:
    return sorted(_table()["markets"])


def market_of(profile: Profile, target: Target | None, configured: str | None) -> str | None:
    """The target's ``market``, else the job's country, else the config's ``market``, else the person's country."""
    if target is not None and target.market:
        return target.market.upper()
    if target is not None and target.location and target.location.countryCode:
        return target.location.countryCode.upper()
    if configured:
        return configured.upper()
    location = profile.basics.location
    return location.countryCode.upper() if location and location.countryCode else None


def redacted_details(redact: list[str]) -> set[str]:
    """The details of ``basics`` a target's ``redact:`` leaves out of its documents."""
    return {key for item in redact for key in REDACTED_DETAILS.get(item, ())}


def convention_problems(profile: Profile, document: Document, conventions: Market, who: str,
                        redact: list[str] | None = None, photo: bool = False) -> list[Problem]:
    """What the profile carries that ``conventions`` advise against, or lacks that they
    expect, located in the profile's ``document``; ``who`` names the target (or the build).
    A detail the target's ``redact`` leaves out is no concern, nor a photo unless ``photo``
    (the documents show it)."""
    problems = []
    redacted = redacted_details(redact or [])
    for key in PERSONAL:
        if getattr(profile.basics, key, None) in (None, "") or key not in conventions.advise_against:
            continue
        if key in redacted or (key == "image" and not photo):
            continue
        line, column = document.positions.of_key(("basics", key))
        if key == "image":
            message = (f"the resume for {who} shows a photo, and it goes to {conventions.name}, where a photo "
                       f"is better left off a resume: {conventions.why}. Set photo: false in the target, "
                       f"or leave photo: true out of the config")
        else:
            message = (f"{who} is in {conventions.name}, where {detail_name(key)} is better left off a resume: "
                       f"{conventions.why}. resumekit's themes do not print it, but the profile you share "
                       f"carries it: remove it, or say it is meant to stay out with redact: in the target")
        problems.append(Problem(document.source, line, column, f"basics.{key}", message, severity="warning"))
    if "dataConsent" in conventions.expects and not (profile.consent or "").strip():
        problems.append(Problem(document.source, 1, 1, "consent",
                                f"{who} is in {conventions.name}, where a resume is expected to end with a "
                                f"data-processing consent clause ({conventions.why}); add one as consent: "
                                f"in the profile", severity="warning"))
    return problems
