"""Wide and right-to-left text: Chinese, Japanese, Korean, emoji (ZWJ sequences, flags, skin
tones) and Arabic keep both cells of a row aligned, inside their columns, with nothing cut off."""

from __future__ import annotations

from pathlib import Path

from appdriver import diff_view, open_comparison, row_cells, screen_text, settle
from rich.cells import cell_len
from samples import WIDE_A, WIDE_B

from newsdiff.app import NewsdiffApp


def squeeze(text: str) -> str:
    """Text without white space or the left border of an unpaired cell."""
    return "".join(text.replace("▏", "").split())


async def test_wide_and_rtl_text_stays_inside_aligned_cells(wide_story: Path) -> None:
    app = NewsdiffApp(paths=[wide_story])
    async with app.run_test(size=(100, 50)) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        await settle(pilot)
        assert screen.comparison is not None
        view = diff_view(app)
        columns = view.columns
        kinds = {screen.comparison.rows[k].kind for k in view.order}
        assert kinds >= {"pair", "only_a", "only_b"}
        assert abs(columns.box_a - columns.box_b) <= 1, "two equal columns"
        shown: dict[str, str] = {"a": "", "b": ""}
        for position in range(len(view.order)):
            strips = view._row_strips(position)
            assert all(strip.cell_length == columns.width == cell_len(strip.text) for strip in strips), (
                "no spill"
            )
            cell_a, cell_b = row_cells(app, position)
            assert len(cell_a) == len(cell_b) == len(strips), "both cells span the row's lines"
            assert all(cell_len(line) == columns.box_a for line in cell_a), "A stays in its column"
            assert all(cell_len(line) == columns.box_b for line in cell_b), "B stays in its column"
            shown["a"] += "".join(cell_a)
            shown["b"] += "".join(cell_b)
        for side, paragraphs in (("a", WIDE_A), ("b", WIDE_B)):
            for paragraph in paragraphs[1:]:
                assert squeeze(paragraph) in squeeze(shown[side]), f"cut or reordered on {side}: {paragraph}"
        text = screen_text(app)
        for fragment in ("市议会周二晚上", "👨\u200d👩\u200d👧\u200d👦", "🇯🇵", "وافق مجلس المدينة", "한국어"):
            assert fragment in text, fragment
