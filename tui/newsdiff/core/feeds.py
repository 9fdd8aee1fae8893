"""RSS and Atom feeds (feedparser, imported only when a feed is read): which articles a story has.

A feed is read from a URL (through ``core.fetch``: the same limits, the network asked first and
the cached copy used only when it fails, since a feed is news only when fresh) or from a file.
Entries keep what a reader picks by: title, link, date and source; all of it is untrusted text,
made safe and one line here.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from newsdiff.core.errors import InputError
from newsdiff.core.fetch import ALLOWED_SCHEMES, is_url
from newsdiff.core.text import one_line, sanitize

_PICK = re.compile(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?")
_BLANK = re.compile(r"\s")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry; ``link`` is an http(s) URL, or empty when the feed gave none (or another kind)."""

    title: str
    link: str
    published: str | None
    source: str | None


@dataclass(frozen=True, slots=True)
class Feed:
    title: str
    location: str
    entries: tuple[FeedEntry, ...]
    note: str | None = None
    """Set when the feed came from the cache because its server could not be reached."""


def _clean(value: object) -> str:
    return one_line(sanitize(str(value))) if value else ""


def _link(value: object) -> str:
    """An entry's link with no white space in it: each blank inside is percent-encoded (as a
    browser sends it), so a printed link is one word to a shell. ``$(newsdiff feed … --pick 1)``
    could otherwise split ``http://x/a /etc/passwd`` into a URL and a local file to read."""
    link = sanitize(str(value)).strip() if value else ""
    return _BLANK.sub(lambda m: quote(m.group(), safe=""), link)


def _date(entry: object) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = getattr(entry, "get", lambda _k: None)(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    raw = _clean(getattr(entry, "get", lambda _k: None)("published") or "")
    return raw or None


def parse_feed(data: bytes, *, location: str, base_url: str | None = None) -> Feed:
    """The feed's entries in feed order; ``InputError`` if ``data`` is not RSS or Atom."""
    import feedparser

    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(data, response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        raise InputError(f"{location}: not an RSS or Atom feed")
    feed_title = _clean(parsed.feed.get("title")) or location
    entries = []
    for entry in parsed.entries:
        link = _link(entry.get("link"))
        if urlsplit(link).scheme.lower() not in ALLOWED_SCHEMES:
            # A feed is untrusted: a "link" to a local path or file:// must never be read.
            link = ""
        source = entry.get("source")
        source_title = _clean(source.get("title")) if isinstance(source, dict) else ""
        title = _clean(entry.get("title")) or link or "(untitled)"
        entries.append(FeedEntry(title, link, _date(entry), source_title or feed_title))
    return Feed(feed_title, location, tuple(entries))


def read_feed(source: str | Path, *, timeout: float | None = None, max_bytes: int | None = None) -> Feed:
    """A feed from a URL or a file (``InputError`` with one line on any failure)."""
    from newsdiff.core.loader import read_file_bytes

    if isinstance(source, str) and is_url(source):
        from newsdiff.core.fetch import fetch

        fetched = fetch(source, timeout=timeout, max_bytes=max_bytes, accept="feed")
        feed = parse_feed(fetched.body, location=source, base_url=fetched.final_url)
        return Feed(feed.title, feed.location, feed.entries, fetched.note)
    path = Path(source)
    data = read_file_bytes(path, max_bytes)  # the limit and messages every local reader has
    return parse_feed(data, location=str(path))


def picked_links(feed: Feed, spec: str) -> list[str]:
    """The links of the entries ``spec`` picks; ``InputError`` if one of them has no web link."""
    picks = parse_picks(spec, len(feed.entries))
    for index in picks:
        if not feed.entries[index].link:
            raise InputError(f"--pick {spec}: entry {index + 1} has no http(s) link")
    return [feed.entries[index].link for index in picks]


def parse_picks(spec: str, count: int) -> list[int]:
    """``"1,3-5"`` as 0-based indices ``[0, 2, 3, 4]`` (in the order given, no repeats), checked
    against the ``count`` entries; ``InputError`` names what is wrong."""
    picks: list[int] = []
    seen: set[int] = set()  # a set, so --pick 1-100000 is linear, not a list searched per number
    for part in spec.split(","):
        match = _PICK.fullmatch(part)
        if not match:
            raise InputError(f"--pick {spec}: use entry numbers and ranges, e.g. 1,3-5")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if first < 1 or last < first:
            raise InputError(f"--pick {spec}: {part.strip()} is not a range of entries from 1 up")
        if last > count:
            raise InputError(f"--pick {spec}: the feed has {count} entr{'y' if count == 1 else 'ies'}")
        for index in range(first - 1, last):
            if index not in seen:
                seen.add(index)
                picks.append(index)
    return picks
