"""One report of the coverage view: each source's paragraphs, differences marked against the first.

Two sources stand side by side; more are stacked, each under its source's name. Words a source
has that the first source's wording lacks are underlined (and bold; a changed number also
reversed), so the marks survive without colour. The first source is the reference, shown plain.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from newsdiff.core.comparison.figures import figure_ranges, mark_figures
from newsdiff.core.coverage import Coverage
from newsdiff.core.facts import find_discrepancies
from newsdiff.core.text import one_line
from newsdiff.core.worddiff import DiffOptions, diff_words
from newsdiff.core.wording import plural
from newsdiff.screens.app_settings import app_settings
from newsdiff.widgets.key_footer import KeyFooter
from newsdiff.widgets.nav_keys import nav_bindings, navigate

PARAGRAPH_JOINER = "\n\n"
MAX_SOURCES = 40
"""A report carried by hundreds of articles shows the first ones; the JSON output has them all."""
CHANGED_STYLE = "bold underline $success"
NUMBER_STYLE = "bold underline reverse"


def marked(text: str, reference: str | None, options: DiffOptions) -> Content:
    """``text`` with what differs from ``reference`` underlined; plain when it is the reference.
    A figure it states differently (as the comparison's ``f`` finds them) is also reversed."""
    if reference is None:
        return Content(text)
    diff = diff_words(reference, text, options)
    figures = figure_ranges(find_discrepancies(reference, text, diff), "b")
    parts: list[tuple[str, str] | str] = []
    for span in mark_figures(diff.spans("b"), figures):
        fragment = text[span.start : span.end]
        if span.kind == "equal":
            parts.append(fragment)
        else:
            parts.append((fragment, NUMBER_STYLE if span.numeric else CHANGED_STYLE))
    return Content.assemble(*parts)


class ReportScreen(Screen[None]):
    """The paragraphs of one report, source by source."""

    AREA = "report"
    DEFAULT_CSS = """
    ReportScreen #report-title { height: auto; padding: 0 1; background: $panel; }
    ReportScreen .report-source { height: auto; padding: 1 1 0 1; text-style: bold; }
    ReportScreen .report-text { height: auto; padding: 0 1; }
    ReportScreen #report-columns VerticalScroll { width: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "back", "back", id="report.back", tooltip="back to the coverage table"),
        *nav_bindings("report", "line", priority=True),
    ]

    def __init__(self, coverage: Coverage, index: int) -> None:
        super().__init__()
        self.coverage = coverage
        self.index = index

    def _blocks(self) -> list[tuple[str, Content]]:
        """(heading, marked text) per source of the report, the first source as the reference."""
        report = self.coverage.reports[self.index]
        blocks: list[tuple[str, Content]] = []
        reference: str | None = None
        options = app_settings(self).diff_options()
        for article_index in report.articles[:MAX_SOURCES]:
            article = self.coverage.articles[article_index]
            indices = report.paragraphs_of(article_index)
            text = PARAGRAPH_JOINER.join(article.paragraphs[i].text for i in indices)
            numbers = ", ".join(f"¶{i + 1}" for i in indices)
            blocks.append(
                (
                    f"{one_line(article.name)} · {numbers}",
                    marked(text, reference, options),
                )
            )
            if reference is None:
                reference = text
        return blocks

    def compose(self) -> ComposeResult:
        report = self.coverage.reports[self.index]
        first = self.coverage.articles[report.articles[0]].name
        title = (
            f"Report {self.index + 1} of {len(self.coverage.reports)} · carried by "
            f"{plural(report.sources, 'source')} · underlined: wording that differs from {one_line(first)}"
        )
        yield Static(Content(title), id="report-title", markup=False)
        blocks = self._blocks()
        hidden = report.sources - len(blocks)
        if hidden > 0:
            blocks.append(
                (f"… and {hidden} more sources (newsdiff coverage --format json lists them all)", Content(""))
            )
        if len(blocks) == 2:
            with Horizontal(id="report-columns"):
                for heading, text in blocks:
                    with VerticalScroll():
                        yield Static(Content(heading), classes="report-source", markup=False)
                        yield Static(text, classes="report-text", markup=False)
        else:
            with VerticalScroll(id="report-stack"):
                for heading, text in blocks:
                    yield Static(Content(heading), classes="report-source", markup=False)
                    yield Static(text, classes="report-text", markup=False)
        yield KeyFooter()

    def action_nav(self, move: str) -> None:
        """Side by side, the two sources' columns scroll together."""
        navigate(self.query(VerticalScroll), move)

    def action_back(self) -> None:
        self.dismiss()
