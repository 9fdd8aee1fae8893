"""SVG snapshot of the comparison screen filtered by `f` (pairs whose numbers or names disagree).

Stable as the other snapshots are: a fixed size, relative paths (the story is written to a
temporary folder that becomes the working directory), waiting on workers rather than sleeping.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_snapshots import SIZE, SnapCompare, _until
from test_snapshots import _loaded as _story_loaded
from textual.pilot import Pilot

from newsdiff.app import NewsdiffApp
from newsdiff.screens.compare_screen import CompareScreen

SEED_001 = Path(__file__).resolve().parents[2] / "seeds" / "001_ee081a7865b12ef2.txt"


@pytest.fixture
def facts_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Seed 001 and a copy with a figure and a name changed, as a relative path."""
    folder = tmp_path / "facts"
    folder.mkdir()
    original = SEED_001.read_text(encoding="utf-8")
    (folder / "a_original.txt").write_text(original, encoding="utf-8")
    edited = original.replace("lasted around 40 seconds", "lasted around a minute").replace(
        "Sergei Shoigu visited", "Sergei Lavrov visited"
    )
    (folder / "b_edited.txt").write_text(edited, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return Path("facts")


def _compared(pilot: Pilot[Any]) -> bool:
    screen = pilot.app.screen
    return (
        isinstance(screen, CompareScreen) and screen.comparison is not None and not screen.diff_view.loading
    )


def test_compare_screen_facts_only(snap_compare: SnapCompare, facts_folder: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _until(pilot, lambda: _story_loaded(pilot))
        await pilot.press("space", "down", "space")
        await _until(pilot, lambda: _compared(pilot))
        await pilot.press("f")
        await pilot.app.workers.wait_for_complete()
        await _until(pilot, lambda: _compared(pilot) and pilot.app.screen.diff_view.row_filter is not None)

    app = NewsdiffApp(paths=[facts_folder])
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
