"""The page budget's search, guided by the first layout's heights, against the search without
them (the lengths of the pieces' text, a gallop and a bisection): the same answer, on the
example's targets and on the labelled profile-and-job pairs of tests/evaluation/ranking/,
in at most three layouts of the resume.

Each measure here is real layout (WeasyPrint); the plain one hides the model of heights
that the layout gives, as a measure without it would.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from resumekit.building.language import translated_profile
from resumekit.building.plan import options_for, resume_of
from resumekit.building.project import Project, load_project
from resumekit.rendering.pdf import measure_pages
from resumekit.tailoring import Tailored, tailor
from resumekit.tailoring.fitting import fit_pages

from ..build_fixtures import example_copy
from ..helpers import PROFILES, REPO

PAIRS = REPO / "tests" / "evaluation" / "ranking"


class Layouts:
    """The real measure of a target's resume, counting its layouts; ``plain`` hides the model."""

    def __init__(self, project: Project, tailored: Tailored, plain: bool) -> None:
        target = tailored.target
        self.project, self.plain, self.calls = project, plain, 0
        self.options = options_for(project, target)
        self.bold = tailored if target.boldMatchedTerms else None

    def __call__(self, profile):
        self.calls += 1
        measured = measure_pages(resume_of(profile, self.bold, self.options), self.project.theme,
                                 self.project.root)
        return (measured[0], measured[1]) if self.plain else measured


def _pair_project(name: str, dest: Path) -> Path:
    (dest / "targets").mkdir(parents=True)
    shutil.copy(PAIRS / name / "profile.yaml", dest / "profile.yaml")
    shutil.copy(PAIRS / name / "target.yaml", dest / "targets" / "target.yaml")
    config = dest / "resumekit.yaml"
    config.write_text("profile: profile.yaml\ntargets: targets/\ntheme: classic\n", encoding="utf-8")
    return config


def _tailored(config: Path, target_id: str) -> tuple[Project, Tailored]:
    """The project and its target's tailored profile, as a build makes it before fitting."""
    project = load_project(config, False, keep_going=True)
    target = next(t for t in project.targets if t.id == target_id)
    return project, tailor(translated_profile(project, target)[0], target, project.feedback, project.taxonomy)


CASES = [("example", target, budget) for target in ("acme-lead", "brightpath-analyst", "riverside-nurse-educator")
         for budget in (1, 2)] + [(pair.name, "target", 1) for pair in sorted(PAIRS.iterdir()) if pair.is_dir()]


@pytest.mark.parametrize(("project_name", "target_id", "budget"), CASES)
def test_the_guided_search_finds_todays_answer_in_at_most_three_layouts(tmp_path, project_name, target_id, budget):
    config = PROFILES / "resumekit.yaml" if project_name == "example" else _pair_project(project_name, tmp_path)
    project, tailored = _tailored(config, target_id)
    plain, guided = Layouts(project, tailored, plain=True), Layouts(project, tailored, plain=False)
    today, now = fit_pages(tailored, budget, plain), fit_pages(tailored, budget, guided)
    assert [d.label for d in now.dropped] == [d.label for d in today.dropped]
    assert now.notes == today.notes
    assert guided.calls <= 3, f"{guided.calls} layouts (the plain search took {plain.calls})"


@pytest.mark.parametrize("target_id", ["acme-lead", "riverside-nurse-educator"])
def test_an_edit_that_changes_no_height_keeps_the_settled_answer_on_one_layout(tmp_path, target_id):
    """As watch keeps it: the answer stands on one layout while no height changes, and is
    the cold search's answer after every edit."""
    budget = 2
    config = example_copy(tmp_path / "example")
    profile = config.parent / "profile.yaml"
    memo: dict = {}
    settled: dict = {}
    project, tailored = _tailored(config, target_id)
    first = fit_pages(tailored, budget, Layouts(project, tailored, plain=False), memo, settled=settled)
    assert settled and not first.notes, "the answer was not remembered"

    original = profile.read_text(encoding="utf-8")
    edits = {
        "a label of the same length": original.replace("  label: Data Analyst", "  label: Data Analyzt", 1),
        "a long label (the header grows)": original.replace("  label: ", "  label: " + "Very long " * 30, 1),
        "a highlight reworded (a piece changes)": original.replace("Built the dbt models", "Made the dbt models", 1),
    }
    for what, text in edits.items():
        assert text != original, what
        profile.write_text(text, encoding="utf-8")
        project, tailored = _tailored(config, target_id)
        warm = Layouts(project, tailored, plain=False)
        kept = dict(settled)
        now = fit_pages(tailored, budget, warm, dict(memo), settled=kept)
        cold = fit_pages(tailored, budget, Layouts(project, tailored, plain=True))
        assert [d.label for d in now.dropped] == [d.label for d in cold.dropped], what
        assert [u.text for u in now.units] == [u.text for u in cold.units], what
        if what.startswith("a label"):
            assert warm.calls == 1, f"{what}: {warm.calls} layouts, where one confirms the settled answer"
    assert [d.label for d in first.dropped]
