"""Fitting a page budget: drop the fewest least-relevant pieces, checked by real layout.

Layout is the costly step (a fifth of a second for a two-page resume), so the search is
frugal. The first layout measures the height of every block and bullet (see
:mod:`resumekit.rendering.heights`), which foretells the pages of the resume without any
number of pieces: the fewest it says fit, less one, is the first guess, and two layouts
confirm it where the model is right or one too many (it errs on that side: it cannot see
an entry's head set on one line once its last bullet goes). Otherwise (and where the
measure gives no model) a gallop from the guess and a binary search finish the job,
relying on one fact: dropping more never adds pages, so the answer is the one a full
search finds. Then, when the last page has room, the most relevant dropped pieces small
enough to fit are offered back, one layout each.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import Any, Protocol

from ..models.profile import Profile
from .pieces import DETAILS
from .selection import Tailored, Unit

Measure = Callable[[Profile], tuple[int, float]]
"""A profile -> (pages, how full the last page is, 0 to 1)."""

LINES_PER_PAGE = 40
"""Lines of body text on a page of the classic theme, about; only the first guess uses it."""
LINE_CHARS = 95
FULL = 0.92
"""How full a page counts as full: entries are kept whole, so pages break a little early."""
ROOM_FOR_WORD = 0.97
"""How full the budget's last page may be: Word and LibreOffice set the DOCX a few points
longer than the PDF, so a resume fitted to the brim of its last page would spill over in
the DOCX; this keeps the last 3% (about two lines) free."""
GIVE_BACK = 3
"""How many dropped pieces are offered back when the last page has room."""


class PageModel(Protocol):
    """What a layout measured, as :class:`resumekit.rendering.heights.PageModel` gives it."""

    def pages_without(self, pieces: Sequence[tuple[str, str, str]]) -> tuple[int, float]: ...


@dataclass(frozen=True)
class Settled:
    """A target's last page-budget answer, and what it was found on: every droppable piece
    (text, place, score, matched terms) and every block height of the answer's layout."""

    count: int
    keep: frozenset[int]
    pieces: tuple[Any, ...]
    shape: tuple[Any, ...]


def _shape(measured: tuple[int, float]) -> tuple[Any, ...] | None:
    """What a layout's pagination rests on: its page count, last page's fill, and the height,
    ink, gap and break of every block and bullet, without their text; ``None`` with no model."""
    model = getattr(measured, "model", None)
    if model is None:
        return None
    return (*measured, model.page_height, tuple(
        (b.height, b.ink, b.gap, b.section, b.heading, b.starts_page, tuple(h for _, h in b.items))
        for b in model.blocks))


def within(pages: int, fill: float, budget: int) -> bool:
    """Whether ``pages`` pages, the last ``fill`` full, keep to ``budget`` in the PDF and the DOCX."""
    return pages < budget or (pages == budget and fill <= ROOM_FOR_WORD)


