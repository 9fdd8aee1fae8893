"""What sits above the rows: who is compared, the summary counts, the view state, column heads.

Source names and titles come from the articles, so they are placed into ``Content`` as plain
text, never formatted into markup.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from newsdiff.core.article import Article
from newsdiff.core.comparison.model import Comparison
from newsdiff.core.comparison.summary import coverage_sentence, mean_similarity_text
from newsdiff.core.wording import plural

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


SEPARATOR = " · "


def counts_parts(comparison: Comparison) -> list[str]:
    """What the comparison found, over body paragraphs (boilerplate is not part of the story),
    in the same words as ``newsdiff diff`` and the export:

    "7 pairs · 10 only in A · 1 only in B · mean similarity of pairs 0.32 · 50% of A and 84% of B
    have a counterpart". The coverage says how much of each article has a counterpart at all,
    which the mean (over pairs only) cannot: one good pair among many unpaired paragraphs would
    read 1.00.
    """
    summary = comparison.summary()
    return [
        plural(summary.pairs, "pair"),
        f"{summary.only_a} only in A",
        f"{summary.only_b} only in B",
        f"mean similarity of pairs {mean_similarity_text(summary)}",
        coverage_sentence(summary),
    ]


def pack(parts: list[str], width: int) -> Content:
    """The parts joined by " · ", broken into lines only between parts when ``width`` is short."""
    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1]) + len(SEPARATOR) + len(part) <= width:
            lines[-1] += SEPARATOR + part
        else:
            lines.append(part)
    return Content("\n").join(Content(line) for line in lines)


class Counts(Static):
    """The summary counts, re-packed into lines whenever the width changes."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Content(""), id=id, markup=False)
        self.parts: list[str] = []

    def show(self, parts: list[str]) -> None:
        self.parts = parts
        self.update(pack(parts, self.content_region.width or 80))

    def on_resize(self) -> None:
        if self.parts:
            self.update(pack(self.parts, self.content_region.width))


def state_content(
    word_level: bool,
    hide_identical: bool,
    hide_boilerplate: bool,
    cursor: int,
    shown: int,
    total: int,
    facts_only: bool = False,
    hide_unpaired: bool = False,
) -> Content:
    """The view state in words, so each toggle's effect is visible, and where the cursor is:
    "row 3 of 58 · view: words · identical: shown · boilerplate: dimmed" (and, while ``f``
    filters, "only pairs whose facts differ": numbers or names)."""
    if not shown:
        where = f"nothing shown ({total} rows in all)"
    else:
        where = f"row {cursor + 1} of {shown}" if cursor >= 0 else f"no row of {shown}"
        if shown != total:
            where += f" shown ({total} in all)"
    parts = [
        where,
        f"view: {'words' if word_level else 'paragraphs'}",
        f"identical: {'hidden' if hide_identical else 'shown'}",
        f"boilerplate: {'hidden' if hide_boilerplate else 'dimmed'}",
    ]
    if hide_unpaired:
        parts.append("unpaired: hidden")
    if facts_only:
        parts.append("only pairs whose facts differ")
    return Content.styled(" · ".join(parts), "dim")


class SummaryBar(Vertical):
    """Who is compared on the first line, what the comparison found below (wrapped if narrow)."""

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="sources", markup=False)
        yield Counts(id="counts")

    def show(self, comparison: Comparison, pairing: str = "") -> None:
        """``pairing``: what the screen says of the threshold ("few pairs: T pairs more loosely")."""
        self.query_one("#sources", Static).update(sources_content(comparison))
        self.query_one(Counts).show([*counts_parts(comparison), *([pairing] if pairing else [])])

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
