"""y and Y on the comparison: what reaches the clipboard (Markdown, escaped) and what is said."""

from __future__ import annotations

import re
from pathlib import Path

from appdriver import SEEDS, SIZE, settle, wait_for
from test_app_settings import compare_by_marks

from newsdiff.app import NewsdiffApp
from newsdiff.core.render.markdown import row_markdown, to_markdown


def copied_notes(app: NewsdiffApp) -> list[str]:
    return [n.message for n in app._notifications if n.title == "Clipboard"]


async def test_y_copies_the_current_row_as_markdown() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        compare = await compare_by_marks(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        current = compare.diff_view.current_row
        assert current is not None and current > 0
        assert compare.comparison is not None
        await pilot.press("y")
        await settle(pilot)
        expected = row_markdown(compare.comparison, current)
        assert app.clipboard == expected
        view = compare.comparison.row_view(current)
        for paragraph in (*view.a, *view.b):
            assert f"¶{paragraph.index + 1}" in app.clipboard
        assert app.clipboard.startswith("From the comparison of The Associated Press (A) and ")
        assert copied_notes(app) == [f"Copied {len(expected)} characters (the current row) as Markdown"]


async def test_shift_y_copies_the_whole_comparison() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        compare = await compare_by_marks(pilot)
        assert compare.comparison is not None
        await pilot.press("Y")
        await wait_for(pilot, lambda: bool(copied_notes(app)), "the copy")
        expected = to_markdown(compare.comparison)
        assert app.clipboard == expected and len(expected) > 1000
        assert copied_notes(app) == [f"Copied {len(expected)} characters (the whole comparison) as Markdown"]


async def test_copied_rows_keep_article_text_escaped(hostile_story: Path) -> None:
    app = NewsdiffApp(paths=[hostile_story])
    async with app.run_test(size=SIZE) as pilot:
        compare = await compare_by_marks(pilot, 0, 1)
        assert compare.comparison is not None
        copies = []
        for _ in range(len(compare.diff_view.order)):
            await pilot.press("y")
            await settle(pilot)
            copies.append(app.clipboard)
            await pilot.press("j")
            await settle(pilot)
        assert len(copies) == 4 and len(set(copies)) == 4
        assert any("\\[@click=app.quit\\]y" in text for text in copies)
        for text in copies:  # what Markdown could read as a link or a tag is escaped (not @ or =)
            body = re.sub(r"</?(del|ins)>", "", text)
            assert not re.search(r"(?<!\\)[\[\]<>]", body), body
