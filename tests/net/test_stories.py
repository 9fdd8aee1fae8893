"""Stories forming across outlets as feeds refresh: the seed summit told by three outlets groups
into one story; unrelated reports stay apart; later articles join incrementally."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from news_site import NewsSite, news_site
from pytest_httpserver import HTTPServer

from newsdiff.core.refresh import Refresher
from newsdiff.core.store.database import Store
from support.seed_pages import expected_paragraphs

FLOODS = [
    "Heavy rain flooded streets across the city on Tuesday, and officials closed three schools.",
    "The weather service said more storms were expected through the weekend, with winds of up to 80 km/h.",
    "Residents were told to avoid the river banks, where water levels rose by two metres overnight.",
    "The mayor said emergency crews had rescued twelve people from cars stranded in the water.",
]
ELECTION = [
    "Voters in the coastal province re-elected the governor on Sunday after a campaign dominated by housing.",
    "Turnout reached 61 percent, the highest in two decades, according to the electoral commission.",
    "The opposition candidate conceded late in the evening and called for unity on rents and new building.",
    "Analysts said the result would strengthen the governor's hand in talks with the national government.",
]


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """This module's stories form on SQLite and on PostgreSQL (``store_url``)."""
    with Store.open(store_url) as opened:
        yield opened


@pytest.fixture
def site(httpserver: HTTPServer, store: Store) -> NewsSite:
    served = news_site(httpserver)  # the summit, told by three outlets (seeds 001, 002, 000)
    served.add("ap", "floods", "City streets flooded after heavy rain", FLOODS)
    served.add("wt", "election", "Governor re-elected in coastal province", ELECTION)
    for outlet in served.stories:
        store.add_feed(served.feed_url(outlet))
    return served


def _stories(store: Store) -> dict[frozenset[str], int]:
    return {frozenset(a.url for a, _ in story.members): story.id for story in store.story_listing()}


def test_three_outlets_reporting_the_summit_form_one_story_and_others_stay_apart(
    store: Store, site: NewsSite
) -> None:
    report = Refresher(store, interval=0).run()
    assert report.errors == []
    summit = frozenset(site.page_url(site.story(o, "kim-putin")) for o in ("ap", "wt", "globe"))
    floods = frozenset([site.page_url(site.story("ap", "floods"))])
    election = frozenset([site.page_url(site.story("wt", "election"))])
    assert set(_stories(store)) == {summit, floods, election}
    assert (report.stories_started, report.stories_joined) == (3, 2)
    listing = store.story_listing()
    grouped = next(s for s in listing if len(s.members) == 3)
    assert sorted(grouped.outlets) == ["The Associated Press", "The Globe and Mail", "The Washington Times"]


def test_later_articles_join_their_story_incrementally(store: Store, site: NewsSite) -> None:
    Refresher(store, interval=0).run()
    before = _stories(store)
    site.add("globe", "satellites", "Kim seeks Russian help with satellites", expected_paragraphs("003"))
    site.add("ap", "floods-2", "Flood waters recede", [*FLOODS[1:3], "Schools will reopen on Monday."])
    site.add("globe", "floods-3", "More rain on the way", [FLOODS[1], FLOODS[2], "Sandbags were handed out."])
    report = Refresher(store, interval=0).run()
    assert report.errors == []
    after = _stories(store)
    summit_id = next(story for urls, story in before.items() if len(urls) == 3)
    floods_id = next(story for urls, story in before.items() if "floods" in next(iter(urls)))
    by_id = {story: urls for urls, story in after.items()}
    # The same stories, grown: nothing regrouped, nothing moved.
    assert site.page_url(site.story("globe", "satellites")) in by_id[summit_id]
    assert len(by_id[summit_id]) == 4
    # The AP's follow-up is from the same feed as its first flood report, so it is not linked to
    # it and starts a story; the Globe's report links to both, which merges them into the first.
    floods = {
        site.page_url(site.story(o, slug))
        for o, slug in (("ap", "floods"), ("ap", "floods-2"), ("globe", "floods-3"))
    }
    assert by_id[floods_id] == floods
    assert len(after) == 3  # summit, floods, election


def test_the_stories_command_lists_newest_first_with_outlets(
    site: NewsSite, store: Store, tmp_path: Path
) -> None:
    Refresher(store, interval=0).run()
    env = {**os.environ, "NEWSDIFF_CONFIG": os.devnull}
    env["NEWSDIFF_STORE"] = store.engine.url.render_as_string(hide_password=False)  # either database
    done = subprocess.run(
        [sys.executable, "-m", "newsdiff", "stories", "--min-outlets", "2"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("story ") and " · 3 outlets · 3 articles · 3 unread · newest " in lines[0]
    assert len(lines) == 4  # only the summit has two outlets or more
    assert {line.split("  ")[1] for line in lines[1:]} == {
        "The Associated Press",
        "The Washington Times",
        "The Globe and Mail",
    }
