"""Make the README screenshots by driving the real app on the bundled seeds.

    python screenshots/generate.py

Writes story.svg, compare.svg and help.svg next to this script. Run from anywhere; paths are
shown relative to the repository root so the images do not leak a local folder name.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from newsdiff.app import NewsdiffApp
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.help_screen import HelpScreen
from newsdiff.screens.story_screen import StoryScreen

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SIZE = (120, 40)


async def settle(app: NewsdiffApp, pilot: object) -> None:
    """Wait for workers and the screen to catch up (no fixed sleeps)."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def main() -> None:
    os.chdir(REPO)
    app = NewsdiffApp(paths=[Path("seeds")])
    async with app.run_test(size=SIZE) as pilot:
        while not (isinstance(app.screen, StoryScreen) and not app.screen.query_one("#loading").display):
            await settle(app, pilot)
        await pilot.press("down")  # highlight the AP article so the details pane shows it
        await settle(app, pilot)
        app.save_screenshot("story.svg", str(HERE))

        await pilot.press("space", "down", "down", "down", "space")  # A = 001 (AP), B = 004
        while not (isinstance(app.screen, CompareScreen) and app.screen.comparison is not None):
            await settle(app, pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")  # jump to a reworded pair
        await settle(app, pilot)
        app.save_screenshot("compare.svg", str(HERE))

        await pilot.press("question_mark")
        while not isinstance(app.screen, HelpScreen):
            await settle(app, pilot)
        await settle(app, pilot)
        app.save_screenshot("help.svg", str(HERE))
    for name in ("story.svg", "compare.svg", "help.svg"):
        print(HERE / name)


if __name__ == "__main__":
    asyncio.run(main())
