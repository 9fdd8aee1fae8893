"""Helpers that drive the real app through Pilot, waiting on workers instead of sleeping."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.segment import Segment
from textual.pilot import Pilot
from textual.widgets import Static

from newsdiff.app import NewsdiffApp
from newsdiff.core.comparison.model import RowView
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.story_screen import StoryScreen
from newsdiff.widgets.article_table import ArticleTable
from newsdiff.widgets.diff_layout import MARKER
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


@dataclass(frozen=True)
class ShownRow:
    """A row of the comparison as drawn: its place in the visible list, its content, and the
    view's lines (relative to the top of the view; may be negative or past the bottom)."""

    position: int
    view: RowView
    top: int
    bottom: int

    @property
    def changed(self) -> bool:
        return self.view.changed


def view_lines(app: NewsdiffApp) -> list[str]:
    """The comparison's lines as the renderer draws them on screen now, top to bottom."""
    view = diff_view(app)
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


def view_segments(app: NewsdiffApp) -> list[Segment]:
    """Every segment (text and style) the comparison view draws on screen now."""
    view = diff_view(app)
    return [seg for y in range(view.scrollable_content_region.height) for seg in view.render_line(y)]


def row_cells(app: NewsdiffApp, position: int) -> tuple[list[str], list[str]]:
    """The drawn lines of row ``position``, cut at the column boundaries: (cell A, cell B)."""
    view = diff_view(app)
    columns = view.columns
    start_a = 1 + columns.gutter
    start_b = start_a + columns.box_a
    strips = view._row_strips(position)
    return (
        [strip.crop(start_a, start_b).text for strip in strips],
        [strip.crop(start_b, start_b + columns.box_b).text for strip in strips],
    )


def shown_row(app: NewsdiffApp, position: int) -> ShownRow:
    view = diff_view(app)
    assert view.comparison is not None
    top = view._offsets[position] - int(view.scroll_y)
    bottom = view._offsets[position + 1] - int(view.scroll_y)
    return ShownRow(position, view.comparison.row_view(view.order[position]), top, bottom)


def current_row(app: NewsdiffApp) -> ShownRow:
    """The current row; every line drawn with the cursor marker belongs to it (and only those)."""
    view = diff_view(app)
    assert 0 <= view.cursor < len(view.order), view.cursor
    row = shown_row(app, view.cursor)
    marked = [y for y, line in enumerate(view_lines(app)) if line.startswith(MARKER)]
    expected = [y for y in range(row.top, row.bottom) if 0 <= y < view.scrollable_content_region.height]
    assert marked == expected, (marked, expected)
    return row


def assert_current_row_visible(app: NewsdiffApp) -> ShownRow:
    """The current row is on screen, wholly inside the list's visible area (not just ``cursor``);
    a row taller than the view must at least start inside it."""
    row = current_row(app)
    height = diff_view(app).scrollable_content_region.height
    assert row.top < height and row.bottom > 0, f"row {row.position} is not on screen ({row})"
    if row.bottom - row.top <= height:
        assert row.top >= 0 and row.bottom <= height, f"row {row.position} at {row}, view {height} high"
    else:
        assert 0 <= row.top < height, f"tall row {row.position} at {row}, view {height} high"
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
