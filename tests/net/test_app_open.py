"""The app's o (open a file, folder, page URL or feed) and S (save the story), driven by Pilot
against the loopback server; assertions are on what the story screen lists and shows."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from textual import events
from textual.widgets import Input, SelectionList

from support.seed_pages import SEEDS, expected_paragraphs

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))

from appdriver import screen_text, story_ready, wait_for

from newsdiff.app import NewsdiffApp
from newsdiff.core.loader import load_paths
from newsdiff.core.options import LoadOptions
from newsdiff.screens.confirm_dialog import ConfirmDialog
from newsdiff.screens.feed_picker import FeedPicker
from newsdiff.screens.open_dialog import OpenDialog, SaveDialog
from newsdiff.screens.story_screen import StoryScreen
from newsdiff.widgets.article_table import ArticleTable

SIZE = (120, 40)
SEED_COUNT = 5


async def _type_into_prompt(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    field = pilot.app.screen.query_one(Input)
    field.value = ""
    await pilot.press(*text)


async def _open(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """o, then the URL pasted into the prompt (as the terminal sends a paste: one event, not a key
    press per character, each waiting for the screen), then enter."""
    await pilot.press("o")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, OpenDialog), "the open prompt")
    field = pilot.app.screen.query_one(Input)
    field.value = ""
    field.post_message(events.Paste(text))
    await wait_for(pilot, lambda: field.value == text, "the pasted text")
    await pilot.press("enter")


async def test_o_opens_a_page_url_and_it_joins_the_story(site: HTTPServer) -> None:
    url = site.url_for("/news/001.html")
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        await _open(pilot, url)
        await wait_for(pilot, lambda: len(screen.articles) == SEED_COUNT + 1, "the page to be added")
        added = screen.articles[-1]
        assert added.path == url and [p.text for p in added.body] == expected_paragraphs("001")
        assert len(screen.query_one(ArticleTable).articles) == SEED_COUNT + 1
        assert "6 articles" in screen_text(app)
        screen.query_one(ArticleTable).move_cursor(row=SEED_COUNT)
        await pilot.pause()
        shown = screen_text(app)
        assert url in shown  # the details pane names where it came from, and when
        assert "Fetched " in shown and "UTC" in shown and "from the cache" not in shown


async def test_o_on_a_feed_shows_a_checklist_and_adds_the_checked_entries(site: HTTPServer) -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        await _open(pilot, site.url_for("/atom.xml"))
        await wait_for(pilot, lambda: isinstance(app.screen, FeedPicker), "the feed checklist")
        shown = screen_text(app)
        assert "Summit (Atom) · 5 entries" in shown and "North Korea's Kim vows full support" in shown
        await pilot.press("enter")  # nothing checked: refused, said inline
        assert isinstance(app.screen, FeedPicker) and "Check at least one entry" in screen_text(app)
        await pilot.press("space", "down", "down", "space")
        assert app.screen.query_one(SelectionList).selected == [0, 2]
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(screen.articles) == SEED_COUNT + 2, "the two entries to be added")
        assert [a.path for a in screen.articles[-2:]] == [
            site.url_for("/news/000.html"),
            site.url_for("/news/002.html"),
        ]
        assert [p.text for p in screen.articles[-1].body] == expected_paragraphs("002")
        assert len(screen.query_one(ArticleTable).articles) == SEED_COUNT + 2
        assert not screen.adding and not screen.query_one("#loading").display


async def test_escape_cancels_fetching_between_entries(site: HTTPServer) -> None:
    app = NewsdiffApp(paths=[SEEDS], load_options=LoadOptions(timeout=5))
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        await _open(pilot, site.url_for("/slow-feed.xml"))
        await wait_for(pilot, lambda: isinstance(app.screen, FeedPicker), "the feed checklist")
        await pilot.press("a", "enter")
        await wait_for(pilot, lambda: screen.adding, "fetching to start", workers=False)
        assert screen.query_one("#loading").display
        await pilot.press("escape")
        await wait_for(pilot, lambda: not screen.adding, "fetching to stop")
        slow_requests = [r for r, _ in site.log if r.path == "/slow"]
        assert len(slow_requests) == 1  # the one under way finished; the other two never started
        assert len(screen.articles) <= SEED_COUNT + 1
        assert not screen.query_one("#loading").display


async def test_the_open_prompt_says_what_is_wrong_inline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        await _open(pilot, "missing.txt")
        assert isinstance(app.screen, OpenDialog)
        assert "No such file or folder" in screen_text(app)
        await _type_into_prompt(pilot, "ftp://x.org/a")
        await pilot.press("enter")
        assert isinstance(app.screen, OpenDialog) and "Only http:// and https:// URLs" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, StoryScreen)


async def test_a_failing_url_is_one_notice_and_the_story_stays(site: HTTPServer) -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        await _open(pilot, site.url_for("/missing"))
        await wait_for(
            pilot,
            lambda: not screen.adding and any("404 Not Found" in str(n.message) for n in app._notifications),
            "the notice",
        )
        assert len(screen.articles) == SEED_COUNT


async def test_shift_s_saves_the_story_and_asks_before_overwriting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "saved"
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        await pilot.press("S")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveDialog), "the save prompt")
        await _type_into_prompt(pilot, "saved")
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: folder.is_dir() and len(list(folder.glob("*.md"))) == SEED_COUNT, "the files"
        )
        files = sorted(folder.glob("*.md"))
        reopened = load_paths([folder])
        assert [[p.text for p in a.paragraphs] for a in reopened.articles] == [
            [p.text for p in a.paragraphs] for a in screen.articles
        ]
        before = [f.read_text(encoding="utf-8") for f in files]
        files[0].write_text("edited by hand", encoding="utf-8")
        await pilot.press("S")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveDialog), "the save prompt")
        await _type_into_prompt(pilot, "saved")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the overwrite question")
        assert "5 file(s) already in" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert files[0].read_text(encoding="utf-8") == "edited by hand"
        await pilot.press("S")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveDialog), "the save prompt")
        await _type_into_prompt(pilot, "saved")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the overwrite question")
        await pilot.press("y")
        await wait_for(pilot, lambda: files[0].read_text(encoding="utf-8") == before[0], "the overwrite")


async def test_a_story_with_a_url_reopens_from_the_cache_with_the_server_stopped(
    own_server: HTTPServer,
) -> None:
    from newsdiff.core.fetch import load_url

    url = own_server.url_for("/news/002.html")
    load_url(url)
    own_server.stop()
    app = NewsdiffApp(paths=[url, SEEDS / "004_0585261c54842d1b.txt"])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        assert [a.path for a in screen.articles] == [url, str(SEEDS / "004_0585261c54842d1b.txt")]
        assert [p.text for p in screen.articles[0].body] == expected_paragraphs("002")
        screen.query_one(ArticleTable).move_cursor(row=0)
        await pilot.pause()
        assert "(from the cache)" in screen_text(app)


async def test_the_checklist_keys_are_in_the_help(tmp_path: Path) -> None:
    from feed_xml import rss

    from newsdiff.core.feeds import read_feed
    from newsdiff.screens.help_screen import HelpScreen

    class Site:
        def url_for(self, path: str) -> str:
            return f"https://news.example{path}"

    feed_file = tmp_path / "feed.xml"
    feed_file.write_text(rss(Site(), ["001", "002"]), encoding="utf-8")
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        app.push_screen(FeedPicker(read_feed(feed_file)))
        await wait_for(pilot, lambda: isinstance(app.screen, FeedPicker), "the checklist")
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        shown = screen_text(app)
        assert "fetch the checked entries" in shown and "check every entry, or none" in shown


async def test_when_every_url_fails_the_screen_says_so_and_o_still_adds(site: HTTPServer) -> None:
    app = NewsdiffApp(paths=[site.url_for("/missing"), site.url_for("/image.png")])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        shown = screen_text(app)
        assert "404 Not Found" in shown and "not an HTML page (the server says image/png)" in shown
        assert "Press o to add articles" in shown
        for name in ("001", "004"):
            await _open(pilot, site.url_for(f"/news/{name}.html"))
            await wait_for(
                pilot, lambda: not screen.adding and not isinstance(app.screen, OpenDialog), "loading"
            )
        assert len(screen.articles) == 2 and screen.query_one(ArticleTable).display
        assert screen.check_action("compare", ()) is True


async def test_the_checklist_refuses_an_entry_without_a_web_link(tmp_path: Path) -> None:
    from newsdiff.core.feeds import read_feed

    file = tmp_path / "evil.xml"
    file.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
        "<item><title>Local</title><link>file:///etc/passwd</link></item></channel></rss>",
        encoding="utf-8",
    )
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        app.push_screen(FeedPicker(read_feed(file)))
        await wait_for(pilot, lambda: isinstance(app.screen, FeedPicker), "the checklist")
        await pilot.press("space", "enter")
        assert isinstance(app.screen, FeedPicker)
        assert "No http(s) link to fetch for entry 1." in screen_text(app)
        assert len(screen.articles) == SEED_COUNT
