"""The errors a user can cause, each carrying every problem found, with its place."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or doubtful) in a user's file, and where it is."""

    file: str
    line: int | None
    column: int | None
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        place = self.file
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        field = f" {self.field}:" if self.field else ""
        label = "warning: " if self.severity == "warning" else ""
        return f"{place}:{field} {label}{self.message}"


def did_you_mean(value: str, known: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest of ``known``, or ``""`` when none is close."""
    import difflib

    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


class ResumekitError(Exception):
    """Base of every error a user can cause; its text is meant for people.

    ``exit_code`` travels with the error, so the command line needs no table of them.
    """

    exit_code = 1


class LocatedError(ResumekitError):
    """A user's file is wrong; carries every problem found in it."""

    kind = "file"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self._summary())

    def __reduce__(self) -> tuple[type, tuple[list[Problem]]]:
        return (type(self), (self.problems,))  # survives pickling, for process pools

    def _summary(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the {self.kind}"
        return head + ":\n" + "\n".join(f"  {p}" for p in self.problems)


class ProfileError(LocatedError):
    """The profile is wrong."""

    kind = "profile"


class FeedbackError(LocatedError):
    """The feedback file is wrong."""

    kind = "feedback"


class TargetError(LocatedError):
    """A target (job) file is wrong."""

    kind = "target"


class ConfigError(LocatedError):
    """The project config is wrong."""

    kind = "config"


class BuildError(ResumekitError):
    """A document could not be produced from valid input (e.g. an unreadable theme)."""


class UsageError(ResumekitError):
    """The command line asks for something that is not there: a target or a format."""

    exit_code = 2


class InternalError(Exception):
    """A bug in resumekit, not in the user's files: shown as such, with a request to report it.

    It is not a :class:`ResumekitError`, so no caller mistakes it for bad input.
    """
