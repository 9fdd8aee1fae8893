"""The exit statuses of every newsdiff command and of the app, defined once (README, "Exit codes").

Shell conventions: 128 + the signal's number after a signal, so scripts can tell "interrupted"
from "failed". Nothing is imported here: the CLI's ``--help`` path and the app both read it.
"""

EXIT_OK = 0
EXIT_INPUT = 1
"""Bad input: a missing, unreadable, binary, empty or oversized source, or a failed fetch."""
EXIT_USAGE = 2
"""A mistake in the command line (argparse's convention)."""
EXIT_INTERRUPTED = 130
"""Ctrl+C or SIGINT (128 + SIGINT), as for any interrupted command."""
EXIT_BROKEN_PIPE = 141
"""The reader of the output went away (128 + SIGPIPE: ``newsdiff … | head -1``)."""
EXIT_TERMINATED = 143
"""SIGTERM (128 + SIGTERM)."""
