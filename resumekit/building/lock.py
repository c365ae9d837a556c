"""One full build at a time per output folder, and what killed builds left behind cleaned.

A full build holds an exclusive lock on ``.resumekit.lock`` in the output folder from
before it reads the manifest until after it last saves it, so two builds of one project
take turns (the second waits, up to :data:`LOCK_WAIT` seconds) and neither loses the
other's manifest entries. The kernel drops the lock when its holder dies, so a killed
build never leaves a stale lock. Under the lock no other build is writing, so the
temporaries in the output folder are a killed build's and are removed; so are the
``weasyprint-*`` font folders that killed (or pooled) renderers leave in the temp folder.
The quick up-to-date path never waits for the lock: it cleans only when no build is running.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import BuildError
from .writing import is_temporary

LOCK_NAME = ".resumekit.lock"
LOCK_WAIT = 60.0
"""Seconds a build waits for another build of the same output folder before refusing."""
STALE_AGE = 10 * 60
"""Seconds after which an unused ``weasyprint-*`` folder is taken for a killed build's."""
PROBE_SIZE = 16 * 1024
"""Bytes the temp folder must take at the start of a build (the renderers need far more)."""
_NO_LOCKS = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS}


@contextmanager
def output_lock(folder: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the exclusive lock of output ``folder`` (made if missing) for the ``with`` block.

    Waits up to ``wait`` seconds (default :data:`LOCK_WAIT`) for a build that holds it, then raises
    :class:`BuildError` naming the lock file. A file system without locks builds unlocked.
    """
    if sys.platform == "win32":
        yield
        return
    import fcntl

    path = folder / LOCK_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644)
    except OSError as exc:
        raise BuildError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        locked = _acquire(fd, path, LOCK_WAIT if wait is None else wait)
        try:
            yield
        finally:
            if locked:
                # Explicitly: workers forked during the build share this open file, and
                # closing it here alone would leave the lock held by any that outlive it.
                fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(fd: int, path: Path, wait: float) -> bool:
    """Whether the lock on ``fd`` was taken within ``wait`` seconds (False: the file system
    has no locks); raises :class:`BuildError` naming ``path`` when another build keeps it."""
    import fcntl

    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise BuildError(f"another build of {path.parent} is still running and holds its lock "
                                 f"{path}; waited {wait:g} s for it. Try again when it has finished.") from None
            time.sleep(0.1)
        except OSError as exc:
            if exc.errno in _NO_LOCKS:
                return False
            raise BuildError(f"cannot lock {path}: {exc.strerror or exc}") from None


def clean_output(folder: Path) -> None:
    """Remove our temporaries from ``folder`` and its target folders (call under the lock)."""
    for place in [folder, *_subfolders(folder)]:
        try:
            entries = list(os.scandir(place))
        except OSError:
            continue
        for entry in entries:
            try:
                if is_temporary(entry.name) and entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)
            except OSError:
                pass  # a read-only folder: the build itself will say so, if it writes there


def clean_if_idle(folder: Path) -> None:
    """Clean as a full build does, if no build of ``folder`` is running (that one cleans);
    never waits, never fails: the quick up-to-date path calls it."""
    try:
        with output_lock(folder, wait=0):
            clean_output(folder)
            clean_temp()
    except BuildError:
        pass  # a build is running, or the folder is read-only: nothing to clean here now


def _subfolders(folder: Path) -> list[Path]:
    try:
        return [Path(e.path) for e in os.scandir(folder) if e.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def temp_folders() -> list[Path]:
    """The temp folder the environment names (``TMPDIR``, ``TEMP`` or ``TMP``) and the one
    Python uses: not the same when the named one is full, as Python then quietly moves on."""
    named = next((os.environ[n] for n in ("TMPDIR", "TEMP", "TMP") if os.environ.get(n)), None)
    folders = [Path(named)] if named else []
    folders.append(Path(tempfile.gettempdir()))
    return list(dict.fromkeys(folders))


def check_temp_space() -> None:
    """Raise :class:`BuildError` if a temp folder is full, before any renderer needs it."""
    for folder in temp_folders():
        try:
            with tempfile.TemporaryFile(dir=folder) as probe:
                probe.write(b"\0" * PROBE_SIZE)
                probe.flush()
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise BuildError(f"the temp folder {folder} is full ({exc.strerror}); free some space "
                                 "there or set TMPDIR to another folder") from None
            # Any other fault (a TMPDIR that does not exist) Python's own search gets round.


def clean_temp() -> None:
    """Remove the ``weasyprint-*`` folders of ours in the temp folders that are no longer used:
    untouched for :data:`STALE_AGE` seconds and (where ``/proc`` tells) mapped by no process."""
    uid = os.getuid() if hasattr(os, "getuid") else None
    old = time.time() - STALE_AGE
    stale = [folder for place in temp_folders() for folder in _font_folders(place, uid)
             if _last_change(folder) < old]
    if not stale:
        return
    in_use = _mapped(stale)
    for folder in stale:
        if folder not in in_use:
            shutil.rmtree(folder, ignore_errors=True)


def _font_folders(place: Path, uid: int | None) -> list[Path]:
    try:
        return [Path(e.path) for e in os.scandir(place) if e.name.startswith("weasyprint-")
                and e.is_dir(follow_symlinks=False) and (uid is None or e.stat(follow_symlinks=False).st_uid == uid)]
    except OSError:
        return []


def _last_change(folder: Path) -> float:
    try:
        times = [folder.lstat().st_mtime] + [e.stat(follow_symlinks=False).st_mtime for e in os.scandir(folder)]
    except OSError:
        return time.time()  # changing under us: someone's, leave it
    return max(times)


def _mapped(folders: list[Path]) -> set[Path]:
    """Those of ``folders`` whose fonts a live process has mapped: a long-lived ``watch``'s
    font folder is old but still in use."""
    prefixes = {f"{folder}{os.sep}": folder for folder in folders}
    found: set[Path] = set()
    try:
        processes = [e.path for e in os.scandir("/proc") if e.name.isdigit()]
    except OSError:
        return found
    for process in processes:
        try:
            with open(f"{process}/maps", encoding="utf-8", errors="replace") as maps:
                text = maps.read()
        except OSError:
            continue
        found.update(folder for prefix, folder in prefixes.items() if prefix in text)
    return found