def lines_of(unit: Unit) -> int:
    """About how many lines a droppable piece takes: its text, and a heading for an entry."""
    text = max(1, -(-len(unit.text) // LINE_CHARS))
    return text + (2 if unit.place.highlight is None else 0)


def fit_pages(
    tailored: Tailored, budget: int, measure: Measure, memo: MutableMapping[str, int] | None = None,
    measure_aside: Callable[[Profile], Future[tuple[int, float]]] | None = None,
    settled: MutableMapping[str, Settled] | None = None,
) -> Tailored:
    """``tailored`` with the fewest least-relevant pieces dropped to fit ``budget`` pages.

    ``memo`` remembers each target's answer within a process (``watch`` keeps one): an
    edit seldom changes it, and confirming it takes two layouts, not a search; with
    ``measure_aside`` (another process) the two run side by side.

    ``settled`` (``watch`` keeps one too) remembers the answer with what it rested on. An
    edit that leaves every droppable piece as it was, and every block of the answer's
    layout as high as it was (a new label, a phone number, a skill of the same length),
    leaves every layout the search and the give-back would make paginated as before, so
    the answer stands on that one layout, which is the one the PDF is written from.
    """
    seen: dict[int, tuple[int, float]] = {}
    key = _key(tailored, budget)
    pieces = tuple(tailored.droppable)
    kept = settled_answer(tailored, budget, settled) if settled is not None else None
    if kept is not None:
        last, answer, confirmed = kept

        def seen_too(profile: Profile) -> tuple[int, float]:  # the search after a miss reuses it
            measured = seen[last.count] = measure(profile)
            return measured
        if confirmed(seen_too if not last.keep else measure):
            return answer

    def remember(count: int, keep: frozenset[int], measured: tuple[int, float]) -> None:
        shape = _shape(measured)
        if settled is not None and shape is not None:
            settled[key] = Settled(count, keep, pieces, shape)

    def layout(count: int) -> tuple[int, float]:
        if count not in seen:
            seen[count] = measure(tailored.drop(count).profile)
        return seen[count]

    def fits(count: int) -> bool:
        return within(*layout(count), budget)

    most = len(tailored.droppable)
    hint = memo.get(key) if memo is not None else None
    if hint is not None and 0 < hint <= most:
        if measure_aside is not None:
            aside = measure_aside(tailored.drop(hint - 1).profile)
            layout(hint)
            seen[hint - 1] = aside.result()
        if fits(hint) and not fits(hint - 1):
            return _give_back(tailored, hint, budget, layout(hint), measure, remember)
    pages, fill = layout(0)
    if within(pages, fill, budget):
        if memo is not None:
            memo.pop(key, None)
        remember(0, frozenset(), seen[0])
        return tailored
    model = getattr(seen[0], "model", None)
    guess = (max(1, _foretold(tailored, budget, model, 0, most) - 1) if model is not None
             else _from_lengths(tailored, pages, fill, budget))
    high = _fewest(tailored, budget, fits, seen, guess)
    if high is None:
        dropped = tailored.drop(most)
        return replace(dropped, notes=(*dropped.notes, f"still over {budget} page(s) with everything "
                                       "optional left out; shorten the profile or raise 'pages'"))
    if memo is not None:
        memo[key] = high
    return _give_back(tailored, high, budget, layout(high), measure, remember)


def _key(tailored: Tailored, budget: int) -> str:
    return f"{tailored.target.id}:{budget}:{len(tailored.droppable)}"


def settled_answer(tailored: Tailored, budget: int, settled: MutableMapping[str, Settled]
                   ) -> tuple[Settled, Tailored, Callable[[Measure], bool]] | None:
    """The record ``settled`` keeps for ``tailored`` where its pieces are as they were, its
    answer, and how to confirm it (one layout, by the measure given); ``None`` where there
    is none. A
    caller may start on the answer's other documents before it is confirmed, as ``watch``
    does, and must search again (:func:`fit_pages`) where it is not: the answer is then
    forgotten, so the search does not try it again."""
    key = _key(tailored, budget)
    last = settled.get(key)
    if last is None or last.pieces != tuple(tailored.droppable):
        return None
    answer = tailored.drop(last.count, last.keep)

    def confirmed(measure: Measure) -> bool:
        if _shape(measure(answer.profile)) == last.shape:
            return True
        settled.pop(key, None)
        return False
    return last, answer, confirmed


def _from_lengths(tailored: Tailored, pages: int, fill: float, budget: int) -> int:
    """The first guess from the pieces' lengths in characters, where no model measured them."""
    over = ((pages - 1 + fill) - budget * FULL) * LINES_PER_PAGE
    sizes = list(accumulate(lines_of(u) for u in tailored.droppable))
    return next((n for n, total in enumerate(sizes, 1) if total >= over), len(sizes))


def _pieces(tailored: Tailored) -> list[tuple[str, str, str]]:
    return [(u.text, u.place.name, "entry" if u.place.highlight is None else
             "details" if u.place.highlight == DETAILS else "bullet") for u in tailored.droppable]


def _foretold(tailored: Tailored, budget: int, model: PageModel, low: int, upper: int) -> int:
    """The fewest pieces to drop, more than ``low`` and at most ``upper``, that ``model`` (the
    layout with ``low`` dropped) says fit; ``upper`` if it says none do. By bisection: the
    model too never adds pages for a piece dropped."""
    pieces = _pieces(tailored)[low:upper]
    below, above = 0, len(pieces)  # the model's answer, counted from low, is in (below, above]
    while above - below > 1:
        middle = (below + above) // 2
        if within(*model.pages_without(pieces[:middle]), budget):
            above = middle
        else:
            below = middle
    return low + max(1, above)


def _fewest(tailored: Tailored, budget: int, fits: Callable[[int], bool],
            seen: MutableMapping[int, tuple[int, float]], guess: int) -> int | None:
    """The fewest pieces to drop that fit (``None`` when dropping all of them does not), by
    layouts from ``guess``. A guess that fits is followed by one fewer (then two, four...),
    which confirms it; one over budget by what the model of its own layout foretells (it is
    nearer the answer than the first), or, with no model or after three misses in a row, by
    a gallop up; between two known counts that no guess picked, bisection. Every answer is
    a real layout, and dropping more never adds pages, so it is the one a full search finds."""
    most = len(tailored.droppable)
    low, high = 0, None
    probe, down, up, misses, guessed = max(1, min(guess, most)), 1, 1, 0, True
    while True:
        if fits(probe):
            high, misses = probe, 0
        else:
            low, misses = probe, misses + 1
        if high is not None and high - low <= 1:
            return high
        if high is None and low >= most:
            return None
        if probe == high and guessed:
            probe, down = max(low + 1, high - down), down * 2
            continue
        down = 1
        model = getattr(seen.get(low), "model", None)
        guessed = model is not None and misses < 3 and probe == low
        if guessed and model is not None:
            probe = _foretold(tailored, budget, model, low, high - 1 if high is not None else most)
        elif high is None:
            probe, up = min(low + up, most), up * 2
        else:
            probe = (low + high) // 2


def _give_back(tailored: Tailored, count: int, budget: int, measured: tuple[int, float], measure: Measure,
               remember: Callable[[int, frozenset[int], tuple[int, float]], None]) -> Tailored:
    """Offer back the most relevant dropped pieces that the last page has room for; tell
    ``remember`` the answer and its layout."""
    keep: frozenset[int] = frozenset()
    room = (FULL - measured[1]) * LINES_PER_PAGE
    for index in range(count - 2, max(count - 2 - GIVE_BACK, -1), -1):
        if lines_of(tailored.droppable[index]) > room + 1:
            continue  # too big for the room left: not worth a layout
        offered = measure(tailored.drop(count, keep | {index}).profile)
        if within(*offered, budget):
            keep, measured = keep | {index}, offered
            room = (FULL - offered[1]) * LINES_PER_PAGE
    remember(count, keep, measured)
    return tailored.drop(count, keep)
