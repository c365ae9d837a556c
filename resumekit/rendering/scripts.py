"""Which language a run of text in another script is, so both renderers can tag it: the
PDF marks it with ``lang`` (its structure element's ``/Lang``), the DOCX with the run's
East Asian or complex-script language.

A script says the language only where one language writes it (kana: Japanese; Hangul:
Korean; Hebrew; Thai; Greek); Han characters alone and Cyrillic are many languages', so
they are tagged by script (``und-Hani``, ``und-Cyrl``) unless the document's own language
writes them, and Arabic script is tagged Arabic.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import escape

from ..documents.locale import base_language

_SCRIPTS: tuple[tuple[str, str, Callable[[str], str]], ...] = (
    ("\u3040-\u30ff\u31f0-\u31ff", "kana", lambda doc: "ja"),
    ("\u1100-\u11ff\u3130-\u318f\uac00-\ud7af", "hangul", lambda doc: "ko"),
    ("\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff", "han", lambda doc: doc if doc in ("zh", "ja") else "und-Hani"),
    ("\u0590-\u05ff\ufb1d-\ufb4f", "hebrew", lambda doc: "he"),
    ("\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff", "arabic",
     lambda doc: doc if doc in ("ar", "fa", "ur", "ps") else "ar"),
    ("\u0e00-\u0e7f", "thai", lambda doc: "th"),
    ("\u0900-\u097f", "devanagari", lambda doc: doc if doc in ("hi", "mr", "ne", "sa") else "und-Deva"),
    ("\u0370-\u03ff\u1f00-\u1fff", "greek", lambda doc: "el"),
    ("\u0400-\u04ff", "cyrillic", lambda doc: doc if doc in ("ru", "uk", "bg", "sr", "mk", "be", "kk") else "und-Cyrl"),
)
_CLASS = "".join(chars for chars, _, _ in _SCRIPTS)
_CLINGING = "\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff\u200c\u200d\ufe00-\ufe0f\U000e0100-\U000e01ef"
"""What belongs to the letter before it (combining marks, joiners, variation selectors):
kept in its run, since a selector set apart from its letter is drawn as a dotted circle
or an empty box."""
_RUN = re.compile(f"[{_CLASS}](?:[{_CLASS}{_CLINGING}\\s\u3000-\u303f\uff00-\uffef·・]*[{_CLASS}])?[{_CLINGING}]*")
_ONE = [(re.compile(f"[{chars}]"), name, pick) for chars, name, pick in _SCRIPTS]


def run_language(run: str, document_language: str) -> str | None:
    """The language tag for ``run`` (text in one non-Latin script or a mix of CJK ones),
    or ``None`` where it is the document's own."""
    doc = base_language(document_language)
    for pattern, name, pick in _ONE:
        if pattern.search(run):
            if name == "han" and _ONE[0][0].search(run):
                continue  # kanji with kana: Japanese, found first
            tag = pick(doc)
            return None if base_language(tag) == doc else tag
    return None


EAST_ASIAN = frozenset({"kana", "hangul", "han"})
COMPLEX = frozenset({"hebrew", "arabic", "thai", "devanagari"})
"""How Word groups the scripts: a run's East Asian and complex-script languages are set apart."""


def script_of(run: str) -> str | None:
    """The name of the first non-Latin script in ``run`` (``han``, ``arabic``...)."""
    return next((name for pattern, name, _ in _ONE if pattern.search(run)), None)


def runs(text: str) -> list[tuple[int, int]]:
    """Where ``text`` has runs of non-Latin script, as (start, end)."""
    return [m.span() for m in _RUN.finditer(text)]


_TAG = re.compile(r"(<[^>]*>)")
_RAW = {"style", "script", "title", "textarea", "svg", "head"}


def mark_languages(html: str, document_language: str) -> str:
    """``html`` with each run of text in another language's script wrapped in
    ``<span lang="…">``, outside ``<head>``, styles and drawings."""
    if html.isascii():
        return html
    parts = _TAG.split(html)
    raw = 0
    for i, part in enumerate(parts):
        if i % 2:
            name = re.match(r"<(/?)\s*([A-Za-z0-9]+)", part)
            if name and name.group(2).lower() in _RAW and not part.endswith("/>"):
                raw += -1 if name.group(1) else 1
            continue
        if raw > 0 or part.isascii():
            continue
        out, last = [], 0
        for start, end in runs(part):
            tag = run_language(part[start:end], document_language)
            if tag is None:
                continue
            out += [part[last:start], f'<span lang="{escape(tag)}">{part[start:end]}</span>']
            last = end
        if out:
            parts[i] = "".join(out) + part[last:]
    return "".join(parts)
