"""What machines read from our documents: every extractor an applicant tracking system or a
portal might run, and how much of a document's own strings each recovers, verbatim and in
order (issue 12). Used by the reading-order tests and by ``tests/read_back.py``, which prints
the figures.

A document's strings are those ``resumekit check`` expects (:mod:`resumekit.checking.expected`),
measured as it measures them (:mod:`resumekit.checking.order`); the tests add the extractors
``check`` does not run (pdfplumber, PyMuPDF, pdftotext, docx2txt, mammoth, pandoc, LibreOffice).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from resumekit.checking.expected import document_strings
from resumekit.checking.order import Recovery, recovery

__all__ = ["DOCX_READERS", "PDF_READERS", "Recovery", "available", "built_documents", "document_strings", "read",
           "recovery"]

PDF_READERS = ("pypdf", "pdfminer", "pdfplumber", "pymupdf", "pdftotext", "pdftotext-layout")
DOCX_READERS = ("python-docx", "docx2txt", "mammoth", "pandoc", "libreoffice")


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


def built_documents(config: Path) -> list[tuple[Path, list[str]]]:
    """Each built resume and letter (PDF and DOCX) of the project of ``config``, with the
    strings it should read as, in reading order."""
    from resumekit.building.plan import content_for, options_for, plan_target
    from resumekit.building.project import GENERAL_BUILD, load_project
    from resumekit.building.target import output_paths

    project = load_project(config)
    found = []
    for tid in [GENERAL_BUILD, *(t.id for t in project.targets if t.id)]:
        target = project.target(tid)
        plan = plan_target(project, target)
        options = options_for(project, target)
        for path, (document, _fmt) in output_paths(project, tid, ["pdf", "docx"]).items():
            if document in ("resume", "letter") and path.exists():
                found.append((path, document_strings(content_for(plan, document, options))))
    return found
