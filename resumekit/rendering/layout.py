"""Layout decisions the HTML and DOCX renderers share, so both break lines alike."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from itertools import combinations
from typing import Any, TypeVar

from ..documents import Link
from ..documents.content import link_target
from ..models.markup import pieces

T = TypeVar("T")

# What an icon and the gap after an item cost, in average characters of the contact line.
_ITEM_OVERHEAD = 4

_KIND_NAMES = {"linkedin": "LinkedIn", "github": "GitHub", "gitlab": "GitLab", "orcid": "ORCID",
               "stackoverflow": "Stack Overflow", "x": "X", "youtube": "YouTube"}


RIGHT_TO_LEFT = frozenset({"R", "AL"})
"""Unicode's bidirectional classes of letters written right to left (Hebrew; Arabic)."""


def direction_of(text: str) -> str | None:
    """``rtl`` or ``ltr`` by the first letter of ``text`` with a direction (Unicode's
    bidirectional class), ``None`` for text without one (digits, punctuation)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in RIGHT_TO_LEFT:
            return "rtl"
    return None


def kind_name(kind: str) -> str:
    """How people write a contact's kind: ``linkedin`` -> ``LinkedIn``, ``email`` -> ``Email``."""
    return _KIND_NAMES.get(kind.lower(), kind[:1].upper() + kind[1:])


def _width(link: Link) -> int:
    return len(link.text) + _ITEM_OVERHEAD


def _splits(items: Sequence[T], rows: int) -> list[list[Sequence[T]]]:
    """Every way to cut ``items`` into ``rows`` non-empty runs, keeping their order."""
    out = []
    for cuts in combinations(range(1, len(items)), rows - 1):
        bounds = (0, *cuts, len(items))
        out.append([items[a:b] for a, b in zip(bounds, bounds[1:])])
    return out


MAX_SEARCHED = 10
"""Up to this many contact items, every split is tried; past it (rare) rows fill greedily,
since the number of splits grows exponentially."""


def _greedy_rows(items: Sequence[Link], budget: int) -> list[tuple[Link, ...]]:
    rows: list[list[Link]] = [[]]
    for link in items:
        if rows[-1] and sum(_width(x) for x in rows[-1]) + _width(link) > budget:
            rows.append([])
        rows[-1].append(link)
    return [tuple(row) for row in rows]


def contact_rows(contacts: Sequence[Link], budget: int = 96) -> list[tuple[Link, ...]]:
    """The contact line cut into as few rows as fit ``budget`` characters, evenly filled.

    A row that would wrap on its own splits an item's text from its icon and leaves a
    ragged last line; even rows, chosen here, keep a centred header tidy.
    """
    items = tuple(contacts)
    if not items:
        return []
    if len(items) > MAX_SEARCHED:
        return _greedy_rows(items, budget)
    total = sum(_width(link) for link in items)
    for rows in range(1, len(items) + 1):
        if total > budget * rows:
            continue
        best = min(_splits(items, rows),
                   key=lambda split: max(sum(_width(link) for link in row) for row in split))
        if max(sum(_width(link) for link in row) for row in best) <= budget:
            return [tuple(row) for row in best]
    return [(link,) for link in items]


def inline_html(text: str) -> Any:
    """The person's text with its inline Markdown as HTML (``<strong>``, ``<em>``,
    ``<code>``, ``<a>``), everything else escaped: a Jinja filter, ``{{ bullet|md }}``."""
    from markupsafe import Markup, escape

    out = []
    for piece in pieces(text or ""):
        html = str(escape(piece.text))
        if piece.code:
            html = f"<code>{html}</code>"
        if piece.italic:
            html = f"<em>{html}</em>"
        if piece.bold:
            html = f"<strong>{html}</strong>"
        url = link_target(piece.url)
        if url:
            html = f'<a href="{escape(url)}">{html}</a>'
        out.append(html)
    return Markup("".join(out))
