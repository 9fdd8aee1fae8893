"""Refreshing subscriptions: ask each feed what is new, fetch the articles, keep every new version.

Two rounds over the network, each with ``jobs`` fetches at a time (at most ``per_host`` of them
to one host). First the feeds that are due
(not checked in the last ``interval`` minutes, unless ``force``), each with a conditional GET
(If-None-Match / If-Modified-Since from its last answer) so an unchanged feed costs a 304 and no
body. Then the article pages: every entry the feeds listed, plus the articles first seen in the
last ``recheck_days`` (that is where stealth edits happen), each again a conditional GET, and
skipped if checked within ``interval``. A page whose title or body text changed is stored as a
new version. Last, the new articles are grouped into stories across outlets (``core/stories.py``).

Fetching and extraction run in worker threads; the store is written only from the calling
thread, one transaction per feed and per page, as each result arrives. So Ctrl+C (or a crash)
loses at most the results in flight, never what was committed, and the next refresh picks up the
rest. A feed or page that fails is one line (``on_error``) and the others go on.
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urlsplit

from newsdiff.core.errors import Cancelled, InputError
from newsdiff.core.fetch import Accept, Fetched, conditional_headers, fetch
from newsdiff.core.store.database import Store
from newsdiff.core.store.records import ArticleRecord, Entry, FeedRecord, Snapshot
from newsdiff.core.store.schema import now_text

DEFAULT_INTERVAL = 30
"""Minutes: a feed or page checked more recently than this is not fetched again (unless forced)."""
DEFAULT_RECHECK_DAYS = 2.0
"""Articles first seen this recently are fetched again on each refresh, to catch later edits."""
DEFAULT_JOBS = 4
DEFAULT_PER_HOST = 2
"""Fetches at a time from one host, whatever ``jobs`` says: an outlet's many section feeds and
articles are not fetched all at once from its server."""

T = TypeVar("T")
R = TypeVar("R")


@dataclass(slots=True)
class RefreshReport:
    feeds_checked: int = 0
    feeds_not_modified: int = 0
    feeds_failed: int = 0
    feeds_skipped: int = 0
    new_articles: int = 0
    pages_checked: int = 0
    pages_not_modified: int = 0
    pages_failed: int = 0
    new_versions: int = 0
    """Versions stored, first versions of new articles included."""
    changed_articles: list[str] = field(default_factory=list)
    """URLs of articles that already had a version and got another."""
    errors: list[str] = field(default_factory=list)
    stories_started: int = 0
    stories_joined: int = 0
    """Articles grouped into a story of their own, and into a story other outlets' articles began."""

    def summary(self) -> str:
        """One line saying what the refresh did."""
        feeds = (
            f"feeds: {self.feeds_checked} checked, {self.feeds_not_modified} not modified, "
            f"{self.feeds_failed} failed, {self.feeds_skipped} skipped (checked recently)"
        )
        pages = (
            f"articles: {self.new_articles} new, {len(self.changed_articles)} changed, "
            f"{self.pages_checked} pages checked, {self.pages_not_modified} not modified, "
            f"{self.pages_failed} failed"
        )
        stories = f"stories: {self.stories_started} new, {self.stories_joined} articles joined one"
        return f"{feeds}; {pages}; {stories}"


@dataclass(frozen=True, slots=True)
class _FeedResult:
    fetched: Fetched | None = None
    title: str | None = None
    entries: tuple[Entry, ...] = ()
    error: str | None = None


@dataclass(frozen=True, slots=True)
class _PageResult:
    fetched: Fetched | None = None
    snapshot: Snapshot | None = None
    error: str | None = None


