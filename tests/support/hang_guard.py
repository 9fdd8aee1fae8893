"""A guard for tests of things that used to hang: did the work return at all?

Not a speed test (the bound is generous, tens of seconds, against work that takes well under
one): without it, a regression would hang the suite instead of failing one test.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

GENEROUS = 20.0


def finishes(
    work: Callable[[], object], seconds: float = GENEROUS, on_timeout: Callable[[], object] | None = None
) -> bool:
    """Whether ``work`` returns (or raises) within ``seconds``, run in a daemon thread; if it does not,
    ``on_timeout`` may free it (write to the FIFO it waits on) before False is returned."""
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if on_timeout is not None:
            on_timeout()
            thread.join(5)
        return False
    return True
