"""The stories the subscriptions formed across outlets, and a stored story or version history.

``StoriesScreen`` lists the store's stories newest first (when, how many outlets and articles, how
many of them unread, the outlets, the first headline); ``enter`` opens one on the story screen
(its articles then count as read), ``R`` refreshes the feeds in a worker with a progress bar
(``esc`` stops it after the fetches in flight). A stored story
opens on ``StoredStoryScreen``: the story screen itself (compare, read, coverage...), its articles
read from the store instead of files, plus ``v``: every version of the highlighted article on the
same screen, so any two versions are compared with the same comparison screen.

Everything shown is untrusted text from feeds: cells are ``Text`` built from plain strings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, ProgressBar, Static

from newsdiff.core.article import Article
from newsdiff.core.errors import InputError
from newsdiff.core.store.records import StoryRow
from newsdiff.screens.app_settings import app_settings
from newsdiff.screens.story_screen import StoryScreen
from newsdiff.widgets.article_table import ArticleTable
from newsdiff.widgets.fit_table import FitTable, Flex

if TYPE_CHECKING:
    from newsdiff.core.refresh import Refresher

LISTED = 500
"""Stories shown: the newest this many."""
FLEX = (Flex("from", 10, 40, 0.5), Flex("headline", 16))
"""The outlets column takes half of what the counts leave, at most 40; the headline the rest
(at 80 columns the headline was pushed off the screen by a 40-column outlets list)."""


def story_articles(story_id: int, store_url: str | None = None) -> list[Article]:
    """The story's articles as stored (each one's latest version), oldest first; they now count
    as read."""
    from newsdiff.core.stamps import now_stamp
    from newsdiff.core.store.database import Store
    from newsdiff.core.versions import version_article

    with Store.open(store_url) as store:
        story = store.story(story_id)
        if story is None:
            raise InputError(f"story {story_id} is no longer in the store")
        found = []
        for record, _ in story.members:
            version = store.latest_version(record.id)
            if version is not None:
                found.append(version_article(version, record.url))
        store.mark_read([record.id for record, _ in story.members], at=now_stamp())
    return found


def article_versions(url: str, store_url: str | None = None) -> list[Article]:
    """Every stored version of the article at ``url``, each labelled with its number and time."""
    from newsdiff.core.store.database import Store
    from newsdiff.core.versions import version_article

    with Store.open(store_url) as store:
        record = store.article(url)
        if record is None:
            raise InputError(f"{url}: not in the store")
        return [version_article(v, url, label=True) for v in store.versions(record.id)]


class StoredStoryScreen(StoryScreen):
    """The story screen on articles from the store; ``v`` shows the highlighted one's versions."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "v",
            "versions",
            "versions",
            id="stored.versions",
            tooltip="every stored version of the highlighted article, to compare any two",
        ),
        Binding(
            "q", "back", "back", id="stored.back", tooltip="back to the stories (the story screen's q quits)"
        ),
    ]

    def __init__(
        self,
        label: str,
        source: Callable[[], list[Article]],
    ) -> None:
        super().__init__([])
        self.label = label
        self.source = source

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        try:
            items: list[Article | InputError] = list(self.source())
        except InputError as exc:
            items = [exc]
        for done, item in enumerate(items, start=1):
            self.app.call_from_thread(self._loaded_one, done, len(items), item)
        self.app.call_from_thread(self._loaded_all)

    def _loaded_all(self) -> None:
        super()._loaded_all()
        count = len(self.articles)
        self.query_one("#story-title", Static).update(
            Content.assemble(
                ("newsdiff", "bold"), f" · {self.label} · {count} article{'s' if count != 1 else ''}"
            )
        )

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_versions(self) -> None:
        table = self.query_one(ArticleTable)
        if not (table.articles and 0 <= table.cursor_row < len(table.articles)):
            return
        article = table.articles[table.cursor_row]
        url = article.path
        store_url = app_settings(self).store_url
        screen = StoredStoryScreen(f"versions of {article.name}", lambda: article_versions(url, store_url))
        self.app.push_screen(screen)


