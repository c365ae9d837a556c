"""Fitting a page budget: the fewest least-relevant pieces dropped, checked by real layout.

The first tests drive ``fit_pages`` with a stand-in for layout (pages counted from the
profile's size), so the search itself is checked; the rest read the example project's
real PDFs, built once per session by the ``seeded_*`` fixtures.
"""

from __future__ import annotations

import math

import pytest
from pypdf import PdfReader

from resumekit.building.plan import options_for, plan_target
from resumekit.documents import Options, build_resume
from resumekit.models import Profile
from resumekit.rendering.pdf import measure_pages
from resumekit.tailoring import Tailored, tailor
from resumekit.tailoring.fitting import fit_pages
from resumekit.tailoring.selection import NO_EVIDENCE

from ..tailoring_fixtures import DATA_JOB, RESUME, flat, pdf_pages, pdf_text, profile, target


class Pages:
    """A stand-in for layout: a page per ``chars`` characters of the profile, the last page
    ``fill`` full; counts how often it is asked."""

    def __init__(self, chars: int, fill: float) -> None:
        self.chars, self.fill, self.calls = chars, fill, 0

    def __call__(self, p: Profile) -> tuple[int, float]:
        self.calls += 1
        return math.ceil(len(p.model_dump_json()) / self.chars), self.fill


@pytest.fixture(scope="module")
def tailored() -> Tailored:
    """The data-and-nursing profile tailored to a data job: its nursing side may go first."""
    return tailor(profile(), target(DATA_JOB, id="data"))


def fewest_that_fit(tailored: Tailored, budget: int, measure: Pages) -> int:
    return next(n for n in range(len(tailored.droppable) + 1)
                if measure(tailored.drop(n).profile)[0] <= budget)


def test_a_resume_within_its_budget_loses_nothing(tailored):
    assert fit_pages(tailored, 3, Pages(1000, 0.95)) is tailored


def test_an_over_budget_resume_loses_the_fewest_least_relevant_pieces(tailored):
    measure = Pages(1000, 0.95)  # a nearly full last page: nothing can be given back
    fitted = fit_pages(tailored, 2, measure)
    assert measure(fitted.profile)[0] <= 2
    expected = fewest_that_fit(tailored, 2, measure)
    assert 0 < expected < len(tailored.droppable)
    assert [d.label for d in fitted.dropped] == [u.place.label for u in tailored.droppable[:expected]]
    assert {d.reason for d in fitted.dropped} <= {"page budget", NO_EVIDENCE}


def test_when_the_last_page_has_room_a_more_relevant_piece_is_given_back(tailored):
    measure = Pages(950, 0.1)
    fitted = fit_pages(tailored, 2, measure)
    assert measure(fitted.profile)[0] <= 2
    fewest = fewest_that_fit(tailored, 2, measure)
    assert fewest >= 2
    prefix = [u.place.label for u in tailored.droppable[:fewest + 1]]
    assert [d.label for d in fitted.dropped] != prefix[:fewest]  # something was given back
    assert {d.label for d in fitted.dropped} <= set(prefix)


def test_a_resume_that_cannot_fit_loses_everything_optional_and_says_so(tailored):
    fitted = fit_pages(tailored, 1, Pages(300, 0.95))
    assert len(fitted.dropped) == len(tailored.droppable)
    assert any("still over 1 page(s)" in note for note in fitted.notes)


def test_a_remembered_answer_is_confirmed_with_two_layouts_instead_of_a_search(tailored):
    memo: dict[str, int] = {}
    first = Pages(1000, 0.95)
    answer = fit_pages(tailored, 2, first, memo)
    again = Pages(1000, 0.95)
    assert fit_pages(tailored, 2, again, memo).dropped == answer.dropped
    assert again.calls == 2 < first.calls


def test_a_last_page_full_to_the_brim_does_not_fit_so_the_docx_keeps_to_the_budget(tailored):
    brim = Pages(10**6, 0.99)  # one page, 99% full: Word would spill it onto a second
    fitted = fit_pages(tailored, 1, brim)
    assert fitted is not tailored and len(fitted.dropped) == len(tailored.droppable)
    assert fit_pages(tailored, 1, Pages(10**6, 0.96)) is tailored


def test_fitting_changes_neither_the_tailored_profile_nor_its_record(tailored):
    before = (tailored.profile.model_dump(), tailored.dropped)
    fit_pages(tailored, 2, Pages(1000, 0.95))
    assert (tailored.profile.model_dump(), tailored.dropped) == before


