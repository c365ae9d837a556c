"""``resumekit check``: read every built PDF and DOCX back as parsers do and say what they
would lose: strings of the profile missing or out of order, glyphs that map to no
character, profile text in headers and footers, pages over the budget, fonts not
embedded, files too large, documents not built or older than their inputs."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._version import __version__
from ..building.manifest import Hasher, Manifest
from ..building.plan import Plan, content_for, options_for, plan_target
from ..building.project import GENERAL_BUILD, Project, load_project
from ..building.session import BuildSession
from ..building.target import output_paths
from ..documents import Letter, Resume
from ..errors import LocatedError, TargetError, UsageError
from .expected import contact_texts, document_strings, expected_entries, section_titles
from .fields import EMAIL, PHONE, Fields, pick_fields
from .order import Recovery, flat, recovery
from .read_docx import DocxReading, read_docx
from .read_pdf import PdfReading, read_pdf

CHECKED_FORMATS = ("pdf", "docx")
LARGE = 2 * 1024 * 1024
"""A file larger than this (2 MB) is refused by some portals' upload forms."""
SHOWN = 3
"""How many strings a problem names before it says how many more."""
_CID = re.compile(r"\(cid:\d+\)")


@dataclass(frozen=True)
class Finding:
    """One thing wrong with a document: an ``error`` (a parser would lose information) or a
    ``warning``."""

    level: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"level": self.level, "message": self.message}


@dataclass
class Extraction:
    """One extractor's text of a document, and how much of the document's strings it holds."""

    name: str
    text: str
    recovery: Recovery

    def to_json(self) -> dict[str, Any]:
        got = self.recovery
        return {"strings": got.strings, "recovered": round(got.recovered_share, 4),
                "in_order": round(got.in_order_share, 4), "missing": list(got.missing),
                "out_of_order": list(got.out_of_order)}


@dataclass
class DocumentCheck:
    """What parsers read from one built document, and what is wrong with it."""

    path: Path
    target: str
    document: str
    format: str
    pages: int | None = None
    size: int | None = None
    extractors: dict[str, Extraction] = field(default_factory=dict)
    fields: Fields | None = None
    problems: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [p for p in self.problems if p.level == "warning"]

    @property
    def ok(self) -> bool:
        """Whether no parser would lose information (warnings aside)."""
        return not self.errors

    def summary(self) -> str:
        """``1 page, 100% of 84 strings read in order by pdfminer, pypdf`` (no file, no verdict)."""
        parts = [f"{self.pages} page{'s' if self.pages != 1 else ''}"] if self.pages else []
        shares: dict[str, list[str]] = {}
        for extraction in self.extractors.values():
            shares.setdefault(percent(extraction.recovery.in_order_share), []).append(extraction.name)
        if self.extractors:
            count = next(iter(self.extractors.values())).recovery.strings
            groups = [f"{share} by {', '.join(names)}" for share, names in shares.items()]
            first, *rest = groups
            share, _, names = first.partition(" by ")
            parts.append(f"{share} of {count} strings read in order by {names}"
                         + "".join(f"; {group}" for group in rest))
        return ", ".join(parts) or "not read"

    def to_json(self, path: str | None = None, text: bool = False) -> dict[str, Any]:
        """The stable shape of ``resumekit check --format json``; with ``text``, each
        extractor's text too."""
        return {"path": path or str(self.path), "target": self.target, "document": self.document,
                "format": self.format, "pages": self.pages, "bytes": self.size, "ok": self.ok,
                "extractors": {name: {**e.to_json(), **({"text": e.text} if text else {})}
                               for name, e in self.extractors.items()},
                "fields": self.fields.to_json() if self.fields else None,
                "problems": [p.to_json() for p in self.problems]}


def percent(share: float) -> str:
    """``100%`` only when it is all; else rounded down to a tenth (99.96% is ``99.9%``)."""
    return "100%" if share >= 1 else f"{math.floor(share * 1000) / 10:g}%"


def _quoted(strings: Iterable[str]) -> str:
    """The first few of ``strings`` (each once), quoted, and how many more there are."""
    strings = list(dict.fromkeys(strings))
    count = len(strings)
    shown = ", ".join(f"'{s[:60]}{'…' if len(s) > 60 else ''}'" for s in strings[:SHOWN])
    return shown + (f" and {count - SHOWN} more" if count > SHOWN else "")


def _chars(chars: str) -> str:
    """``'山' (U+5C71 CJK UNIFIED IDEOGRAPH-5C71)``; a private-use or unassigned one by its number alone."""
    named = []
    for c in dict.fromkeys(chars):
        if unicodedata.category(c) in ("Co", "Cn"):
            named.append(f"U+{ord(c):04X} (a private-use character, as icon fonts use)"
                         if unicodedata.category(c) == "Co" else f"U+{ord(c):04X} (unassigned)")
        else:
            named.append(f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})")
    return ", ".join(named)


