"""The ``newsdiff`` command: dispatch to a command, and turn every failure into an exit status.

``newsdiff [PATH ...]`` opens the app; ``newsdiff COMMAND ...`` runs a command. The first argument
decides: one of the command names means that command, anything else is a path (a file really
named ``diff`` can be opened as ``./diff`` or after ``--``). Every command, the app's opening
included, is a module of ``newsdiff.subcommands`` (``build_parser()`` and ``run(args)``), imported
only when it runs: ``newsdiff diff`` never imports Textual, ``export`` and ``align`` never import
Rich, and ``--help`` imports neither nor the numeric stack, so every command starts fast.

Every failure ends in one line on stderr, ``newsdiff: …``, never a traceback: exit 2 for a usage
mistake, 1 for bad input or a failed write, 130 on Ctrl-C, 141 (as if killed by SIGPIPE) when the
reader of a pipe goes away, as ``head`` does, and 143 on SIGTERM.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import io
import os
import signal
import sys
from collections.abc import Callable, Sequence

from newsdiff.core.errors import InputError
from newsdiff.exit_codes import (
    EXIT_BROKEN_PIPE,
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    EXIT_USAGE,
)
from newsdiff.subcommands import COMMANDS
from newsdiff.subcommands.args import (
    UsageError,
)
from newsdiff.subcommands.output import say

APP_MODULE = "open_app"
"""The module that runs when the first argument names no command."""


def dispatch(argv: Sequence[str]) -> int:
    """Parse ``argv`` with its command's parser and run the command; its exit status."""
    named = bool(argv) and argv[0] in COMMANDS
    module = importlib.import_module(f"newsdiff.subcommands.{argv[0] if named else APP_MODULE}")
    parser: argparse.ArgumentParser = module.build_parser()
    runner: Callable[[argparse.Namespace], int] = module.run
    try:
        args = parser.parse_args(argv[1:] if named else argv)
    except SystemExit as exc:  # --help and --version end here, after printing
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    code = runner(args)
    sys.stdout.flush()  # surface a closed pipe here, inside the handlers, not at interpreter exit
    return code


def _detach_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the exit-time flush cannot complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


class Terminated(BaseException):
    """SIGTERM arrived: raised where the program is, so it unwinds as for Ctrl-C (an export's
    temporary file is removed) and exits 143. A BaseException, so no ``except Exception`` keeps it."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


class _ClosedOutput(io.TextIOBase):
    """Standard output when the shell closed it (``>&-``): Python leaves ``sys.stdout`` None. Writing
    is the error it would be on a closed descriptor; a command that writes nothing there succeeds."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False


def _closed_streams() -> None:
    """Stand-ins for closed standard streams: stdout fails on first write, one line says so; stderr
    discards, so notes such as ``wrote FILE`` cannot turn a success into a failure."""
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    if sys.stderr is None:
        sys.stderr = io.StringIO()


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (the console script exits with it)."""
    args = sys.argv[1:] if argv is None else argv
    _closed_streams()
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread (a test calling main): SIGTERM keeps its handler
        previous = None
    try:
        return _run_main(args)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _run_main(args: list[str]) -> int:
    try:
        return dispatch(args)
    except Terminated:
        return EXIT_TERMINATED
    except UsageError as exc:
        say(str(exc))
        return EXIT_USAGE
    except InputError as exc:
        say(str(exc))
        return EXIT_INPUT
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _detach_stdout()
        return EXIT_BROKEN_PIPE
    except UnicodeEncodeError as exc:
        say(
            f"the output encoding ({exc.encoding}) cannot represent the article text; "
            "use a UTF-8 locale or set PYTHONIOENCODING=utf-8"
        )
        return EXIT_INPUT
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        say(f"{where}{exc.strerror or exc}")
        return EXIT_INPUT
