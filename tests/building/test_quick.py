"""Up-to-date builds: what an edit rebuilds, what it leaves alone, and that a no-op build stays light."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import types
from pathlib import Path

import pytest

import resumekit
from resumekit.building import GENERAL_BUILD as GENERAL
from resumekit.rendering.theme import builtin_themes_dir

from ..build_fixtures import (
    FEEDBACK, SUMMARY, built_targets, docx_text, edit, python, small_project, statuses,
    up_to_date_targets,
)
from ..helpers import run_cli, snapshot

BOTH = {"acme", "globex"}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The small project, built: every target's documents and the manifest are there."""
    config = small_project(tmp_path / "project")
    result = resumekit.build(config)
    assert result.ok and built_targets(result) == BOTH
    return config


def out(config: Path) -> Path:
    return config.parent / "out"


# --- nothing changed ---------------------------------------------------------------------------


def test_a_second_build_skips_everything_and_says_so(project):
    result = resumekit.build(project)
    assert result.built == [] and result.ok
    assert len(result.outputs) == 10
    assert set(statuses(result, out(project)).values()) == {"up to date"}
    assert up_to_date_targets(result) == BOTH


def test_the_command_line_says_what_it_skipped(project):
    quiet = run_cli("build", "-c", str(project))
    assert quiet.returncode == 0, quiet.stderr
    assert "built 0 files, 10 up to date" in quiet.stdout
    assert "built  " not in quiet.stdout
    verbose = run_cli("build", "-c", str(project), "-v")
    assert verbose.stdout.count("up to date  ") == 10
    assert "acme/Jane-Doe-Resume.pdf" in verbose.stdout


def test_an_up_to_date_result_names_each_file_target_and_format(project):
    """The quick path answers in the same terms as a full build (target, document, format)."""
    full = resumekit.build(project, force=True)
    quick = resumekit.build(project)
    def facts(result):
        return sorted((str(o.path), o.target, o.document, o.format) for o in result.outputs)
    assert facts(quick) == facts(full)


def test_a_no_op_build_imports_neither_the_renderers_nor_the_models(project):
    code = ("import sys, resumekit.cli\n"
            f"code = resumekit.cli.main(['build', '-c', {str(project)!r}])\n"
            "print(code, *(name in sys.modules for name in ('weasyprint', 'docx', 'jinja2', 'pydantic')))\n")
    run = python(code, cwd=project.parent)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[-1] == "0 False False False False", run.stdout
    assert "built 0 files, 10 up to date" in run.stdout


def test_saving_a_file_unchanged_rebuilds_nothing(project):
    for path in [project, project.parent / "profile.yaml", project.parent / "targets" / "acme.yaml"]:
        path.write_bytes(path.read_bytes())
        os.utime(path, (2_000_000_000, 2_000_000_000))
    assert resumekit.build(project).built == []


# --- --force ---------------------------------------------------------------------------------------


def test_force_rebuilds_everything_to_the_same_bytes(project):
    before = snapshot(out(project))
    result = resumekit.build(project, force=True)
    assert set(statuses(result, out(project)).values()) == {"built"}
    assert len(result.built) == 10
    assert snapshot(out(project)) == before


def test_force_on_the_command_line(project):
    run = run_cli("build", "-c", str(project), "--force", "-j", "1")
    assert run.returncode == 0, run.stderr
    assert "built 10 files, 0 up to date" in run.stdout


# --- edits -----------------------------------------------------------------------------------------


def test_editing_the_profile_rebuilds_every_target(project):
    edit(project.parent / "profile.yaml", SUMMARY, "Analyst who ships decisions, not dashboards.")
    result = resumekit.build(project)
    assert built_targets(result) == BOTH
    assert len(result.built) == 10
    assert "Analyst who ships decisions, not dashboards." in docx_text(out(project) / "acme" / "Jane-Doe-Resume.docx")
    assert resumekit.build(project).built == []


def test_editing_the_feedback_rebuilds_every_target(project):
    edit(project.parent / "feedback.yaml", "Led six volunteers", "Led eight volunteers")
    assert built_targets(resumekit.build(project)) == BOTH


def test_editing_the_config_rebuilds_every_target(project):
    project.write_text(project.read_text() + "# a comment is an edit too\n")
    assert built_targets(resumekit.build(project)) == BOTH


def test_editing_one_target_rebuilds_only_that_target(project):
    before = snapshot(out(project) / "globex")
    edit(project.parent / "targets" / "acme.yaml", "Lead Analyst", "Lead Data Analyst")
    result = resumekit.build(project)
    assert built_targets(result) == {"acme"}
    assert up_to_date_targets(result) == {"globex"}
    assert snapshot(out(project) / "globex") == before
    assert "Lead Data Analyst" in docx_text(out(project) / "acme" / "Jane-Doe-Cover-Letter.docx")


