"""A theme's theme.yaml: read and validated like any file of the user's."""

from __future__ import annotations

import pytest

from resumekit.errors import ConfigError
from resumekit.loading.theme import read_theme_settings
from resumekit.models.design import DESIGN_FIELDS
from resumekit.rendering.theme import builtin_themes_dir


@pytest.mark.parametrize("name", ["classic", "compact", "serif"])
def test_every_built_in_theme_states_its_whole_design(name):
    settings = read_theme_settings(builtin_themes_dir() / name / "theme.yaml").model
    assert settings.description and set(settings.design.given()) == set(DESIGN_FIELDS)


def test_a_bad_value_in_a_theme_yaml_is_a_located_error(tmp_path):
    path = tmp_path / "theme.yaml"
    path.write_text("design:\n  accent: blue\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        read_theme_settings(path)
    problem = caught.value.problems[0]
    assert (problem.line, problem.column, problem.field) == (2, 11, "design.accent")
