"""The app's stories screen (F), driven by Pilot on a store filled from the loopback news site: a
story formed from three outlets opens on the story screen, an edited article's versions (v) are
compared on the comparison screen, and R refreshes the feeds with the new story appearing."""

from __future__ import annotations

import sys
from pathlib import Path

from news_site import NewsSite, news_site
from pytest_httpserver import HTTPServer
from textual.widgets import DataTable, Static

from newsdiff.core.refresh import Refresher
from newsdiff.core.store.database import Store
from support.seed_pages import SEEDS

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))

from appdriver import screen_text, story_ready, text_of, wait_for

from newsdiff.app import NewsdiffApp
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.stories_screen import StoredStoryScreen, StoriesScreen
from newsdiff.widgets.article_table import ArticleTable
from newsdiff.widgets.compare_header import SummaryBar

SIZE = (120, 40)
ADDED = "Officials later said the talks had lasted five hours, not four."


def _filled(httpserver: HTTPServer, store: Store) -> NewsSite:
    site = news_site(httpserver)
    for outlet in site.stories:
        store.add_feed(site.feed_url(outlet))
    Refresher(store, interval=0).run()
    edited = site.story("ap", "kim-putin")
    edited.body = [*edited.body[:3], ADDED, *edited.body[3:]]
    Refresher(store, interval=0).run()
    return site


async def _stories(pilot) -> StoriesScreen:  # type: ignore[no-untyped-def]
    await story_ready(pilot)
    await pilot.press("F")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, StoriesScreen), "the stories screen")
    screen = pilot.app.screen
    assert isinstance(screen, StoriesScreen)
    await wait_for(pilot, lambda: bool(screen.stories), "the stories")
    return screen


async def test_a_story_from_three_outlets_opens_and_two_versions_compare(
    httpserver: HTTPServer, store: Store
) -> None:
    site = _filled(httpserver, store)
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        stories = await _stories(pilot)
        assert len(stories.stories) == 1
        text = screen_text(app)
        assert "1 story" in text
        rows = stories.query_one(DataTable)
        outlets = rows.get_cell_at((0, 4)).plain
        assert sorted(outlets.split(", ")) == [
            "The Associated Press",
            "The Globe and Mail",
            "The Washington Times",
        ]
        assert outlets[:30] in text
        counts = [rows.get_cell_at((0, column)).plain for column in (1, 2, 3)]
        assert counts == ["3", "3", "3"]  # outlets, articles, unread
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, StoredStoryScreen), "the stored story")
        story = app.screen
        assert isinstance(story, StoredStoryScreen)
        await wait_for(pilot, lambda: not story.query_one("#loading").display, "the story's articles")
        assert sorted(a.name for a in story.articles) == [
            "The Associated Press",
            "The Globe and Mail",
            "The Washington Times",
        ]
        assert "story 1 · 3 articles" in screen_text(app)
        # Opened: its articles are read; back on the list, the story has none unread.
        await pilot.press("q")
        await wait_for(pilot, lambda: app.screen is stories, "back to the stories")
        await wait_for(
            pilot, lambda: stories.stories[0].unread == 0 and rows.get_cell_at((0, 3)).plain == "", "read"
        )
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, StoredStoryScreen), "the stored story again")
        story = app.screen
        assert isinstance(story, StoredStoryScreen)
        await wait_for(pilot, lambda: not story.query_one("#loading").display, "the story's articles")
        table = story.query_one(ArticleTable)
        ap_row = next(i for i, a in enumerate(table.articles) if a.name == "The Associated Press")
        await pilot.press(*["down"] * (ap_row - table.cursor_row), "v")
        await wait_for(
            pilot, lambda: app.screen is not story and isinstance(app.screen, StoredStoryScreen), "v"
        )
        history = app.screen
        assert isinstance(history, StoredStoryScreen)
        await wait_for(pilot, lambda: not history.query_one("#loading").display, "the versions")
        assert [a.name.split(" · ")[1].split(",")[0] for a in history.articles] == ["version 1", "version 2"]
        assert all(a.path == site.page_url(site.story("ap", "kim-putin")) for a in history.articles)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "the comparison")
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        await wait_for(pilot, lambda: compare.comparison is not None, "the alignment")
        sources = text_of(compare.query_one(SummaryBar).query_one("#sources", Static))
        assert "version 1" in sources and "version 2" in sources
        assert compare.comparison is not None
        only_b = [compare.comparison.b.paragraphs[j].text for j in compare.comparison.alignment.only_b]
        assert only_b == [ADDED]


async def test_r_refreshes_the_feeds_and_a_new_story_appears(httpserver: HTTPServer, store: Store) -> None:
    site = _filled(httpserver, store)
    site.add(
        "ap",
        "floods",
        "City streets flooded after heavy rain",
        [
            "Heavy rain flooded streets across the city on Tuesday, and officials closed three schools.",
            "Residents were told to avoid the river banks, where water levels rose by two metres overnight.",
        ],
    )
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        stories = await _stories(pilot)
        assert len(stories.stories) == 1
        # Polite: the feeds were just checked, so only --force would fetch them; in the app, R
        # refreshes what is due, here nothing, and says so.
        await pilot.press("R")
        await wait_for(
            pilot, lambda: stories.refresher is None and "3 skipped" in _notices(app), "the refresh"
        )
        assert len(stories.stories) == 1
        # Once the feeds are due again, R brings the new article as a story of its own.
        with Store.open() as again:
            for feed in again.feeds():
                again.record_feed(feed.id, checked_at="2026-01-01T00:00:00Z", etag=feed.etag)
        await pilot.press("R")
        await wait_for(pilot, lambda: len(stories.stories) == 2, "the new story")
        rows = stories.query_one(DataTable)
        assert rows.row_count == 2
        assert rows.get_cell_at((0, 5)).plain == "City streets flooded after heavy rain"  # newest first
        assert "City streets flooded" in screen_text(app)
        assert "articles: 1 new" in _notices(app)


def _notices(app: NewsdiffApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_at_80x24_the_headline_and_the_outlets_both_show(httpserver: HTTPServer, store: Store) -> None:
    """The terminal everyone starts with: a 40-column outlets list pushed the headline, what a
    story is about, off the screen."""
    _filled(httpserver, store)
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=(80, 24)) as pilot:
        stories = await _stories(pilot)
        rows = stories.query_one(DataTable)
        headline = rows.get_cell_at((0, 5)).plain
        outlets = rows.get_cell_at((0, 4)).plain
        line = next(line for line in screen_text(app).splitlines() if "3" in line and "UTC" in line)
        assert "Headline" in screen_text(app)
        assert headline.split()[0] in line.split("  ")[-1], line
        assert outlets.split()[0] in line, line
