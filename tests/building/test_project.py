"""Loading a project: its config, profile, feedback and targets; a bad target is set aside, alone."""

from __future__ import annotations

from pathlib import Path

import pytest

import resumekit
from resumekit import ConfigError, TargetError
from resumekit.building import load_project

from ..helpers import JANE, delivered, make_project

TWO_JOBS = {"acme.yaml": "title: Lead Analyst\ncompany: Acme\n", "globex.yaml": "title: Analyst\ncompany: Globex\n"}


def documents(outputs):
    """The resumes and letters among a build's outputs (a build may write other files too)."""
    return [o for o in outputs if o.document in ("resume", "letter")]


def _failure(result, target: str) -> TargetError:
    """The error of the one failed target whose id is ``target`` (its label may add the file)."""
    [error] = [f.error for f in result.failures if f.target.split()[0] == target]
    assert isinstance(error, TargetError)
    return error


def test_a_target_may_not_take_the_general_builds_name(tmp_path):
    config = make_project(tmp_path, targets={"general.yaml": "title: Lead\n"})
    result = resumekit.build(config, formats=["docx"])
    assert "reserved" in str(_failure(result, "general"))


def test_two_targets_may_not_share_an_id(tmp_path):
    config = make_project(tmp_path, targets={"a.yaml": "id: acme\n", "b.yaml": "id: acme\n"})
    result = resumekit.build(config, formats=["docx"])
    [problem] = _failure(result, "acme").problems
    assert (problem.file.rsplit("/", 1)[-1], problem.line, problem.field) == ("b.yaml", 1, "id")
    assert "is also used by" in problem.message and problem.message.endswith("a.yaml")


def test_a_shared_id_is_reported_once_and_the_first_file_built_once(tmp_path):
    config = make_project(tmp_path, targets={"a.yaml": "id: acme\n", "b.yaml": "id: acme\n"})
    result = resumekit.build(config, formats=["docx"])
    assert len(result.failures) == 1
    assert len(result.outputs) == len({o.path for o in result.outputs})
    assert sorted(o.path.name for o in documents(result.outputs)) == [
        "Jane-Doe-Cover-Letter.docx", "Jane-Doe-Resume.docx"]


def test_a_bad_target_fails_alone_with_every_problem_located(tmp_path):
    config = make_project(tmp_path, targets={**TWO_JOBS, "bad.yaml": "title: [Lead]\npages: 0\n"})
    result = resumekit.build(config, formats=["docx"])
    problems = _failure(result, "bad").problems
    assert [(p.line, p.field) for p in problems] == [(1, "title"), (2, "pages")]
    assert sorted({p.parent.name for p in delivered(tmp_path / "out")}) == ["acme", "globex"]


def test_a_target_id_that_climbs_out_is_refused_and_nothing_is_written(tmp_path):
    project = tmp_path / "project"
    config = make_project(project, targets={"evil.yaml": "id: ../evil\ntitle: Lead\n"})
    result = resumekit.build(config)
    [problem] = _failure(result, "evil").problems
    assert (problem.field, problem.line) == ("id", 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]
    assert not (project / "out").exists() or delivered(project / "out") == []


# --- the project's own files ------------------------------------------------------------------


