"""The command line's grammar: help on every command, usage errors exit 2, the version."""

from __future__ import annotations

import argparse

import pytest

from resumekit import __version__
from resumekit.cli.parser import make_parser

from ..helpers import exit_code, run_cli


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append((*prefix, name))
                found += _commands(sub, (*prefix, name))
    return found


COMMANDS = sorted(set(_commands(make_parser())) | {("init",), ("build",), ("validate",), ("schema",)})


def test_help_works_at_the_top(capsys):
    assert exit_code(["--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: resumekit")


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_works_on_every_command(capsys, command):
    assert exit_code([*command, "--help"]) == 0
    assert capsys.readouterr().out.startswith(f"usage: resumekit {' '.join(command)}")


@pytest.mark.parametrize("argv", [[], ["nonsense"], ["build", "--bogus"], ["build", "--format", "odt"],
                                  ["schema", "resume"], ["build", "--target"]])
def test_a_wrong_command_line_exits_2_with_usage(capsys, argv):
    assert exit_code(argv) == 2
    assert "usage: resumekit" in capsys.readouterr().err


def test_a_wrong_command_line_exits_2_in_a_real_process(tmp_path):
    done = run_cli("build", "--bogus", cwd=tmp_path)
    assert done.returncode == 2
    assert "unrecognized arguments: --bogus" in done.stderr and "Traceback" not in done.stderr


def test_the_version_is_printed(capsys):
    assert exit_code(["--version"]) == 0
    assert capsys.readouterr().out.startswith("resumekit ")


def test_the_version_printed_is_the_packages(capsys):
    assert exit_code(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"resumekit {__version__}"


@pytest.mark.parametrize("command", [["build"], ["watch"], ["validate"], ["feedback", "report"],
                                     ["feedback", "request", "acme-2026"], ["explain", "acme-lead"]], ids=" ".join)
def test_every_command_that_reads_a_project_takes_the_config_and_strict(command):
    args = make_parser().parse_args([*command, "-c", "elsewhere/resumekit.yaml", "--strict"])
    assert (args.config, args.strict) == ("elsewhere/resumekit.yaml", True)
    assert make_parser().parse_args(command).config == "resumekit.yaml"


def test_build_options_collect_repeated_targets_and_formats():
    args = make_parser().parse_args(["build", "--target", "acme", "--target", "general", "--format", "pdf", "-j", "2"])
    assert (args.target, args.format, args.jobs, args.force) == (["acme", "general"], ["pdf"], 2, False)
