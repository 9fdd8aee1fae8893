"""The moving keys work on every screen: ``j``/``k`` (and the arrows), ``g``/``home``,
``G``/``end`` move a table's cursor or scroll a pane, as on the comparison and in the reader."""

from __future__ import annotations

from appdriver import SEEDS, story_ready, wait_for
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import DataTable

from newsdiff.app import NewsdiffApp
from newsdiff.screens.coverage_screen import CoverageScreen
from newsdiff.screens.lineage_screen import LineageScreen
from newsdiff.screens.quotes_screen import QuoteClusterScreen, QuotesScreen
from newsdiff.screens.report_screen import ReportScreen
from newsdiff.widgets.article_table import ArticleTable

SMALL = (80, 24)
SHORT = (80, 16)
"""Short enough that a report, an utterance and the lineage map scroll."""


async def _open(pilot: Pilot[None], key: str, kind: type[object], computed: bool = False) -> None:
    await pilot.press(key)

    def ready() -> bool:
        screen = pilot.app.screen
        return isinstance(screen, kind) and (not computed or getattr(screen, "result", None) is not None)

    await wait_for(pilot, ready, kind.__name__)


async def _check_table(pilot: Pilot[None], table: DataTable[object]) -> None:
    last = table.row_count - 1
    assert last > 1
    for keys, row in [
        (("G",), last),
        (("g",), 0),
        (("end",), last),
        (("home",), 0),
        (("j", "j"), 2),
        (("k",), 1),
        (("down",), 2),
        (("up",), 1),
    ]:
        await pilot.press(*keys)
        await pilot.pause()
        assert table.cursor_row == row, f"after {keys}: row {table.cursor_row}, not {row}"


async def _check_scroll(pilot: Pilot[None], pane: VerticalScroll) -> None:
    await pilot.pause()
    assert pane.max_scroll_y > 2, "the pane must be taller than the window for this test"
    for keys, where in [
        (("G",), pane.max_scroll_y),
        (("g",), 0),
        (("j", "j"), 2),
        (("k",), 1),
        (("end",), pane.max_scroll_y),
        (("home",), 0),
    ]:
        await pilot.press(*keys)
        await pilot.pause()
        assert pane.scroll_y == where, f"after {keys}: at {pane.scroll_y}, not {where}"


async def test_the_story_table_goes_to_its_ends() -> None:
    async with NewsdiffApp(paths=[SEEDS]).run_test(size=SMALL) as pilot:
        screen = await story_ready(pilot)
        await _check_table(pilot, screen.query_one(ArticleTable))


async def test_the_coverage_table_and_a_report_move_with_the_keys() -> None:
    async with NewsdiffApp(paths=[SEEDS]).run_test(size=SHORT) as pilot:
        await story_ready(pilot)
        await _open(pilot, "C", CoverageScreen, computed=True)
        table = pilot.app.screen.query_one("#coverage-table", DataTable)
        await _check_table(pilot, table)
        await pilot.press("g", "j", "j", "enter")  # the third report: three sources, stacked
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReportScreen), "the report")
        await _check_scroll(pilot, pilot.app.screen.query_one("#report-stack", VerticalScroll))


async def test_the_quotes_table_and_an_utterance_move_with_the_keys() -> None:
    async with NewsdiffApp(paths=[SEEDS]).run_test(size=SHORT) as pilot:
        await story_ready(pilot)
        await _open(pilot, "Q", QuotesScreen, computed=True)
        await _check_table(pilot, pilot.app.screen.query_one("#quotes-table", DataTable))
        await pilot.press("g", "enter")  # Kim's words, quoted by four outlets
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, QuoteClusterScreen), "the utterance")
        await _check_scroll(pilot, pilot.app.screen.query_one("#quote-variants", VerticalScroll))


async def test_the_lineage_screen_scrolls_with_the_keys() -> None:
    async with NewsdiffApp(paths=[SEEDS]).run_test(size=SHORT) as pilot:
        await story_ready(pilot)
        await _open(pilot, "L", LineageScreen, computed=True)
        await _check_scroll(pilot, pilot.app.screen.query_one("#lineage-body", VerticalScroll))
