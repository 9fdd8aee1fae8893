"""Refreshing subscriptions against a real loopback server whose feeds and pages change."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from news_site import NewsSite, news_site
from pytest_httpserver import HTTPServer

from newsdiff.core.refresh import Refresher, RefreshReport
from newsdiff.core.store.database import Store
from newsdiff.core.versions import changes, version_article
from support.seed_pages import CHROME_STRINGS, expected_paragraphs, seed_title


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """This module's refreshes run on SQLite and on PostgreSQL (``store_url``)."""
    with Store.open(store_url) as opened:
        yield opened


@pytest.fixture
def site(httpserver: HTTPServer, store: Store) -> NewsSite:
    served = news_site(httpserver)
    for outlet in served.stories:
        store.add_feed(served.feed_url(outlet))
    return served


def refresh(store: Store, **options: object) -> RefreshReport:
    options.setdefault("interval", 0)  # the polite interval has its own test
    return Refresher(store, jobs=3, **options).run()  # type: ignore[arg-type]


def test_a_first_refresh_stores_every_article_with_its_text(store: Store, site: NewsSite) -> None:
    report = refresh(store)
    assert report.errors == []
    assert (report.feeds_checked, report.new_articles, report.new_versions) == (3, 3, 3)
    assert report.changed_articles == []
    ap = store.article(site.page_url(site.story("ap", "kim-putin")))
    assert ap is not None
    (version,) = store.versions(ap.id)
    article = version_article(version, ap.url)
    assert [p.text for p in article.body] == expected_paragraphs("001")
    assert article.title == seed_title("001")
    assert article.outlet == "The Associated Press"
    text = "\n".join(p.text for p in article.paragraphs)
    assert not [chrome for chrome in CHROME_STRINGS if chrome in text]
    titles = {feed.title for feed in store.feeds()}
    assert titles == {"The Associated Press", "The Washington Times", "The Globe and Mail"}


def test_unchanged_feeds_and_pages_are_asked_conditionally_and_answer_304(
    store: Store, site: NewsSite
) -> None:
    refresh(store)
    before = len(site.log)
    report = refresh(store)
    again = site.log[before:]
    assert len(again) == 6  # three feeds, three pages
    assert all(entry.if_none_match for entry in again), again
    assert (report.feeds_not_modified, report.pages_not_modified) == (3, 3)
    assert report.new_versions == 0 and report.new_articles == 0
    assert store.counts() == {"feeds": 3, "articles": 3, "versions": 3, "stories": 1}


def test_edits_headline_changes_and_new_entries_are_kept_as_versions(store: Store, site: NewsSite) -> None:
    refresh(store)
    edited = site.story("ap", "kim-putin")
    edited.body = [
        *edited.body[:2],
        edited.body[2] + " Officials later disputed the account.",
        *edited.body[3:],
    ]
    retitled = site.story("wt", "kim-putin")
    old_title = retitled.title
    retitled.title = "Kim and Putin agree on arms deal, officials say"
    site.add("globe", "follow-up", "Seoul responds to the summit", expected_paragraphs("003"))

    report = refresh(store)
    assert report.errors == []
    assert report.new_articles == 1
    assert sorted(report.changed_articles) == sorted([site.page_url(edited), site.page_url(retitled)])
    assert report.new_versions == 3  # two changes and the new article's first version

    history = store.versions(store.article(site.page_url(edited)).id)  # type: ignore[union-attr]
    assert [v.number for v in history] == [1, 2]
    _, second = changes(history)
    assert second.text_changed and second.headline is None
    texts = [p.text for p in version_article(history[1], "x").body]
    assert texts[2].endswith("Officials later disputed the account.")
    assert [p.text for p in version_article(history[0], "x").body] == expected_paragraphs("001")

    title_history = store.versions(store.article(site.page_url(retitled)).id)  # type: ignore[union-attr]
    assert changes(title_history)[1].headline == (old_title, retitled.title)
    assert not changes(title_history)[1].text_changed

    unchanged = store.versions(store.article(site.page_url(site.story("globe", "kim-putin"))).id)  # type: ignore[union-attr]
    assert len(unchanged) == 1


