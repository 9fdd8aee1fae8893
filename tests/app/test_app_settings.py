"""Settings in the app: the `,` screen edits and saves by keyboard alone, settings apply at once,
the keymap remaps keys (the help shows them as bound), and problems are one notification each."""

from __future__ import annotations

import tomllib
from pathlib import Path

from appdriver import ROW_001, ROW_004, SEEDS, SIZE, settle, story_ready, wait_for
from textual.pilot import Pilot
from textual.widgets import Input, Static, Switch

from newsdiff.app import NewsdiffApp, unknown_binding_ids
from newsdiff.commands import key_commands
from newsdiff.core.settings import Settings, load_settings
from newsdiff.screens.article_picker import ArticlePicker
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.export_dialog import ExportDialog
from newsdiff.screens.help_screen import HelpScreen
from newsdiff.screens.reader_screen import ReaderScreen
from newsdiff.screens.settings_screen import SettingsScreen
from newsdiff.screens.story_screen import StoryScreen
from newsdiff.widgets.article_table import ArticleTable


async def compare_by_marks(pilot: Pilot[None], a_row: int = ROW_001, b_row: int = ROW_004) -> CompareScreen:
    """Mark A and B with a / b (``b_row`` below ``a_row``), compare with c, wait for the alignment."""
    screen = await story_ready(pilot)
    table = screen.query_one(ArticleTable)
    await pilot.press(*["up"] * table.cursor_row, *["down"] * a_row, "a")
    await pilot.press(*["down"] * (b_row - a_row), "b", "c")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CompareScreen), "the comparison screen")
    compare = pilot.app.screen
    assert isinstance(compare, CompareScreen)
    await wait_for(pilot, lambda: compare.comparison is not None, "the alignment")
    await settle(pilot)
    return compare


def warnings(app: NewsdiffApp) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "warning"]


async def open_settings(pilot: Pilot[None]) -> SettingsScreen:
    await pilot.press("comma")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, SettingsScreen), "the settings screen")
    screen = pilot.app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


async def test_settings_screen_saves_by_keyboard_alone(tmp_path: Path) -> None:
    config = tmp_path / "conf" / "config.toml"
    app = NewsdiffApp(paths=[SEEDS], config_path=config)
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        screen = await open_settings(pilot)
        assert str(config) in str(screen.query_one("#settings-path", Static).visual)
        assert screen.focused is screen.query_one("#setting-ignore_case", Switch)
        # space toggles ignore case; tab x4 reaches the threshold (after the four switches)
        await pilot.press("space", "tab", "tab", "tab", "tab")
        assert screen.focused is screen.query_one("#setting-threshold", Input)
        states = [str(state.visual) for state in screen.query(".state").results(Static)]
        assert states == ["on", "off", "off", "on"]  # said in words too, for terminals without colour
        await pilot.press("ctrl+a", "shift+end", "backspace", *"0.25")
        await pilot.press("tab", *"72", "enter")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        data = tomllib.loads(config.read_text(encoding="utf-8"))
        assert data["ignore_case"] is True and data["threshold"] == 0.25 and data["wrap_width"] == 72
        assert load_settings(config).settings == app.settings
        assert app.settings.ignore_case and app.threshold == 0.25 and app.options.ignore_case
        story = app.screen
        assert story.threshold == 0.25 and story.options.ignore_case
        assert any(f"Saved to {config}" == n.message for n in app._notifications)


async def test_a_bad_value_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    app = NewsdiffApp(paths=[SEEDS], config_path=config)
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        screen = await open_settings(pilot)
        screen.query_one("#setting-wrap_width", Input).value = "7"
        screen.query_one("#setting-threshold", Input).value = "two"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen and not config.exists()
        error = str(screen.query_one("#settings-error", Static).visual)
        assert "threshold must be a number from 0 to 1, not 'two'" in error
        assert "wrap_width must be a whole number of columns, at least 20" in error
        assert screen.focused is screen.query_one("#setting-threshold", Input)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen) and not config.exists()
        assert app.settings == Settings()


async def test_a_missing_export_folder_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    app = NewsdiffApp(paths=[SEEDS], config_path=config)
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        screen = await open_settings(pilot)
        screen.query_one("#setting-export_dir", Input).value = str(tmp_path / "nowhere")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "no such folder" in str(screen.query_one("#settings-error", Static).visual)
        assert not config.exists()


