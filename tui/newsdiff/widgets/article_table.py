"""The story's articles as a table, where the reader marks source A and source B.

Titles and outlets are article text: cells are ``rich.text.Text`` objects built from plain
strings, because ``DataTable`` parses a ``str`` cell as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from newsdiff.core.article import Article
from newsdiff.widgets.fit_table import FitTable, Flex, ellipsis_text
from newsdiff.widgets.nav_keys import nav_bindings

Side = Literal["a", "b"]
MARK_STYLE = "bold reverse"
FLEX = (Flex("source", 10, 24, 0.35), Flex("title", 16))
"""Source and title share what the other columns leave: at 80 columns every column still shows."""


class ArticleTable(FitTable):
    """Articles, one per row, with an ``A``/``B`` mark column.

    Enter (or ``r``, or a click on the highlighted row) asks to read the article whole. Space
    picks: the first space marks the highlighted row as A, the second marks it as B and asks to
    open the comparison. ``a`` and ``b`` mark directly; marking a side on the row that holds the
    other side exchanges them, so A and B are always two different articles. The last column
    shows how many search matches each article holds while a search is active.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,r", "read", "read", id="story.read", tooltip="read the highlighted article whole"),
        Binding(
            "space",
            "pick",
            "pick A/B",
            id="story.pick",
            tooltip="first space picks A, the second B and opens the comparison",
        ),
        Binding(
            "a",
            "mark('a')",
            "mark A",
            id="story.mark-a",
            show=False,
            tooltip="mark the highlighted article as A",
        ),
        Binding(
            "b",
            "mark('b')",
            "mark B",
            id="story.mark-b",
            show=False,
            tooltip="mark the highlighted article as B",
        ),
        *nav_bindings("story", "article"),
    ]

    class MarksChanged(Message):
        """A or B moved; the screen updates its hint line."""

    class Open(Message):
        """The reader chose two articles and wants them compared."""

        def __init__(self, a: Article, b: Article) -> None:
            self.a = a
            self.b = b
            super().__init__()

    class Read(Message):
        """The reader wants to read one article whole."""

        def __init__(self, article: Article) -> None:
            self.article = article
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(FLEX, id=id, cursor_type="row", zebra_stripes=True)
        self.articles: list[Article] = []
        self.marks: dict[Side, int] = {}
        self.a_chosen = False
        """True once the reader picked A this round, so the next space picks B."""

    def on_mount(self) -> None:
        self.add_column(Text("A/B"), key="mark", width=3)
        self.add_column(Text("Source"), key="source", width=24)
        self.add_column(Text("Title"), key="title", width=52)
        self.add_column(Text("Date"), key="date", width=10)
        self.add_column(Text("Words", justify="right"), key="words")
        self.add_column(Text("¶", justify="right"), key="paragraphs")
        self.add_column(Text(""), key="hits", width=5)
        self.fit_columns()

    def set_articles(self, articles: Sequence[Article]) -> None:
        """Fill the table; by default A is the first article and B the second."""
        self.articles = list(articles)
        self.clear()
        for index, article in enumerate(self.articles):
            self.add_row(
                Text(""),
                ellipsis_text(article.name),
                ellipsis_text(article.title),
                Text(article.date or "—"),
                Text(str(article.word_count), justify="right"),
                Text(str(len(article.paragraphs)), justify="right"),  # as the reader counts them
                Text(""),
                key=str(index),
            )
        self.marks = {}
        if len(self.articles) >= 2:
            self._set_marks({"a": 0, "b": 1})

    def _set_marks(self, marks: dict[Side, int]) -> None:
        for index in self.marks.values():
            self.update_cell(str(index), "mark", Text(""))
        self.marks = marks
        for side, index in marks.items():
            self.update_cell(str(index), "mark", Text(f" {side.upper()} ", style=MARK_STYLE))
        self.post_message(self.MarksChanged())

    def mark(self, side: Side, index: int) -> None:
        """Mark row ``index`` as ``side``; the other side takes this side's old row if they collide."""
        other: Side = "b" if side == "a" else "a"
        marks = dict(self.marks)
        if marks.get(other) == index:
            if side in marks:
                marks[other] = marks[side]
            else:
                del marks[other]
        marks[side] = index
        self._set_marks(marks)

    def action_mark(self, side: Side) -> None:
        if self.articles:
            self.mark(side, self.cursor_row)
            if side == "a":
                self.a_chosen = True

    def action_pick(self) -> None:
        if not self.articles:
            return
        if not self.a_chosen:
            self.mark("a", self.cursor_row)
            self.a_chosen = True
            return
        if self.marks.get("a") == self.cursor_row:
            self.notify("That article is already A: pick another one as B.", markup=False)
            return
        self.mark("b", self.cursor_row)
        self.a_chosen = False
        self.open()

    def open(self) -> None:
        """Ask to compare the marked articles (if both are marked)."""
        if "a" in self.marks and "b" in self.marks:
            self.post_message(self.Open(self.articles[self.marks["a"]], self.articles[self.marks["b"]]))
        else:
            self.notify("Mark two articles first (a and b).", markup=False)

    def set_hits(self, counts: dict[int, int] | None, cut: int | None = None) -> None:
        """Show each article's number of search matches (``None``: no search, the column empties).

        ``cut``: the row where a search stopped at its limit; its count is a minimum (``12+``)
        and the rows after it were not searched (``?``).
        """
        column = self.columns.get(ColumnKey("hits"))
        if column is not None:
            column.label = Text("" if counts is None else "Found", justify="right")
            self._clear_caches()
        for index in range(len(self.articles)):
            count = (counts or {}).get(index, 0)
            label = "" if counts is None else str(count) if count else "·"
            if cut is not None and index >= cut:
                label = f"{count}+" if index == cut else "?"
            self.update_cell(
                str(index), "hits", Text(label, justify="right", style="bold" if count else "dim")
            )

    def action_read(self) -> None:
        if self.articles and 0 <= self.cursor_row < len(self.articles):
            self.post_message(self.Read(self.articles[self.cursor_row]))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """A click on the highlighted row reads it, like enter."""
        event.stop()
        self.action_read()