def test_a_targets_folder_with_no_target_in_it_is_a_located_config_problem(tmp_path):
    config = make_project(tmp_path)
    config.write_text(config.read_text(encoding="utf-8") + "targets: jobs/\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_project(config)
    [problem] = caught.value.problems
    assert (problem.field, problem.line) == ("targets", 4)
    assert "'jobs/' names no target file" in problem.message


def test_an_unknown_theme_is_a_located_config_problem(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_project(make_project(tmp_path, theme="nope"))
    [problem] = caught.value.problems
    assert (problem.field, problem.line) == ("theme", 4)
    assert "theme 'nope' is neither a built-in theme" in problem.message


def test_a_target_following_an_unknown_application_fails_alone_with_a_suggestion(tmp_path):
    config = make_project(tmp_path, feedback="feedback.yaml", targets={
        "acme.yaml": "title: Lead\ncompany: Acme\napplication: acme-2025\n", "globex.yaml": "title: Analyst\n"})
    (tmp_path / "feedback.yaml").write_text("applications:\n  - id: acme-2026\n    employer: Acme\n", encoding="utf-8")
    project = load_project(config, keep_going=True)
    assert [t.id for t in project.targets] == ["globex"]
    [failure] = project.bad_targets
    [problem] = failure.error.problems
    assert (failure.target, problem.line, problem.field) == ("acme", 3, "application")
    assert problem.message.endswith("did you mean 'acme-2026'?")
    with pytest.raises(TargetError):
        load_project(config)  # without keep_going, a bad target stops the load


def test_inline_feedback_is_ignored_with_a_warning_when_the_config_names_a_feedback_file(tmp_path):
    config = make_project(tmp_path, profile=JANE + "feedback:\n  applications: []\n", feedback="feedback.yaml")
    (tmp_path / "feedback.yaml").write_text("applications: []\n", encoding="utf-8")
    [warning] = load_project(config).warnings
    assert (warning.field, warning.severity) == ("feedback", "warning")
    assert "ignored: the config names feedback.yaml as the feedback file" in warning.message


def test_a_profile_without_a_name_is_warned_about(tmp_path):
    project = load_project(make_project(tmp_path, profile=JANE.replace("  name: Jane Doe\n", "")))
    assert [w.field for w in project.warnings] == ["basics.name"]
    assert "the profile has no name" in project.warnings[0].message


def test_every_file_a_project_was_read_from_is_hashed(tmp_path):
    config = make_project(tmp_path, targets={"acme.yaml": "title: Lead\n"})
    hashed = {Path(p).name for p in load_project(config).input_hashes}
    assert {"resumekit.yaml", "profile.yaml", "acme.yaml"} <= hashed


# --- files outside the project (issue 8) ------------------------------------------------------


def test_a_missing_profile_is_located_at_the_config_line_that_names_it(tmp_path):
    config = make_project(tmp_path)
    (tmp_path / "profile.yaml").unlink()
    with pytest.raises(resumekit.ProfileError) as caught:
        load_project(config)
    [problem] = caught.value.problems
    assert str(problem) == f"{config}:1:10: profile: profile.yaml: file not found"


def test_a_profile_outside_the_project_is_refused_unless_allowed(tmp_path):
    project = tmp_path / "project"
    config = make_project(project)
    (project / "profile.yaml").rename(tmp_path / "profile.yaml")
    config.write_text(config.read_text(encoding="utf-8").replace("profile: profile.yaml", "profile: ../profile.yaml"),
                      encoding="utf-8")
    with pytest.raises(resumekit.ProfileError, match="allowOutside: true"):
        load_project(config)
    assert load_project(config, allow_outside=True).profile.basics.name == "Jane Doe"
    config.write_text(config.read_text(encoding="utf-8") + "allowOutside: true\n", encoding="utf-8")
    assert load_project(config).profile.basics.name == "Jane Doe"


@pytest.mark.parametrize("output", ["/", ".", "..", "../elsewhere", "profile.yaml"])
def test_the_output_folder_must_be_a_folder_inside_the_project(tmp_path, output):
    config = make_project(tmp_path / "project", output=output)
    with pytest.raises(ConfigError) as caught:
        load_project(config, allow_outside=True)  # the allowance is for inputs only
    assert [p.field for p in caught.value.problems] == ["output"]


def test_a_target_file_that_links_out_fails_alone(tmp_path):
    project = tmp_path / "project"
    config = make_project(project, targets=TWO_JOBS)
    (tmp_path / "evil.yaml").write_text("title: Lead\n", encoding="utf-8")
    (project / "targets" / "evil.yaml").symlink_to(tmp_path / "evil.yaml")
    loaded = load_project(config, keep_going=True)
    assert sorted(t.id or "" for t in loaded.targets) == ["acme", "globex"]
    [failure] = loaded.bad_targets
    [problem] = failure.error.problems
    assert (failure.target, problem.field) == ("evil", "targets")
    assert "targets/evil.yaml' links to" in problem.message


def test_a_local_image_outside_the_project_is_refused_at_its_line(tmp_path):
    profile = JANE.replace("  name: Jane Doe\n", "  name: Jane Doe\n  image: /etc/hostname\n")
    config = make_project(tmp_path, profile=profile)
    with pytest.raises(resumekit.ProfileError) as caught:
        load_project(config)
    [problem] = caught.value.problems
    assert (problem.field, problem.line) == ("basics.image", profile.splitlines().index("  image: /etc/hostname") + 1)


def test_a_user_theme_with_a_broken_font_or_reference_docx_is_located_at_the_theme_line(tmp_path):
    config = make_project(tmp_path, theme="mytheme")
    (tmp_path / "mytheme" / "fonts").mkdir(parents=True)
    (tmp_path / "mytheme" / "fonts" / "Broken.ttf").write_bytes(b"not a font")
    (tmp_path / "mytheme" / "reference.docx").write_bytes(b"not a zip")
    with pytest.raises(ConfigError) as caught:
        load_project(config)
    problems = caught.value.problems
    assert {p.field for p in problems} == {"theme"} and len(problems) == 2
    assert any("fonts/Broken.ttf" in p.message for p in problems)
    assert any("reference.docx" in p.message for p in problems)
