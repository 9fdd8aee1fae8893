"""Helpers that drive the real app through Pilot, waiting on workers instead of sleeping."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from newsdiff.app import NewsdiffApp
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.story_screen import StoryScreen
from newsdiff.widgets.article_table import ArticleTable
from newsdiff.widgets.diff_row import DiffRow
from newsdiff.widgets.diff_view import DiffView

SIZE = (120, 40)
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ROW_001 = 1
ROW_004 = 4
"""Rows of the seeds in the story table (sorted by file name)."""

Pilot_ = Pilot[None]


async def settle(pilot: Pilot_) -> None:
    """Let pending messages run, wait for every worker, then let their results be shown."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def wait_for(
    pilot: Pilot_, condition: Callable[[], bool], what: str, rounds: int = 50, workers: bool = True
) -> None:
    """Process events until ``condition`` holds.

    Each round waits for the workers and for idle; pass ``workers=False`` while a test holds a
    worker back on purpose (waiting for it would then block), and only idle is waited for.
    """
    for _ in range(rounds if workers else rounds * 20):
        if condition():
            return
        if workers:
            await settle(pilot)
        else:
            await pilot.pause(0.01)
    raise AssertionError(f"timed out waiting for {what}")


async def story_ready(pilot: Pilot_) -> StoryScreen:
    """Wait until the story screen has loaded its articles (or given up)."""
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, StoryScreen), "the story screen")
    screen = pilot.app.screen
    assert isinstance(screen, StoryScreen)
    await wait_for(pilot, lambda: not screen.query_one("#loading").display, "loading to finish")
    return screen


async def open_comparison(pilot: Pilot_, a_row: int = ROW_001, b_row: int = ROW_004) -> CompareScreen:
    """Pick A and B with the keyboard (space, space) and wait for the alignment."""
    screen = await story_ready(pilot)
    table = screen.query_one(ArticleTable)
    await pilot.press(*["up"] * table.cursor_row, *["down"] * a_row, "space")
    await pilot.press(*["down"] * (b_row - a_row) if b_row > a_row else ["up"] * (a_row - b_row), "space")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CompareScreen), "the comparison screen")
    compare = pilot.app.screen
    assert isinstance(compare, CompareScreen)
    await wait_for(
        pilot, lambda: compare.comparison is not None and not compare.diff_view.loading, "the alignment"
    )
    return compare


def diff_view(app: NewsdiffApp) -> DiffView:
    return app.screen.query_one(DiffView)


def current_row(app: NewsdiffApp) -> DiffRow:
    """The row widget marked current (exactly one)."""
    rows = [row for row in app.screen.query(DiffRow) if row.has_class("-current")]
    assert len(rows) == 1, rows
    return rows[0]


def assert_current_row_visible(app: NewsdiffApp) -> DiffRow:
    """The current row is on screen, wholly inside the list's visible area (not just ``cursor``);
    a row taller than the view must at least start inside it."""
    row = current_row(app)
    view = diff_view(app)
    shown = view.scrollable_content_region
    region = row.region
    assert region, f"row {row.position} is mounted but not on screen (scroll_y={view.scroll_y})"
    if region.height <= shown.height:
        assert shown.contains_region(region), f"row {row.position} at {region}, view {shown}"
    else:
        assert shown.y <= region.y < shown.bottom, f"tall row {row.position} at {region}, view {shown}"
    assert row.position == view.cursor
    return row


def text_of(static: Static) -> str:
    """The plain text a Static shows."""
    return str(static.visual)


def screen_text(app: NewsdiffApp) -> str:
    """Everything on screen as plain text (from the SVG export, unescaped)."""
    import html
    import re

    svg = app.export_screenshot()
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    return html.unescape("".join(texts)).replace("\xa0", " ")
