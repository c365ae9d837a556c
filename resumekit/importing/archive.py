"""The CSV files of a data export, read from its ZIP archive (or the folder it unzips to).

Nothing is extracted: each wanted member is read into memory, within a cap, and its name
only ever matched, never used as a path, so a member named ``../../x.csv`` or ``/etc/x``
writes nothing and is skipped. Text is UTF-8 (a BOM, or UTF-16 with one, is fine), as
LinkedIn writes it; a member that is not is an error at its line and column, as a
profile would be. Cells may span lines (quoted), and a ``Notes:`` preamble, which
LinkedIn puts above some tables, is passed over.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import Problem, ProfileError
from ..loading.paths import Refused, open_regular, why_not_a_file
from ..loading.text import decode

MAX_MEMBER_BYTES = 16 * 1024 * 1024
"""A table over this is refused: LinkedIn's profile tables are a few kilobytes."""

_BROKEN_ZIP = (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError, ValueError, OSError)
"""What reading a damaged, encrypted or oddly compressed member raises."""


@dataclass(frozen=True)
class Table:
    """One CSV file: its header and its rows, each with the line it starts on."""

    kind: str
    """The file's name as LinkedIn spells it, whatever the archive calls it: ``Positions.csv``."""
    name: str
    """What it is called in what is listed as not imported: ``export.zip/Positions.csv`` (the
    export's name without its folder, which a shared profile need not tell)."""
    header: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]
    """(line, {column name: cell}) for each row that is not blank."""
    ragged: tuple[int, ...] = ()
    """The lines of rows with more cells than the header has columns (the extra are dropped)."""


@dataclass
class Export:
    """The wanted tables of an export, and what was passed over on the way."""

    tables: dict[str, Table] = field(default_factory=dict)
    """By the file's name as LinkedIn spells it (``Positions.csv``)."""
    skipped: list[str] = field(default_factory=list)
    """Members refused for their names (``../x.csv``), with why."""
    others: int = 0
    """How many other files the export holds (messages, connections...): not resume data."""


def _error(where: str, message: str, line: int | None = None, column: int | None = None) -> ProfileError:
    return ProfileError([Problem(where, line, column, "", message)])


def _key(name: str) -> str:
    """A file's base name as matched: case folded, ``_`` read as a space (``Email_Addresses.csv``)."""
    return name.casefold().replace("_", " ")


def _unsafe(name: str) -> bool:
    """Whether a member's name would lead out of a folder it were extracted to."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return name.startswith(("/", "\\")) or any(p == ".." for p in parts) or (bool(parts) and ":" in parts[0])


def _zip_members(path: Path) -> tuple[dict[str, str], list[str], int]:
    """Each member's base name (case folded) -> its name in the archive (the shallowest of a
    name); the names refused; how many members there were."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise _error(str(path), "this is not a ZIP archive; LinkedIn's export is the .zip file "
                                "its email links to (or name the folder it unzips to)") from None
    except OSError as exc:
        raise _error(str(path), f"cannot read the file: {exc.strerror or exc}") from None
    found: dict[str, str] = {}
    depth: dict[str, int] = {}
    skipped: list[str] = []
    with archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        for info in infos:
            if _unsafe(info.filename):
                skipped.append(f"{info.filename!r}: a name that leads out of the archive's folder")
                continue
            parts = PurePosixPath(info.filename.replace("\\", "/")).parts
            key = _key(parts[-1])
            if key in depth and depth[key] <= len(parts):
                continue
            depth[key] = len(parts)
            found[key] = info.filename
        return found, skipped, len(infos)


def _read_zip_member(path: Path, member: str) -> bytes:
    where = f"{path}/{member}"
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member) as handle:
            data = handle.read(MAX_MEMBER_BYTES + 1)
    except _BROKEN_ZIP as exc:
        raise _error(where, f"cannot be read from the archive ({exc}); download the export again") from None
    if len(data) > MAX_MEMBER_BYTES:
        raise _error(where, f"is larger than {MAX_MEMBER_BYTES // 2**20} MB unpacked; LinkedIn's tables are "
                            "a few kilobytes, so this is not one; refused")
    return data


def _folder_members(path: Path) -> tuple[dict[str, str], int]:
    """As :func:`_zip_members`, for the folder an export unzips to (and one level below it)."""
    found: dict[str, str] = {}
    count = 0
    for depth in ("*", "*/*"):
        for file in sorted(path.glob(depth)):
            if file.is_file():
                count += 1
                found.setdefault(_key(file.name), str(file.relative_to(path)))
    return found, count


def _table(kind: str, where: str, name: str, raw: bytes) -> Table:
    """The rows of a CSV file's bytes, named ``name``; raises :class:`ProfileError` at ``where``
    (its path), at the line that is wrong."""
    text = decode(raw, where, ProfileError)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)  # else a stray quote eats the rest
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    ragged: list[int] = []
    in_notes = False
    try:
        line = 1
        for cells in reader:
            if header is None:
                if not in_notes and cells[:1] == ["Notes:"] and not any(c.strip() for c in cells[1:]):
                    in_notes = True  # LinkedIn's preamble: a note, then a blank line, then the table
                elif in_notes and not any(c.strip() for c in cells):
                    in_notes = False
                elif not in_notes and any(c.strip() for c in cells):
                    header = tuple(c.strip().lstrip("\ufeff") for c in cells)
            elif any(c.strip() for c in cells):
                if len(cells) > len(header):
                    ragged.append(line)
                rows.append((line, {column: cell for column, cell in zip(header, cells) if column}))
            line = reader.line_num + 1
    except csv.Error as exc:
        if str(exc) == "unexpected end of data":
            raise _error(where, "a quoted cell opened in this row is never closed (a '\"' is missing), so "
                                "every row after it would be one cell", line) from None
        raise _error(where, f"this is not a CSV table LinkedIn writes ({exc})", reader.line_num or 1) from None
    return Table(kind, name, header or (), tuple(rows), tuple(ragged))


def read_export(path: Path, wanted: Iterable[str]) -> Export:
    """The ``wanted`` tables (``Positions.csv``...) of the export at ``path``, a ZIP archive
    or a folder; a wanted file the export lacks is simply not there."""
    reason = why_not_a_file(path)
    if reason is not None and not path.is_dir():
        raise _error(str(path), reason)
    export = Export()
    if path.is_dir():
        members, count = _folder_members(path)
    else:
        members, export.skipped, count = _zip_members(path)
    for name in wanted:
        member = members.get(_key(name))
        if member is None:
            continue
        if path.is_dir():
            try:
                raw = open_regular(path / member, MAX_MEMBER_BYTES)
            except Refused as exc:
                raise _error(str(path / member), exc.reason) from None
            where = str(path / member)
        else:
            raw = _read_zip_member(path, member)
            where = f"{path}/{member}"
        export.tables[name] = _table(name, where, f"{path.name}/{member}", raw)
    export.others = count - len(export.tables) - len(export.skipped)
    return export
