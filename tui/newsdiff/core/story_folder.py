"""A story saved as a folder of Markdown files, one per article, that reopens exactly.

Each file has YAML front matter (title, outlet, url, date, author, fetched-at) and the article's
paragraphs, escaped so that reading it back gives the same paragraphs (``dump_markdown_article``).
Names start with the article's place in the story (``01-``, ``02-`` ...) because a folder opens in
name order: the reopened story lists its articles in the order they were saved. Then come the
outlet and the title, slugged, so the folder reads well in a file manager and in ``git log``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsdiff.core.article import Article
from newsdiff.core.errors import InputError

SLUG_WORDS = 8
"""A title's first words are enough to tell files apart; the front matter has it whole."""
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str, words: int = SLUG_WORDS) -> str:
    """``"Kim backs Putin's 'sacred fight'"`` -> ``"kim-backs-putin-s-sacred-fight"``: lower-case
    ASCII letters and digits only (accents folded), safe as a file name on every system."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    parts = [part for part in _NOT_SLUG.split(folded) if part]
    return "-".join(parts[:words])


def file_names(articles: Sequence[Article]) -> list[str]:
    """One distinct ``NN-outlet--title.md`` name per article, in story order."""
    width = max(2, len(str(len(articles))))
    names: list[str] = []
    for number, article in enumerate(articles, start=1):
        outlet = slug(article.outlet or "", 4)
        title = slug(article.title) or "article"
        stem = f"{number:0{width}d}-{outlet}--{title}" if outlet else f"{number:0{width}d}-{title}"
        names.append(f"{stem}.md")
    return names


@dataclass(frozen=True, slots=True)
class SavePlan:
    """Where each article would go, and which of those files exist already."""

    folder: Path
    targets: list[tuple[Article, Path]]

    @property
    def existing(self) -> list[Path]:
        return [path for _, path in self.targets if path.exists()]


def plan_save(articles: Sequence[Article], folder: Path) -> SavePlan:
    """The files a save would write; refuses a folder that is a file."""
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: is a file, not a folder")
    names = file_names(articles)
    return SavePlan(folder, [(a, folder / name) for a, name in zip(articles, names, strict=True)])


def save_story(
    articles: Sequence[Article],
    folder: Path,
    *,
    force: bool = False,
    on_saved: Callable[[Path], None] | None = None,
) -> list[Path]:
    """Write every article into ``folder`` (created if missing) and return the files written.

    Nothing is overwritten without ``force``: if any target exists, nothing at all is written, so
    a story is never half replaced. Each file is written atomically (``files.write_atomic``).
    """
    from newsdiff.core.files import write_atomic
    from newsdiff.core.markdown_article import dump_markdown_article

    if not articles:
        raise InputError(f"{folder}: no articles to save")
    plan = plan_save(articles, folder)
    existing = plan.existing
    if existing and not force:
        shown = ", ".join(path.name for path in existing[:3]) + (" …" if len(existing) > 3 else "")
        count = f"{len(existing)} file{'s' if len(existing) != 1 else ''}"
        raise InputError(f"{folder}: {count} already there ({shown}); use --force to overwrite")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{folder}: cannot create the folder: {exc.strerror or exc}") from None
    written: list[Path] = []
    for article, path in plan.targets:
        write_atomic(path, dump_markdown_article(article), force=force)
        written.append(path)
        if on_saved is not None:
            on_saved(path)
    return written
