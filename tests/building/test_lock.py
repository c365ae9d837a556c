"""The output folder's lock and the cleaning of what killed builds leave behind."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time

import pytest

from resumekit.building import lock
from resumekit.building.lock import LOCK_NAME, check_temp_space, clean_output, clean_temp, output_lock
from resumekit.building.writing import is_temporary, write_atomic
from resumekit.errors import BuildError

HOLD = ("import sys, time; from pathlib import Path; from resumekit.building.lock import output_lock\n"
        "with output_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(30)\n")


def test_a_second_build_waits_for_the_lock_then_refuses_naming_it(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(BuildError, match=LOCK_NAME), output_lock(tmp_path, wait=0.3):
            pass
        assert time.monotonic() - started >= 0.3
    finally:
        holder.kill()
        holder.wait()
    with output_lock(tmp_path, wait=0):  # the kernel dropped the dead holder's lock
        pass


def test_the_lock_is_free_again_after_the_block(tmp_path):
    with output_lock(tmp_path / "out"):
        pass
    with output_lock(tmp_path / "out", wait=0):
        pass
    assert (tmp_path / "out" / LOCK_NAME).is_file()


def test_our_temporaries_are_recognised_and_nothing_else():
    assert is_temporary(".Jane-Doe-Resume.pdf.k3x9q2_a.tmp")
    assert is_temporary("..resumekit-manifest.json.abcdefgh.tmp")
    assert is_temporary(".report.md.x1y2.tmp")
    for name in ("Jane-Doe-Resume.pdf", ".notes.txt.abc.tmp", "notes.pdf.abc.tmp", ".Resume.pdf.tmp",
                 ".Resume.pdf.ABC.tmp", ".Resume.pdf.abc.tmp.bak"):
        assert not is_temporary(name), name


def test_cleaning_removes_only_our_temporaries(tmp_path):
    folder = tmp_path / "out" / "acme"
    write_atomic(folder / "Jane-Doe-Resume.pdf", b"%PDF")
    ours = [folder / ".Jane-Doe-Resume.pdf.abc123.tmp", tmp_path / "out" / "..resumekit-manifest.json.q1.tmp"]
    theirs = [folder / "notes.txt", folder / ".notes.txt.abc.tmp", folder / "Jane-Doe-Resume.pdf"]
    for path in ours + theirs[:2]:
        path.write_bytes(b"x")
    clean_output(tmp_path / "out")
    assert not any(path.exists() for path in ours)
    assert all(path.exists() for path in theirs)


def test_only_old_unused_weasyprint_folders_of_ours_are_removed(tmp_path, monkeypatch):
    monkeypatch.setattr(lock, "temp_folders", lambda: [tmp_path])
    old = time.time() - lock.STALE_AGE - 60
    stale, fresh, other = tmp_path / "weasyprint-old", tmp_path / "weasyprint-new", tmp_path / "fonts-old"
    for folder in (stale, fresh, other):
        folder.mkdir()
        (folder / "font").write_bytes(b"\0")
    for path in (stale / "font", stale, other / "font", other):
        os.utime(path, (old, old))
    clean_temp()
    assert not stale.exists() and fresh.exists() and other.exists()


def test_a_weasyprint_folder_mapped_by_a_live_process_is_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(lock, "temp_folders", lambda: [tmp_path])
    monkeypatch.setattr(lock, "_mapped", lambda folders: set(folders))
    folder = tmp_path / "weasyprint-watch"
    folder.mkdir()
    old = time.time() - lock.STALE_AGE - 60
    os.utime(folder, (old, old))
    clean_temp()
    assert folder.exists()


def test_a_full_temp_folder_is_a_build_error_naming_it(tmp_path, monkeypatch):
    monkeypatch.setattr(lock, "temp_folders", lambda: [tmp_path])

    def full(**_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(lock.tempfile, "TemporaryFile", full)
    with pytest.raises(BuildError, match="temp folder .* is full"):
        check_temp_space()


def test_the_temp_folder_the_environment_names_is_checked_first(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert lock.temp_folders()[0] == tmp_path