def test_editing_a_posting_rebuilds_its_target_only(project):
    edit(project.parent / "targets" / "globex.txt", "Present findings to managers",
         "Present findings to managers and mentor junior analysts")
    result = resumekit.build(project)
    assert built_targets(result) == {"globex"}
    assert up_to_date_targets(result) == {"acme"}


@pytest.mark.parametrize("theme_file", ["style.css", "resume.html", "reference.docx", "fonts/Lato-Regular.ttf"])
def test_editing_a_file_of_the_users_theme_rebuilds_every_target(tmp_path, theme_file):
    config = small_project(tmp_path / "project", theme=True)
    resumekit.build(config)
    theme = config.parent / "mytheme"
    if theme_file.endswith(".ttf"):
        shutil.copyfile(theme / "fonts" / "Lato-Bold.ttf", theme / theme_file)
    elif theme_file.endswith(".docx"):
        with open(theme / theme_file, "ab") as handle:  # a zip reader ignores trailing bytes
            handle.write(b"\0")
    else:
        (theme / theme_file).write_text((theme / theme_file).read_text() + "\n<!-- edited -->\n"
                                        if theme_file.endswith(".html") else
                                        (theme / theme_file).read_text() + "\nh1 { color: #123456; }\n")
    result = resumekit.build(config)
    assert result.ok, [str(f.error) for f in result.failures]
    assert built_targets(result) == BOTH


def test_a_file_added_to_the_users_theme_is_noticed(tmp_path):
    config = small_project(tmp_path / "project", theme=True)
    (config.parent / "mytheme" / "letter.html").unlink()  # the built-in one is used
    resumekit.build(config)
    assert resumekit.build(config).built == []
    shutil.copyfile(builtin_themes_dir() / "classic" / "letter.html", config.parent / "mytheme" / "letter.html")
    assert built_targets(resumekit.build(config)) == BOTH


def test_a_file_added_to_a_feedback_folder_is_noticed(tmp_path):
    config = small_project(tmp_path / "project", feedback=False)
    folder = config.parent / "feedback"
    folder.mkdir()
    applications, improvements = FEEDBACK.split("improvements:\n")
    (folder / "applications.yaml").write_text(applications)
    project_text = config.read_text() + "feedback: feedback/\n"
    config.write_text(project_text)
    resumekit.build(config)
    assert resumekit.build(config).built == []
    (folder / "improvements.yaml").write_text("improvements:\n" + improvements)
    result = resumekit.build(config)
    assert built_targets(result) == BOTH
    assert "Code for Good" in docx_text(out(config) / "acme" / "Jane-Doe-Resume.docx")


# --- outputs ---------------------------------------------------------------------------------------


def test_a_deleted_output_is_rebuilt_and_only_its_target(project):
    resume = out(project) / "acme" / "Jane-Doe-Resume.pdf"
    good = resume.read_bytes()
    resume.unlink()
    result = resumekit.build(project)
    assert built_targets(result) == {"acme"}
    assert resume.read_bytes() == good


def test_a_modified_output_is_rebuilt(project):
    letter = out(project) / "globex" / "Jane-Doe-Cover-Letter.docx"
    good = letter.read_bytes()
    letter.write_bytes(good + b"edited by hand")
    result = resumekit.build(project)
    assert built_targets(result) == {"globex"}
    assert letter.read_bytes() == good


def test_a_deleted_output_folder_is_rebuilt(project):
    shutil.rmtree(out(project) / "globex")
    assert built_targets(resumekit.build(project)) == {"globex"}
    assert (out(project) / "globex" / "Jane-Doe-Resume.docx").is_file()


# --- targets come and go ----------------------------------------------------------------------------


def test_a_new_target_file_is_built_and_the_others_skipped(project):
    (project.parent / "targets" / "initech.yaml").write_text("title: Analyst\ncompany: Initech\n")
    result = resumekit.build(project)
    assert built_targets(result) == {"initech"}
    assert up_to_date_targets(result) == BOTH
    assert resumekit.build(project).built == []


def test_a_removed_target_file_is_noticed(project, monkeypatch):
    (project.parent / "targets" / "acme.yaml").unlink()
    result = resumekit.build(project)
    assert result.built == []
    assert {o.target for o in result.outputs} == {"globex"}
    assert (project.parent / "out" / "acme" / "Jane-Doe-Resume.pdf").is_file(), "documents are kept..."
    assert result.stale == [(project.parent / "out" / "acme").resolve()], "... and reported"
    cleaned = resumekit.build(project, clean=True)
    assert not (project.parent / "out" / "acme").exists(), "... until the build is asked to clean"
    assert cleaned.stale == [(project.parent / "out" / "acme").resolve()]
    # Once cleaned, the next build knows from the manifest alone that nothing is to do.
    monkeypatch.setattr("resumekit.building.run.load_project", _not_needed)
    again = resumekit.build(project)
    assert {o.target for o in again.outputs} == {"globex"} and again.stale == []


def _not_needed(*args, **kwargs):
    raise AssertionError("the project was loaded, though the manifest says everything is up to date")


