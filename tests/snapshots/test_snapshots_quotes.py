"""SVG snapshots of the quotes screens at 120x40 on the bundled seeds: the list of utterances, and
Putin's answer as each outlet words it. Stable for the same reasons as ``test_snapshots.py``
(relative seed paths, a fixed size, waiting on workers rather than sleeping)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from newsdiff.app import NewsdiffApp
from newsdiff.screens.quotes_screen import QuoteClusterScreen, QuotesScreen
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


async def _quotes(pilot: Pilot[Any]) -> None:
    await _until(
        pilot,
        lambda: (
            isinstance(pilot.app.screen, StoryScreen) and not pilot.app.screen.query_one("#loading").display
        ),
    )
    await pilot.press("Q")
    await _until(
        pilot, lambda: isinstance(pilot.app.screen, QuotesScreen) and pilot.app.screen.result is not None
    )


def test_quotes_screen(snap_compare: SnapCompare) -> None:
    app = NewsdiffApp(paths=[Path("seeds")])
    assert snap_compare(app, terminal_size=SIZE, run_before=_quotes)


def test_quote_cluster_screen(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _quotes(pilot)
        await pilot.press("down", "enter")  # the second row: Putin's answer, quoted by four outlets
        await _until(pilot, lambda: isinstance(pilot.app.screen, QuoteClusterScreen))

    app = NewsdiffApp(paths=[Path("seeds")])
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
