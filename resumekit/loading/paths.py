"""The one gate a user's path passes: inside the project, a regular file, read within a cap.

A path a project file names must resolve inside the project's folder once symlinks are
followed, unless the project allows files outside it (``allowOutside: true`` in the
config, ``--allow-outside`` on the command line). Only regular files are opened: a FIFO,
a device or a folder is refused by ``os.stat`` before any ``open``, and the open itself
does not block, so a FIFO swapped in between the two cannot hang the read. Every read is
capped, and a file over the cap is refused, never cut short.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import LocatedError, Problem

HOW_TO_ALLOW = "allow files outside it with 'allowOutside: true' in resumekit.yaml, or --allow-outside"
"""How a user lets a project name files outside its folder; every refusal says so."""


class Refused(Exception):
    """A path that cannot be read as a file; ``reason`` says why, for a person."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Place:
    """Where a user's file names a path: any refusal of that path is reported there."""

    file: str
    line: int | None
    column: int | None
    field: str
    error: type[LocatedError]

    def refuse(self, message: str) -> LocatedError:
        """The located error that refuses the named path with ``message``."""
        return self.error([Problem(self.file, self.line, self.column, self.field, message)])


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size % (1024 * 1024) else f"{size // (1024 * 1024)} MB"


def not_regular(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is not read (a folder, a FIFO, a device), or ``None``."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "this is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "this is a named pipe (FIFO), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "this is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "this is a socket, not a file"
    return "this is not a regular file"


def _unreadable(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "file not found"
    if isinstance(exc, NotADirectoryError):
        return "file not found (a part of its path is a file, not a folder)"
    if isinstance(exc, PermissionError):
        return "cannot read the file: permission denied"
    return f"cannot read the file: {exc.strerror or exc}"


def why_not_a_file(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file (missing, a folder, a FIFO), or ``None``; opens nothing."""
    try:
        return not_regular(os.stat(path).st_mode)
    except OSError as exc:
        return _unreadable(exc)
    except ValueError:  # a NUL in the name
        return "file not found"


def is_regular(path: Path) -> bool:
    """Whether ``path`` (its symlinks followed) is a regular file; opens nothing."""
    return why_not_a_file(path) is None


def open_regular(path: Path, cap: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``cap`` of them; raises :class:`Refused`
    for anything else (missing, a folder, a FIFO, a device, larger than ``cap``)."""
    limit = _megabytes(cap)
    reason = why_not_a_file(path)
    if reason is not None:
        raise Refused(reason)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise Refused(_unreadable(exc)) from None
    with os.fdopen(fd, "rb") as handle:
        status = os.fstat(handle.fileno())
        reason = not_regular(status.st_mode)  # what was opened, should the file have been swapped
        if reason is not None:
            raise Refused(reason)
        if status.st_size > cap:
            raise Refused(f"the file is {_megabytes(status.st_size)}; the limit is {limit}")
        try:
            data = handle.read(cap + 1)
        except OSError as exc:
            raise Refused(_unreadable(exc)) from None
    if len(data) > cap:
        raise Refused(f"the file is larger than the limit of {limit}; refused")
    return data


def is_inside(path: Path, root: Path) -> bool:
    """Whether ``path``, its symlinks followed, is ``root`` or below it."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL in the name
        return False


def outside_message(named: str, path: Path, root: Path) -> str:
    """Why ``named`` (``path`` on disk) is refused: it leads out of the project at ``root``."""
    written = Path(os.path.normpath(os.path.abspath(path)))
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError, ValueError):
        resolved = written
    folder = root.resolve()
    if written.is_relative_to(os.path.normpath(os.path.abspath(root))) and written != resolved:
        where = f"'{named}' links to {resolved}, outside the project ({folder})"
    else:
        where = f"'{named}' is outside the project ({folder})"
    return f"{where}; move it into the project folder, or {HOW_TO_ALLOW}"


def resolve_inside(root: Path, named: str | Path, allow_outside: bool, place: Place) -> Path:
    """``root / named``, refused at ``place`` unless it resolves inside ``root`` (or outside
    files are allowed). The path is returned as named, so messages show it as the user wrote it."""
    path = root / named
    if not allow_outside and not is_inside(path, root):
        raise place.refuse(outside_message(str(named), path, root))
    return path


def require_file(root: Path, named: str | Path, allow_outside: bool, place: Place) -> Path:
    """Like :func:`resolve_inside`, and the path must be a regular file (nothing is opened)."""
    path = resolve_inside(root, named, allow_outside, place)
    reason = why_not_a_file(path)
    if reason is not None:
        raise place.refuse(f"{named}: {reason}")
    return path
