"""Loading and alignment run in threads, with a progress bar and a loading indicator meanwhile."""

from __future__ import annotations

import asyncio
import random
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from appdriver import ROW_001, SEEDS, SIZE, settle, story_ready, view_lines, wait_for
from textual import events
from textual.widgets import LoadingIndicator, ProgressBar
from textual.worker import WorkerState

import newsdiff.screens.compare_screen as compare_screen
import newsdiff.screens.story_screen as story_screen
from newsdiff.app import NewsdiffApp
from newsdiff.core.article import Article
from newsdiff.core.comparison.model import Comparison
from newsdiff.core.errors import Cancelled, InputError
from newsdiff.core.loader import iter_load
from newsdiff.core.options import LoadOptions
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.story_screen import StoryScreen


async def test_the_progress_bar_follows_loading(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    gate = threading.Event()

    def held_load(paths: Sequence[Path], options: LoadOptions | None = None) -> Iterator[Any]:
        items = list(iter_load(paths, options))
        yield items[0]
        gate.wait(timeout=30)
        yield from items[1:]

    monkeypatch.setattr(story_screen, "iter_load", held_load)
    request.addfinalizer(gate.set)
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, StoryScreen), "the story screen", workers=False)
        bar = app.screen.query_one(ProgressBar)
        await wait_for(pilot, lambda: bar.progress == 1, "the first article", workers=False)
        assert bar.total == 5 and app.screen.query_one("#loading").display
        gate.set()
        await story_ready(pilot)
        assert bar.progress == 5


async def test_alignment_shows_a_loading_indicator_and_greys_out_keys(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    gate = threading.Event()
    real_compare = compare_screen.compare

    def held_compare(a: Article, b: Article, *args: Any, **kwargs: Any) -> Comparison:
        gate.wait(timeout=30)
        return real_compare(a, b, *args, **kwargs)

    monkeypatch.setattr(compare_screen, "compare", held_compare)
    request.addfinalizer(gate.set)
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        await pilot.press("down", "space", "down", "space")
        await wait_for(
            pilot, lambda: isinstance(app.screen, CompareScreen), "the comparison screen", workers=False
        )
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.diff_view.loading
        assert isinstance(screen.diff_view._cover_widget, LoadingIndicator)
        assert screen.check_action("next_diff", ()) is None, "shown greyed out while aligning"
        await pilot.press("right_square_bracket", "s", "e")
        assert isinstance(app.screen, CompareScreen), "keys do nothing until the comparison is ready"
        gate.set()
        await wait_for(pilot, lambda: screen.comparison is not None, "the alignment")
        await settle(pilot)
        assert not screen.diff_view.loading and "¶" in "".join(view_lines(app))
        assert screen.a.name == "The Associated Press" and ROW_001 == 1


async def test_an_alignment_failure_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_compare(*args: Any, **kwargs: Any) -> Comparison:
        raise InputError("boom [bold]not markup[/bold]")

    monkeypatch.setattr(compare_screen, "compare", broken_compare)
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and "[bold]not markup[/bold]" in errors[0].message
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)


LONG = 6_000


@pytest.fixture
def long_pair(tmp_path: Path) -> Path:
    """Two 6,000-paragraph versions of one text: an alignment of a few seconds."""
    pick = random.Random(11).choice
    words = ["council", "budget", "mayor", "vote", "river", "bridge", "school", "tax", "rent", "court"]
    a = [
        f"Paragraph {i} says " + " ".join(pick(words) for _ in range(20)) + f" in ward {i}."
        for i in range(LONG)
    ]
    b = [p.replace("river", "lake") if i % 4 == 0 else p for i, p in enumerate(a)]
    (tmp_path / "a.txt").write_text("\n\n".join(a), encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(b[::-1]), encoding="utf-8")
    return tmp_path


class ObservedCompare:
    """Wraps ``compare`` to see when it starts, finishes, or stops because it was cancelled."""

    def __init__(self, hold: bool = False) -> None:
        self.started = threading.Event()
        self.finished = threading.Event()
        self.cancelled = threading.Event()
        self.progress: list[float] = []
        self.real = compare_screen.compare
        self.hold = hold
        """Stop at the first checkpoint past the start until ``released``: however loaded the
        machine, the alignment cannot end before the test has acted."""
        self.held = threading.Event()
        self.released = threading.Event()

    def __call__(self, *args: Any, **kwargs: Any) -> Comparison:
        report = kwargs.get("progress")

        def progress(done: float) -> None:
            self.progress.append(done)
            if report is not None:
                report(done)
            if self.hold and done > 0 and not self.released.is_set():
                self.held.set()
                self.released.wait(60)

        kwargs["progress"] = progress
        self.started.set()
        try:
            comparison = self.real(*args, **kwargs)
        except Cancelled:
            self.cancelled.set()
            raise
        self.finished.set()
        return comparison


async def start_long_alignment(pilot: Any, observed: ObservedCompare) -> CompareScreen:
    app = pilot.app
    await story_ready(pilot)
    app.post_message(events.Key("c", "c"))  # as the terminal driver does: press() would wait for idle
    await wait_for(pilot, lambda: bool(observed.progress), "the alignment to start", workers=False)
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen


async def test_leaving_during_a_long_alignment_cancels_it(
    long_pair: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    observed = ObservedCompare(hold=True)
    monkeypatch.setattr(compare_screen, "compare", observed)
    app = NewsdiffApp(paths=[long_pair])
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_long_alignment(pilot, observed)
        await wait_for(
            pilot, lambda: screen.query_one(ProgressBar).display, "the progress bar", workers=False
        )
        worker = next(w for w in app.workers if w.group == "align")
        assert not observed.finished.is_set(), "still aligning when the reader leaves"
        app.post_message(events.Key("escape", None))
        await wait_for(pilot, lambda: isinstance(app.screen, StoryScreen), "the story screen", workers=False)
        observed.released.set()  # the reader has left: the alignment may go on to its next checkpoint
        await wait_for(pilot, lambda: worker.is_finished, "the worker to stop", workers=False)
        assert worker.state in (WorkerState.CANCELLED, WorkerState.ERROR), worker.state
        # The abandoned alignment stops at its next checkpoint instead of running to the end
        # (how soon, in seconds, is a benchmark: tests/benchmarks/app_probe.py cancel).
        assert await asyncio.to_thread(observed.cancelled.wait, 60)
        assert not observed.finished.is_set()
        assert not any(n.severity == "error" for n in app._notifications), "cancelling is not an error"


async def test_quitting_during_a_long_alignment_exits_promptly(
    long_pair: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    observed = ObservedCompare(hold=True)
    monkeypatch.setattr(compare_screen, "compare", observed)
    app = NewsdiffApp(paths=[long_pair])
    async with app.run_test(size=SIZE) as pilot:
        await start_long_alignment(pilot, observed)
        app.exit()
    # The app is gone while the alignment is held mid-way: quitting did not wait for the worker
    # (how soon, in seconds, is a benchmark: tests/benchmarks/app_probe.py cancel).
    assert not observed.finished.is_set(), "the alignment had not finished when the app exited"
    observed.released.set()


async def test_the_apps_load_options_reach_its_loader() -> None:
    """The size limit is the app's own (``load_options``), as the command line passes it."""
    app = NewsdiffApp(paths=[SEEDS], load_options=LoadOptions(max_bytes=1_000))
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        assert screen.articles == [] and len(screen.errors) == 5
        assert all("over the 1 kB limit" in error for error in screen.errors), screen.errors