# --- one document ------------------------------------------------------------------------------


def _recovery_problems(extraction: Extraction) -> list[Finding]:
    got, name = extraction.recovery, extraction.name
    found = []
    if got.missing:
        found.append(Finding("error", f"{name} cannot read {len(got.missing)} of {got.strings} strings: "
                                      f"{_quoted(got.missing)}"))
    if got.out_of_order:
        found.append(Finding("warning", f"{name} reads {len(got.out_of_order)} of {got.strings} strings out of "
                                        f"order: {_quoted(got.out_of_order)}"))
    unmapped = extraction.text.count("\ufffd") + len(_CID.findall(extraction.text))
    if unmapped:
        found.append(Finding("error", f"{name} reads {unmapped} glyph{'s' if unmapped != 1 else ''} as no "
                                      "character (U+FFFD or (cid:N)): a font without a Unicode map"))
    return found


def _margins(css: str) -> tuple[float, float]:
    """The top and bottom of a CSS ``margin`` shorthand (``1.5cm 1.8cm 1.6cm``), in points."""
    units = {"pt": 1.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72.0, "px": 0.75, "pc": 12.0}
    values = []
    for part in css.split():
        match = re.fullmatch(r"([\d.]+)([a-z]*)", part)
        values.append(float(match.group(1)) * units.get(match.group(2), 1.0) if match else 42.0)
    values = values or [42.0]
    top = values[0]
    bottom = values[2] if len(values) >= 3 else top
    return top, bottom


def _leftover(text: str, name: str, page_label: str) -> str:
    """A header's or footer's text without the name, the page label's words and numbers:
    what of it is something else."""
    rest = text.replace(name, " ") if name else text
    for word in re.split(r"\{page\}|\{pages\}|\s+", page_label):
        if word:
            rest = rest.replace(word, " ")
    return flat(re.sub(r"[\d\s\u2013\u2014|·/-]+", " ", rest))


def _furniture_problems(pieces: list[tuple[str, str]], content: Resume | Letter, strings: list[str]) -> list[Finding]:
    """What profile text stands in headers, footers or the page margin (``pieces`` are
    (where, text)); the name and the page label are a footer's own."""
    label = content.page_label if isinstance(content, Resume) else "Page {page} of {pages}"
    contacts = [c for c in contact_texts(content) if len(c) > 3]
    others = [s for s in strings if len(s) > 3 and s != content.name and s not in contacts]
    found = []
    for where, text in pieces:
        rest = _leftover(text, content.name, label)
        if not rest:
            continue
        held = [c for c in contacts if flat(c) in flat(text)]
        held += [m.group() for m in EMAIL.finditer(text) if m.group() not in held]
        if not held and PHONE.search(rest):
            held.append(PHONE.search(rest).group())  # type: ignore[union-attr]
        if held:
            found.append(Finding("error", f"contact details in {where}: {_quoted(held)}; many parsers "
                                          "skip headers and footers, so put them in the body"))
            continue
        profile = [s for s in others if flat(s) in flat(text)]
        if profile:
            found.append(Finding("warning", f"profile text in {where}: {_quoted(profile)}; "
                                            "parsers may skip it or read it twice"))
    return found


def _pdf_furniture(reading: PdfReading, content: Resume | Letter) -> list[tuple[str, str]]:
    """The lines drawn in the top or bottom margin of a page, or marked as artifacts."""
    top, bottom = _margins(content.look.margins)
    pieces = []
    for line in reading.lines:
        height = reading.heights[line.page - 1] if line.page <= len(reading.heights) else 0.0
        middle = (line.top + line.bottom) / 2
        if line.artifact or middle > height - top or middle < bottom:
            # where it stands first: the footer is drawn as an artifact (PDF/UA) and is still the footer
            where = "the header" if middle > height - top else "the footer" if middle < bottom else "an artifact"
            pieces.append((f"{where} of page {line.page}", line.text))
    return pieces


def _pdf_problems(reading: PdfReading, content: Resume | Letter, strings: list[str]) -> list[Finding]:
    found = []
    for name in reading.unembedded:
        found.append(Finding("error", f"the font {name} is not embedded: a reader without it sees another font, "
                                      "or nothing"))
    for name in reading.without_unicode:
        found.append(Finding("error", f"the font {name} has no ToUnicode map: parsers read its text as codes"))
    for name, chars in reading.notdef:
        found.append(Finding("error", f"no font covers {_chars(chars) or 'some characters'}: the font {name} "
                                      "draws them as an empty box (.notdef), and some parsers then read none of "
                                      "its text"))
    found += _furniture_problems(_pdf_furniture(reading, content), content, strings)
    return found


