"""What the store hands out: frozen records of its rows, and the shared pieces every query uses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa


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


class Queries:
    """What every part of the store's queries shares: the engine (``database.Store`` sets it)."""

    engine: sa.Engine


def slices(values: list[Any], size: int = 500) -> Iterator[list[Any]]:
    """``values`` in pieces: SQLite caps the number of values one statement may bind."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def feed_record(row: sa.Row[Any]) -> FeedRecord:
    return FeedRecord(**{name: getattr(row, name) for name in FeedRecord.__slots__})


def article_record(row: sa.Row[Any]) -> ArticleRecord:
    return ArticleRecord(**{name: getattr(row, name) for name in ArticleRecord.__slots__})