def _stamp(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_stamp(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)


def parallel(
    items: Iterable[T], work: Callable[[T], R], jobs: int, cancelled: Callable[[], bool]
) -> Iterator[tuple[T, R]]:
    """``work(item)`` for every item on ``jobs`` daemon threads, results yielded as they finish.

    Daemon threads, told to stop when the caller leaves (Ctrl+C included), so an interrupted
    refresh exits at once instead of waiting for the fetches in flight. Once ``cancelled()``,
    items not started raise ``Cancelled`` here.
    """
    todo: queue.Queue[T] = queue.Queue()
    done: queue.Queue[tuple[T, R | BaseException]] = queue.Queue()
    left = threading.Event()
    count = 0
    for item in items:
        todo.put(item)
        count += 1

    def worker() -> None:
        while not left.is_set():
            try:
                item = todo.get_nowait()
            except queue.Empty:
                return
            if cancelled():
                done.put((item, Cancelled()))
                continue
            try:
                done.put((item, work(item)))
            except BaseException as exc:  # handed to the caller, which re-raises it
                done.put((item, exc))

    for _ in range(max(1, min(jobs, count))):
        threading.Thread(target=worker, daemon=True, name="newsdiff-refresh").start()
    try:
        for _ in range(count):
            while True:
                try:
                    item, result = done.get(timeout=0.2)  # a timeout, so Ctrl+C is seen promptly
                    break
                except queue.Empty:
                    continue
            if isinstance(result, BaseException):
                raise result
            yield item, result
    finally:
        left.set()


class Refresher:
    """One refresh of the store's subscriptions (see the module docstring)."""

    def __init__(
        self,
        store: Store,
        *,
        jobs: int = DEFAULT_JOBS,
        interval: float = DEFAULT_INTERVAL,
        recheck_days: float = DEFAULT_RECHECK_DAYS,
        force: bool = False,
        timeout: float | None = None,
        max_bytes: int | None = None,
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        now: Callable[[], str] = now_text,
        group: bool = True,
        per_host: int = DEFAULT_PER_HOST,
    ) -> None:
        self.store = store
        self.jobs = jobs
        self.interval = interval
        self.recheck_days = recheck_days
        self.force = force
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.on_error = on_error
        self.on_progress = on_progress
        self.now = now
        self.group = group
        self.per_host = per_host
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._hosts_lock = threading.Lock()
        self.report = RefreshReport()
        self._cancel = threading.Event()

    # -- work done in the worker threads --

    def _host_slot(self, url: str) -> threading.BoundedSemaphore:
        host = urlsplit(url).netloc.lower()
        with self._hosts_lock:
            if host not in self._hosts:
                self._hosts[host] = threading.BoundedSemaphore(max(1, self.per_host))
            return self._hosts[host]

    def _fetch(self, url: str, etag: str | None, modified: str | None, accept: Accept) -> Fetched:
        with self._host_slot(url):
            return self._fetch_now(url, etag, modified, accept)

    def _fetch_now(self, url: str, etag: str | None, modified: str | None, accept: Accept) -> Fetched:
        return fetch(
            url,
            timeout=self.timeout,
            max_bytes=self.max_bytes,
            cache=False,  # the store keeps what matters; a stale cached copy must never pass as news
            accept=accept,
            headers=None if self.force else conditional_headers(etag or "", modified or ""),
            should_stop=self._cancel.is_set,
        )

    def _read_feed(self, feed: FeedRecord) -> _FeedResult:
        from newsdiff.core.feeds import parse_feed

        try:
            fetched = self._fetch(feed.url, feed.etag, feed.last_modified, "feed")
            if fetched.not_modified:
                return _FeedResult(fetched)
            parsed = parse_feed(fetched.body, location=feed.url, base_url=fetched.final_url)
        except InputError as exc:
            return _FeedResult(error=str(exc))
        entries = tuple(
            Entry(entry.link, entry.title, entry.published) for entry in parsed.entries if entry.link
        )
        return _FeedResult(fetched, parsed.title, entries)

    def _read_page(self, article: ArticleRecord) -> _PageResult:
        from newsdiff.core.fetch import article_from_fetched
        from newsdiff.core.versions import snapshot

        try:
            fetched = self._fetch(article.url, article.etag, article.last_modified, "page")
            if fetched.not_modified:
                return _PageResult(fetched)
            return _PageResult(fetched, snapshot(article_from_fetched(fetched)))
        except InputError as exc:
            return _PageResult(error=str(exc))

    # -- the rounds, written from this thread --

    def _fail(self, message: str) -> None:
        self.report.errors.append(message)
        if self.on_error is not None:
            self.on_error(message)

    def _progress(self, done: int, total: int, label: str) -> None:
        if self.on_progress is not None:
            self.on_progress(done, total, label)

    def _threshold(self, started: str) -> str | None:
        if self.force:
            return None
        return _stamp(_parse_stamp(started) - dt.timedelta(minutes=self.interval))

    def run(self) -> RefreshReport:
        started = self.now()
        checked_before = self._threshold(started)
        subscribed = self.store.feeds()
        due = [
            f
            for f in subscribed
            if checked_before is None or f.last_checked is None or f.last_checked <= checked_before
        ]
        self.report.feeds_skipped = len(subscribed) - len(due)
        answered: list[int] = []
        listed: list[str] = []
        cancelled = self._cancel.is_set
        try:
            for done, (feed, result) in enumerate(parallel(due, self._read_feed, self.jobs, cancelled), 1):
                self._progress(done, len(due), feed.title or feed.url)
                self._record_feed(feed, result)
                if result.error is None:
                    answered.append(feed.id)
                    listed.extend(entry.url for entry in result.entries)
            seen_since = _stamp(_parse_stamp(started) - dt.timedelta(days=self.recheck_days))
            pages = self.store.articles_to_check(
                answered, listed=listed, seen_since=seen_since, checked_before=checked_before
            )
            for done, (article, page) in enumerate(parallel(pages, self._read_page, self.jobs, cancelled), 1):
                self._progress(done, len(pages), article.title)
                self._record_page(article, page)
            if self.group:
                self._group()
        except Cancelled:
            pass
        return self.report

    def _group(self) -> None:
        from newsdiff.core.stories import group_new

        for grouped in group_new(self.store, now=self.now):
            if grouped.joined is None:
                self.report.stories_started += 1
            else:
                self.report.stories_joined += 1

    def stop(self) -> None:
        """Ask a running refresh to stop after the results in flight (the app's esc)."""
        self._cancel.set()

    def _record_feed(self, feed: FeedRecord, result: _FeedResult) -> None:
        checked_at = self.now()
        if result.error is not None:
            self.report.feeds_failed += 1
            self._fail(result.error)
            self.store.record_feed(feed.id, checked_at=checked_at, error=result.error)
            return
        assert result.fetched is not None
        self.report.feeds_checked += 1
        if result.fetched.not_modified:
            self.report.feeds_not_modified += 1
        self.report.new_articles += self.store.record_feed(
            feed.id,
            checked_at=checked_at,
            title=result.title,
            etag=result.fetched.etag or feed.etag,
            last_modified=result.fetched.last_modified or feed.last_modified,
            entries=result.entries,
        )

    def _record_page(self, article: ArticleRecord, page: _PageResult) -> None:
        checked_at = self.now()
        if page.error is not None:
            self.report.pages_failed += 1
            self._fail(page.error)
            self.store.record_page(article.id, checked_at=checked_at, error=page.error)
            return
        assert page.fetched is not None
        self.report.pages_checked += 1
        if page.fetched.not_modified:
            self.report.pages_not_modified += 1
        stored = self.store.record_page(
            article.id,
            checked_at=checked_at,
            etag=page.fetched.etag or article.etag,
            last_modified=page.fetched.last_modified or article.last_modified,
            snapshot=page.snapshot,
        )
        if stored is not None:
            self.report.new_versions += 1
            if stored == "changed":
                self.report.changed_articles.append(article.url)
