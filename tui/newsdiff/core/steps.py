"""Cancellation and progress at the checkpoints of long core work (alignment above all).

One ``Progress`` and one ``CancelCheck`` for every computation a screen runs in the background
(an alignment, coverage, lineage), so one helper (``screens.background``) can show any of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from newsdiff.core.errors import Cancelled

CancelCheck = Callable[[], bool]
"""Asked between stages (and every few components): True stops the work with ``Cancelled``."""


class Progress(Protocol):
    """Told the share of the work done so far, from 0 to 1, and, when the work says, its stage
    ("reading", "matching"...): an alignment reports only the share."""

    def __call__(self, share: float, stage: str = "", /) -> None: ...


class Steps:
    """Cancellation and progress at the checkpoints of one alignment, scaled into a sub-range, so
    the body and the boilerplate alignments report one progress from 0 to 1."""

    def __init__(
        self, cancel: CancelCheck | None, progress: Progress | None, low: float = 0.0, high: float = 1.0
    ) -> None:
        self.cancel = cancel
        self.progress = progress
        self.low = low
        self.high = high

    def at(self, done: float) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled("alignment cancelled")
        if self.progress is not None:
            self.progress(self.low + (self.high - self.low) * min(max(done, 0.0), 1.0))

    def part(self, low: float, high: float) -> Steps:
        span = self.high - self.low
        return Steps(self.cancel, self.progress, self.low + span * low, self.low + span * high)


NO_STEPS = Steps(None, None)
