"""What an edit rebuilds, and what it leaves alone: each target's outputs are keyed on its inputs."""

from __future__ import annotations

import shutil

import pytest

import resumekit

from ..build_fixtures import (
    BOTH, SUMMARY, built_targets, docx_text, edit, out, small_project, statuses, up_to_date_targets,
)
from ..helpers import run_cli, snapshot


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


# --- mid-build saves -------------------------------------------------------------------------------


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
