"""How long work reports on itself: one ``Progress`` and one ``CancelCheck`` for every computation a
screen runs in the background (an alignment, coverage, lineage), so one helper can show any of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

CancelCheck = Callable[[], bool]
"""Asked between steps: True stops the work (it raises ``Cancelled``)."""


class Progress(Protocol):
    """Told the share of the work done so far, from 0 to 1, and, when the work says, its stage
    ("reading", "matching"...): an alignment reports only the share."""

    def __call__(self, share: float, stage: str = "", /) -> None: ...
