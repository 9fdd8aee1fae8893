"""The reader view: one article whole, numbered, boilerplate set aside, searchable, comparable."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from appdriver import ROW_001, ROW_004, SEEDS, SIZE, screen_text, settle, story_ready, text_of, wait_for
from textual import events
from textual.app import App
from textual.content import Content
from textual.widgets import OptionList, Static

from newsdiff.app import NewsdiffApp
from newsdiff.commands import key_commands
from newsdiff.screens.article_picker import ArticlePicker
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.help_screen import HelpScreen
from newsdiff.screens.reader_screen import ReaderScreen
from newsdiff.screens.story_screen import StoryScreen
from newsdiff.widgets.article_table import ArticleTable
from newsdiff.widgets.article_view import ArticleView
from newsdiff.widgets.search_bar import SearchBar


async def open_reader(pilot, row: int, key: str = "enter") -> ReaderScreen:  # type: ignore[no-untyped-def]
    screen = await story_ready(pilot)
    table = screen.query_one(ArticleTable)
    await pilot.press(*["up"] * table.cursor_row, *["down"] * row, key)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen), "the reader")
    reader = pilot.app.screen
    assert isinstance(reader, ReaderScreen)
    await settle(pilot)
    return reader


def block_text(reader: ReaderScreen, index: int) -> str:
    return reader.paragraph_text(index).plain


def meta_text(reader: ReaderScreen) -> str:
    return reader.view.blocks[0].content.plain


async def test_enter_opens_the_article_with_metadata_and_numbered_paragraphs() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(pilot, ROW_001)
        assert reader.article.name == "The Associated Press"
        meta = meta_text(reader)
        assert "North Korea's Kim vows full support" in meta
        assert "Outlet The Associated Press" in meta
        assert "Date   2023-09-13" in meta
        assert f"{reader.article.word_count:,} words" in meta
        assert f"{len(reader.article.paragraphs)} paragraphs (11 set aside)" in meta
        assert "File" in meta and "001_ee081a7865b12ef2.txt" in meta
        # Numbered over the whole file, boilerplate included, from 1 (as the comparison does).
        assert block_text(reader, 0).startswith("¶1 set aside: section label")
        assert block_text(reader, 1).startswith("¶2 North Korea's Kim vows")
        assert block_text(reader, 3).startswith("¶4 set aside: photo credit\nVladimir Smirnov")
        assert reader.view.blocks[3 + 1].indent > 0, "set aside: indented"
        credit = reader.paragraph_text(3)
        start = credit.plain.index("Vladimir Smirnov")
        assert any(sp.start <= start and sp.style == "dim" for sp in credit.spans), "and dimmed"
        body_text = reader.paragraph_text(5)
        assert [(sp.start, sp.end) for sp in body_text.spans if sp.style == "dim"] == [(0, len("¶6 "))]
        assert reader.view.blocks[5 + 1].indent == 0
        assert block_text(reader, 5).startswith("¶6 North Korean leader Kim Jong Un vowed support")
        text = screen_text(app)
        assert "set aside: photo credit" in text and "¶6 North Korean leader" in text
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)


async def test_r_opens_the_reader_and_escape_goes_back() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(pilot, ROW_004, key="r")
        assert reader.article.path.endswith("004_0585261c54842d1b.txt")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)


async def test_scrolling_keys_move_the_view() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(pilot, 2)
        body = reader.view
        assert body.scroll_y == 0
        await pilot.press("j", "j", "j")
        await settle(pilot)
        assert body.scroll_y == 3
        await pilot.press("k")
        await settle(pilot)
        assert body.scroll_y == 2
        await pilot.press("space")
        await settle(pilot)
        assert body.scroll_y > 20
        await pilot.press("G")
        await settle(pilot)
        assert body.scroll_y == body.max_scroll_y > 0
        assert "¶43" in screen_text(app), "the Washington Times' last paragraph is on screen"
        await pilot.press("g")
        await settle(pilot)
        assert body.scroll_y == 0


async def test_search_highlights_counts_and_n_moves_between_matches() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(pilot, ROW_001)
        await pilot.press("slash", *"sacred fight")
        await settle(pilot)
        bar = reader.query_one(SearchBar)
        expected = sum(p.text.lower().count("sacred fight") for p in reader.article.paragraphs)
        assert expected >= 2
        assert reader.matches is not None and len(reader.matches) == expected
        assert text_of(bar.query_one("#search-count", Static)) == f"1/{expected}"
        first = reader.matches.current
        assert first is not None
        # The current match is reversed in its paragraph, the text intact.
        content = reader.paragraph_text(first.location)
        styled = [(span.start, span.end, str(span.style)) for span in content.spans]
        label = len(f"¶{first.location + 1} ")
        assert any(s == label + first.start and "reverse" in st for s, _e, st in styled), styled
        await pilot.press("enter", "n")
        await settle(pilot)
        assert text_of(bar.query_one("#search-count", Static)) == f"2/{expected}"
        second = reader.matches.current
        assert second is not None and (second.location, second.start) > (first.location, first.start)
        await pilot.press("N", "N")
        await settle(pilot)
        assert text_of(bar.query_one("#search-count", Static)) == f"{expected}/{expected}", "wraps around"
        assert any("wrapped" in n.message for n in app._notifications)
        await pilot.press("escape")
        await settle(pilot)
        assert reader.matches is None and not bar.is_open
        assert isinstance(app.screen, ReaderScreen), "the first escape only clears the search"
        plain = reader.paragraph_text(first.location)
        assert all("reverse" not in str(s.style) and "underline" not in str(s.style) for s in plain.spans)


async def test_markup_in_the_query_and_the_text_is_literal(hostile_story: Path) -> None:
    app = NewsdiffApp(paths=[hostile_story])
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(pilot, 0)
        assert "[bold]x[/bold]" in screen_text(app)
        await pilot.press("slash", *"[@click=app.quit]y")
        await settle(pilot)
        assert reader.matches is not None and len(reader.matches) == 1
        assert "1/1" in screen_text(app)
        assert not app._exit


async def test_c_compares_with_an_article_chosen_in_the_picker() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(pilot, ROW_001)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ArticlePicker), "the picker")
        picker = app.screen
        assert isinstance(picker, ArticlePicker)
        assert len(picker.articles) == 4 and reader.article not in picker.articles
        await pilot.press(*"washington")
        await settle(pilot)
        assert [picker.articles[k].name for k in picker.shown] == ["The Washington Times"]
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "the comparison")
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert compare.a.name == "The Associated Press" and compare.b.name == "The Washington Times"
        await wait_for(pilot, lambda: compare.comparison is not None, "the alignment")
        await pilot.press("q")
        await settle(pilot)
        assert app.screen is reader, "back from the comparison to the reader"


async def test_escape_in_the_picker_cancels() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(pilot, ROW_001)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ArticlePicker), "the picker")
        await pilot.press("down", "escape")
        await settle(pilot)
        assert app.screen is reader


def write_story_with_url(folder: Path, url: str) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text("First article.\n\nIt says one thing.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Second article.\n\nIt says another.\n", encoding="utf-8")
    (folder / "newsdiff.toml").write_text(f'["a.txt"]\nurl = "{url}"\n', encoding="utf-8")
    return folder


async def test_o_opens_the_url_in_the_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(App, "open_url", lambda self, url, **kw: opened.append(url))
    story = write_story_with_url(tmp_path / "s", "https://example.com/story?id=1")
    app = NewsdiffApp(paths=[story])
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(pilot, 0)
        assert "https://example.com/story?id=1" in meta_text(reader)
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["https://example.com/story?id=1"]
        await pilot.press("q")
        await pilot.press("down", "r")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen), "the second reader")
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["https://example.com/story?id=1"], "b.txt has no URL"
        assert any("No URL known for b.txt" in n.message for n in app._notifications)


async def test_a_url_that_is_not_a_web_address_is_not_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(App, "open_url", lambda self, url, **kw: opened.append(url))
    app = NewsdiffApp(paths=[write_story_with_url(tmp_path / "s", "file:///etc/passwd")])
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, 0)
        await pilot.press("o")
        await settle(pilot)
        assert opened == []
        assert any("Not a web address" in n.message for n in app._notifications)


def _long_article(path: Path, words: int) -> None:
    paragraph = " ".join(f"word{k % 97}" for k in range(50)) + "."
    count = words // 50
    path.write_text(
        "A very long report.\n\n" + "\n\n".join([paragraph] * (count - 1)) + "\n\nThe end marker.\n"
    )


async def test_a_50000_word_article_opens_before_it_is_all_wrapped_and_g_reaches_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """The first screens are drawn without waiting for the rest of the article to be wrapped: the
    thread that wraps the rest is held until the reader is on screen (event order, not seconds)."""
    gate = threading.Event()
    request.addfinalizer(gate.set)
    real_wrap = ArticleView._wrap

    def held_in_threads(view: ArticleView, block: Any, width: int) -> Any:
        if threading.current_thread() is not threading.main_thread():
            gate.wait(timeout=60)
        return real_wrap(view, block, width)

    monkeypatch.setattr(ArticleView, "_wrap", held_in_threads)
    folder = tmp_path / "long"
    folder.mkdir()
    _long_article(folder / "long.txt", 50_000)
    (folder / "short.txt").write_text("Short one.\n\nTwo paragraphs.\n", encoding="utf-8")
    app = NewsdiffApp(paths=[folder])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        assert screen.query_one(ArticleTable).articles[0].word_count >= 49_000

        def laid_out() -> bool:
            screen = app.screen
            return isinstance(screen, ReaderScreen) and screen.view.virtual_size.height > 0

        # The key is posted as the terminal driver does (Pilot's press would also wait for the
        # thread that wraps the rest of the article after the first paint).
        app.post_message(events.Key("enter", "\r"))
        await wait_for(pilot, laid_out, "the reader to be laid out", workers=False)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert len(reader.article.paragraphs) == 1001
        assert "A very long report." in screen_text(app)
        assert not reader.view.fully_wrapped, "shown while the rest is still being wrapped"
        gate.set()
        await settle(pilot)
        assert reader.view.fully_wrapped
        await pilot.press("G")
        await settle(pilot)
        assert "The end marker." in screen_text(app)
        assert reader.view.scroll_y == reader.view.max_scroll_y > 2000
        await pilot.press("g")
        await settle(pilot)
        assert "The end marker." not in screen_text(app)
        await pilot.press("slash", *"end marker", "enter")
        await settle(pilot)
        assert reader.matches is not None and reader.matches.label == "1/1"
        assert "The end marker." in screen_text(app), "the search scrolled to the last paragraph"


async def test_o_and_capital_o_on_the_comparison_open_a_and_b(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(App, "open_url", lambda self, url, **kw: opened.append(url))
    story = write_story_with_url(tmp_path / "s", "https://example.com/a")
    with (story / "newsdiff.toml").open("a", encoding="utf-8") as toml:
        toml.write('["b.txt"]\nurl = "http://example.net/b"\n')
    app = NewsdiffApp(paths=[story])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "the comparison")
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["https://example.com/a"]
        await pilot.press("O")
        await settle(pilot)
        assert opened == ["https://example.com/a", "http://example.net/b"]
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert opened[-1] == "http://example.net/b", "after swapping, o opens the side shown as A"


async def test_help_and_palette_list_the_reader_keys() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(pilot, ROW_001)
        titles = {command.title for command in key_commands(reader)}
        for title in (
            "reader: search",
            "reader: compare",
            "reader: open url",
            "reader: back",
            "reader: bottom",
        ):
            assert title in titles
        assert "reader: next match" not in {c.title for c in key_commands(reader) if c.enabled}
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = text_of(app.screen.query_one("#help-keys", Static))
        assert "compare this article with another one" in text
        assert "open the article's URL in the browser" in text


async def test_the_picker_shows_hostile_names_literally(hostile_story: Path) -> None:
    app = NewsdiffApp(paths=[hostile_story])
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot, 0)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ArticlePicker), "the picker")
        await pilot.press(*"[bold]x")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, ArticlePicker) and len(picker.shown) == 1
        prompt = picker.query_one(OptionList).get_option_at_index(0).prompt
        assert isinstance(prompt, Content)
        assert prompt.plain == "two.txt  Council approves [bold]x[/bold] budget [red] after long debate"
        assert "approves [bold]x[/bold] budget [red]" in screen_text(app)
        assert not app._exit


async def test_resizing_rewraps_and_keeps_the_place() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(pilot, 2)
        await pilot.press("space", "space")
        await settle(pilot)
        top = reader.view.visible_block()
        assert top > 5
        lines_before = reader.view.virtual_size.height
        await pilot.resize_terminal(70, 30)
        await settle(pilot)
        assert reader.view.virtual_size.height > lines_before, "narrower: more lines"
        assert reader.view.visible_block() == top, "the same paragraph at the top, as in less"
        assert f"¶{top}" in screen_text(app) or f"¶{top + 1}" in screen_text(app)
        assert all(len(line) <= 70 for line in screen_text(app).splitlines()[1:]), (
            "(the first: the SVG title)"
        )
