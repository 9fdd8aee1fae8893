"""The story screen's details pane: the highlighted article's metadata and lead, or during a search
the paragraph around the current match. Plain text with labels, as ``Content`` (never markup).
"""

from __future__ import annotations

from textual.content import Content

from newsdiff.core.article import Article
from newsdiff.core.search import Hit, find
from newsdiff.widgets.search_bar import highlighted

DETAILS_CHARS = 600
"""The details pane shows a few lines: longer values are cut here rather than wrapped whole."""


def _cut(text: str) -> str:
    return text if len(text) <= DETAILS_CHARS else text[:DETAILS_CHARS] + "…"


Location = tuple[int, int]
"""Where a story search hit is: (article's row, paragraph index), paragraph ``TITLE`` for the title."""
TITLE = -1


def _excerpt(text: str, hit: Hit[Location], spans: list[tuple[int, int]]) -> Content:
    """The paragraph around ``hit``, cut to the details pane's length, its matches highlighted."""
    start = max(0, min(hit.start - DETAILS_CHARS // 3, len(text) - DETAILS_CHARS))
    end = min(len(text), start + DETAILS_CHARS)
    shown = [(max(s, start) - start, min(e, end) - start) for s, e in spans if e > start and s < end]
    body = highlighted(text[start:end], shown, (hit.start - start, hit.end - start))
    return Content.assemble("…" if start else "", body, "…" if end < len(text) else "")


def details_content(article: Article, hit: Hit[Location] | None = None, query: str = "") -> Content:
    """The highlighted article's metadata and lead, as plain text with labels; during a search,
    the paragraph holding the current match instead of the lead, the match highlighted."""
    if hit is not None and hit.location[1] == TITLE:
        title = _excerpt(article.title, hit, find(article.title, query))
    else:
        title = Content(_cut(article.title))
    lines = [
        Content.assemble(("Title  ", "dim"), title.stylize("bold")),
        Content.assemble(("Source ", "dim"), _cut(article.name)),
        Content.assemble(("Byline ", "dim"), _cut(article.byline or "—")),
        Content.assemble(("File   ", "dim"), _cut(article.path)),
    ]
    if article.url:
        lines.append(Content.assemble(("URL    ", "dim"), _cut(article.url)))
    if article.extra.get("fetched-at"):
        from newsdiff.core.stamps import human_time

        cached = " (from the cache)" if article.extra.get("from-cache") else ""
        fetched = human_time(article.extra["fetched-at"]) + cached
        lines.append(Content.assemble(("Fetched", "dim"), " ", fetched))
    if hit is not None and hit.location[1] != TITLE:
        paragraph = article.paragraphs[hit.location[1]]
        label = f"¶{paragraph.index + 1}".ljust(7)
        lines.append(
            Content.assemble((label, "dim"), _excerpt(paragraph.text, hit, find(paragraph.text, query)))
        )
        return Content("\n").join(lines)
    lead = next((p.text for p in article.body if p.text != article.title), None)
    if lead:
        lines.append(Content.assemble(("Lead   ", "dim"), (_cut(lead), "italic")))
    return Content("\n").join(lines)
