"""Resume and letter content -> HTML, through the theme's Jinja2 templates."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..documents import Letter, Resume
from ..errors import BuildError
from .layout import contact_rows, kind_name


@lru_cache(maxsize=8)
def _environment(dirs: tuple[Path, ...]):  # type: ignore[no-untyped-def]
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["contact_rows"] = contact_rows
    environment.filters["kind_name"] = kind_name
    return environment


def render_html(doc: Resume | Letter, theme_dirs: list[Path]) -> str:
    """The HTML of ``doc`` from the first theme folder that has its template.

    A broken template in a user's theme raises :class:`BuildError` naming its file and line.
    """
    import jinja2

    name = "letter.html" if isinstance(doc, Letter) else "resume.html"
    try:
        return _environment(tuple(theme_dirs)).get_template(name).render(doc=doc)
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name}:{exc.lineno}"
        raise BuildError(f"{where}: the theme's template is broken: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise BuildError(f"the theme's template {name} failed: {exc}") from None
