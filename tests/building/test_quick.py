"""Up to date from the manifest alone: a no-op build stays light, and still notices what is new."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import types

import resumekit
from resumekit.building import GENERAL_BUILD as GENERAL
from resumekit.building.quick import output_folder, up_to_date
from resumekit.building.session import BuildOptions
from resumekit.rendering.theme import builtin_themes_dir

from ..build_fixtures import (
    BOTH, FEEDBACK, built_targets, docx_text, out, python, small_project, statuses, up_to_date_targets,
)
from ..helpers import make_project, run_cli


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


# --- what the manifest alone must notice -----------------------------------------------------------


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


def test_editor_and_system_files_in_the_targets_folder_are_not_targets(project):
    targets = project.parent / "targets"
    os.symlink("jane@laptop.4242:1700000000", targets / ".#acme.yaml")  # Emacs' lock while editing
    (targets / "._globex.yaml").write_bytes(b"\x00\x05\x16\x07 Mac OS X resource fork")
    (targets / "acme.yaml~").write_text("title: backup\n")
    (targets / "acme.yaml.swp").write_bytes(b"b0VIM 9.0")
    result = resumekit.build(project)
    assert result.ok, [str(f.error) for f in result.failures]
    assert result.built == [] and up_to_date_targets(result) == BOTH


def test_the_general_version_is_tracked_apart_from_the_targets(project):
    general = resumekit.build(project, targets=[GENERAL])
    assert built_targets(general) == {GENERAL}
    assert resumekit.build(project).built == []
    assert resumekit.build(project, targets=[GENERAL]).built == []


# --- dates ---------------------------------------------------------------------------------------


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


def test_a_theme_folder_made_after_a_build_is_noticed(tmp_path):
    config = make_project(tmp_path, formats=["docx"])
    assert resumekit.build(config).built
    assert not resumekit.build(config).built  # up to date
    shutil.copytree(builtin_themes_dir() / "classic", tmp_path / "classic")  # now shadows the built-in
    assert resumekit.build(config).built


def test_an_up_to_date_build_still_repeats_the_last_warnings(tmp_path):
    config = make_project(tmp_path, formats=["docx"])
    profile = tmp_path / "profile.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "hobbys: [chess]\n", encoding="utf-8")
    first = resumekit.build(config)
    again = resumekit.build(config)
    assert first.built and not again.built
    assert any("hobbys" in w for w in again.warnings)


# --- the quick path itself -------------------------------------------------------------------------


def test_forced_strict_or_cleaning_builds_never_take_the_quick_path(project):
    assert up_to_date(project, BuildOptions()) is not None
    for options in (BuildOptions(force=True), BuildOptions(strict=True), BuildOptions(clean=True)):
        assert up_to_date(project, options) is None, options


def test_a_target_or_format_the_last_build_did_not_plan_takes_the_full_path(project):
    assert up_to_date(project, BuildOptions(targets=("acme",), formats=("docx",))) is not None
    assert up_to_date(project, BuildOptions(targets=("initech",))) is None


def test_the_output_folder_is_read_from_plain_yaml(tmp_path):
    config = tmp_path / "resumekit.yaml"
    config.write_text("output: build/docs\n", encoding="utf-8")
    assert output_folder(config) == (tmp_path / "build" / "docs").resolve()
    config.write_text("profile: profile.yaml\n", encoding="utf-8")
    assert output_folder(config) == (tmp_path / "out").resolve()
    for broken in ("output: [out\n", "- a list\n", "output: 5\n"):
        config.write_text(broken, encoding="utf-8")
        assert output_folder(config) is None, broken
