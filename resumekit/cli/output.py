"""What the command line prints: problems, warnings, progress and rebuild reports, on stderr
or stdout, with every control character a file could smuggle in made visible."""

from __future__ import annotations

import dataclasses
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import LocatedError, Problem, ResumekitError

if TYPE_CHECKING:
    from ..building.watch import Rebuild

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe for a terminal: escape sequences and other controls shown as ``\\x1b``."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def say(text: str = "", *, err: bool = False, end: str = "\n", flush: bool = False) -> None:
    """Print ``text`` (made :func:`printable`, line breaks kept) to stdout, or stderr with ``err``."""
    stream = sys.stderr if err else sys.stdout
    stream.write("\n".join(printable(line) for line in text.split("\n")) + end)
    if flush:
        stream.flush()


def shown(path: Path | str) -> str:
    """``path`` relative to here when it is below here."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _shown_problem(problem: Problem) -> str:
    return str(dataclasses.replace(problem, file=shown(problem.file)))


def print_error(exc: ResumekitError, writes: bool = False,
                tail: str = "; nothing was written, the last good documents are kept") -> None:
    """Every problem, one a line; for a command that writes, that nothing was."""
    tail = tail if writes else ""
    if isinstance(exc, LocatedError):
        for problem in exc.problems:
            text = _shown_problem(problem)
            say(f"error: {text}" if problem.severity == "error" else text, err=True)
        count = len(exc.problems)
        say(f"{count} problem{'s' if count != 1 else ''} found{tail}.", err=True)
    else:
        say(f"error: {exc}", err=True)


def print_warnings(warnings: list[Any]) -> None:
    """Each warning (a :class:`Problem` or a text), on stderr, files relative to here."""
    here = f"{Path.cwd()}/"
    for warning in warnings:
        text = _shown_problem(warning) if isinstance(warning, Problem) else str(warning).removeprefix(here)
        say(text if "warning:" in text else f"warning: {text}", err=True)


class Progress:
    """A one-line progress bar on a terminal's stderr; silent elsewhere."""

    def __init__(self) -> None:
        self.live = sys.stderr.isatty()

    def __call__(self, done: int, total: int, target: str) -> None:
        if not self.live or total < 2:
            return
        width = 24
        filled = int(width * done / total)
        bar = "#" * filled + "-" * (width - filled)
        say(f"\r[{bar}] {done}/{total} {target[:40]:<40}", err=True, end="\n" if done == total else "", flush=True)


def report_rebuild(event: Rebuild) -> None:
    """What one rebuild of ``watch`` did, on one line (errors and warnings on stderr)."""
    stamp = time.strftime("%H:%M:%S")
    what = ", ".join(event.changed[:3]) + (f" and {len(event.changed) - 3} more" if len(event.changed) > 3 else "")
    if event.error is not None:
        say(f"{stamp} {what}: not rebuilt; the last good documents are kept", err=True)
        if isinstance(event.error, ResumekitError):
            print_error(event.error)
        else:
            say(f"error: {event.error}", err=True)
        return
    result = event.result
    assert result is not None
    print_warnings(result.warnings)
    for failure in result.failures:
        say(f"{stamp} target '{failure.target}' not rebuilt; its last good documents are kept", err=True)
        print_error(failure.error)
    built = result.built
    if not built:
        say(f"{stamp} {what}: everything up to date", flush=True)
        return
    targets = sorted({o.path.parent.name for o in built})
    say(f"{stamp} {what}: rebuilt {', '.join(targets)} ({len(built)} files) in {event.seconds:.1f} s", flush=True)
