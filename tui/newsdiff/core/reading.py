"""Reading bytes from files and streams that may be hostile: endless, huge, or never answering.

``read_at_most`` reads in pieces, so a limit of gigabytes (``--max-size 30G``) costs only what is
really there, never a buffer of the limit's size allocated up front. ``read_small_file`` is for the
small files newsdiff reads on its own account (the settings file, a folder's ``newsdiff.toml``):
opened without blocking, so a FIFO in their place cannot hang the program, and refused unless
they are regular files or devices that end (``/dev/null``), with a modest size cap. ``size_text``
says a size in every message about a limit (files, standard input, pages), the same way.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

PIECE = 1 << 20
"""Bytes asked for per read: large enough to be fast, small enough to allocate freely."""
SMALL_FILE_LIMIT = 1_000_000
"""A settings or metadata file is a few kilobytes; anything over a megabyte is not one."""


class NotRegularFileError(OSError):
    """A FIFO or socket where a small file was expected."""


class TooLargeError(OSError):
    """More bytes than the limit."""


def read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes of ``stream`` (one more than allowed, so the caller can tell an
    input over the limit), read a piece at a time."""
    pieces: list[bytes] = []
    size = 0
    while size <= limit:
        piece = stream.read(min(PIECE, limit + 1 - size))
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    return b"".join(pieces)


def open_without_waiting(path: Path) -> BinaryIO:
    """``path`` opened for reading, never waiting in the open itself.

    Opening a FIFO waits until something opens it for writing, for ever if nothing will (Ctrl-C
    and the app's ``q`` could not end that wait). Opened without blocking, then read normally: a
    pipe with a writer (``<(curl …)``) is read as it comes, a FIFO with none reads as empty at once.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_small_file(path: Path, limit: int = SMALL_FILE_LIMIT) -> bytes:
    """The bytes of a small file, without ever blocking on it.

    Raises ``FileNotFoundError`` and the other ``OSError``s of opening; ``NotRegularFileError`` for a
    FIFO or socket (opened without blocking, never read); ``TooLargeError`` past ``limit``
    (``/dev/zero`` ends here after ``limit`` bytes).
    """
    with open_without_waiting(path) as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
            raise NotRegularFileError(0, "a FIFO or socket, not a regular file")
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(0, "is a folder, not a file")
        data = read_at_most(handle, limit)
    if len(data) > limit:
        raise TooLargeError(0, f"larger than {limit:,} bytes, too large for this kind of file")
    return data


def size_text(count: int) -> str:
    """A byte count as people say it: ``950 bytes``, ``1 kB``, ``10 MB``, ``20.5 MB`` (decimal units,
    as ``--max-size`` reads them)."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if count >= scale:
            return f"{count / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{count} bytes"
