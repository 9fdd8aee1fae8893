"""Search on the story screen: / types a query, the cursor jumps between matching articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from appdriver import SEEDS, SIZE, screen_text, settle, story_ready, text_of
from test_app_story import text_of_footer
from textual.app import App
from textual.widgets import Input, Static

from newsdiff.app import NewsdiffApp
from newsdiff.core.search import find
from newsdiff.screens.story_screen import StoryScreen
from newsdiff.widgets.article_table import ArticleTable
from newsdiff.widgets.search_bar import SearchBar


def count_label(screen: StoryScreen) -> str:
    return text_of(screen.query_one("#search-count", Static))


def hits_column(table: ArticleTable) -> list[str]:
    return [table.get_cell_at((row, 6)).plain for row in range(table.row_count)]


def expected_hits(table: ArticleTable, query: str) -> list[int]:
    """Matches in each article's paragraphs, plus its title when the title is not in its text
    (a title from newsdiff.toml)."""
    counts = []
    for a in table.articles:
        in_text = any(a.title in p.text for p in a.paragraphs)
        counts.append(
            sum(len(find(p.text, query)) for p in a.paragraphs)
            + (0 if in_text else len(find(a.title, query)))
        )
    return counts


async def test_typing_searches_every_article_and_counts() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        table = screen.query_one(ArticleTable)
        assert "next" not in text_of_footer(app).split(), "n is offered only during a search"
        await pilot.press("slash", *"Vostochny")
        await settle(pilot)
        bar = screen.query_one(SearchBar)
        assert bar.is_open and bar.query_one(Input).has_focus
        per_article = expected_hits(table, "vostochny")
        total = sum(per_article)
        assert total >= 3 and per_article.count(0) >= 1, per_article
        assert count_label(screen) == f"1/{total}"
        assert hits_column(table) == [str(n) if n else "·" for n in per_article]
        assert "Found" in screen_text(app)
        first_row = next(row for row, n in enumerate(per_article) if n)
        assert table.cursor_row == first_row
        details = text_of(screen.query_one("#details", Static))
        assert "Vostochny" in details and "¶" in details
        assert f"1/{total}" in screen_text(app)


async def test_incremental_search_narrows_as_you_type() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        table = screen.query_one(ArticleTable)
        await pilot.press("slash", "k", "i")
        await settle(pilot)
        broad = sum(expected_hits(table, "ki"))
        assert count_label(screen) == f"1/{broad}"
        await pilot.press(*"m jong")
        await settle(pilot)
        narrow = sum(expected_hits(table, "kim jong"))
        assert 0 < narrow < broad
        assert count_label(screen) == f"1/{narrow}"
        await pilot.press(*"zzz")
        await settle(pilot)
        assert count_label(screen) == "no match"
        assert set(hits_column(table)) == {"·"}


async def test_n_and_shift_n_move_the_cursor_between_matches_and_wrap() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        table = screen.query_one(ArticleTable)
        await pilot.press("slash", *"Shoigu", "enter")
        await settle(pilot)
        assert table.has_focus, "enter gives the keys back to the table"
        matches = screen.matches
        assert matches is not None
        total = len(matches)
        rows = [hit.location[0] for hit in matches.hits]
        assert len(set(rows)) >= 2, "the word is in several articles"
        assert "next" in text_of_footer(app).split() and "prev" in text_of_footer(app).split()
        seen = [table.cursor_row]
        for k in range(2, total + 1):
            await pilot.press("n")
            await settle(pilot)
            assert count_label(screen) == f"{k}/{total}"
            seen.append(table.cursor_row)
        assert seen == rows
        await pilot.press("n")
        await settle(pilot)
        assert count_label(screen) == f"1/{total}" and table.cursor_row == rows[0]
        assert any("wrapped" in n.message for n in app._notifications)
        await pilot.press("N")
        await settle(pilot)
        assert count_label(screen) == f"{total}/{total}" and table.cursor_row == rows[-1]


async def test_escape_clears_the_search() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        table = screen.query_one(ArticleTable)
        await pilot.press("slash", *"putin", "enter")
        await settle(pilot)
        assert screen.matches
        await pilot.press("escape")
        await settle(pilot)
        assert screen.matches is None
        assert not screen.query_one(SearchBar).is_open
        assert set(hits_column(table)) == {""}
        assert "Found" not in screen_text(app), "the column is blank without a search"
        assert table.has_focus
        assert "Lead" in text_of(screen.query_one("#details", Static))
        await pilot.press("n")
        await settle(pilot)
        assert count_label(screen) == ""
        # Escape while typing clears too.
        await pilot.press("slash", *"kim", "escape")
        await settle(pilot)
        assert screen.matches is None and not screen.query_one(SearchBar).is_open


async def test_a_markup_like_query_is_searched_and_shown_literally(hostile_story: Path) -> None:
    app = NewsdiffApp(paths=[hostile_story])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        await pilot.press("slash", *"[bold]x[/bold]")
        await settle(pilot)
        assert screen.query_one(SearchBar).query_text == "[bold]x[/bold]"
        # Title (also the first paragraph) and the second paragraph, in both articles.
        assert count_label(screen) == "1/4"
        text = screen_text(app)
        assert "[bold]x[/bold]" in text
        assert "approves [bold]x[/bold] budget" in text_of(screen.query_one("#details", Static))
        await pilot.press("backspace", *["backspace"] * 20, *"[@click=app.quit]y", "enter")
        await settle(pilot)
        assert count_label(screen) == "1/2"
        assert not app._exit


async def test_capital_o_opens_the_highlighted_articles_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(App, "open_url", lambda self, url, **kw: opened.append(url))
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "a.txt").write_text("First article.\n\nIt says one thing.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Second article.\n\nIt says another.\n", encoding="utf-8")
    (folder / "newsdiff.toml").write_text('["b.txt"]\nurl = "https://example.org/b"\n', encoding="utf-8")
    app = NewsdiffApp(paths=[folder])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        await pilot.press("O")
        await settle(pilot)
        assert opened == []
        assert any("No URL known for a.txt" in n.message for n in app._notifications)
        await pilot.press("down", "O")
        await settle(pilot)
        assert opened == ["https://example.org/b"]


async def test_search_and_keys_hold_after_reading_and_coming_back() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        await pilot.press("down", "slash", *"Shoigu", "enter")
        await settle(pilot)
        assert screen.matches
        label = count_label(screen)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert app.screen is screen and count_label(screen) == label
        assert screen.query_one(ArticleTable).cursor_row >= 0


async def test_a_search_cut_at_its_limit_says_so_in_the_count_and_the_column(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        paragraphs = [f"Article {name} starts here."] + ["e " * 1000] * 6
        (folder / name).write_text("\n\n".join(paragraphs), encoding="utf-8")
    app = NewsdiffApp(paths=[folder])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        table = screen.query_one(ArticleTable)
        await pilot.press("slash", "e", "enter")
        await settle(pilot)
        # a.txt: 6,000 + 3 ("Article", "here"); b.txt: the rest of the 10,000; c.txt: not searched.
        assert count_label(screen) == "1/10000+"
        assert hits_column(table) == ["6003", "3997+", "?"]
