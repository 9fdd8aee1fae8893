"""How sources are read: the size limit, the network timeout, and whether to bypass the page cache.

One explicit object, built once at the command line's edge (flags, then the documented
``NEWSDIFF_MAX_BYTES`` and ``NEWSDIFF_FETCH_TIMEOUT`` variables, read there and nowhere else) and
handed to the loader, the fetcher and the app. The core never reads these from ``os.environ``:
a library caller, or a second app in the same process, gets the defaults below unless it passes
other values, never what an earlier command happened to set.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 10_000_000
"""Files and pages above this are refused with a message; ``--max-size`` raises it."""
DEFAULT_TIMEOUT = 15.0
"""Seconds to connect, and between two pieces of a body; ``--timeout`` changes it."""


@dataclass(frozen=True, slots=True)
class LoadOptions:
    """``max_bytes``: the size limit of a file, standard input or a page; ``timeout``: seconds a
    server may stay silent; ``refresh``: fetch pages again instead of reopening the cached copy."""

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    refresh: bool = False
