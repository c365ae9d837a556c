"""Resume and letter content -> HTML, through the theme's Jinja2 templates, with room to
break every line (see :mod:`.breaks`)."""

from __future__ import annotations

from ..documents import Letter, Resume
from ..errors import BuildError
from .breaks import breakable
from .theme import Theme


def render_html(doc: Resume | Letter, theme: Theme) -> str:
    """The HTML of ``doc`` from the first theme folder that has its template.

    A broken template in a user's theme raises :class:`BuildError` naming its file and line.
    """
    import jinja2

    name = "letter.html" if isinstance(doc, Letter) else "resume.html"
    try:
        return breakable(theme.jinja_env().get_template(name).render(doc=doc))
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name}:{exc.lineno}"
        raise BuildError(f"{where}: the theme's template is broken: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise BuildError(f"the theme's template {name} failed: {exc}") from None
