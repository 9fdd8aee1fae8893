"""What to say about a source (title, file, date, byline, address), the same in every output."""

from __future__ import annotations

from pathlib import Path

from newsdiff.core.article import Article
from newsdiff.core.seeds import seeds_dir
from newsdiff.core.text import one_line

SOURCE_LABELS = {"title": "Title", "file": "File", "date": "Date", "byline": "Byline", "url": "Address"}
"""The captions of ``source_details``' keys, in display order (the Markdown and HTML exports)."""

BUNDLED = "newsdiff's bundled example"


def shown_path(path: str) -> str:
    """A file of the bundled example story as ``newsdiff's bundled example (001_….txt)``, not
    the install folder's path (a virtualenv's site-packages says nothing to the reader); any other
    path as given."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate.resolve().relative_to(seeds_dir().resolve())
        except (ValueError, OSError):
            return path
        return f"{BUNDLED} ({candidate.name})"
    return path


def source_details(article: Article) -> dict[str, str]:
    """What to say about a source besides its name, each on one line, nothing said twice.

    Keys, in display order: ``title``, ``file``, ``date``, ``byline``, ``url``; a key is missing
    when the value is unknown or repeats the name or an earlier value. With no outlet known, the
    name is the file name, so the path is shown only when it adds a folder; and a title that fell
    back to the file name (an article with no body text) is not shown at all.
    """
    file_name = one_line(article.path.replace("\\", "/").rsplit("/", 1)[-1])
    seen = {one_line(article.name)}
    details: dict[str, str] = {}
    for key, value in (
        ("title", article.title),
        ("file", shown_path(article.path)),
        ("date", article.date),
        ("byline", article.byline),
        ("url", article.url),
    ):
        folded = one_line(value or "")
        if key == "title" and folded == file_name:
            continue  # the loader's stand-in for a missing title, not a title
        if folded and folded not in seen:
            details[key] = folded
            seen.add(folded)
    return details
