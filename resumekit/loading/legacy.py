"""Profiles written for JSON Resume before 1.0: their keys read with the meaning they had.

Most resume.json files in the wild predate 1.0.0 (2020), which renamed a few keys. Such a
profile loads as its author meant it: each old key is read as its new name, and a warning
at the old key says how to modernise the file. A key whose new name is also present is
left alone (the unknown-key warning then names it), so nothing is ever overwritten.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..errors import Problem
from .document import Document, PathKey, Positions, by_place, field_path

LEGACY_KEYS: dict[str, dict[str, str]] = {
    "": {"hobbies": "interests"},
    "basics": {"picture": "image", "website": "url"},
    "basics.location": {"state": "region"},
    "work": {"company": "name", "website": "url"},
    "volunteer": {"website": "url"},
    "education": {"gpa": "score"},
    "awards": {"awardDate": "date"},
    "publications": {"website": "url"},
}
"""Where an old key may stand (``work`` for each entry of ``work``) -> old key -> its name in
JSON Resume 1.0.0: ``company``, ``website``, ``picture`` and ``gpa`` from the 0.0.x schema,
``hobbies``, ``awardDate`` and ``state`` from its first drafts (0.0.6)."""

HOW_TO_MODERNISE = "'resumekit import jsonresume FILE' writes the whole file in the 1.0 form"


def new_name(field: str) -> str | None:
    """The 1.0 name of the old key at ``field`` (``work[0].company`` -> ``name``), else ``None``."""
    place, _, key = re.sub(r"\[\d+\]", "", field).rpartition(".")
    return LEGACY_KEYS.get(place, {}).get(key)


def _places(data: dict[str, Any]) -> list[tuple[str, PathKey, dict[str, Any]]]:
    """Each mapping of ``data`` that :data:`LEGACY_KEYS` names, with its path."""
    found: list[tuple[str, PathKey, dict[str, Any]]] = [("", (), data)]
    basics = data.get("basics")
    if isinstance(basics, dict):
        found.append(("basics", ("basics",), basics))
        if isinstance(basics.get("location"), dict):
            found.append(("basics.location", ("basics", "location"), basics["location"]))
    for section in ("work", "volunteer", "education", "awards", "publications"):
        entries = data.get(section)
        if isinstance(entries, list):
            found += [(section, (section, i), entry) for i, entry in enumerate(entries) if isinstance(entry, dict)]
    return found


def _moved(positions: Positions, old: PathKey, new: PathKey) -> Positions:
    """``positions`` with every place at or below ``old`` now at ``new``."""
    def move(table: dict[PathKey, tuple[int, int]]) -> dict[PathKey, tuple[int, int]]:
        return {(new + path[len(old):] if path[:len(old)] == old else path): spot for path, spot in table.items()}

    return Positions(move(positions.values), move(positions.keys))


def modernised(doc: Document) -> tuple[Document, list[Problem]]:
    """``doc`` with its pre-1.0 keys renamed, and a warning at each, located at the old key.

    The input is not changed; a document without old keys comes back as it is."""
    if not isinstance(doc.data, dict):
        return doc, []
    data = _copy(doc.data)
    positions = doc.positions
    warnings: list[Problem] = []
    for place, path, mapping in _places(data):
        for old, new in LEGACY_KEYS[place].items():
            if old not in mapping or new in mapping:
                continue
            line, column = positions.of_key((*path, old))
            _rename(mapping, old, new)
            positions = _moved(positions, (*path, old), (*path, new))
            warnings.append(Problem(doc.source, line, column, field_path((*path, old)),
                                    f"'{old}' is read as '{new}', its name since JSON Resume 1.0: rename it "
                                    f"to '{new}' ({HOW_TO_MODERNISE})", severity="warning"))
    if not warnings:
        return doc, []
    warnings.sort(key=by_place)
    return replace(doc, data=data, positions=positions), warnings


def _rename(mapping: dict[str, Any], old: str, new: str) -> None:
    """Rename key ``old`` of ``mapping`` to ``new`` where it stands, so a file written back
    keeps its order."""
    items = list(mapping.items())
    mapping.clear()
    mapping.update((new if key == old else key, value) for key, value in items)


def _copy(value: Any) -> Any:
    """A copy of plain data deep enough to rename keys in (scalars are shared)."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value
