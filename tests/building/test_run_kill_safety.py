"""A build killed half-way (SIGKILL) or stopped by Ctrl-C leaves every document whole; the next build mends it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import resumekit
from resumekit.building.manifest import MANIFEST_NAME, Manifest

from ..build_fixtures import (
    ACME, SUMMARY, built_targets, cli_env, document_text, documents_in, edit, small_project, up_to_date_targets,
    wait_for,
)
from ..helpers import run_cli, snapshot

COUNT = 10
NEW_SUMMARY = "Analyst who ships decisions, not dashboards."


def is_temporary(name: str) -> bool:
    """A write in progress: hidden, and never taken for a document."""
    return name.startswith(".") and name.endswith(".tmp")


def whole_files(out: Path) -> dict[str, bytes]:
    """The files under ``out`` a user could open, without the temporary ones."""
    return {name: data for name, data in snapshot(out).items() if not is_temporary(Path(name).name)}


@pytest.fixture
def many_targets(tmp_path: Path) -> Path:
    """A project of ten targets (copies of one job at ten companies), built completely."""
    targets = {f"job-{i:02d}.yaml": ACME.replace("company: Acme", f"company: Acme {i}") for i in range(COUNT)}
    config = small_project(tmp_path / "project", targets=targets)
    result = resumekit.build(config, jobs=2)
    assert result.ok and len(built_targets(result)) == COUNT
    return config


@pytest.mark.parametrize(("stop", "jobs"), [(signal.SIGKILL, "1"), (signal.SIGKILL, "2"), (signal.SIGINT, "2")],
                         ids=["killed", "killed-with-2-jobs", "ctrl-c-with-2-jobs"])
def test_a_stopped_build_leaves_every_document_whole_and_the_next_build_mends_it(many_targets, stop, jobs, tmp_path):
    config, out = many_targets, many_targets.parent / "out"
    before = snapshot(out)
    manifest_before = (out / MANIFEST_NAME).read_bytes()
    edit(config.parent / "profile.yaml", SUMMARY, NEW_SUMMARY)

    with open(tmp_path / "build.err", "wb") as stderr:
        build = subprocess.Popen([sys.executable, "-m", "resumekit.cli", "build", "-c", str(config), "-j", jobs],
                                 cwd=config.parent, env=cli_env(), stdout=subprocess.DEVNULL, stderr=stderr,
                                 start_new_session=True)
    try:
        # Half-way: once the first target is done and recorded, the others still to do.
        wait_for(lambda: (out / MANIFEST_NAME).read_bytes() != manifest_before or build.poll() is not None,
                 120, "the first target to be done")
        os.killpg(build.pid, stop)  # the build and its workers, as a terminal's Ctrl-C or the OOM killer
        build.wait(timeout=120)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
            build.wait()
    if stop == signal.SIGKILL:
        assert build.returncode == -signal.SIGKILL, "the build was killed before it finished"
    else:
        errors = (tmp_path / "build.err").read_text()
        assert build.returncode == 130 and "interrupted" in errors, errors
        assert "Traceback" not in errors, errors

    # Every file with a document's name is a whole document: the old one or the new one.
    after = snapshot(out)
    strays = [name for name in set(after) - set(before) if not is_temporary(Path(name).name)]
    assert strays == [], "only hidden temporary files may be left by a killed build"
    assert set(before) <= set(after), "no document went missing"
    old, new = [], []
    for path in documents_in(out):
        text = document_text(path)  # raises if the file is not a readable PDF or DOCX
        assert "Jane Doe" in text, path
        name = path.relative_to(out).as_posix()
        if after[name] == before[name]:
            old.append(name)
        else:
            assert "Resume" not in name or NEW_SUMMARY in text, f"{name} changed, so it must be the new one"
            new.append(name)
    assert new and old, "the kill came half-way: some documents were rebuilt, some not yet"
    assert Manifest.load(out, resumekit.__version__).outputs, "the manifest is whole too"

    # The next build keeps what the killed one finished and does the rest.
    result = resumekit.build(config)
    assert result.ok
    assert up_to_date_targets(result) and built_targets(result)
    assert up_to_date_targets(result) | built_targets(result) == {f"job-{i:02d}" for i in range(COUNT)}
    for path in documents_in(out):
        assert "Resume" not in path.name or NEW_SUMMARY in document_text(path), path
    mended = whole_files(out)
    again = run_cli("build", "-c", str(config))
    assert again.returncode == 0 and f"built 0 files, {COUNT * 5} up to date" in again.stdout
    forced = resumekit.build(config, force=True, jobs=2)
    assert len(forced.built) == COUNT * 5
    assert whole_files(out) == mended, "the mended project is exactly what a full build makes"
