"""SVG snapshots of the reader view and of the story screen during a search, at 120x40.

Made stable as in ``test_snapshots.py``: relative seed paths, a fixed size, waiting on workers,
and no focused input (enter confirms the search, so its line shows without a blinking cursor).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from newsdiff.app import NewsdiffApp
from newsdiff.screens.reader_screen import ReaderScreen
from newsdiff.screens.story_screen import StoryScreen

REPO = Path(__file__).resolve().parents[2]
SIZE = (120, 40)
SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


async def _until(pilot: Pilot[Any], condition: Callable[[], bool]) -> None:
    for _ in range(100):
        if condition():
            await pilot.pause()
            return
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    raise AssertionError("the app did not get ready")


def _loaded(pilot: Pilot[Any]) -> bool:
    screen = pilot.app.screen
    return isinstance(screen, StoryScreen) and not screen.query_one("#loading").display


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
