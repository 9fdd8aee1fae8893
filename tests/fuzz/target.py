"""The fuzz target: arbitrary bytes through loading, cleaning, alignment, diff and export, and
through the web-page and Markdown readers.

The only acceptable failure is ``InputError`` (a one-line message for the user). Anything else, an
export that lets article text become Markdown structure, a paragraph that carries control
characters, or a Markdown article that does not read back as itself, is a bug.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from markdown_it import MarkdownIt

from newsdiff.core.article import Article
from newsdiff.core.compare import compare
from newsdiff.core.errors import InputError
from newsdiff.core.export import to_markdown
from newsdiff.core.loader import article_from_bytes
from newsdiff.core.markdown_article import article_from_markdown, dump_markdown_article
from newsdiff.core.serialize import comparison_json

SPLIT = b"\n\x00\x00\n"
"""Where one input splits into article A and article B (else it is halved)."""
_MARKDOWN = MarkdownIt("commonmark").enable("table").enable("strikethrough")
_ALLOWED_HTML = {"<del>", "</del>", "<ins>", "</ins>"}
_FORBIDDEN = {"link_open", "image", "code_inline", "code_block", "fence", "table_open"}


def split(data: bytes) -> tuple[bytes, bytes]:
    if SPLIT in data:
        first, second = data.split(SPLIT, 1)
        return first, second
    middle = len(data) // 2
    return data[:middle], data[middle:]


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _read_as(data: bytes, name: str) -> Article | None:
    """``data`` read as the file ``name`` says, or ``None`` after a proper one-line refusal."""
    try:
        return article_from_bytes(data, name)
    except InputError as exc:
        assert "\n" not in str(exc)
        return None


def exercise_readers(data: bytes) -> None:
    """The same bytes as a web page and as Markdown: clean paragraphs, and Markdown round-trips."""
    for name in ("page.html", "notes.md"):
        article = _read_as(data, name)
        if article is None:
            continue
        assert article.paragraphs
        for paragraph in article.paragraphs:
            assert paragraph.text and paragraph.text == paragraph.text.strip()
            assert not _CONTROL.search(paragraph.text), paragraph.text
        if name == "notes.md":
            again = article_from_markdown(dump_markdown_article(article), path=Path(name))
            assert [p.text for p in again.paragraphs] == [p.text for p in article.paragraphs]


def exercise(data: bytes) -> None:
    """Run one input through the whole pipeline, checking the promises that must always hold."""
    exercise_readers(data)
    raw_a, raw_b = split(data)
    try:
        a = article_from_bytes(raw_a, "a.txt")
        b = article_from_bytes(raw_b, "b.txt")
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    comparison = compare(a, b)
    for view in comparison.row_views():
        for paragraph in (*view.a, *view.b):
            assert "".join(paragraph.text[s.start : s.end] for s in paragraph.spans) == paragraph.text
    json.dumps(comparison_json(comparison), ensure_ascii=False)
    markdown = to_markdown(comparison)
    for token in _MARKDOWN.parse(markdown):
        for child in [token, *(token.children or [])]:
            if child.type in {"html_inline", "html_block"}:
                assert child.content.strip() in _ALLOWED_HTML, child.content
            assert child.type not in {
                "link_open",
                "image",
                "code_inline",
                "code_block",
                "fence",
                "table_open",
            }
