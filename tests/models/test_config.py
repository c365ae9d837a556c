"""The project config model: its defaults, and the one list of formats and documents."""

from __future__ import annotations

import argparse
from typing import get_args

import pytest

from resumekit.cli.parser import make_parser
from resumekit.errors import ConfigError
from resumekit.loading import read_config
from resumekit.models import Config
from resumekit.models.config import DocumentKind, Format
from resumekit.rendering import FORMATS


def test_config_defaults_build_both_documents_in_both_formats():
    config = Config()
    assert (config.profile, config.output, config.formats, config.documents, config.theme, config.language) == (
        "profile.yaml", "out", ["pdf", "docx"], ["resume", "letter"], "classic", None)
    assert (config.dateFormat, config.page) == ("Mar 2024", None)  # the paper follows the job's country


def test_a_format_or_document_the_config_does_not_know_is_a_located_problem(tmp_path):
    path = tmp_path / "resumekit.yaml"
    path.write_text("formats: [pdf, odt]\ndocuments: [cv]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        read_config(path)
    assert [(p.line, p.field, p.message) for p in info.value.problems] == [
        (1, "formats[1]", "must be 'pdf', 'docx', 'txt', 'md', 'html' or 'json', not 'odt'"),
        (2, "documents[0]", "must be 'resume' or 'letter', not 'cv'")]


def test_the_formats_a_config_may_name_are_the_ones_rendered_and_offered_on_the_command_line():
    [commands] = [a for a in make_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    [option] = [a for a in commands.choices["build"]._actions if "--format" in a.option_strings]
    assert set(get_args(Format)) == set(FORMATS) == set(option.choices)


def test_the_documents_a_config_may_name_are_resume_and_letter():
    assert set(get_args(DocumentKind)) == {"resume", "letter"}


@pytest.mark.parametrize("written, date", [("2026-01-15", "2026-01-15"), (2026, "2026")])
def test_a_config_date_is_a_json_resume_date(written, date):
    assert Config(date=written).date == date


def test_the_command_line_offers_exactly_the_formats_the_config_accepts():
    from typing import get_args

    from resumekit.models.config import Format
    from resumekit.rendering import FORMATS

    # The CLI takes its choices from rendering.FORMATS so that --help never imports pydantic.
    assert tuple(get_args(Format)) == FORMATS
