"""From paths on disk to articles, with a one-line error for anything that cannot be read."""

from __future__ import annotations

import re
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsdiff.core.article import Article, split_blocks
from newsdiff.core.assemble import article_from_blocks
from newsdiff.core.errors import InputError
from newsdiff.core.fetch import is_url
from newsdiff.core.metadata import load_metadata_file
from newsdiff.core.options import DEFAULT_MAX_BYTES, LoadOptions
from newsdiff.core.reading import open_without_waiting, read_at_most, size_text
from newsdiff.core.text import decode, looks_binary, sanitize

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES
"""What a folder's articles are named; any other file there is left alone."""
STDIN = "-"
"""The path that means "one article from standard input"."""
_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)


def parse_article(text: str, path: str, meta: dict[str, str] | None = None) -> Article:
    """Build an article from already-decoded plain text: paragraphs, boilerplate, metadata."""
    return article_from_blocks(split_blocks(sanitize(text)), path, meta)


def load_article(path: Path, meta: dict[str, str] | None = None, max_bytes: int | None = None) -> Article:
    """Read and parse one file (``-``: standard input); every failure becomes an ``InputError``
    naming the file."""
    if str(path) == STDIN:
        return article_from_bytes(read_stdin(max_bytes), STDIN, meta)
    return article_from_bytes(read_file_bytes(path, max_bytes), str(path), meta)


_RAISE_IT = "(raise it with --max-size or NEWSDIFF_MAX_BYTES)"


def read_file_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """A file's bytes, up to the size limit; every failure an ``InputError`` naming the file.

    Any reader of local files (articles, feeds) uses this, so the limit and messages are the same.
    """
    limit = max_bytes or DEFAULT_MAX_BYTES
    try:
        info = path.stat()
        size = info.st_size
        if size > limit:
            raise InputError(
                f"{path}: file is {size_text(size)}, over the {size_text(limit)} limit {_RAISE_IT}"
            )
        # Read at most one byte past the limit: a pipe, /dev/zero or a /proc file reports size 0,
        # and a file may grow after stat; none of them may fill the memory. In pieces, so a limit
        # of many gigabytes allocates nothing up front.
        # A FIFO is opened without waiting for a writer (reading.open_without_waiting).
        fifo = stat.S_ISFIFO(info.st_mode)
        with open_without_waiting(path) if fifo else path.open("rb") as handle:
            data = read_at_most(handle, limit)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputError(f"{path}: more than the {size_text(limit)} limit {_RAISE_IT}")
    return data


_stdin_data: bytes | None = None


def read_stdin(limit: int | None = None) -> bytes:
    """Standard input's bytes, read once (up to the limit) and kept, so ``-`` named twice, or
    checked before the app starts and loaded inside it, sees the same article."""
    global _stdin_data
    limit = limit or DEFAULT_MAX_BYTES
    if _stdin_data is None:
        stream = sys.stdin.buffer if sys.stdin is not None else None
        if stream is None:
            raise InputError(f"{STDIN}: standard input is closed")
        try:
            _stdin_data = read_at_most(stream, limit)
        except OSError as exc:
            raise InputError(f"{STDIN}: cannot read standard input: {exc.strerror or exc}") from None
    if len(_stdin_data) > limit:
        raise InputError(f"{STDIN}: more than the {size_text(limit)} limit {_RAISE_IT}")
    return _stdin_data


def article_kind(name: str, data: bytes) -> str:
    """``"html"``, ``"markdown"`` or ``"text"``: by the file's extension, else by its content (a
    page starting ``<!doctype html`` or ``<html``; Markdown with front matter; otherwise text)."""
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in TEXT_SUFFIXES or looks_binary(data):
        return "text"
    start = decode(data[:4096])
    if _HTML_START.match(start):
        return "html"
    from newsdiff.core.markdown_article import FRONT_MATTER

    if FRONT_MATTER.match(sanitize(start)):
        return "markdown"
    return "text"


