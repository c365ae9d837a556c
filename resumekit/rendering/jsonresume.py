"""A profile -> a JSON Resume 1.0.0 document (the ``json`` format): the tailored profile as
any JSON Resume theme or tool takes it, valid against JSON Resume's schema.

resumekit's extensions have no place there and are left out: tags, ids and variants (a
summary's first variant stands, a highlight is its text), sections of one's own, the
details a resume never prints (date of birth, nationality...), an ongoing role's
``endDate: present`` (JSON Resume leaves the end out), inline Markdown (plain text), keys
JSON Resume does not define (an unknown key of the profile's is a typo, or a tool's), and
a photo that is a file of the project rather than a web address (its path would mean
nothing to another tool, and would tell where the person keeps their files).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from ..models import Profile
from ..models.markup import plain

FIELDS: dict[str, tuple[str, ...]] = {
    "basics": ("name", "label", "image", "email", "phone", "url", "summary", "location", "profiles"),
    "location": ("address", "postalCode", "city", "countryCode", "region"),
    "profiles": ("network", "username", "url"),
    "work": ("name", "location", "description", "position", "url", "startDate", "endDate", "summary", "highlights"),
    "volunteer": ("organization", "position", "url", "startDate", "endDate", "summary", "highlights"),
    "education": ("institution", "url", "area", "studyType", "startDate", "endDate", "score", "courses"),
    "awards": ("title", "date", "awarder", "summary"),
    "certificates": ("name", "date", "url", "issuer"),
    "publications": ("name", "publisher", "releaseDate", "url", "summary"),
    "skills": ("name", "level", "keywords"),
    "languages": ("language", "fluency"),
    "interests": ("name", "keywords"),
    "references": ("name", "reference"),
    "projects": ("name", "description", "highlights", "keywords", "startDate", "endDate", "url", "roles",
                 "entity", "type"),
    "meta": ("canonical", "version", "lastModified"),
}
"""The fields JSON Resume 1.0.0's schema defines, by object, in its order."""
SECTIONS = ("basics", "work", "volunteer", "education", "awards", "certificates", "publications", "skills",
            "languages", "interests", "references", "projects", "meta")
SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"


def _value(key: str, value: Any) -> Any:
    """``value`` as JSON Resume writes it: text plain, variants and highlights as text."""
    if isinstance(value, list):
        items = [_value(key, item) for item in value]
        if key == "summary":  # variants: the one tailoring put first
            return items[0] if items else None
        return [item for item in items if item not in (None, "", {})]
    if isinstance(value, dict):
        if key in ("highlights", "summary") and "text" in value:  # a tagged highlight or variant: its text
            return plain(str(value["text"]))
        return _object(key, value)
    if isinstance(value, str):
        return plain(value) if key in ("summary", "description", "highlights", "reference") else value
    return value


def _is_web_address(value: Any) -> bool:
    return isinstance(value, str) and urlsplit(value.strip()).scheme.lower() in ("http", "https")


def _object(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """One object of the profile with only the fields JSON Resume defines for ``kind``, in its order."""
    kept = {}
    for key in FIELDS.get(kind, ()):
        value = data.get(key)
        if key == "endDate" and isinstance(value, str) and value.lower() == "present":
            continue
        if kind == "basics" and key == "image" and not _is_web_address(value):
            continue
        value = _value(key, value)
        if value not in (None, "", [], {}):
            kept[key] = value
    return kept


def json_resume(profile: Profile) -> dict[str, Any]:
    """The profile as a JSON Resume 1.0.0 document."""
    data = profile.model_dump(mode="json", exclude_none=True)
    document: dict[str, Any] = {"$schema": SCHEMA}
    for section in SECTIONS:
        value = data.get(section)
        if isinstance(value, list):
            items = [_object(section, item) for item in value]
            if any(items):
                document[section] = [item for item in items if item]
        elif isinstance(value, dict) and _object(section, value):
            document[section] = _object(section, value)
    return document


def render_json(profile: Profile) -> bytes:
    """The JSON Resume document's bytes: keys in the schema's order, UTF-8, a final newline."""
    return (json.dumps(json_resume(profile), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
