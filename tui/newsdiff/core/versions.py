"""Versions of one article: what counts as a change, and a stored version as an article again.

A version is kept when the article's title or its body text changed. Boilerplate (a copyright line,
a photo credit, "updated 5 minutes ago") is stored with the paragraphs but left out of the text
hash, so chrome that changes on every fetch does not make a new version.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from newsdiff.core.article import Article
from newsdiff.core.assemble import article_from_blocks
from newsdiff.core.fetch import human_time
from newsdiff.core.store.records import Snapshot, Version

_TRANSIENT = frozenset({"fetched-at", "from-cache"})
"""Article extras that describe one fetch, not the article (the version has its own time)."""


def text_hash(article: Article) -> str:
    """SHA-256 of the body paragraphs, one a line (a paragraph never holds a newline)."""
    body = "\n".join(p.text for p in article.body)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def snapshot(article: Article) -> Snapshot:
    """The article as stored: every paragraph (boilerplate too) and its metadata."""
    metadata = {
        key: value
        for key, value in (
            ("outlet", article.outlet),
            ("date", article.date),
            ("byline", article.byline),
            ("url", article.url),
        )
        if value
    }
    metadata.update({k: v for k, v in article.extra.items() if k not in _TRANSIENT})
    return Snapshot(article.title, text_hash(article), tuple(p.text for p in article.paragraphs), metadata)


def version_article(version: Version, path: str, *, label: bool = False) -> Article:
    """A stored version as an article, the same paragraphs and boilerplate decisions as when fetched.

    With ``label`` the outlet names the version (``AP · version 2, 2026-12-03 10:05 UTC``), so two
    versions of one article can be told apart in a comparison.
    """
    stated = dict(version.snapshot.metadata)
    stated["title"] = version.snapshot.title
    stated["fetched-at"] = version.fetched_at
    if label:
        outlet = stated.get("outlet")
        tag = f"version {version.number}, {human_time(version.fetched_at)}"
        stated["outlet"] = f"{outlet} · {tag}" if outlet else tag
    return article_from_blocks(list(version.snapshot.paragraphs), path, None, stated)


@dataclass(frozen=True, slots=True)
class Change:
    """How a version differs from the one before it."""

    version: Version
    headline: tuple[str, str] | None
    """(before, after) when the headline changed."""
    text_changed: bool


def changes(history: list[Version]) -> list[Change]:
    """One entry per version; the first has no predecessor, so nothing changed."""
    found = []
    previous: Version | None = None
    for version in history:
        headline = None
        text_changed = False
        if previous is not None:
            if previous.title != version.title:
                headline = (previous.title, version.title)
            text_changed = previous.snapshot.text_hash != version.snapshot.text_hash
        found.append(Change(version, headline, text_changed))
        previous = version
    return found


def change_log(url: str, history: list[Version]) -> dict[str, object]:
    """The versions of the article at ``url`` as JSON data: when each was fetched, its headline and
    hash, and what changed from the one before (``newsdiff versions URL --format json``)."""
    entries = []
    for change in changes(history):
        version = change.version
        entries.append(
            {
                "number": version.number,
                "fetched_at": version.fetched_at,
                "title": version.title,
                "text_hash": version.snapshot.text_hash,
                "text_changed": change.text_changed,
                "headline_was": change.headline[0] if change.headline else None,
                "paragraphs": len(version.snapshot.paragraphs),
            }
        )
    outlet = history[-1].snapshot.metadata.get("outlet") if history else None
    return {"url": url, "outlet": outlet, "versions": entries}
