"""Search on the comparison screen: / searches both columns, matches are highlighted on screen
(in a way that survives NO_COLOR), the count says "3/11", n/N move between matches while a search
is active (n is "next difference" otherwise), and escape clears the search; plus the column
settings (wrap width, score gutter)."""

from __future__ import annotations

import re

import pytest
from appdriver import (
    SEEDS,
    SIZE,
    assert_current_row_visible,
    diff_view,
    open_comparison,
    settle,
    view_lines,
    view_segments,
)
from textual.widgets import Static

from newsdiff.app import NewsdiffApp
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.story_screen import StoryScreen
from newsdiff.widgets.search_bar import SearchBar


def count_label(app: NewsdiffApp) -> str:
    return str(app.screen.query_one("#search-count", Static).visual)


def highlighted(app: NewsdiffApp) -> list[str]:
    """Text drawn reversed and italic on screen: the search matches (a changed number is
    reversed and bold, never italic)."""
    return [seg.text for seg in view_segments(app) if seg.style and seg.style.reverse and seg.style.italic]


def current_match(app: NewsdiffApp) -> list[str]:
    """Text drawn as the current match: a match's look, doubly underlined."""
    segments = view_segments(app)
    return [seg.text for seg in segments if seg.style and seg.style.reverse and seg.style.underline2]


def expected_count(screen: CompareScreen, word: str) -> int:
    """Occurrences of ``word`` (any case) in the paragraphs the comparison shows, both sides."""
    assert screen.comparison is not None
    comparison = screen.comparison
    total = 0
    for k in screen.diff_view.order:
        row = comparison.rows[k]
        texts = [comparison.a.paragraphs[i].text for i in row.a] + [
            comparison.b.paragraphs[j].text for j in row.b
        ]
        total += sum(len(re.findall(re.escape(word), text, re.IGNORECASE)) for text in texts)
    return total


async def search(pilot: object, query: str) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("slash", *query, "enter")
    await settle(pilot)


async def test_slash_searches_both_columns_and_counts_the_matches() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot)
        await search(pilot, "putin")
        total = expected_count(screen, "putin")
        assert total > 5
        assert count_label(app) == f"1/{total}"
        marks = highlighted(app)
        assert marks and all(text.lower() == "putin" for text in marks), marks
        assert len(current_match(app)) == 1, "exactly one match is the current one"
        assert app.screen.query_one(SearchBar).is_open
        assert "putin" in "".join(view_lines(app)).lower()


async def test_n_and_shift_n_move_between_matches_then_escape_clears() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot)
        view = diff_view(app)
        await search(pilot, "Kim")
        total = expected_count(screen, "Kim")
        assert total >= 3
        assert count_label(app) == f"1/{total}"
        rows = [view.cursor]
        for step in range(2, total + 1):
            await pilot.press("n")
            await settle(pilot)
            assert count_label(app) == f"{step}/{total}"
            rows.append(view.cursor)
            assert_current_row_visible(app)
            assert "".join(current_match(app)).lower() == "kim"
        assert rows == sorted(rows) and rows[-1] > rows[0], "n walks down the comparison"
        await pilot.press("n")
        await settle(pilot)
        assert count_label(app) == f"1/{total}", "after the last match, n wraps to the first"
        await pilot.press("N")
        await settle(pilot)
        assert count_label(app) == f"{total}/{total}"
        assert view.cursor == rows[-1]

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen), "escape clears the search, it does not leave"
        assert not highlighted(app) and not app.screen.query_one(SearchBar).is_open
        start = view.cursor
        await pilot.press("n")
        await settle(pilot)
        assert view.cursor != start or any("No more differences" in n.message for n in app._notifications), (
            "without a search, n is the next difference again"
        )
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen), "and escape goes back"


async def test_no_match_says_so_and_typing_searches_as_you_go() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot)
        await pilot.press("slash", *"Russia")
        await settle(pilot)
        assert count_label(app) == f"1/{expected_count(screen, 'Russia')}", "searched before enter"
        assert highlighted(app)
        await pilot.press(*"zzz", "enter")
        await settle(pilot)
        assert count_label(app) == "no match" and not highlighted(app)


async def test_matches_are_visible_without_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        await search(pilot, "Kim")
        assert highlighted(app), "reverse + italic, no colour needed"
        svg = app.export_screenshot()
        assert "font-style: italic" in svg


async def test_wrap_width_and_show_scores_change_the_columns() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        view = diff_view(app)
        assert view.comparison is not None
        first_pair = next(row for row in view.comparison.rows if row.score is not None)
        shown = "".join(line[:9] for line in view_lines(app))
        assert view.columns.gutter == 8 and f"{first_pair.score:.2f}" in shown
        view.show_scores = False
        await settle(pilot)
        assert view.columns.gutter == 0
        assert not any(re.match(r"\s*\d\.\d\d", line[1:9]) for line in view_lines(app)), "no figures"
        assert not app.screen.query_one("#heads .gutter").display
        view.wrap_width = 30
        await settle(pilot)
        lines = view_lines(app)
        assert view.columns.box_a == view.columns.box_b == 32
        assert all(line[1 + 64 :].strip() == "" for line in lines), "nothing beyond the two capped columns"
        assert max(len(line[1:33].rstrip()) for line in lines) <= 32
        assert app.screen.query_one("#head-a").region.width == 32
        assert_current_row_visible(app)
