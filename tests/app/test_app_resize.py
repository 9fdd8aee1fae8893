"""Resizing: every screen survives sizes from 40x12 to 250x70 and back; below the minimum size a
readable message replaces the layout, and the screen comes back when the window grows."""

from __future__ import annotations

from pathlib import Path

from appdriver import SEEDS, SIZE, open_comparison, screen_text, settle, story_ready, wait_for
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from newsdiff.app import NewsdiffApp
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.confirm_dialog import ConfirmDialog
from newsdiff.screens.export_dialog import ExportDialog
from newsdiff.screens.help_screen import HelpScreen
from newsdiff.screens.story_screen import StoryScreen
from newsdiff.screens.too_small import MIN_SIZE, TooSmallScreen

SIZES = [(40, 12), (60, 15), (80, 24), (250, 70), (120, 40), (59, 30), (100, 14), (61, 16), (40, 12)]
"""Below, at and above the minimum (60x15) in each direction, the largest, and back to the smallest."""


async def resize(pilot: Pilot[None], width: int, height: int) -> None:
    await pilot.resize_terminal(width, height)
    await pilot.pause(0.02)  # Textual sends the resize to the screens on a short timer
    await settle(pilot)


def too_small_text(width: int, height: int) -> str:
    return f"newsdiff needs at least {MIN_SIZE.width}×{MIN_SIZE.height}; the window is {width}×{height}"


async def step_through_sizes(
    pilot: Pilot[None], screen_type: type[Screen[object]], key_content: list[str]
) -> None:
    """Resize through ``SIZES``; each time the screen (or the size message) must be on screen."""
    app = pilot.app
    screen = app.screen
    assert isinstance(screen, screen_type)
    for width, height in SIZES:
        await resize(pilot, width, height)
        assert app.is_running
        text = " ".join(screen_text(app).split())
        if width < MIN_SIZE.width or height < MIN_SIZE.height:
            assert isinstance(app.screen, TooSmallScreen)
            assert too_small_text(width, height) in text, text
        else:
            assert app.screen is screen, "the same screen comes back, not a new one"
            for content in key_content:
                assert content in text, f"{content!r} missing at {width}x{height}:\n{screen_text(app)}"
    await resize(pilot, *SIZE)
    assert app.screen is screen


async def test_the_story_screen_survives_resizing() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        # Narrow windows cut the sources' names ("The Washi…") so the Date and Words columns stay.
        rows = ["The Globe", "The Washi", "004_05"]
        await step_through_sizes(pilot, StoryScreen, ["5 articles", "A/B", "Date", "Words", *rows])


async def test_the_comparison_survives_resizing() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        await pilot.press("j", "j")
        await step_through_sizes(pilot, CompareScreen, ["The Associated Press", "pairs", "row 3 of"])


async def test_help_survives_resizing() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        await step_through_sizes(pilot, HelpScreen, ["Keys · compare", "next row"])


async def test_the_export_dialog_survives_resizing() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        await step_through_sizes(
            pilot, ExportDialog, ["Export the comparison to Markdown", "Export", "Cancel"]
        )
        assert app.screen.query_one(Input).value.endswith(".md"), "the typed path survives"


async def test_the_confirm_dialog_survives_resizing(tmp_path: Path) -> None:
    target = tmp_path / "exists.md"
    target.write_text("keep me", encoding="utf-8")
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the confirmation")
        await step_through_sizes(pilot, ConfirmDialog, ["already exists", "Overwrite (y)", "Cancel (n)"])
        await pilot.press("n")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == "keep me"


async def test_starting_too_small_then_growing_shows_the_story() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=(40, 12)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, TooSmallScreen), "the size message")
        await settle(pilot)
        text = " ".join(screen_text(app).split())
        assert too_small_text(40, 12) in text and "ctrl+c to quit" in text
        assert sum(isinstance(s, TooSmallScreen) for s in app.screen_stack) == 1
        await pilot.press("question_mark", "ctrl+p", "c")
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen), "no key but quitting acts while too small"
        await resize(pilot, 50, 12)
        assert too_small_text(50, 12) in " ".join(screen_text(app).split()), "the message follows the size"
        await resize(pilot, 80, 24)
        screen = await story_ready(pilot)
        assert app.screen is screen and "5 articles" in screen_text(app)


async def test_ctrl_c_quits_while_too_small() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=(40, 12)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, TooSmallScreen), "the size message")
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.return_code == 130
