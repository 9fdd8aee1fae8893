"""Paragraphs plus metadata -> an ``Article``: the one assembly every source format ends in.

Text files, Markdown, web pages (a file or fetched), stored versions: each reader splits its
input into paragraph blocks and calls ``article_from_blocks``, so the same paragraphs get the same
boilerplate decisions and metadata precedence whatever they came from. It sits below the readers
(``loader``, ``html_article``, ``markdown_article``, ``fetch``) and imports none of them, so they
form layers, not a loop: assemble <- html_article, markdown_article <- fetch <- loader.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from newsdiff.core.article import Article, Paragraph
from newsdiff.core.clean import classify, split_mixed_blocks
from newsdiff.core.metadata import lead_title, read_text_metadata
from newsdiff.core.text import one_line, sanitize
from newsdiff.core.untrusted import printable


def article_from_blocks(
    blocks: Sequence[str],
    path: str,
    meta: dict[str, str] | None = None,
    stated: dict[str, str] | None = None,
) -> Article:
    """Build an article from its paragraphs, whatever format they came from.

    ``meta`` is the folder's ``newsdiff.toml`` entry; ``stated`` what the document's own metadata
    says (an HTML page's meta tags, Markdown front matter). A stated field wins over what the text
    suggests and over the metadata file, except the title, where the file still wins (a
    hand-written title is the most deliberate). One function for every format, so the same
    paragraphs get the same boilerplate decisions whether they came from text, Markdown or HTML.

    Metadata is untrusted like the text (a ``newsdiff.toml`` title may hold an escape sequence or
    a newline): every value is sanitised to one line here, and the path, which names a file whose
    name may hold anything, is kept with its unsafe characters written as visible escapes.
    """
    meta = _clean_fields(meta)
    stated = _clean_fields(stated)
    path = printable(path)
    blocks = split_mixed_blocks(blocks)
    found = read_text_metadata(blocks)
    reasons = classify(blocks, found.title_index)
    paragraphs = tuple(Paragraph(i, block, reasons[i]) for i, block in enumerate(blocks))
    body = [p.text for p in paragraphs if p.is_body]
    if found.title_index is not None:
        title = blocks[found.title_index]
    elif body:
        title = lead_title(body[0])
    else:
        title = Path(path).name
    return Article(
        path=path,
        title=meta.get("title") or stated.get("title") or one_line(title),  # a lead may hold a line break
        outlet=stated.get("outlet") or found.outlet or meta.get("outlet"),
        paragraphs=paragraphs,
        date=stated.get("date") or found.date or meta.get("date"),
        byline=stated.get("byline") or found.byline or meta.get("byline"),
        url=stated.get("url") or meta.get("url"),
        extra={k: v for k, v in stated.items() if k not in _ARTICLE_FIELDS},
    )


_ARTICLE_FIELDS = frozenset({"title", "outlet", "date", "byline", "url"})


def _clean_fields(fields: dict[str, str] | None) -> dict[str, str]:
    """Metadata values as one line of safe text, empty ones left out."""
    cleaned = {key: one_line(sanitize(str(value))) for key, value in (fields or {}).items()}
    return {key: value for key, value in cleaned.items() if value}
