"""Coverage: the story's reports as rows, its sources as columns, and each source's exclusive content.

A filled cell (``█``) means the column's source carries the row's report, an empty one (``·``)
that it does not: readable without colour. Rows are sorted by how many sources carry the report.
Enter opens the report's paragraphs, with each wording's differences marked against the first.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from newsdiff.core.coverage import Coverage, coverage
from newsdiff.core.steps import CancelCheck, Progress
from newsdiff.core.story_export import report_excerpt
from newsdiff.core.text import one_line
from newsdiff.core.wording import plural
from newsdiff.screens.report_screen import ReportScreen
from newsdiff.screens.story_view import StoryViewScreen, back_binding
from newsdiff.widgets.fit_table import FitTable, Flex, ellipsis_text
from newsdiff.widgets.nav_keys import nav_bindings

FILLED, EMPTY = "█", "·"
MAX_SOURCE_COLUMNS = 12
"""More sources than this get no column each; the "more" column counts the others."""
MAX_ROWS = 5_000
"""A story of thousands of articles has tens of thousands of reports: the most widely carried
are listed (the JSON and Markdown outputs have them all)."""
NAME_WIDTH = 12
"""The widest a source's column gets; narrower windows cut the names shorter (``The G…``)."""
EXCLUSIVE_LINES = 3
"""Exclusive reports quoted per source in the lower panel."""


def exclusive_content(result: Coverage, excerpt_chars: int = 100) -> Content:
    """Per source: "Only in The Washington Times (24): …", a few excerpts each."""
    lines: list[Content] = []
    for k, article in enumerate(result.articles):
        only = result.exclusive(k)
        head = Content.assemble(
            ("Only in ", "dim"), (one_line(article.name), "bold"), f" ({plural(len(only), 'report')})"
        )
        lines.append(head)
        for index in only[:EXCLUSIVE_LINES]:
            excerpt = report_excerpt(result, result.reports[index], excerpt_chars)
            lines.append(Content.assemble(f"  {index + 1:>4}  ", excerpt))
        if len(only) > EXCLUSIVE_LINES:
            lines.append(Content(f"        … and {len(only) - EXCLUSIVE_LINES} more"))
    return Content("\n").join(lines)


class CoverageTable(FitTable):
    """The reports, one per row; the moving keys have coverage's ids (for the help and keymaps)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "screen.open_report",
            "open report",
            id="coverage.open",
            tooltip="show the report's paragraphs",
        ),
        *nav_bindings("coverage", "report"),
    ]
    """On the table, not the screen: the table's own enter would hide it from the help."""


class CoverageScreen(StoryViewScreen[Coverage]):
    """Which sources carry which report."""

    AREA = "coverage"
    WHAT = "coverage"
    DEFAULT_CSS = """
    CoverageScreen #coverage-table { height: 2fr; }
    CoverageScreen #coverage-exclusive { height: 1fr; border-top: solid $panel-lighten-2; padding: 0 1; }
    CoverageScreen #coverage-summary { height: auto; padding: 0 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "x",
            "toggle_exclusive",
            "exclusive",
            id="coverage.exclusive",
            tooltip="show / hide each source's exclusive content",
        ),
        back_binding("coverage"),
    ]

    def title_text(self) -> str:
        return f"Coverage · {plural(len(self.articles), 'article')}"

    def compose_view(self) -> ComposeResult:
        yield Static(Content(""), id="coverage-summary", markup=False)
        yield CoverageTable(id="coverage-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="coverage-exclusive"):
            yield Static(Content(""), id="coverage-exclusive-text", markup=False)

    def on_mount(self) -> None:
        self.query_one("#coverage-table").display = False
        self.query_one("#coverage-exclusive").display = False
        super().on_mount()

    def compute(self, cancelled: CancelCheck, progress: Progress) -> Coverage:
        return coverage(self.articles, self.threshold, progress, cancelled)

    def show_result(self, result: Coverage) -> None:
        table = self.query_one("#coverage-table", FitTable)
        shown = list(range(min(len(result.articles), MAX_SOURCE_COLUMNS)))
        table.add_column(Text("#"), key="number")
        table.add_column(Text("src"), key="sources")
        for k in shown:
            table.add_column(ellipsis_text(one_line(result.articles[k].name)), key=f"source-{k}")
        more = len(result.articles) > len(shown)
        if more:
            table.add_column(Text(f"+{len(result.articles) - len(shown)}"), key="more")
        table.add_column(Text("report"), key="report")
        rows = []
        for number, report in enumerate(result.reports[:MAX_ROWS], start=1):
            carried = set(report.articles)
            cells = [Text(str(number)), Text(str(report.sources))]
            cells += [Text(FILLED if k in carried else EMPTY, justify="center") for k in shown]
            if more:
                cells.append(Text(str(sum(1 for k in carried if k >= len(shown)))))
            cells.append(ellipsis_text(report_excerpt(result, report, 90)))
            rows.append(cells)
        table.add_rows(rows)
        # The sources' columns share half the free width (at most NAME_WIDTH each), the report
        # text the rest: at 80 columns the text stays on screen, the names cut shorter.
        share = 0.5 / max(1, len(shown))
        table.flex = [Flex(f"source-{k}", 3, NAME_WIDTH, share) for k in shown] + [Flex("report", 20)]
        table.fit_columns()
        shared = sum(1 for r in result.reports if r.sources > 1)
        note = f" · showing the first {MAX_ROWS:,}" if len(result.reports) > MAX_ROWS else ""
        method = (
            "paired as in the comparisons"
            if result.method == "comparisons"
            else "from the story index (over 12 articles): may group what a comparison leaves apart"
        )
        summary = (
            f"{plural(len(result.reports), 'report')}, {shared} carried by more than one source{note} · "
            f"{method} · {FILLED} carried, {EMPTY} not · enter: open · x: exclusive content"
        )
        self.query_one("#coverage-summary", Static).update(Content(summary))
        self.query_one("#coverage-exclusive-text", Static).update(exclusive_content(result))
        table.display = True
        self.query_one("#coverage-exclusive").display = True
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(event.cursor_row)

    def action_open_report(self) -> None:
        self._open(self.query_one("#coverage-table", DataTable).cursor_row)

    def _open(self, row: int) -> None:
        if self.result is not None and 0 <= row < len(self.result.reports):
            self.app.push_screen(ReportScreen(self.result, row))

    def action_toggle_exclusive(self) -> None:
        panel = self.query_one("#coverage-exclusive")
        panel.display = not panel.display

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open_report", "toggle_exclusive"):
            return None if self.computing else True
        return True
