"""The comparison screen: highlights, moving, jumping, swapping, filters, view modes."""

from __future__ import annotations

from pathlib import Path

import pytest
from appdriver import (
    SEEDS,
    SIZE,
    assert_current_row_visible,
    current_row,
    diff_view,
    open_comparison,
    row_cells,
    settle,
    shown_row,
    text_of,
    view_lines,
    view_segments,
)
from textual import events
from textual.widgets import Static

from newsdiff.app import NewsdiffApp
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.story_screen import StoryScreen
from newsdiff.widgets.compare_header import SummaryBar, counts_parts
from newsdiff.widgets.diff_layout import HATCH, UNPAIRED_EDGE


def screen_styles(app: NewsdiffApp) -> list[str]:
    """The style of every piece of text the comparison shows on screen now."""
    return [str(seg.style) for seg in view_segments(app) if seg.text.strip() and seg.style]


async def test_differences_are_highlighted_without_relying_on_colour() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        styles = screen_styles(app)
        assert any("strike" in style for style in styles), "deleted or replaced words on side A are struck"
        assert any("underline" in style for style in styles), "inserted or replaced words on B are underlined"
        # No pair of 001 vs 004 states a figure differently (f finds none), so nothing is reversed:
        # "18-month-old" → "two-year" is reworded in a longer stretch, not a figure put for a figure.
        assert not any("reverse" in style for style in styles)
        svg = app.export_screenshot()
        assert "line-through" in svg and "underline" in svg


async def test_pairs_share_a_row_and_unpaired_paragraphs_face_a_marked_gap() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot)
        assert screen.comparison is not None
        view = diff_view(app)
        assert len(view.order) == len(screen.comparison.rows)
        kinds = [screen.comparison.rows[k].kind for k in view.order]
        pair = shown_row(app, kinds.index("pair"))
        lines = view_lines(app)
        assert lines[pair.top][1:8].strip().startswith("0."), "the pair's similarity in the gutter"
        cell_a, cell_b = row_cells(app, pair.position)
        assert "¶" in cell_a[0] and "¶" in cell_b[0], "text on both sides, on the row's first line"
        only_a = shown_row(app, kinds.index("only_a"))
        assert 0 <= only_a.top < len(lines), "the first unpaired row is on screen"
        assert lines[only_a.top][1:8].strip() == "only A"
        cell_a, cell_b = row_cells(app, only_a.position)
        assert cell_b[0].startswith(HATCH + " only in A ") and all(
            set(line) == {HATCH} for line in cell_b[1:]
        )
        assert all(line.startswith(UNPAIRED_EDGE) for line in cell_a), "a coloured edge beside the paragraph"
        assert "only in A" in lines[only_a.top], "the gap's label is on screen"
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
        assert_current_row_visible(app)
        await pilot.press("g")
        await settle(pilot)
        assert view.cursor == 0
        assert_current_row_visible(app)


ROW_WASHINGTON_TIMES, ROW_003 = 2, 3


async def test_first_end_on_a_long_comparison_scrolls_to_the_last_row() -> None:
    """The Washington Times vs 003 has 58 rows, more than one batch: G mounts and shows the end."""
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, ROW_WASHINGTON_TIMES, ROW_003)
        assert screen.a.name == "The Washington Times"
        view = diff_view(app)
        assert view.max_scroll_y > 0, "more than a screenful"
        await pilot.press("end")
        await settle(pilot)
        assert view.cursor == len(view.order) - 1
        assert_current_row_visible(app)
        assert view.scroll_y == view.max_scroll_y > 0
        await pilot.press("k", "k")
        await settle(pilot)
        assert_current_row_visible(app)
        await pilot.press("home")
        await settle(pilot)
        assert view.cursor == 0 and view.scroll_y == 0
        assert_current_row_visible(app)
        await pilot.press("G")
        await settle(pilot)
        assert_current_row_visible(app)


