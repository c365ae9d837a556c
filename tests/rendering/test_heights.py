"""The model of a resume's laid-out heights: it foretells its own pages exactly, a shorter
resume's nearly, and says nothing of boxes it does not know."""

from __future__ import annotations

import pytest

from resumekit.building.language import translated_profile
from resumekit.building.plan import options_for, resume_of
from resumekit.building.project import load_project
from resumekit.rendering.heights import page_model
from resumekit.rendering.pdf import measure_pages
from resumekit.tailoring import tailor

from ..helpers import PROFILES


@pytest.fixture(scope="module")
def example():
    project = load_project(PROFILES / "resumekit.yaml", False, keep_going=True)
    target = next(t for t in project.targets if t.id == "riverside-nurse-educator")
    tailored = tailor(translated_profile(project, target)[0], target, project.feedback, project.taxonomy)
    options = options_for(project, target)

    def measure(count):
        return measure_pages(resume_of(tailored.drop(count).profile, None, options), project.theme, project.root)

    pieces = [(u.text, u.place.name, "entry" if u.place.highlight is None else
               "details" if u.place.highlight == -1 else "bullet") for u in tailored.droppable]
    return measure, pieces


def test_the_model_of_a_layout_gives_back_that_layouts_pages(example):
    measure, _ = example
    whole = measure(0)
    assert whole.model is not None and whole[0] >= 3
    pages, fill = whole.model.pages_without([])
    assert pages == whole[0] and fill == pytest.approx(whole[1], abs=0.01)


@pytest.mark.parametrize("count", [5, 15, 25, 32])
def test_the_model_foretells_a_shorter_resume_within_a_tenth_of_a_page(example, count):
    measure, pieces = example
    model = measure(0).model
    real = measure(count)
    pages, fill = model.pages_without(pieces[:count])
    assert abs((pages + fill) - (real[0] + real[1])) < 0.1, (pages, fill, tuple(real))


def test_every_piece_of_the_example_is_found_among_the_blocks(example):
    measure, pieces = example
    model = measure(0).model
    assert model._removed(pieces)[2] == 0  # the height of pieces no block holds


def test_a_piece_no_block_holds_still_shortens_the_resume_by_its_length(example):
    measure, _ = example
    model = measure(0).model
    stranger = ("Wrote a thousand words that are not on this resume at all " * 4, "Nowhere", "bullet")
    assert model.pages_without([stranger]) < model.pages_without([])


def test_boxes_it_does_not_know_give_no_model():
    assert page_model([object()]) is None
    assert page_model([]) is None
