"""Web pages as articles: the main text and the page's own metadata, without its chrome.

trafilatura (the standard extractor for news pages) finds the article body and drops navigation,
related links, cookie banners and footers; it is imported only when a page is read, as it costs
about 0.2 s. Paragraph boundaries are the page's own: each ``<p>``, heading, list item or quoted
paragraph that trafilatura keeps becomes one paragraph, its white space folded as a browser would.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdiff.core.article import Article
from newsdiff.core.assemble import article_from_blocks
from newsdiff.core.errors import InputError
from newsdiff.core.text import decode, looks_binary, one_line, sanitize

if TYPE_CHECKING:
    from lxml.etree import _Element

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)
# WHATWG: pages labelled Latin-1 or ASCII are decoded as windows-1252 by every browser.
_NOT_PAGE_CODECS = frozenset(
    {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape", "utf-7"}
)
_AS_WINDOWS_1252 = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "iso8859-1", "l1", "cp819"}
# Elements of trafilatura's output that hold one paragraph each; containers are walked into.
_PARAGRAPHS = {"p", "head", "item", "cell"}
_CONTAINERS = {"list", "quote", "div", "table", "body", "section"}
_SKIPPED = {"graphic"}
MAX_ROW_CELLS = 1_000
"""Columns of a table row kept (colspans counted): trafilatura's table handling is quadratic in a
row's cells (200,000 took nine minutes), and no article's table is this wide."""
_CELL_TAG = re.compile(r"<t[dh][\s>/]", re.IGNORECASE)
_CELL_SEPARATOR = " | "
"""A table row is one paragraph, its cells joined by this (a paragraph per cell would scatter it)."""


def decode_html(data: bytes) -> str:
    """Page bytes as text: by BOM, else by the page's ``<meta charset>``, else by detection.

    trafilatura would only detect, and a short page in windows-1252 is easily mistaken for
    another single-byte encoding; the page's own declaration is what browsers follow.
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data)
    match = _META_CHARSET.search(data[:4096])
    codec = _text_codec(match.group(1).decode("ascii")) if match else ""
    if codec:
        try:
            return data.decode(codec, errors="replace")
        except (UnicodeError, LookupError, ValueError, TypeError):
            pass  # a codec that fails even with errors="replace": the label is ignored
    return decode(data)


def _text_codec(label: str) -> str:
    """The codec a ``<meta charset>`` label names, or "" when it names none a page can be in.

    Python's codec registry also holds transforms (base64, rot13, hex, zlib, bz2, uu, quopri) and
    codecs that are not page encodings (idna, punycode, undefined, the escape codecs, UTF-7, which
    browsers refuse too): a page is hostile input, and its label may name any of them.
    """
    label = label.lower()
    label = "cp1252" if label in _AS_WINDOWS_1252 else label
    try:
        info = codecs.lookup(label)
    except LookupError:
        return ""
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_CODECS:
        return ""
    if info.name.startswith(("utf-16", "utf-32")):
        return ""  # a page that says UTF-16 but reached here has no BOM: ASCII-compatible bytes
    return info.name


def _text(element: _Element) -> str:
    """An element's text as one line, as a browser lays out inline text; a line break (``<br>``,
    which trafilatura keeps as ``<lb/>``) is a space, so the words on either side stay apart."""
    for node in element.iter("lb"):
        node.tail = " " + (node.tail or "")
    return one_line(sanitize("".join(element.itertext())))


_SENTENCE = re.compile(r"\w[.!?…][\"'”’)]*(?:\s|$)")


def _reads_as_prose(body: _Element) -> bool:
    """True when some line of the extracted text is a sentence of eight words or more.

    trafilatura's fallback extractors, run on a page with no article (only menus, a newsletter box,
    a footer), return the menu's link texts, one or two words a line; no article lacks a sentence.
    """
    lines = "".join(body.itertext()).split("\n")
    return any(len(line.split()) >= 8 and _SENTENCE.search(line) for line in lines)


