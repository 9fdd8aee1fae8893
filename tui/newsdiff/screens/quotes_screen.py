"""Quotes: who is quoted saying what, and how each outlet words it.

The list has one row per utterance (speaker, how many outlets quote it, its first words), the most
widely quoted first; an utterance only one outlet quotes says so in its own column, readable
without colour. Enter opens one utterance: each outlet's wording under its name, with the words it
has that the first (fullest) wording lacks underlined and the words of the first it drops between
shared words struck through. All article text reaches the screen as ``Content`` objects, never
markup.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from newsdiff.core.quotes import (
    QuoteCluster,
    find_quote_clusters,
    split_edges,
    variant_credit,
    variant_segments,
)
from newsdiff.core.steps import CancelCheck, Progress
from newsdiff.core.text import one_line
from newsdiff.core.wording import plural
from newsdiff.screens.story_view import StoryViewScreen, back_binding
from newsdiff.widgets.diff_text import DELETE_STYLE, INSERT_STYLE
from newsdiff.widgets.fit_table import FitTable, Flex, ellipsis_text
from newsdiff.widgets.key_footer import KeyFooter
from newsdiff.widgets.nav_keys import nav_bindings, navigate

SINGLE_FLAG = "only one outlet"
UNATTRIBUTED = "unattributed"
FIRST_WORDS = 56
"""Characters of an utterance's fullest wording shown in its row."""
MAX_ROWS = 5_000
"""A story of thousands of articles has thousands of utterances; the JSON and Markdown have all."""


def cluster_title(cluster: QuoteCluster) -> str:
    speaker = one_line(cluster.speaker) if cluster.speaker else UNATTRIBUTED
    flag = f" · {SINGLE_FLAG}" if cluster.single_outlet else ""
    return f"{speaker} · {plural(cluster.articles, 'outlet')}{flag}"


def first_words(cluster: QuoteCluster, width: int = FIRST_WORDS) -> str:
    text = cluster.first_words
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


LEAVES_OUT = "leaves out: "


def marked_wording(reference: str, text: str) -> Content:
    """One outlet's wording exactly as it quotes it, its own words underlined; the words of the
    first wording it drops follow on a line of their own, struck, so they never break the quote
    (interleaved, they made a quotation impossible to read verbatim)."""
    parts: list[tuple[str, str] | str] = []
    dropped: list[str] = []
    for fragment, kind in variant_segments(reference, text):
        if kind == "delete":
            dropped.append(fragment.strip())
        elif kind == "equal":
            parts.append(fragment)
        else:
            lead, core, trail = split_edges(fragment)
            parts += [lead, (core, INSERT_STYLE), trail]
    wording = Content.assemble(*parts)
    if not dropped:
        return wording
    left_out: list[tuple[str, str] | str] = [(LEAVES_OUT, "dim")]
    for k, words in enumerate(dropped):
        left_out += [("  ·  ", "dim")] if k else []
        left_out.append((words, DELETE_STYLE))
    return Content.assemble(wording, "\n", *left_out)


class QuotesTable(FitTable):
    """The utterances, one per row; the moving keys have the quotes' ids (for help and keymaps)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "screen.open_cluster",
            "open",
            id="quotes.open",
            tooltip="show how each outlet words this utterance",
        ),
        *nav_bindings("quotes", "utterance"),
    ]
    """On the table, not the screen: the table's own enter would hide it from the help."""


