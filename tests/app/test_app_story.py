"""The story screen: loading, the article table, choosing A and B by keyboard."""

from __future__ import annotations

from pathlib import Path

from appdriver import ROW_001, SEEDS, SIZE, screen_text, settle, story_ready, text_of, wait_for
from textual.widgets import Static

from newsdiff.app import NewsdiffApp
from newsdiff.commands import key_commands
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.reader_screen import ReaderScreen
from newsdiff.screens.story_screen import StoryScreen
from newsdiff.widgets.article_table import ArticleTable
from newsdiff.widgets.compare_header import SummaryBar


async def test_lists_the_seeds_with_default_marks() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        table = screen.query_one(ArticleTable)
        assert table.row_count == 5
        assert table.marks == {"a": 0, "b": 1}
        text = screen_text(app)
        assert "The Associated Press" in text and "The Washington Times" in text
        assert "5 articles" in text
        assert "A The Globe and Mail" in text.replace("  ", " ")


async def test_no_paths_means_the_bundled_seeds() -> None:
    app = NewsdiffApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        assert screen.query_one(ArticleTable).row_count == 5


async def test_space_twice_picks_a_then_b_and_opens() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        table = screen.query_one(ArticleTable)
        assert "space: pick A" in text_of(screen.query_one("#hint", Static))
        assert "enter: read" in text_of(screen.query_one("#hint", Static))
        await pilot.press("down", "space")
        assert table.marks["a"] == ROW_001
        assert table.get_cell_at((ROW_001, 0)).plain.strip() == "A"
        assert "space: pick B" in text_of(screen.query_one("#hint", Static))
        await pilot.press("down", "down", "down", "space")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "the comparison screen")
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        await wait_for(pilot, lambda: compare.comparison is not None, "the alignment")
        sources = text_of(compare.query_one(SummaryBar).query_one("#sources", Static))
        assert "The Associated Press" in sources and "004_0585261c54842d1b.txt" in sources
        assert sources.index("The Associated Press") < sources.index("004_")


async def test_a_and_b_keys_mark_and_o_opens() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        table = screen.query_one(ArticleTable)
        await pilot.press("down", "down", "b")
        assert table.marks == {"a": 0, "b": 2}
        await pilot.press("a")
        assert table.marks == {"a": 2, "b": 0}, "marking A on B's row exchanges the sides"
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.a.name == "The Washington Times"


async def test_second_space_on_a_does_not_compare_an_article_with_itself() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        await pilot.press("space", "space")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        assert any("already A" in n.message for n in app._notifications)


async def test_per_file_errors_are_notifications_and_the_rest_loads(tmp_path: Path) -> None:
    bad = tmp_path / "[red]missing[/red].txt"
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    app = NewsdiffApp(paths=[SEEDS, bad, binary])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        assert screen.query_one(ArticleTable).row_count == 5
        messages = [n for n in app._notifications if n.severity == "warning"]
        assert len(messages) == 2
        assert all(not n.markup for n in messages)
        assert any("[red]missing[/red].txt" in n.message for n in messages)


async def test_nothing_loaded_is_said_on_screen(tmp_path: Path) -> None:
    app = NewsdiffApp(paths=[tmp_path / "nope.txt"])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        empty = screen.query_one("#empty", Static)
        assert empty.display
        assert "No article could be loaded" in text_of(empty)
        assert not screen.query_one(ArticleTable).display
        await settle(pilot)
        assert "No article could be loaded" in screen_text(app)


async def test_q_quits_from_the_story_screen() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app._exit


async def test_with_one_article_compare_is_not_offered(tmp_path: Path) -> None:
    (tmp_path / "only.txt").write_text("A single article.\n\nIt has two paragraphs.\n", encoding="utf-8")
    app = NewsdiffApp(paths=[tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        await settle(pilot)
        assert screen.check_action("compare", ()) is False, "hidden, not just greyed out"
        text = " ".join(screen_text(app).split())  # the message may wrap (a long temporary path)
        assert "Only one article loaded" in text and "needs two to compare" in text
        assert "compare" not in text_of_footer(app), "the footer does not offer c compare"
        assert "story: compare" not in {command.title for command in key_commands(screen)}
        # o (add articles) is exactly what one needs with a single article: it stays offered.
        assert "story: open" in {command.title for command in key_commands(screen)}
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)


async def test_compare_is_greyed_out_while_loading_then_offered() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, StoryScreen), "the story screen", workers=False)
        screen = app.screen
        assert isinstance(screen, StoryScreen)
        if not screen.loaded:
            assert screen.check_action("compare", ()) is None
        await story_ready(pilot)
        assert screen.check_action("compare", ()) is True
        assert "compare" in text_of_footer(app)


def text_of_footer(app: NewsdiffApp) -> str:
    """The footer's key descriptions, as shown."""
    return " ".join(str(getattr(key, "description", "")) for key in app.screen.query("FooterKey"))


async def test_enter_reads_the_highlighted_article_without_marking_it() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        table = screen.query_one(ArticleTable)
        await pilot.press("down", "down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article.name == "The Washington Times"
        assert table.marks == {"a": 0, "b": 1}, "reading marks nothing"
        assert not table.a_chosen
