"""The store's subscriptions: adding and removing feeds, and recording each check of one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from newsdiff.core.store.connection import insert_new
from newsdiff.core.store.records import Entry, FeedRecord, Queries, feed_record
from newsdiff.core.store.schema import articles, feeds, now_text


class FeedQueries(Queries):
    """Subscriptions; every method is one transaction."""

    def add_feed(self, url: str, title: str | None = None) -> bool:
        """Subscribe; False if already subscribed."""
        with self.engine.begin() as conn:
            return insert_new(conn, feeds, [{"url": url, "title": title, "added_at": now_text()}], "url") == 1

    def remove_feed(self, url: str) -> bool:
        """Unsubscribe (the feed's articles and their versions are kept); False if not subscribed."""
        with self.engine.begin() as conn:
            return conn.execute(sa.delete(feeds).where(feeds.c.url == url)).rowcount > 0

    def feeds(self) -> list[FeedRecord]:
        with self.engine.connect() as conn:
            return [feed_record(row) for row in conn.execute(sa.select(feeds).order_by(feeds.c.id))]

    def feed(self, url: str) -> FeedRecord | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(feeds).where(feeds.c.url == url)).first()
            return feed_record(row) if row else None

    def record_feed(
        self,
        feed_id: int,
        *,
        checked_at: str,
        error: str | None = None,
        title: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        entries: Iterable[Entry] = (),
    ) -> int:
        """One check of a feed: its outcome, and the entries it listed (new ones become articles).

        A failed check keeps the validators and title of the last good one. Returns how many
        entries were new.
        """
        values: dict[str, Any] = {"last_checked": checked_at, "last_error": error}
        if error is None:
            values.update(etag=etag or None, last_modified=last_modified or None)
            if title:
                values["title"] = title
        with self.engine.begin() as conn:
            conn.execute(sa.update(feeds).where(feeds.c.id == feed_id).values(**values))
            listed: dict[str, dict[str, Any]] = {}
            for entry in entries:  # a URL listed twice counts once, as first listed
                listed.setdefault(
                    entry.url,
                    {
                        "url": entry.url,
                        "feed": feed_id,
                        "title": entry.title,
                        "published": entry.published,
                        "first_seen": checked_at,
                    },
                )
            return insert_new(conn, articles, list(listed.values()), "url")

    def article_counts(self) -> dict[int, int]:
        """How many articles each feed brought, by feed id."""
        query = sa.select(articles.c.feed, sa.func.count()).group_by(articles.c.feed)
        with self.engine.connect() as conn:
            return {int(feed): int(count) for feed, count in conn.execute(query) if feed is not None}
