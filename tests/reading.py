"""What machines read from our documents: every extractor an applicant tracking system or a
portal might run, and how much of a document's own strings each recovers, verbatim and in
order (issue 12). Used by the reading-order tests and by ``tests/read_back.py``, which prints
the figures.

A document's strings are taken from the content the build rendered (the name, the contacts,
each section's title, then each entry's title, subtitle, place, dates, description and
bullets), in the order a person reads them, as the plain text the document shows.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from resumekit.documents import Letter, Resume
from resumekit.models.markup import plain

PDF_READERS = ("pypdf", "pdfminer", "pdfplumber", "pymupdf", "pdftotext", "pdftotext-layout")
DOCX_READERS = ("python-docx", "docx2txt", "mammoth", "pandoc", "libreoffice")


def resume_strings(doc: Resume) -> list[str]:
    """The strings of a resume in the order a person reads them: an entry's employer,
    position, place and dates, then what it says."""
    strings = [doc.name, doc.label, *(link.text for link in doc.contacts)]
    for section in doc.sections:
        strings.append(section.title)
        strings.append(section.text)
        for entry in section.entries:
            label = f"{entry.label}:" if entry.label else ""
            strings += [entry.title, entry.subtitle, entry.where, entry.when, label, entry.description,
                        *entry.bullets]
    strings.append(doc.consent)
    return [s for s in (plain(s).strip() for s in strings) if s]


def letter_strings(doc: Letter) -> list[str]:
    """The strings of a cover letter, in order."""
    strings = [doc.name, *(link.text for link in doc.contacts), doc.date, *doc.recipient, doc.subject,
               doc.greeting, *doc.paragraphs, *doc.bullets, *doc.after_bullets, doc.signoff, doc.signature]
    return [s for s in (plain(s).strip() for s in strings) if s]


def document_strings(doc: Resume | Letter) -> list[str]:
    return resume_strings(doc) if isinstance(doc, Resume) else letter_strings(doc)


def _flat(text: str) -> str:
    """Whitespace made one space, a line an extractor wraps is still the string; and case
    folded, since a theme may set its headings in capitals ("EXPERIENCE")."""
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip().casefold()


@dataclass(frozen=True)
class Reading:
    """How one extractor read one document's strings."""

    reader: str
    strings: int
    in_order: int
    missing: tuple[str, ...]
    """Strings not in the text at all (verbatim, whitespace aside)."""
    out_of_order: tuple[str, ...]
    """Strings in the text, but not after the string before them."""

    @property
    def share(self) -> float:
        return self.in_order / self.strings if self.strings else 1.0


def _occurrences(flat: str, needle: str, limit: int = 64) -> list[tuple[int, int]]:
    found, at = [], flat.find(needle)
    while at >= 0 and len(found) < limit:
        found.append((at, at + len(needle)))
        at = flat.find(needle, at + 1)
    return found


def reading(reader: str, text: str, strings: list[str]) -> Reading:
    """How much of ``strings`` ``text`` holds verbatim and in order: the most strings that
    can be found one after the other, each after the end of the one before (a longest
    chain over every place each string occurs, so a short string that also occurs later,
    such as a city, cannot throw the count off). A string found only out of that chain is
    out of order; one not found at all is missing."""
    flat = _flat(text)
    best: list[tuple[int, int, int]] = []  # (end, chain length, index into links) per occurrence kept
    links: list[tuple[int, int]] = []  # (string index, previous link or -1)
    present: set[int] = set()
    for i, string in enumerate(strings):
        spots = _occurrences(flat, _flat(string))
        if spots:
            present.add(i)
        chosen = []
        for start, end in spots:
            length, previous = 0, -1
            for kept_end, kept_length, link in best:
                if kept_end <= start and kept_length > length:
                    length, previous = kept_length, link
            links.append((i, previous))
            chosen.append((end, length + 1, len(links) - 1))
        best += chosen
    chain: set[int] = set()
    if best:
        link = max(best, key=lambda kept: (kept[1], -kept[0]))[2]
        while link >= 0:
            chain.add(links[link][0])
            link = links[link][1]
    late = tuple(s for i, s in enumerate(strings) if i in present and i not in chain)
    missing = tuple(s for i, s in enumerate(strings) if i not in present)
    return Reading(reader, len(strings), len(chain), missing, late)


# --- the extractors -------------------------------------------------------------------------


def _run(*command: str, timeout: float = 120) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=timeout).stdout


def _pypdf(pdf: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def _pdfminer(pdf: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(pdf)


def _pdfplumber(pdf: Path) -> str:
    import pdfplumber

    with pdfplumber.open(pdf) as opened:
        return "\n".join(page.extract_text() or "" for page in opened.pages)


def _pymupdf(pdf: Path) -> str:
    import pymupdf

    with pymupdf.open(pdf) as opened:
        return "\n".join(page.get_text() for page in opened)


def _python_docx(docx: Path) -> str:
    import docx as python_docx

    return "\n".join(p.text for p in python_docx.Document(str(docx)).paragraphs)


def _docx2txt(docx: Path) -> str:
    import docx2txt

    return str(docx2txt.process(str(docx)))


def _mammoth(docx: Path) -> str:
    import mammoth

    with docx.open("rb") as opened:
        return str(mammoth.extract_raw_text(opened).value)


def _libreoffice(docx: Path) -> str:
    with tempfile.TemporaryDirectory() as folder:
        _run("soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to",
             "txt:Text (encoded):UTF8", "--outdir", folder, str(docx), timeout=180)
        return (Path(folder) / f"{docx.stem}.txt").read_text(encoding="utf-8-sig")


READERS: dict[str, tuple[Callable[[Path], str], str | None]] = {
    "pypdf": (_pypdf, None),
    "pdfminer": (_pdfminer, None),
    "pdfplumber": (_pdfplumber, None),
    "pymupdf": (_pymupdf, None),
    "pdftotext": (lambda pdf: _run("pdftotext", str(pdf), "-"), "pdftotext"),
    "pdftotext-layout": (lambda pdf: _run("pdftotext", "-layout", str(pdf), "-"), "pdftotext"),
    "python-docx": (_python_docx, None),
    "docx2txt": (_docx2txt, None),
    "mammoth": (_mammoth, None),
    "pandoc": (lambda docx: _run("pandoc", "-f", "docx", "-t", "plain", "--wrap=none", str(docx)), "pandoc"),
    "libreoffice": (_libreoffice, "soffice"),
}
"""Each extractor, and the program it needs (``None``: a Python package of the test extras)."""


def available(reader: str) -> bool:
    program = READERS[reader][1]
    return program is None or shutil.which(program) is not None


def read(reader: str, path: Path) -> str:
    """The text of ``path`` as ``reader`` extracts it."""
    return READERS[reader][0](path)
