"""What commands write: their output on stdout or to a file, and one-line notes on stderr.

Every line on stderr goes through ``say`` (an error or warning, ``newsdiff: …``) or ``tell`` (a
note such as ``wrote FILE``), so whatever a path or a server's reply holds, it stays one safe line.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsdiff.core.untrusted import safe_line


def say(message: str) -> None:
    """One line on stderr, whatever the message holds (a path may contain a newline or an escape)."""
    try:
        sys.stderr.write(f"newsdiff: {safe_line(message)}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def tell(line: str) -> None:
    """A note on stderr that is not an error (``wrote FILE``): one safe line; if stderr is closed
    the note is lost, and the command's outcome is unchanged."""
    try:
        sys.stderr.write(f"{safe_line(line)}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


def emit(text: str, chunk: int = 1 << 16) -> None:
    """Write to stdout in pieces: one huge write that a closing pipe cuts short can end in a
    silent partial write, while a following write reports the broken pipe properly."""
    for start in range(0, len(text), chunk):
        sys.stdout.write(text[start : start + chunk])


def write_output(text: str, output: Path | None, *, force: bool) -> None:
    """To stdout (no FILE, or ``-``), else atomically to FILE, never over a file without ``force``
    (``args.add_output_options`` gives every command that writes a document these flags)."""
    from newsdiff.core.files import write_atomic

    if output is None or str(output) == "-":
        emit(text)
        return
    write_atomic(output, text, force=force)
    tell(f"wrote {output}")
