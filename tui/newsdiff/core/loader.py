"""From paths on disk to articles, with a one-line error for anything that cannot be read."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsdiff.core.article import Article, Paragraph, split_blocks
from newsdiff.core.clean import classify, split_mixed_blocks
from newsdiff.core.errors import InputError
from newsdiff.core.metadata import lead_title, load_metadata_file, read_text_metadata
from newsdiff.core.text import decode, looks_binary, sanitize

ARTICLE_SUFFIXES = (".txt", ".text")
DEFAULT_MAX_BYTES = 10_000_000
"""Files above this are refused with a message; ``--max-size`` or NEWSDIFF_MAX_BYTES raise it."""


def max_bytes_from_env() -> int:
    """The size limit, from NEWSDIFF_MAX_BYTES when set to a positive whole number."""
    value = os.environ.get("NEWSDIFF_MAX_BYTES", "")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_MAX_BYTES


def parse_article(text: str, path: str, meta: dict[str, str] | None = None) -> Article:
    """Build an article from already-decoded text: paragraphs, boilerplate, metadata."""
    meta = meta or {}
    blocks = split_mixed_blocks(split_blocks(sanitize(text)))
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
        title=meta.get("title") or title,
        outlet=found.outlet or meta.get("outlet"),
        paragraphs=paragraphs,
        date=found.date or meta.get("date"),
        byline=found.byline or meta.get("byline"),
        url=meta.get("url"),
    )


def size_text(count: int) -> str:
    """A byte count as people say it: ``950 bytes``, ``1 kB``, ``10 MB``, ``20.5 MB`` (decimal units,
    as ``--max-size`` reads them)."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if count >= scale:
            return f"{count / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{count} bytes"


def load_article(path: Path, meta: dict[str, str] | None = None, max_bytes: int | None = None) -> Article:
    """Read and parse one file; every failure becomes an ``InputError`` naming the file."""
    limit = max_bytes or max_bytes_from_env()
    raise_it = "(raise it with --max-size or NEWSDIFF_MAX_BYTES)"
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                f"{path}: file is {size_text(size)}, over the {size_text(limit)} limit {raise_it}"
            )
        # Read at most one byte past the limit: a pipe, /dev/zero or a /proc file reports size 0,
        # and a file may grow after stat; none of them may fill the memory.
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise InputError(f"{path}: more than the {size_text(limit)} limit {raise_it}")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return article_from_bytes(data, str(path), meta)


def article_from_bytes(data: bytes, path: str, meta: dict[str, str] | None = None) -> Article:
    """Parse raw bytes as an article, refusing binary, undecodable and empty input by message.

    Separate from the file reading so stdin, caches and the fuzz target take the same path.
    """
    if looks_binary(data):
        raise InputError(f"{path}: looks like a binary file, not article text")
    try:
        text = decode(data)
    except UnicodeDecodeError:
        raise InputError(f"{path}: cannot decode the text (not UTF-8, UTF-16 or Latin-1)") from None
    article = parse_article(text, path, meta)
    if not article.paragraphs:
        raise InputError(f"{path}: the file is empty")
    return article


def _folder_files(folder: Path) -> list[Path]:
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except PermissionError:
        raise InputError(f"{folder}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{folder}: cannot list folder: {exc.strerror or exc}") from None
    files = [p for p in entries if p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")]
    if not files:
        raise InputError(f"{folder}: no articles here (looked for {', '.join(ARTICLE_SUFFIXES)} files)")
    return files


@dataclass(frozen=True, slots=True)
class LoadResult:
    """Articles that loaded, and one message per path that did not."""

    articles: list[Article]
    errors: list[str]


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus the article files of each folder (sorted by name)."""
    files: list[Path] = []
    for path in paths:
        files.extend(_folder_files(path) if path.is_dir() else [path])
    return files


def iter_load(
    paths: Sequence[Path], max_bytes: int | None = None
) -> Iterator[tuple[int, int, Article | InputError]]:
    """Load article by article, yielding ``(done, total, article or error)`` for progress bars.

    A bad path or file yields its error and loading goes on with the others.
    """
    files: list[Path | InputError] = []
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
            folder = file.parent
            if folder not in meta_cache:
                meta_cache[folder] = load_metadata_file(folder)
            yield done, len(files), load_article(file, meta_cache[folder].get(file.name), max_bytes)
        except InputError as exc:
            yield done, len(files), exc


def load_paths(paths: Sequence[Path], max_bytes: int | None = None) -> LoadResult:
    """Load every article under ``paths``; a bad file is reported and the others still load."""
    articles: list[Article] = []
    errors: list[str] = []
    for _, _, item in iter_load(paths, max_bytes):
        if isinstance(item, InputError):
            errors.append(str(item))
        else:
            articles.append(item)
    return LoadResult(articles, errors)
