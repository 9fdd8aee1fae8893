"""The comparison screen: highlights, moving, jumping, swapping, filters, view modes."""

from __future__ import annotations

from pathlib import Path

import pytest
from appdriver import SEEDS, SIZE, current_row, diff_view, open_comparison, settle, text_of
from textual.content import Content
from textual.widgets import Static

from newsdiff.app import NewsdiffApp
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.story_screen import StoryScreen
from newsdiff.widgets.compare_header import SummaryBar
from newsdiff.widgets.diff_row import DiffRow


def cell_styles(row: DiffRow) -> list[str]:
    """Every span style in the row's two text cells."""
    styles: list[str] = []
    for cell in row.query(".cell").results(Static):
        content = cell.visual
        assert isinstance(content, Content)
        styles += [str(span.style) for span in content.spans]
    return styles


async def test_differences_are_highlighted_without_relying_on_colour() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        styles = [style for row in app.screen.query(DiffRow) for style in cell_styles(row)]
        assert any("strike" in style for style in styles), "deleted or replaced words on side A are struck"
        assert any("underline" in style for style in styles), "inserted or replaced words on B are underlined"
        assert any("reverse" in style for style in styles), "001 vs 004 changes a number (18-month-old...)"
        svg = app.export_screenshot()
        assert "line-through" in svg and "underline" in svg


async def test_pairs_share_a_row_and_unpaired_paragraphs_face_a_marked_gap() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot)
        assert screen.comparison is not None
        rows = list(app.screen.query(DiffRow))
        assert len(rows) == len(screen.comparison.rows)
        pair = next(row for row in rows if row.view.kind == "pair")
        assert len(pair.query(".cell.-a")) == 1 and len(pair.query(".cell.-b")) == 1
        assert text_of(pair.query_one(".gutter", Static)).startswith("0.")
        only_a = next(row for row in rows if row.view.kind == "only_a")
        assert text_of(only_a.query_one(".gutter", Static)).startswith("only A")
        assert text_of(only_a.query_one(".cell.-b .gap-label", Static)) == "only in A"
        assert not only_a.query(".cell.-a .gap-label")
        summary = text_of(screen.query_one(SummaryBar).query_one("#counts", Static))
        assert "pairs" in summary and "only in A" in summary and "only in B" in summary


async def test_j_k_and_arrows_move_the_current_row() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        view = diff_view(app)
        assert view.cursor == 0 and current_row(app).position == 0
        await pilot.press("j", "j", "down")
        assert view.cursor == 3 and current_row(app).position == 3
        await pilot.press("k", "up")
        assert view.cursor == 1
        await pilot.press("G")
        await settle(pilot)
        assert view.cursor == len(view.order) - 1 and current_row(app).position == view.cursor
        await pilot.press("g")
        assert view.cursor == 0


async def test_bracket_jumps_to_the_next_difference() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot)
        assert screen.comparison is not None
        view = diff_view(app)
        start = view.cursor
        await pilot.press("right_square_bracket")
        row = current_row(app)
        assert view.cursor > start
        assert row.view.changed and not row.view.boilerplate
        assert row.has_class("-current")
        await pilot.press("n")
        assert view.cursor > row.position
        after_n = view.cursor
        await pilot.press("left_square_bracket")
        assert view.cursor < after_n
        await pilot.press("p")
        assert current_row(app).view.changed


async def test_s_swaps_the_sources_in_the_header() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot)
        sources = screen.query_one(SummaryBar).query_one("#sources", Static)
        before = text_of(sources)
        assert before.index("The Associated Press") < before.index("004_")
        await pilot.press("j", "j")
        kept = current_row(app).view.row
        await pilot.press("s")
        await settle(pilot)
        after = text_of(sources)
        assert after.index("004_") < after.index("The Associated Press")
        assert current_row(app).view.row.a == kept.b, "the cursor stays on the same content"
        head_a = text_of(screen.query_one("#head-a", Static))
        assert "004_" in head_a


async def test_i_hides_identical_pairs(twin_story: Path) -> None:
    app = NewsdiffApp(paths=[twin_story])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot, 0, 1)
        view = diff_view(app)
        identical = [row for row in app.screen.query(DiffRow) if row.view.identical]
        assert identical, "the twin story has identical pairs"
        total = len(view.order)
        await pilot.press("i")
        await settle(pilot)
        rows = list(app.screen.query(DiffRow))
        assert rows and not any(row.view.identical for row in rows)
        assert len(view.order) == total - len(identical)
        assert "identical: hidden" in text_of(app.screen.query_one("#state", Static))
        await pilot.press("i")
        await settle(pilot)
        assert len(view.order) == total


async def test_b_hides_boilerplate() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        rows = list(app.screen.query(DiffRow))
        dimmed = [row for row in rows if row.has_class("-boilerplate")]
        assert dimmed and all(row.view.boilerplate for row in dimmed)
        await pilot.press("b")
        await settle(pilot)
        rows = list(app.screen.query(DiffRow))
        assert rows and not any(row.view.boilerplate for row in rows)
        assert "boilerplate: hidden" in text_of(app.screen.query_one("#state", Static))


async def test_w_switches_to_paragraph_level() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        view = diff_view(app)
        await pilot.press("w")
        await settle(pilot)
        assert view.has_class("-paragraph-level")
        for row in app.screen.query(DiffRow):
            assert not any("strike" in s or "underline" in s for s in cell_styles(row))
        assert "view: paragraphs" in text_of(app.screen.query_one("#state", Static))
        await pilot.press("w")
        styles = [s for row in app.screen.query(DiffRow) for s in cell_styles(row)]
        assert any("strike" in s for s in styles)


async def test_clicking_a_row_makes_it_current() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        target = list(app.screen.query(DiffRow))[2]
        await pilot.click(target)
        await settle(pilot)
        assert current_row(app) is target


async def test_escape_goes_back_to_the_story() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)


async def test_no_color_still_shows_differences(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        assert app.no_color
        await open_comparison(pilot)
        await settle(pilot)
        svg = app.export_screenshot()
        assert "line-through" in svg and "underline" in svg


async def test_themes_restyle_the_differences() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        await settle(pilot)
        before = app.export_screenshot()
        app.theme = "textual-light"
        await settle(pilot)
        after = app.export_screenshot()
        assert before != after and "line-through" in after
