"""The subscription store: feeds, the articles they listed, and every distinct version of each.

SQLAlchemy Core over SQLite by default (one file, ``newsdiff.db`` under platformdirs' user data
dir, or NEWSDIFF_DATA_DIR), so the same tables and queries can later run on PostgreSQL. SQLite is
opened in WAL mode (a reader, such as the app, never blocks a refresh that is writing) with real
transactions: Python's sqlite3 module by default neither begins a transaction before DDL nor
lets SQLAlchemy's ``begin()`` mean BEGIN, so both are set up here (the recipe in SQLAlchemy's
SQLite dialect notes). Every write is one transaction: a refresh commits each feed's listing and
each article's page on its own, so Ctrl+C or a crash loses only the one in flight.

The schema has a version (table ``schema_version``); ``MIGRATIONS`` brings any older file up to
date, each step in its own transaction with the version it reaches, so a failed step leaves the
file as it was. Times are text, ``2026-12-03T10:05:00Z`` (UTC, sortable, portable).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import sqlalchemy as sa

from newsdiff.core.errors import InputError
from newsdiff.core.text import one_line

DB_NAME = "newsdiff.db"

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
    sa.Column("added_at", sa.Text, nullable=False),
    sa.Column("last_checked", sa.Text),
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
    sa.Column("first_seen", sa.Text, nullable=False),
    sa.Column("last_checked", sa.Text),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("last_error", sa.Text),
)
versions = sa.Table(
    "versions",
    SCHEMA,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("fetched_at", sa.Text, nullable=False),
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
    sa.Column("created", sa.Text, nullable=False),
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
    sa.Column("read_at", sa.Text, nullable=False),
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
"""Step N brings the schema from version N-1 to N; version 0 is an empty file."""


def data_dir() -> Path:
    """NEWSDIFF_DATA_DIR if set, else the platform's user data folder for newsdiff."""
    override = os.environ.get("NEWSDIFF_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("newsdiff"))


def default_url() -> str:
    return f"sqlite:///{data_dir() / DB_NAME}"


def _sqlite_engine(url: str) -> sa.Engine:
    engine = sa.create_engine(url)

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy's begin() emits BEGIN, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")  # WAL: a crash cannot corrupt or undo a commit
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")  # the app reading while a refresh writes
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # take the write lock now, not halfway through

    return engine


def now_text() -> str:
    from newsdiff.core.fetch import _now

    return _now()


def store_error(error: sa.exc.DBAPIError, engine: sa.Engine) -> InputError:
    """A database failure (a file that is not SQLite, a full disk, a store locked too long) as the
    one line the user sees, naming the store's file."""
    reason = one_line(str(error.orig)) or type(error.orig).__name__
    if "locked" in reason:
        reason += " (is another newsdiff refresh running?)"
    return InputError(f"{engine.url.database or engine.url}: cannot use the store ({reason})")


# -- records ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FeedRecord:
    id: int
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    added_at: str
    last_checked: str | None
    last_error: str | None


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    id: int
    url: str
    feed: int | None
    title: str
    published: str | None
    first_seen: str
    last_checked: str | None
    etag: str | None
    last_modified: str | None
    last_error: str | None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What one fetch of an article said: compared with the latest version to decide on a new one."""

    title: str
    text_hash: str
    paragraphs: tuple[str, ...]
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Version:
    id: int
    number: int
    """1 for the first version seen, in the order they were stored."""
    article: int
    fetched_at: str
    snapshot: Snapshot

    @property
    def title(self) -> str:
        return self.snapshot.title


@dataclass(frozen=True, slots=True)
class Entry:
    """A feed entry worth keeping: its http(s) link, title and date."""

    url: str
    title: str
    published: str | None


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A story as listed: its articles (oldest first) with the title of the feed each came from."""

    id: int
    newest: str
    members: tuple[tuple[ArticleRecord, str | None], ...]
    unread: int = 0
    """Members not yet seen (``Store.mark_read``)."""

    @property
    def outlets(self) -> list[str]:
        """The feeds' titles, each once, in the order their first article arrived."""
        return list(dict.fromkeys(title or "(unknown feed)" for _, title in self.members))


def _slices(values: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _feed(row: sa.Row[Any]) -> FeedRecord:
    return FeedRecord(**{name: getattr(row, name) for name in FeedRecord.__slots__})


def _article(row: sa.Row[Any]) -> ArticleRecord:
    return ArticleRecord(**{name: getattr(row, name) for name in ArticleRecord.__slots__})


# -- the store -------------------------------------------------------------------------------------


class Store:
    """The database behind subscriptions and versions; every method is one transaction."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """The store at ``url`` (default: SQLite under ``data_dir()``), migrated to the latest schema."""
        url = url or default_url()
        if url.startswith("sqlite:///"):
            folder = Path(url.removeprefix("sqlite:///")).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise InputError(f"{folder}: cannot create the data folder ({exc.strerror})") from None
            engine = _sqlite_engine(url)
        else:
            raise InputError(f"{one_line(url)}: only SQLite stores are supported so far")
        store = cls(engine)
        try:
            store.migrate()
        except sa.exc.DBAPIError as exc:
            engine.dispose()
            raise store_error(exc, engine) from None
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: object, error: BaseException | None, _trace: object) -> None:
        """Close; a database error inside the ``with`` becomes a one-line ``InputError``."""
        self.close()
        if isinstance(error, sa.exc.DBAPIError):
            raise store_error(error, self.engine) from None

    # -- schema --

    def version(self) -> int:
        with self.engine.connect() as conn:
            if not sa.inspect(conn).has_table("schema_version"):
                return 0
            return int(conn.execute(sa.select(schema_version.c.version)).scalar_one_or_none() or 0)

    def migrate(self, migrations: Sequence[Migration] | None = None) -> int:
        """Run the steps this file lacks, each in one transaction with its version; the version reached."""
        steps = MIGRATIONS if migrations is None else migrations
        current = self.version()
        if current > len(steps):
            raise InputError(
                f"the store is at schema version {current}, made by a newer newsdiff "
                f"(this one knows up to {len(steps)})"
            )
        for number in range(current + 1, len(steps) + 1):
            with self.engine.begin() as conn:
                if number == 1:
                    SCHEMA.create_all(conn, tables=[schema_version])
                steps[number - 1](conn)
                conn.execute(sa.delete(schema_version))
                conn.execute(sa.insert(schema_version).values(version=number))
        return len(steps)

    # -- feeds --

    def add_feed(self, url: str, title: str | None = None) -> bool:
        """Subscribe; False if already subscribed."""
        with self.engine.begin() as conn:
            if conn.execute(sa.select(feeds.c.id).where(feeds.c.url == url)).first():
                return False
            conn.execute(sa.insert(feeds).values(url=url, title=title, added_at=now_text()))
            return True

    def remove_feed(self, url: str) -> bool:
        """Unsubscribe (the feed's articles and their versions are kept); False if not subscribed."""
        with self.engine.begin() as conn:
            return conn.execute(sa.delete(feeds).where(feeds.c.url == url)).rowcount > 0

    def feeds(self) -> list[FeedRecord]:
        with self.engine.connect() as conn:
            return [_feed(row) for row in conn.execute(sa.select(feeds).order_by(feeds.c.id))]

    def feed(self, url: str) -> FeedRecord | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(feeds).where(feeds.c.url == url)).first()
            return _feed(row) if row else None

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
        new = 0
        with self.engine.begin() as conn:
            conn.execute(sa.update(feeds).where(feeds.c.id == feed_id).values(**values))
            for entry in entries:
                known = conn.execute(sa.select(articles.c.id).where(articles.c.url == entry.url)).first()
                if known:
                    continue
                conn.execute(
                    sa.insert(articles).values(
                        url=entry.url,
                        feed=feed_id,
                        title=entry.title,
                        published=entry.published,
                        first_seen=checked_at,
                    )
                )
                new += 1
        return new

    # -- articles and versions --

    def article(self, url: str) -> ArticleRecord | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(articles).where(articles.c.url == url)).first()
            return _article(row) if row else None

    def articles(self, feed_id: int | None = None) -> list[ArticleRecord]:
        query = sa.select(articles).order_by(articles.c.id)
        if feed_id is not None:
            query = query.where(articles.c.feed == feed_id)
        with self.engine.connect() as conn:
            return [_article(row) for row in conn.execute(query)]

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
            # In slices: SQLite caps the number of values one statement may bind.
            for feed_slice in _slices(list(feed_ids)):
                query = sa.select(articles).where(
                    articles.c.feed.in_(feed_slice), articles.c.first_seen >= seen_since, due
                )
                found.update((row.id, _article(row)) for row in conn.execute(query))
                for url_slice in _slices(list(listed)):
                    query = sa.select(articles).where(
                        articles.c.feed.in_(feed_slice), articles.c.url.in_(url_slice), due
                    )
                    found.update((row.id, _article(row)) for row in conn.execute(query))
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

    # -- stories --

    def ungrouped(self) -> list[ArticleRecord]:
        """Articles with a stored version that are in no story yet, oldest first."""
        has_version = sa.exists().where(versions.c.article == articles.c.id)
        grouped = sa.exists().where(story_articles.c.article == articles.c.id)
        query = (
            sa.select(articles).where(has_version, ~grouped).order_by(articles.c.first_seen, articles.c.id)
        )
        with self.engine.connect() as conn:
            return [_article(row) for row in conn.execute(query)]

    def grouped_between(self, start: str, end: str) -> list[tuple[ArticleRecord, int]]:
        """Articles first seen from ``start`` to ``end`` that are in a story, with the story's id."""
        query = (
            sa.select(articles, story_articles.c.story)
            .join(story_articles, story_articles.c.article == articles.c.id)
            .where(articles.c.first_seen >= start, articles.c.first_seen <= end)
            .order_by(articles.c.id)
        )
        with self.engine.connect() as conn:
            return [(_article(row), int(row.story)) for row in conn.execute(query)]

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
        return self._stories(ranked)

    def _stories(self, wanted: list[int]) -> list[StoryRow]:
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
            for story_slice in _slices(wanted):
                for row in conn.execute(members.where(story_articles.c.story.in_(story_slice))):
                    found[int(row.story)].append((_article(row), row.feed_title))
                    unread[int(row.story)] += row.read_at is None
        return [
            StoryRow(story, max(a.first_seen for a, _ in found[story]), tuple(found[story]), unread[story])
            for story in wanted
            if found[story]
        ]

    def mark_read(self, article_ids: Iterable[int], *, at: str) -> int:
        """Count these articles as seen; how many were not before."""
        fresh = 0
        with self.engine.begin() as conn:
            for ids in _slices(list(article_ids)):
                seen = {
                    row.article
                    for row in conn.execute(sa.select(reads.c.article).where(reads.c.article.in_(ids)))
                }
                new = [{"article": i, "read_at": at} for i in ids if i not in seen]
                if new:
                    conn.execute(sa.insert(reads), new)
                fresh += len(new)
        return fresh

    def story(self, story_id: int) -> StoryRow | None:
        """One story with its articles, or None if there is no such story (any more)."""
        found = [row for row in self._stories([story_id]) if row.id == story_id]
        return found[0] if found else None

    def article_counts(self) -> dict[int, int]:
        """How many articles each feed brought, by feed id."""
        query = sa.select(articles.c.feed, sa.func.count()).group_by(articles.c.feed)
        with self.engine.connect() as conn:
            return {int(feed): int(count) for feed, count in conn.execute(query) if feed is not None}

    def counts(self) -> dict[str, int]:
        """How many feeds, articles and versions are stored (for summaries and tests)."""
        with self.engine.connect() as conn:
            return {
                name: int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
                for name, table in (
                    ("feeds", feeds),
                    ("articles", articles),
                    ("versions", versions),
                    ("stories", stories),
                )
            }