async def test_paging_moves_the_cursor_with_the_page() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot, ROW_WASHINGTON_TIMES, ROW_003)
        view = diff_view(app)
        height = view.scrollable_content_region.height
        await pilot.press("space")
        await settle(pilot)
        assert view.scroll_y == height, "one page down"
        first = assert_current_row_visible(app)
        above = shown_row(app, first.position - 1)
        assert above.top < 0 < above.bottom, (
            "the row above is cut by the top: the cursor is on the first whole one"
        )
        await pilot.press("j")
        await settle(pilot)
        assert view.cursor == first.position + 1, "j goes on from the page, not from the old cursor"
        assert view.scroll_y == height, "and the view does not jump back"
        await pilot.press("pagedown")
        await settle(pilot)
        assert view.scroll_y == 2 * height and view.cursor > first.position + 1
        assert_current_row_visible(app)
        await pilot.press("pageup")
        await settle(pilot)
        assert view.scroll_y == height and view.cursor == first.position
        assert_current_row_visible(app)
        await pilot.press("pageup", "pageup")
        await settle(pilot)
        assert view.scroll_y == 0 and view.cursor == 0, "at the top, page up goes to the first row"
        await pilot.press(*["space"] * 12)
        await settle(pilot)
        assert view.scroll_y == view.max_scroll_y
        assert view.cursor == len(view.order) - 1, "at the end, page down goes to the last row"
        assert_current_row_visible(app)
        rows = len(view.order)
        assert rows > 40  # the seeds' comparison: a few screens of rows
        assert f"row {rows} of {rows}" in text_of(app.screen.query_one("#state", Static))


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


def gutter_texts(app: NewsdiffApp) -> str:
    """The score gutter of every line on screen, as one text."""
    return "\n".join(line[1:8] for line in view_lines(app))


async def test_i_hides_identical_pairs(twin_story: Path) -> None:
    app = NewsdiffApp(paths=[twin_story])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        assert screen.comparison is not None
        view = diff_view(app)
        identical = [k for k in view.order if screen.comparison.row_identical(k)]
        assert identical and "same" in gutter_texts(app), "the twin story's identical pairs say so"
        total = len(view.order)
        await pilot.press("i")
        await settle(pilot)
        assert "same" not in gutter_texts(app) and "1.00" not in gutter_texts(app)
        assert len(view.order) == total - len(identical)
        assert "identical: hidden" in text_of(app.screen.query_one("#state", Static))
        await pilot.press("i")
        await settle(pilot)
        assert len(view.order) == total and "same" in gutter_texts(app)


async def test_b_hides_boilerplate() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        assert "boiler" in gutter_texts(app)
        dimmed = [seg for seg in view_segments(app) if seg.style and seg.style.dim and seg.text.strip()]
        assert any("Sputnik" in seg.text for seg in dimmed), "the photo credit is dimmed"
        assert not any("For Putin" in seg.text for seg in dimmed), "body text is not"
        await pilot.press("b")
        await settle(pilot)
        assert "boiler" not in gutter_texts(app) and "Sputnik" not in "".join(view_lines(app))
        assert "boilerplate: hidden" in text_of(app.screen.query_one("#state", Static))


async def test_w_switches_to_paragraph_level() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        view = diff_view(app)

        def unchanged_words_background() -> object:
            """The background of the words the changed pair (¶3) shares: "For Putin, the meeting"."""
            seg = next(seg for seg in view_segments(app) if "For Putin" in seg.text)
            return seg.style.bgcolor if seg.style else None

        plain = unchanged_words_background()
        await pilot.press("w")
        await settle(pilot)
        assert view.has_class("-paragraph-level")
        styles = screen_styles(app)
        assert not any("strike" in s or "underline" in s for s in styles)
        assert unchanged_words_background() != plain, "the whole changed paragraph is tinted"
        assert "view: paragraphs" in text_of(app.screen.query_one("#state", Static))
        await pilot.press("w")
        assert any("strike" in s for s in screen_styles(app))


