"""Small things a newcomer tripped over: the story's ¶ count is the reader's, and a filter that
hides every row says so in words."""

from __future__ import annotations

from appdriver import SEEDS, SIZE, open_comparison, screen_text, settle, story_ready, text_of, wait_for
from textual.widgets import Static

from newsdiff.app import NewsdiffApp
from newsdiff.screens.compare_screen import NO_DISAGREEMENT
from newsdiff.screens.reader_screen import ReaderScreen
from newsdiff.widgets.article_table import ArticleTable


async def test_the_story_and_the_reader_count_the_same_paragraphs() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        table = screen.query_one(ArticleTable)
        shown = str(table.get_row_at(0)[5])
        article = table.articles[0]
        assert len(article.paragraphs) != len(article.body), "the seed has a set-aside paragraph"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        assert f"{shown} paragraphs" in screen_text(app)


async def test_f_with_nothing_flagged_says_nothing_is_shown() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot)  # 001 and 004: no pair's numbers or names disagree
        assert screen.comparison is not None and not screen.comparison.flagged_rows()
        await pilot.press("f")
        await settle(pilot)
        state = text_of(screen.query_one("#state", Static))
        assert state.startswith(f"nothing shown ({len(screen.comparison.rows)} rows in all)"), state
        assert "no row of 0" not in state
        assert NO_DISAGREEMENT.split(" (")[0] in " ".join(screen_text(app).split())
