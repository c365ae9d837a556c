"""Safe file writes: outputs stay inside their folder and appear whole or not at all."""

from __future__ import annotations

import errno
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from ..errors import BuildError
from ..rendering import FORMATS

DOCUMENT_NAMES = {"resume": "Resume", "letter": "Cover-Letter"}
"""How each document's file is named, after the person's name."""
TEMP_SUFFIX = ".tmp"
"""Ends the name of every temporary file a write makes (``.Jane-Doe-Resume.pdf.x1y2.tmp``)."""
REPORT = "report.md"
"""The tailoring report written beside each target's documents."""
_OUTPUT_NAME = (r"(?:.+-)?(?:" + "|".join(DOCUMENT_NAMES.values()) + r")\.(?:" + "|".join(FORMATS) + ")"
                + "|" + re.escape(REPORT) + r"|\.[\w-]+\.json")
"""The name of a file a build writes: a document in any format, the report, the (hidden)
manifest; nothing else, so that the temporary of a user's own ``notes.txt`` is never taken for ours."""
_TEMPORARY = re.compile(r"\.(?P<name>" + _OUTPUT_NAME + r")\.[a-z0-9_]+" + re.escape(TEMP_SUFFIX))
"""A temporary of :func:`_temporary` for a file a build writes: ``.`` + that file's name +
mkstemp's random part + TEMP_SUFFIX."""


def safe_name(text: str, fallback: str = "Document") -> str:
    """A file-name-safe version of ``text``: ASCII letters, digits and single hyphens
    ("José Núñez" -> ``Jose-Nunez``); a name with no Latin letters keeps its own
    ("山田 花子" -> ``山田-花子``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")
    if not slug:
        slug = re.sub(r"[\W_]+", "-", unicodedata.normalize("NFC", text)).strip("-")
    return slug[:80] or fallback


def file_name(person: str, document: str, fmt: str) -> str:
    """A name a recruiter is happy to receive: ``Jane-Doe-Resume.pdf`` (``Resume.pdf`` unnamed)."""
    slug = safe_name(person, fallback="")
    stem = f"{slug}-{DOCUMENT_NAMES[document]}" if slug else DOCUMENT_NAMES[document]
    return f"{stem}.{fmt}"


def document_of(path: str | Path) -> str:
    """Which document an output file holds, from its name: resume, letter or report."""
    name = Path(path).name
    if name == REPORT:
        return "report"
    return "letter" if DOCUMENT_NAMES["letter"] in name else "resume"


def inside(root: Path, *parts: str) -> Path:
    """``root / parts``, refusing any result that would leave ``root``."""
    root = root.resolve()
    path = root.joinpath(*parts).resolve()
    if not path.is_relative_to(root):
        raise BuildError(f"refusing to write outside the output folder: {path}")
    return path


def is_temporary(name: str) -> bool:
    """Whether a file named ``name`` is a temporary of ours: one a killed build leaves behind."""
    return _TEMPORARY.fullmatch(name) is not None


def _temporary(path: Path, data: bytes) -> Path:
    """``data`` written (and synced) to a hidden temporary file beside ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _cannot_write(path: Path, exc: OSError) -> BuildError:
    reason = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        reason = "the disk is full"
    elif exc.errno == errno.EDQUOT:
        reason = "the disk quota is used up"
    return BuildError(f"cannot write {path}: {reason}")


def write_set(files: dict[Path, bytes]) -> None:
    """Replace ``files`` as a set: every one is written to a temporary file first, and only
    when all are written are they renamed into place. A failure (a full disk, no
    permission) removes the temporaries, leaves every previous file as it was, and raises
    :class:`BuildError` naming the file and the cause.
    """
    written: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            try:
                written.append((_temporary(path, data), path))
            except OSError as exc:
                raise _cannot_write(path, exc) from None
        for tmp, path in written:
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise _cannot_write(path, exc) from None
    finally:
        for tmp, _ in written:
            tmp.unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place.

    A folder that cannot be made or written (a file in its way, a full disk, no
    permission) raises :class:`BuildError` naming the path.
    """
    write_set({path: data})
