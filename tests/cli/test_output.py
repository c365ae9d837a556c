"""What the command line prints: problems and warnings one a line, with any control character made visible."""

from __future__ import annotations

import pytest

from resumekit.cli.output import print_error, print_warnings, printable, shown
from resumekit.errors import BuildError, Problem, ProfileError


@pytest.mark.parametrize("text, safe", [
    ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
    ("bell\x07", "bell\\x07"),
    ("right-to-left \u202e override", "right-to-left \\u202e override"),
    ("Zoë Jäger – plain text", "Zoë Jäger – plain text"),
])
def test_control_characters_a_file_could_smuggle_in_are_shown_not_obeyed(text, safe):
    assert printable(text) == safe


def test_each_problem_is_an_error_line_and_the_count_ends_them(capsys):
    problems = [Problem("p.yaml", 3, 10, "basics.email", "must be text"),
                Problem("p.yaml", 8, 17, "work[0].highlights", "must be a list")]
    print_error(ProfileError(problems), writes=True)
    assert capsys.readouterr().err.splitlines() == [
        "error: p.yaml:3:10: basics.email: must be text",
        "error: p.yaml:8:17: work[0].highlights: must be a list",
        "2 problems found; nothing was written, the last good documents are kept."]


def test_a_command_that_writes_nothing_does_not_say_nothing_was_written(capsys):
    print_error(ProfileError([Problem("p.yaml", 1, 1, "", "bad")]))
    assert capsys.readouterr().err.splitlines()[-1] == "1 problem found."


def test_an_error_without_a_place_is_one_line(capsys):
    print_error(BuildError("cannot write out/cv.pdf: disk full"))
    assert capsys.readouterr().err == "error: cannot write out/cv.pdf: disk full\n"


def test_a_problem_in_a_file_below_here_is_shown_relative(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "profile.yaml"
    print_warnings([Problem(str(path), 2, 5, "basics.lable", "unknown key 'lable'", "warning"),
                    f"{tmp_path}/out is not empty"])
    assert capsys.readouterr().err.splitlines() == [
        "profile.yaml:2:5: basics.lable: warning: unknown key 'lable'",
        "warning: out is not empty"]
    assert shown(path) == "profile.yaml" and shown("/elsewhere/profile.yaml") == "/elsewhere/profile.yaml"


def test_a_message_with_an_escape_sequence_reaches_the_terminal_harmless(capsys):
    print_error(BuildError("theme '\x1b]0;pwned\x07' is neither a built-in theme nor a folder"))
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b]0;pwned\\x07" in err
