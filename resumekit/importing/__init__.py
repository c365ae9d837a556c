"""Other tools' data -> a new profile file: LinkedIn's data export, a RenderCV input file,
a JSON Resume document of an older version.

Each importer reads its source into an :class:`Imported` (the profile as plain data, and
what it could not map); :func:`import_profile` checks that the profile validates and writes
it to a new file, never over an existing one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import InternalError, Problem, ProfileError
from ..loading import parse_text, validate_document
from ..loading.yaml import MAX_FILE_BYTES
from ..models import Profile
from .jsonresume import import_jsonresume
from .linkedin import import_linkedin
from .rendercv import import_rendercv
from .writing import Imported, as_text, checked, default_output, refuse_existing, write_new

__all__ = ["IMPORTERS", "Imported", "import_profile"]

IMPORTERS: dict[str, Callable[[Path], Imported]] = {
    "linkedin": import_linkedin,
    "rendercv": import_rendercv,
    "jsonresume": import_jsonresume,
}
"""Each source ``resumekit import`` reads, by the name the command line gives it."""


def import_profile(kind: str, source: str | Path, output: str | Path | None = None) -> tuple[Imported, Path]:
    """Import ``source`` (a ``kind`` of :data:`IMPORTERS`) into the new file ``output``
    (default: ``profile.yaml`` beside ``source``; a ``.json`` name writes JSON). Returns what
    was imported and where it was written; raises :class:`ProfileError` when ``source``
    cannot be read or ``output`` exists."""
    source = Path(source)
    target = Path(output) if output is not None else default_output(source)
    refuse_existing(target, output is not None)  # before the work, as well as after it
    imported = checked(IMPORTERS[kind](source))
    text = as_text(imported, json_file=target.suffix.lower() == ".json")
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        raise ProfileError([Problem(str(source), None, None, "", f"the profile made from it would be {size:,} "
                                    f"bytes; resumekit reads profiles of up to {MAX_FILE_BYTES:,}")])
    try:  # what is written must load as the profile it is meant to be
        validate_document(parse_text(text, str(target), ProfileError), Profile, ProfileError)
    except ProfileError as exc:
        raise InternalError(f"the imported profile does not load back: {exc}") from None
    write_new(target, text, output is not None)
    return imported, target
