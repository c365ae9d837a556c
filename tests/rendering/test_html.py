"""Resume and letter content to HTML through the theme's templates: escaped, and a broken template named."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from resumekit import load_profile
from resumekit.documents import Options, build_letter, build_resume
from resumekit.errors import BuildError
from resumekit.rendering.html import render_html
from resumekit.rendering.theme import Theme

from ..helpers import JANE


@pytest.fixture(scope="module")
def jane():
    return load_profile(yaml.safe_load(JANE))


def test_the_resume_html_carries_the_name_and_every_highlight(jane):
    html = render_html(build_resume(jane), Theme.named("classic"))
    assert "Jane Doe" in html
    for highlight in ("Built the churn model used by the retention team",
                      "Automated the weekly TPS report, saving four hours a week"):
        assert highlight in html


def test_the_letter_is_rendered_with_the_letter_template(jane):
    html = render_html(build_letter(jane, None, Options(date="2026-01-15")), Theme.named("classic"))
    assert "Dear Hiring Manager," in html and "January 15, 2026" in html


def test_text_from_the_profile_is_escaped_not_run(jane):
    evil = jane.model_copy(update={"basics": jane.basics.model_copy(update={"name": "<script>alert(1)</script>"})})
    html = render_html(build_resume(evil), Theme.named("classic"))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def make_theme(root: Path, resume: str) -> Theme:
    (root / "mytheme").mkdir()
    (root / "mytheme" / "resume.html").write_text(resume, encoding="utf-8")
    return Theme.named("mytheme", root)


def test_a_template_with_a_syntax_error_is_named_with_its_line(tmp_path, jane):
    theme = make_theme(tmp_path, "<html>\n<h1>{{ doc.name </h1>\n</html>\n")
    with pytest.raises(BuildError, match=r"resume\.html:2: the theme's template is broken"):
        render_html(build_resume(jane), theme)


def test_a_template_asking_for_what_a_resume_does_not_have_fails_plainly(tmp_path, jane):
    theme = make_theme(tmp_path, "<h1>{{ doc.no_such_field }}</h1>\n")
    with pytest.raises(BuildError, match=r"the theme's template resume\.html failed"):
        render_html(build_resume(jane), theme)