class QuotesScreen(StoryViewScreen[list[QuoteCluster]]):
    """Every utterance quoted in the story, most widely quoted first."""

    AREA = "quotes"
    WHAT = "finding quotes"
    DEFAULT_CSS = """
    QuotesScreen #quotes-summary { height: auto; padding: 0 1; color: $text-muted; }
    QuotesScreen #quotes-table { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        back_binding("quotes"),
    ]

    def title_text(self) -> str:
        return f"Quotes · {plural(len(self.articles), 'article')}"

    def compose_view(self) -> ComposeResult:
        yield Static(Content(""), id="quotes-summary", markup=False)
        flex = (Flex("speaker", 10, 26, 0.3), Flex("quote", 20))
        yield QuotesTable(flex, id="quotes-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.query_one("#quotes-table").display = False
        super().on_mount()

    def compute(self, cancelled: CancelCheck, progress: Progress) -> list[QuoteCluster]:
        def report(done: int, total: int) -> None:
            share = done / max(1, total)
            progress(share, "extracting quotations" if share < 0.7 else "grouping them by utterance")

        return find_quote_clusters(self.articles, report, cancelled)

    def show_result(self, result: list[QuoteCluster]) -> None:
        table = self.query_one("#quotes-table", FitTable)
        table.add_column(Text("#"), key="number")
        table.add_column(Text("outlets"), key="outlets")
        table.add_column(Text(""), key="flag")
        table.add_column(Text("speaker"), key="speaker")
        table.add_column(Text("quote"), key="quote")
        rows = []
        for number, cluster in enumerate(result[:MAX_ROWS], start=1):
            speaker = one_line(cluster.speaker) if cluster.speaker else UNATTRIBUTED
            rows.append(
                [
                    Text(str(number), justify="right"),
                    Text(str(cluster.articles), justify="right"),
                    Text(SINGLE_FLAG if cluster.single_outlet else "", style="italic"),
                    ellipsis_text(speaker, style="" if cluster.speaker else "italic"),
                    ellipsis_text(first_words(cluster)),
                ]
            )
        table.add_rows(rows)
        table.fit_columns()
        shared = sum(1 for c in result if not c.single_outlet)
        quotations = sum(len(c.variants) for c in result)
        note = f" · showing the first {MAX_ROWS:,}" if len(result) > MAX_ROWS else ""
        summary = (
            f"{plural(quotations, 'quotation')}, {plural(len(result), 'utterance')}, {shared} quoted by "
            f"more than one outlet{note} · enter: each outlet's wording"
        )
        self.query_one("#quotes-summary", Static).update(Content(summary))
        table.display = True
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(event.cursor_row)

    def action_open_cluster(self) -> None:
        self._open(self.query_one("#quotes-table", DataTable).cursor_row)

    def _open(self, row: int) -> None:
        if self.result is not None and 0 <= row < len(self.result):
            self.app.push_screen(QuoteClusterScreen(self.result[row]))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_cluster":
            return None if self.computing else True
        return True


class QuoteClusterScreen(Screen[None]):
    """One utterance, outlet by outlet."""

    AREA = "quote"
    DEFAULT_CSS = """
    QuoteClusterScreen #quote-title { height: auto; padding: 0 1; background: $panel; text-style: bold; }
    QuoteClusterScreen .quote-source { height: auto; padding: 1 1 0 1; text-style: bold; }
    QuoteClusterScreen .quote-text { height: auto; padding: 0 1 0 3; }
    QuoteClusterScreen #quote-legend { height: auto; padding: 1 1 0 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "back", "back", id="quote.back", tooltip="back to the list of quotes"),
        *nav_bindings("quote", "line", priority=True),
    ]

    def __init__(self, cluster: QuoteCluster) -> None:
        super().__init__()
        self.cluster = cluster

    def compose(self) -> ComposeResult:
        yield Static(Content(cluster_title(self.cluster)), id="quote-title", markup=False)
        reference = self.cluster.variants[0].text
        with VerticalScroll(id="quote-variants"):
            yield Static(
                Content.assemble(
                    "Each outlet's exact words, against the first wording: ",
                    ("own words", INSERT_STYLE),
                    "; under them, ",
                    ("words of the first it leaves out", DELETE_STYLE),
                    ".",
                ),
                id="quote-legend",
                markup=False,
            )
            for number, variant in enumerate(self.cluster.variants):
                credit = variant_credit(self.cluster, variant)
                note = f" · {credit}" if credit else ""
                head = f"{one_line(variant.name)} · ¶{variant.paragraph + 1}{note}"
                yield Static(Content(head), classes="quote-source", markup=False)
                wording = Content(variant.text) if number == 0 else marked_wording(reference, variant.text)
                yield Static(wording, classes="quote-text", markup=False)
        yield KeyFooter()

    def action_nav(self, move: str) -> None:
        navigate(self.query(VerticalScroll), move)

    def action_back(self) -> None:
        self.dismiss()
