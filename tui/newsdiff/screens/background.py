"""Computing in the background with progress, cancelled when the screen is left: the one helper for
the comparison's alignment and the story-wide views (coverage, lineage, quotes).

The work runs in a thread worker (never on the event loop: it can take seconds) and reports the
share done, and its stage, through a ``core.steps.Progress``; a timer on the screen shows the
latest report every ``TICK`` seconds, from ``delay`` on (so short work never flashes a bar).
Cancelling the worker's group (leaving the screen, quitting, a new start) makes ``cancelled()``
true, which the work checks between its steps.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from typing import Any, Generic, TypeVar

from textual.screen import Screen
from textual.timer import Timer
from textual.worker import Worker, WorkerState, get_current_worker

from newsdiff.core.errors import Cancelled
from newsdiff.core.steps import CancelCheck, Progress

T = TypeVar("T")
R = TypeVar("R")

TICK = 0.1
"""Seconds between two updates of the progress shown."""
ENDED = (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED)


def run_abandonable(work: Callable[[], T], cancelled: Callable[[], bool], poll: float = 0.05) -> T:
    """Run ``work`` in a daemon thread and wait for it, giving up within ``poll`` seconds of
    ``cancelled()`` turning true.

    Why: ``work`` checks for cancellation itself, but only between its stages, and one stage (the
    scoring of candidate pairs) can take seconds on huge documents. A worker waiting here returns
    at once, so leaving the screen or quitting never waits for that stage; the abandoned thread
    stops at its next check, or dies with the process, as a daemon.
    """
    box: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            box.append(work())
        except BaseException as exc:  # handed to the waiting worker, which raises it
            failure.append(exc)

    thread = threading.Thread(target=run, name="newsdiff-background", daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(poll)
        if cancelled() and thread.is_alive():
            raise Cancelled("cancelled")
    if failure:
        raise failure[0]
    return box[0]


class BackgroundWork(Generic[R]):
    """One kind of computation a screen runs in a thread worker of ``group``, showing its progress
    with ``show(share, stage)``. The screen hands its ``Worker.StateChanged`` events to ``ended``
    (the result arrives there, as Textual reports it) and calls ``cancel`` when it is left.

    ``abandonable``: the worker gives up waiting as soon as it is cancelled, even inside a long
    step of the work (see ``run_abandonable``).
    """

    def __init__(
        self,
        screen: Screen[Any],
        group: str,
        show: Callable[[float, str], None],
        *,
        delay: float = 0.0,
        abandonable: bool = False,
    ) -> None:
        self.screen = screen
        self.group = group
        self.show = show
        self.delay = delay
        self.abandonable = abandonable
        self.share = 0.0
        """The share done, written by the worker's thread, read by the timer."""
        self.stage = "starting"
        self._timer: Timer | None = None
        self._worker: Worker[R] | None = None

    def start(self, compute: Callable[[CancelCheck, Progress], R]) -> Worker[R]:
        """Run ``compute(cancelled, progress)`` in a new worker (a running one is cancelled)."""
        self.share, self.stage = 0.0, "starting"
        self._stop_timer()
        self._timer = timer = self.screen.set_interval(TICK, self._tick, pause=self.delay > 0)
        if self.delay > 0:
            self.screen.set_timer(self.delay, timer.resume)
        self._worker = self.screen.run_worker(
            partial(self._run, compute), thread=True, group=self.group, exclusive=True, exit_on_error=False
        )
        return self._worker

    def _run(self, compute: Callable[[CancelCheck, Progress], R]) -> R:
        worker = get_current_worker()

        def cancelled() -> bool:
            return worker.is_cancelled

        def run() -> R:
            return compute(cancelled, self._report)

        return run_abandonable(run, cancelled) if self.abandonable else run()

    def _report(self, share: float, stage: str = "", /) -> None:
        self.share = share
        if stage:
            self.stage = stage

    def _tick(self) -> None:
        self.show(self.share, self.stage)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def ended(self, event: Worker.StateChanged) -> bool:
        """Whether ``event`` says a worker of this work ended (succeeded, failed or was cancelled);
        when it is the latest one, the progress stops being shown."""
        if event.worker.group != self.group or event.state not in ENDED:
            return False
        if event.worker is self._worker:
            self._stop_timer()
        return True

    def cancel(self) -> None:
        """Stop the work nobody will see (the worker stops at its next check)."""
        self.screen.workers.cancel_group(self.screen, self.group)