def test_a_failing_feed_is_one_line_and_the_others_go_on(store: Store, site: NewsSite) -> None:
    site.feed_status["wt"] = 500
    said: list[str] = []
    report = Refresher(store, jobs=2, interval=0, on_error=said.append).run()
    url = site.feed_url("wt")
    assert said == [f"{url}: 500 Internal Server Error"]
    assert report.errors == said
    assert (report.feeds_checked, report.feeds_failed, report.new_articles) == (2, 1, 2)
    failed = store.feed(url)
    assert failed is not None and failed.last_error == said[0]
    # Fixed on the server: the next refresh clears the error and brings the article.
    site.feed_status["wt"] = 200
    report = refresh(store)
    assert report.errors == [] and report.new_articles == 1
    assert store.feed(url).last_error is None  # type: ignore[union-attr]


def test_a_failing_page_is_one_line_and_the_others_are_stored(store: Store, site: NewsSite) -> None:
    site.story("globe", "kim-putin").status = 404
    report = refresh(store)
    url = site.page_url(site.story("globe", "kim-putin"))
    assert report.errors == [f"{url}: 404 Not Found"]
    assert (report.pages_failed, report.new_versions) == (1, 2)
    article = store.article(url)
    assert article is not None and article.last_error == report.errors[0]
    assert store.versions(article.id) == []


def test_a_feed_checked_recently_is_not_fetched_again_unless_forced(store: Store, site: NewsSite) -> None:
    Refresher(store, interval=30).run()
    before = len(site.log)
    report = Refresher(store, interval=30).run()
    assert len(site.log) == before, "nothing may be fetched within the interval"
    assert report.feeds_skipped == 3 and report.feeds_checked == 0
    report = Refresher(store, interval=30, force=True).run()
    forced = site.log[before:]
    assert len(forced) == 6
    assert not any(entry.if_none_match for entry in forced), "--force asks unconditionally"
    assert report.feeds_checked == 3 and report.new_versions == 0


def test_an_article_first_seen_long_ago_and_no_longer_listed_is_left_alone(
    store: Store, site: NewsSite
) -> None:
    refresh(store, now=lambda: "2026-12-01T10:00:00Z")
    gone = site.story("ap", "kim-putin")
    gone.listed = False
    gone.body = [*gone.body, "A late addition, seen only within the recheck window."]
    before = len(site.log)
    four_days_later = "2026-12-05T10:00:00Z"
    report = refresh(store, recheck_days=2, now=lambda: four_days_later)
    asked = [entry.path for entry in site.log[before:]]
    assert "/ap/feed.xml" in asked and f"/ap/{gone.slug}.html" not in asked
    assert report.new_versions == 0
    # Within the recheck window it is fetched again, listed or not, and the edit is kept.
    report = refresh(store, recheck_days=7, now=lambda: four_days_later)
    assert report.changed_articles == [site.page_url(gone)]


@pytest.mark.parametrize(("per_host", "most"), [(2, 2), (6, 6)])
def test_no_more_than_per_host_fetches_at_once_reach_one_host(store: Store, per_host: int, most: int) -> None:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    try:
        site = news_site(server)
        for n in range(6):
            site.add("ap", f"slow-{n}", f"Report {n}", [f"Paragraph {n} of a report, long enough to keep."])
        for story in site.stories["ap"]:
            story.delay = 0.6  # long enough for every allowed fetch to overlap
        store.add_feed(site.feed_url("ap"))
        report = Refresher(store, jobs=6, per_host=per_host, interval=0, group=False).run()
    finally:
        server.stop()
    assert report.errors == [] and report.new_versions == 7
    assert site.most_in_flight == most