def _paragraphs(element: _Element) -> list[str]:
    """The paragraphs under ``element`` in document order."""
    found: list[str] = []
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _CONTAINERS or (tag == "item" and len(child) and child[0].tag in _PARAGRAPHS):
            found.extend(_paragraphs(child))
        elif tag == "row":
            found.append(_CELL_SEPARATOR.join(filter(None, (_text(cell) for cell in child))))
        elif tag and tag not in _SKIPPED:
            found.append(_text(child))
        if child.tail:
            found.append(one_line(sanitize(child.tail)))
    return [text for text in found if text]


def _stated(document: Any, url: str | None) -> dict[str, str]:
    """The page's metadata under newsdiff's names, empty values left out."""
    fields = {
        "title": document.title,
        "outlet": document.sitename,
        "byline": document.author,
        "date": document.date,
        "url": url or document.url,
    }
    return {key: one_line(sanitize(str(value))) for key, value in fields.items() if value}


def _bounded(page: str) -> Any:
    """What trafilatura is given: the page's text, or, when it holds more table cells than one row
    may keep, its parsed tree with every row cut to ``MAX_ROW_CELLS`` columns (a fresh tree each
    time: trafilatura changes the tree it reads)."""
    if sum(1 for _ in _CELL_TAG.finditer(page)) <= MAX_ROW_CELLS:
        return page
    from trafilatura.utils import load_html

    tree = load_html(page)
    if tree is None:
        return page
    for parent in tree.iter("tr", "table"):  # a table's own cells (outside any row) join a row too
        width = 0
        for cell in [child for child in parent if child.tag in ("td", "th")]:
            span = cell.get("colspan", "1")
            width += min(int(span), 100) if span.isdecimal() else 1
            if width > MAX_ROW_CELLS:
                parent.remove(cell)
    return tree


def extract_page(data: bytes | str, *, path: Path) -> tuple[list[str], dict[str, str]]:
    """The page's body paragraphs and its stated metadata (title, outlet, byline, date, url).

    Raises ``InputError`` (one line) for binary data or a page with no article text.
    """
    if isinstance(data, bytes):
        if looks_binary(data):
            raise InputError(f"{path}: looks like a binary file, not a web page")
        data = decode_html(data)
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    import trafilatura

    options: dict[str, Any] = {
        "with_metadata": True,
        "include_comments": False,
        "include_tables": True,
        "include_images": False,
        "include_links": False,
        "deduplicate": False,
    }
    try:
        # First trafilatura's own precise extraction; only if it finds nothing, its fallback
        # extractors (readability, jusText), whose result must read as prose to count.
        document: Any = trafilatura.bare_extraction(
            _bounded(data), favor_precision=True, fast=True, **options
        )
        if getattr(document, "body", None) is None:
            document = trafilatura.bare_extraction(_bounded(data), **options)
            if getattr(document, "body", None) is not None and not _reads_as_prose(document.body):
                document = None
    except (ValueError, TypeError, AssertionError, RecursionError) as exc:
        reason = one_line(str(exc)) or type(exc).__name__
        raise InputError(f"{path}: cannot read the page: {reason}") from None
    body = getattr(document, "body", None)
    paragraphs = _paragraphs(body) if body is not None else []
    if not paragraphs:
        raise InputError(f"{path}: no article text found in the page")
    return paragraphs, _stated(document, None)


def article_from_html(
    data: bytes | str, *, path: Path, url: str | None = None, meta: dict[str, str] | None = None
) -> Article:
    """A web page (bytes as read or fetched, or text) as an article.

    ``url`` is where the page came from, kept as the article's URL over the page's canonical link;
    ``meta`` the folder's ``newsdiff.toml`` entry, as for text files.
    """
    paragraphs, stated = extract_page(data, path=path)
    if url:
        stated["url"] = url
    return article_from_blocks(paragraphs, str(path), meta, stated)
