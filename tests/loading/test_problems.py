"""Validation problems: every one at once, located, in plain English; unknown keys; strictness."""

from __future__ import annotations

import warnings

import pytest

from resumekit import ProfileError, load_profile
from resumekit.loading import ResumekitWarning

from ..helpers import PROFILES, problems_of, write


THREE_MISTAKES = """\
basics:
  name: Jane Doe
  email: 5
work:
  - name: Globex
    position: Analyst
    startDate: 2024-13
    highlights: one long string
"""


def test_every_problem_in_a_file_is_reported_at_once(tmp_path):
    problems = problems_of(write(tmp_path / "profile.yaml", THREE_MISTAKES))
    assert [(p.line, p.field) for p in problems] == [
        (3, "basics.email"), (7, "work[0].startDate"), (8, "work[0].highlights")]


def test_a_problem_names_file_line_column_and_field(tmp_path):
    path = write(tmp_path / "profile.yaml", THREE_MISTAKES)
    problem = problems_of(path)[0]
    assert (problem.file, problem.line, problem.column, problem.field) == (str(path), 3, 10, "basics.email")
    assert str(problem).startswith(f"{path}:3:10: basics.email: ")


def test_the_error_text_lists_every_problem_with_its_place(tmp_path):
    path = write(tmp_path / "profile.yaml", THREE_MISTAKES)
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    text = str(info.value)
    assert text.startswith("3 problems in the profile")
    for place in (f"{path}:3:10", f"{path}:7:16", f"{path}:8:17"):
        assert place in text


def test_messages_are_plain_english_with_a_way_to_fix(tmp_path):
    messages = [p.message for p in problems_of(write(tmp_path / "profile.yaml", THREE_MISTAKES))]
    assert messages == [
        "must be text, not the number 5; put it in quotes",
        "'2024-13' is not a real date",
        "must be a list, not 'one long string'; write [one long string]",
    ]


@pytest.mark.parametrize("yaml_text, field, expected", [
    ("work:\n  - startDate: June 2020\n", "work[0].startDate", "write 2024, 2024-06 or 2024-06-30"),
    ("work:\n  - startDate: 2020.5\n", "work[0].startDate", "must be a date such as 2024"),
    ("work:\n  - endDate: yes\n", "work[0].endDate", "must be a date such as 2024"),
    ("basics:\n  email: ~\n", "basics.email", "is empty (null); give it a value or remove the key"),
    ("work:\n  name: Globex\n", "work", "must be a list, not a mapping"),
    ("basics:\n  location: Columbus\n", "basics.location", "must be a mapping of keys to values, not 'Columbus'"),
    ("skills:\n  - keywords: SQL\n", "skills[0].keywords", "must be a list, not 'SQL'"),
    ("basics:\n  name: true\n", "basics.name", "must be text, not true (a yes/no value); put it in quotes"),
])
def test_common_mistakes_get_a_specific_message(yaml_text, field, expected):
    from resumekit.loading import parse_text, validate_document
    from resumekit.models import Profile

    with pytest.raises(ProfileError) as info:
        validate_document(parse_text(yaml_text, "profile.yaml", ProfileError), Profile, ProfileError)
    [problem] = info.value.problems
    assert problem.field == field
    assert expected in problem.message
    assert "Input should" not in problem.message


def test_a_missing_required_key_is_named_where_it_is_missing(tmp_path):
    text = "work:\n  - name: Globex\n    highlights:\n      - tags: [leadership]\n"
    [problem] = problems_of(write(tmp_path / "profile.yaml", text))
    assert (problem.field, problem.line, problem.message) == ("work[0].highlights[0].text", 4, "is required")


def test_a_bad_summary_variant_is_one_problem_at_the_variant(tmp_path):
    # summary is "text, or a list of variants": only the variant's own mistake is reported
    text = "basics:\n  summary:\n    - tags: [analytics]\n"
    [problem] = problems_of(write(tmp_path / "profile.yaml", text))
    assert (problem.field, problem.message) == ("basics.summary[0].text", "is required")


def test_problems_are_listed_in_file_order(tmp_path):
    text = "basics:\n  phone: 6145550142\n  email: ~\n  name: [Jane]\n"
    lines = [p.line for p in problems_of(write(tmp_path / "profile.yaml", text))]
    assert lines == [2, 3, 4]


def test_problems_in_a_mapping_name_the_field():
    [problem] = problems_of({"basics": {"name": 5}})
    assert (problem.file, problem.field, problem.line) == ("<profile>", "basics.name", None)


def test_an_unknown_key_warns_with_did_you_mean(tmp_path):
    path = write(tmp_path / "profile.yaml", "work:\n  - name: Globex\n    positon: Analyst\n")
    with pytest.warns(ResumekitWarning) as record:
        load_profile(path)
    [warning] = [str(w.message) for w in record]
    assert warning == f"{path}:3:5: work[0].positon: warning: unknown key 'positon'; did you mean 'position'?"


def test_an_unknown_key_in_a_highlight_is_found(tmp_path):
    path = write(tmp_path / "profile.yaml", "work:\n  - highlights:\n      - {text: Led a team, tag: [x]}\n")
    with pytest.warns(ResumekitWarning, match=r"work\[0\]\.highlights\[0\]\.tag: .*did you mean 'tags'"):
        load_profile(path)


def test_an_unknown_key_is_kept(tmp_path):
    path = write(tmp_path / "profile.yaml", "basics:\n  name: Jane\n  pronouns: she/her\n")
    with pytest.warns(ResumekitWarning, match="unknown key 'pronouns' \\(kept"):
        profile = load_profile(path)
    assert profile.basics.model_extra == {"pronouns": "she/her"}


def test_strict_makes_an_unknown_key_an_error(tmp_path):
    path = write(tmp_path / "profile.yaml", "work:\n  - name: Globex\n    positon: Analyst\n")
    [problem] = problems_of(path, strict=True)
    assert (problem.line, problem.field, problem.severity) == (3, "work[0].positon", "error")
    assert "did you mean 'position'?" in problem.message


def test_strict_reports_unknown_keys_together_with_other_errors(tmp_path):
    path = write(tmp_path / "profile.yaml", "basics:\n  nmae: Jane\n  email: 5\n")
    assert [p.field for p in problems_of(path, strict=True)] == ["basics.nmae", "basics.email"]


def test_the_example_profile_loads_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        profile = load_profile(PROFILES / "profile.yaml", strict=True)
    assert profile.basics.name
