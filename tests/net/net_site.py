"""The loopback site the network tests serve: the seed pages in site chrome, feeds listing them,
and the ways a server goes wrong (redirects to other schemes, loops, errors, slow, huge, not HTML)."""

from __future__ import annotations

import time
from collections.abc import Iterator

from feed_xml import atom, rss
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from support.seed_pages import seed_names, seed_page

HTML = "text/html; charset=utf-8"
FAST_TIMEOUT = 0.3
"""Seconds: the slow endpoint answers after SLOW_DELAY, so a fetch with this timeout gives up."""
SLOW_DELAY = 1.2


def _slow(_: Request) -> Response:
    time.sleep(SLOW_DELAY)
    return Response("<html><body><p>late</p></body></html>", content_type=HTML)


ENDLESS_BLOCKS = 200
ENDLESS_SENT: list[int] = []
"""How many blocks of the endless body the server has handed out (one entry per block)."""


def _endless(_: Request) -> Response:
    """A body with no Content-Length that never ends: only the size cap stops it."""

    def chunks() -> Iterator[bytes]:
        block = b"<p>" + b"x" * 65_000 + b"</p>\n"
        for _ in range(ENDLESS_BLOCKS):  # 13 MB, far past any cap a test sets
            ENDLESS_SENT.append(1)
            yield block

    return Response(chunks(), content_type=HTML)


def serve_site(server: HTTPServer) -> None:
    """Register every route the tests use on ``server``."""
    for name in seed_names():
        server.expect_request(f"/news/{name}.html").respond_with_data(seed_page(name), content_type=HTML)
    names = seed_names()
    server.expect_request("/feed.xml").respond_with_data(
        rss(server, names), content_type="application/rss+xml"
    )
    server.expect_request("/atom.xml").respond_with_data(
        atom(server, names), content_type="application/atom+xml"
    )
    server.expect_request("/moved").respond_with_data("", status=301, headers={"Location": "/news/001.html"})
    server.expect_request("/to-file").respond_with_data(
        "", status=302, headers={"Location": "file:///etc/passwd"}
    )
    server.expect_request("/to-js").respond_with_data(
        "", status=302, headers={"Location": "javascript:alert(1)"}
    )
    server.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop2"})
    server.expect_request("/loop2").respond_with_data("", status=302, headers={"Location": "/loop"})
    server.expect_request("/missing").respond_with_data("gone", status=404, content_type=HTML)
    server.expect_request("/broken").respond_with_data("oops", status=500, content_type=HTML)
    server.expect_request("/slow").respond_with_handler(_slow)
    slow_entries = "".join(
        f"<item><title>Slow {i}</title><link>{server.url_for('/slow')}?n={i}</link></item>" for i in (1, 2, 3)
    )
    server.expect_request("/slow-feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>{slow_entries}</channel></rss>',
        content_type="application/rss+xml",
    )
    server.expect_request("/huge").respond_with_data(b"<p>" + b"y" * 3_000_000 + b"</p>", content_type=HTML)
    server.expect_request("/endless").respond_with_handler(_endless)
    server.expect_request("/image.png").respond_with_data(
        b"\x89PNG\r\n\x1a\n" + bytes(100), content_type="image/png"
    )
    server.expect_request("/notes.txt").respond_with_data("plain notes", content_type="text/plain")
    server.expect_request("/empty-page").respond_with_data(
        "<html><body><nav><a href='/'>Home</a></nav></body></html>", content_type=HTML
    )
