"""The store's articles and their versions: which articles a refresh fetches, and each check of one."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import sqlalchemy as sa

from newsdiff.core.store.records import ArticleRecord, Queries, Snapshot, Version, article_record, slices
from newsdiff.core.store.schema import articles, versions


class ArticleQueries(Queries):
    """Articles and versions; every method is one transaction."""

    def article(self, url: str) -> ArticleRecord | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(articles).where(articles.c.url == url)).first()
            return article_record(row) if row else None

    def articles(self, feed_id: int | None = None) -> list[ArticleRecord]:
        query = sa.select(articles).order_by(articles.c.id)
        if feed_id is not None:
            query = query.where(articles.c.feed == feed_id)
        with self.engine.connect() as conn:
            return [article_record(row) for row in conn.execute(query)]

    def articles_to_check(
        self, feed_ids: Sequence[int], *, listed: Iterable[str], seen_since: str, checked_before: str | None
    ) -> list[ArticleRecord]:
        """The articles of these feeds a refresh fetches: those just listed or first seen since
        ``seen_since``, and not checked after ``checked_before`` (None: no such limit)."""
        due: sa.ColumnElement[bool] = sa.true()
        if checked_before is not None:
            due = sa.or_(articles.c.last_checked.is_(None), articles.c.last_checked <= checked_before)
        found: dict[int, ArticleRecord] = {}
        with self.engine.connect() as conn:
            for feed_slice in slices(list(feed_ids)):
                query = sa.select(articles).where(
                    articles.c.feed.in_(feed_slice), articles.c.first_seen >= seen_since, due
                )
                found.update((row.id, article_record(row)) for row in conn.execute(query))
                for url_slice in slices(list(listed)):
                    query = sa.select(articles).where(
                        articles.c.feed.in_(feed_slice), articles.c.url.in_(url_slice), due
                    )
                    found.update((row.id, article_record(row)) for row in conn.execute(query))
        return [found[key] for key in sorted(found)]

    def record_page(
        self,
        article_id: int,
        *,
        checked_at: str,
        error: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        snapshot: Snapshot | None = None,
    ) -> Literal["first", "changed"] | None:
        """One check of an article's page; stores ``snapshot`` as a new version if its text or title
        differs from the latest version's. Says whether it was stored as the article's first
        version or as a change; None if nothing was stored."""
        values: dict[str, Any] = {"last_checked": checked_at, "last_error": error}
        if error is None:
            values.update(etag=etag or None, last_modified=last_modified or None)
        with self.engine.begin() as conn:
            conn.execute(sa.update(articles).where(articles.c.id == article_id).values(**values))
            if snapshot is None:
                return None
            latest = conn.execute(
                sa.select(versions.c.title, versions.c.text_hash)
                .where(versions.c.article == article_id)
                .order_by(versions.c.id.desc())
                .limit(1)
            ).first()
            if latest and (latest.title, latest.text_hash) == (snapshot.title, snapshot.text_hash):
                return None
            conn.execute(
                sa.insert(versions).values(
                    article=article_id,
                    fetched_at=checked_at,
                    title=snapshot.title,
                    text_hash=snapshot.text_hash,
                    paragraphs=json.dumps(list(snapshot.paragraphs), ensure_ascii=False),
                    metadata=json.dumps(snapshot.metadata, ensure_ascii=False, sort_keys=True),
                )
            )
            return "changed" if latest else "first"

    def versions(self, article_id: int) -> list[Version]:
        """Every stored version of the article, oldest first."""
        query = sa.select(versions).where(versions.c.article == article_id).order_by(versions.c.id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            Version(
                id=row.id,
                number=number,
                article=row.article,
                fetched_at=row.fetched_at,
                snapshot=Snapshot(
                    title=row.title,
                    text_hash=row.text_hash,
                    paragraphs=tuple(json.loads(row.paragraphs)),
                    metadata=dict(json.loads(row.metadata)),
                ),
            )
            for number, row in enumerate(rows, start=1)
        ]

    def latest_version(self, article_id: int) -> Version | None:
        history = self.versions(article_id)
        return history[-1] if history else None
