"""Wide and right-to-left text: Chinese, Japanese, Korean, emoji (ZWJ sequences, flags, skin
tones) and Arabic keep both cells of a row aligned, inside their columns, with nothing cut off."""

from __future__ import annotations

from pathlib import Path

from appdriver import open_comparison, screen_text, settle
from rich.cells import cell_len
from samples import WIDE_A, WIDE_B
from textual.geometry import Region
from textual.widgets import Static

from newsdiff.app import NewsdiffApp
from newsdiff.widgets.diff_row import DiffRow


def squeeze(text: str) -> str:
    """Text without white space or the left border of an unpaired cell."""
    return "".join(text.replace("▏", "").split())


async def test_wide_and_rtl_text_stays_inside_aligned_cells(wide_story: Path) -> None:
    app = NewsdiffApp(paths=[wide_story])
    async with app.run_test(size=(100, 50)) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        await settle(pilot)
        rows = list(screen.query(DiffRow))
        assert {row.view.kind for row in rows} >= {"pair", "only_a", "only_b"}
        shown: dict[str, str] = {"a": "", "b": ""}
        for row in rows:
            cell_a, cell_b = row.query(".cell")
            assert cell_a.region.y == cell_b.region.y == row.region.y, "both cells start on the row's line"
            assert max(cell_a.region.height, cell_b.region.height) == row.region.height, "the taller sets it"
            assert cell_a.region.bottom <= row.region.bottom and cell_b.region.bottom <= row.region.bottom
            assert cell_a.region.right <= cell_b.region.x, "A stays left of B"
            assert abs(cell_a.region.width - cell_b.region.width) <= 1, "two equal columns"
            assert row.region.right <= screen.region.right
            for side, cell in (("a", cell_a), ("b", cell_b)):
                if not isinstance(cell, Static) or cell.has_class("-gap"):
                    continue
                width, height = cell.outer_size
                lines = cell.render_lines(Region(0, 0, width, height))
                assert len(lines) == cell.region.height
                assert all(line.cell_length == width == cell.region.width for line in lines), "no spill"
                assert all(cell_len(line.text) == width for line in lines)
                shown[side] += "".join(line.text for line in lines)
        for side, paragraphs in (("a", WIDE_A), ("b", WIDE_B)):
            for paragraph in paragraphs[1:]:
                assert squeeze(paragraph) in squeeze(shown[side]), f"cut or reordered on {side}: {paragraph}"
        text = screen_text(app)
        for fragment in ("市议会周二晚上", "👨\u200d👩\u200d👧\u200d👦", "🇯🇵", "وافق مجلس المدينة", "한국어"):
            assert fragment in text, fragment
