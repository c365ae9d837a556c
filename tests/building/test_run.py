"""Building a project: what is written where, reproducibility, atomic writes, no escape, no network."""

from __future__ import annotations

import pytest

import resumekit
from resumekit import ProfileError, TargetError
from resumekit.errors import BuildError, ResumekitError

from ..helpers import JANE, copy_project, delivered, make_project, snapshot

FILES = ["{name}-Cover-Letter.docx", "{name}-Cover-Letter.pdf", "{name}-Resume.docx", "{name}-Resume.pdf"]
TWO_JOBS = {"acme.yaml": "title: Lead Analyst\ncompany: Acme\n", "globex.yaml": "title: Analyst\ncompany: Globex\n"}


def documents(outputs):
    """The resumes and letters among a build's outputs (a build may write other files too)."""
    return [o for o in outputs if o.document in ("resume", "letter")]


def names_in(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.suffix in (".pdf", ".docx"))


def test_the_example_project_builds_every_document_for_every_target(example_build):
    targets = sorted(p.stem for p in (example_build.root / "targets").glob("*.yaml"))
    assert len(targets) >= 3
    for folder in targets:
        assert names_in(example_build.out / folder) == [f.format(name="Maya-Okafor") for f in FILES], folder


def test_the_general_version_is_built_on_request(example_build):
    assert names_in(example_build.out / "general") == [f.format(name="Maya-Okafor") for f in FILES]


def test_a_project_without_targets_builds_the_general_version(jane_build):
    assert names_in(jane_build.out / "general") == [f.format(name="Jane-Doe") for f in FILES]


def test_the_result_lists_every_file_it_built(example_build):
    outputs = example_build.result.outputs
    assert sorted(o.path for o in outputs) == [p for p in delivered(example_build.out) if "general" not in p.parts]
    assert {o.status for o in outputs} == {"built"}
    assert {(o.document, o.format) for o in documents(outputs)} == {
        ("resume", "pdf"), ("resume", "docx"), ("letter", "pdf"), ("letter", "docx")}


def test_the_example_project_builds_without_warnings_or_failures(example_build):
    assert (example_build.result.warnings, example_build.result.failures) == ([], [])


def test_building_again_gives_byte_identical_files(example_build, tmp_path):
    again = copy_project(example_build.root, tmp_path / "elsewhere")
    resumekit.build(again / "resumekit.yaml", targets=["general"])
    first = snapshot(example_build.out / "general")
    assert len(first) == 4
    assert snapshot(again / "out" / "general") == first


def test_a_forced_rebuild_in_place_gives_byte_identical_files(jane_build):
    before = snapshot(jane_build.out)
    result = resumekit.build(jane_build.root / "resumekit.yaml", force=True)
    assert len(result.built) == 4
    assert snapshot(jane_build.out) == before


def test_outputs_go_beside_the_config_whatever_the_working_folder(tmp_path, monkeypatch):
    config = make_project(tmp_path / "project", formats=["docx"], documents=["resume"])
    monkeypatch.chdir(tmp_path)
    resumekit.build(str(config.relative_to(tmp_path)))
    assert (tmp_path / "project" / "out" / "general" / "Jane-Doe-Resume.docx").is_file()
    assert not (tmp_path / "out").exists()


def test_only_the_chosen_targets_and_formats_are_built(tmp_path):
    config = make_project(tmp_path, targets=TWO_JOBS)
    result = resumekit.build(config, targets=["acme"], formats=["docx"])
    assert sorted(str(o.path.relative_to(tmp_path / "out")) for o in documents(result.outputs)) == [
        "acme/Jane-Doe-Cover-Letter.docx", "acme/Jane-Doe-Resume.docx"]
    assert sorted({p.parent.name for p in delivered(tmp_path / "out")}) == ["acme"]


def test_an_unknown_target_is_refused_naming_the_known_ones(tmp_path):
    config = make_project(tmp_path, targets={"acme.yaml": "title: Lead\n"})
    with pytest.raises(resumekit.UsageError, match="no target 'acme-lead'; known: acme, general"):
        resumekit.build(config, targets=["acme-lead"], formats=["docx"])
    assert not (tmp_path / "out").exists() or delivered(tmp_path / "out") == []


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


# --- nothing written outside the output folder --------------------------------------------


