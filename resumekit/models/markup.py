"""Inline Markdown in the person's text: bold, italic, links and inline code, read by a
CommonMark parser (markdown-it-py), as pieces both renderers place; everything else
(headings, images, HTML, lists) stays the literal text it was.

Tailoring and the page budget read :func:`plain`, the text a reader sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MARKS = frozenset("*_`[")
"""The characters without which a text holds no inline Markdown at all (the quick path)."""


@dataclass(frozen=True)
class Piece:
    """A run of text and how it is set."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    url: str | None = None
    """Where it links, as written (the renderers link only to the web, mail and phones)."""


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("zero").enable(["emphasis", "link", "backticks", "escape"])


def has_markup(text: str) -> bool:
    return any(c in MARKS for c in text)


@lru_cache(maxsize=8192)
def pieces(text: str) -> tuple[Piece, ...]:
    """``text`` as pieces: ``Cut costs **40%** with [Routific](https://routific.com)`` is
    plain, bold, plain and a link. An image (``![a](b.png)``) stays literal text."""
    if not has_markup(text):
        return (Piece(text),) if text else ()
    tokens = _parser().parseInline(text.replace("![", "!\\["))
    out: list[Piece] = []
    bold = italic = 0
    url: str | None = None
    for token in tokens[0].children or []:
        kind = token.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            url = str(token.attrs.get("href") or "")
        elif kind == "link_close":
            url = None
        elif kind in ("text", "code_inline", "softbreak", "hardbreak"):
            words = " " if kind in ("softbreak", "hardbreak") else token.content
            out.append(Piece(words, bold > 0, italic > 0, kind == "code_inline", url or None))
    return tuple(_merged(out))


def _merged(found: list[Piece]) -> list[Piece]:
    """Neighbouring pieces set alike, as one."""
    merged: list[Piece] = []
    for piece in found:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].code, merged[-1].url) == (
                piece.bold, piece.italic, piece.code, piece.url):
            last = merged.pop()
            piece = Piece(last.text + piece.text, piece.bold, piece.italic, piece.code, piece.url)
        merged.append(piece)
    return merged


def plain(text: str) -> str:
    """The text a reader sees: ``Cut costs **40%**`` -> ``Cut costs 40%``."""
    if not has_markup(text):
        return text
    return "".join(p.text for p in pieces(text))
