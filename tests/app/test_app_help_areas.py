"""``?`` lists each screen's own keys: the story-wide screens (coverage, a report, lineage, quotes,
an utterance) as much as the story and the comparison."""

from __future__ import annotations

import pytest
from appdriver import SEEDS, settle, story_ready, text_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Static

from newsdiff.app import NewsdiffApp, binding_ids
from newsdiff.commands import AREAS
from newsdiff.screens.help_screen import HelpScreen

SIZE = (120, 40)


def test_every_binding_id_names_an_area_the_help_lists() -> None:
    ids = binding_ids()
    ours = {binding_id for binding_id in ids if binding_id.split(".", 1)[0] in AREAS}
    assert {"coverage.open", "quotes.open", "lineage.back", "report.back", "quote.back"} <= ours


async def _help_keys(pilot: Pilot[None]) -> dict[frozenset[str], str]:
    """The help's lines as {the line's keys: what they do}."""
    await pilot.press("question_mark")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), "the help")
    lines = text_of(pilot.app.screen.query_one("#help-keys", Static)).splitlines()
    return {frozenset(line[:16].split()): line[16:].strip() for line in lines}


# (keys to reach the screen, keys its help must list)
SCREENS = {
    "coverage": (["C"], ["⏎", "x", "q esc", "↓ j", "↑ k", "home g", "end G"]),
    "report": (["C", "enter"], ["q esc", "↓ j", "↑ k", "home g", "end G"]),
    "lineage": (["L"], ["q esc", "↓ j", "↑ k", "home g", "end G"]),
    "quotes": (["Q"], ["⏎", "q esc", "↓ j", "↑ k", "home g", "end G"]),
    "quote": (["Q", "enter"], ["q esc", "↓ j", "↑ k", "home g", "end G"]),
}


@pytest.mark.parametrize("name", list(SCREENS))
async def test_help_lists_the_screens_own_keys(name: str) -> None:
    path, expected = SCREENS[name]
    async with NewsdiffApp(paths=[SEEDS]).run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        for key in path:
            await pilot.press(key)
            await settle(pilot)
            await wait_for(pilot, lambda: getattr(pilot.app.screen, "result", True) is not None, "result")
        assert getattr(pilot.app.screen, "AREA", "") == name
        keys = await _help_keys(pilot)
        missing = [key for key in expected if frozenset(key.split()) not in keys]
        assert missing == [], f"{name}: {missing} not in the help: {keys}"
        assert keys[frozenset("?")].startswith("show every key")
