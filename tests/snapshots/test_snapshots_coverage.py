"""SVG snapshots of the coverage, report and lineage screens at 120x40 on the bundled seeds.

Stable for the same reasons as ``test_snapshots.py``: relative seed paths, a fixed size, and
waiting on workers (the screens compute in one) rather than sleeping.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_snapshots import SIZE, SnapCompare, _at_repo_root, _loaded, _until
from textual.pilot import Pilot

from newsdiff.app import NewsdiffApp
from newsdiff.screens.coverage_screen import CoverageScreen
from newsdiff.screens.lineage_screen import LineageScreen
from newsdiff.screens.report_screen import ReportScreen

__all__ = ["_at_repo_root"]
"""The autouse fixture runs each test from the repository root, as in ``test_snapshots.py``."""


async def _open(pilot: Pilot[Any], key: str, kind: type[CoverageScreen] | type[LineageScreen]) -> None:
    await _until(pilot, lambda: _loaded(pilot))
    await pilot.press(key)
    await _until(pilot, lambda: isinstance(pilot.app.screen, kind) and pilot.app.screen.result is not None)


def test_coverage_screen(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _open(pilot, "C", CoverageScreen)

    assert snap_compare(NewsdiffApp(paths=[Path("seeds")]), terminal_size=SIZE, run_before=run_before)


def test_report_screen(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _open(pilot, "C", CoverageScreen)
        await pilot.press("down", "down", "enter")
        await _until(pilot, lambda: isinstance(pilot.app.screen, ReportScreen))

    assert snap_compare(NewsdiffApp(paths=[Path("seeds")]), terminal_size=SIZE, run_before=run_before)


def test_lineage_screen(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _open(pilot, "L", LineageScreen)

    assert snap_compare(NewsdiffApp(paths=[Path("seeds")]), terminal_size=SIZE, run_before=run_before)
