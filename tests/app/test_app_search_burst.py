"""Keys typed (or pasted) in one burst right after "/" belong to the search, as in less and vim.

The terminal driver posts a whole burst at once; before the fix, Textual forwarded the letters to
the screen before the screen had handled "/" and moved the focus, so "/Kim" searched for "m" and
ran "K" and "i" as commands. The keys here are posted the way the driver posts them, with no
pause between them. A "/" inside the query is a character, not a new search.
"""

from __future__ import annotations

from appdriver import SEEDS, SIZE, open_comparison, settle, story_ready, wait_for
from textual import events

from newsdiff.app import NewsdiffApp
from newsdiff.screens.reader_screen import ReaderScreen
from newsdiff.widgets.search_bar import SearchBar

BURST = [("slash", "/"), ("P", "P"), ("u", "u"), ("t", "t"), ("slash", "/"), ("i", "i")]


def _burst(app: NewsdiffApp) -> None:
    for key, character in BURST:
        app.post_message(events.Key(key, character))


async def test_burst_after_slash_reaches_the_story_search() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        marks_before = dict(screen.query_one("ArticleTable").marks)  # type: ignore[attr-defined]
        _burst(app)
        await settle(pilot)
        assert screen.query_one(SearchBar).query_text == "Put/i"
        assert dict(screen.query_one("ArticleTable").marks) == marks_before  # type: ignore[attr-defined]


async def test_burst_after_slash_reaches_the_reader_search() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        _burst(app)
        await settle(pilot)
        assert app.screen.query_one(SearchBar).query_text == "Put/i"


async def test_burst_after_slash_reaches_the_comparison_search() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot)
        hidden_before = screen.diff_view.hide_identical
        _burst(app)
        await settle(pilot)
        assert screen.query_one(SearchBar).query_text == "Put/i"
        assert screen.diff_view.hide_identical == hidden_before, "i went to the query, not to the view"
