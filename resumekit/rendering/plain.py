"""Resume and letter content -> plain text (``txt``) and Markdown (``md``).

The text is for pasting into a job portal's form: no tabs or control characters, no
Unicode bullets a portal mangles (a hyphen instead), lines wrapped at :data:`WIDTH` with a
bullet's further lines under its text, section titles in capitals over a rule of hyphens
(a rule, because capitals say nothing in a script without them), and every link written
out in full. A word longer than a line (a URL) is never broken: broken, it would not work.

The Markdown keeps the person's own inline Markdown (bold, italic, code, links, as
:mod:`..models.markup` reads them for the other renderers) and escapes everything else of
theirs, so that a name like ``Jane *Doe*`` or a bullet starting with ``#`` shows as written.

Which fields hold the person's Markdown is the templates' choice, followed here: a section's
text, an entry's description and bullets, and the letter's paragraphs and bullets; titles,
places, dates and labels are plain text.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

from ..documents import Entry, Letter, Link, Resume, Section
from ..models.markup import Piece, pieces, plain

WIDTH = 78
"""The longest line of the text: what a portal's text box and an email show unbroken."""
BULLET = "- "
"""A list item's mark: ASCII, since portals turn a Unicode bullet into ``?`` or ``â€¢``."""
HEAD_SEP = " \u2014 "
"""Between an entry's employer and its position (``Acme Health — Data Analyst``)."""
SIDE_SEP = " | "
"""Between an entry's place and its dates, in the text."""
MD_SIDE_SEP = " \u00b7 "
"""Between the place and the dates, and between contacts, in the Markdown."""

_UNICODE_BULLETS = re.compile(r"[\u2022\u2023\u2043\u2219\u25aa\u25ab\u25b6\u25ba\u25cf\u25cb\u25e6\u25a0\u25a1]")
"""Bullet characters people paste into their text, which portals mangle."""
_SPACES = re.compile(r" {2,}")


def _clean(text: str) -> str:
    """``text`` on one line, with no tab or control character a form would choke on.

    Only ASCII spaces are collapsed: a no-break space keeps ``10 km`` together, and the
    marks of right-to-left text (format characters, not controls) stay as they are.
    """
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text)
    return _SPACES.sub(" ", text).strip()


# --- plain text -------------------------------------------------------------------------------


def _unbulleted(text: str) -> str:
    """``text`` without a bullet character the person pasted at its start: the list has its own."""
    return _UNICODE_BULLETS.sub("", text[:1]).lstrip() + text[1:] if text[:1] else text


def _line(text: str) -> str:
    """The person's plain text as a portal keeps it: on one line, a pasted bullet character
    at its start left out and any other one a hyphen."""
    return _UNICODE_BULLETS.sub("-", _unbulleted(_clean(text))).strip()


def _portable(text: str) -> str:
    """Text that may hold the person's inline Markdown, as a portal keeps it: plain (and
    cleaned first, since the Markdown parser turns a NUL into a replacement character)."""
    return _line(plain(_clean(text)))


