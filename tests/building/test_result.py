"""What a build reports: every output, the targets that failed, and each warning once."""

from __future__ import annotations

from pathlib import Path

from resumekit.building import BuildResult, Failure, Output
from resumekit.errors import BuildError


def output(name: str, status: str = "built") -> Output:
    return Output(Path("out") / name, name.split("/")[0], "resume", "pdf", status)


def test_merging_adds_another_targets_outputs_and_failures():
    result = BuildResult(outputs=[output("acme/cv.pdf")])
    failure = Failure("globex", BuildError("cannot write"))
    result.merge(BuildResult(outputs=[output("initech/cv.pdf", "up to date")], failures=[failure]))
    assert [o.target for o in result.outputs] == ["acme", "initech"]
    assert result.failures == [failure]


def test_a_warning_two_targets_meet_is_reported_once():
    result = BuildResult(warnings=["basics.image is on the network"])
    result.merge(BuildResult(warnings=["basics.image is on the network", "acme: still over 1 page(s)"]))
    result.merge(BuildResult(warnings=["acme: still over 1 page(s)"]))
    assert result.warnings == ["basics.image is on the network", "acme: still over 1 page(s)"]


def test_built_lists_only_what_was_written_and_ok_means_no_failures():
    result = BuildResult(outputs=[output("acme/cv.pdf"), output("globex/cv.pdf", "up to date")])
    assert [o.target for o in result.built] == ["acme"]
    assert result.ok
    result.merge(BuildResult(failures=[Failure("initech", BuildError("broken theme"))]))
    assert not result.ok
