"""What a user's text must be: UTF-8 (or UTF-16/32 with a BOM), free of control characters,
and made of words a page can hold."""

from __future__ import annotations

import re

from ..errors import LocatedError, Problem

_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
"""Characters PDF text and DOCX's XML cannot hold, or a terminal would obey: C0 and C1
controls (but tab, newlines and NEL), DEL, surrogates."""


MAX_WORD = 10_000
"""A longer run of characters without a space is refused: no page holds it, and laying it
out across hundreds of pages takes minutes (a long URL is a few hundred characters)."""
_LONG_WORD = re.compile(r"\S{%d,}" % (MAX_WORD + 1))


def text_problem(text: str, what: str = "text") -> str | None:
    """What makes ``text`` unfit for a document (a control character, a word no page can
    hold), or ``None``."""
    bad = _UNPRINTABLE.search(text)
    if bad:
        return (f"the {what} holds a control character (U+{ord(bad.group()):04X}) "
                "that documents cannot carry; delete it")
    if len(text) > MAX_WORD:
        long = _LONG_WORD.search(text)
        if long:
            return (f"the {what} holds a word of {len(long.group()):,} characters with no space; no page "
                    f"can hold one over {MAX_WORD:,}: break it up, or check that this is the text you meant")
    return None


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(raw: bytes, source: str, error: type[LocatedError]) -> str:
    """A file's text: UTF-8 (with or without a BOM), or UTF-16/32 with a BOM, as YAML allows.

    Anything else is refused at the line and column of the first byte that is not UTF-8.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise error([Problem(source, 1, 1, "", f"the file starts as {encoding.upper()} but is not; "
                                     "save it as UTF-8")]) from None
    if len(raw) >= 4 and raw.count(0) * 3 > len(raw):  # every other byte is zero: UTF-16 without a BOM
        raise error([Problem(source, 1, 1, "", "the file looks like UTF-16 text without a byte-order mark; "
                             "save it as UTF-8 (the encoding YAML files use)")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[start:exc.start].decode("utf-8", "replace")) + 1
        byte = raw[exc.start]
        raise error([Problem(source, line, column, "",
                             f"byte 0x{byte:02X} is not UTF-8 text (was the file saved as Latin-1 or "
                             "Windows-1252?); save it as UTF-8")]) from None