def test_a_target_id_that_climbs_out_is_refused_and_nothing_is_written(tmp_path):
    project = tmp_path / "project"
    config = make_project(project, targets={"evil.yaml": "id: ../evil\ntitle: Lead\n"})
    result = resumekit.build(config)
    [problem] = _failure(result, "evil").problems
    assert (problem.field, problem.line) == ("id", 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]
    assert not (project / "out").exists() or delivered(project / "out") == []


def test_a_name_with_slashes_cannot_move_the_files(tmp_path):
    config = make_project(tmp_path / "project", profile=JANE.replace("Jane Doe", "../../Jane/Doe"),
                          formats=["docx"])
    result = resumekit.build(config)
    out = tmp_path / "project" / "out" / "general"
    assert sorted(o.path.name for o in documents(result.outputs)) == [
        "Jane-Doe-Cover-Letter.docx", "Jane-Doe-Resume.docx"]
    assert all(o.path.parent == out for o in result.outputs)


def test_an_output_folder_that_is_a_link_elsewhere_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    config = make_project(tmp_path / "project", formats=["docx"], documents=["resume"])
    (tmp_path / "project" / "out").mkdir()
    (tmp_path / "project" / "out" / "general").symlink_to(elsewhere)
    with pytest.raises(BuildError, match="outside the output folder"):
        resumekit.build(config)
    assert list(elsewhere.iterdir()) == []


# --- a failed build leaves the previous documents as they were ------------------------------


@pytest.fixture
def built_once(tmp_path):
    """A project with two targets, built once (resume and letter, PDF and DOCX); its config."""
    config = make_project(tmp_path / "project", targets={
        "a-first.yaml": "company: Acme\n",                       # a letter without a subject line
        "b-second.yaml": "title: Lead Analyst\ncompany: Globex\n",  # a letter with one
    })
    resumekit.build(config)
    return config


def test_an_invalid_profile_leaves_the_previous_files(built_once):
    before = snapshot(built_once.parent / "out")
    (built_once.parent / "profile.yaml").write_text(JANE.replace("startDate: 2022-03", "startDate: [2022]"))
    with pytest.raises(ProfileError):
        resumekit.build(built_once)
    assert snapshot(built_once.parent / "out") == before


def test_a_broken_theme_leaves_the_previous_files(built_once):
    before = snapshot(built_once.parent / "out")
    theme = built_once.parent / "broken"
    theme.mkdir()
    (theme / "resume.html").write_text("<h1>{{ doc.name </h1>\n")  # an unclosed tag
    (theme / "letter.html").write_text("<h1>{{ doc.name </h1>\n")
    built_once.write_text(built_once.read_text() + "theme: broken\n")
    try:
        result = resumekit.build(built_once)
    except Exception:  # noqa: BLE001 (how it fails is test_cli's business; what it leaves is ours)
        pass
    else:
        assert not result.ok
    assert snapshot(built_once.parent / "out") == before


def test_a_target_that_fails_midway_keeps_all_its_previous_files(built_once):
    out = built_once.parent / "out"
    before = snapshot(out / "b-second")
    theme = built_once.parent / "midway"
    theme.mkdir()
    # A new look for every resume; a letter template that fails only when the letter has a
    # subject line: b-second's resume renders, then its letter fails.
    (theme / "resume.html").write_text("<html><body><h1>{{ doc.name }}</h1></body></html>\n")
    (theme / "letter.html").write_text(
        "<html><body><p>{{ doc.name }}</p>{% if doc.subject %}{{ doc.no_such_field }}{% endif %}</body></html>\n")
    built_once.write_text(built_once.read_text() + "theme: midway\n")
    try:
        result = resumekit.build(built_once)
    except Exception:  # noqa: BLE001
        pass
    else:
        assert [f.target for f in result.failures] == ["b-second"]
    assert snapshot(out / "b-second") == before


# --- no network ----------------------------------------------------------------------------


def test_a_remote_photo_is_warned_about_and_never_fetched(tmp_path, web_server):
    url, hits = web_server
    profile = JANE.replace("  name: Jane Doe\n", f"  name: Jane Doe\n  image: {url}/photo.jpg\n")
    config = make_project(tmp_path, profile=profile, formats=["pdf"], documents=["resume"])
    result = resumekit.build(config)
    assert hits == []
    assert any("basics.image" in w and f"{url}/photo.jpg" in w for w in result.warnings)


def test_every_user_error_is_a_resumekit_error(tmp_path):
    config = make_project(tmp_path, formats=["docx"], documents=["resume"])
    config.write_text(config.read_text() + "formats: [pdf, html]\n")
    with pytest.raises(ResumekitError):
        resumekit.build(config)
