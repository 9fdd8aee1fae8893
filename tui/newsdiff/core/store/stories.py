"""The store's stories: which articles are grouped, grouping one, listing stories, and read marks."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from newsdiff.core.store.connection import insert_new
from newsdiff.core.store.records import ArticleRecord, Queries, StoryRow, article_record, slices
from newsdiff.core.store.schema import articles, feeds, reads, stories, story_articles, versions


class StoryQueries(Queries):
    """Stories and read marks; every method is one transaction."""

    def ungrouped(self) -> list[ArticleRecord]:
        """Articles with a stored version that are in no story yet, oldest first."""
        has_version = sa.exists().where(versions.c.article == articles.c.id)
        grouped = sa.exists().where(story_articles.c.article == articles.c.id)
        query = (
            sa.select(articles).where(has_version, ~grouped).order_by(articles.c.first_seen, articles.c.id)
        )
        with self.engine.connect() as conn:
            return [article_record(row) for row in conn.execute(query)]

    def grouped_between(self, start: str, end: str) -> list[tuple[ArticleRecord, int]]:
        """Articles first seen from ``start`` to ``end`` that are in a story, with the story's id."""
        query = (
            sa.select(articles, story_articles.c.story)
            .join(story_articles, story_articles.c.article == articles.c.id)
            .where(articles.c.first_seen >= start, articles.c.first_seen <= end)
            .order_by(articles.c.id)
        )
        with self.engine.connect() as conn:
            return [(article_record(row), int(row.story)) for row in conn.execute(query)]

    def add_to_story(
        self, article_id: int, story_id: int | None, *, created: str, merge: Iterable[int] = ()
    ) -> int:
        """Put the article in story ``story_id``, or in a new story when None; the story's id.

        The stories in ``merge`` (which the article links too) are folded into ``story_id``, in the
        same transaction.
        """
        others = [story for story in merge if story != story_id]
        with self.engine.begin() as conn:
            if others and story_id is not None:
                moved = sa.update(story_articles).where(story_articles.c.story.in_(others))
                conn.execute(moved.values(story=story_id))
                conn.execute(sa.delete(stories).where(stories.c.id.in_(others)))
            if story_id is None:
                made = conn.execute(sa.insert(stories).values(created=created).returning(stories.c.id))
                story_id = int(made.scalar_one())
            conn.execute(sa.insert(story_articles).values(article=article_id, story=story_id))
        return story_id

    def story_listing(self, limit: int | None = None) -> list[StoryRow]:
        """Stories, newest first (by their newest article), each with its articles and outlets."""
        newest = sa.func.max(articles.c.first_seen).label("newest")
        order = (
            sa.select(story_articles.c.story, newest)
            .join(articles, articles.c.id == story_articles.c.article)
            .group_by(story_articles.c.story)
            .order_by(newest.desc(), story_articles.c.story.desc())
            .limit(limit)
        )
        with self.engine.connect() as conn:
            ranked = [int(row.story) for row in conn.execute(order)]
        return self.stories_in_order(ranked)

    def stories_in_order(self, wanted: list[int]) -> list[StoryRow]:
        """These stories, in this order, each with its members (oldest first) and newest time."""
        members = (
            sa.select(story_articles.c.story, articles, feeds.c.title.label("feed_title"), reads.c.read_at)
            .join(articles, articles.c.id == story_articles.c.article)
            .outerjoin(feeds, feeds.c.id == articles.c.feed)
            .outerjoin(reads, reads.c.article == articles.c.id)
            .order_by(articles.c.first_seen, articles.c.id)
        )
        found: dict[int, list[tuple[ArticleRecord, str | None]]] = {story: [] for story in wanted}
        unread: dict[int, int] = dict.fromkeys(wanted, 0)
        with self.engine.connect() as conn:
            for story_slice in slices(wanted):
                for row in conn.execute(members.where(story_articles.c.story.in_(story_slice))):
                    found[int(row.story)].append((article_record(row), row.feed_title))
                    unread[int(row.story)] += row.read_at is None
        return [
            StoryRow(story, max(a.first_seen for a, _ in found[story]), tuple(found[story]), unread[story])
            for story in wanted
            if found[story]
        ]

    def story(self, story_id: int) -> StoryRow | None:
        """One story with its articles, or None if there is no such story (any more)."""
        found = [row for row in self.stories_in_order([story_id]) if row.id == story_id]
        return found[0] if found else None

    def mark_read(self, article_ids: Iterable[int], *, at: str) -> int:
        """Count these articles as seen; how many were not before."""
        fresh = 0
        with self.engine.begin() as conn:
            for ids in slices(list(dict.fromkeys(article_ids))):
                fresh += insert_new(conn, reads, [{"article": i, "read_at": at} for i in ids], "article")
        return fresh
