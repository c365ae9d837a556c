"""Python data handed to a loader is checked as a file would be: text keys, no control
characters, bounded depth and size, no cycles; and a path must be a path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from resumekit.errors import FeedbackError, ProfileError
from resumekit.loading.mapping import checked_areas, checked_path, describe, plain_data
from resumekit.loading.yaml import MAX_DEPTH, MAX_NODES


def _fields(exc: pytest.ExceptionInfo[ProfileError]) -> list[str]:
    return [p.field for p in exc.value.problems]


def test_plain_data_is_copied_not_shared():
    source = {"basics": {"name": "Jane"}, "work": ({"name": "Acme", "startDate": dt.date(2020, 1, 1)},)}
    data = plain_data(source, "<profile>", ProfileError)
    assert data == {"basics": {"name": "Jane"}, "work": [{"name": "Acme", "startDate": dt.date(2020, 1, 1)}]}
    data["basics"]["name"] = "changed"
    assert source["basics"]["name"] == "Jane"


def test_a_path_value_is_taken_as_its_text():
    assert plain_data({"posting": Path("jobs/acme.txt")}, "<target>", ProfileError) == {"posting": "jobs/acme.txt"}


def test_every_bad_value_is_reported_at_once_with_its_field():
    source = {1: "x", "basics": {"name": "a\x00b", "label": b"bytes", "url": object()}, "work": [{"name": "\x1b[31m"}]}
    with pytest.raises(ProfileError) as exc:
        plain_data(source, "<profile>", ProfileError)
    assert _fields(exc) == ["(top)", "basics.name", "basics.label", "basics.url", "work[0].name"]
    assert all(p.file == "<profile>" and p.line is None for p in exc.value.problems)
    assert "U+0000" in str(exc.value) and "U+001B" in str(exc.value)


@pytest.mark.parametrize("character", ["\x07", "\x7f", "\x85\x9b", "\ud800"])
def test_control_characters_are_refused_as_in_a_file(character):
    # U+0085 (NEL) alone is a line break, as YAML reads it; U+009B beside it is a C1 control
    with pytest.raises(ProfileError) as exc:
        plain_data({"basics": {"summary": f"a{character}b"}}, "<profile>", ProfileError)
    assert _fields(exc) == ["basics.summary"]


def test_a_control_character_in_a_key_is_refused():
    with pytest.raises(ProfileError, match="key holds a control character"):
        plain_data({"na\x1bme": "x"}, "<profile>", ProfileError)


def test_nesting_deeper_than_the_files_limit_is_refused():
    node: dict = {"x": 1}
    for _ in range(MAX_DEPTH + 5):
        node = {"x": node}
    with pytest.raises(ProfileError, match="levels deep"):
        plain_data(node, "<profile>", ProfileError)


def test_a_mapping_that_contains_itself_is_refused():
    node: dict = {"name": "x"}
    node["self"] = node
    with pytest.raises(ProfileError, match="cycle") as exc:
        plain_data({"meta": node}, "<profile>", ProfileError)
    assert _fields(exc) == ["meta.self"]


def test_a_value_shared_twice_is_no_cycle():
    shared = ["dispatch"]
    assert plain_data({"a": shared, "b": shared}, "<profile>", ProfileError) == {"a": ["dispatch"], "b": ["dispatch"]}


def test_more_values_than_a_file_may_hold_are_refused():
    with pytest.raises(ProfileError, match="more than"):
        plain_data({"meta": list(range(MAX_NODES + 1))}, "<profile>", ProfileError)


@pytest.mark.parametrize("value", [42, None, b"profile.yaml", 3.5, True, object(), []])
def test_a_value_that_is_no_path_is_the_loaders_error(value):
    with pytest.raises(FeedbackError, match="expected the path of a feedback file"):
        checked_path(value, FeedbackError, "feedback")


def test_a_path_with_a_nul_is_refused_by_name():
    with pytest.raises(ProfileError, match="NUL") as exc:
        checked_path("pro\x00file.yaml", ProfileError, "profile")
    assert exc.value.problems[0].file == "pro\\0file.yaml"


def test_a_path_is_taken_as_given():
    assert checked_path(Path("a/b.yaml"), ProfileError, "profile") == Path("a/b.yaml")
    assert checked_path("b.yaml", ProfileError, "profile") == Path("b.yaml")


def test_areas_must_map_names_to_phrases():
    assert checked_areas({"safety": ["incident-free"]}, FeedbackError) == {"safety": ["incident-free"]}
    assert checked_areas(None, FeedbackError) is None
    for bad in ("safety", {"safety": "incident-free"}, {1: ["x"]}, {"safety": [1]}):
        with pytest.raises(FeedbackError, match="area names to lists of phrases"):
            checked_areas(bad, FeedbackError)


def test_values_are_described_shortly():
    assert describe(42) == "an int (42)"
    assert describe(None) == "None"
    assert describe([]) == "a list"
    assert describe("x" * 100).endswith("...)") and len(describe("x" * 100)) < 60
