"""The first screen: load the story's articles, list them, let the reader choose A and B.

Loading runs in a thread worker (files can be large, folders many) and reports per file, so the
progress bar moves and each unreadable file becomes one notification while the others load.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, ProgressBar, Static

from newsdiff.core.article import Article
from newsdiff.core.errors import InputError
from newsdiff.core.loader import Source, iter_load
from newsdiff.core.options import LoadOptions
from newsdiff.core.search import Hit, Matches
from newsdiff.core.worddiff import DiffOptions
from newsdiff.screens.app_settings import app_settings
from newsdiff.screens.article_url import open_article_url
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.reader_screen import ReaderScreen
from newsdiff.screens.search_mixin import SEARCH_ACTIONS, SearchableScreen
from newsdiff.screens.story_inputs import StoryInputs
from newsdiff.widgets.article_table import ArticleTable
from newsdiff.widgets.key_footer import KeyFooter
from newsdiff.widgets.search_bar import SearchBar
from newsdiff.widgets.story_details import TITLE, Location, details_content

SHORT_WINDOW = 30
"""Below this many lines the details pane gets fewer, so the table keeps room for its rows."""


class StoryScreen(StoryInputs, SearchableScreen[Location]):
    """The articles of the story, with A and B marks; opens the comparison screen."""

    AREA = "story"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "compare", "compare", id="story.compare", tooltip="compare the articles marked A and B"),
        Binding("q", "app.quit", "quit", id="story.quit", tooltip="quit newsdiff"),
        Binding(
            "slash",
            "search",
            "search",
            id="story.search",
            tooltip="search the titles and text of all articles",
            priority=True,  # see SearchBar.open: keys typed right after "/" must reach the input
        ),
        Binding("n", "next_match", "next", id="story.next-match", tooltip="go to the next search match"),
        Binding(
            "N",
            "previous_match",
            "prev",
            id="story.previous-match",
            tooltip="go to the previous search match",
        ),
        Binding(
            "escape",
            "clear_search",
            "clear search",
            id="story.clear-search",
            show=False,
            tooltip="clear the search",
        ),
        Binding(
            "o",
            "open",
            "open",
            id="story.open",
            tooltip="add articles: a file, folder, page URL or feed (a checklist of its entries)",
        ),
        Binding(
            "S",
            "save",
            "save",
            id="story.save",
            show=False,
            tooltip="save the story as a folder of Markdown files that reopens the same",
        ),
        Binding(
            "escape",
            "cancel_adding",
            "cancel",
            id="story.cancel-adding",
            tooltip="stop fetching or loading the articles being added",
        ),
        Binding(
            "O",
            "open_url",
            "browser",
            id="story.open-url",
            show=False,
            tooltip="open the highlighted article's URL in the browser",
        ),
        Binding(
            "C",
            "coverage",
            "coverage",
            id="story.coverage",
            tooltip="which sources carry which report (all articles)",
        ),
        Binding(
            "L",
            "lineage",
            "lineage",
            id="story.lineage",
            tooltip="how much each article reuses each other one",
        ),
        Binding(
            "Q",
            "quotes",
            "quotes",
            id="story.quotes",
            tooltip="who is quoted saying what, and how each outlet words it (all articles)",
        ),
    ]

    def __init__(
        self,
        paths: Sequence[Source],
        load_options: LoadOptions | None = None,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.load_options = load_options or LoadOptions()
        self.articles: list[Article] = []
        self.errors: list[str] = []
        self.loaded = False
        self._search_origin = 0
        self.adding = False
        """True while articles opened with ``o`` are being fetched or loaded."""

    @property
    def threshold(self) -> float:
        """The settings' pairing threshold, for the story-wide views (read, never copied)."""
        return app_settings(self).threshold

    @property
    def options(self) -> DiffOptions:
        return app_settings(self).diff_options()

    def compose(self) -> ComposeResult:
        yield Static(Content("newsdiff · loading…"), id="story-title", markup=False)
        with Vertical(id="loading"):
            yield Static(Content("Loading articles…"), id="loading-label", markup=False)
            yield ProgressBar(id="progress", show_eta=False)
        yield ArticleTable(id="articles")
        yield Static(Content(""), id="hint", markup=False)
        yield Static(Content(""), id="details", markup=False)
        yield Static(Content(""), id="empty", markup=False)
        yield SearchBar(id="story-search")
        yield KeyFooter()

    def on_resize(self) -> None:
        self._fit_height()

    def on_screen_resume(self) -> None:
        self._fit_height()

    def _fit_height(self) -> None:
        """The app's size, not this screen's last resize: it may have changed while covered."""
        self.set_class(self.app.size.height < SHORT_WINDOW, "-short")

    def on_mount(self) -> None:
        self._fit_height()
        self.query_one(ArticleTable).display = False
        self.query_one("#empty").display = False
        self._load()

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        for done, total, item in iter_load(self.paths, self.load_options):
            self.app.call_from_thread(self._loaded_one, done, total, item)
        self.app.call_from_thread(self._loaded_all)

    def _loaded_one(self, done: int, total: int, item: Article | InputError) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)
        if isinstance(item, InputError):
            self.errors.append(str(item))
            self.notify(str(item), title="Could not load", severity="warning", markup=False, timeout=8)
        else:
            self.articles.append(item)
            self.query_one("#loading-label", Static).update(Content.assemble("Loaded ", (item.name, "bold")))

    def _loaded_all(self) -> None:
        self.loaded = True
        self.refresh_bindings()
        self.query_one("#loading").display = False
        count = len(self.articles)
        self.query_one("#story-title", Static).update(
            Content.assemble(("newsdiff", "bold"), f" · {count} article{'s' if count != 1 else ''}")
        )
        if count < 2:
            self._show_empty(count)
            return
        table = self.query_one(ArticleTable)
        table.display = True
        table.set_articles(self.articles)
        table.focus()

    def _show_empty(self, count: int) -> None:
        """Nothing (or one article) loaded: say so on screen, with the paths that were tried."""
        tried = ", ".join(str(path) for path in self.paths) or "(no paths)"
        if count == 0:
            message = f"No article could be loaded from: {tried}"
        else:
            message = f"Only one article loaded from {tried}; newsdiff needs two to compare."
        lines = [
            message,
            "",
            "Give newsdiff articles (text, Markdown, web pages), folders or URLs, e.g. newsdiff story/.",
            "Press o to add articles (a file, folder, URL or feed), q to quit.",
        ]
        if self.errors:
            lines[1:1] = ["", *self.errors[:10]]
        empty = self.query_one("#empty", Static)
        empty.update(Content("\n".join(lines)))
        empty.display = True
        self.set_focus(None)

    def on_article_table_marks_changed(self, _: ArticleTable.MarksChanged) -> None:
        table = self.query_one(ArticleTable)
        parts: list[Content | str | tuple[str, str]] = []
        for side in ("a", "b"):
            index = table.marks.get(side)
            name = table.articles[index].name if index is not None else "(none)"
            parts += [(f" {side.upper()} ", "bold reverse"), " ", (name, "bold"), "   "]
        step = (
            "space: pick B and open"
            if table.a_chosen
            else "space: pick A · a/b: mark · c: compare · enter: read"
        )
        parts.append((step, "dim"))
        self.query_one("#hint", Static).update(Content.assemble(*parts))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_details(event.cursor_row)

    def _show_details(self, row: int) -> None:
        """The row's details; during a search, with its current (or first) match."""
        table = self.query_one(ArticleTable)
        if not 0 <= row < len(table.articles):
            return
        hit = None
        if self.matches:
            current = self.matches.current
            hit = current if current and current.location[0] == row else None
            hit = hit or next((h for h in self.matches.hits if h.location[0] == row), None)
        query = self.query_one(SearchBar).query_text
        self.query_one("#details", Static).update(details_content(table.articles[row], hit, query))

    def on_article_table_read(self, event: ArticleTable.Read) -> None:
        self.app.push_screen(ReaderScreen(event.article, self.articles))

    def on_article_table_open(self, event: ArticleTable.Open) -> None:
        self.app.push_screen(CompareScreen(event.a, event.b))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``c`` is greyed out while loading, and hidden when fewer than two articles loaded
        (the screen says why in words)."""
        if action in ("compare", "coverage", "lineage"):
            if not self.loaded:
                return None
            return len(self.articles) >= 2
        if action == "quotes":  # one article's quotations are worth listing too
            return None if not self.loaded else bool(self.articles)
        if action in SEARCH_ACTIONS and not self.search_allowed(action):
            return False
        if action in ("search", "open_url"):
            return bool(self.articles) and self.query_one(ArticleTable).display
        if action == "cancel_adding":
            return self.adding
        if action in ("open", "save"):
            if not self.loaded or self.adding:
                return None
            return action == "open" or bool(self.articles)
        return True

    def action_compare(self) -> None:
        table = self.query_one(ArticleTable)
        if table.articles:
            table.open()

    # -- search (SearchableScreen: / n N escape) ----------------------------------------------

    def action_search(self) -> None:
        self._search_origin = self.query_one(ArticleTable).cursor_row
        super().action_search()

    def search_start(self) -> Callable[[Location], bool]:
        """From the row where the search began."""
        origin = self._search_origin
        return lambda location: location[0] >= origin

    def search_focus(self) -> None:
        self.query_one(ArticleTable).focus()

    def search_texts(self) -> list[tuple[Location, str]]:
        """Every title and paragraph, in table order. A title that is also text of the article
        (a headline line, or a lead's first sentence) is searched once, in its paragraph."""
        texts: list[tuple[Location, str]] = []
        for row, article in enumerate(self.query_one(ArticleTable).articles):
            if not any(article.title in p.text for p in article.paragraphs):
                texts.append(((row, TITLE), article.title))
            texts.extend(((row, p.index), p.text) for p in article.paragraphs)
        return texts

    def show_matches(self, matches: Matches[Location] | None) -> None:
        """Each row's count of hits in the table (the rows past a truncated search's last hit say
        so); no counts, and the row's plain details, when the search ends."""
        table = self.query_one(ArticleTable)
        if matches is None:
            table.set_hits(None)
            self._show_details(table.cursor_row)
            return
        cut = matches.hits[-1].location[0] if matches.truncated else None
        counts = matches.count_by(lambda loc: loc[0])
        table.set_hits({row: count for row, count in counts.items() if isinstance(row, int)}, cut)

    def go_to_match(self, hit: Hit[Location] | None, previous: Hit[Location] | None) -> None:
        table = self.query_one(ArticleTable)
        if hit is None:
            self._show_details(table.cursor_row)
            return
        if table.cursor_row != hit.location[0]:
            table.move_cursor(row=hit.location[0])
        self._show_details(hit.location[0])

    def action_coverage(self) -> None:
        from newsdiff.screens.coverage_screen import CoverageScreen

        self.app.push_screen(CoverageScreen(self.articles))

    def action_lineage(self) -> None:
        from newsdiff.screens.lineage_screen import LineageScreen

        self.app.push_screen(LineageScreen(self.articles))

    def action_quotes(self) -> None:
        from newsdiff.screens.quotes_screen import QuotesScreen

        self.app.push_screen(QuotesScreen(self.articles))

    # -- adding articles (o), saving the story (S), cancelling: see StoryInputs -----------------

    def add_articles(self, articles: Sequence[Article]) -> None:
        """Articles opened with ``o`` join the story, listed after the others."""
        self.articles.extend(articles)
        self.query_one("#empty").display = False
        self._loaded_all()

    def action_open_url(self) -> None:
        table = self.query_one(ArticleTable)
        if 0 <= table.cursor_row < len(table.articles):
            open_article_url(self, table.articles[table.cursor_row])
