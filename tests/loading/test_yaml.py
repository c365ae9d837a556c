"""Reading user files: every problem at once and located, unknown keys, strictness, safety."""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import pytest

from resumekit import ProfileError, TargetError, load_profile, load_target
from resumekit.loading import ResumekitWarning

from ..helpers import JANE, PROFILES


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path_or_data, **kwargs):
    with pytest.raises(ProfileError) as info:
        load_profile(path_or_data, **kwargs)
    return info.value.problems


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


# --- every problem, located ----------------------------------------------------------------


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


def test_a_yaml_syntax_error_names_its_line_and_column(tmp_path):
    [problem] = problems_of(write(tmp_path / "profile.yaml", "basics:\n  name: Jane\n   label: x\n"))
    assert (problem.line, problem.column) == (3, 9)
    assert problem.message.startswith("this is not valid YAML")


def test_tab_indentation_is_a_located_yaml_error(tmp_path):
    [problem] = problems_of(write(tmp_path / "profile.yaml", "basics:\n\tname: Jane\n"))
    assert problem.line == 2
    assert "not valid YAML" in problem.message


def test_a_key_written_twice_is_an_error(tmp_path):
    [problem] = problems_of(write(tmp_path / "profile.yaml", "basics:\n  name: A\n  name: B\n"))
    assert (problem.line, problem.field) == (3, "basics.name")
    assert "appears twice" in problem.message


def test_merge_keys_may_override_what_they_merge(tmp_path):
    text = ("x-base: &base\n  name: Globex\n  position: Analyst\n"
            "work:\n  - <<: *base\n    position: Lead Analyst\n")
    with pytest.warns(ResumekitWarning, match="x-base"):
        profile = load_profile(write(tmp_path / "profile.yaml", text))
    assert (profile.work[0].name, profile.work[0].position) == ("Globex", "Lead Analyst")


def test_a_merged_mapping_used_twice_is_read_the_same_both_times(tmp_path):
    text = ("x-base: &base {name: Globex, position: Analyst}\n"
            "x-job: &job\n  <<: *base\n  position: Lead Analyst\n"
            "work: [*job, *job]\n")
    with pytest.warns(ResumekitWarning):
        profile = load_profile(write(tmp_path / "profile.yaml", text))
    assert [(w.name, w.position) for w in profile.work] == [("Globex", "Lead Analyst")] * 2


def test_a_file_that_is_not_a_mapping_is_refused(tmp_path):
    [problem] = problems_of(write(tmp_path / "profile.yaml", "- Jane\n- Doe\n"))
    assert problem.message == "the file must hold a mapping of keys to values, not a list"


def test_an_empty_file_is_an_empty_profile(tmp_path):
    assert load_profile(write(tmp_path / "profile.yaml", "# nothing yet\n")).work == []


def test_a_missing_file_is_a_profile_error(tmp_path):
    [problem] = problems_of(tmp_path / "nowhere.yaml")
    assert (problem.file, problem.message) == (str(tmp_path / "nowhere.yaml"), "file not found")


def test_a_folder_is_not_a_profile(tmp_path):
    [problem] = problems_of(tmp_path)
    assert problem.message == "this is a folder, not a file"


