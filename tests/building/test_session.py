"""What a build is asked to do (BuildOptions), and what a long-lived caller keeps warm (BuildSession)."""

from __future__ import annotations

import dataclasses

import pytest

import resumekit
from resumekit.building import BuildOptions, BuildSession

from ..build_fixtures import example_copy
from ..helpers import snapshot

NURSE = "riverside-nurse-educator"
"""The example's target with a one-page budget its resume runs over."""


def test_the_options_say_build_everything_in_this_process_by_default():
    options = BuildOptions()
    assert (options.targets, options.formats, options.force, options.strict, options.jobs) == ((), (), False, False, 1)


def test_options_cannot_change_under_a_running_build():
    with pytest.raises(dataclasses.FrozenInstanceError):
        BuildOptions().force = True  # type: ignore[misc]


def test_a_session_makes_its_layout_cache_once_and_keeps_it():
    session = BuildSession()
    assert session.layouts is session.layouts


@pytest.fixture(scope="module")
def nurse_config(tmp_path_factory: pytest.TempPathFactory):
    """The example project with only its one-page target."""
    return example_copy(tmp_path_factory.mktemp("session") / "project", targets=f"targets/{NURSE}.yaml")


def test_a_session_remembers_each_budgeted_targets_answer_and_builds_the_same_files(nurse_config, tmp_path):
    session = BuildSession()
    first = resumekit.build(nurse_config, formats=["pdf"], session=session)
    assert first.ok, [str(f.error) for f in first.failures]
    [(key, dropped)] = session.fitted.items()
    assert key.startswith(f"{NURSE}:1:") and dropped > 0
    files = snapshot(nurse_config.parent / "out")
    again = resumekit.build(nurse_config, formats=["pdf"], force=True, session=session)
    assert len(again.built) == len(first.built)
    assert session.fitted == {key: dropped}
    assert snapshot(nurse_config.parent / "out") == files


EDITS = [("  label: Data Analyst", "  label: Data Analyst (edited)"),  # no height changes
         ("Built the dbt models", "Made the dbt models"),  # a droppable piece changes
         ("  label: Data Analyst", "  label: " + "Data Analyst " * 80)]  # the header grows lines


@pytest.fixture(scope="module")
def render_pool():
    """watch's two warm rendering processes."""
    from resumekit.building.watch import render_pool

    pool = render_pool()
    yield pool
    if pool is not None:
        pool.shutdown()


@pytest.mark.parametrize("pooled", [False, True], ids=["here", "with watch's render pool"])
@pytest.mark.parametrize("edit", EDITS, ids=["label", "bullet", "header grows"])
def test_after_an_edit_a_sessions_settled_budget_builds_a_cold_builds_bytes(tmp_path, edit, pooled, request):
    """The page budget's answer kept with its layout's heights (what watch keeps): the
    rebuilt files are those a cold build of the edited project writes. With watch's render
    pool, the letter and the DOCX set off on the kept answer before one layout confirms it,
    and are made again where it does not hold."""
    config = example_copy(tmp_path / "warm", targets="targets/acme-lead.yaml")
    session = BuildSession(render_pool=request.getfixturevalue("render_pool") if pooled else None)
    assert resumekit.build(config, session=session).ok
    assert session.settled
    profile = config.parent / "profile.yaml"
    text = profile.read_text(encoding="utf-8")
    assert edit[0] in text
    profile.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    assert resumekit.build(config, session=session).ok
    cold = example_copy(tmp_path / "cold", targets="targets/acme-lead.yaml")
    (cold.parent / "profile.yaml").write_text(profile.read_text(encoding="utf-8"), encoding="utf-8")
    assert resumekit.build(cold).ok
    assert snapshot(config.parent / "out") == snapshot(cold.parent / "out")