def _docx_problems(reading: DocxReading, project: Project, content: Resume | Letter,
                   strings: list[str]) -> list[Finding]:
    from ..rendering.fonts import undrawable

    found = []
    lacking = undrawable(reading.texts.values(), project.theme, project.root)
    if lacking:
        found.append(Finding("error", f"no font covers {_chars(''.join(lacking))}: Word shows an empty box"))
    pieces = [(f"the {'header' if 'header' in part else 'footer'} ({part})", text) for part, text in reading.furniture]
    found += _furniture_problems(pieces, content, strings)
    return found


def check_document(path: Path, fmt: str, content: Resume | Letter, project: Project, target: str,
                   document: str, budget: int | None = None) -> DocumentCheck:
    """Read one built document with every extractor of its format and say what is wrong."""
    checked = DocumentCheck(path, target, document, fmt)
    strings = document_strings(content)
    reading: PdfReading | DocxReading = read_pdf(path) if fmt == "pdf" else read_docx(path)
    checked.pages = reading.pages
    checked.size = path.stat().st_size
    for name, text in reading.texts.items():
        checked.extractors[name] = Extraction(name, text, recovery(text, strings))
        checked.problems += _recovery_problems(checked.extractors[name])
    primary = next(iter(reading.texts.values()))
    checked.fields = pick_fields(primary, reading.links, section_titles(content), expected_entries(content))
    if isinstance(reading, PdfReading):
        checked.problems += _pdf_problems(reading, content, strings)
    else:
        checked.problems += _docx_problems(reading, project, content, strings)
    if budget and checked.pages and checked.pages > budget:
        checked.problems.append(Finding("warning", f"{checked.pages} pages, over the target's budget of {budget} "
                                                   f"(pages: {budget})"))
    if checked.size > LARGE:
        checked.problems.append(Finding("warning", f"{checked.size / 1024 / 1024:.1f} MB: some portals refuse "
                                                   "files over 2 MB"))
    return checked


# --- a project --------------------------------------------------------------------------------


def _chosen(project: Project, targets: Iterable[str]) -> list[str]:
    """The target ids to check: those named, else every target (none: the general build)."""
    known = [t.id for t in project.targets if t.id]
    asked = list(dict.fromkeys(targets))
    for tid in asked:
        broken = [f for f in project.bad_targets if f.target == tid]
        if broken:
            problems = [p for f in broken if isinstance(f.error, LocatedError) for p in f.error.problems]
            raise TargetError(problems) if problems else broken[0].error
        if tid not in known and tid != GENERAL_BUILD:
            ids = sorted({GENERAL_BUILD, *known})
            raise UsageError(f"no target '{tid}'; known: {', '.join(ids)}")
    return asked or known or [GENERAL_BUILD]


def check(config_path: str | Path = "resumekit.yaml", targets: Iterable[str] = (), *, formats: Iterable[str] = (),
          strict: bool = False, allow_outside: bool = False,
          session: BuildSession | None = None) -> list[DocumentCheck]:
    """What parsers read from each built PDF and DOCX of ``targets`` (default: every target,
    or the general build of a project without targets), and what is wrong with each;
    ``formats`` narrows the config's (``["pdf"]``).

    The documents' expected text is made again as the build made it (tailored, fitted to the
    page budget), so the project must be built first: a document not built is an error
    saying so, one older than its inputs a warning. Raises on a bad project, as ``build`` does.
    """
    project = load_project(config_path, strict, keep_going=True, allow_outside=allow_outside)
    session = session or BuildSession()
    asked = set(formats)
    chosen: list[str] = [f for f in project.config.formats if f in CHECKED_FORMATS and (not asked or f in asked)]
    manifest = Manifest.load(project.output_dir, __version__)
    hasher, today = Hasher(), dt.date.today().isoformat()
    checks: list[DocumentCheck] = []
    for tid in _chosen(project, targets):
        target = project.target(tid)
        plan: Plan | None = None
        for path, (document, fmt) in output_paths(project, tid, chosen).items():
            if document not in ("resume", "letter"):
                continue
            if not path.is_file():
                checks.append(DocumentCheck(path, tid, document, fmt, problems=[
                    Finding("error", "not built yet: run resumekit build first")]))
                continue
            if plan is None:
                plan = plan_target(project, target, session)
                options = options_for(project, target)
            budget = target.pages if target is not None and document == "resume" else None
            checked = check_document(path, fmt, content_for(plan, document, options), project, tid, document,
                                     budget)
            if not manifest.still_fresh(str(path), hasher, today):
                checked.problems.insert(0, Finding("warning", "older than its inputs, or not made by this "
                                                              "project's build: run resumekit build first "
                                                              "(checked as it is)"))
            checks.append(checked)
    return checks
