"""The labelled real articles of ``tests/grouping`` (see its README), and how to replay them into a
store the way refreshes would have stored and grouped them."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from newsdiff.core.article import Article
from newsdiff.core.loader import parse_article
from newsdiff.core.store.database import Store
from newsdiff.core.store.records import Entry
from newsdiff.core.stories import group_new
from newsdiff.core.versions import snapshot

SET = Path(__file__).resolve().parents[1] / "grouping"


@dataclass(frozen=True, slots=True)
class Labelled:
    id: str
    story: str
    event: str
    """The source dataset's name for the event (coarser than ``story``)."""
    outlet: str
    published: str
    title: str
    url: str
    article: Article


def load_set(ids: Iterable[str] | None = None, folder: Path = SET) -> list[Labelled]:
    """The labelled articles (all, or those of ``ids``), oldest first (ties by id)."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    wanted = set(labels) if ids is None else set(ids)
    items = []
    for key in sorted(wanted):
        label = labels[key]
        path = folder / "articles" / f"{key}.txt"
        meta = {"title": label["title"], "outlet": label["outlet"], "date": label["published"][:10]}
        article = parse_article(path.read_text(encoding="utf-8"), str(path), meta)
        items.append(
            Labelled(
                key,
                label["story"],
                label["dataset_event"],
                label["outlet"],
                label["published"],
                label["title"],
                label["url"],
                article,
            )
        )
    return sorted(items, key=lambda item: (item.published, item.id))


def replay(items: list[Labelled], group: Callable[[Store], object] = group_new) -> list[frozenset[str]]:
    """Feed the articles to a new store one by one, oldest first, as refreshes run whenever one
    was published would: each outlet a feed, each article an entry first seen at its publication
    time with its text as the first version, and ``group`` (the refresh's ``group_new``) after each.
    Returns the stories the store then lists, as sets of article ids."""
    with tempfile.TemporaryDirectory() as folder, Store.open(f"sqlite:///{folder}/store.db") as store:
        feeds: dict[str, int] = {}
        by_url = {item.url: item.id for item in items}
        for item in items:
            if item.outlet not in feeds:
                url = f"https://{len(feeds)}.feeds.example/rss"
                store.add_feed(url, item.outlet)
                found = store.feed(url)
                assert found is not None
                feeds[item.outlet] = found.id
            store.record_feed(
                feeds[item.outlet],
                checked_at=item.published,
                entries=[Entry(item.url, item.title, item.published)],
            )
            record = store.article(item.url)
            assert record is not None
            store.record_page(record.id, checked_at=item.published, snapshot=snapshot(item.article))
            group(store)
        return [frozenset(by_url[a.url] for a, _ in story.members) for story in store.story_listing()]
