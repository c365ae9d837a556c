"""Faults (issue 8): builds that are killed, run twice at once, or run out of disk or temp space.

A target's documents are replaced as a set (all written to temporaries, then all renamed),
so a failure or a full disk leaves the previous set whole and the build exits 1 with the
cause. A killed build leaves no worker writing and no caller blocked on its pipes. The same
inputs give byte-identical files wherever and however they are built. Leftovers of a
killed build are cleaned by the next one; documents of a removed target are reported, and
removed by ``build --clean``.

The expected outcome of every case was written from the contract before the tool was run.
Cases that need root, ``mount`` or ``chattr`` skip, with the reason, when they are not available.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from .harness import REPO, TIMEOUT, fingerprint, no_traceback, refused, run, scaffold

BUILD_TIMEOUT = 30.0
"""A full build of several targets, PDF and DOCX, on 2 cores (about 1 s a target); still bounded."""

DOCUMENTS = ("Alex-Rivera-Resume.pdf", "Alex-Rivera-Resume.docx",
             "Alex-Rivera-Cover-Letter.pdf", "Alex-Rivera-Cover-Letter.docx")
MANIFEST = ".resumekit-manifest.json"
BUILT = re.compile(r"^\s*built \d+ files?\b(?!.*\bfailed\b).*$", re.MULTILINE)
"""A success report (``built 5 files, 0 up to date, in 1.6 s``), not ``... 1 target(s) failed``."""
OLD_SUMMARY = "Operations coordinator who keeps freight moving on time"
NEW_SUMMARY = "Dispatch lead who keeps every truck, driver and customer on one plan"
SPACE_WORDS = ("space", "full", "enospc", "no room")


# --------------------------------------------------------------------------- helpers

def env_for_cli(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def project(root: Path, targets: int = 1, **config: object) -> Path:
    """The scaffold project at ``root``, with ``targets`` copies of its job (other companies)."""
    path = scaffold(root, **config)
    job = root / "targets" / "example-job.yaml"
    for i in range(2, targets + 1):
        (root / "targets" / f"example-job-{i}.yaml").write_text(
            job.read_text(encoding="utf-8").replace("Harbor Supply Co.", f"Harbor Supply {i} Co."), encoding="utf-8")
    return path


def edit_profile(config: Path) -> None:
    path = config.parent / "profile.yaml"
    text = path.read_text(encoding="utf-8")
    assert OLD_SUMMARY in text
    path.write_text(text.replace(OLD_SUMMARY, NEW_SUMMARY), encoding="utf-8")


def documents(out: Path) -> dict[str, bytes]:
    """Every document a user could open under ``out`` (not hidden, not temporary)."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith(".") and p.suffix in (".pdf", ".docx")}


def opens(path: Path) -> str | None:
    """Why ``path`` is not a complete document, or None when it opens with text in it."""
    try:
        if path.suffix == ".pdf":
            import pypdf
            reader = pypdf.PdfReader(path, strict=True)
            if not reader.pages or not (reader.pages[0].extract_text() or "").strip():
                return "no text on its first page"
        else:
            import docx
            if not any(p.text.strip() for p in docx.Document(str(path)).paragraphs):
                return "no text"
    except Exception as error:  # any failure to open is the finding
        return f"{type(error).__name__}: {error}"
    return None


def manifest_outputs(out: Path) -> list[str]:
    """The paths the manifest records outputs for (its ``outputs`` mapping, else any mapping)."""
    data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    found = data.get("outputs")
    if isinstance(found, dict):
        return list(found)
    if isinstance(found, list):
        return [item.get("path", "") if isinstance(item, dict) else str(item) for item in found]
    return [key for value in data.values() if isinstance(value, dict) for key in value]


def recorded(out: Path, relative: str) -> bool:
    return any(path.replace(os.sep, "/").endswith(relative) for path in manifest_outputs(out))


