"""What a build reports: every output, the targets that failed, and the warnings met."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ResumekitError

GENERAL_BUILD = "general"
"""The id of the untailored build, made alongside the targets."""


@dataclass
class Output:
    """One file a build produced or found up to date."""

    path: Path
    target: str
    document: str
    format: str
    status: str  # "built" or "up to date"
    pages: int | None = None


@dataclass
class Failure:
    """A target that could not be built, and why (a located error, for people).

    ``file`` names the target's file when two files claim one id, so both can be told apart.
    """

    target: str
    error: ResumekitError
    file: str | None = None


@dataclass
class BuildResult:
    """What a build did: every output, the targets that failed, and the warnings met."""

    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    stale: list[Path] = field(default_factory=list)
    """Output folders of targets that no longer exist (removed with ``clean``)."""
    notes: list[str] = field(default_factory=list)
    """What the build wants the user to know that is not wrong (how much a translation left out)."""

    @property
    def built(self) -> list[Output]:
        return [o for o in self.outputs if o.status == "built"]

    @property
    def ok(self) -> bool:
        return not self.failures

    def merge(self, other: BuildResult) -> None:
        """Add another target's result to this one."""
        self.outputs += other.outputs
        self.failures += other.failures
        self.warnings += [w for w in other.warnings if w not in self.warnings]
        self.notes += [n for n in other.notes if n not in self.notes]
