"""Opening an article's source in the browser: shared by the story, reader and comparison screens
(a module of its own so no screen imports another for it)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from textual.screen import Screen

from newsdiff.core.article import Article
from newsdiff.core.text import one_line


def open_article_url(screen: Screen[Any], article: Article) -> None:
    """Open the article's URL in the system browser, or say why not.

    Only ``http``/``https`` addresses are opened: the URL comes from files and pages newsdiff does
    not trust, and a ``file:`` or ``javascript:`` address must not be handed to the browser.
    """
    url = (article.url or "").strip()
    if not url:
        screen.notify(f"No URL known for {one_line(article.name)}.", timeout=4, markup=False)
        return
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        screen.notify(f"Not a web address, not opened: {one_line(url)}", severity="warning", markup=False)
        return
    screen.app.open_url(url)
    screen.notify(f"Opening {one_line(url)}", timeout=3, markup=False)
