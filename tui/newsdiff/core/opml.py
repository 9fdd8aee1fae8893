"""OPML subscription lists, as newsboat (and most feed readers) import and export them.

Export writes newsboat's shape: OPML 1.0, a ``head`` title, one flat ``<outline type="rss"
xmlUrl=… title=…>`` per feed (plus ``text``, which OPML 2.0 readers require). Import takes any
reader's file: outlines at any depth (folders are flattened), the feed URL in ``xmlUrl`` (or
``url``, which some write), the title in ``title`` or ``text``. The file is untrusted: parsed
without entities, DTDs or the network, and a URL that is not http(s) (newsboat's ``query:`` and
``exec:`` feeds, ``file:``) is skipped with its reason; a file with a DTD (entity declarations:
billion laughs, external entities) is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape as _escape_text
from xml.sax.saxutils import quoteattr

from newsdiff.core.errors import InputError
from newsdiff.core.fetch import ALLOWED_SCHEMES
from newsdiff.core.text import one_line, sanitize


@dataclass(frozen=True, slots=True)
class Outline:
    url: str
    title: str | None


@dataclass(frozen=True, slots=True)
class Parsed:
    feeds: tuple[Outline, ...]
    skipped: tuple[str, ...]
    """One line per outline left out, saying why."""


def _clean(value: str | None) -> str:
    return one_line(sanitize(value)) if value else ""


def parse_opml(data: bytes, location: str) -> Parsed:
    """The feeds an OPML file lists, in file order without repeats; ``InputError`` if it is not OPML."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{location}: not an OPML file ({one_line(str(exc))})") from None
    if root is None or not isinstance(root.tag, str) or root.tag.lower() != "opml":
        raise InputError(f"{location}: not an OPML file (no <opml> element)")
    if root.getroottree().docinfo.internalDTD is not None:
        # OPML never needs one; a DTD's entities are how XML files expand or reach for local files.
        raise InputError(f"{location}: refused: the file declares a DTD, which OPML never needs")
    feeds: list[Outline] = []
    skipped: list[str] = []
    seen: set[str] = set()
    for outline in root.iter("outline"):
        url = _clean(outline.get("xmlUrl") or outline.get("xmlurl") or outline.get("url"))
        if not url:
            continue  # a folder
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme not in ALLOWED_SCHEMES:
            skipped.append(f"{url}: skipped (only http:// and https:// feeds can be subscribed)")
            continue
        if url in seen:
            continue
        seen.add(url)
        feeds.append(Outline(url, _clean(outline.get("title") or outline.get("text")) or None))
    return Parsed(tuple(feeds), tuple(skipped))


def render_opml(feeds: list[Outline], title: str = "newsdiff - Exported Feeds") -> str:
    """The subscriptions as an OPML document (attributes escaped, so a title can hold anything)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="1.0">',
        "  <head>",
        f"    <title>{_escape_text(title)}</title>",
        "  </head>",
        "  <body>",
    ]
    for feed in feeds:
        name = _clean(feed.title) or feed.url
        lines.append(
            f'    <outline type="rss" xmlUrl={_attr(feed.url)} text={_attr(name)} title={_attr(name)}/>'
        )
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _attr(value: str) -> str:
    return quoteattr(value)  # with its quotes; &, <, > and the quote character escaped