def build_cli(config: Path, *args: str, timeout: float = BUILD_TIMEOUT,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run("build", "-c", str(config), *args, cwd=config.parent, timeout=timeout, env=env)


def good_build(config: Path, *args: str, env: dict[str, str] | None = None) -> None:
    done = build_cli(config, *args, env=env)
    assert done.returncode == 0, f"the good build the case starts from failed:\n{done.stderr}"


# -- processes

def process_table() -> dict[int, tuple[str, int, str, str]]:
    """pid -> (state, session, cmdline, cwd) of every process we can see."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat[stat.rindex(")") + 2:].split()
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            try:
                cwd = os.readlink(f"/proc/{entry}/cwd")
            except OSError:
                cwd = ""
        except (OSError, ValueError):
            continue
        table[int(entry)] = (fields[0], int(fields[3]), cmdline, cwd)
    return table


def survivors(session: int, root: Path) -> dict[int, str]:
    """Live processes of the killed build: in its session, or running in / naming the project."""
    mine = os.getpid()
    found = {}
    for pid, (state, sid, cmdline, cwd) in process_table().items():
        if pid == mine or state in ("Z", "X"):
            continue
        if sid == session or str(root) in cmdline or cwd.startswith(str(root)):
            found[pid] = cmdline
    return found


def end_session(session: int) -> None:
    """Kill what is left of a build we started (its own session), by its process group."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(session, signal.SIGKILL)
    for pid, (state, sid, _, _) in process_table().items():
        if sid == session and state not in ("Z", "X"):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)


def drain(stream) -> threading.Thread:
    thread = threading.Thread(target=stream.read, daemon=True)
    thread.start()
    return thread


# -- mounts

