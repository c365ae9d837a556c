"""The command line; the only layer that prints or exits.

Exit codes: 0 done; 1 the user's files are wrong; 2 the command line is wrong. Each
error carries its own (``ResumekitError.exit_code``); :func:`main` is the one place that
turns errors into output and an exit code.
"""

from __future__ import annotations

import errno
import os
import sys

from ..errors import InternalError, ResumekitError, UsageError


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from . import commands
    from .output import print_error, say
    from .parser import make_parser

    args = make_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except SystemExit as exc:
        return int(exc.code or 0)
    except ResumekitError as exc:
        print_error(exc, writes=args.func is commands.cmd_build and not isinstance(exc, UsageError))
        return exc.exit_code
    except InternalError as exc:
        say(f"resumekit: internal error: {exc}", err=True)
        return 70
    except KeyboardInterrupt:
        say("interrupted", err=True)
        return 130
    except BrokenPipeError:
        # The reader went away (`resumekit schema | head`): stop quietly.
        _drop_stdout()
        return 0
    except OSError as exc:
        if exc.errno not in (errno.ENOSPC, errno.EIO, errno.EDQUOT):
            raise
        _drop_stdout()  # stdout itself cannot take more (`> /dev/full`)
        try:
            sys.stderr.write(f"resumekit: error: cannot write the output: {exc.strerror}\n")
        except OSError:
            pass
        return 1


def _drop_stdout() -> None:
    """Point stdout at the null device, so Python's own flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