async def test_settings_apply_to_the_open_comparison(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    app = NewsdiffApp(paths=[SEEDS], config_path=config)
    async with app.run_test(size=SIZE) as pilot:
        compare = await compare_by_marks(pilot)
        assert compare.comparison is not None and not compare.comparison.options.ignore_case
        screen = await open_settings(pilot)
        await pilot.press("space", "enter")  # ignore case on, saved
        await settle(pilot)
        assert app.screen is compare
        assert compare.comparison is not None and compare.comparison.options.ignore_case
        assert tomllib.loads(config.read_text(encoding="utf-8"))["ignore_case"] is True
        del screen


async def test_comma_does_not_open_settings_over_a_dialog() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        await pilot.press("comma")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_help_lists_the_settings_key() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        commands = {c.title: c.keys for c in key_commands(screen)}
        assert commands["app: settings"] == (",",)


async def test_keymap_from_settings_remaps_and_help_shows_it() -> None:
    settings = Settings(keys={"compare.next-difference": "x", "app.settings": "f2"})
    app = NewsdiffApp(paths=[SEEDS], settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        compare = await compare_by_marks(pilot)
        view = compare.diff_view
        assert view.cursor == 0
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert view.cursor == 0, "the old key still works"
        await pilot.press("x")
        await settle(pilot)
        assert view.cursor > 0, "the new key does nothing"
        await pilot.press("comma")
        await settle(pilot)
        assert app.screen is compare, "the old settings key still works"
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen), "settings on f2")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is compare, "back to the comparison")
        commands = {c.name: c.keys for c in key_commands(compare)}
        assert commands["next difference"] == ("x",)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        lines = str(app.screen.query_one("#help-keys", Static).visual).splitlines()
        line = next(line for line in lines if "jump to the next changed" in line)
        assert line.split()[0] == "x" and "]" not in line
        assert any(line.startswith("f2 ") and "settings" in line for line in lines)


async def test_unknown_binding_id_is_one_warning() -> None:
    settings = Settings(keys={"compare.nxet-difference": "x", "compare.swap-sides": "z"})
    app = NewsdiffApp(paths=[SEEDS], settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        found = [w for w in warnings(app) if "compare.nxet-difference" in w]
        assert found == ["keys: no binding has the id 'compare.nxet-difference'; ignored"]
        assert not any("swap-sides" in w for w in warnings(app))


def test_binding_ids_include_screens_not_yet_opened() -> None:
    assert unknown_binding_ids(["settings.save", "export.cancel", "compare.copy-pair", "nope.x"]) == [
        "nope.x"
    ]


async def test_config_warning_and_unknown_theme_are_notified() -> None:
    app = NewsdiffApp(paths=[SEEDS], settings=Settings(theme="no-such-theme"), config_warning="c.toml: bad")
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        assert "c.toml: bad" in warnings(app)
        assert any("no theme is called 'no-such-theme'" in w for w in warnings(app))
        assert app.theme == "textual-dark"


async def test_theme_from_settings_and_from_the_screen(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    app = NewsdiffApp(paths=[SEEDS], settings=Settings(theme="nord"), config_path=config)
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        assert app.theme == "nord"
        screen = await open_settings(pilot)
        screen.query_one("#setting-theme").value = "dracula"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.theme == "dracula"
        assert tomllib.loads(config.read_text(encoding="utf-8"))["theme"] == "dracula"


async def test_export_dialog_offers_formats_and_the_export_folder(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    app = NewsdiffApp(paths=[SEEDS], settings=Settings(export_dir=str(folder)))
    async with app.run_test(size=SIZE) as pilot:
        await compare_by_marks(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        dialog = app.screen
        field = dialog.query_one("#export-path", Input)
        assert field.value == str(folder / "newsdiff-the-associated-press-vs-004-0585261c54842d1b.md")
        # keyboard only: tab to the formats, right chooses HTML, enter exports
        await pilot.press("tab", "right")
        await settle(pilot)
        assert field.value.endswith("-0585261c54842d1b.html")
        assert "to HTML" in str(dialog.query_one("#export-title").visual)
        await pilot.press("enter")
        await settle(pilot)
        target = Path(field.value)
        assert isinstance(app.screen, CompareScreen)
        text = target.read_text(encoding="utf-8")
        assert text.startswith("<!DOCTYPE html>") and "<script" not in text


async def test_typed_extension_decides_the_format(tmp_path: Path) -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await compare_by_marks(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "cmp.json")
        await pilot.press("enter")
        await settle(pilot)
        import json

        data = json.loads((tmp_path / "cmp.json").read_text(encoding="utf-8"))
        assert {"a", "b", "pairs", "only_a", "only_b"} <= set(data)


async def test_column_settings_reach_the_comparison_and_change_at_once(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    settings = Settings(wrap_width=40, show_scores=False)
    app = NewsdiffApp(paths=[SEEDS], settings=settings, config_path=config)
    async with app.run_test(size=SIZE) as pilot:
        compare = await compare_by_marks(pilot)
        view = compare.diff_view
        assert (view.wrap_width, view.show_scores) == (40, False)
        await open_settings(pilot)
        await pilot.press(
            "tab", "tab", "tab", "space", "tab", "tab", "ctrl+a", "shift+end", "backspace", "enter"
        )
        await settle(pilot)
        assert app.screen is compare
        assert (view.wrap_width, view.show_scores) == (None, True)
        data = tomllib.loads(config.read_text(encoding="utf-8"))
        assert data["show_scores"] is True and "wrap_width" not in data


async def test_settings_saved_while_reading_reach_the_comparison_opened_from_the_reader() -> None:
    """The screens read the app's settings when they need them (one source, no copy taken when the
    reader opened): a comparison opened with c after a change aligns at the new threshold."""
    app = NewsdiffApp(paths=[SEEDS], settings=Settings(threshold=0.3))
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
        app.settings = Settings(threshold=0.45, ignore_case=True)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ArticlePicker), "the picker")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "the comparison")
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        await wait_for(pilot, lambda: compare.comparison is not None, "the alignment")
        assert compare.comparison is not None
        assert compare.threshold == 0.45 and compare.comparison.options.ignore_case
