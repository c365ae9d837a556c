"""`resumekit check` and `resumekit build --check`, on real projects: all is well after a
fresh build (exit 0); a user's theme that draws a character no font has, or moves the
contact details into a footer (PDF or DOCX), is named and exits 1; JSON for scripts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest

import resumekit

from ..checking.test_run import init_project
from ..helpers import exit_code


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    config = init_project(tmp_path_factory.mktemp("cli-check") / "cv")
    resumekit.build(config)
    return config


def _themed(tmp_path: Path, edit_css=None, edit_docx=None) -> Path:
    """An init project on a copy of classic, edited as a user would, and built."""
    config = init_project(tmp_path / "cv")
    assert exit_code(["theme", "copy", "classic", str(config.parent / "mytheme")]) == 0
    text = config.read_text(encoding="utf-8").replace("theme: classic", "theme: mytheme")
    config.write_text(text, encoding="utf-8")
    css = config.parent / "mytheme" / "style.css"
    if edit_css:
        css.write_text(edit_css(css.read_text(encoding="utf-8")), encoding="utf-8")
    if edit_docx:
        reference = config.parent / "mytheme" / "reference.docx"
        document = docx.Document(str(reference))
        edit_docx(document)
        document.save(str(reference))
    assert resumekit.build(config).ok
    return config


def test_check_after_a_fresh_build_says_all_is_well(fresh, capsys):
    assert exit_code(["check", "-c", str(fresh)]) == 0
    out = capsys.readouterr().out
    assert "error:" not in out
    assert out.count("Alex-Rivera-") == 4
    assert "checked 4 documents" in out and "0 would lose information" in out


def test_build_check_builds_then_checks(tmp_path, capsys):
    config = init_project(tmp_path / "cv")
    assert exit_code(["build", "-c", str(config), "-j", "1", "--check"]) == 0
    out = capsys.readouterr().out
    assert "built 5 files" in out and "checked 4 documents" in out


def test_json_has_a_stable_shape(fresh, capsys):
    assert exit_code(["check", "-c", str(fresh), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and len(data["documents"]) == 4
    for document in data["documents"]:
        assert set(document) == {"path", "target", "document", "format", "pages", "bytes", "ok", "extractors",
                                 "fields", "problems"}
        for extraction in document["extractors"].values():
            assert set(extraction) == {"strings", "recovered", "in_order", "missing", "out_of_order"}
            assert extraction["recovered"] == 1.0 and extraction["missing"] == []
        assert set(document["fields"]) == {"name", "email", "phone", "links", "headings", "entries"}
        assert all(set(p) == {"level", "message"} for p in document["problems"])


def test_show_prints_each_extractors_text_and_the_fields(fresh, capsys):
    assert exit_code(["check", "-c", str(fresh), "--show"]) == 0
    out = capsys.readouterr().out
    assert "--- pdfminer ---" in out and "--- pypdf ---" in out and "--- python-docx ---" in out
    assert "email:    alex.rivera@example.com" in out


def test_a_theme_bullet_no_font_has_is_named_and_exits_1(tmp_path, capsys):
    # an icon font's code point copied into the CSS without its font: the build cannot see it
    config = _themed(tmp_path, edit_css=lambda css: css.replace('li::marker { content: "\\2022  ";',
                                                               'li::marker { content: "\\f0da  ";'))
    assert exit_code(["check", "-c", str(config)]) == 1
    out = capsys.readouterr().out
    assert "error:" in out and "no font covers U+F0DA" in out and ".notdef" in out
    assert "pdfminer cannot read" in out  # the font's other text is lost with it


def test_contacts_moved_into_the_pdf_footer_are_named_and_exit_1(tmp_path, capsys):
    def footer(css: str) -> str:
        old = 'content: string(person) " \\2013  Page " counter(page) " of " counter(pages);'
        assert old in css
        return css.replace(old, "content: string(contacts);") + "\nheader .contacts { string-set: contacts content(); }\n"

    config = _themed(tmp_path, edit_css=footer)
    assert exit_code(["check", "-c", str(config)]) == 1
    out = capsys.readouterr().out
    assert "Resume.pdf: contact details in the footer of page 1: 'Sacramento, California', " \
           "'alex.rivera@example.com'" in out


def test_contacts_in_the_reference_docx_footer_are_named_and_exit_1(tmp_path, capsys):
    def footer(document) -> None:
        document.sections[0].footer.paragraphs[0].text = "alex.rivera@example.com"

    config = _themed(tmp_path, edit_docx=footer)
    assert exit_code(["check", "-c", str(config)]) == 1
    out = capsys.readouterr().out
    assert "Resume.docx: contact details in the footer (word/footer" in out
    assert "Resume.pdf: contact details" not in out  # the PDF's footer is the theme's own


def test_a_warning_exits_0_unless_strict(fresh, tmp_path, capsys):
    copy = tmp_path / "cv"
    shutil.copytree(fresh.parent, copy)
    (copy / "profile.yaml").write_text((copy / "profile.yaml").read_text() + "\n# edited\n")
    assert exit_code(["check", "-c", str(copy / "resumekit.yaml")]) == 0
    assert "warning:" in capsys.readouterr().out
    assert exit_code(["check", "-c", str(copy / "resumekit.yaml"), "--strict"]) == 1


@pytest.mark.parametrize("argv", [["check", "--format", "xml"], ["check", "--bogus"], ["check", "no-such-target"]])
def test_a_bad_command_line_exits_2(fresh, argv, capsys):
    assert exit_code([*argv, "-c", str(fresh)]) == 2


def test_a_bad_project_exits_1_with_a_message(tmp_path, capsys):
    assert exit_code(["check", "-c", str(tmp_path / "resumekit.yaml")]) == 1
    err = capsys.readouterr().err
    assert "error:" in err and "Traceback" not in err
