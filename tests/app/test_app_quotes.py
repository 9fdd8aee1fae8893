"""The quotes screen, driven by keys: Q from the story, the utterances, one utterance, back; cancel."""

from __future__ import annotations

import threading
from pathlib import Path

from appdriver import SEEDS, SIZE, screen_text, story_ready, wait_for
from textual.content import Content
from textual.widgets import DataTable, Static

from newsdiff.app import NewsdiffApp
from newsdiff.commands import key_commands
from newsdiff.screens.help_screen import HelpScreen
from newsdiff.screens.quotes_screen import SINGLE_FLAG, QuoteClusterScreen, QuotesScreen
from newsdiff.screens.story_screen import StoryScreen
from newsdiff.widgets.diff_text import DELETE_STYLE, INSERT_STYLE


async def _quotes_ready(pilot) -> QuotesScreen:  # type: ignore[no-untyped-def]
    await story_ready(pilot)
    await pilot.press("Q")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, QuotesScreen), "the quotes screen")
    screen = pilot.app.screen
    assert isinstance(screen, QuotesScreen)
    await wait_for(pilot, lambda: screen.result is not None, "the quotes to be found")
    await pilot.pause()
    return screen


def _row_of(screen: QuotesScreen, words: str) -> int:
    assert screen.result is not None
    rows = [k for k, c in enumerate(screen.result) if any(words in v.text for v in c.variants)]
    assert len(rows) == 1
    return rows[0]


async def test_quotes_screen_lists_utterances() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await _quotes_ready(pilot)
        assert screen.result is not None
        table = screen.query_one("#quotes-table", DataTable)
        assert table.row_count == len(screen.result) > 20
        text = screen_text(app)
        assert "Quotes · 5 articles" in text
        # Putin's answer and Kim's "sacred fight" are each quoted by four outlets, listed first.
        top = [(str(table.get_row_at(k)[1]), str(table.get_row_at(k)[3])) for k in range(2)]
        assert sorted(top) == [("4", "Kim Jong-un"), ("4", "Vladimir Putin")]
        assert "that’s why we have come here" in text
        counts = [int(str(table.get_row_at(k)[1])) for k in range(table.row_count)]
        assert counts == sorted(counts, reverse=True)
        # An utterance only one outlet quotes says so on its row.
        lankov = _row_of(screen, "If Russia, in efforts to get short-term gains")
        assert str(table.get_row_at(lankov)[2]) == SINGLE_FLAG
        assert str(table.get_row_at(0)[2]) == ""
        assert SINGLE_FLAG in text
        assert "more than one outlet" in str(screen.query_one("#quotes-summary", Static).visual)


async def test_enter_shows_each_outlets_wording_marked() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await _quotes_ready(pilot)
        row = _row_of(screen, "That’s exactly why we came here")
        for _ in range(row):
            await pilot.press("down")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, QuoteClusterScreen), "the utterance")
        detail = app.screen
        text = screen_text(app)
        assert "Vladimir Putin · 4 outlets" in text
        for outlet in ("The Associated Press · ¶23", "The Washington Times · ¶8", "The Globe and Mail · ¶5"):
            assert outlet in text, outlet
        # The Washington Times' wording against AP's: its exact words, its own underlined; AP's
        # "have come", which it leaves out, struck on a line of its own, not inside the quote.
        wordings = [w.visual for w in detail.query(".quote-text").results(Static)]
        times = next(c for c in wordings if isinstance(c, Content) and c.plain.startswith("That’s exactly"))
        assert times.plain.splitlines() == ["That’s exactly why we came here.", "leaves out: have come"]
        styled = {times.plain[s.start : s.end]: str(s.style) for s in times.spans}
        assert styled.get("That’s exactly") == INSERT_STYLE
        assert styled.get("came") == INSERT_STYLE
        assert styled.get("have come") == DELETE_STYLE
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, QuotesScreen), "back to the list")
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, StoryScreen), "back to the story")


async def test_quoted_markup_is_shown_literally(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    quote = "we will [bold]rebuild[/bold] the [@click=app.quit]bridge[/] by spring"
    for name, place in (("a.txt", "city"), ("b.txt", "town")):
        (folder / name).write_text(
            f'Mayor Jane Smith said "{quote} in the {place}" on Monday.\n', encoding="utf-8"
        )
    app = NewsdiffApp(paths=[folder])
    async with app.run_test(size=SIZE) as pilot:
        await _quotes_ready(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, QuoteClusterScreen), "the utterance")
        text = screen_text(app)
        assert "Jane Smith · 2 outlets" in text
        assert "[bold]rebuild[/bold]" in text and "[@click=app.quit]bridge[/]" in text
        await pilot.click(".quote-text")
        assert app.is_running


async def test_escape_cancels_the_search_for_quotes(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Quote finding is held back in its worker; escape goes back at once and the worker is cancelled."""
    release = threading.Event()
    seen: list[bool] = []
    import newsdiff.screens.quotes_screen as module

    def slow(articles, progress, cancelled):  # type: ignore[no-untyped-def]
        progress(10, 100)
        while not release.wait(0.01):
            if cancelled():
                seen.append(True)
                from newsdiff.core.quotes import QuotesCancelledError

                raise QuotesCancelledError
        raise AssertionError("released without cancel")

    monkeypatch.setattr(module, "find_quote_clusters", slow)
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        await pilot.press("Q")
        await wait_for(
            pilot, lambda: isinstance(app.screen, QuotesScreen), "the quotes screen", workers=False
        )
        await wait_for(
            pilot, lambda: "extracting quotations" in screen_text(app), "the progress", workers=False
        )
        assert app.screen.query_one("#view-progress").display
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, StoryScreen), "back to the story", workers=False)
        await wait_for(pilot, lambda: bool(seen), "the worker to see the cancel", workers=False)
        release.set()


async def test_q_is_in_the_help_and_the_palette() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        titles = {command.title for command in key_commands(screen)}
        assert any(title.startswith("story: quotes") for title in titles), sorted(titles)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        help_text = str(app.screen.query_one("#help-keys", Static).visual)
        line = next(line for line in help_text.splitlines() if "who is quoted saying what" in line)
        assert line.split()[0] == "Q"