@contextlib.contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` at ``folder``; skips (with the reason) when it cannot be mounted."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(folder)],
                          capture_output=True, text=True, timeout=TIMEOUT)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        for _ in range(20):
            if subprocess.run(["umount", str(folder)], capture_output=True, timeout=TIMEOUT).returncode == 0:
                break
            time.sleep(0.25)
        else:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=TIMEOUT)


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the file system of ``folder`` up to ``leave`` bytes free."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with contextlib.suppress(OSError), open(folder / "filler.bin", "wb", buffering=0) as filler:
        filler.write(b"\0" * max(0, free - leave))
        while leave == 0:  # the last blocks, whatever the accounting: until ENOSPC
            filler.write(b"\0" * 4096)


# --------------------------------------------------------------------------- killed builds

@pytest.fixture(scope="module")
def built_three(tmp_path_factory) -> Path:
    """A project of three targets, PDF and DOCX, built once; kill cases work on copies."""
    config = project(tmp_path_factory.mktemp("kill") / "project", targets=3)
    good_build(config, "-j", "2")
    return config


_RANDOM = random.Random(20260115)
KILL_MOMENTS = [round(0.3 + 0.45 * (i + _RANDOM.random()), 2) for i in range(6)]
"""Six seeded moments between 0.3 s and 3 s after the start, one in each 0.45 s slice
(a 3-target build takes about 3 s on 2 cores)."""


@pytest.mark.parametrize("moment", KILL_MOMENTS, ids=lambda m: f"after-{m}s")
def test_a_build_killed_at_any_moment_leaves_each_document_old_or_whole_and_nothing_running(
        built_three, tmp_path, moment):
    root = tmp_path / "project"
    shutil.copytree(built_three.parent, root, symlinks=True)
    config, out = root / "resumekit.yaml", root / "out"
    before = documents(out)
    assert len(before) == 12
    edit_profile(config)

    build = subprocess.Popen([sys.executable, "-m", "resumekit", "build", "--force", "-j", "2", "-c", str(config)],
                             cwd=root, env=env_for_cli(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, start_new_session=True)
    readers = [drain(build.stdout), drain(build.stderr)]
    try:
        time.sleep(moment)
        with contextlib.suppress(ProcessLookupError):
            build.send_signal(signal.SIGKILL)  # the parent only, as an OOM killer or `kill -9 PID` would
        build.wait(timeout=TIMEOUT)

        for reader in readers:
            reader.join(timeout=5)
        blocked = any(reader.is_alive() for reader in readers)

        deadline = time.monotonic() + 3
        left = survivors(build.pid, root)
        while left and time.monotonic() < deadline:
            time.sleep(0.1)
            left = survivors(build.pid, root)
    finally:
        end_session(build.pid)
        for reader in readers:
            reader.join(timeout=5)

    assert not left, f"processes of the killed build still alive 3 s after the kill: {left}"
    assert not blocked, "the killed build's stdout/stderr pipes were still open 5 s after the kill (held by workers)"
    after = documents(out)
    assert set(after) >= set(before), f"documents lost: {sorted(set(before) - set(after))}"
    for name, data in sorted(after.items()):
        if before.get(name) == data:
            continue
        problem = opens(out / name)
        assert problem is None, f"{name} is neither the previous document nor a complete new one: {problem}"


# --------------------------------------------------------------------------- two builds at once

@pytest.mark.parametrize(("first", "second"), [(("--format", "docx"), ("--format", "pdf")), ((), ())],
                         ids=["docx-and-pdf", "both-everything"])
def test_two_builds_at_once_both_succeed_or_one_names_the_lock(tmp_path, first, second):
    config = project(tmp_path / "project")
    out = config.parent / "out"
    runs = [subprocess.Popen([sys.executable, "-m", "resumekit", "build", "--force", "-j", "1", "-c", str(config),
                              *args], cwd=config.parent, env=env_for_cli(), stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace",
                             start_new_session=True) for args in (first, second)]
    results = []
    try:
        for child in runs:
            stdout, stderr = child.communicate(timeout=BUILD_TIMEOUT)
            results.append(subprocess.CompletedProcess(child.args, child.returncode, stdout, stderr))
    finally:
        for child in runs:
            end_session(child.pid)

    for done in results:
        no_traceback(done)
        assert done.returncode in (0, 1), (done.returncode, done.stderr)
        if done.returncode == 1:
            assert "lock" in done.stderr.casefold(), f"a refused concurrent build must name the lock:\n{done.stderr}"
    assert any(done.returncode == 0 for done in results), [done.stderr for done in results]

    for done, args in zip(results, (first, second)):
        if done.returncode != 0:
            continue
        wanted = [name for name in DOCUMENTS if not args or name.endswith("." + args[1])] + ["report.md"]
        for name in wanted:
            path = out / "example-job" / name
            assert path.is_file(), f"{name} of a successful build is missing"
            if path.suffix in (".pdf", ".docx"):
                assert opens(path) is None, (name, opens(path))
            assert recorded(out, f"example-job/{name}"), f"the manifest lost {name} of one of the two builds"


# --------------------------------------------------------------------------- read-only and full disks

def test_a_read_only_target_folder_is_exit_1_with_a_message_and_keeps_the_old_documents(tmp_path):
    config = project(tmp_path / "project", formats=["docx"])
    good_build(config)
    folder = config.parent / "out" / "example-job"
    before = fingerprint(folder)
    edit_profile(config)
    if os.geteuid() == 0:
        locked = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True, timeout=TIMEOUT) \
            if shutil.which("chattr") else None
        if locked is None or locked.returncode != 0:
            pytest.skip(f"root ignores modes and chattr +i is unavailable here: {locked and locked.stderr.strip()}")
        unlock = ["chattr", "-i", str(folder)]
    else:
        folder.chmod(0o555)
        unlock = ["chmod", "0755", str(folder)]
    try:
        done = build_cli(config, "--force")
    finally:
        subprocess.run(unlock, capture_output=True, timeout=TIMEOUT)
    stderr = refused(done, code=1, located=False)
    assert any(word in stderr.casefold() for word in ("read-only", "permission", "denied", "not writable",
                                                       "cannot write", "operation not permitted")), stderr
    assert "example-job" in stderr, stderr
    assert not BUILT.search(done.stdout), done.stdout
    assert fingerprint(folder) == before


def test_a_full_disk_is_exit_1_about_space_and_leaves_the_previous_set_whole(tmp_path):
    with tmpfs(tmp_path / "disk", "1200k") as disk:  # a DOCX carries its fonts: ~180 kB each
        config = project(disk / "project")
        good_build(config)
        folder = config.parent / "out" / "example-job"
        before = fingerprint(folder)
        assert all(name in before for name in DOCUMENTS)
        edit_profile(config)
        fill(disk, leave=48 * 1024)
        done = build_cli(config, "--force")
        after = fingerprint(folder)
        names = sorted(p.name for p in folder.iterdir())
    stderr = refused(done, code=1, located=False)
    assert any(word in stderr.casefold() for word in SPACE_WORDS), f"the error should be about space:\n{stderr}"
    assert not BUILT.search(done.stdout), f"a build that ran out of space reported success:\n{done.stdout}"
    for name in DOCUMENTS:
        assert after.get(name) == before[name], f"{name} is not the previous document any more"
    assert names == sorted(before), f"files beside the old set after the failed build: {names}"


def test_a_full_temp_folder_is_a_clear_error(tmp_path):
    config = project(tmp_path / "project")
    good_build(config)
    folder = config.parent / "out" / "example-job"
    before = fingerprint(folder)
    edit_profile(config)
    with tmpfs(tmp_path / "tmp", "64k") as temp:
        fill(temp)
        done = build_cli(config, "--force", env={"TMPDIR": str(temp)})
    stderr = refused(done, code=1, located=False)
    assert any(word in stderr.casefold() for word in SPACE_WORDS + ("temp", "tmp")), stderr
    assert not BUILT.search(done.stdout), done.stdout
    assert {name: digest for name, digest in fingerprint(folder).items() if name in DOCUMENTS} == \
        {name: before[name] for name in DOCUMENTS}


# --------------------------------------------------------------------------- leftovers

def test_leftover_temporaries_are_cleaned_by_the_next_build(tmp_path):
    config = project(tmp_path / "project", formats=["docx"])
    temp = tmp_path / "tmp"
    temp.mkdir()
    good_build(config, env={"TMPDIR": str(temp)})
    folder = config.parent / "out" / "example-job"
    old = time.time() - 15 * 60
    stale_tmp = folder / ".Alex-Rivera-Resume.pdf.abc.tmp"
    stale_tmp.write_bytes(b"%PDF-1.7 half written")
    os.utime(stale_tmp, (old, old))
    stale_pdf_work = temp / "weasyprint-abc123"
    stale_pdf_work.mkdir()
    (stale_pdf_work / "font.ttf").write_bytes(b"\0" * 1024)
    for path in (stale_pdf_work / "font.ttf", stale_pdf_work):
        os.utime(path, (old, old))
    fresh = temp / "weasyprint-fresh99"  # another build may be using it right now
    fresh.mkdir()

    done = build_cli(config, env={"TMPDIR": str(temp)})
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    assert not stale_tmp.exists(), "a killed build's temporary document was left in out/example-job"
    assert not stale_pdf_work.exists(), "a weasyprint-* folder from a killed build was left in TMPDIR"
    assert fresh.exists(), "a young weasyprint-* folder (maybe another build's) was removed"


# --------------------------------------------------------------------------- broken pipes

def quiet(stderr: str) -> None:
    assert "Traceback (most recent call last)" not in stderr, stderr
    assert "BrokenPipeError" not in stderr and "Exception ignored" not in stderr, stderr


@pytest.fixture(scope="module")
def built_docx(tmp_path_factory) -> Path:
    config = project(tmp_path_factory.mktemp("pipe") / "project", formats=["docx"])
    good_build(config)
    return config


@pytest.mark.parametrize("command", [["schema"], ["schema", "profile"], ["build", "-v"]],
                         ids=["schema", "schema-profile", "build-v"])
def test_a_pipe_closed_by_head_ends_quietly(built_docx, tmp_path, command):
    err = tmp_path / "stderr.txt"
    line = " ".join([sys.executable, "-m", "resumekit", *command])
    done = subprocess.run(["bash", "-c", f"set +o pipefail; {line} 2>{err} | head -1"], cwd=built_docx.parent,
                          env=env_for_cli(), capture_output=True, text=True, timeout=TIMEOUT)
    assert done.stdout.strip(), "head should have read a first line"
    quiet(err.read_text(encoding="utf-8", errors="replace"))


@pytest.mark.parametrize("command", [["schema"], ["build", "-v"], ["build", "-v", "--force"]],
                         ids=["schema", "build-v", "build-v-force"])
def test_a_pipe_closed_before_the_first_write_ends_quietly(built_docx, command):
    """Deterministic broken pipe: the reading end is closed before the command starts."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([sys.executable, "-m", "resumekit", *command], cwd=built_docx.parent,
                              env=env_for_cli(), stdout=write_end, stderr=subprocess.PIPE, text=True,
                              errors="replace", timeout=BUILD_TIMEOUT)
    finally:
        os.close(write_end)
    quiet(done.stderr)


# --------------------------------------------------------------------------- reproducible anywhere

@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict[str, str]:
    """Fingerprints of one full build (PDF and DOCX), in the plain environment."""
    config = project(tmp_path_factory.mktemp("ref") / "project")
    good_build(config)
    return fingerprint(config.parent / "out")


def docs_only(prints: dict[str, str], suffixes: tuple[str, ...]) -> dict[str, str]:
    return {name: digest for name, digest in prints.items() if name.endswith(suffixes)}


@contextlib.contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


ELSEWHERE = {
    "moved": ({}, 0o022, True),
    "tz-kiritimati": ({"TZ": "Pacific/Kiritimati"}, 0o022, False),
    "tz-honolulu": ({"TZ": "Pacific/Honolulu"}, 0o022, False),
    "lang-turkish": ({"LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8"}, 0o022, False),
    "lang-c": ({"LANG": "C", "LC_ALL": "C"}, 0o022, False),
    "umask-077": ({}, 0o077, False),
}


@pytest.mark.parametrize("case", list(ELSEWHERE), ids=list(ELSEWHERE))
def test_the_same_project_gives_byte_identical_docx_anywhere(reference, tmp_path, case):
    env, mask, moved = ELSEWHERE[case]
    root = (tmp_path / "some" / "other place" / "copy") if moved else (tmp_path / "project")
    config = project(root)
    with umask(mask):
        done = build_cli(config, "--format", "docx", env=env)
    assert done.returncode == 0, done.stderr
    assert docs_only(fingerprint(root / "out"), (".docx",)) == docs_only(reference, (".docx",))


def test_the_same_project_gives_byte_identical_pdf_and_docx_moved_with_other_tz_lang_and_umask(reference, tmp_path):
    root = tmp_path / "elsewhere" / "again"
    config = project(root)
    with umask(0o077):
        done = build_cli(config, env={"TZ": "Asia/Kathmandu", "LANG": "de_DE.UTF-8", "LC_ALL": "C.UTF-8"})
    assert done.returncode == 0, done.stderr
    assert docs_only(fingerprint(root / "out"), (".pdf", ".docx")) == docs_only(reference, (".pdf", ".docx"))


# --------------------------------------------------------------------------- removed targets

def test_documents_of_a_removed_target_are_reported_and_removed_by_clean(tmp_path):
    config = project(tmp_path / "project", formats=["docx"])
    good_build(config)
    out = config.parent / "out"
    targets = config.parent / "targets"
    (targets / "example-job.yaml").rename(targets / "harbor-lead.yaml")
    (out / "notes.txt").write_text("my own notes\n", encoding="utf-8")

    done = build_cli(config)
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    assert "example-job" in done.stdout + done.stderr, \
        f"the next build should name the stale folder out/example-job:\n{done.stdout}{done.stderr}"

    cleaned = build_cli(config, "--clean")
    no_traceback(cleaned)
    assert cleaned.returncode == 0, cleaned.stderr
    assert not (out / "example-job").exists(), "build --clean left the removed target's documents"
    assert (out / "harbor-lead" / "Alex-Rivera-Resume.docx").is_file()
    assert (out / "notes.txt").read_text(encoding="utf-8") == "my own notes\n", "--clean removed a file it did not write"
