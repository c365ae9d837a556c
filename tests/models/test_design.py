"""The design: block: each setting validated with a located error, and what it sets."""

from __future__ import annotations

import pytest

from resumekit.models.design import DESIGN_FIELDS, Design

from ..helpers import make_project, run_cli


def test_a_design_says_which_settings_it_gives():
    assert Design(accent="#8b0000", icons=False).given() == {"accent": "#8b0000", "icons": False}
    assert Design().given() == {}
    assert set(DESIGN_FIELDS) == set(Design.model_fields)


@pytest.mark.parametrize("setting, value, message", [
    ("accent", "red", "design.accent: must be a colour as #RRGGBB or #RGB"),
    ("fontSize", 40, "design.fontSize: must be at most 16"),
    ("lineSpacing", 0.2, "design.lineSpacing: must be at least 0.9"),
    ("margins", "1.5 cm", "design.margins: must be one to four lengths with their unit"),
    ("margins", "1cm 1cm 1cm 1cm 1cm", "design.margins: must be one to four lengths"),
    ("sectionTitles", "boxed", "design.sectionTitles: must be 'rule', 'underline' or 'plain'"),
])
def test_a_bad_design_setting_is_a_located_error_naming_the_field(tmp_path, setting, value, message):
    config = make_project(tmp_path, design={setting: value})
    done = run_cli("validate", "-c", str(config))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "resumekit.yaml:5:" in done.stderr and message in done.stderr, done.stderr


def test_good_settings_validate(tmp_path):
    config = make_project(tmp_path, design={"accent": "#0a0", "fontSize": 11, "lineSpacing": 1.3,
                                            "margins": "1in 0.75in", "sectionTitles": "plain", "icons": False})
    assert run_cli("validate", "-c", str(config)).returncode == 0


def test_an_unquoted_colour_is_explained_as_the_comment_yaml_reads_it_as(tmp_path):
    config = tmp_path / "resumekit.yaml"
    make_project(tmp_path)
    config.write_text(config.read_text(encoding="utf-8") + "design:\n  accent: #8b0000\n", encoding="utf-8")
    done = run_cli("validate", "-c", str(config))
    assert done.returncode == 1
    assert "design.accent: is empty: YAML reads a # after a space as the start of a comment" in done.stderr