def test_a_new_bad_target_is_reported_on_every_build(project):
    (project.parent / "targets" / "broken.yaml").write_text("title: Analyst\ncompany: Initech\npages: zero\n")
    edit(project.parent / "profile.yaml", SUMMARY, "Analyst who ships decisions.")
    first = resumekit.build(project)
    assert built_targets(first) == BOTH
    assert [f.target for f in first.failures] == ["broken"]
    again = resumekit.build(project)
    assert [f.target for f in again.failures] == ["broken"]
    assert again.built == []
    run = run_cli("build", "-c", str(project))
    assert run.returncode == 1
    assert "broken.yaml:3:" in run.stderr


def test_editor_and_system_files_in_the_targets_folder_are_not_targets(project):
    targets = project.parent / "targets"
    os.symlink("jane@laptop.4242:1700000000", targets / ".#acme.yaml")  # Emacs' lock while editing
    (targets / "._globex.yaml").write_bytes(b"\x00\x05\x16\x07 Mac OS X resource fork")
    (targets / "acme.yaml~").write_text("title: backup\n")
    (targets / "acme.yaml.swp").write_bytes(b"b0VIM 9.0")
    result = resumekit.build(project)
    assert result.ok, [str(f.error) for f in result.failures]
    assert result.built == [] and up_to_date_targets(result) == BOTH


def test_a_target_file_that_breaks_is_reported_on_every_build(project):
    """A broken target must not pass for up to date because nothing else changed."""
    edit(project.parent / "targets" / "acme.yaml", "emphasize: [leadership]", "pages: zero")
    for _ in range(2):
        result = resumekit.build(project)
        assert [f.target for f in result.failures] == ["acme"]
        assert up_to_date_targets(result) == {"globex"}
    run = run_cli("build", "-c", str(project))
    assert run.returncode == 1
    assert "acme.yaml:" in run.stderr


def test_only_the_asked_targets_and_formats_are_built_then_the_rest(project):
    edit(project.parent / "profile.yaml", SUMMARY, "Analyst who ships decisions.")
    some = resumekit.build(project, targets=["acme"], formats=["docx"])
    assert {(o.target, o.format) for o in some.built} == {("acme", "docx"), ("acme", "md")}
    assert resumekit.build(project, targets=["acme"], formats=["docx"]).built == []
    rest = resumekit.build(project)
    assert built_targets(rest) == BOTH
    assert ("acme", "pdf") in {(o.target, o.format) for o in rest.built}
    assert resumekit.build(project).built == []


def test_the_general_version_is_tracked_apart_from_the_targets(project):
    general = resumekit.build(project, targets=[GENERAL])
    assert built_targets(general) == {GENERAL}
    assert resumekit.build(project).built == []
    assert resumekit.build(project, targets=[GENERAL]).built == []


# --- mid-build saves and dates ---------------------------------------------------------------------


def test_an_input_saved_during_a_build_is_rebuilt_next_time(project, monkeypatch):
    """The build read the old profile; the next build must not take the new one as done."""
    import resumekit.building.workers as workers

    render = workers.build_target
    profile = project.parent / "profile.yaml"

    def save_while_rendering(*args, **kwargs):
        if SUMMARY in profile.read_text():
            edit(profile, SUMMARY, "Analyst who ships decisions.")
        return render(*args, **kwargs)

    edit(project.parent / "feedback.yaml", "Led six volunteers", "Led seven volunteers")
    monkeypatch.setattr(workers, "build_target", save_while_rendering)
    resumekit.build(project, jobs=1)
    monkeypatch.undo()
    assert "Analyst who ships decisions." not in docx_text(out(project) / "acme" / "Jane-Doe-Resume.docx")
    result = resumekit.build(project)
    assert built_targets(result) == BOTH
    assert "Analyst who ships decisions." in docx_text(out(project) / "acme" / "Jane-Doe-Resume.docx")


def _tomorrow(monkeypatch):
    later = dt.date.today() + dt.timedelta(days=1)
    fake = types.SimpleNamespace(date=types.SimpleNamespace(today=lambda: later),
                                 datetime=dt.datetime, timezone=dt.timezone)
    monkeypatch.setattr("resumekit.building.quick.dt", fake)
    monkeypatch.setattr("resumekit.building.run.dt", fake)


def test_a_letter_dated_today_is_rebuilt_on_a_new_day(tmp_path, monkeypatch):
    config = small_project(tmp_path / "project", formats=["docx"])
    config.write_text(config.read_text().replace("date: '2026-01-15'\n", ""))
    assert "date:" not in config.read_text()
    resumekit.build(config)
    assert resumekit.build(config).built == []
    _tomorrow(monkeypatch)
    assert built_targets(resumekit.build(config)) == BOTH


def test_a_letter_with_a_fixed_date_is_not_rebuilt_on_a_new_day(project, monkeypatch):
    _tomorrow(monkeypatch)
    assert resumekit.build(project).built == []

