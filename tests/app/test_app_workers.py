"""Loading and alignment run in threads, with a progress bar and a loading indicator meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from appdriver import ROW_001, SEEDS, SIZE, settle, story_ready, wait_for
from textual.widgets import LoadingIndicator, ProgressBar

import newsdiff.screens.compare_screen as compare_screen
import newsdiff.screens.story_screen as story_screen
from newsdiff.app import NewsdiffApp
from newsdiff.core.article import Article
from newsdiff.core.compare import Comparison
from newsdiff.core.errors import InputError
from newsdiff.core.loader import iter_load
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.story_screen import StoryScreen
from newsdiff.widgets.diff_row import DiffRow


async def test_the_progress_bar_follows_loading(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    gate = threading.Event()

    def held_load(paths: Sequence[Path], max_bytes: int | None = None) -> Iterator[Any]:
        items = list(iter_load(paths, max_bytes))
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
        assert not screen.diff_view.loading and screen.query(DiffRow)
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
