"""What one layout of a resume measured, to foretell the pages of a shorter one.

Fitting a page budget (:mod:`resumekit.tailoring.fitting`) asks how many of the least
relevant pieces must go. Each answer it checks is a full layout; this model gives it a
first guess from the one layout it has already made: the height of every block pages do
not split (a heading with the block after it, an entry, a line of skills) and of every
bullet in an entry, as WeasyPrint set them, and where the sections start pages. Taking
pieces out shortens their blocks, and the blocks are paged again, greedily, as
WeasyPrint pages them. The guess is only a guess: the search confirms it by layout.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

Piece = tuple[str, str, str]
"""A piece of the resume: its text, the name of its entry, and what it is: ``entry`` (the
whole entry), ``bullet`` (a highlight) or ``details`` (an education's courses and grade)."""

KEY_CHARS = 40
"""How much of a text (its letters and digits) tells one bullet from another."""
MIN_INSIDE = 12
"""A bullet found inside another's text (a bolded term, a prefix) must be at least this long."""


def _key(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


@dataclass(frozen=True)
class Block:
    """A part of a page that pages never split, and the bullets in it."""

    key: str
    height: float
    ink: float
    """From its top to the bottom of its last line: what must fit above a page's end."""
    gap: float
    """The space above it, after the block before it on the same page (none at a page's top)."""
    section: int
    heading: bool = False
    """A section's heading: kept on the page of the block after it."""
    starts_page: bool = False
    items: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class PageModel:
    """The blocks of a laid-out resume in order, and the height of a page's text area."""

    page_height: float
    blocks: tuple[Block, ...]

    def pages_without(self, pieces: Sequence[Piece]) -> tuple[int, float]:
        """How many pages the resume would take without ``pieces``, and how full its last one."""
        gone, shorter, unplaced = self._removed(pieces)
        kept = {b.section for i, b in enumerate(self.blocks) if i not in gone and not b.heading}
        heights = [0.0 if i in gone or (b.heading and b.section not in kept) else b.height - shorter.get(i, 0.0)
                   for i, b in enumerate(self.blocks)]
        shown = [i for i, height in enumerate(heights) if height > 0]
        pages, used, ink = 1, 0.0, 0.0
        for n, i in enumerate(shown):
            block = self.blocks[i]
            after = self.blocks[shown[n + 1]] if block.heading and n + 1 < len(shown) else None
            need = heights[i] + after.ink - (after.height - heights[shown[n + 1]]) if after else \
                block.ink - (block.height - heights[i])
            gap = block.gap if used else 0.0
            if used and (block.starts_page or used + gap + need > self.page_height):
                pages, used, gap = pages + 1, 0.0, 0.0
            ink = used + gap + block.ink - (block.height - heights[i])
            used += gap + heights[i]
        used = ink - unplaced
        while used < 0 and pages > 1:
            pages, used = pages - 1, used + self.page_height
        return pages, max(0.0, min(1.0, used / self.page_height))

    def _removed(self, pieces: Iterable[Piece]) -> tuple[set[int], dict[int, float], float]:
        """The blocks that go, how much shorter others get, and the height of pieces not found."""
        gone: set[int] = set()
        shorter: dict[int, float] = {}
        unplaced = 0.0
        claimed: set[tuple[int, int]] = set()
        for text, name, kind in pieces:
            if kind == "details":
                spots = self._details(text, name, claimed)
            elif kind == "entry":  # by its text, which starts as its block does, else by its name
                spot = self._find(_key(text), True, claimed) or self._find(_key(name), True, claimed)
                spots = [spot] if spot else []
            else:
                spot = self._find(_key(text), False, claimed)
                spots = [spot] if spot else []
            if not spots:
                unplaced += self._estimate(text)
            for block, item in spots:
                if item < 0:
                    gone.add(block)
                else:
                    shorter[block] = shorter.get(block, 0.0) + self.blocks[block].items[item][1]
        for index in gone:
            shorter.pop(index, None)
        return gone, shorter, unplaced

    def _find(self, key: str, whole: bool, claimed: set[tuple[int, int]]) -> tuple[int, int] | None:
        if not key:
            return None
        for i, block in enumerate(self.blocks):
            if whole:
                if not block.heading and block.key.startswith(key[:KEY_CHARS]) and (i, -1) not in claimed:
                    claimed.add((i, -1))
                    return i, -1
                continue
            for j, (item, _) in enumerate(block.items):
                if (i, j) not in claimed and (item.startswith(key[:KEY_CHARS])
                                              or (len(key) >= MIN_INSIDE and key[:KEY_CHARS] in item)):
                    claimed.add((i, j))
                    return i, j
        return None

    def _details(self, text: str, name: str, claimed: set[tuple[int, int]]) -> list[tuple[int, int]]:
        """The bullets of the named entry that show parts of ``text`` (its courses, its grade)."""
        entry = _key(name)[:KEY_CHARS]
        parts = [k for k in (_key(part) for part in text.split("\u00b7")) if k]
        for i, block in enumerate(self.blocks):
            if entry and not block.heading and block.key.startswith(entry):
                found = [(i, j) for j, (item, _) in enumerate(block.items)
                         if (i, j) not in claimed and any(part in item for part in parts)]
                if found:
                    claimed.update(found)
                    return found
        return []

    def _estimate(self, text: str) -> float:
        """The height of a piece no block holds, from the bullets' height per letter."""
        letters = sum(len(k) for b in self.blocks for k, _ in b.items)
        height = sum(h for b in self.blocks for _, h in b.items)
        return len(_key(text)) * height / letters if letters else 0.0


def page_model(pages: Sequence[Any]) -> PageModel | None:
    """The model of a resume's layout (WeasyPrint's pages); ``None`` where its boxes are not
    as this module knows them (they are not WeasyPrint's public API)."""
    try:
        return _model(pages)
    except (AttributeError, TypeError, IndexError, KeyError, ValueError):
        return None


def _model(pages: Sequence[Any]) -> PageModel | None:
    blocks: list[Block] = []
    tops: list[int] = []
    height = 0.0
    section = -1
    for number, page in enumerate(pages):
        box = page._page_box
        height = box.height
        end = box.content_box_y()
        for part, starts_section, breaks in _parts(box):
            if starts_section:
                section += 1
            top = part.position_y
            gap = max(0.0, top - end) if end > box.content_box_y() else None
            blocks.append(Block(_key(_text(part)), part.margin_height(), _ink(part) - top, gap or 0.0, section,
                                heading=part.element_tag == "h2", starts_page=breaks and number > 0,
                                items=tuple((_key(_text(li)), li.margin_height()) for li in _bullets(part))))
            if gap is None and blocks[-1].heading:
                tops.append(len(blocks) - 1)
            end = top + part.margin_height()
    if not blocks or not height:
        return None
    # A heading that stood at a page's top had no space above it: give it the others' space.
    spaces = sorted(b.gap for i, b in enumerate(blocks) if b.heading and i not in tops) or [0.0]
    for i in tops:
        blocks[i] = replace(blocks[i], gap=spaces[len(spaces) // 2])
    return PageModel(height, tuple(blocks))


def _parts(page_box: Any) -> Iterable[tuple[Any, bool, bool]]:
    """The blocks of a page in order (the header, then each section's heading and children),
    whether each starts a section, and whether that section starts a page of its own."""
    for child in page_box.children:
        if type(child).__name__ == "MarginBox":
            continue
        for body in child.children:
            for top in body.children:
                if top.element_tag != "main":
                    yield top, False, False
                    continue
                for section in top.children:
                    if section.element_tag != "section":
                        yield section, False, False
                        continue
                    breaks = section.style["break_before"] in ("page", "left", "right", "recto", "verso")
                    for i, part in enumerate(section.children):
                        starts = i == 0 and part.element_tag == "h2"  # the rest of a section has no heading
                        yield part, starts, starts and breaks


def _bullets(part: Any) -> list[Any]:
    found = []
    for child in getattr(part, "children", []):
        if child.element_tag == "ul":
            found += [li for li in child.children if li.element_tag == "li"]
    return found


def _ink(box: Any) -> float:
    """Where the last line of a block ends (its top and height where it has no lines)."""
    lines = [d.position_y + d.height for d in box.descendants() if type(d).__name__ == "LineBox"]
    return max(lines) if lines else box.position_y + box.margin_height()


def _text(box: Any) -> str:
    return "".join(d.text for d in box.descendants() if type(d).__name__ == "TextBox")
