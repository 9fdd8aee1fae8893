"""SVG snapshots of the settings screen and of the export dialog's format choice, at 120x40.

Each screen is shown on a bare host app that loads newsdiff's stylesheet, so the image changes
only when these screens do (not when the story or comparison screens behind them change). Made
stable by: fixed paths in the text, focus on a switch or radio button (no blinking cursor).
Update with ``pytest tests/snapshots/test_snapshots_settings.py --snapshot-update`` and look at
the SVGs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

import newsdiff.app
from newsdiff.core.article import Article
from newsdiff.core.settings import Settings
from newsdiff.screens.export_dialog import ExportDialog, default_export_path
from newsdiff.screens.settings_screen import SettingsScreen

SIZE = (120, 40)
SnapCompare = Callable[..., bool]
CSS = Path(newsdiff.app.__file__).with_name("app.tcss")


class Host(App[None]):
    """Shows one screen on newsdiff's stylesheet."""

    CSS_PATH: ClassVar = str(CSS)

    def __init__(self, make: Callable[[App[None]], Screen[Any]]) -> None:
        super().__init__()
        self.make = make

    def on_mount(self) -> None:
        self.push_screen(self.make(self))


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir("/")  # the export dialog says where relative paths start


def test_settings_screen(snap_compare: SnapCompare) -> None:
    settings = Settings(ignore_case=True, threshold=0.12, wrap_width=72, export_dir="~/exports")
    path = Path("/home/reader/.config/newsdiff/config.toml")
    app = Host(lambda host: SettingsScreen(settings, path, sorted(host.available_themes)))

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_export_dialog_with_html_chosen(snap_compare: SnapCompare) -> None:
    a = Article(path="ap.txt", title="Kim backs Putin", paragraphs=(), outlet="The Associated Press")
    b = Article(path="globe.txt", title="Kim and Putin meet", paragraphs=(), outlet="The Globe and Mail")
    app = Host(lambda host: ExportDialog(default_export_path(a, b, Path("/home/reader/exports"))))

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("tab", "right")  # keyboard only: to the formats; the arrow chooses HTML
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
