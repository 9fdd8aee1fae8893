"""What the story-wide screens (coverage, lineage) share: compute in a thread worker, show progress.

Over a folder of thousands of articles the computation takes seconds, so it never runs on the
event loop: a thread worker reports the share done (read by a timer into a ProgressBar) and checks
for cancellation between steps. Escape while it runs cancels it and goes back to the story.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ProgressBar, Static
from textual.worker import Worker, WorkerState

from newsdiff.core.article import Article
from newsdiff.core.errors import Cancelled
from newsdiff.core.steps import CancelCheck, Progress
from newsdiff.screens.app_settings import app_settings
from newsdiff.screens.background import BackgroundWork
from newsdiff.widgets.key_footer import KeyFooter

R = TypeVar("R")


class StoryViewScreen(Screen[None], Generic[R]):
    """A view of all the story's articles, computed in a worker; subclasses say what and how to show it."""

    DEFAULT_CSS = """
    StoryViewScreen #view-title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    StoryViewScreen #view-working { height: auto; padding: 1 2; }
    StoryViewScreen #view-working ProgressBar { margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = []
    WHAT = "computing"

    def __init__(self, articles: Sequence[Article]) -> None:
        super().__init__()
        self.articles = list(articles)
        self.result: R | None = None
        self.computing_work = BackgroundWork[R](self, "story-view", self._show_progress)

    @property
    def threshold(self) -> float:
        """The settings' pairing threshold (read when the computation starts, never copied)."""
        return app_settings(self).threshold

    def compose(self) -> ComposeResult:
        yield Static(Content(self.title_text()), id="view-title", markup=False)
        with Vertical(id="view-working"):
            yield Static(
                Content(f"{self.WHAT.capitalize()}… (escape cancels)"), id="view-stage", markup=False
            )
            yield ProgressBar(total=100, show_eta=False, id="view-progress")
        yield from self.compose_view()
        yield KeyFooter()

    def title_text(self) -> str:
        return "newsdiff"

    def compose_view(self) -> ComposeResult:
        yield from ()

    def compute(self, cancelled: CancelCheck, progress: Progress) -> R:
        raise NotImplementedError

    def show_result(self, result: R) -> None:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.computing_work.start(self.compute)

    def _show_progress(self, share: float, stage: str) -> None:
        self.query_one("#view-progress", ProgressBar).update(progress=round(share * 100))
        text = f"{self.WHAT.capitalize()}: {stage}… (escape cancels)"
        self.query_one("#view-stage", Static).update(Content(text))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if not self.computing_work.ended(event):
            return
        if event.state == WorkerState.SUCCESS:
            self.result = event.worker.result
            self.query_one("#view-working").display = False
            if self.result is not None:
                self.show_result(self.result)
            self.refresh_bindings()
        elif event.state == WorkerState.ERROR and not isinstance(event.worker.error, Cancelled):
            message = f"Could not compute the {self.WHAT}: {event.worker.error}"
            self.query_one("#view-stage", Static).update(Content(message))
            self.notify(message, severity="error", markup=False)

    @property
    def computing(self) -> bool:
        return self.result is None

    def on_unmount(self) -> None:
        """Leaving the screen (or quitting) stops a computation nobody will see."""
        self.computing_work.cancel()

    def action_back(self) -> None:
        self.computing_work.cancel()
        self.dismiss()


def back_binding(area: str) -> Binding:
    return Binding(
        "q,escape",
        "back",
        "back",
        id=f"{area}.back",
        tooltip="back to the story (cancels the computation while it runs)",
    )
