"""A parsed user file: its plain data, and the line and column of every value and key."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem

PathKey = tuple[str | int, ...]


@dataclass
class Positions:
    """Where each value (and each mapping key) of a parsed document stands."""

    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, path: PathKey) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the value at ``path``, or of its nearest parent."""
        for end in range(len(path), -1, -1):
            spot = self.values.get(path[:end])
            if spot:
                return spot
        return None, None

    def of_key(self, path: PathKey) -> tuple[int | None, int | None]:
        """Line and column of the key that names ``path``, else of its value."""
        return self.keys.get(path) or self.of_value(path)


@dataclass
class Document:
    """A parsed user file: plain data plus where each node came from."""

    data: Any
    source: str
    positions: Positions
    problems: list[Problem] = field(default_factory=list)
    """What the parser found wrong (or doubtful) with single values, reported together with
    the validation's problems; the values themselves read as ``None``."""
    broken: set[PathKey] = field(default_factory=set)
    """The paths whose values the parser refused: validation need not repeat them."""
    sha256: str | None = None
    """The SHA-256 of the bytes parsed (``None`` for data handed over in Python): a build
    keys its outputs on what it actually read, so a save made while it runs is never
    mistaken for the version it built from."""



def field_path(path: PathKey) -> str:
    """``('work', 0, 'startDate')`` -> ``work[0].startDate``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def by_place(problem: Problem) -> tuple[int, int]:
    """The sort key that puts problems in file order."""
    return (problem.line or 0, problem.column or 0)
