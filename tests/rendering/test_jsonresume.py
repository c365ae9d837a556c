"""The json format: the tailored profile as a JSON Resume 1.0.0 document that JSON Resume's
own schema accepts, with resumekit's extensions left out."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from resumekit import load_profile
from resumekit.rendering.jsonresume import json_resume, render_json

from ..helpers import PROFILES

SCHEMA = json.loads((Path(__file__).parent.parent / "conformance" / "jsonresume" / "schema.json").read_text())


def test_the_example_profile_validates_against_json_resumes_schema():
    document = json_resume(load_profile(PROFILES / "profile.yaml"))
    jsonschema.validate(document, SCHEMA)
    assert document["basics"]["name"] == "Maya Okafor" and document["work"]


def test_extensions_are_left_out_and_highlights_are_text():
    profile = load_profile({
        "basics": {"name": "Jane *Doe*", "birthDate": "1990-01-01", "nationality": "Irish",
                   "summary": [{"text": "First **variant**", "tags": ["a"]}, {"text": "Second", "tags": ["b"]}]},
        "work": [{"name": "Acme", "startDate": "2021-03", "endDate": "present", "tags": ["x"],
                  "highlights": [{"text": "Built the **churn** model", "tags": ["ml"]}, "Cleaned data"]}],
        "sections": {"talks": {"title": "Talks", "bullets": ["PyData"]}},
    })
    document = json_resume(profile)
    jsonschema.validate(document, SCHEMA)
    assert document["basics"] == {"name": "Jane *Doe*", "summary": "First variant"}  # a name is not Markdown
    assert document["work"] == [{"name": "Acme", "startDate": "2021-03",
                                 "highlights": ["Built the churn model", "Cleaned data"]}]
    assert "sections" not in document and "tags" not in json.dumps(document)


def test_the_bytes_are_utf8_in_the_schemas_order_and_end_in_a_newline():
    profile = load_profile({"basics": {"name": "山田 花子", "email": "h@example.com"}, "skills": [{"name": "SQL"}]})
    data = render_json(profile)
    assert data == render_json(profile) and data.endswith(b"}\n")
    assert "山田 花子".encode() in data
    assert list(json.loads(data)) == ["$schema", "basics", "skills"]
