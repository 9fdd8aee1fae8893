"""What the story screen's ``o``, ``S`` and escape-while-adding do: add articles (files, folders,
pages, feeds) to the open story, and save the story as a folder of Markdown files.

Fetching and extracting run in a thread worker (group ``"add"``) that reports each article to the
story screen's progress bar; escape cancels it, between two articles, and each fetch is bounded
by its own timeout. A base class of ``StoryScreen``, kept apart so that screen stays about listing
and picking (and this module never imports it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.content import Content
from textual.screen import Screen
from textual.widgets import ProgressBar, Static
from textual.worker import get_current_worker

from newsdiff.core.article import Article
from newsdiff.core.errors import Cancelled, InputError
from newsdiff.core.fetch import is_url
from newsdiff.core.options import LoadOptions
from newsdiff.core.story_folder import plan_save, save_story, slug
from newsdiff.screens.confirm_dialog import ConfirmDialog
from newsdiff.screens.feed_picker import FeedPicker
from newsdiff.screens.open_dialog import OpenDialog, SaveDialog, resolve

if TYPE_CHECKING:
    from newsdiff.core.feeds import Feed, FeedEntry

FEED_SUFFIXES = (".xml", ".rss", ".atom")
"""Files opened as feeds (a checklist of their entries) rather than as articles."""
ADD_GROUP = "add"


class StoryInputs(Screen[None]):
    """The story screen's adding and saving; the story screen supplies its articles and options."""

    articles: list[Article]
    load_options: LoadOptions
    adding: bool
    """True while articles opened with ``o`` are being fetched or loaded."""

    def add_articles(self, articles: Sequence[Article]) -> None:
        """Put newly loaded articles into the story (the story screen lists them)."""
        raise NotImplementedError

    # -- opening ---------------------------------------------------------------------------------

    def action_open(self) -> None:
        """``o``: ask what to open, then open it in a worker."""

        def opened(value: str | None) -> None:
            if value:
                self._start_adding(f"Opening {value}", partial(self._open_worker, value))

        self.app.push_screen(OpenDialog(), opened)

    def _start_adding(self, label: str, job: partial[None]) -> None:
        self.adding = True
        self.refresh_bindings()
        self.query_one("#loading").display = True
        self.query_one("#loading-label", Static).update(
            Content.assemble(label, ("  · escape cancels", "dim"))
        )
        self.query_one(ProgressBar).update(total=None, progress=0)
        self.run_worker(job, thread=True, group=ADD_GROUP, exclusive=True, name="add articles")

    def _open_worker(self, value: str) -> None:
        """A URL is fetched once to see whether it is a page or a feed; a feed file shows its
        checklist; anything else (files, folders) loads as the command line would load it."""
        call = self.app.call_from_thread
        worker = get_current_worker()
        try:
            if is_url(value):
                from newsdiff.core.fetch import article_from_fetched, fetch

                options = self.load_options
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
                    call(self._pick_entries, replace(feed, note=fetched.note))
                    return
                article = article_from_fetched(fetched)
                call(self._finish_adding, [article], [], False, 1)
                return
            path = resolve(value)
            if path.is_file() and path.suffix.lower() in FEED_SUFFIXES:
                from newsdiff.core.feeds import read_feed

                call(self._pick_entries, read_feed(path, max_bytes=self.load_options.max_bytes))
                return
            self._load_sources([path])
        except InputError as exc:
            call(self._finish_adding, [], [str(exc)], False, 1)
        except Cancelled:
            call(self._finish_adding, [], [], True, 1)

    def _load_sources(self, sources: Sequence[Path | str]) -> None:
        """Load one source after another (files, folders, URLs), stopping early when cancelled."""
        from newsdiff.core.loader import iter_load

        call = self.app.call_from_thread
        worker = get_current_worker()
        articles: list[Article] = []
        errors: list[str] = []
        total = 0
        for done, total, item in iter_load(sources, self.load_options):
            if worker.is_cancelled:
                break
            if isinstance(item, InputError):
                errors.append(str(item))
            else:
                articles.append(item)
            call(self._adding_progress, done, total, item)
        call(self._finish_adding, articles, errors, worker.is_cancelled, total)

    def _adding_progress(self, done: int, total: int, item: Article | InputError) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)
        name = item.name if isinstance(item, Article) else "(failed)"
        self.query_one("#loading-label", Static).update(
            Content.assemble(f"{done} of {total}: ", (name, "bold"), ("  · escape cancels", "dim"))
        )

    def _pick_entries(self, feed: Feed) -> None:
        """Show the feed's checklist; the checked entries are fetched in a new worker."""
        self._adding_idle()
        if not feed.entries:
            self.notify(f"{feed.location}: the feed has no entries", severity="warning", markup=False)
            return

        def picked(entries: list[FeedEntry] | None) -> None:
            if entries:
                links: list[Path | str] = [e.link for e in entries]
                self._start_adding(f"Fetching {len(links)} entries", partial(self._load_sources, links))

        self.app.push_screen(FeedPicker(feed), picked)

    def _adding_idle(self) -> None:
        self.adding = False
        self.query_one("#loading").display = False
        self.refresh_bindings()

    def _finish_adding(self, articles: list[Article], errors: list[str], cancelled: bool, total: int) -> None:
        """Add what loaded, one notice per failure. What the story already holds is skipped, with
        a notice: the same path, or the same text under another path (a copy, a saved story's file)."""
        self._adding_idle()
        for error in errors:
            self.notify(error, title="Could not load", severity="warning", markup=False, timeout=8)
        known = {a.path: a for a in self.articles}
        texts = {_text_key(a): a for a in self.articles}
        new: list[Article] = []
        for article in articles:
            same = known.get(article.path) or texts.get(_text_key(article))
            if same is not None:
                also = "" if same.path == article.path else f" (the same text as {same.name})"
                self.notify(f"{article.path}: already in the story{also}", markup=False, timeout=4)
                continue
            new.append(article)
            known[article.path] = texts[_text_key(article)] = article
        if new:
            self.add_articles(new)
            self.notify(f"Added {len(new)} article{'s' if len(new) != 1 else ''}.", markup=False, timeout=4)
        if cancelled:
            self.notify(f"Stopped: {len(articles)} of {total} loaded.", markup=False, timeout=4)

    def action_cancel_adding(self) -> None:
        """Escape while adding: the worker stops before its next article."""
        self.workers.cancel_group(self, ADD_GROUP)
        self.query_one("#loading-label", Static).update(Content("Stopping…"))

    # -- saving ----------------------------------------------------------------------------------

    def action_save(self) -> None:
        """``S``: ask for a folder (proposing one named after the first article), confirm before
        overwriting any file in it, then save in a worker."""
        first = self.articles[0]
        proposal = f"./{slug(first.title, 5) or 'story'}"

        def chosen(value: str | None) -> None:
            if not value:
                return
            folder = resolve(value)
            try:
                existing = plan_save(self.articles, folder).existing
            except InputError as exc:
                self.notify(str(exc), severity="error", markup=False)
                return
            if not existing:
                self._save_story(folder, force=False)
                return
            names = ", ".join(p.name for p in existing[:3]) + (" …" if len(existing) > 3 else "")
            question = f"{len(existing)} file(s) already in {folder}: {names}. Overwrite them?"
            self.app.push_screen(
                ConfirmDialog(question), lambda yes: self._save_story(folder, force=True) if yes else None
            )

        self.app.push_screen(SaveDialog(proposal), chosen)

    def _save_story(self, folder: Path, *, force: bool) -> None:
        articles = list(self.articles)

        def job() -> None:
            try:
                written = save_story(articles, folder, force=force)
            except InputError as exc:
                self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
                return
            message = f"Saved {len(written)} articles to {folder}"
            self.app.call_from_thread(self.notify, message, title="Story saved", markup=False)

        self.run_worker(job, thread=True, group="save", exclusive=True, name="save story")


def _text_key(article: Article) -> tuple[str, ...]:
    """An article's paragraphs: two files with the same ones are one article twice."""
    return tuple(p.text for p in article.paragraphs)
