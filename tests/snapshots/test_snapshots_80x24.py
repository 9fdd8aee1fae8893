"""SVG snapshots of every screen at 80x24, the terminal everyone starts with, on the bundled seeds.

The other snapshot files show the screens at 120x40; these show that each one is usable at 80x24
too: table columns shrink (names end in ``…``) instead of running off the right edge, the footer
keeps ``? help``, a dialog's buttons stay above the fold. Stable for the reasons given in
``test_snapshots.py`` (relative seed paths, a fixed size, waiting on workers, no blinking cursor).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from test_snapshots import SnapCompare, _at_repo_root, _compare_001_004, _loaded, _until
from test_snapshots_inputs import _FixedSite
from test_snapshots_settings import Host
from textual.pilot import Pilot
from textual.widgets import Input

from newsdiff.app import NewsdiffApp
from newsdiff.core.article import Article
from newsdiff.core.feeds import read_feed
from newsdiff.screens.article_picker import ArticlePicker
from newsdiff.screens.confirm_dialog import ConfirmDialog
from newsdiff.screens.coverage_screen import CoverageScreen
from newsdiff.screens.export_dialog import ExportDialog, default_export_path
from newsdiff.screens.feed_picker import FeedPicker
from newsdiff.screens.help_screen import HelpScreen
from newsdiff.screens.lineage_screen import LineageScreen
from newsdiff.screens.open_dialog import OpenDialog
from newsdiff.screens.quotes_screen import QuoteClusterScreen, QuotesScreen
from newsdiff.screens.reader_screen import ReaderScreen
from newsdiff.screens.report_screen import ReportScreen
from newsdiff.screens.settings_screen import SettingsScreen

__all__ = ["_at_repo_root"]

SIZE = (80, 24)
CONFIG = Path("/home/reader/.config/newsdiff/config.toml")
"""Where the settings screen says it saves: the same on every machine."""
Steps = Callable[[Pilot[Any]], Awaitable[None]]


async def _story(pilot: Pilot[Any]) -> None:
    await _until(pilot, lambda: _loaded(pilot))


def _then(before: Steps, keys: tuple[str, ...], screen: type[object], ready: str = "") -> Steps:
    """``before``, then ``keys``, then wait for ``screen`` (and its ``ready`` attribute to be set)."""

    async def steps(pilot: Pilot[Any]) -> None:
        await before(pilot)
        await pilot.press(*keys)
        await _until(
            pilot,
            lambda: (
                isinstance(pilot.app.screen, screen)
                and (not ready or getattr(pilot.app.screen, ready) is not None)
            ),
        )

    return steps


async def _picker(pilot: Pilot[Any]) -> None:
    await _then(_story, ("enter",), ReaderScreen)(pilot)
    await pilot.press("c")
    await _until(pilot, lambda: isinstance(pilot.app.screen, ArticlePicker))
    await pilot.press("down")  # the list has the focus, not the filter's blinking cursor
    await pilot.pause()


async def _open_prompt(pilot: Pilot[Any]) -> None:
    await _story(pilot)
    os.chdir("/")  # the prompt names the working folder (the autouse fixture restores it)
    await pilot.press("o")
    await _until(pilot, lambda: isinstance(pilot.app.screen, OpenDialog))
    pilot.app.screen.query_one(Input).cursor_blink = False
    await pilot.press(*"nope.txt", "enter")  # with its inline message
    await pilot.pause()


async def _feed(pilot: Pilot[Any]) -> None:
    from feed_xml import rss

    await _story(pilot)
    feed_text = rss(_FixedSite(), ["000", "001", "002", "003", "004"])  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as folder:
        feed_file = Path(folder) / "feed.xml"
        feed_file.write_text(feed_text, encoding="utf-8")
        feed = read_feed(feed_file)
    pilot.app.push_screen(FeedPicker(feed))
    await _until(pilot, lambda: isinstance(pilot.app.screen, FeedPicker))
    await pilot.press("space", "down", "down", "space")
    await pilot.pause()


async def _confirm(pilot: Pilot[Any]) -> None:
    await _compare_001_004(pilot)
    pilot.app.push_screen(ConfirmDialog("comparison.md exists. Overwrite it?"))
    await _until(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog))


_coverage = _then(_story, ("C",), CoverageScreen, "result")
_quotes = _then(_story, ("Q",), QuotesScreen, "result")
SCREENS: dict[str, Steps] = {
    "story": _story,
    "story-help": _then(_story, ("question_mark",), HelpScreen),
    "reader": _then(_story, ("down", "enter"), ReaderScreen),
    "article-picker": _picker,
    "open-prompt": _open_prompt,
    "feed-checklist": _feed,
    "compare": _compare_001_004,
    "compare-help": _then(_compare_001_004, ("question_mark",), HelpScreen),
    "overwrite": _confirm,
    "coverage": _coverage,
    "report": _then(_coverage, ("down", "down", "enter"), ReportScreen),
    "quotes": _quotes,
    "quote": _then(_quotes, ("down", "enter"), QuoteClusterScreen),
    "lineage": _then(_story, ("L",), LineageScreen, "result"),
    "settings": _then(_story, ("comma",), SettingsScreen),
}


@pytest.mark.parametrize("name", list(SCREENS))
def test_every_screen_at_80x24(snap_compare: SnapCompare, name: str) -> None:
    app = NewsdiffApp(paths=[Path("seeds")], config_path=CONFIG)
    assert snap_compare(app, terminal_size=SIZE, run_before=SCREENS[name])


def test_export_dialog_at_80x24(snap_compare: SnapCompare, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir("/")  # the dialog says where relative paths start
    a = Article(path="ap.txt", title="Kim backs Putin", paragraphs=(), outlet="The Associated Press")
    b = Article(path="globe.txt", title="Kim and Putin meet", paragraphs=(), outlet="The Globe and Mail")
    app = Host(lambda host: ExportDialog(default_export_path(a, b, Path("/home/reader/exports"))))

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("tab")  # to the formats: no blinking cursor in the shot
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
