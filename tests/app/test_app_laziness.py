"""Long documents: rows are mounted in a window, on demand, and the columns scroll as one."""

from __future__ import annotations

from pathlib import Path

from appdriver import (
    SIZE,
    assert_current_row_visible,
    current_row,
    diff_view,
    open_comparison,
    settle,
    wait_for,
)

from newsdiff.app import NewsdiffApp
from newsdiff.widgets.diff_row import DiffRow
from newsdiff.widgets.diff_view import DiffView


def mounted_row_indices(view: DiffView) -> set[int]:
    """Indices (into ``Comparison.rows``) of the rows that have a widget."""
    return {view.order[row.position] for row in view.mounted_rows}


async def test_only_a_window_of_rows_is_mounted(big_story: Path) -> None:
    app = NewsdiffApp(paths=[big_story])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        assert screen.comparison is not None
        view = diff_view(app)
        total = len(view.order)
        assert total == len(screen.comparison.rows) >= 300
        assert len(app.screen.query(DiffRow)) == DiffView.BATCH
        assert len(screen.comparison._cache) < total, "word diffs of unseen rows are not computed"
        await pilot.press("j", "j", "j")
        await settle(pilot)
        assert len(view.mounted_rows) == DiffView.BATCH, "moving within the mounted rows mounts nothing"

        view.scroll_end(animate=False, immediate=True)
        await wait_for(pilot, lambda: len(view.mounted_rows) > DiffView.BATCH, "scrolling to mount more")

        await pilot.press("G")
        await settle(pilot)
        assert view.cursor == total - 1
        assert_current_row_visible(app)
        assert len(view.mounted_rows) <= DiffView.BATCH, "the end is mounted without the middle"
        assert view.window.stop == total
        assert len(screen.comparison._cache) < total

        await pilot.press("g")
        await settle(pilot)
        assert view.cursor == 0 and view.window.start == 0
        assert_current_row_visible(app)


async def test_a_jump_past_the_mounted_rows_mounts_and_shows_it(sparse_story: Path) -> None:
    app = NewsdiffApp(paths=[sparse_story])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        assert screen.comparison is not None
        view = diff_view(app)
        target = next(p for p, k in enumerate(view.order) if not screen.comparison.row_identical(k))
        assert target not in view.window, "the only difference is far below the first batch"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        row = assert_current_row_visible(app)
        assert row.position == target and row.view.changed
        assert 0 not in view.window and len(view.mounted_rows) <= DiffView.BATCH
        await pilot.press("n")
        await settle(pilot)
        assert view.cursor == target and any("No more differences" in n.message for n in app._notifications)
        await pilot.press("g")
        await settle(pilot)
        assert view.cursor == 0
        assert_current_row_visible(app)


async def test_scrolling_up_from_a_jump_mounts_the_rows_above(big_story: Path) -> None:
    app = NewsdiffApp(paths=[big_story])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot, 0, 1)
        view = diff_view(app)
        await pilot.press("G")
        await settle(pilot)
        start = view.window.start
        assert start > 0
        await pilot.press(*["k"] * (view.cursor - start + 1))
        await settle(pilot)
        assert view.window.start < start, "k past the first mounted row mounts the rows above"
        assert_current_row_visible(app)
        cursor_row = current_row(app)
        view.scroll_home(animate=False, immediate=True)
        await settle(pilot)
        assert view.window.start < start - DiffView.BATCH, "scrolling up mounts the rows above"
        assert view.scroll_y > 0, "the view stays put while rows are added above it"
        assert cursor_row.region.y > view.region.bottom, "and they push the cursor row down, out of view"
        for _ in range(10):
            view.scroll_home(animate=False, immediate=True)
            await settle(pilot)
        assert view.window.start == 0


async def test_scrolling_down_a_long_way_keeps_the_window_bounded(big_story: Path) -> None:
    app = NewsdiffApp(paths=[big_story])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot, 0, 1)
        view = diff_view(app)
        total = len(view.order)
        for _ in range(60):
            if view.window.stop == total:
                break
            view.scroll_end(animate=False, immediate=True)
            await settle(pilot)
        assert view.window.stop == total
        assert len(view.mounted_rows) <= DiffView.MAX_MOUNTED + DiffView.BATCH
        assert view.window.start > 0, "rows far above the view were unmounted"


async def test_hiding_identical_pairs_builds_no_word_diffs(big_story: Path) -> None:
    app = NewsdiffApp(paths=[big_story])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        comparison = screen.comparison
        assert comparison is not None
        view = diff_view(app)
        before = set(comparison._cache)
        assert before <= set(range(DiffView.BATCH))
        await pilot.press("i")
        await settle(pilot)
        assert len(view.order) < len(comparison.rows), "two thirds of the rows are identical"
        assert set(comparison._cache) <= before | mounted_row_indices(view), (
            "only rows that are shown have word diffs"
        )
        assert len(comparison._cache) <= 2 * DiffView.BATCH
        await pilot.press("right_square_bracket", "n", "n")
        await settle(pilot)
        assert set(comparison._cache) <= before | mounted_row_indices(view), "] builds no diffs either"


async def test_both_cells_of_a_row_share_one_scroll_position(big_story: Path) -> None:
    app = NewsdiffApp(paths=[big_story])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot, 0, 1)
        await pilot.press(*["j"] * 12)
        await settle(pilot)
        for row in app.screen.query(DiffRow):
            cell_a, cell_b = row.query(".cell")
            assert cell_a.region.y == cell_b.region.y
