"""The example's documents, as text, against reference dumps kept in tests/reference/.

A change that alters what a parser reads from the bundled example (profiles/) shows up
here as a diff of plain text. When the change is meant, regenerate the dumps with
``python -m pytest tests/building/test_run_reference.py --update-reference`` and commit
them; never edit them by hand.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from resumekit.documents import format_long_date

REFERENCE = Path(__file__).resolve().parents[1] / "reference"


TODAY = "{today}"
"""Stands for the day the test runs: the example's letters are dated the day they are built."""


def document_text(path: Path) -> str:
    """What a parser reads from ``path`` (a PDF's text page by page, a DOCX's paragraphs),
    with today's date as :data:`TODAY`."""
    if path.suffix == ".pdf":
        text = "\n\f\n".join(page.extract_text() for page in PdfReader(path).pages)
    elif path.suffix == ".docx":
        text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    else:
        text = path.read_text(encoding="utf-8")
    return text.replace(format_long_date(dt.date.today()), TODAY).rstrip() + "\n"


def _documents(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*") if p.suffix in {".pdf", ".docx", ".md"} and not p.name.startswith("."))


def test_the_example_reads_as_its_reference_dumps(example_build, request):
    update = request.config.getoption("--update-reference")
    documents = _documents(example_build.out)
    assert len(documents) == 4 * 5 + 4, [str(p) for p in documents]  # four targets and the general build
    differ, missing = [], []
    for path in documents:
        relative = path.relative_to(example_build.out)
        dump = REFERENCE / "example" / relative.parent / f"{relative.name}.txt"
        text = document_text(path)
        if update:
            dump.parent.mkdir(parents=True, exist_ok=True)
            dump.write_text(text, encoding="utf-8")
        elif not dump.is_file():
            missing.append(str(relative))
        elif dump.read_text(encoding="utf-8") != text:
            differ.append(str(relative))
    if missing:
        pytest.fail(f"no reference dump for {', '.join(missing)}; run pytest with --update-reference "
                    "to write them, and commit them")
    assert not differ, (f"what a parser reads from {', '.join(differ)} changed; if that is meant, "
                        "run pytest with --update-reference and commit the new dumps")


def test_no_reference_dump_is_left_over(example_build):
    wanted = {f"{p.relative_to(example_build.out)}.txt" for p in _documents(example_build.out)}
    kept = {str(p.relative_to(REFERENCE / "example")) for p in (REFERENCE / "example").rglob("*.txt")}
    assert kept <= wanted, f"dumps of documents the example no longer has: {sorted(kept - wanted)}"
