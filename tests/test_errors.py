"""The errors a user can cause: what each carries, how it reads, and the exit code it brings."""

from __future__ import annotations

import pickle

import pytest

import resumekit
from resumekit import ProfileError, TargetError
from resumekit.errors import (
    BuildError, ConfigError, FeedbackError, InternalError, Problem, ResumekitError, UsageError, did_you_mean)


@pytest.mark.parametrize("error", [ProfileError, TargetError, ConfigError, FeedbackError])
def test_every_file_error_is_a_resumekit_error_carrying_its_problems(error):
    problem = Problem("profile.yaml", 3, 5, "basics.name", "must be text")
    raised = error([problem])
    assert isinstance(raised, resumekit.ResumekitError)
    assert raised.problems == [problem]


def test_a_build_error_is_a_resumekit_error():
    assert issubclass(BuildError, resumekit.ResumekitError)


@pytest.mark.parametrize("problem, text", [
    (Problem("p.yaml", 3, 5, "basics.name", "must be text"), "p.yaml:3:5: basics.name: must be text"),
    (Problem("p.yaml", 3, None, "", "bad"), "p.yaml:3: bad"),
    (Problem("p.yaml", None, None, "", "file not found"), "p.yaml: file not found"),
    (Problem("p.yaml", 2, 1, "x", "unknown key 'x'", "warning"), "p.yaml:2:1: x: warning: unknown key 'x'"),
])
def test_a_problem_reads_file_line_column_field_message(problem, text):
    assert str(problem) == text


def test_a_users_mistake_exits_1_and_a_command_line_mistake_exits_2():
    assert (ResumekitError.exit_code, ProfileError.exit_code, BuildError.exit_code) == (1, 1, 1)
    assert UsageError("no target 'x'").exit_code == 2


def test_a_command_line_mistake_is_not_a_failed_build():
    assert issubclass(UsageError, ResumekitError) and not issubclass(UsageError, BuildError)


def test_a_bug_is_not_a_users_error():
    assert not issubclass(InternalError, ResumekitError)


def test_the_error_text_counts_the_problems_and_lists_each_on_its_own_line():
    one = Problem("p.yaml", 3, 5, "basics.name", "must be text")
    two = Problem("p.yaml", 4, 1, "work", "must be a list")
    assert str(ProfileError([one])) == "1 problem in the profile:\n  p.yaml:3:5: basics.name: must be text"
    assert str(TargetError([one, two])).splitlines() == [
        "2 problems in the target:", "  p.yaml:3:5: basics.name: must be text", "  p.yaml:4:1: work: must be a list"]


def test_an_error_crosses_a_process_boundary_with_its_problems():
    error = FeedbackError([Problem("f.yaml", 2, 9, "applications[0].id", "is not a valid id")])
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is FeedbackError and again.problems == error.problems and str(again) == str(error)


def test_did_you_mean_suggests_the_closest_known_name_or_nothing():
    assert did_you_mean("positon", ["name", "position", "startDate"]) == "; did you mean 'position'?"
    assert did_you_mean("hobbies", ["name", "position"]) == ""
