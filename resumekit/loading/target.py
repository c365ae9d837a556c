"""A target file -> a Target with its id settled and its posting read."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import Problem, TargetError
from ..models import Target
from ..models.areas import Taxonomy
from .paths import Place, Refused, is_inside, open_regular, outside_message
from .problems import Loaded, validate_document
from .text import decode
from .yaml import MAX_FILE_BYTES, as_document


def id_from_stem(stem: str) -> str:
    """A file's stem made fit to name a folder: ``Acme Lead (2026)`` -> ``Acme-Lead-2026``."""
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"\.{2,}", ".", re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_text))
    return slug.strip("-._")[:80] or stem


def read_target(source: str | Path | Mapping[str, Any], strict: bool = False, *,
                root: Path | None = None, allow_outside: bool = False) -> Loaded[Target]:
    """The validated target with its id filled in and its posting read; raises TargetError.

    Given the project's ``root``, the posting must resolve inside it (unless
    ``allow_outside``); a posting is always a regular file, read up to ``MAX_FILE_BYTES``.
    """
    doc = as_document(source, TargetError, "target")
    loaded = validate_document(doc, Target, TargetError, strict)
    path = None if isinstance(source, Mapping) else Path(source)
    base = path.parent if path is not None else Path.cwd()
    updates: dict[str, Any] = {}
    tid = loaded.model.id
    if tid is None:
        tid = id_from_stem(path.stem) if path is not None else "target"
        updates["id"] = tid
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,80}", tid) or ".." in tid:
        line, column = doc.positions.of_value(("id",))
        raise TargetError([Problem(doc.source, line, column, "id",
                                   f"'{tid}' cannot name a folder; use letters, digits, '-', '_' or '.'")])
    hashes = dict(loaded.hashes)
    posting_text = None
    if loaded.model.posting:
        line, column = doc.positions.of_value(("posting",))
        place = Place(doc.source, line, column, "posting", TargetError)
        named = loaded.model.posting
        posting = base / named  # beside the target, but inside the project
        if root is not None and not allow_outside and not is_inside(posting, root):
            raise place.refuse(outside_message(named, posting, root))
        try:
            raw = open_regular(posting, MAX_FILE_BYTES)
        except Refused as exc:
            raise place.refuse(f"cannot read the posting '{named}': {exc.reason}") from None
        hashes[str(posting.resolve())] = hashlib.sha256(raw).hexdigest()
        posting_text = decode(raw, str(posting), TargetError)  # UTF-16 from Notepad too, or a located refusal
    target = loaded.model.model_copy(update=updates)
    target.posting_text = posting_text
    return Loaded(target, loaded.warnings, doc, hashes)


def unknown_areas(loaded: Loaded[Target], taxonomy: Taxonomy) -> list[Problem]:
    """A located problem for each area the target's ``emphasize`` names that the project lacks."""
    problems = []
    for k, area in enumerate(loaded.model.emphasize):
        if area not in taxonomy:
            line, column = loaded.document.positions.of_value(("emphasize", k))
            problems.append(Problem(loaded.document.source, line, column, f"emphasize[{k}]",
                                    taxonomy.unknown(area)))
    return problems
