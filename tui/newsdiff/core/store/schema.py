"""The store's tables, and the migrations that bring an older store up to the latest schema.

The same definitions serve SQLite and PostgreSQL: ids are ``Integer`` primary keys (SQLite's
rowid, PostgreSQL's SERIAL), text is ``Text``, and times are text too, ``2026-12-03T10:05:00Z``
(UTC, fixed width, so sorting the text sorts the times on any database). On PostgreSQL the time
columns compare bytewise (collation "C"): a locale's collation may weigh letters and punctuation
differently, and a refresh picks what to fetch by comparing these strings.

The schema has a version (table ``schema_version``); ``MIGRATIONS`` brings any older store up to
date, each step in its own transaction with the version it reaches, so a failed step leaves the
store as it was (both databases roll DDL back with the transaction).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sqlalchemy as sa

from newsdiff.core.errors import InputError

STAMP = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")
"""A UTC time as text; bytewise on PostgreSQL (see the module docstring)."""

SCHEMA = sa.MetaData()
schema_version = sa.Table("schema_version", SCHEMA, sa.Column("version", sa.Integer, nullable=False))
feeds = sa.Table(
    "feeds",
    SCHEMA,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("url", sa.Text, nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("added_at", STAMP, nullable=False),
    sa.Column("last_checked", STAMP),
    sa.Column("last_error", sa.Text),
)
articles = sa.Table(
    "articles",
    SCHEMA,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("url", sa.Text, nullable=False, unique=True),
    sa.Column("feed", sa.Integer, sa.ForeignKey("feeds.id", ondelete="SET NULL")),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("published", sa.Text),
    sa.Column("first_seen", STAMP, nullable=False),
    sa.Column("last_checked", STAMP),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("last_error", sa.Text),
)
versions = sa.Table(
    "versions",
    SCHEMA,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("fetched_at", STAMP, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("text_hash", sa.Text, nullable=False),
    sa.Column("paragraphs", sa.Text, nullable=False),
    sa.Column("metadata", sa.Text, nullable=False),
    sa.Index("versions_by_article", "article", "id"),
)
sa.Index("articles_by_feed", articles.c.feed, articles.c.first_seen)
stories = sa.Table(
    "stories",
    SCHEMA,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("created", STAMP, nullable=False),
)
story_articles = sa.Table(
    "story_articles",
    SCHEMA,
    sa.Column("article", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("story", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    sa.Index("story_articles_by_story", "story"),
)
"""Which story each grouped article belongs to (at most one): a table of its own, so grouping
never changes the articles table."""
reads = sa.Table(
    "reads",
    SCHEMA,
    sa.Column("article", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("read_at", STAMP, nullable=False),
)
"""Articles the reader has seen (opened in a story); the others count as unread."""


def _create_v1(conn: sa.Connection) -> None:
    # The tables as defined above. When a later migration changes one of them, this step must
    # keep a frozen copy of version 1's definition instead.
    SCHEMA.create_all(conn, tables=[feeds, articles, versions])


def _add_stories(conn: sa.Connection) -> None:
    SCHEMA.create_all(conn, tables=[stories, story_articles])


def _add_reads(conn: sa.Connection) -> None:
    SCHEMA.create_all(conn, tables=[reads])


Migration = Callable[[sa.Connection], None]
MIGRATIONS: list[Migration] = [_create_v1, _add_stories, _add_reads]
"""Step N brings the schema from version N-1 to N; version 0 is an empty store."""


def schema_version_of(engine: sa.Engine) -> int:
    """The store's schema version; 0 for an empty database."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("schema_version"):
            return 0
        return int(conn.execute(sa.select(schema_version.c.version)).scalar_one_or_none() or 0)


def migrate(engine: sa.Engine, steps: Sequence[Migration] = MIGRATIONS) -> int:
    """Run the steps this store lacks, each in one transaction with its version; the version reached."""
    current = schema_version_of(engine)
    if current > len(steps):
        raise InputError(
            f"the store is at schema version {current}, made by a newer newsdiff "
            f"(this one knows up to {len(steps)})"
        )
    for number in range(current + 1, len(steps) + 1):
        with engine.begin() as conn:
            if number == 1:
                SCHEMA.create_all(conn, tables=[schema_version])
            steps[number - 1](conn)
            conn.execute(sa.delete(schema_version))
            conn.execute(sa.insert(schema_version).values(version=number))
    return len(steps)


def now_text() -> str:
    """Now, in the store's time format (UTC, to the second)."""
    from newsdiff.core.fetch import _now

    return _now()
