"""Long documents: only the rows near the view are wrapped (and word-diffed), the columns scroll as
one, and scrolling up from a jump keeps the view still while the rows above get their true height."""

from __future__ import annotations

from pathlib import Path

from appdriver import (
    SIZE,
    assert_current_row_visible,
    current_row,
    diff_view,
    open_comparison,
    row_cells,
    settle,
    shown_row,
    view_lines,
)

from newsdiff.app import NewsdiffApp
from newsdiff.widgets.diff_view import DiffView


def near_view(view: DiffView, screens: int = 4) -> int:
    """How many rows fit in a few screens: the most the view may have drawn for one place."""
    return screens * view.scrollable_content_region.height


async def test_only_the_rows_near_the_view_are_drawn(big_story: Path) -> None:
    app = NewsdiffApp(paths=[big_story])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        assert screen.comparison is not None
        view = diff_view(app)
        total = len(view.order)
        assert total == len(screen.comparison.rows) >= 300
        assert 0 < view.rendered_rows <= near_view(view)
        assert len(screen.comparison._cache) < total // 4, "word diffs of unseen rows are not computed"
        await pilot.press("G")
        await settle(pilot)
        assert view.cursor == total - 1
        assert_current_row_visible(app)
        assert len(screen.comparison._cache) < total // 4, "the end is drawn without the middle"
        assert f"¶{total}" in "".join(view_lines(app))
        await pilot.press("g")
        await settle(pilot)
        assert view.cursor == 0 and view.scroll_y == 0
        assert_current_row_visible(app)


async def test_a_jump_far_below_shows_the_row(sparse_story: Path) -> None:
    app = NewsdiffApp(paths=[sparse_story])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        assert screen.comparison is not None
        view = diff_view(app)
        target = next(p for p, k in enumerate(view.order) if not screen.comparison.row_identical(k))
        assert shown_row(app, target).top > 3 * view.scrollable_content_region.height, "far below"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        row = assert_current_row_visible(app)
        assert row.position == target and row.view.changed
        assert any("disagreed" in line for line in row_cells(app, target)[1]), "B's new sentence is drawn"
        await pilot.press("n")
        await settle(pilot)
        assert view.cursor == target and any("No more differences" in n.message for n in app._notifications)
        await pilot.press("g")
        await settle(pilot)
        assert view.cursor == 0
        assert_current_row_visible(app)


async def test_scrolling_up_from_a_jump_keeps_the_view_still(big_story: Path) -> None:
    app = NewsdiffApp(paths=[big_story])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot, 0, 1)
        view = diff_view(app)
        await pilot.press("G")
        await settle(pilot)
        for _ in range(view.scrollable_content_region.height * 3):
            top_line = view_lines(app)[0]
            view.scroll_to(y=view.scroll_y - 1, animate=False, immediate=True)
            await pilot.pause()
            assert view_lines(app)[1] == top_line, "one line up: what was at the top moved down by one"
        await pilot.press(*["k"] * 30)
        await settle(pilot)
        assert_current_row_visible(app)


async def test_scrolling_down_a_long_way_reaches_the_end(big_story: Path) -> None:
    app = NewsdiffApp(paths=[big_story])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot, 0, 1)
        view = diff_view(app)
        total = len(view.order)
        for _ in range(400):
            if view.scroll_y >= view.max_scroll_y:
                break
            view.scroll_to(
                y=view.scroll_y + view.scrollable_content_region.height, animate=False, immediate=True
            )
            await pilot.pause()
        assert f"¶{total}" in "".join(view_lines(app)), "the last paragraph is on screen"
        assert view.rendered_rows == total, "every row was drawn on the way, with its true height"
        assert view.virtual_size.height == view._offsets[-1]


async def test_hiding_identical_pairs_builds_no_word_diffs(big_story: Path) -> None:
    app = NewsdiffApp(paths=[big_story])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        comparison = screen.comparison
        assert comparison is not None
        view = diff_view(app)
        before = len(comparison._cache)
        await pilot.press("i")
        await settle(pilot)
        assert len(view.order) < len(comparison.rows), "two thirds of the rows are identical"
        assert len(comparison._cache) <= before + near_view(view), "only rows near the view are diffed"
        await pilot.press("right_square_bracket", "n", "n")
        await settle(pilot)
        assert len(comparison._cache) <= before + 2 * near_view(view), (
            "] builds no diffs for rows passed over"
        )


async def test_both_cells_of_a_row_share_one_scroll_position(big_story: Path) -> None:
    app = NewsdiffApp(paths=[big_story])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot, 0, 1)
        await pilot.press(*["j"] * 12)
        await settle(pilot)
        row = current_row(app)
        cell_a, cell_b = row_cells(app, row.position)
        lines = view_lines(app)
        assert cell_a[0] in lines[row.top] and cell_b[0] in lines[row.top], "both cells start on one line"
        assert cell_a[0].lstrip().startswith("¶") and cell_b[0].lstrip().startswith("¶")
