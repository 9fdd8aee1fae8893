"""A loopback news site whose feeds and pages change between refreshes, as real outlets' do.

Three outlets, each with an RSS feed at ``/<outlet>/feed.xml`` listing its articles
(``/<outlet>/<slug>.html``, pages in site chrome made from the seed articles). A test edits an
article's body or headline, adds an entry, or makes a feed or page fail, then refreshes. Feeds
and pages send an ETag and answer a matching If-None-Match with 304, as most servers do; every
request is logged with its conditional headers so a test can check what was asked.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from support.seed_pages import SITES, expected_paragraphs, news_page, seed_title

OUTLETS = {"ap": "001", "wt": "002", "globe": "000"}
"""Outlet path -> the seed whose text and site chrome its first article has."""


@dataclass
class Story:
    outlet: str
    slug: str
    title: str
    body: list[str]
    published: datetime
    status: int = 200
    delay: float = 0.0
    listed: bool = True
    """In its feed; a page no longer listed is still served."""


@dataclass
class Logged:
    path: str
    if_none_match: str | None
    if_modified_since: str | None


@dataclass
class NewsSite:
    server: HTTPServer
    stories: dict[str, list[Story]] = field(default_factory=dict)
    feed_status: dict[str, int] = field(default_factory=dict)
    log: list[Logged] = field(default_factory=list)
    slow_requests: list[str] = field(default_factory=list)
    """Paths of requests to slow pages, as they arrive (before the wait)."""
    in_flight: int = 0
    most_in_flight: int = 0
    """The most page requests being answered at once (on a threaded server)."""
    _counting: threading.Lock = field(default_factory=threading.Lock)

    def feed_url(self, outlet: str) -> str:
        return self.server.url_for(f"/{outlet}/feed.xml")

    def page_url(self, story: Story) -> str:
        return self.server.url_for(f"/{story.outlet}/{story.slug}.html")

    def story(self, outlet: str, slug: str) -> Story:
        return next(s for s in self.stories[outlet] if s.slug == slug)

    def add(self, outlet: str, slug: str, title: str, body: list[str], **extra: object) -> Story:
        when = datetime(2026, 12, 1, 9, len(self.stories.get(outlet, [])), tzinfo=UTC)
        story = Story(outlet, slug, title, body, when, **extra)  # type: ignore[arg-type]
        self.stories.setdefault(outlet, []).append(story)
        return story

    def requests_to(self, path_part: str) -> list[Logged]:
        return [entry for entry in self.log if path_part in entry.path]

    # -- serving --

    def _conditional(self, request: Request, body: str, content_type: str) -> Response:
        self.log.append(
            Logged(
                request.path, request.headers.get("If-None-Match"), request.headers.get("If-Modified-Since")
            )
        )
        etag = '"' + hashlib.sha256(body.encode("utf-8")).hexdigest()[:16] + '"'
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(body, content_type=content_type, headers={"ETag": etag})

    def _feed(self, request: Request) -> Response:
        outlet = request.path.split("/")[1]
        status = self.feed_status.get(outlet, 200)
        if status != 200:
            self.log.append(Logged(request.path, None, None))
            return Response("server trouble", status=status, content_type="text/html")
        return self._conditional(request, self.rss(outlet), "application/rss+xml")

    def _page(self, request: Request) -> Response:
        _, outlet, name = request.path.split("/")
        story = self.story(outlet, name.removesuffix(".html"))
        with self._counting:
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            return self._answer(request, outlet, story)
        finally:
            with self._counting:
                self.in_flight -= 1

    def _answer(self, request: Request, outlet: str, story: Story) -> Response:
        started = time.monotonic()
        if story.delay:
            self.slow_requests.append(request.path)
        while time.monotonic() - started < story.delay:  # a test may end the wait by clearing it
            time.sleep(0.02)
        if story.status != 200:
            self.log.append(Logged(request.path, None, None))
            return Response("no such page", status=story.status, content_type="text/html")
        page = news_page(SITES[OUTLETS[outlet]], story.title, story.body)
        return self._conditional(request, page, "text/html; charset=utf-8")

    def rss(self, outlet: str) -> str:
        items = "\n".join(
            f"<item><title>{escape(s.title)}</title><link>{self.page_url(s)}</link>"
            f"<pubDate>{format_datetime(s.published)}</pubDate></item>"
            for s in self.stories[outlet]
            if s.listed
        )
        site = escape(SITES[OUTLETS[outlet]].site_name)
        return (
            f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{site}</title>'
            f"<link>{self.server.url_for('/' + outlet + '/')}</link>{items}</channel></rss>"
        )

    def serve(self) -> None:
        for outlet in OUTLETS:
            self.server.expect_request(f"/{outlet}/feed.xml").respond_with_handler(self._feed)
        import re

        self.server.expect_request(re.compile(r"^/[a-z0-9]+/[a-z0-9-]+\.html$")).respond_with_handler(
            self._page
        )


def news_site(server: HTTPServer) -> NewsSite:
    """The site with one article per outlet (the seeds' text), serving on ``server``."""
    site = NewsSite(server)
    for outlet, seed in OUTLETS.items():
        site.add(outlet, "kim-putin", seed_title(seed), expected_paragraphs(seed))
    site.serve()
    return site
