"""Reading a user's YAML or JSON file: located syntax errors, encodings, merge keys, and safety."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import resumekit
from resumekit import ProfileError, load_profile
from resumekit.loading import ResumekitWarning

from ..helpers import JANE, problems_of, write


# --- syntax, encodings, located ---------------------------------------------------------


def test_a_yaml_syntax_error_names_its_line_and_column(tmp_path):
    [problem] = problems_of(write(tmp_path / "profile.yaml", "basics:\n  name: Jane\n   label: x\n"))
    assert (problem.line, problem.column) == (3, 9)
    assert problem.message.startswith("this is not valid YAML")


def test_a_yaml_syntax_error_says_what_likely_went_wrong(tmp_path):
    [problem] = problems_of(write(tmp_path / "profile.yaml", "basics:\n  label: Analyst: data\n"))
    assert (problem.line, problem.column) == (2, 17)
    assert "':' inside text that is not in quotes" in problem.message


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


def test_a_file_that_is_not_utf8_is_refused_plainly_at_the_byte(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_bytes("basics:\n  name: Zoë\n".encode("latin-1"))
    [problem] = problems_of(path)
    assert (problem.line, problem.column) == (2, 11)
    assert problem.message.startswith("byte 0xEB is not UTF-8 text") and "save it as UTF-8" in problem.message


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
    assert problem.message == "this is a device, not a file"  # refused before it is opened


def test_deep_nesting_is_refused_plainly(tmp_path):
    path = write(tmp_path / "profile.yaml", "basics:\n  summary: " + "[" * 5000 + "]" * 5000 + "\n")
    [problem] = problems_of(path)
    assert "nested more than" in problem.message


@pytest.mark.parametrize("text, message", [
    ('basics:\n  name: "Jane \\x07 Doe"\n', "control character (U+0007)"),
    ('work:\n  - highlights: ["a \\ud800 b"]\n', "control character (U+D800)"),
    ("work:\n  - startDate: 2020-02-30\n", "'2020-02-30' is not a real date"),
])
def test_text_documents_cannot_carry_is_a_located_problem(tmp_path, text, message):
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        resumekit.load_profile(path)
    [problem] = caught.value.problems
    assert problem.line is not None and message in problem.message
