"""SVG snapshots of the two main screens at 120x40 on the bundled seeds.

Made stable by: relative seed paths (the details pane shows the file path), a fixed size, no
input with a blinking cursor on screen, and waiting on workers rather than sleeping. Update them
after an intended visual change with ``pytest tests/snapshots --snapshot-update`` and review the
SVGs in the diff.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from newsdiff.app import NewsdiffApp
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.story_screen import StoryScreen

REPO = Path(__file__).resolve().parents[2]
SIZE = (120, 40)
SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


async def _until(pilot: Pilot[Any], condition: Callable[[], bool]) -> None:
    for _ in range(200):
        if condition():
            await pilot.pause()
            return
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    raise AssertionError("the app did not get ready")


def _loaded(pilot: Pilot[Any]) -> bool:
    screen = pilot.app.screen
    return isinstance(screen, StoryScreen) and not screen.query_one("#loading").display


async def _story_loaded(pilot: Pilot[Any]) -> None:
    await _until(pilot, lambda: _loaded(pilot))


async def _compare_001_004(pilot: Pilot[Any]) -> None:
    await _story_loaded(pilot)
    await pilot.press("down", "space", "down", "down", "down", "space")
    await _until(
        pilot,
        lambda: (
            isinstance(pilot.app.screen, CompareScreen)
            and pilot.app.screen.comparison is not None
            and not pilot.app.screen.diff_view.loading
        ),
    )


def test_story_screen(snap_compare: SnapCompare) -> None:
    app = NewsdiffApp(paths=[Path("seeds")])
    assert snap_compare(app, terminal_size=SIZE, run_before=_story_loaded)


def test_compare_screen_001_vs_004(snap_compare: SnapCompare) -> None:
    app = NewsdiffApp(paths=[Path("seeds")])
    assert snap_compare(app, terminal_size=SIZE, run_before=_compare_001_004)


def test_compare_screen_after_a_jump_in_paragraph_view(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _compare_001_004(pilot)
        await pilot.press("b", "right_square_bracket", "right_square_bracket", "w")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = NewsdiffApp(paths=[Path("seeds")])
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
