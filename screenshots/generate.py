"""Make the README screenshots by driving the real app on the bundled seeds.

    python screenshots/generate.py

Writes one SVG per screen next to this script (story, reader, compare (two outlets), rewrite
(a condensed rewrite), search, coverage,
report, quotes, quote, lineage, settings, open, help). Run from anywhere; paths are shown relative
to the repository root so the images do not leak a local folder name. Every image is the real app
driven by key presses, the way a person would get there.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from textual.pilot import Pilot
from textual.screen import Screen

from newsdiff.app import NewsdiffApp
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.coverage_screen import CoverageScreen
from newsdiff.screens.help_screen import HelpScreen
from newsdiff.screens.lineage_screen import LineageScreen
from newsdiff.screens.open_dialog import OpenDialog
from newsdiff.screens.quotes_screen import QuoteClusterScreen, QuotesScreen
from newsdiff.screens.reader_screen import ReaderScreen
from newsdiff.screens.report_screen import ReportScreen
from newsdiff.screens.settings_screen import SettingsScreen
from newsdiff.screens.story_screen import StoryScreen

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SIZE = (120, 40)
NAMES: list[str] = []


async def settle(app: NewsdiffApp, pilot: Pilot[None]) -> None:
    """Wait for workers and the screen to catch up (no fixed sleeps)."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def reach(app: NewsdiffApp, pilot: Pilot[None], kind: type[Screen[object]]) -> None:
    """Wait until the screen on top is a ``kind`` and its workers are done."""
    for _ in range(400):
        await settle(app, pilot)
        if isinstance(app.screen, kind):
            await settle(app, pilot)
            return
    raise SystemExit(f"never reached {kind.__name__}")


def shoot(app: NewsdiffApp, name: str) -> None:
    app.save_screenshot(f"{name}.svg", str(HERE))
    NAMES.append(f"{name}.svg")


async def main() -> None:
    os.chdir(REPO)
    os.environ["NEWSDIFF_CONFIG"] = os.devnull  # the defaults, not this machine's settings
    app = NewsdiffApp(paths=[Path("seeds")])
    async with app.run_test(size=SIZE) as pilot:
        while not (isinstance(app.screen, StoryScreen) and not app.screen.query_one("#loading").display):
            await settle(app, pilot)
        await pilot.press("down")  # highlight the AP article so the details pane shows it
        await settle(app, pilot)
        shoot(app, "story")

        await pilot.press("enter")  # the AP article, whole
        await reach(app, pilot, ReaderScreen)
        shoot(app, "reader")
        await pilot.press("escape")
        await reach(app, pilot, StoryScreen)

        await pilot.press("up", "c")  # the first pair offered: The Globe and Mail vs AP, two outlets
        while not (isinstance(app.screen, CompareScreen) and app.screen.comparison is not None):
            await settle(app, pilot)
        await pilot.press("right_curly_bracket", "right_curly_bracket")  # the second pair: Kim's arrival
        await settle(app, pilot)
        shoot(app, "compare")
        await pilot.press("escape")
        await reach(app, pilot, StoryScreen)

        await pilot.press("down", "space", "down", "down", "down", "space")  # A = 001 (AP), B = 004
        while not (isinstance(app.screen, CompareScreen) and app.screen.comparison is not None):
            await settle(app, pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")  # jump to a reworded pair
        await settle(app, pilot)
        shoot(app, "rewrite")

        await pilot.press("slash", *"Kim", "enter")
        await settle(app, pilot)
        shoot(app, "search")
        await pilot.press("escape", "escape")
        await reach(app, pilot, StoryScreen)

        await pilot.press("C")
        await reach(app, pilot, CoverageScreen)
        shoot(app, "coverage")
        await pilot.press("enter")
        await reach(app, pilot, ReportScreen)
        shoot(app, "report")
        await pilot.press("escape")
        await reach(app, pilot, CoverageScreen)
        await pilot.press("escape")
        await reach(app, pilot, StoryScreen)

        await pilot.press("Q")
        await reach(app, pilot, QuotesScreen)
        shoot(app, "quotes")
        await pilot.press("enter")
        await reach(app, pilot, QuoteClusterScreen)
        shoot(app, "quote")
        await pilot.press("escape")
        await reach(app, pilot, QuotesScreen)
        await pilot.press("escape")
        await reach(app, pilot, StoryScreen)

        await pilot.press("L")
        await reach(app, pilot, LineageScreen)
        shoot(app, "lineage")
        await pilot.press("escape")
        await reach(app, pilot, StoryScreen)

        await pilot.press("comma")
        await reach(app, pilot, SettingsScreen)
        shoot(app, "settings")
        await pilot.press("escape")
        await reach(app, pilot, StoryScreen)

        os.chdir("/")  # the prompt names the working folder; keep this machine's out of the image
        await pilot.press("o")
        await reach(app, pilot, OpenDialog)
        await pilot.press(*"https://apnews.com/")
        await settle(app, pilot)
        shoot(app, "open")
        await pilot.press("escape")
        await reach(app, pilot, StoryScreen)
        os.chdir(REPO)

        await pilot.press("question_mark")
        await reach(app, pilot, HelpScreen)
        shoot(app, "help")
    for name in NAMES:
        print(HERE / name)


if __name__ == "__main__":
    asyncio.run(main())