class StoriesScreen(Screen[None]):
    """The store's stories, newest first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_story", "open", id="stories.open", tooltip="open the highlighted story"),
        Binding(
            "R",
            "refresh_feeds",
            "refresh",
            id="stories.refresh",
            tooltip="fetch the subscribed feeds and their articles now, keeping every new version",
        ),
        Binding("escape", "stop_or_back", "back", id="stories.back", tooltip="stop refreshing, or go back"),
        Binding("q", "back", "back", id="stories.quit", show=False, tooltip="back to the previous screen"),
    ]

    DEFAULT_CSS = """
    StoriesScreen #stories { height: 1fr; }
    StoriesScreen #stories-hint { height: auto; padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.stories: list[StoryRow] = []
        self.refresher: Refresher | None = None
        """The refresh running in the worker, if any (``esc`` stops it)."""

    def compose(self) -> ComposeResult:
        yield Static(Content("newsdiff · stories"), id="stories-title", markup=False)
        yield ProgressBar(id="refresh-progress", show_eta=False)
        yield FitTable(FLEX, id="stories", cursor_type="row", zebra_stripes=True)
        yield Static(Content("Loading stories…"), id="stories-hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False
        table = self.query_one(FitTable)
        for label, key, width in (
            ("Newest", "newest", None),
            ("Outlets", "outlets", None),
            ("Articles", "articles", None),
            ("Unread", "unread", None),
            ("From", "from", None),
            ("Headline", "headline", None),
        ):
            table.add_column(Text(label), key=key, width=width)
        table.fit_columns()
        self._list()

    @work(thread=True, exclusive=True, group="stories")
    def _list(self) -> None:
        from newsdiff.core.store.database import Store

        try:
            with Store.open(app_settings(self).store_url) as store:
                listing = store.story_listing(LISTED)
        except InputError as exc:
            self.app.call_from_thread(self._show_problem, str(exc))
            return
        self.app.call_from_thread(self._show, listing)

    def _show_problem(self, message: str) -> None:
        self.query_one("#stories-hint", Static).update(Content(message))

    def _show(self, listing: list[StoryRow]) -> None:
        from newsdiff.core.stamps import human_time

        self.stories = listing
        table = self.query_one(FitTable)
        table.clear()
        for story in listing:
            headline = story.members[0][0].title if story.members else ""
            table.add_row(
                Text(human_time(story.newest)),
                Text(str(len(story.outlets)), justify="right"),
                Text(str(len(story.members)), justify="right"),
                Text(str(story.unread) if story.unread else "", justify="right"),
                Text(", ".join(story.outlets), overflow="ellipsis", no_wrap=True),
                Text(headline, overflow="ellipsis", no_wrap=True),
                key=str(story.id),
            )
        table.fit_columns()  # the counts' columns are as wide as their widest row now
        count = len(listing)
        self.query_one("#stories-title", Static).update(
            Content.assemble(("newsdiff", "bold"), f" · {count} stor{'y' if count == 1 else 'ies'}")
        )
        hint = (
            "enter: open the story · R: refresh the feeds · esc: back"
            if listing
            else "No stories yet: subscribe to feeds (newsdiff subscribe URL), then press R to refresh."
        )
        self.query_one("#stories-hint", Static).update(Content(hint))
        table.focus()

    def on_screen_resume(self) -> None:
        # Back from a story: its articles are read now, and a refresh may have run meanwhile.
        if self.stories:
            self._list()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # The table's own enter (and a click on the highlighted row) selects the row.
        event.stop()
        self.action_open_story()

    def action_open_story(self) -> None:
        table = self.query_one(FitTable)
        if not self.stories or not 0 <= table.cursor_row < len(self.stories):
            return
        story = self.stories[table.cursor_row]
        story_id = story.id
        store_url = app_settings(self).store_url
        screen = StoredStoryScreen(f"story {story_id}", lambda: story_articles(story_id, store_url))
        self.app.push_screen(screen)

    def action_refresh_feeds(self) -> None:
        if self.refresher is not None:
            return
        bar = self.query_one(ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self._refresh()

    @work(thread=True, exclusive=True, group="refresh")
    def _refresh(self) -> None:
        from newsdiff.core.refresh import Refresher
        from newsdiff.core.store.database import Store

        def progress(done: int, total: int, label: str) -> None:
            self.app.call_from_thread(self._progress, done, total, label)

        def problem(message: str) -> None:
            self.app.call_from_thread(
                self.notify, message, title="Refresh", severity="warning", markup=False, timeout=8
            )

        try:
            with Store.open(app_settings(self).store_url) as store:
                refresher = Refresher(store, on_progress=progress, on_error=problem)
                self.refresher = refresher
                report = refresher.run()
            summary = report.summary()
        except InputError as exc:
            summary = str(exc)
        finally:
            self.refresher = None
        self.app.call_from_thread(self._refreshed, summary)

    def _progress(self, done: int, total: int, label: str) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)
        self.query_one("#stories-hint", Static).update(Content(f"Refreshing: {done} of {total}: {label}"))

    def _refreshed(self, summary: str) -> None:
        self.query_one(ProgressBar).display = False
        self.notify(summary, title="Refresh", markup=False, timeout=8)
        self._list()

    def action_stop_or_back(self) -> None:
        if self.refresher is not None:
            self.refresher.stop()
            return
        self.action_back()

    def action_back(self) -> None:
        self.app.pop_screen()
