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
    from ..checking import DocumentCheck

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


def report_checks(checks: list[DocumentCheck], show_text: bool = False, seconds: float | None = None) -> None:
    """A line per document (``ok: FILE: 1 page, 100% of 84 strings read in order by ...``,
    else ``checked:``), then its problems as ``error: FILE: ...`` and ``warning: FILE: ...``;
    with ``show_text``, each extractor's text and the fields a parser picks."""
    for checked in checks:
        file = shown(checked.path)
        if checked.extractors:
            say(f"{'ok' if not checked.problems else 'checked'}: {file}: {checked.summary()}")
        for problem in checked.problems:
            say(f"{problem.level}: {file}: {problem.message}")
        if show_text and checked.extractors:
            _show_reading(checked)
    errors = sum(1 for c in checks if c.errors)
    warned = sum(1 for c in checks if c.warnings and not c.errors)
    took = f" in {seconds:.1f} s" if seconds is not None else ""
    say(f"checked {len(checks)} document{'s' if len(checks) != 1 else ''}{took}: "
        f"{errors} would lose information, {warned} with warnings")


def _show_reading(checked: DocumentCheck) -> None:
    fields = checked.fields
    if fields is not None:
        say(f"  fields ({next(iter(checked.extractors))}):")
        for label, value in (("name", fields.name), ("email", fields.email), ("phone", fields.phone)):
            say(f"    {label + ':':9} {value or '(none)'}")
        say(f"    {'links:':9} {', '.join(fields.links) or '(none)'}")
        say(f"    {'headings:':9} {' | '.join(fields.headings) or '(none)'}")
        for entry in fields.entries:  # a tab inside a field is shown, as a parser would keep it
            parts = dict.fromkeys(p.replace("\t", "\\t") for p in (entry.employer or "(no employer)",
                                                                     entry.position, entry.dates) if p)
            say(f"    {entry.section}: " + " / ".join(parts))
    for extraction in checked.extractors.values():
        say(f"  --- {extraction.name} ---")
        for line in extraction.text.replace("\f", "\n").splitlines():
            if line.strip():
                say(f"  {line}")
