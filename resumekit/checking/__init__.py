"""What machines read: every built PDF and DOCX read back with the extractors parsers use
(pdfminer.six's layout analysis, pypdf's content stream, python-docx's body text), the
fields they would pick, and what they would lose. One layer above the build: it makes the
documents' content again, as the build made it, to know what each should read as."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .fields import EntryFields, Fields
    from .run import DocumentCheck, Extraction, Finding, check, check_document

_HOMES = {"DocumentCheck": "run", "Extraction": "run", "Finding": "run", "check": "run",
          "check_document": "run", "Fields": "fields", "EntryFields": "fields"}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value