# --- the example's real pages ---------------------------------------------------------------------


def test_a_one_page_budget_renders_to_exactly_one_page(seeded_out):
    assert pdf_pages(seeded_out / "riverside-nurse-educator" / f"{RESUME}.pdf") == 1


def test_without_the_budget_the_same_resume_runs_longer(seeded_project):
    job = seeded_project.target("riverside-nurse-educator").model_copy(update={"pages": None})
    unbudgeted = plan_target(seeded_project, job)
    doc = build_resume(unbudgeted.profile, options_for(seeded_project, job))
    assert measure_pages(doc, seeded_project.theme, seeded_project.root)[0] >= 2


def test_the_report_lists_what_the_page_budget_left_out(seeded_out, seeded_plans):
    report = (seeded_out / "riverside-nurse-educator" / "report.md").read_text(encoding="utf-8")
    left = report.split("## Left out of this resume", 1)[1]
    budget = [line for line in left.splitlines() if line.endswith(("(page budget)", f"({NO_EVIDENCE})"))]
    assert len(budget) == len(seeded_plans["riverside-nurse-educator"].tailored.dropped) > 0
    resume = flat(pdf_text(seeded_out / "riverside-nurse-educator" / f"{RESUME}.pdf"))
    for gone in seeded_plans["riverside-nurse-educator"].tailored.dropped:
        if gone.text != "the whole entry" and gone.place and gone.place.section in ("work", "volunteer", "projects"):
            assert flat(gone.text) not in resume, gone.text


def test_no_role_goes_and_each_keeps_its_top_highlight(seeded_out, seeded_project, seeded_plans):
    resume = flat(pdf_text(seeded_out / "riverside-nurse-educator" / f"{RESUME}.pdf"))
    tailored = seeded_plans["riverside-nurse-educator"].tailored
    unbudgeted = tailored.drop(0)
    assert [e.name for e in tailored.profile.work] == [e.name for e in seeded_project.profile.work]
    for entry in unbudgeted.profile.work:
        assert flat(entry.name) in resume
        assert flat(entry.highlights[0].text) in resume, entry.name


def test_a_target_without_a_budget_drops_nothing(seeded_plans):
    for tid, plan in seeded_plans.items():
        if plan.target.pages is None:
            assert plan.tailored.dropped == (), tid


def test_a_two_page_budget_keeps_what_fits_on_two_pages(seeded_out):
    for tid in ("acme-lead", "brightpath-analyst"):  # pages: 2 in the example
        assert len(PdfReader(seeded_out / tid / "Maya-Okafor-Resume.pdf").pages) == 2


# --- the budget keeps the best evidence -----------------------------------------------------------


def test_one_page_never_costs_the_best_evidence_while_an_old_unmatched_entry_keeps_a_bullet():
    """A backend engineer's one-page resume for a reliability role, laid out for real."""
    import yaml

    from resumekit.loading import load_profile
    from resumekit.models.target import Target
    from resumekit.rendering.theme import Theme
    from resumekit.tailoring.evidence import best_highlights

    from ..helpers import REPO

    pair = REPO / "tests" / "evaluation" / "ranking" / "backend"
    job = Target.model_validate({**yaml.safe_load((pair / "target.yaml").read_text(encoding="utf-8")), "pages": 1})
    tailored = tailor(load_profile(pair / "profile.yaml"), job)
    theme = Theme.named("classic")
    fitted = fit_pages(tailored, 1, lambda p: measure_pages(build_resume(p, Options()), theme))
    assert measure_pages(build_resume(fitted.profile, Options()), theme)[0] == 1
    required = [t.name for t in tailored.terms if t.public_kind == "required"]
    best = {u.text for u in best_highlights(required, tailored.units, tailored.weights).values()}
    kept = {h.text for e in fitted.profile.work for h in e.highlights}
    lost = best - kept
    old_unmatched = [u for u in tailored.units if (u.place.section, u.place.entry) in tailored.unmatched
                     and u.place.highlight is not None and u.text in kept]
    assert not (lost and old_unmatched), (lost, [u.text for u in old_unmatched])
    assert best <= kept  # this profile fits one page without losing any of them
    assert tailored.unmatched  # the college retail job matches nothing here
    gone = {d.place.entry for d in fitted.dropped if d.place and d.place.section == "work"}
    assert gone  # it shrank first
