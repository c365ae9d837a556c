"""Fitting a page budget: drop the fewest least-relevant pieces, checked by real layout.

Layout is the costly step (a fifth of a second for a two-page resume), so the search is
frugal. The first layout says how far over the budget the resume runs; the pieces'
lengths turn that into a first guess of how many to drop; a gallop from the guess and a
binary search finish the job, relying on one fact: dropping more never adds pages. Then,
when the last page has room, the most relevant dropped pieces small enough to fit are
offered back, one layout each.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from concurrent.futures import Future
from dataclasses import replace
from itertools import accumulate

from ..models.profile import Profile
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
) -> Tailored:
    """``tailored`` with the fewest least-relevant pieces dropped to fit ``budget`` pages.

    ``memo`` remembers each target's answer within a process (``watch`` keeps one): an
    edit seldom changes it, and confirming it takes two layouts, not a search; with
    ``measure_aside`` (another process) the two run side by side.
    """
    seen: dict[int, tuple[int, float]] = {}
    key = f"{tailored.target.id}:{budget}:{len(tailored.droppable)}"

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
            return _give_back(tailored, hint, budget, layout(hint)[1], measure)
    pages, fill = layout(0)
    if within(pages, fill, budget):
        if memo is not None:
            memo.pop(key, None)
        return tailored
    over = ((pages - 1 + fill) - budget * FULL) * LINES_PER_PAGE
    sizes = list(accumulate(lines_of(u) for u in tailored.droppable))
    guess = next((n for n, total in enumerate(sizes, 1) if total >= over), most)

    # Bracket the answer between low (over budget) and high (fits), galloping from the guess.
    low, high = 0, None
    step = 1
    if fits(guess):
        high = guess
        while high - step > low:
            if fits(high - step):
                high, step = high - step, step * 2
            else:
                low = high - step
                break
    else:
        low = guess
        while high is None:
            probe = min(low + step, most)
            if fits(probe):
                high = probe
            elif probe == most:
                dropped = tailored.drop(most)
                return replace(dropped, notes=(*dropped.notes, f"still over {budget} page(s) with "
                                               "everything optional left out; shorten the profile "
                                               "or raise 'pages'"))
            else:
                low, step = probe, step * 2
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            high = middle
        else:
            low = middle
    if memo is not None:
        memo[key] = high
    return _give_back(tailored, high, budget, layout(high)[1], measure)


def _give_back(tailored: Tailored, count: int, budget: int, fill: float, measure: Measure) -> Tailored:
    """Offer back the most relevant dropped pieces that the last page has room for."""
    keep: frozenset[int] = frozenset()
    room = (FULL - fill) * LINES_PER_PAGE
    for index in range(count - 2, max(count - 2 - GIVE_BACK, -1), -1):
        if lines_of(tailored.droppable[index]) > room + 1:
            continue  # too big for the room left: not worth a layout
        pages, new_fill = measure(tailored.drop(count, keep | {index}).profile)
        if within(pages, new_fill, budget):
            keep |= {index}
            room = (FULL - new_fill) * LINES_PER_PAGE
    return tailored.drop(count, keep)
