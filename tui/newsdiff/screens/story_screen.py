"""The first screen: load the story's articles, list them, let the reader choose A and B.

Loading runs in a thread worker (files can be large, folders many) and reports per file, so the
progress bar moves and each unreadable file becomes one notification while the others load.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, ProgressBar, Static

from newsdiff.core.align import DEFAULT_THRESHOLD
from newsdiff.core.article import Article
from newsdiff.core.errors import InputError
from newsdiff.core.loader import iter_load
from newsdiff.core.worddiff import DiffOptions
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.widgets.article_table import ArticleTable

SHORT_WINDOW = 30
"""Below this many lines the details pane gets fewer, so the table keeps room for its rows."""
DETAILS_CHARS = 600
"""The details pane shows a few lines: longer values are cut here rather than wrapped whole."""


def _cut(text: str) -> str:
    return text if len(text) <= DETAILS_CHARS else text[:DETAILS_CHARS] + "…"


def details_content(article: Article) -> Content:
    """The highlighted article's metadata and lead, as plain text with labels."""
    lines = [
        Content.assemble(("Title  ", "dim"), (_cut(article.title), "bold")),
        Content.assemble(("Source ", "dim"), _cut(article.name)),
        Content.assemble(("Byline ", "dim"), _cut(article.byline or "—")),
        Content.assemble(("File   ", "dim"), _cut(article.path)),
    ]
    if article.url:
        lines.append(Content.assemble(("URL    ", "dim"), _cut(article.url)))
    lead = next((p.text for p in article.body if p.text != article.title), None)
    if lead:
        lines.append(Content.assemble(("Lead   ", "dim"), (_cut(lead), "italic")))
    return Content("\n").join(lines)


class StoryScreen(Screen[None]):
    """The articles of the story, with A and B marks; opens the comparison screen."""

    AREA = "story"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "compare", "compare", id="story.compare", tooltip="compare the articles marked A and B"),
        Binding("q", "app.quit", "quit", id="story.quit", tooltip="quit newsdiff"),
    ]

    def __init__(
        self,
        paths: Sequence[Path],
        threshold: float = DEFAULT_THRESHOLD,
        options: DiffOptions | None = None,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.threshold = threshold
        self.options = options or DiffOptions()
        self.articles: list[Article] = []
        self.errors: list[str] = []
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Static(Content("newsdiff · loading…"), id="story-title", markup=False)
        with Vertical(id="loading"):
            yield Static(Content("Loading articles…"), id="loading-label", markup=False)
            yield ProgressBar(id="progress", show_eta=False)
        yield ArticleTable(id="articles")
        yield Static(Content(""), id="hint", markup=False)
        yield Static(Content(""), id="details", markup=False)
        yield Static(Content(""), id="empty", markup=False)
        yield Footer()

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
        for done, total, item in iter_load(self.paths):
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
            "Give newsdiff text files or folders of them, e.g. newsdiff story/.",
            "Press q to quit.",
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
        step = "enter: pick B and open" if table.a_chosen else "enter: pick A · c: compare now"
        parts.append((step, "dim"))
        self.query_one("#hint", Static).update(Content.assemble(*parts))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        table = self.query_one(ArticleTable)
        if 0 <= event.cursor_row < len(table.articles):
            self.query_one("#details", Static).update(details_content(table.articles[event.cursor_row]))

    def on_article_table_open(self, event: ArticleTable.Open) -> None:
        self.app.push_screen(CompareScreen(event.a, event.b, self.threshold, self.options))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``c`` is greyed out while loading, and hidden when fewer than two articles loaded
        (the screen says why in words)."""
        if action == "compare":
            if not self.loaded:
                return None
            return len(self.articles) >= 2
        return True

    def action_compare(self) -> None:
        table = self.query_one(ArticleTable)
        if table.articles:
            table.open()
