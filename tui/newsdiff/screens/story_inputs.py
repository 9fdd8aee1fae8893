"""What the story screen's ``o`` and ``S`` do: add articles (files, folders, pages, feeds) to the
open story, and save the story as a folder of Markdown files.

Fetching and extracting run in a thread worker (group ``"add"``) that reports each article to the
story screen's progress bar; escape cancels it, between two articles, and each fetch is bounded
by its own timeout. Kept out of ``story_screen`` so that screen stays about listing and picking.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import ProgressBar, Static
from textual.worker import get_current_worker

from newsdiff.core.article import Article
from newsdiff.core.errors import Cancelled, InputError
from newsdiff.core.fetch import is_url
from newsdiff.core.story_folder import plan_save, save_story, slug
from newsdiff.screens.confirm_dialog import ConfirmDialog
from newsdiff.screens.feed_picker import FeedPicker
from newsdiff.screens.open_dialog import OpenDialog, SaveDialog, resolve

if TYPE_CHECKING:
    from newsdiff.core.feeds import Feed, FeedEntry
    from newsdiff.screens.story_screen import StoryScreen

FEED_SUFFIXES = (".xml", ".rss", ".atom")
"""Files opened as feeds (a checklist of their entries) rather than as articles."""
ADD_GROUP = "add"


# -- opening -------------------------------------------------------------------------------------


def ask_open(screen: StoryScreen) -> None:
    """``o``: ask what to open, then open it in a worker."""

    def opened(value: str | None) -> None:
        if value:
            _start(screen, f"Opening {value}", partial(_open_worker, screen, value))

    screen.app.push_screen(OpenDialog(), opened)


def _start(screen: StoryScreen, label: str, job: partial[None]) -> None:
    screen.adding = True
    screen.refresh_bindings()
    screen.query_one("#loading").display = True
    screen.query_one("#loading-label", Static).update(Content.assemble(label, ("  · escape cancels", "dim")))
    screen.query_one(ProgressBar).update(total=None, progress=0)
    screen.run_worker(job, thread=True, group=ADD_GROUP, exclusive=True, name="add articles")


def _open_worker(screen: StoryScreen, value: str) -> None:
    """A URL is fetched once to see whether it is a page or a feed; a feed file shows its
    checklist; anything else (files, folders) loads as the command line would load it."""
    call = screen.app.call_from_thread
    worker = get_current_worker()
    try:
        if is_url(value):
            from newsdiff.core.fetch import article_from_fetched, fetch

            options = screen.load_options
            fetched = fetch(
                value,
                timeout=options.timeout,
                max_bytes=options.max_bytes,
                accept="any",
                should_stop=lambda: worker.is_cancelled,
            )
            if fetched.is_feed:
                from newsdiff.core.feeds import parse_feed

                feed = parse_feed(fetched.body, location=value, base_url=fetched.final_url)
                call(_pick, screen, replace(feed, note=fetched.note))
                return
            article = article_from_fetched(fetched)
            call(_finish, screen, [article], [], False, 1)
            return
        path = resolve(value)
        if path.is_file() and path.suffix.lower() in FEED_SUFFIXES:
            from newsdiff.core.feeds import read_feed

            call(_pick, screen, read_feed(path, max_bytes=screen.load_options.max_bytes))
            return
        _load_sources(screen, [path])
    except InputError as exc:
        call(_finish, screen, [], [str(exc)], False, 1)
    except Cancelled:
        call(_finish, screen, [], [], True, 1)


def _load_sources(screen: StoryScreen, sources: Sequence[Path | str]) -> None:
    """Load one source after another (files, folders, URLs), stopping early when cancelled."""
    from newsdiff.core.loader import iter_load

    call = screen.app.call_from_thread
    worker = get_current_worker()
    articles: list[Article] = []
    errors: list[str] = []
    total = 0
    for done, total, item in iter_load(sources, screen.load_options):
        if worker.is_cancelled:
            break
        if isinstance(item, InputError):
            errors.append(str(item))
        else:
            articles.append(item)
        call(_progress, screen, done, total, item)
    call(_finish, screen, articles, errors, worker.is_cancelled, total)


def _progress(screen: StoryScreen, done: int, total: int, item: Article | InputError) -> None:
    screen.query_one(ProgressBar).update(total=total, progress=done)
    name = item.name if isinstance(item, Article) else "(failed)"
    screen.query_one("#loading-label", Static).update(
        Content.assemble(f"{done} of {total}: ", (name, "bold"), ("  · escape cancels", "dim"))
    )


def _pick(screen: StoryScreen, feed: Feed) -> None:
    """Show the feed's checklist; the checked entries are fetched in a new worker."""
    _idle(screen)
    if not feed.entries:
        screen.notify(f"{feed.location}: the feed has no entries", severity="warning", markup=False)
        return

    def picked(entries: list[FeedEntry] | None) -> None:
        if entries:
            links: list[Path | str] = [e.link for e in entries]
            _start(screen, f"Fetching {len(links)} entries", partial(_load_sources, screen, links))

    screen.app.push_screen(FeedPicker(feed), picked)


