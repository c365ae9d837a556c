"""What Python hands a loader -> a path to read, or plain data checked as a file would be.

A mapping handed over in Python never passes through the YAML walker, so the walker's
rules are applied to it here: keys are text, text holds no control character, nesting
stops at ``MAX_DEPTH`` levels and ``MAX_NODES`` values, and no value contains itself.
Every problem is reported at once, each with its field path (Python data has no lines).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import LocatedError, Problem
from .yaml import MAX_DEPTH, MAX_NODES, PathKey, field_path, text_problem

_SCALARS = (str, bool, int, float, dt.date, type(None))
"""What YAML's safe loader makes of a scalar (a ``datetime`` is a ``date``)."""


def describe(value: Any) -> str:
    """``value`` named for a message: ``an int (42)``, ``None``, ``a list``."""
    if value is None or isinstance(value, bool):
        return repr(value)
    kind = type(value).__name__
    article = "an" if kind[:1].lower() in "aeiou" else "a"
    if isinstance(value, (int, float, str, bytes)):
        shown = repr(value)
        return f"{article} {kind} ({shown[:40]}{'...' if len(shown) > 40 else ''})"
    return f"{article} {kind}"


def checked_path(source: Any, error: type[LocatedError], name: str, or_mapping: bool = True) -> Path:
    """``source`` as the path of a file to read; raises ``error`` if it cannot be one."""
    text = os.fspath(source) if isinstance(source, (str, os.PathLike)) else None
    if not isinstance(text, str):
        alternative = ", or a mapping of its content," if or_mapping else ""
        raise error([Problem(f"<{name}>", None, None, "",
                             f"expected the path of a {name} file{alternative} not {describe(source)}")])
    if "\x00" in text:
        raise error([Problem(text.replace("\x00", "\\0"), None, None, "",
                             "the path holds a NUL character (\\0), which no file name can; "
                             "check how the path was made")])
    return Path(text)


def checked_areas(areas: Any, error: type[LocatedError]) -> Mapping[str, list[str]] | None:
    """``areas`` (a project's own feedback areas: name -> phrases) if it is one; raises ``error``."""
    if areas is None or (isinstance(areas, Mapping) and all(
            isinstance(name, str) and isinstance(phrases, (list, tuple))
            and all(isinstance(p, str) for p in phrases) for name, phrases in areas.items())):
        return areas
    raise error([Problem("<areas>", None, None, "areas",
                         f"expected a mapping of area names to lists of phrases, such as "
                         f"{{'leadership': ['led a team']}}, not {describe(areas)}")])


class _TooMany(Exception):
    pass


class _Checker:
    """Copies plain data, noting every way it differs from what a YAML file could hold."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.count = 0
        self.open: set[int] = set()  # the containers on the way down: met again, a cycle

    def _problem(self, path: PathKey, message: str) -> None:
        self.problems.append(Problem(self.source, None, None, field_path(path) or "(top)", message))

    def _text(self, text: str, path: PathKey, what: str = "text") -> str | None:
        wrong = text_problem(text, what)
        if wrong is None:
            return text
        self._problem(path, wrong)
        return None

    def walk(self, value: Any, path: PathKey) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooMany
        if len(path) > MAX_DEPTH:
            self._problem(path, f"nested more than {MAX_DEPTH} levels deep; refused")
            return None
        if isinstance(value, str):
            return self._text(value, path)
        if isinstance(value, _SCALARS):
            return value
        if isinstance(value, os.PathLike) and isinstance(os.fspath(value), str):
            return self._text(os.fspath(value), path)  # a Path where a file is named
        if isinstance(value, (bytes, bytearray, memoryview)):
            self._problem(path, f"this is {describe(value)}, not text; decode it to a str first")
            return None
        if not isinstance(value, (Mapping, list, tuple)):
            self._problem(path, f"this is {describe(value)}; give text, a number, a date, "
                                "a list or a mapping")
            return None
        if id(value) in self.open:
            self._problem(path, "this value contains itself (a cycle); a file cannot, so it is refused")
            return None
        self.open.add(id(value))
        try:
            if isinstance(value, Mapping):
                return self._mapping(value, path)
            return [self.walk(item, (*path, i)) for i, item in enumerate(value)]
        finally:
            self.open.discard(id(value))

    def _mapping(self, mapping: Mapping[Any, Any], path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in mapping.items():
            self.count += 1
            if not isinstance(key, str):
                self._problem(path, f"the key {describe(key)} is not text; keys are names, "
                                    "such as 'name' or 'work'")
                continue
            if self._text(key, (*path, key), "key") is not None:
                result[key] = self.walk(value, (*path, key))
        return result


def plain_data(source: Mapping[Any, Any], origin: str, error: type[LocatedError]) -> dict[str, Any]:
    """A copy of ``source`` as plain dicts, lists and scalars; raises ``error`` with every
    problem found (``origin``, such as ``<profile>``, names it in each)."""
    checker = _Checker(origin)
    try:
        data = checker.walk(source, ())
    except _TooMany:
        raise error([Problem(origin, None, None, "(top)",
                             f"the data holds more than {MAX_NODES:,} values; refused")]) from None
    if checker.problems:
        raise error(checker.problems)
    assert isinstance(data, dict)
    return data
