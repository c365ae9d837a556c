"""`resumekit watch`: an edit rebuilds, a bad edit keeps the last good documents, Ctrl-C stops cleanly."""

from __future__ import annotations

import queue
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import resumekit
from resumekit.building.watch import Rebuild, _relevant, rebuild, watch, watched_paths

from ..build_fixtures import (
    ACME, SUMMARY, built_targets, cli_env, docx_text, edit, example_copy, small_project, wait_for,
)
from ..helpers import JANE, run_cli, snapshot

WAIT = 120
"""Seconds to wait for a build before calling it broken: generous, never a speed claim."""


# --- the command, as a user runs it ------------------------------------------------------------


class Watcher:
    """``resumekit watch`` in a subprocess, its output collected in files."""

    def __init__(self, config: Path, folder: Path) -> None:
        self.stdout_path, self.stderr_path = folder / "watch.out", folder / "watch.err"
        with open(self.stdout_path, "wb") as stdout, open(self.stderr_path, "wb") as stderr:
            self.process = subprocess.Popen([sys.executable, "-m", "resumekit.cli", "watch", "-c", str(config)],
                                            cwd=config.parent, env=cli_env(), stdout=stdout, stderr=stderr)

    @property
    def stdout(self) -> str:
        return self.stdout_path.read_text(errors="replace")

    @property
    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    def lines(self, word: str) -> int:
        return sum(word in line for line in self.stdout.splitlines())

    def interrupt(self) -> int:
        """Ctrl-C, and the exit code."""
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=60)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def test_watch_rebuilds_on_edits_keeps_the_last_good_documents_and_stops_on_ctrl_c(tmp_path):
    config = example_copy(tmp_path / "project", targets="targets/acme-lead.yaml")
    profile = config.parent / "profile.yaml"
    out = config.parent / "out" / "acme-lead"
    documents = [out / "Maya-Okafor-Resume.pdf", out / "Maya-Okafor-Resume.docx"]
    watcher = Watcher(config, tmp_path)
    try:
        wait_for(lambda: watcher.lines("rebuilt acme-lead") == 1, WAIT, "the first build")
        assert not (config.parent / "out" / "brightpath-analyst").exists(), "only the configured target"
        first = {p: p.read_bytes() for p in documents}

        edit(profile, "  label: Data Analyst\n", "  label: Lead Data Analyst\n")
        wait_for(lambda: watcher.lines("rebuilt acme-lead") == 2, WAIT, "a rebuild after the edit")
        assert all(p.read_bytes() != first[p] for p in documents)
        assert "Lead Data Analyst" in docx_text(out / "Maya-Okafor-Resume.docx")
        assert "profile.yaml: rebuilt acme-lead" in watcher.stdout
        good = snapshot(out)

        edit(profile, "  label: Lead Data Analyst\n", "  label: [Lead Data Analyst\n")
        wait_for(lambda: "not rebuilt" in watcher.stderr, WAIT, "the bad edit's error")
        assert re.search(r"profile\.yaml:\d+:\d+", watcher.stderr), watcher.stderr
        assert "the last good documents are kept" in watcher.stderr
        assert snapshot(out) == good, "a bad edit leaves the last good documents as they were"

        edit(profile, "  label: [Lead Data Analyst\n", "  label: Senior Data Analyst\n")
        wait_for(lambda: watcher.lines("rebuilt acme-lead") == 3, WAIT, "a rebuild after the fix")
        assert "Senior Data Analyst" in docx_text(out / "Maya-Okafor-Resume.docx")
        assert all(p.read_bytes() != good[p.name] for p in documents)

        assert watcher.interrupt() == 0
        assert "Traceback" not in watcher.stderr, watcher.stderr
        assert "stopped watching" in watcher.stdout
    finally:
        watcher.close()


def test_watch_without_a_config_says_so(tmp_path):
    run = run_cli("watch", "-c", str(tmp_path / "resumekit.yaml"), cwd=tmp_path)
    assert run.returncode == 1
    assert "resumekit.yaml" in run.stderr and "Traceback" not in run.stderr


# --- the function, in this process ---------------------------------------------------------------


def _next(events: queue.Queue, wanted, what: str) -> Rebuild:
    """The next reported rebuild that ``wanted`` accepts (an editor's save may come as two bursts)."""
    seen: list[Rebuild] = []

    def find():
        while True:
            try:
                event = events.get_nowait()
            except queue.Empty:
                return None
            seen.append(event)
            if wanted(event):
                return event

    return wait_for(find, WAIT, f"{what} (seen: {[(e.changed, e.error) for e in seen]})")


