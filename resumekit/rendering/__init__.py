"""Formatted content -> file bytes: the only layer that imports jinja2, WeasyPrint, python-docx
and fontTools. Each renderer is imported when first used, so importing this stays cheap."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BuildError
from .theme import Theme, builtin_themes_dir

if TYPE_CHECKING:
    import datetime as dt

    from ..documents import Letter, Resume
    from .pdf import LayoutCache

FORMATS = ("pdf", "docx", "txt", "md", "html", "json")
"""The formats a document renders to; ``json`` is the tailored profile, so a resume's only."""

__all__ = ["FORMATS", "Rendered", "Theme", "builtin_themes_dir", "render_bytes", "warm_up"]


@dataclass(frozen=True)
class Rendered:
    """A rendered file: its bytes, its page count where known, and what went wrong softly."""

    data: bytes
    pages: int | None = None
    warnings: tuple[str, ...] = field(default=())


def render_bytes(content: Resume | Letter, fmt: str, theme: Theme, project_dir: Path | None,
                 stamp: dt.datetime, layouts: LayoutCache | None = None) -> Rendered:
    """``content`` rendered as ``fmt``. ``project_dir`` is the folder (beside the theme's) a
    PDF may read images from; ``stamp`` dates the DOCX; ``layouts`` may hold the PDF's layout."""
    if fmt == "pdf":
        from .pdf import render_pdf

        data, pages, warnings = render_pdf(content, theme, project_dir, layouts)
        return Rendered(data, pages, tuple(warnings))
    if fmt == "docx":
        from .docx import render_docx

        return Rendered(render_docx(content, theme, stamp))
    if fmt in ("txt", "md"):
        from .plain import render_plain

        return Rendered(render_plain(content, fmt))
    if fmt == "html":
        from .html_page import render_html_page

        return Rendered(render_html_page(content, theme, project_dir))
    raise BuildError(f"unknown format '{fmt}'; resumekit writes {', '.join(FORMATS)}")


def warm_up() -> None:
    """Import the renderers and configure fonts now, so the first document is as fast as the rest."""
    from . import docx  # noqa: F401
    from .pdf import _font_config

    _font_config()
