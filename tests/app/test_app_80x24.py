"""At 80x24, the terminal everyone starts with, every screen is usable: its columns shrink instead
of running off the right edge, its footer keeps ``? help``, a dialog keeps its buttons in view."""

from __future__ import annotations

from appdriver import SEEDS, open_comparison, screen_text, story_ready, wait_for
from textual.pilot import Pilot

from newsdiff.app import NewsdiffApp
from newsdiff.screens.coverage_screen import CoverageScreen
from newsdiff.screens.lineage_screen import LineageScreen
from newsdiff.screens.quotes_screen import QuoteClusterScreen, QuotesScreen
from newsdiff.screens.reader_screen import ReaderScreen
from newsdiff.screens.report_screen import ReportScreen
from newsdiff.screens.settings_screen import SettingsScreen

SMALL = (80, 24)


def _text(pilot: Pilot[None]) -> str:
    return " ".join(screen_text(pilot.app).split())


async def _press_until(pilot: Pilot[None], key: str, kind: type[object], ready: bool = False) -> None:
    await pilot.press(key)
    await wait_for(
        pilot,
        lambda: isinstance(pilot.app.screen, kind) and (not ready or pilot.app.screen.result is not None),  # type: ignore[attr-defined]
        kind.__name__,
    )


async def test_the_story_table_keeps_every_column_and_the_footer_its_help() -> None:
    async with NewsdiffApp(paths=[SEEDS]).run_test(size=SMALL) as pilot:
        await story_ready(pilot)
        text = _text(pilot)
        for heading in ("Source", "Title", "Date", "Words", "¶"):
            assert heading in text, text
        assert "2023-09-13" in text and "983" in text  # a date and a word count on screen
        assert "? help" in text


async def test_the_comparison_footer_keeps_export_search_and_help() -> None:
    async with NewsdiffApp(paths=[SEEDS]).run_test(size=SMALL) as pilot:
        await open_comparison(pilot)
        text = _text(pilot)
        for key in ("? help", "/ search", "e export"):
            assert key in text, text
        await pilot.press("u", "b")  # the state line wraps: the last filters stay in sight
        await pilot.pause()
        text = _text(pilot)
        assert "boilerplate: hidden" in text and "unpaired: hidden" in text, text


async def test_the_coverage_table_shows_the_reports_text() -> None:
    async with NewsdiffApp(paths=[SEEDS]).run_test(size=SMALL) as pilot:
        await story_ready(pilot)
        await _press_until(pilot, "C", CoverageScreen, ready=True)
        text = _text(pilot)
        assert "report" in text and "North Korean leader Kim" in text, text
        assert "? help" in text
        await _press_until(pilot, "enter", ReportScreen)
        assert "? help" in _text(pilot)


async def test_the_quotes_table_shows_more_than_a_few_words() -> None:
    async with NewsdiffApp(paths=[SEEDS]).run_test(size=SMALL) as pilot:
        await story_ready(pilot)
        await _press_until(pilot, "Q", QuotesScreen, ready=True)
        text = _text(pilot)
        assert "Russia is now rising to the sa" in text, text
        assert "? help" in text
        await _press_until(pilot, "enter", QuoteClusterScreen)
        assert "? help" in _text(pilot)


async def test_lineage_and_reader_keep_their_help_key() -> None:
    async with NewsdiffApp(paths=[SEEDS]).run_test(size=SMALL) as pilot:
        await story_ready(pilot)
        await _press_until(pilot, "L", LineageScreen, ready=True)
        assert "? help" in _text(pilot)
        await pilot.press("q")
        await _press_until(pilot, "enter", ReaderScreen)
        assert "? help" in _text(pilot)


async def test_the_settings_save_button_is_above_the_fold() -> None:
    async with NewsdiffApp(paths=[SEEDS]).run_test(size=SMALL) as pilot:
        await story_ready(pilot)
        await _press_until(pilot, "comma", SettingsScreen)
        await pilot.pause()
        text = _text(pilot)
        assert "Save" in text and "Cancel" in text, text
        assert "Theme" in text
