"""The fuzz target: arbitrary bytes through loading, cleaning, alignment, diff and export.

The only acceptable failure is ``InputError`` (a one-line message for the user). Anything else, or
an export that lets article text become Markdown structure, is a bug.
"""

from __future__ import annotations

import json

from markdown_it import MarkdownIt

from newsdiff.core.compare import compare
from newsdiff.core.errors import InputError
from newsdiff.core.export import to_markdown
from newsdiff.core.loader import article_from_bytes
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


def exercise(data: bytes) -> None:
    """Run one input through the whole pipeline, checking the promises that must always hold."""
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