def _columns(text: str) -> int:
    """How many columns ``text`` takes in a fixed-width font: two for a wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrapped(text: str, first: str = "", rest: str = "") -> list[str]:
    """``text`` in lines of at most :data:`WIDTH` (but for a longer word), the first after
    ``first`` and the others after ``rest``."""
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or ([first.rstrip()] if first else [])


def _bullets(items: tuple[str, ...]) -> list[str]:
    return [line for item in items if _portable(item) for line in _wrapped(_portable(item), BULLET, "  ")]


def _contact(link: Link) -> str:
    """A contact as text: a web link as its full address (a portal links only what starts
    with ``https://``), after its text when the text says something the address does not."""
    text = _portable(link.text)
    url = link.url or ""
    if not url.lower().startswith(("http://", "https://")):
        return text
    shown = re.sub(r"^https?://(www\.)?", "", url, flags=re.I).rstrip("/")
    return url if shown.lower() == text.lower().removeprefix("www.").rstrip("/") else f"{text}: {url}"


def _heading(title: str) -> list[str]:
    """A section's title in capitals over a rule as wide, after two blank lines."""
    title = _line(title).upper()
    return ["", "", title, "-" * max(_columns(title), 3), ""]


def _entry_text(entry: Entry) -> list[str]:
    """An entry as ``Employer — Position``, then ``Place | Dates``, its link, its text and its bullets."""
    head = HEAD_SEP.join(_line(t) for t in (entry.title, entry.subtitle) if _line(t))
    side = SIDE_SEP.join(_line(t) for t in (entry.where, entry.when) if _line(t))
    lines = _wrapped(head) + _wrapped(side)
    if entry.url:
        lines.append(entry.url)
    if _portable(entry.description):
        lines += _wrapped(_portable(entry.description))
    return lines + _bullets(entry.bullets)


def _text_section(section: Section) -> list[str]:
    lines = _heading(section.title)
    if section.kind == "text":
        return lines + _wrapped(_portable(section.text))
    for entry in section.entries:
        if section.kind == "lines":
            label = f"{_line(entry.label)}: " if _line(entry.label) else ""
            lines += _wrapped(label + _line(entry.description), rest="  ")
        elif section.kind == "bullets":
            lines += _bullets(entry.bullets)
        else:
            lines += ([""] if lines[-1] else []) + _entry_text(entry)
    return lines


def resume_text(doc: Resume) -> str:
    """The resume as text to paste into a portal's form."""
    lines = [_line(doc.name), *([_line(doc.label)] if _line(doc.label) else [])]
    lines += [_contact(link) for link in doc.contacts if _contact(link)]
    for section in doc.sections:
        lines += _text_section(section)
    if _line(doc.consent):
        lines += ["", ""] + _wrapped(_line(doc.consent))
    return _joined(lines)


def letter_text(doc: Letter) -> str:
    """The letter as text for a portal's cover-letter box or an email."""
    lines = [_line(doc.name), *([_line(doc.label)] if _line(doc.label) else [])]
    lines += [_contact(link) for link in doc.contacts if _contact(link)] + ["", _line(doc.date)]
    lines += [""] + [_line(line) for line in doc.recipient]
    if _line(doc.subject):
        lines += ["", _line(doc.subject)]
    lines += ["", _line(doc.greeting)]
    for paragraph in doc.paragraphs:
        lines += [""] + _wrapped(_portable(paragraph))
    if doc.bullets:
        lines += [""] + _bullets(doc.bullets)
    for paragraph in doc.after_bullets:
        lines += [""] + _wrapped(_portable(paragraph))
    lines += ["", _line(doc.signoff), "", _line(doc.signature)]
    return _joined(lines)


def _joined(lines: list[str]) -> str:
    """The lines as one text: no blank line repeated beyond two, none at either end."""
    text = "\n".join(line.rstrip() for line in lines)
    return re.sub(r"\n{4,}", "\n\n\n", text).strip("\n") + "\n"


# --- Markdown ---------------------------------------------------------------------------------

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~]|&(?=#?\w+;))")
"""What CommonMark (or GitHub's tables and strikethrough) would read as Markdown anywhere
in a line; ``&`` only where it would start an entity (``&amp;``). ``!`` needs nothing:
the ``[`` of an image is escaped."""
_LIST_START = re.compile(r"^([-+=])")
_NUMBER_START = re.compile(r"^(\d+)([.)])")


def _block(markdown: str) -> str:
    """A line of Markdown that starts a block (a paragraph, a list item), with what would
    read there as a list, a numbered list, a rule or a heading's underline escaped
    (``2024. A good year`` is no list)."""
    return _NUMBER_START.sub(r"\1\\\2", _LIST_START.sub(r"\\\1", markdown))


def _escaped(text: str) -> str:
    """The person's plain text (a name, a place) as Markdown that shows it as written
    inside a line (see :func:`_block` for a line's start)."""
    return _SPECIAL.sub(r"\\\1", _clean(text))


def _address(url: str) -> str:
    """A link's address as a Markdown destination: in angle brackets, with what would end them encoded."""
    encoded = url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20").replace("\\", "%5C")
    return f"<{encoded}>"


def _code(text: str) -> str:
    """``text`` as a code span: fenced by more backticks than it holds in a row."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _piece(piece: Piece) -> str:
    """One piece of the person's inline Markdown, written back, its spaces outside the
    marks (``** x**`` is no emphasis in CommonMark)."""
    rest = piece.text.lstrip(" ")
    core = rest.rstrip(" ")
    if not core:
        return piece.text
    lead, trail = piece.text[:len(piece.text) - len(rest)], rest[len(core):]
    text = _code(core) if piece.code else _SPECIAL.sub(r"\\\1", core)
    if piece.italic:
        text = f"*{text}*"
    if piece.bold:
        text = f"**{text}**"
    if piece.url:
        text = f"[{text}]({_address(piece.url)})"
    return lead + text + trail


def _marked(text: str) -> str:
    """Text that may hold the person's own inline Markdown, on one line: their bold,
    italic, code and links kept, everything else of theirs escaped."""
    return _block("".join(_piece(piece) for piece in pieces(_clean(text))))


def _md_link(link: Link) -> str:
    text = _escaped(link.text)
    return f"[{text}]({_address(link.url)})" if link.url else text


def _md_entry(entry: Entry) -> list[str]:
    """An entry as a third-level heading (employer, linked where it has a link, and position),
    its place and dates, its text and its bullets."""
    first = _escaped(entry.title or entry.subtitle)
    first = f"[{first}]({_address(entry.url)})" if entry.url and first else first
    second = _escaped(entry.subtitle) if entry.title else ""
    head = HEAD_SEP.join(t for t in (first, second) if t)
    side = MD_SIDE_SEP.join(_escaped(t) for t in (entry.where, entry.when) if _clean(t))
    lines = [f"### {head}", ""] if head else []
    lines += [_block(side), ""] if side else []
    if _clean(entry.description):
        lines += [_marked(entry.description), ""]
    return lines + _md_list(entry.bullets)


def _md_list(items: tuple[str, ...]) -> list[str]:
    """The person's items (which may hold their Markdown) as a list, and a blank line after."""
    return _md_items([_marked(_unbulleted(_clean(item))) for item in items if _clean(item)])


def _md_items(written: list[str]) -> list[str]:
    """Items already in Markdown as a list, and a blank line after."""
    return [*(f"- {item}" for item in written), ""] if written else []


def _md_section(section: Section) -> list[str]:
    lines = [f"## {_escaped(section.title)}", ""]
    if section.kind == "text":
        return lines + [_marked(section.text), ""]
    if section.kind == "lines":
        return lines + _md_items([f"**{_escaped(e.label)}:** {_escaped(e.description)}" if _clean(e.label)
                                  else _block(_escaped(e.description)) for e in section.entries
                                  if _clean(e.description)])
    for entry in section.entries:
        lines += _md_list(entry.bullets) if section.kind == "bullets" else _md_entry(entry)
    return lines


def resume_markdown(doc: Resume) -> str:
    """The resume as Markdown: the name a first-level heading, each section a second."""
    lines = [f"# {_escaped(doc.name)}", ""] if _clean(doc.name) else []
    if _clean(doc.label):
        lines += [_block(_escaped(doc.label)), ""]
    if doc.contacts:
        lines += [_block(MD_SIDE_SEP.join(_md_link(link) for link in doc.contacts)), ""]
    for section in doc.sections:
        lines += _md_section(section)
    if _clean(doc.consent):
        lines += [f"*{_escaped(doc.consent)}*", ""]
    return _joined(lines)


def letter_markdown(doc: Letter) -> str:
    """The letter as Markdown: the name a heading, the recipient's lines kept apart."""
    lines = [f"# {_escaped(doc.name)}", ""] if _clean(doc.name) else []
    if _clean(doc.label):
        lines += [_block(_escaped(doc.label)), ""]
    if doc.contacts:
        lines += [_block(MD_SIDE_SEP.join(_md_link(link) for link in doc.contacts)), ""]
    lines += [_block(_escaped(doc.date)), ""]
    recipient = [_block(_escaped(line)) for line in doc.recipient if _clean(line)]
    if recipient:
        lines += ["\\\n".join(recipient), ""]  # a backslash at a line's end: a line break that editors keep
    if _clean(doc.subject):
        lines += [f"**{_escaped(doc.subject)}**", ""]
    lines += [_block(_escaped(doc.greeting)), ""]
    lines += [line for paragraph in doc.paragraphs for line in (_marked(paragraph), "")]
    lines += _md_list(doc.bullets)
    lines += [line for paragraph in doc.after_bullets for line in (_marked(paragraph), "")]
    lines += [_block(_escaped(doc.signoff)), "", _block(_escaped(doc.signature))]
    return _joined(lines)


def render_plain(doc: Resume | Letter, fmt: str) -> bytes:
    """``doc`` as ``txt`` or ``md``, UTF-8 with a final newline."""
    if fmt == "md":
        text = resume_markdown(doc) if isinstance(doc, Resume) else letter_markdown(doc)
    else:
        text = resume_text(doc) if isinstance(doc, Resume) else letter_text(doc)
    return text.encode("utf-8")
