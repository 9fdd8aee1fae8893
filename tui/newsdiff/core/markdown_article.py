"""Markdown articles with YAML front matter: how a saved story is kept, edited and reopened.

The front matter carries the metadata (``title``, ``outlet``, ``url``, ``date``, ``author``,
``fetched-at``), read with ``yaml.safe_load`` so nothing in it is ever executed. The body is parsed
with markdown-it-py (CommonMark) into plain paragraphs: emphasis and links become their text,
headings, list items and quoted paragraphs stay paragraphs of their own. ``dump_markdown_article``
escapes text so that reading the file back gives exactly the same paragraphs.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdiff.core.article import Article
from newsdiff.core.assemble import article_from_blocks
from newsdiff.core.errors import InputError
from newsdiff.core.text import one_line, sanitize

if TYPE_CHECKING:
    from markdown_it.token import Token

MARKDOWN_SUFFIXES = (".md", ".markdown")
FRONT_MATTER_KEYS = ("title", "outlet", "url", "date", "author", "fetched-at")
"""Front matter keys newsdiff reads and writes (``author`` is the article's byline)."""
_FIELD_OF_KEY = {"author": "byline", "byline": "byline", "site_name": "outlet", "source": "outlet"}
FRONT_MATTER = re.compile(
    r"\A---[ \t]*\n(?=[A-Za-z_][\w -]*:)(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL
)
"""YAML front matter: ``---`` on the first line, straight away a ``key:`` line, up to ``---`` or
``...``. A ``---`` followed by a blank line or prose is a thematic break, not front matter."""
# Characters that mean something anywhere in a line (emphasis, code, links, HTML, entities, and
# for GitHub's reader tables and strikethrough), and those that do only at a line's start (headings,
# list items, setext underlines, ordered-list numbers). A backslash makes any of them literal;
# the rest of the text is left as written, so a saved story stays readable.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>&|~])")
_LINE_START = re.compile(r"^([ \t]*)([#+=-])", re.MULTILINE)
_LIST_NUMBER = re.compile(r"^([ \t]*\d+)([.)])", re.MULTILINE)
# Spaces and tabs at a line's start or end would be trimmed by the parser: written as references.
_EDGE_BLANKS = re.compile(r"^[ \t]+|[ \t]+$", re.MULTILINE)


def split_front_matter(text: str, path: Path) -> tuple[dict[str, str], str]:
    """The front matter as {field: text} (newsdiff's field names) and the body after it."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    import yaml

    try:
        data = yaml.load(match.group(1), Loader=_loader_class())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise InputError(f"{path}: the front matter is not valid YAML{where}") from None
    except RecursionError:  # PyYAML composes nested lists recursively: [[[[…]]]]
        raise InputError(f"{path}: the front matter is nested too deeply") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"{path}: the front matter is not a set of 'key: value' lines")
    fields: dict[str, str] = {}
    for key, value in data.items():
        name = _FIELD_OF_KEY.get(str(key), str(key))
        if value is None or isinstance(value, (dict, list)):
            continue
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()
        text_value = one_line(sanitize(str(value)))
        if text_value:
            fields[name] = text_value
    return fields, text[match.end() :]


def _loader_class() -> type[Any]:
    """PyYAML's SafeLoader without timestamp parsing, so dates and times stay exactly as written
    (``2024-01-01T10:00:00Z`` would otherwise come back as ``2024-01-01T10:00:00+00:00``)."""
    import yaml

    class _TextDates(yaml.SafeLoader):  # type: ignore[misc]
        pass

    _TextDates.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return _TextDates


def _inline_text(token: Token) -> str:
    """An inline token's plain text: emphasis and links become their words, images their alt text;
    a hard line break stays a line break (``dump`` writes one for every newline in a paragraph)."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in {"text", "code_inline", "html_inline"}:
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline_text(child))
    return "".join(parts)


def markdown_paragraphs(body: str) -> list[str]:
    """The body's paragraphs in order: one per paragraph, heading, list item paragraph, quoted
    paragraph, code block or HTML block; thematic breaks and empty blocks are dropped."""
    from markdown_it import MarkdownIt

    paragraphs: list[str] = []
    for token in MarkdownIt("commonmark").parse(body):
        if token.type == "inline":
            text = _inline_text(token).strip()
        elif token.type in {"fence", "code_block", "html_block"}:
            # Lines of code or HTML, shown as text: no indentation, no blank lines inside.
            text = "\n".join(line.strip() for line in token.content.split("\n") if line.strip())
        else:
            continue
        if text:
            paragraphs.append(text)
    return paragraphs


def article_from_markdown(text: str, *, path: Path, meta: dict[str, str] | None = None) -> Article:
    """A Markdown article (decoded text), its front matter as stated metadata.

    ``meta`` is the folder's ``newsdiff.toml`` entry, as for text files.
    """
    text = sanitize(text)
    stated, body = split_front_matter(text, path)
    paragraphs = markdown_paragraphs(body)
    if not paragraphs:
        raise InputError(f"{path}: the file is empty" if not body.strip() else f"{path}: no article text")
    return article_from_blocks(paragraphs, str(path), meta, stated)


def escape_paragraph(text: str) -> str:
    """One paragraph as Markdown that reads back as exactly ``text``: characters Markdown reads as
    syntax backslash-escaped, blanks at a line's edges written as character references (the
    parser would trim them), and each newline a hard line break."""
    escaped = _ANYWHERE.sub(r"\\\1", text)
    escaped = _LINE_START.sub(r"\1\\\2", escaped)
    escaped = _LIST_NUMBER.sub(r"\1\\\2", escaped)
    escaped = _EDGE_BLANKS.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group()), escaped)
    return escaped.replace("\n", "\\\n")


def _front_matter(article: Article, fetched_at: str | None) -> str:
    import yaml

    values: dict[str, Any] = {
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "date": article.date,
        "author": article.byline,
        "fetched-at": fetched_at or article.extra.get("fetched-at"),
    }
    present = {key: str(value) for key, value in values.items() if value}
    dumped: str = yaml.safe_dump(present, allow_unicode=True, sort_keys=False, width=1_000_000)
    return f"---\n{dumped}---\n"


def dump_markdown_article(article: Article, *, fetched_at: str | None = None) -> str:
    """The article as Markdown with YAML front matter; ``article_from_markdown`` of the result has
    exactly the same paragraphs, boilerplate included, and the same metadata."""
    body = "\n\n".join(escape_paragraph(p.text) for p in article.paragraphs)
    return f"{_front_matter(article, fetched_at)}\n{body}\n"
