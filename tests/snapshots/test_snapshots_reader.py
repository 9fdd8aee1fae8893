"""SVG snapshots of the reader view and of the story screen during a search, at 120x40.

Made stable as in ``test_snapshots.py``, whose helpers these are: relative seed paths, a fixed
size, waiting on workers, and no focused input (enter confirms the search, so its line shows
without a blinking cursor).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_snapshots import SIZE, SnapCompare, _at_repo_root, _loaded, _until
from textual.pilot import Pilot

from newsdiff.app import NewsdiffApp
from newsdiff.screens.reader_screen import ReaderScreen

__all__ = ["_at_repo_root"]
"""The autouse fixture runs each test from the repository root, as in ``test_snapshots.py``."""


async def _reader_001(pilot: Pilot[Any]) -> None:
    await _until(pilot, lambda: _loaded(pilot))
    await pilot.press("down", "enter")
    await _until(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen))


def test_reader_view(snap_compare: SnapCompare) -> None:
    app = NewsdiffApp(paths=[Path("seeds")])
    assert snap_compare(app, terminal_size=SIZE, run_before=_reader_001)


def test_reader_view_searching(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _reader_001(pilot)
        await pilot.press("slash", *"putin", "enter", "n")
        await _until(pilot, lambda: True)

    app = NewsdiffApp(paths=[Path("seeds")])
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_story_screen_searching(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _until(pilot, lambda: _loaded(pilot))
        await pilot.press("slash", *"cosmodrome", "enter", "n", "n", "n")
        await _until(pilot, lambda: True)

    app = NewsdiffApp(paths=[Path("seeds")])
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
