"""Every key is in the help screen and the command palette, read from the active bindings."""

from __future__ import annotations

from appdriver import SEEDS, SIZE, diff_view, open_comparison, settle, story_ready, text_of, wait_for
from textual.command import CommandPalette
from textual.widgets import Static

from newsdiff.app import NewsdiffApp
from newsdiff.commands import key_commands
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.help_screen import HelpScreen
from newsdiff.screens.story_screen import StoryScreen

COMPARE_KEYS = ["j", "k", "]", "[", "n", "p", "g", "G", "s", "i", "b", "w", "e", "q", "esc", "?"]


async def test_question_mark_lists_the_compare_keys_and_escape_closes() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        lines = text_of(app.screen.query_one("#help-keys", Static)).splitlines()
        keys = {key for line in lines for key in line[:16].split()}
        assert set(COMPARE_KEYS) <= keys
        text = "\n".join(lines)
        assert "jump to the next changed or unpaired row" in text
        assert "hide or show identical pairs" in text
        legend = text_of(app.screen.query_one("#help-legend", Static)).splitlines()
        figure = [line for line in legend if line.startswith("0.72")]
        assert len(figure) == 1 and figure[0].startswith(f"{'0.72':<22}share of the pair's words that match")
        # Every explanation starts in one column, a wrapped one too; the row tags are explained.
        assert all(len(line) > 22 and line[21] == " " and line[22] != " " for line in legend), legend
        for tag in ("⚠ fact", "same", "moved", "boiler", "only A"):
            assert any(line.startswith(tag) for line in legend), tag
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)


async def test_help_on_the_story_screen_lists_its_keys() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = text_of(app.screen.query_one("#help-keys", Static))
        assert "mark the highlighted article as A" in text
        assert "mark the highlighted article as B" in text
        assert "quit newsdiff" in text
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)


async def test_every_compare_binding_has_an_id_and_a_palette_name() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot)
        titles = {command.title for command in key_commands(screen)}
        for title in (
            "compare: next difference",
            "compare: previous difference",
            "compare: swap sides",
            "compare: toggle identical",
            "compare: toggle boilerplate",
            "compare: toggle word level",
            "compare: export markdown",
            "app: help",
            "app: quit",
        ):
            assert title in titles


async def test_the_palette_runs_a_compare_command() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        view = diff_view(app)
        assert view.cursor == 0
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the command palette")
        await pilot.press(*"compare: next difference")
        await settle(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "the palette to close")
        await wait_for(pilot, lambda: view.cursor > 0, "the jump")
        assert view.current_view is not None and view.current_view.changed


async def test_bindings_can_be_remapped_by_id() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot)
        app.set_keymap({"compare.next-difference": "x"})
        await settle(pilot)
        view = diff_view(app)
        await pilot.press("x")
        assert view.cursor > 0
        assert any(
            command.keys == ("x",) for command in key_commands(screen) if command.name == "next difference"
        )


async def test_wrapped_help_lines_start_under_their_text_not_at_column_0() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=(80, 24)) as pilot:
        await story_ready(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        lines = text_of(app.screen.query_one("#help-keys", Static)).splitlines()
        assert max(len(line) for line in lines) <= 80 - 10, "wrapped to the help's width"
        wrapped = [line for line in lines if line.startswith(" ")]
        assert wrapped, "at 80 columns some descriptions take two lines"
        assert all(line.startswith(" " * 16) and line[16] != " " for line in wrapped), wrapped