async def test_clicking_a_row_makes_it_current() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        view = diff_view(app)
        target = shown_row(app, 2)
        await pilot.click(view, offset=(30, target.top + 1))
        await settle(pilot)
        assert view.cursor == 2 and current_row(app).position == 2
        assert view.scroll_y == 0, "a click on a row in view does not scroll"


async def test_the_mouse_wheel_scrolls_without_moving_the_cursor() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot, 2, 3)
        view = diff_view(app)
        before = view_lines(app)
        # The wheel as the terminal reports it (Pilot has no public call for it).
        await pilot._post_mouse_events([events.MouseScrollDown], view, offset=(30, 5), times=2)
        await settle(pilot)
        assert view.scroll_y > 0 and view_lines(app) != before
        assert view.cursor == 0


async def test_escape_goes_back_to_the_story() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        await pilot.press("c")
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


def counts_text(app: NewsdiffApp) -> str:
    return text_of(app.screen.query_one(SummaryBar).query_one("#counts", Static))


async def test_the_summary_gives_coverage_beside_the_mean_of_pairs() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=(80, 30)) as pilot:
        screen = await open_comparison(pilot)
        assert screen.comparison is not None
        summary = screen.comparison.summary()
        text = counts_text(app)
        assert f"{summary.pairs} pairs · {summary.only_a} only in A · {summary.only_b} only in B" in text
        assert f"mean similarity of pairs {summary.mean_similarity:.2f}" in text
        assert f"{summary.coverage_a:.0%} of A and {summary.coverage_b:.0%} of B have a counterpart" in text
        lines = text.splitlines()
        assert len(lines) == 2 and all(len(line) <= 78 for line in lines), "at 80 columns, two lines"
        parts = counts_parts(screen.comparison)
        assert [part for line in lines for part in line.split(" · ")] == parts, "broken only between parts"
        await pilot.resize_terminal(160, 40)
        await settle(pilot)
        assert len(counts_text(app).splitlines()) == 1


async def test_one_good_pair_among_unpaired_paragraphs_does_not_read_as_identical(tmp_path: Path) -> None:
    shared = "The council approved the new budget for the city after a long debate on Tuesday night."
    a = [
        shared,
        "Members of the public filled the gallery to protest the cuts to the library service.",
        "The mayor said the river bridge would be repaired before the winter floods arrived.",
        "Teachers asked for smaller classes and more money for school buildings in the north.",
    ]
    (tmp_path / "a.txt").write_text("\n\n".join(a), encoding="utf-8")
    (tmp_path / "b.txt").write_text(shared, encoding="utf-8")
    app = NewsdiffApp(paths=[tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        assert screen.comparison is not None
        share_a = screen.comparison.summary().coverage_a
        assert 0.2 < share_a < 0.3, "a quarter of A's words"
        text = counts_text(app)
        assert "1 pair · 3 only in A · 0 only in B · mean similarity of pairs 1.00" in text
        assert f"{share_a:.0%} of A and 100% of B have a counterpart" in text


async def test_nothing_in_common_says_none_not_a_mean(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The council approved the budget on Tuesday night.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Heavy snow closed every mountain pass in the north.", encoding="utf-8")
    app = NewsdiffApp(paths=[tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot, 0, 1)
        text = counts_text(app)
        assert "0 pairs · 1 only in A · 1 only in B · mean similarity of pairs none" in text
        assert "0% of A and 0% of B have a counterpart" in text


async def test_resizing_rewraps_the_rows_and_keeps_the_current_row_in_view() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot, ROW_WASHINGTON_TIMES, ROW_003)
        view = diff_view(app)
        await pilot.press(*["j"] * 6)
        await settle(pilot)
        wide = view_lines(app)
        await pilot.resize_terminal(80, 30)
        await settle(pilot)
        narrow = view_lines(app)
        width = view.scrollable_content_region.width
        assert width < 80 and all(len(line) == width for line in narrow), "every line fits the new width"
        assert narrow != wide and view.cursor == 6
        assert_current_row_visible(app)
        cell_a, _ = row_cells(app, view.cursor)
        assert all(len(line) == view.columns.box_a for line in cell_a)