def test_a_file_that_is_not_utf8_is_refused_plainly(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_bytes("basics:\n  name: Zoë\n".encode("latin-1"))
    [problem] = problems_of(path)
    assert problem.message.startswith("the file is not UTF-8 text")


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_bytes("\ufeffbasics:\n  name: Zoë\n".encode())
    assert load_profile(path).basics.name == "Zoë"


def test_json_indented_with_tabs_is_accepted(tmp_path):
    path = write(tmp_path / "profile.json", '{\n\t"basics": {\n\t\t"name": "Jane Doe"\n\t}\n}\n')
    assert load_profile(path).basics.name == "Jane Doe"


def test_broken_json_names_its_line(tmp_path):
    text = '{\n\t"basics": {\n\t\t"name": "Jane",\n\t}\n}\n'  # a trailing comma on line 3
    [problem] = problems_of(write(tmp_path / "profile.json", text))
    assert (problem.line, problem.column) == (4, 2)
    assert "not valid JSON" in problem.message


def test_a_parsed_mapping_loads_like_a_file(tmp_path):
    import yaml

    from_file = load_profile(write(tmp_path / "profile.yaml", JANE))
    assert load_profile(yaml.safe_load(JANE)) == from_file


def test_problems_in_a_mapping_name_the_field():
    [problem] = problems_of({"basics": {"name": 5}})
    assert (problem.file, problem.field, problem.line) == ("<profile>", "basics.name", None)


# --- unknown keys --------------------------------------------------------------------------


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


# --- safety --------------------------------------------------------------------------------


@pytest.mark.parametrize("tagged", [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/apply:subprocess.check_call [[touch, '{marker}']]",
    "!!python/object/new:subprocess.Popen {{args: [touch, '{marker}']}}",
    "!!python/name:os.system",
    "{{? !!python/name:os.system : x}}",
])
def test_python_tags_are_refused_and_nothing_runs(tmp_path, tagged):
    marker = tmp_path / "ran"
    path = write(tmp_path / "profile.yaml", "basics:\n  name: " + tagged.format(marker=marker) + "\n")
    [problem] = problems_of(path)
    assert problem.line == 2
    assert not marker.exists()


def _alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_long_before_it_expands(tmp_path):
    # Expanded, the bomb is 387 million values; refused at 200,000 it takes about half a
    # second. The bound is loose because test machines are noisy: it catches a walker
    # that stopped counting, which would run for minutes.
    path = write(tmp_path / "profile.yaml", _alias_bomb())
    started = time.perf_counter()
    [problem] = problems_of(path)
    assert time.perf_counter() - started < 5
    assert "too many aliases" in problem.message


def test_an_alias_bomb_used_as_a_key_is_refused_within_a_second(tmp_path):
    anchors = ['&a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    anchors += [f"&a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    path = write(tmp_path / "profile.yaml", "? [" + ", ".join(anchors) + "]\n: x\n")
    started = time.perf_counter()
    [problem] = problems_of(path)
    assert time.perf_counter() - started < 1
    assert problem.message == "a key must be plain text, not a list or a mapping"


def test_a_multi_megabyte_file_is_refused_fast(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_text("basics:\n  name: Jane\n" + "# padding padding padding padding\n" * 150_000)
    assert path.stat().st_size > 4 * 1024 * 1024
    started = time.perf_counter()
    [problem] = problems_of(path)
    assert time.perf_counter() - started < 0.5
    assert "MB" in problem.message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_file_that_never_ends_is_refused(tmp_path):
    (tmp_path / "profile.yaml").symlink_to("/dev/zero")
    started = time.perf_counter()
    [problem] = problems_of(tmp_path / "profile.yaml")
    assert time.perf_counter() - started < 2
    assert "larger than" in problem.message


def test_deep_nesting_is_refused_plainly(tmp_path):
    path = write(tmp_path / "profile.yaml", "basics:\n  summary: " + "[" * 5000 + "]" * 5000 + "\n")
    [problem] = problems_of(path)
    assert "nested more than" in problem.message


# --- targets -------------------------------------------------------------------------------


def test_a_target_id_defaults_to_its_file_name(tmp_path):
    assert load_target(write(tmp_path / "acme-lead.yaml", "title: Lead Analyst\n")).id == "acme-lead"


def test_a_file_name_with_spaces_gives_a_folder_safe_id(tmp_path):
    assert load_target(write(tmp_path / "Acme Lead (2026).yaml", "title: Lead\n")).id == "Acme-Lead-2026"


@pytest.mark.parametrize("bad_id", ["../evil", "a/b", "..", "/etc", ".hidden", "a\\b", "x" * 200])
def test_a_target_id_that_cannot_name_a_folder_is_refused(tmp_path, bad_id):
    import json

    path = write(tmp_path / "job.yaml", f"title: Lead\nid: {json.dumps(bad_id)}\n")
    with pytest.raises(TargetError) as info:
        load_target(path)
    [problem] = info.value.problems
    assert (problem.line, problem.field) == (2, "id")
    assert "cannot name a folder" in problem.message


def test_the_posting_is_read_from_beside_the_target(tmp_path):
    write(tmp_path / "acme.txt", "We are hiring a Lead Analyst who knows SQL.\n")
    target = load_target(write(tmp_path / "acme.yaml", "posting: acme.txt\n"))
    assert target.posting_text == "We are hiring a Lead Analyst who knows SQL.\n"


def test_a_missing_posting_is_an_error_at_its_line(tmp_path):
    path = write(tmp_path / "acme.yaml", "title: Lead\nposting: nowhere.txt\n")
    with pytest.raises(TargetError) as info:
        load_target(path)
    [problem] = info.value.problems
    assert (problem.line, problem.field) == (2, "posting")
    assert "file not found" in problem.message


def test_a_target_page_budget_must_be_positive(tmp_path):
    with pytest.raises(TargetError) as info:
        load_target(write(tmp_path / "acme.yaml", "pages: 0\n"))
    assert info.value.problems[0].message == "must be at least 1, not the number 0"


@pytest.mark.parametrize("start, end, wrong", [
    ("2020-05", "2019", True), ("2020-05", "2020", False), ("2020-05-10", "2020-05-01", True),
    ("2020", "2020-01", False), ("2021", "present", False),
])
def test_an_end_date_before_its_start_date_is_a_located_problem(tmp_path, start, end, wrong):
    text = f"work:\n  - name: Globex\n    startDate: '{start}'\n    endDate: '{end}'\n"
    if not wrong:
        load_profile(write(tmp_path / "profile.yaml", text))
        return
    [problem] = problems_of(write(tmp_path / "profile.yaml", text))
    assert (problem.line, problem.field) == (4, "work[0].endDate")
    assert "before the startDate" in problem.message


def test_a_yaml_syntax_error_says_what_likely_went_wrong(tmp_path):
    [problem] = problems_of(write(tmp_path / "profile.yaml", "basics:\n  label: Analyst: data\n"))
    assert (problem.line, problem.column) == (2, 17)
    assert "':' inside text that is not in quotes" in problem.message
