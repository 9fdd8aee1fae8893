"""SVG snapshots of the quotes screens at 120x40 on the bundled seeds: the list of utterances, and
Putin's answer as each outlet words it. Stable for the same reasons as ``test_snapshots.py``
(relative seed paths, a fixed size, waiting on workers rather than sleeping)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_snapshots import SIZE, SnapCompare, _at_repo_root, _until
from textual.pilot import Pilot

from newsdiff.app import NewsdiffApp
from newsdiff.screens.quotes_screen import QuoteClusterScreen, QuotesScreen
from newsdiff.screens.story_screen import StoryScreen

__all__ = ["_at_repo_root"]
"""The autouse fixture runs each test from the repository root, as in ``test_snapshots.py``."""


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
