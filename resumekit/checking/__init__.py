"""What machines read: every built PDF and DOCX read back with the extractors parsers use
(pdfminer.six's layout analysis, pypdf's content stream, python-docx's body text), the
fields they would pick, and what they would lose. One layer above the build: it makes the
documents' content again, as the build made it, to know what each should read as.

The extractors are imported only when a document is read; the public API imports this
package on first use of ``resumekit.check``.
"""

from __future__ import annotations

from .fields import EntryFields, Fields
from .run import DocumentCheck, Extraction, Finding, check, check_document

__all__ = ["DocumentCheck", "EntryFields", "Extraction", "Fields", "Finding", "check", "check_document"]
