"""How ``newsdiff diff`` output reaches the terminal: colour or not, a console that interprets
nothing, and the pager.

The console is built with markup, emoji codes and highlighting off, so ``[bold]`` or ``:smile:``
in an article prints as written; a closed pipe is reported like any other write error.
"""

from __future__ import annotations

import os
from typing import TextIO

from rich.console import Console


def wants_colour(stream: TextIO, choice: str = "auto") -> bool:
    """Colour for a terminal unless ``NO_COLOR`` (https://no-color.org) or ``TERM=dumb`` says no."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR", "") != "" or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream: plain is always safe
        return False


class _Console(Console):
    """Rich's console, except that a closed pipe is reported to the caller like any other write.

    Rich's own handling exits with status 1, which would hide it from ``cli.main``'s single place
    for broken pipes (quiet, status 141).
    """

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


def make_console(stream: TextIO, colour: bool, width: int | None = None) -> Console:
    """A console that never interprets text: no markup, no ``:emoji:`` codes, no auto-highlighting.

    ``width`` ``None`` means the terminal's width, or ``COLUMNS`` (else 80) when piped.
    """
    return _Console(
        file=stream,
        width=width,
        color_system="standard" if colour else None,
        force_terminal=colour,
        force_interactive=False,
        no_color=not colour,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
        legacy_windows=False,
    )


DEFAULT_PAGER = "less -FRX"
"""As git: quit at once if it fits one screen (-F), pass colours (-R), leave the text on screen (-X)."""


def page(text: str, command: str | None = None) -> bool:
    """Show ``text`` through a pager (``command``, else ``$PAGER``, else ``less -FRX``), waiting
    until the reader quits it. False when no pager could be started (the caller prints instead)."""
    import shlex
    import shutil
    import subprocess

    argv = shlex.split(command or os.environ.get("PAGER") or DEFAULT_PAGER)
    if not argv or shutil.which(argv[0]) is None:
        return False
    environment = dict(os.environ)
    environment.setdefault("LESS", "FRX")  # as git: a pager left to its defaults still shows colour
    try:
        pager = subprocess.Popen(argv, stdin=subprocess.PIPE, env=environment)
    except OSError:
        return False
    assert pager.stdin is not None
    try:
        pager.stdin.write(text.encode("utf-8", "replace"))
        pager.stdin.close()
    except BrokenPipeError:  # the reader quit before the end: nothing more to show
        pass
    pager.wait()
    return True
