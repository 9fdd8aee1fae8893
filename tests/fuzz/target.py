"""The fuzz target: arbitrary bytes through loading, cleaning, alignment, diff and export, and
through the web-page and Markdown readers; the same bytes also become a folder's metadata file, a
file name, and an HTTP reply's status phrase, headers and body (``exercise_hostile``).

The only acceptable failure is ``InputError`` (a one-line message for the user). Anything else, an
export that lets article text become Markdown structure, a paragraph that carries control
characters, or a Markdown article that does not read back as itself, is a bug.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from markdown_it import MarkdownIt

from newsdiff.core.article import Article
from newsdiff.core.comparison.model import compare
from newsdiff.core.errors import InputError
from newsdiff.core.fetch import _read_body, _reason, _refuse_type
from newsdiff.core.loader import article_from_bytes, load_paths
from newsdiff.core.markdown_article import article_from_markdown, dump_markdown_article
from newsdiff.core.metadata import METADATA_FILE
from newsdiff.core.render.json import comparison_json
from newsdiff.core.render.markdown import to_markdown
from newsdiff.core.untrusted import json_text

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
    exercise_hostile(data)
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


_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
"""What must never reach a terminal or an export raw: controls, bidi overrides, lone surrogates."""
_STORY = (
    b"The council approved the new budget on Tuesday evening after a long debate.\n\n"
    b"Opponents said the library lost too much money, the clerk told reporters.\n"
)


def _safe_error(exc: InputError) -> None:
    assert not _UNSAFE.search(str(exc)), repr(str(exc))


def _safe_output(articles: list[Article], *, exported: bool = False) -> None:
    """Metadata and names are one line with nothing unsafe in them (and, if ``exported``, so is
    every export made of them: a comparison per input is most of this target's cost)."""
    for article in articles:
        for value in (
            article.path,
            article.name,
            article.title,
            article.outlet,
            article.byline,
            article.date,
        ):
            assert value is None or not _UNSAFE.search(value), repr(value)
    if exported and len(articles) >= 2:
        comparison = compare(articles[0], articles[1])
        for text in (to_markdown(comparison), json_text(comparison_json(comparison))):
            assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]", text)


def exercise_metadata_and_names(data: bytes) -> None:
    """``data`` as a folder's ``newsdiff.toml`` (raw, and as every field's value) and as a file name."""
    text = data.decode("utf-8", errors="replace")
    as_value = json.dumps(text[:300])  # a TOML basic string, most of the time
    fields = "".join(f"{key} = {as_value}\n" for key in ("outlet", "title", "date", "byline", "url"))
    name = os.fsdecode(data[:100].replace(b"/", b"_").replace(b"\0", b"_")) + ".txt"
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        variants = (data, f'["a.txt"]\n{fields}["b.txt"]\n{fields}'.encode(errors="surrogatepass"))
        for exported, metadata in enumerate(variants):
            (root / METADATA_FILE).write_bytes(metadata)
            (root / "a.txt").write_bytes(_STORY)
            (root / "b.txt").write_bytes(_STORY.replace(b"Tuesday", b"Monday"))
            try:
                result = load_paths([root])
            except InputError as exc:
                _safe_error(exc)
                continue
            for error in result.errors:
                assert not _UNSAFE.search(error), repr(error)
            _safe_output(result.articles, exported=bool(exported))
        (root / METADATA_FILE).unlink()
        try:
            (root / name).write_bytes(data if len(data) % 2 else _STORY)
        except (OSError, ValueError):
            return  # a name the file system refuses (too long): nothing to read
        result = load_paths([root / name, root / "a.txt"])
        for error in result.errors:
            assert "\n" not in error and not _UNSAFE.search(error), repr(error)
        _safe_output(result.articles)


class _Streamed(httpx.SyncByteStream):
    """A body as a server streams it, in pieces (httpx reads a ``ByteStream`` at once)."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def __iter__(self) -> Iterator[bytes]:
        for start in range(0, len(self.body), 7):
            yield self.body[start : start + 7]


def exercise_http(data: bytes) -> None:
    """``data`` as what a server says: a reason phrase, a Content-Type, a Content-Encoding and a
    body; every refusal is one safe line, and a body is never more than its limit."""
    first, rest = split(data)
    phrase = first.decode("latin-1")
    for status in (404, 599, 999):
        _safe_error(InputError(f"http://x/: {status} {_reason(status, phrase)}"))
    _safe_error(_refuse_type("http://x/", phrase.split(";", 1)[0].strip().lower(), "page"))
    encoding = phrase[:40]
    for header in (encoding, "gzip", "deflate", "gzip, " + encoding):
        try:
            headers = [("content-encoding", header.encode("latin-1"))]
            response = httpx.Response(200, headers=headers, stream=_Streamed(rest))
        except (ValueError, TypeError):
            continue
        try:
            body = _read_body(response, "http://x/", 1000, time.monotonic(), 60.0, None)
        except InputError as exc:
            _safe_error(exc)
            continue
        assert len(body) <= 1000


def exercise_hostile(data: bytes) -> None:
    exercise_metadata_and_names(data)
    exercise_http(data)
