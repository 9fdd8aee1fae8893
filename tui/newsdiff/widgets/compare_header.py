"""What sits above the rows: who is compared, the summary counts, the view state, column heads.

Source names and titles come from the articles, so they are placed into ``Content`` as plain
text, never formatted into markup.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from newsdiff.core.article import Article
from newsdiff.core.compare import Comparison

SIDE_STYLE = "bold reverse"


def sources_content(comparison: Comparison) -> Content:
    """ "A The Associated Press  vs  B Reuters": who is on which side."""
    return Content.assemble(
        (" A ", SIDE_STYLE),
        " ",
        (comparison.a.name, "bold"),
        "  vs  ",
        (" B ", SIDE_STYLE),
        " ",
        (comparison.b.name, "bold"),
    )


def counts_content(comparison: Comparison) -> Content:
    """ "7 pairs · 10 only in A · 1 only in B · mean 0.32" (body paragraphs only)."""
    summary = comparison.summary()
    return Content(
        f"{summary.pairs} pairs · {summary.only_a} only in A · {summary.only_b} only in B"
        f" · mean similarity {summary.mean_similarity:.2f}"
    )


def state_content(
    word_level: bool, hide_identical: bool, hide_boilerplate: bool, shown: int, total: int
) -> Content:
    """The view state in words, so each toggle's effect is visible: "view: words · identical: shown..."."""
    parts = [
        f"view: {'words' if word_level else 'paragraphs'}",
        f"identical: {'hidden' if hide_identical else 'shown'}",
        f"boilerplate: {'hidden' if hide_boilerplate else 'dimmed'}",
        f"{shown} of {total} rows",
    ]
    return Content.styled(" · ".join(parts), "dim")


class SummaryBar(Horizontal):
    """Sources on the left, summary counts on the right."""

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="sources", markup=False)
        yield Static(Content(""), id="counts", markup=False)

    def show(self, comparison: Comparison) -> None:
        self.query_one("#sources", Static).update(sources_content(comparison))
        self.query_one("#counts", Static).update(counts_content(comparison))

    def waiting(self, a: Article, b: Article) -> None:
        """Shown while the alignment runs."""
        self.query_one("#sources", Static).update(
            Content.assemble("Aligning ", (a.name, "bold"), " and ", (b.name, "bold"), "…")
        )

    def failed(self, message: str) -> None:
        self.query_one("#sources", Static).update(Content(message))


def column_head(side: str, article: Article) -> Content:
    """A column heading: side letter, source name, title."""
    return Content.assemble(
        (f" {side} ", SIDE_STYLE), " ", (article.name, "bold"), " — ", (article.title, "italic")
    )


class ColumnHeads(Horizontal):
    """Headings laid out like a row (gutter, A, B) so they sit exactly above their columns."""

    def compose(self) -> ComposeResult:
        yield Static(Content("sim"), classes="gutter", markup=False)
        yield Static(Content(""), id="head-a", classes="cell", markup=False)
        yield Static(Content(""), id="head-b", classes="cell", markup=False)

    def show(self, a: Article, b: Article) -> None:
        self.query_one("#head-a", Static).update(column_head("A", a))
        self.query_one("#head-b", Static).update(column_head("B", b))
