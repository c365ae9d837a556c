"""HTML -> tagged PDF (PDF/UA-1) with WeasyPrint; the only module that imports it.

No network: the URL fetcher serves only files under the theme's and the project's own
folders; anything else is refused and reported as a warning.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..documents import Letter, Resume
from .html import render_html

_FIXED_EPOCH = "315532800"  # 1980-01-01, the earliest date a zip file can hold
# The environment is shared by threads: one render must not unset SOURCE_DATE_EPOCH while
# another (on a thread pool executor) is still subsetting fonts.
_EPOCH_LOCK = threading.RLock()


@lru_cache(maxsize=1)
def _font_config() -> Any:
    """One font configuration per process: building it is costly, reusing it is safe."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@lru_cache(maxsize=1)
def _fetcher_class() -> type:
    from weasyprint.urls import URLFetcher

    class LocalOnlyFetcher(URLFetcher):  # type: ignore[misc]
        """Serves ``file:`` URLs under the allowed folders; refuses everything else."""

        def __init__(self, roots: list[Path], refused: list[str]) -> None:
            super().__init__(allowed_protocols={"file", "data"})
            self.roots = [r.resolve() for r in roots]
            self.refused = refused

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if parts.scheme == "file":
                path = Path(unquote(parts.path)).resolve()
                if any(path.is_relative_to(root) for root in self.roots):
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
def _laid_out(doc: Resume | Letter, theme_dirs: list[Path], project_dir: Path | None,
              refused: list[str]) -> Iterator[Any]:
    """``doc`` laid out in pages by WeasyPrint, with fetches limited to local files."""
    from weasyprint import HTML

    html = render_html(doc, theme_dirs)
    base = next((d for d in theme_dirs if (d / "style.css").is_file()), theme_dirs[0])
    roots = list(theme_dirs) + ([project_dir] if project_dir else [])
    fetcher = _fetcher_class()(roots, refused)
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # refused fetches are reported by the caller, in our words
    try:
        with _reproducible_fonts():
            yield HTML(string=html, base_url=str(base) + os.sep, url_fetcher=fetcher
                       ).render(font_config=_font_config(), pdf_variant="pdf/ua-1")
    finally:
        logger.setLevel(level)


def count_pages(doc: Resume | Letter, theme_dirs: list[Path], project_dir: Path | None = None) -> int:
    """How many pages ``doc`` takes, from layout alone (no PDF is written)."""
    with _laid_out(doc, theme_dirs, project_dir, []) as rendered:
        return len(rendered.pages)


def render_pdf_bytes(
    doc: Resume | Letter, theme_dirs: list[Path], project_dir: Path | None = None,
    warnings: list[str] | None = None,
) -> tuple[bytes, int]:
    """The PDF of ``doc`` (byte-identical for identical inputs) and its page count."""
    refused: list[str] = []
    with _laid_out(doc, theme_dirs, project_dir, refused) as rendered:
        data: bytes = rendered.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=b"resumekit",
                                         font_config=_font_config())
    if warnings is not None:
        warnings += [f"not fetched (resumekit never uses the network): {url}" for url in refused]
    return data, len(rendered.pages)