@pytest.fixture
def watching(tmp_path):
    """``watch()`` running on a thread over a one-target project; yields (config, events)."""
    config = small_project(tmp_path / "project", targets={"acme.yaml": ACME}, formats=["docx"])
    events: queue.Queue[Rebuild] = queue.Queue()
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(config, events.put),
                              kwargs={"stop": stop, "debounce_ms": 100}, daemon=True)
    thread.start()
    try:
        yield config, events
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not thread.is_alive(), "watch() returns once its stop event is set"


def test_watch_builds_first_then_after_each_edit(watching):
    config, events = watching
    first = _next(events, lambda e: True, "the first build")
    assert first.changed == ["(start)"] and first.error is None
    assert built_targets(first.result) == {"acme"}

    (config.parent / ".profile.yaml.swp").write_text("editor junk")
    (config.parent / "profile.yaml~").write_text("editor backup")
    edit(config.parent / "profile.yaml", SUMMARY, "Analyst who ships decisions.")
    second = _next(events, lambda e: e.result is not None and e.result.built, "a rebuild")
    assert second.changed == ["profile.yaml"]
    assert built_targets(second.result) == {"acme"}
    assert "Analyst who ships decisions." in docx_text(config.parent / "out" / "acme" / "Jane-Doe-Resume.docx")


def test_watch_reports_a_bad_edit_and_rebuilds_on_the_next_good_one(watching):
    config, events = watching
    _next(events, lambda e: True, "the first build")
    good = snapshot(config.parent / "out")
    edit(config.parent / "profile.yaml", "startDate: 2022-03", "startDate: March 2022")
    bad = _next(events, lambda e: e.error is not None, "the bad edit's error")
    assert isinstance(bad.error, resumekit.ProfileError)
    problem = bad.error.problems[0]
    line = JANE.splitlines().index("    startDate: 2022-03") + 1
    assert (Path(problem.file).name, problem.line) == ("profile.yaml", line) and problem.column is not None
    assert snapshot(config.parent / "out") == good
    edit(config.parent / "profile.yaml", "startDate: March 2022", "startDate: 2022-04")
    fixed = _next(events, lambda e: e.result is not None and e.result.built, "the rebuild after the fix")
    assert fixed.error is None and built_targets(fixed.result) == {"acme"}


def test_watch_reports_a_bad_target_and_keeps_its_documents(watching):
    config, events = watching
    _next(events, lambda e: True, "the first build")
    good = snapshot(config.parent / "out")
    edit(config.parent / "targets" / "acme.yaml", "emphasize: [leadership]", "pages: zero")
    failed = _next(events, lambda e: e.result is not None and e.result.failures, "the bad target")
    assert [f.target for f in failed.result.failures] == ["acme"]
    assert snapshot(config.parent / "out") == good


# --- its parts -----------------------------------------------------------------------------------


def test_only_files_that_can_feed_a_build_trigger_one(tmp_path):
    out = tmp_path / "out"
    accept = _relevant(out)
    for name in ["profile.yaml", "targets/acme.yaml", "targets/acme.txt", "feedback.json", "mytheme/style.css",
                 "mytheme/resume.html", "mytheme/fonts/Lato-Regular.ttf", "mytheme/reference.docx"]:
        assert accept(None, str(tmp_path / name)), name
    for name in [".profile.yaml.swp", "profile.yaml~", "4913", ".#profile.yaml", "out/acme/Jane-Doe-Resume.pdf",
                 "out/acme/Jane-Doe-Resume.docx", "out/.resumekit-manifest.json", ".git/index", "notes.md"]:
        assert not accept(None, str(tmp_path / name)), name


def test_a_theme_folder_outside_the_project_is_watched_too(tmp_path):
    import shutil

    from resumekit.rendering.theme import builtin_themes_dir

    shutil.copytree(builtin_themes_dir() / "classic", tmp_path / "themes" / "mine")
    config = small_project(tmp_path / "project")
    config.write_text(config.read_text() + "theme: ../themes/mine\n")
    assert watched_paths(config) == [config.parent.resolve(), (tmp_path / "themes" / "mine").resolve()]
    inside = small_project(tmp_path / "other", theme=True)
    assert watched_paths(inside) == [inside.parent.resolve()]


def test_rebuild_returns_an_error_instead_of_raising(tmp_path):
    config = small_project(tmp_path / "project", formats=["docx"])
    config.write_text("profile: nowhere.yaml\n")
    event = rebuild(config, ["resumekit.yaml"])
    assert event.result is None and isinstance(event.error, resumekit.ResumekitError)
    assert event.changed == ["resumekit.yaml"]
