"""The JSON Schemas for editors agree with the loader: what one accepts, the other accepts."""

from __future__ import annotations

import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from resumekit import ProfileError, load_profile
from resumekit.models.schema import json_schema

from ..helpers import CONFORMANCE, JANE, PROFILES, REPO, SCAFFOLD
from ..test_conformance import CASES


def validator(kind: str) -> Draft202012Validator:
    schema = json_schema(kind)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def as_json(path) -> object:
    """A YAML file's data as an editor's YAML language server sees it (dates as text)."""
    return json.loads(json.dumps(yaml.safe_load(open(path, encoding="utf-8")), default=str))


PROFILE = validator("profile")


@pytest.mark.parametrize("document, valid", CASES)
def test_the_profile_schema_agrees_with_json_resume_fixtures(document, valid):
    assert PROFILE.is_valid(document) is valid


@pytest.mark.parametrize("path", [CONFORMANCE / "sample.resume.json", PROFILES / "profile.yaml",
                                  SCAFFOLD / "profile.yaml"], ids=lambda p: str(p.relative_to(REPO)))
def test_the_profile_schema_accepts_the_example_profiles(path):
    assert [e.message for e in PROFILE.iter_errors(as_json(path))] == []


def test_the_profile_schema_accepts_a_bare_year_as_yaml_reads_it():
    data = yaml.safe_load(JANE)
    assert isinstance(data["education"][0]["startDate"], int)
    load_profile(data)
    assert [e.message for e in PROFILE.iter_errors(json.loads(json.dumps(data, default=str)))] == []


@pytest.mark.parametrize("value", ["2024-6", "June 2024", 24])
def test_the_profile_schema_refuses_what_the_loader_refuses(value):
    with pytest.raises(ProfileError):
        load_profile({"work": [{"startDate": value}]})
    assert not PROFILE.is_valid({"work": [{"startDate": value}]})


TARGETS = [CONFORMANCE / "sample.job.json", *sorted(PROFILES.glob("targets/*.yaml")),
           *sorted(SCAFFOLD.glob("targets/*.yaml"))]


@pytest.mark.parametrize("path", TARGETS, ids=lambda p: str(p.relative_to(REPO)))
def test_the_target_schema_accepts_the_example_targets(path):
    assert [e.message for e in validator("target").iter_errors(as_json(path))] == []


@pytest.mark.parametrize("path", [PROFILES / "resumekit.yaml", SCAFFOLD / "resumekit.yaml"],
                         ids=lambda p: str(p.relative_to(REPO)))
def test_the_config_schema_accepts_the_example_configs(path):
    assert [e.message for e in validator("config").iter_errors(as_json(path))] == []


def test_the_config_schema_refuses_an_unknown_format():
    assert not validator("config").is_valid({"formats": ["pdf", "odt"]})
