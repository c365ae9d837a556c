"""The json export, held to more than JSON Resume's schema asks: the schema allows any key
anywhere, so these tests validate against it with every ``additionalProperties`` made
false (only JSON Resume's own fields, none of resumekit's extensions) and with its formats
checked; on the example profile, on ``resumekit init``'s, and on one with every extension."""

from __future__ import annotations

import copy
import json
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest

from resumekit import load_profile
from resumekit.rendering.jsonresume import FIELDS, SECTIONS, json_resume, render_json

from ..helpers import CONFORMANCE, PROFILES, SCAFFOLD

SCHEMA = json.loads((CONFORMANCE / "schema.json").read_text(encoding="utf-8"))


def _closed(node: Any) -> Any:
    """The schema with ``additionalProperties: false`` on every object that lists its properties."""
    if isinstance(node, dict):
        node = {key: _closed(value) for key, value in node.items()}
        if "properties" in node:
            node["additionalProperties"] = False
    elif isinstance(node, list):
        node = [_closed(item) for item in node]
    return node


STRICT = _closed(SCHEMA)


def _uri_fields(node: Any) -> set[str]:
    """The names of the schema's fields in the ``uri`` format (``url``, ``canonical``...)."""
    if isinstance(node, list):
        return {name for item in node for name in _uri_fields(item)}
    if not isinstance(node, dict):
        return set()
    found = {name for name, field in node.get("properties", {}).items() if field.get("format") == "uri"}
    return found | {name for value in node.values() for name in _uri_fields(value)}


URI_FIELDS = _uri_fields(SCHEMA) | {"image"}
"""With ``image``, which the schema describes as a URL without naming the format."""


def _bad_uris(node: Any) -> list[str]:
    """Values of ``uri`` fields that are no absolute URI (jsonschema checks that format only
    with a package installed here that is not)."""
    if isinstance(node, list):
        return [bad for item in node for bad in _bad_uris(item)]
    if not isinstance(node, dict):
        return []
    bad = [str(v) for k, v in node.items() if k in URI_FIELDS and not (urlsplit(str(v)).scheme and
                                                                      urlsplit(str(v)).netloc)]
    return bad + [b for v in node.values() for b in _bad_uris(v)]


def validate_strictly(document: dict[str, Any]) -> None:
    jsonschema.validate(document, STRICT, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    assert not _bad_uris(document)


def _properties(node: dict[str, Any]) -> list[str]:
    node = node.get("items", node)
    return list(node["properties"])


def test_the_fields_kept_are_the_schemas_own_in_its_order():
    assert URI_FIELDS == {"$schema", "url", "image", "canonical"}
    assert list(SCHEMA["properties"]) == ["$schema", *SECTIONS]
    for section in SECTIONS:
        assert list(FIELDS[section]) == _properties(SCHEMA["properties"][section]), section
    basics = SCHEMA["properties"]["basics"]["properties"]
    assert list(FIELDS["location"]) == _properties(basics["location"])
    assert list(FIELDS["profiles"]) == _properties(basics["profiles"])


@pytest.mark.parametrize("path", [PROFILES / "profile.yaml", SCAFFOLD / "profile.yaml"],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example_and_init_profiles_export_with_json_resumes_fields_only(path):
    document = json_resume(load_profile(path))
    validate_strictly(document)
    assert document["basics"]["name"]


EVERY_EXTENSION = {
    "basics": {"name": "Zoë Ñúñez-山田", "label": "Analyst", "image": "photo.png", "email": "zoe@example.com",
               "birthDate": "1990-01-01", "nationality": "Irish", "gender": "f",
               "summary": [{"text": "Data **analyst**", "tags": ["a"], "id": "s1"}, {"text": "Lead", "tags": ["b"]}],
               "location": {"city": "Tel Aviv", "countryCode": "IL"},
               "profiles": [{"network": "GitHub", "username": "zoe", "url": "https://github.com/zoe"}]},
    "work": [{"name": "מכבי", "position": "אנליסטית", "startDate": "2021-03", "endDate": "present",
              "tags": ["x"], "id": "w1", "description": "HMO, see [site](https://maccabi.example)",
              "highlights": [{"text": "Cut costs **40%**", "tags": ["ml"], "id": "h1"}, "Plain 😀"]}],
    "education": [{"institution": "TAU", "startDate": 2015, "endDate": "2018-06-30", "courses": ["Stats"],
                   "tags": ["y"]}],
    "skills": [{"name": "SQL", "keywords": ["dbt"], "tags": ["z"], "id": "k1"}],
    "projects": [{"name": "P", "highlights": [{"text": "Shipped", "tags": ["p"]}], "roles": ["Lead"]}],
    "sections": {"talks": {"title": "Talks", "bullets": ["PyData"]}},
    "letter": {"closing": "Thanks", "signature": "Zoë"},
}


def test_every_extension_is_left_out_or_turned_into_json_resume():
    document = json_resume(load_profile(EVERY_EXTENSION))
    validate_strictly(document)
    basics = document["basics"]
    assert "image" not in basics  # a file of the project, not a web address
    assert basics["summary"] == "Data analyst" and "birthDate" not in basics
    assert document["work"] == [{"name": "מכבי", "description": "HMO, see site", "position": "אנליסטית",
                                 "startDate": "2021-03", "highlights": ["Cut costs 40%", "Plain 😀"]}]
    assert document["education"][0]["startDate"] == "2015" and document["education"][0]["endDate"] == "2018-06-30"
    assert document["projects"] == [{"name": "P", "highlights": ["Shipped"], "roles": ["Lead"]}]
    text = json.dumps(document)
    assert all(word not in text for word in ('"tags"', '"id"', "sections", "letter", "Talks"))


def test_a_photo_at_a_web_address_is_kept():
    profile = load_profile({"basics": {"name": "A", "image": "https://example.com/a.jpg"}})
    assert json_resume(profile)["basics"]["image"] == "https://example.com/a.jpg"


def test_non_ascii_is_written_as_itself_in_utf8_with_one_final_newline():
    data = render_json(load_profile(EVERY_EXTENSION))
    text = data.decode("utf-8")
    assert "Zoë Ñúñez-山田" in text and "מכבי" in text and "😀" in text and "\\u" not in text
    assert data.endswith(b"}\n") and not data.endswith(b"\n\n")
    assert data == render_json(load_profile(copy.deepcopy(EVERY_EXTENSION)))  # the same bytes again
    assert list(json.loads(data)["basics"]) == ["name", "label", "email", "summary", "location", "profiles"]
