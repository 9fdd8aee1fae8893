"""Long documents: rows are mounted in batches, on demand, and the columns scroll as one."""

from __future__ import annotations

from pathlib import Path

from appdriver import SIZE, current_row, diff_view, open_comparison, settle, wait_for

from newsdiff.app import NewsdiffApp
from newsdiff.widgets.diff_row import DiffRow
from newsdiff.widgets.diff_view import DiffView


async def test_only_a_batch_of_rows_is_mounted_until_needed(big_story: Path) -> None:
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
        assert current_row(app).position == total - 1
        assert len(view.mounted_rows) == total


async def test_a_jump_past_the_mounted_rows_mounts_them(big_story: Path) -> None:
    app = NewsdiffApp(paths=[big_story])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot, 0, 1)
        view = diff_view(app)
        await view.move_to(DiffView.BATCH + 5)
        await settle(pilot)
        row = current_row(app)
        assert row.position == DiffView.BATCH + 5
        assert row.region.y >= view.region.y and row.region.bottom <= view.region.bottom + row.region.height


async def test_both_cells_of_a_row_share_one_scroll_position(big_story: Path) -> None:
    app = NewsdiffApp(paths=[big_story])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot, 0, 1)
        await pilot.press(*["j"] * 12)
        await settle(pilot)
        for row in app.screen.query(DiffRow):
            cell_a, cell_b = row.query(".cell")
            assert cell_a.region.y == cell_b.region.y
