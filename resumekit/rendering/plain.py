"""Resume and letter content -> plain text (``txt``) and Markdown (``md``).

The text is for pasting into a job portal's form: no tabs, no Unicode bullets a portal
mangles (a hyphen instead), lines wrapped at ``WIDTH`` with a bullet's lines under its
text, links written out. The Markdown keeps the person's own inline Markdown, and
escapes what in their text would read as Markdown (a leading ``#``, a ``*`` of a name).
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

from ..documents import Entry, Letter, Link, Resume, Section
from ..models.markup import plain

WIDTH = 78
"""The longest line of the text: what a portal's text box and an email show unbroken."""
SIDE = " \u00b7 "


def _clean(text: str) -> str:
    """``text`` on one line, with no tab or control character a form would choke on."""
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text)
    return re.sub(r"\s+", " ", text).strip()


def _wrapped(text: str, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(_clean(text), WIDTH, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or ([first.rstrip()] if first else [])


def _contact(link: Link) -> str:
    """A contact as text: where a link's text is not its address, the address too."""
    text = _clean(link.text)
    url = link.url or ""
    shown = re.sub(r"^(mailto:|tel:|https?://(www\.)?)", "", url).rstrip("/")
    if url and shown.lower() != text.lower() and not url.startswith(("mailto:", "tel:")):
        return f"{text} ({url})"
    return text


def _head(entry: Entry) -> tuple[str, str]:
    """An entry's first line (employer, position) and its second (place, dates)."""
    first = ", ".join(_clean(plain(t)) for t in (entry.title, entry.subtitle) if t)
    second = SIDE.join(_clean(t) for t in (entry.where, entry.when) if t)
    return first, second


# --- plain text -------------------------------------------------------------------------------


def _text_section(section: Section) -> list[str]:
    lines = ["", _clean(section.title).upper(), ""]
    if section.kind == "text":
        return lines + _wrapped(plain(section.text))
    for entry in section.entries:
        if section.kind == "lines":
            label = f"{_clean(entry.label)}: " if entry.label else ""
            lines += _wrapped(label + plain(entry.description))
            continue
        if section.kind == "entries":
            first, second = _head(entry)
            if lines[-1]:
                lines.append("")
            lines += _wrapped(first) + _wrapped(second)
            if entry.url:
                lines.append(entry.url)
            if entry.description:
                lines += _wrapped(plain(entry.description))
        lines += [line for bullet in entry.bullets for line in _wrapped(plain(bullet), "- ", "  ")]
    return lines


def resume_text(doc: Resume) -> str:
    lines = [_clean(doc.name), *([_clean(doc.label)] if doc.label else [])]
    lines += [_contact(link) for link in doc.contacts]
    for section in doc.sections:
        lines += _text_section(section)
    if doc.consent:
        lines += [""] + _wrapped(doc.consent)
    return "\n".join(lines).strip() + "\n"


def letter_text(doc: Letter) -> str:
    lines = [_clean(doc.name), *(_contact(link) for link in doc.contacts), "", _clean(doc.date), ""]
    lines += [_clean(line) for line in doc.recipient]
    if doc.subject:
        lines += ["", _clean(doc.subject)]
    lines += ["", _clean(doc.greeting)]
    for paragraph in doc.paragraphs:
        lines += [""] + _wrapped(plain(paragraph))
    if doc.bullets:
        lines.append("")
        lines += [line for bullet in doc.bullets for line in _wrapped(plain(bullet), "- ", "  ")]
    for paragraph in doc.after_bullets:
        lines += [""] + _wrapped(plain(paragraph))
    lines += ["", _clean(doc.signoff), "", _clean(doc.signature)]
    return "\n".join(lines).strip() + "\n"


# --- Markdown ---------------------------------------------------------------------------------

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START = re.compile(r"^(#|>|[-+*] |\d+[.)] )")


def _escaped(text: str) -> str:
    """The person's plain text (a name, a place) as Markdown that shows it as written."""
    text = _SPECIAL.sub(r"\\\1", _clean(text))
    return _LINE_START.sub(lambda m: "\\" + m.group(1), text)


def _marked(text: str) -> str:
    """Text that may hold the person's own inline Markdown: kept, on one line; a leading
    ``#`` or list marker escaped, so it stays text."""
    return _LINE_START.sub(lambda m: "\\" + m.group(1), _clean(text))


def _md_link(link: Link) -> str:
    text = _escaped(link.text)
    return f"[{text}](<{link.url}>)" if link.url else text


def _md_section(section: Section) -> list[str]:
    lines = [f"## {_escaped(section.title)}", ""]
    if section.kind == "text":
        return lines + [_marked(section.text), ""]
    for entry in section.entries:
        if section.kind == "lines":
            label = f"**{_escaped(entry.label)}:** " if entry.label else ""
            lines.append(label + _marked(entry.description) + "  ")
            continue
        if section.kind == "entries":
            title = _escaped(entry.title or entry.subtitle)
            title = f"[{title}](<{entry.url}>)" if entry.url else title
            head = title + (f", *{_escaped(entry.subtitle)}*" if entry.title and entry.subtitle else "")
            lines.append(f"### {head}" if not entry.continued else f"*{_escaped(entry.subtitle)}*")
            side = SIDE.join(_escaped(t) for t in (entry.where, entry.when) if t)
            lines += ["", side] if side else []
            if entry.description:
                lines += ["", _marked(entry.description)]
            lines.append("")
        lines += [f"- {_marked(bullet)}" for bullet in entry.bullets]
        if entry.bullets:
            lines.append("")
    return [*lines, ""] if lines[-1] else lines


def resume_markdown(doc: Resume) -> str:
    lines = [f"# {_escaped(doc.name)}", ""]
    if doc.label:
        lines += [_escaped(doc.label), ""]
    if doc.contacts:
        lines += [SIDE.join(_md_link(link) for link in doc.contacts), ""]
    for section in doc.sections:
        lines += _md_section(section)
    if doc.consent:
        lines += [f"<small>{_escaped(doc.consent)}</small>", ""]
    return "\n".join(lines).strip() + "\n"


def letter_markdown(doc: Letter) -> str:
    lines = [f"# {_escaped(doc.name)}", ""]
    if doc.contacts:
        lines += [SIDE.join(_md_link(link) for link in doc.contacts), ""]
    lines += [_escaped(doc.date), ""]
    if doc.recipient:
        lines += ["  \n".join(_escaped(line) for line in doc.recipient), ""]
    if doc.subject:
        lines += [f"**{_escaped(doc.subject)}**", ""]
    lines += [_escaped(doc.greeting), ""]
    lines += [line for paragraph in doc.paragraphs for line in (_marked(paragraph), "")]
    if doc.bullets:
        lines += [f"- {_marked(bullet)}" for bullet in doc.bullets] + [""]
    lines += [line for paragraph in doc.after_bullets for line in (_marked(paragraph), "")]
    lines += [_escaped(doc.signoff), "", f"**{_escaped(doc.signature)}**"]
    return "\n".join(lines).strip() + "\n"


def render_plain(doc: Resume | Letter, fmt: str) -> bytes:
    """``doc`` as ``txt`` or ``md``, UTF-8."""
    if fmt == "md":
        text = resume_markdown(doc) if isinstance(doc, Resume) else letter_markdown(doc)
    else:
        text = resume_text(doc) if isinstance(doc, Resume) else letter_text(doc)
    return text.encode("utf-8")
