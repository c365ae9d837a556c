"""HTML -> tagged PDF (PDF/UA-1) with WeasyPrint; the only module that imports it.

No network: the URL fetcher serves only files under the theme's and the project's own
folders; anything else is refused and reported as a warning.

Layout and writing make millions of short-lived objects and few cycles, so Python's
cyclic garbage collector, which walks every tracked object each time the youngest
generation fills, is kept off while WeasyPrint works (a tenth to a quarter of a build's
time went to it); the objects are freed by reference counting as before, and whatever
cycles are left are collected once it is on again.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..documents import Letter, Resume
from .fonts import project_font_faces
from .heights import PageModel, page_model
from .html import render_html
from .pdf_tags import install as tag_for_pdf_ua
from .theme import Theme, builtin_themes_dir
from .weasy import SUBSETTER_MISSING, subsetter_missing, weasyprint

_FIXED_EPOCH = "315532800"  # 1980-01-01, the earliest date a zip file can hold
# The environment is shared by threads: one render must not unset SOURCE_DATE_EPOCH while
# another (on a thread pool executor) is still subsetting fonts.
_EPOCH_LOCK = threading.RLock()
_GC_LOCK = threading.Lock()
_gc_holds = 0
_gc_was_on = False
_warned: set[str] = set()


@lru_cache(maxsize=1)
def _font_config() -> Any:
    """One font configuration per process: building it is costly, reusing it is safe."""
    weasyprint()
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@lru_cache(maxsize=1)
def _fetcher_class() -> type:
    weasyprint()
    from weasyprint.urls import URLFetcher

    class LocalOnlyFetcher(URLFetcher):  # type: ignore[misc]
        """Serves ``file:`` URLs under the allowed folders; refuses everything else."""

        def __init__(self, roots: list[Path], refused: list[str]) -> None:
            super().__init__(allowed_protocols={"file", "data"})
            self.roots = [r.resolve() for r in roots]
            self.refused = refused
            self.read: dict[Path, tuple[int, int] | None] = {}

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if parts.scheme == "file":
                path = Path(unquote(parts.path)).resolve()
                if any(path.is_relative_to(root) for root in self.roots) and path.is_file():
                    # a regular file only: a FIFO or device named by a theme's CSS would block
                    self.read[path] = _file_stamp(path)
                    return super().fetch(url, headers)
            self.refused.append(url)
            raise ValueError(f"resumekit does not fetch {url}")

    return LocalOnlyFetcher


@contextmanager
def _reproducible_fonts() -> Iterator[None]:
    """fontTools stamps subset fonts with the time unless SOURCE_DATE_EPOCH is set."""
    with _EPOCH_LOCK:
        previous = os.environ.get("SOURCE_DATE_EPOCH")
        if previous is None:
            os.environ["SOURCE_DATE_EPOCH"] = _FIXED_EPOCH
        try:
            yield
        finally:
            if previous is None:
                os.environ.pop("SOURCE_DATE_EPOCH", None)


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """The cyclic garbage collector off for the block (see the module's docstring), and as
    it was after the last of the threads in such a block leaves it."""
    global _gc_holds, _gc_was_on
    with _GC_LOCK:
        if _gc_holds == 0:
            _gc_was_on = gc.isenabled()
            gc.disable()
        _gc_holds += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _gc_holds -= 1
            if _gc_holds == 0 and _gc_was_on:
                gc.enable()


def _once(warning: str) -> list[str]:
    """``[warning]`` the first time in this process, then ``[]``: advice, not news each time."""
    with _GC_LOCK:
        if warning in _warned:
            return []
        _warned.add(warning)
    return [warning]


@contextmanager
def quieted(library: str, level: int) -> Iterator[None]:
    """A library's log kept below ``level`` for the block: what it says is either no news to
    a user (fontTools naming each table it drops) or said by the caller in our words
    (WeasyPrint's refused fetches)."""
    logger = logging.getLogger(library)
    before = logger.level
    logger.setLevel(level)
    try:
        yield
    finally:
        logger.setLevel(before)



def _file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


@dataclass
class _Layout:
    """A document laid out in pages, and what WeasyPrint read and refused on the way."""

    document: Any
    refused: list[str]
    read: dict[Path, tuple[int, int] | None]

    def current(self) -> bool:
        """Whether every file the layout read is still as it was."""
        return all(_file_stamp(path) == stamp for path, stamp in self.read.items())


_Key = tuple[str, tuple[str, ...]]


class LayoutCache:
    """Layouts :func:`measure_pages` keeps for the next :func:`render_pdf`.

    Fitting a page budget lays out the resume it settles on among the last few
    candidates, so it need not be laid out again. Each holds a few MB; a render clears
    the rest, so none outlives a target. A build session owns one (thread-safe).
    """

    KEPT = 8

    def __init__(self) -> None:
        self._layouts: OrderedDict[_Key, _Layout] = OrderedDict()
        self._lock = threading.Lock()

    def keep(self, key: _Key, layout: _Layout) -> None:
        with self._lock:
            self._layouts[key] = layout
            self._layouts.move_to_end(key)
            while len(self._layouts) > self.KEPT:
                self._layouts.popitem(last=False)

    def take(self, key: _Key) -> _Layout | None:
        """The layout kept for ``key`` (if any); every other one is dropped."""
        with self._lock:
            layout = self._layouts.pop(key, None)
            self._layouts.clear()
        return layout


def _html_and_key(doc: Resume | Letter, theme: Theme, project_dir: Path | None) -> tuple[str, _Key]:
    html = render_html(doc, theme)
    roots = _roots(theme, project_dir)
    return html, (html, tuple(str(r) for r in roots))


def _roots(theme: Theme, project_dir: Path | None) -> list[Path]:
    """The folders a PDF may read files from: the theme's, every built-in theme's (a
    design may borrow another theme's font) and the project's."""
    return [*theme.dirs, builtin_themes_dir(), *([project_dir] if project_dir else [])]


def _lay_out(html: str, theme: Theme, project_dir: Path | None) -> _Layout:
    """``html`` laid out in pages by WeasyPrint, with fetches limited to local files."""
    HTML, CSS = weasyprint().HTML, weasyprint().CSS

    roots = _roots(theme, project_dir)
    refused: list[str] = []
    fetcher = _fetcher_class()(roots, refused)
    faces = project_font_faces(project_dir)
    tag_for_pdf_ua()  # before layout: links are gathered as pages are laid out
    with quieted("weasyprint", logging.CRITICAL), _reproducible_fonts(), _without_cyclic_gc():
        extra = [CSS(string=faces, url_fetcher=fetcher, font_config=_font_config())] if faces else []
        document = HTML(string=html, base_url=str(theme.base) + os.sep, url_fetcher=fetcher
                        ).render(font_config=_font_config(), pdf_variant="pdf/ua-1", stylesheets=extra)
    return _Layout(document, refused, fetcher.read)


def _fill(page: Any) -> float:
    """How much of a page's height its text uses, from 0 to 1 (running headers aside)."""
    box = page._page_box
    bottom = box.content_box_y()
    for child in box.children:
        if type(child).__name__ == "MarginBox":
            continue
        for descendant in child.descendants():
            if type(descendant).__name__ == "LineBox":
                bottom = max(bottom, descendant.position_y + descendant.height)
    return max(0.0, min(1.0, (bottom - box.content_box_y()) / box.height)) if box.height else 1.0


class Measured(tuple[int, float]):
    """(pages, how full the last one is), and the :class:`~.heights.PageModel` of the layout
    (``None`` where its boxes could not be read), which foretells a shorter resume's pages."""

    model: PageModel | None

    def __new__(cls, pages: int, fill: float, model: PageModel | None) -> Measured:
        measured = super().__new__(cls, (pages, fill))
        measured.model = model
        return measured

    def __reduce__(self) -> tuple[Any, ...]:  # to and from a worker process
        return Measured, (self[0], self[1], self.model)


def measure_pages(doc: Resume | Letter, theme: Theme, project_dir: Path | None = None,
                  layouts: LayoutCache | None = None) -> Measured:
    """How many pages ``doc`` takes, and how full its last page is (0 to 1), from layout alone,
    with the model of its blocks' heights.

    With ``layouts``, the layout is kept there for a :func:`render_pdf` that follows.
    """
    html, key = _html_and_key(doc, theme, project_dir)
    layout = _lay_out(html, theme, project_dir)
    if layouts is not None:
        layouts.keep(key, layout)
    pages = layout.document.pages
    try:
        fill = _fill(pages[-1])
    except (AttributeError, TypeError):  # WeasyPrint's boxes are not public API: guess half full
        fill = 0.5
    return Measured(len(pages), fill, page_model(pages))


def html_pdf(html: str, theme: Theme, project_dir: Path | None = None) -> tuple[bytes, int, list[str]]:
    """The PDF of a page of the theme's HTML other than a resume or letter (an interview
    sheet), tagged as they are; its page count and warnings."""
    return _written(_lay_out(html, theme, project_dir))


def render_pdf(doc: Resume | Letter, theme: Theme, project_dir: Path | None = None,
               layouts: LayoutCache | None = None) -> tuple[bytes, int, list[str]]:
    """The PDF of ``doc`` (byte-identical for identical inputs), its page count and warnings."""
    html, key = _html_and_key(doc, theme, project_dir)
    layout = layouts.take(key) if layouts is not None else None
    if layout is None or not layout.current():
        layout = _lay_out(html, theme, project_dir)
    return _written(layout)


def _written(layout: _Layout) -> tuple[bytes, int, list[str]]:
    """A laid-out document's PDF, its page count and warnings."""
    tag_for_pdf_ua()
    with quieted("weasyprint", logging.CRITICAL), quieted("fontTools", logging.ERROR), _reproducible_fonts(), \
            _without_cyclic_gc():
        data: bytes = layout.document.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=b"resumekit",
                                                font_config=_font_config())
    warnings = [f"not fetched (resumekit never uses the network): {url}" for url in layout.refused]
    if subsetter_missing():
        warnings += _once(SUBSETTER_MISSING)
    return data, len(layout.document.pages), warnings