def _idle(screen: StoryScreen) -> None:
    screen.adding = False
    screen.query_one("#loading").display = False
    screen.refresh_bindings()


def _finish(
    screen: StoryScreen, articles: list[Article], errors: list[str], cancelled: bool, total: int
) -> None:
    """Add what loaded, one notice per failure. What the story already holds is skipped, with a
    notice: the same path, or the same text under another path (a copy, a saved story's file)."""
    _idle(screen)
    for error in errors:
        screen.notify(error, title="Could not load", severity="warning", markup=False, timeout=8)
    known = {a.path: a for a in screen.articles}
    texts = {_text_key(a): a for a in screen.articles}
    new: list[Article] = []
    for article in articles:
        same = known.get(article.path) or texts.get(_text_key(article))
        if same is not None:
            also = "" if same.path == article.path else f" (the same text as {same.name})"
            screen.notify(f"{article.path}: already in the story{also}", markup=False, timeout=4)
            continue
        new.append(article)
        known[article.path] = texts[_text_key(article)] = article
    if new:
        screen.add_articles(new)
        screen.notify(f"Added {len(new)} article{'s' if len(new) != 1 else ''}.", markup=False, timeout=4)
    if cancelled:
        screen.notify(f"Stopped: {len(articles)} of {total} loaded.", markup=False, timeout=4)


def _text_key(article: Article) -> tuple[str, ...]:
    """An article's paragraphs: two files with the same ones are one article twice."""
    return tuple(p.text for p in article.paragraphs)


def cancel(screen: StoryScreen) -> None:
    """Escape while adding: the worker stops before its next article."""
    screen.workers.cancel_group(screen, ADD_GROUP)
    screen.query_one("#loading-label", Static).update(Content("Stopping…"))


# -- saving --------------------------------------------------------------------------------------


def ask_save(screen: StoryScreen) -> None:
    """``S``: ask for a folder (proposing one named after the first article), confirm before
    overwriting any file in it, then save in a worker."""
    first = screen.articles[0]
    proposal = f"./{slug(first.title, 5) or 'story'}"

    def chosen(value: str | None) -> None:
        if not value:
            return
        folder = resolve(value)
        try:
            existing = plan_save(screen.articles, folder).existing
        except InputError as exc:
            screen.notify(str(exc), severity="error", markup=False)
            return
        if not existing:
            _save(screen, folder, force=False)
            return
        names = ", ".join(p.name for p in existing[:3]) + (" …" if len(existing) > 3 else "")
        question = f"{len(existing)} file(s) already in {folder}: {names}. Overwrite them?"
        screen.app.push_screen(
            ConfirmDialog(question), lambda yes: _save(screen, folder, force=True) if yes else None
        )

    screen.app.push_screen(SaveDialog(proposal), chosen)


def _save(screen: StoryScreen, folder: Path, *, force: bool) -> None:
    articles = list(screen.articles)

    def job() -> None:
        try:
            written = save_story(articles, folder, force=force)
        except InputError as exc:
            screen.app.call_from_thread(screen.notify, str(exc), severity="error", markup=False)
            return
        message = f"Saved {len(written)} articles to {folder}"
        screen.app.call_from_thread(screen.notify, message, title="Story saved", markup=False)

    screen.run_worker(job, thread=True, group="save", exclusive=True, name="save story")
