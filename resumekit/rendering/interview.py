"""The interview practice sheet -> Markdown, and -> a tagged PDF in the theme's look
(the theme's ``interview.html`` with its ``style.css``, as the resume is drawn).

The person's text keeps its own inline Markdown and is escaped otherwise, as in the
resume's Markdown; the bank's questions and prompts are written as they are.
"""

from __future__ import annotations

import re

from ..documents.interview import InterviewSheet, Material, Topic
from ..errors import BuildError
from .breaks import breakable
from .design import design_css
from .html import ENGLISH_PAGE_LABEL, PAPER_SIZES, _css_string
from .plain import _escaped, _marked
from .scripts import mark_languages
from .theme import Theme

TEMPLATE = "interview.html"


def _md_material(item: Material) -> str:
    where = f"{_escaped(item.where)}: " if item.where else ""
    return f"- {where}{_marked(item.text)}"


def _md_topic(topic: Topic, sheet: InterviewSheet) -> list[str]:
    heads = sheet.headings
    lines = [f"### {_escaped(topic.title)}", "", f"*{topic.context}*", ""]
    lines += [f"> {_marked(said)}" for said in topic.said] + ([""] if topic.said else [])
    lines += [f"**{heads['questions']}**", ""]
    lines += [f"{i}. {q}" for i, q in enumerate(topic.questions, 1)] + [""]
    lines += [f"**{heads['material']}**", ""]
    lines += [_md_material(m) for m in topic.material] or [f"- {sheet.no_material}"]
    lines += ["", f"**{heads['star']}**", ""]
    lines += [f"- {prompt}" for prompt in sheet.star] + [""]
    return lines


def interview_markdown(sheet: InterviewSheet) -> str:
    """The sheet as Markdown: what to practise, the areas feedback raised, the requirements."""
    heads = sheet.headings
    lines = [f"# {sheet.title}" + (f": {_escaped(sheet.subtitle)}" if sheet.subtitle else ""), ""]
    if sheet.name:
        lines += [_escaped(sheet.name), ""]
    lines += [sheet.intro, ""]
    if sheet.practise:
        lines += [f"## {heads['practise']}", ""]
        lines += [f"> {_marked(said)}" for said in sheet.practise_said] + [""]
        lines += [f"- {advice}" for advice in sheet.practise] + [""]
    for key, topics in (("areas", sheet.areas), ("requirements", sheet.requirements)):
        if topics:
            lines += [f"## {heads[key]}", ""]
            for topic in topics:
                lines += _md_topic(topic, sheet)
    return "\n".join(lines).rstrip() + "\n"


def _footer(sheet: InterviewSheet) -> str:
    """The footer's rule where its words are not the English ones of the theme's CSS:
    "Maya Okafor – Seite 1 von 3" under a German sheet."""
    if sheet.page_label == ENGLISH_PAGE_LABEL:
        return ""
    pieces = re.split(r"\{(page|pages)\}", " \u2013 " + sheet.page_label)  # text, counter, text...
    content = " ".join(f"counter({p})" if i % 2 else _css_string(p) for i, p in enumerate(pieces) if p)
    return f"@bottom-center {{ content: string(person) {content}; }} "


def interview_html(sheet: InterviewSheet, theme: Theme) -> str:
    """The sheet as HTML, from the first theme folder with ``interview.html``."""
    import jinja2

    style = design_css(sheet) + f"\n@page {{ size: {PAPER_SIZES[sheet.paper]}; {_footer(sheet)}}}"
    try:
        html = theme.jinja_env().get_template(TEMPLATE).render(sheet=sheet, page_style=style)
    except jinja2.TemplateSyntaxError as exc:
        raise BuildError(f"{exc.filename or exc.name}:{exc.lineno}: the theme's template is broken: "
                         f"{exc.message}") from None
    except jinja2.TemplateError as exc:
        raise BuildError(f"the theme's template {TEMPLATE} failed: {exc}") from None
    return breakable(mark_languages(html, sheet.language))


def interview_pdf(sheet: InterviewSheet, theme: Theme) -> bytes:
    """The sheet as a tagged PDF (PDF/UA-1), byte-identical for identical inputs."""
    from .pdf import html_pdf

    data, _, _ = html_pdf(interview_html(sheet, theme), theme)
    return data
