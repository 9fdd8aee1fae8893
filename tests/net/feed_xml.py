"""RSS and Atom documents listing seed pages on a server (the loopback one, or a fixed host)."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from typing import Protocol

from support.seed_pages import page_meta, seed_title


class Site(Protocol):
    def url_for(self, path: str) -> str: ...


def rss(server: Site, names: list[str]) -> str:
    items = "\n".join(
        f"""<item><title>{escape(seed_title(n))}</title><link>{server.url_for(f"/news/{n}.html")}</link>
<pubDate>{format_datetime(datetime(2023, 9, 13, 9, int(n), tzinfo=UTC))}</pubDate>
<source url="{server.url_for("/feed.xml")}">{escape(page_meta(n).site_name)}</source></item>"""
        for n in names
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Kim-Putin summit</title><link>{server.url_for("/")}</link>
<description>The seeds as a feed</description>
{items}
</channel></rss>"""


def atom(server: Site, names: list[str]) -> str:
    entries = "\n".join(
        f"""<entry><title>{escape(seed_title(n))}</title><link href="{server.url_for(f"/news/{n}.html")}"/>
<id>urn:seed:{n}</id><updated>2023-09-13T09:{int(n):02d}:00Z</updated>
<author><name>{escape(page_meta(n).author)}</name></author></entry>"""
        for n in names
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Summit (Atom)</title><id>urn:summit</id>
<updated>2023-09-13T10:00:00Z</updated>
{entries}
</feed>"""