def article_from_bytes(data: bytes, path: str, meta: dict[str, str] | None = None) -> Article:
    """Parse raw bytes as an article (text, Markdown or HTML, see ``article_kind``), refusing
    binary and empty input by message.

    Separate from the file reading so stdin, caches and the fuzz target take the same path.
    """
    kind = article_kind(path, data)
    if kind == "html":
        from newsdiff.core.html_article import article_from_html

        return article_from_html(data, path=Path(path), meta=meta)
    if looks_binary(data):
        raise InputError(f"{path}: looks like a binary file, not article text")
    text = decode(data)  # never fails: Latin-1, the last resort, maps every byte
    if kind == "markdown":
        from newsdiff.core.markdown_article import article_from_markdown

        return article_from_markdown(text, path=Path(path), meta=meta)
    article = parse_article(text, path, meta)
    if not article.paragraphs:
        raise InputError(f"{path}: the file is empty")
    return article


def natural_key(name: str) -> list[tuple[int, int | str]]:
    """Sort key that orders ``part2`` before ``part10`` (numbers by value), then by case-folded
    text; the name itself breaks ties, so the order is stable on every system."""
    pieces = re.split(r"(\d+)", name)
    return [(0, int(piece)) if piece.isdecimal() else (1, piece.casefold()) for piece in pieces]


def _folder_files(folder: Path) -> list[Path]:
    try:
        entries = sorted(folder.iterdir(), key=lambda p: (natural_key(p.name), p.name))
    except PermissionError:
        raise InputError(f"{folder}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{folder}: cannot list folder: {exc.strerror or exc}") from None
    # Only regular files (or links to them): opening a FIFO would wait for a writer forever, and
    # a device is no article. Named one by one on the command line, a pipe is still read.
    files = [
        p
        for p in entries
        if p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".") and p.is_file()
    ]
    if not files:
        raise InputError(f"{folder}: no articles here (looked for {', '.join(ARTICLE_SUFFIXES)} files)")
    return files


@dataclass(frozen=True, slots=True)
class LoadResult:
    """Articles that loaded, and one message per path that did not."""

    articles: list[Article]
    errors: list[str]


Source = Path | str
"""A file or folder, or a URL: kept as ``str``, since ``Path`` would fold its ``//``."""


def expand(paths: Iterable[Source]) -> list[Source]:
    """Files and URLs named directly, plus the article files of each folder (sorted by name)."""
    files: list[Source] = []
    for path in paths:
        if is_url(path):
            files.append(path)
            continue
        path = Path(path)
        files.extend(_folder_files(path) if str(path) != STDIN and path.is_dir() else [path])
    return files


def iter_load(
    paths: Sequence[Source], options: LoadOptions | None = None
) -> Iterator[tuple[int, int, Article | InputError]]:
    """Load article by article, yielding ``(done, total, article or error)`` for progress bars.

    A bad path, file or URL yields its error and loading goes on with the others. ``options``
    (size limit, timeout, refresh) are the defaults unless given: nothing is read from the
    environment.
    """
    options = options or LoadOptions()
    max_bytes = options.max_bytes
    files: list[Source | InputError] = []
    for path in paths:
        try:
            files.extend(expand([path]))
        except InputError as exc:
            files.append(exc)
    meta_cache: dict[Path, dict[str, dict[str, str]]] = {}
    for done, file in enumerate(files, start=1):
        if isinstance(file, InputError):
            yield done, len(files), file
            continue
        try:
            if isinstance(file, str):  # a URL, as expand() keeps them
                from newsdiff.core.fetch import load_url

                yield done, len(files), load_url(file, options)
                continue
            folder = file.parent
            if str(file) == STDIN:
                yield done, len(files), load_article(file, None, max_bytes)
                continue
            if folder not in meta_cache:
                meta_cache[folder] = load_metadata_file(folder)
            yield done, len(files), load_article(file, meta_cache[folder].get(file.name), max_bytes)
        except InputError as exc:
            yield done, len(files), exc


def load_paths(paths: Sequence[Source], options: LoadOptions | None = None) -> LoadResult:
    """Load every article under ``paths``; a bad file is reported and the others still load."""
    articles: list[Article] = []
    errors: list[str] = []
    for _, _, item in iter_load(paths, options):
        if isinstance(item, InputError):
            errors.append(str(item))
        else:
            articles.append(item)
    return LoadResult(articles, errors)
