"""Resume and letter content -> HTML, through the theme's Jinja2 templates, with room to
break every line (see :mod:`.breaks`)."""

from __future__ import annotations

import re

from ..documents import Letter, Resume
from ..errors import BuildError
from .breaks import breakable
from .design import design_css
from .scripts import mark_languages
from .theme import Theme


PAPER_SIZES = {"letter": "letter", "a4": "A4"}
"""CSS's name for each paper."""
ENGLISH_PAGE_LABEL = "Page {page} of {pages}"
"""The footer's words in the built-in theme's CSS."""


def _css_string(text: str) -> str:
    """``text`` as a CSS string, safe inside a ``<style>`` element (no ``<`` to close it)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ")
    return f'"{escaped}"'


def page_style(doc: Resume | Letter) -> str:
    """The CSS the document's paper and language add to the theme's: the page size, and
    the resume's footer ("Name – Seite 1 von 2") where its words are not the English ones
    the theme's own CSS has, or there is no name to put before them (a blind version)."""
    rules = [f"size: {PAPER_SIZES[doc.paper]};"]
    if isinstance(doc, Resume) and (doc.page_label != ENGLISH_PAGE_LABEL or not doc.name):
        parts = [_css_string(" \u2013 ")] if doc.name else []
        for text, field in re.findall(r"([^{]*)(?:\{(page|pages)\})?", doc.page_label):
            if text:
                parts.append(_css_string(text))
            if field:
                parts.append(f"counter({field})")
        person = "string(person) " if doc.name else ""
        rules.append(f"@bottom-center {{ content: {person}{' '.join(parts)}; }}")
    return design_css(doc) + "\n@page { " + " ".join(rules) + " }"


def render_html(doc: Resume | Letter, theme: Theme) -> str:
    """The HTML of ``doc`` from the first theme folder that has its template.

    A broken template in a user's theme raises :class:`BuildError` naming its file and line.
    """
    import jinja2

    name = "letter.html" if isinstance(doc, Letter) else "resume.html"
    try:
        html = theme.jinja_env().get_template(name).render(doc=doc, page_style=page_style(doc))
        return breakable(mark_languages(html, doc.language))
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name}:{exc.lineno}"
        raise BuildError(f"{where}: the theme's template is broken: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise BuildError(f"the theme's template {name} failed: {exc}") from None
