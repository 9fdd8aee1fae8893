"""The coverage screen, driven by keys: C from the story, rows and cells, a report, back; cancel."""

from __future__ import annotations

import threading
from pathlib import Path

from appdriver import SEEDS, SIZE, screen_text, story_ready, text_of, wait_for
from textual.widgets import DataTable, Static

from newsdiff.app import NewsdiffApp
from newsdiff.screens.coverage_screen import EMPTY, FILLED, CoverageScreen
from newsdiff.screens.report_screen import ReportScreen
from newsdiff.screens.story_screen import StoryScreen


async def _coverage_ready(pilot) -> CoverageScreen:  # type: ignore[no-untyped-def]
    await story_ready(pilot)
    await pilot.press("C")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CoverageScreen), "the coverage screen")
    screen = pilot.app.screen
    assert isinstance(screen, CoverageScreen)
    await wait_for(pilot, lambda: screen.result is not None, "coverage to be computed")
    await pilot.pause()
    return screen


async def test_coverage_screen_shows_outlets_and_filled_cells() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await _coverage_ready(pilot)
        text = screen_text(app)
        # Outlet names head the columns (cut to the column width), and the lower panel names them whole.
        for name in ("The Globe a", "The Associa", "The Washing"):
            assert name in text, name
        exclusive = text_of(screen.query_one("#coverage-exclusive-text", Static))
        assert "Only in The Washington Times" in exclusive
        assert "Only in The Globe and Mail" in text
        table = screen.query_one("#coverage-table", DataTable)
        assert screen.result is not None
        assert table.row_count == len(screen.result.reports)
        # The first row is the most widely carried report: its filled cells match its sources.
        first = screen.result.reports[0]
        cells = [str(c) for c in table.get_row_at(0)]
        assert cells.count(FILLED) == first.sources >= 3
        assert cells.count(EMPTY) == len(screen.result.articles) - first.sources
        # Rows are sorted by the number of sources.
        counts = [int(str(table.get_row_at(k)[1])) for k in range(table.row_count)]
        assert counts == sorted(counts, reverse=True)
        summary = text_of(screen.query_one("#coverage-summary", Static))
        assert "reports" in summary
        assert "paired as in the comparisons" in summary  # five articles: the comparisons' own pairs


async def test_enter_opens_the_report_and_escape_comes_back() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await _coverage_ready(pilot)
        assert screen.result is not None
        report = screen.result.reports[0]
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen), "the report screen")
        text = screen_text(app)
        assert f"Report 1 of {len(screen.result.reports)}" in text
        for article in report.articles:
            assert screen.result.articles[article].name[:20] in text
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, CoverageScreen), "back to coverage")
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, StoryScreen), "back to the story")


async def test_x_hides_and_shows_the_exclusive_panel() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await _coverage_ready(pilot)
        panel = screen.query_one("#coverage-exclusive")
        assert panel.display
        await pilot.press("x")
        assert not panel.display
        assert "Only in The Globe and Mail" not in screen_text(app)
        await pilot.press("x")
        assert panel.display


async def test_escape_cancels_a_running_computation(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The computation is held back; escape leaves at once, and the worker is cancelled."""
    release = threading.Event()
    seen: list[bool] = []

    def slow(self, cancelled, progress):  # type: ignore[no-untyped-def]
        progress(0.5, "holding")
        while not release.wait(0.01):
            if cancelled():
                seen.append(True)
                from newsdiff.core.errors import Cancelled

                raise Cancelled("test")
        raise AssertionError("released without cancel")

    monkeypatch.setattr(CoverageScreen, "compute", slow)
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        await pilot.press("C")
        await wait_for(
            pilot, lambda: isinstance(app.screen, CoverageScreen), "the coverage screen", workers=False
        )
        screen = app.screen
        await wait_for(pilot, lambda: "holding" in screen_text(app), "the progress stage", workers=False)
        assert screen.query_one("#view-progress").display
        # The UI still answers while the worker runs: the x binding is greyed, escape goes back.
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, StoryScreen), "back to the story", workers=False)
        await wait_for(pilot, lambda: bool(seen), "the worker to see the cancel", workers=False)
        release.set()
