"""SVG snapshots of the open prompt (with its inline message) and the feed checklist, at 120x40.

Stable because: the feed is a file with fixed links (no server port in it), the prompt's hint
names the working folder, which is "/" while it is shown, and the input's cursor does not blink.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from test_snapshots import SIZE, SnapCompare, _until
from test_snapshots import _loaded as _story_loaded
from textual.pilot import Pilot
from textual.widgets import Input

from newsdiff.app import NewsdiffApp
from newsdiff.core.feeds import read_feed
from newsdiff.screens.feed_picker import FeedPicker
from newsdiff.screens.open_dialog import OpenDialog

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "net"))


class _FixedSite:
    """Stands in for the test server: links on a fixed, fictional host."""

    def url_for(self, path: str) -> str:
        return f"https://news.example{path}"


def test_open_prompt_with_an_inline_message(
    snap_compare: SnapCompare, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)

    async def run_before(pilot: Pilot[Any]) -> None:
        await _until(pilot, lambda: _story_loaded(pilot))
        monkeypatch.chdir("/")
        await pilot.press("o")
        await _until(pilot, lambda: isinstance(pilot.app.screen, OpenDialog))
        pilot.app.screen.query_one(Input).cursor_blink = False
        await pilot.press(*"nope.txt", "enter")
        await pilot.pause()

    assert snap_compare(NewsdiffApp(paths=[Path("seeds")]), terminal_size=SIZE, run_before=run_before)


def test_feed_checklist_with_two_entries_checked(
    snap_compare: SnapCompare, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from feed_xml import rss

    monkeypatch.chdir(REPO)
    feed_file = tmp_path / "feed.xml"
    feed_file.write_text(rss(_FixedSite(), ["000", "001", "002", "003", "004"]), encoding="utf-8")  # type: ignore[arg-type]
    feed = read_feed(feed_file)

    async def run_before(pilot: Pilot[Any]) -> None:
        await _until(pilot, lambda: _story_loaded(pilot))
        pilot.app.push_screen(FeedPicker(feed))
        await _until(pilot, lambda: isinstance(pilot.app.screen, FeedPicker))
        await pilot.press("space", "down", "down", "space")
        await pilot.pause()

    assert snap_compare(NewsdiffApp(paths=[Path("seeds")]), terminal_size=SIZE, run_before=run_before)
