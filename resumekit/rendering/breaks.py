"""Room to break every line of a document's text, however long a word: none is clipped.

WeasyPrint breaks a line only where a break is allowed; a word wider than the page is
broken anywhere by the theme's ``overflow-wrap``, but finding those breaks costs time in
the square of the word's length. Runs of text longer than any real word therefore get
invisible break opportunities, and very long text is set in several pieces. Every
character the person wrote is kept, and text as long as real words is left as it is.
"""

from __future__ import annotations

import re
import unicodedata

LONG_RUN = 40
"""Characters without a space (or a hyphen) longer than this are no word: such a run gets a
break opportunity every ``PIECE`` characters, so a line can end inside it."""
PIECE = 8
BREAK = "\u200b"
"""A zero-width space: where a line may end, unseen, and kept out of the text a reader copies."""
BOX_AT = 4000
"""Text longer than this is set as spans of about ``BOX`` characters: WeasyPrint re-reads a
whole piece of text for each line it breaks off it, which is quadratic in its length."""
BOX = 500

_TAG = re.compile(r"(<[^>]*>)")
_RAW_TAGS = {"style", "script", "title", "textarea"}
_RUN = re.compile(r"[^\s\u200b-]{%d,}" % (LONG_RUN + 1))
_JOINERS = {"\u200d", "\u034f", "\u2060"}
_WORD = r"[^\W_]+(?:-[^\W_]+)+"
_HYPHENATED = re.compile(rf"(?<![\w-]){_WORD}(?: {_WORD})*(?![\w-])")
HYPHENATED = "hyphenated"
"""The class of a span around a hyphenated word ("30-day", "Junior-Analysten"): kept on one
line, so that no extractor reads "30- day" and a parser still finds the keyword. Hyphenated
words one space apart share a span: WeasyPrint draws no space between two spans, and a
parser would read "40-bedmedical-surgical"."""


def _joins(before: str, after: str) -> bool:
    """Whether a break between the two would split what a reader sees as one character."""
    if before in _JOINERS or after in _JOINERS:
        return True
    code = ord(after)
    return (unicodedata.category(after).startswith("M") or 0xFE00 <= code <= 0xFE0F
            or 0x1F3FB <= code <= 0x1F3FF or 0xE0000 <= code <= 0xE0FFF)


def _safe_end(text: str, start: int, end: int) -> int:
    """``end``, moved so that ``text[start:end]`` ends neither inside ``&amp;`` nor inside a letter."""
    entity = text.rfind("&", max(start, end - 10), end)
    if entity != -1 and ";" not in text[entity:end]:
        close = text.find(";", entity)
        end = entity if entity > start else (close + 1 if close != -1 else end)
    while end < len(text) and _joins(text[end - 1], text[end]):
        end += 1
    return end


def _with_breaks(match: re.Match[str]) -> str:
    run = match.group()
    pieces: list[str] = []
    start = 0
    while len(run) - start > PIECE:
        end = _safe_end(run, start, start + PIECE)
        pieces.append(run[start:end])
        start = end
    pieces.append(run[start:])
    return BREAK.join(piece for piece in pieces if piece)


def _boxes(text: str) -> str:
    spans: list[str] = []
    start = 0
    while len(text) - start > BOX:
        cut = max(text.rfind(mark, start, start + BOX) for mark in (BREAK, " ", "-"))
        end = cut + 1 if cut > start else _safe_end(text, start, start + BOX)
        spans.append(text[start:end])
        start = end
    spans.append(text[start:])
    return "".join(f"<span>{span}</span>" for span in spans)


def _unbroken(match: re.Match[str]) -> str:
    word = match.group()
    return f'<span class="{HYPHENATED}">{word}</span>' if len(word) <= LONG_RUN else word


def breakable(html: str) -> str:
    """``html`` with room to break every line of its body's text, however long a word.

    Text no page can hold is never clipped: a run longer than ``LONG_RUN`` characters
    gets invisible break opportunities (the theme's ``overflow-wrap`` breaks shorter ones
    that still do not fit), and text longer than ``BOX_AT`` is split into spans. Every
    character the person wrote is kept; text as short as any real word's is untouched.
    """
    head, mark, body = html.partition("<body")
    if not mark:
        head, body = "", html
    parts = _TAG.split(body)
    raw = False
    for i, part in enumerate(parts):
        if i % 2:
            name = re.match(r"<(/?)\s*([A-Za-z0-9]+)", part)
            if name and name.group(2).lower() in _RAW_TAGS:
                raw = not name.group(1)
        elif not raw:
            if len(part) > LONG_RUN:
                part = _RUN.sub(_with_breaks, part)
                part = _boxes(part) if len(part) > BOX_AT else part
            parts[i] = _HYPHENATED.sub(_unbroken, part) if "-" in part else part
    return head + mark + "".join(parts)
