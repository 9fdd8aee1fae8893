"""SVG snapshots of the screens the other snapshot files leave out, so every screen has one: help,
the comparison during a search, the article picker, the overwrite confirmation, the save prompt,
and the "window too small" screen. Made stable as in ``test_snapshots.py``, whose helpers these
are (relative seed paths, a fixed size, waiting on workers, no blinking cursor: an input is either
confirmed with enter or holds no focus when the shot is taken)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_snapshots import SIZE, SnapCompare, _at_repo_root, _compare_001_004, _loaded, _until
from textual.pilot import Pilot

from newsdiff.app import NewsdiffApp
from newsdiff.screens.article_picker import ArticlePicker
from newsdiff.screens.confirm_dialog import ConfirmDialog
from newsdiff.screens.help_screen import HelpScreen
from newsdiff.screens.open_dialog import SaveDialog
from newsdiff.screens.reader_screen import ReaderScreen
from newsdiff.screens.too_small import TooSmallScreen

__all__ = ["_at_repo_root"]


def _app() -> NewsdiffApp:
    return NewsdiffApp(paths=[Path("seeds")])


def test_help_on_the_comparison_screen(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _compare_001_004(pilot)
        await pilot.press("question_mark")
        await _until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_comparison_searching(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _compare_001_004(pilot)
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"Putin", "enter", "n")
        await _until(pilot, lambda: True)

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_article_picker_from_the_reader(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _until(pilot, lambda: _loaded(pilot))
        await pilot.press("enter")
        await _until(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen))
        await pilot.press("c")
        await _until(pilot, lambda: isinstance(pilot.app.screen, ArticlePicker))
        await pilot.press("down")  # the list has the focus, not the filter's blinking cursor
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_overwrite_confirmation(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _compare_001_004(pilot)
        pilot.app.push_screen(ConfirmDialog("comparison.md exists. Overwrite it?"))
        await _until(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog))

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_save_prompt(snap_compare: SnapCompare, monkeypatch: pytest.MonkeyPatch) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _until(pilot, lambda: _loaded(pilot))
        monkeypatch.chdir("/")  # the prompt names the working folder: the same in every clone
        await pilot.press("S")
        await _until(pilot, lambda: isinstance(pilot.app.screen, SaveDialog))
        await pilot.press("tab")  # focus off the input: no blinking cursor in the shot
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_window_too_small(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _until(pilot, lambda: isinstance(pilot.app.screen, TooSmallScreen))

    assert snap_compare(_app(), terminal_size=(50, 12), run_before=run_before)
