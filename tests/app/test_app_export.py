"""Export from the comparison screen: the dialog, the overwrite confirmation, errors."""

from __future__ import annotations

from pathlib import Path

from appdriver import SEEDS, SIZE, open_comparison, settle, wait_for
from textual.pilot import Pilot
from textual.widgets import Input, Label, RadioButton

from newsdiff.app import NewsdiffApp
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.confirm_dialog import ConfirmDialog
from newsdiff.screens.export_dialog import ExportDialog


async def type_path(pilot: Pilot[None], path: Path) -> None:
    """Replace the proposed path by ``path``, typed key by key, and submit."""
    await pilot.press("end", "ctrl+u", *str(path), "enter")


async def enter_path(pilot: Pilot[None], path: Path) -> None:
    """Faster than typing: set the field, then submit with the enter key."""
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ExportDialog), "the export dialog")
    pilot.app.screen.query_one(Input).value = str(path)
    await pilot.press("enter")


async def test_e_exports_to_the_typed_path(tmp_path: Path) -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        proposal = app.screen.query_one(Input).value
        assert proposal == "./newsdiff-the-associated-press-vs-004-0585261c54842d1b.md"
        target = tmp_path / "out.md"
        await type_path(pilot, target)
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        text = target.read_text(encoding="utf-8")
        assert "The Associated Press" in text and "0585261c54842d1b" in text  # Markdown escapes the _
        assert any(str(target) in n.message and n.severity == "information" for n in app._notifications)


async def test_an_existing_file_is_overwritten_only_after_confirmation(tmp_path: Path) -> None:
    target = tmp_path / "exists.md"
    target.write_text("keep me", encoding="utf-8")
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        await pilot.press("e")
        await enter_path(pilot, target)
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("e")
        await enter_path(pilot, target)
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the confirmation")
        await pilot.press("y")
        await settle(pilot)
        assert "The Associated Press" in target.read_text(encoding="utf-8")


async def test_a_write_error_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "out.md"
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        await pilot.press("e")
        await enter_path(pilot, target)
        await settle(pilot)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1
        assert "\n" not in errors[0].message and not errors[0].markup
        assert not target.exists()
        assert isinstance(app.screen, CompareScreen)


async def test_escape_cancels_the_export(tmp_path: Path) -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert not list(tmp_path.iterdir())


async def test_html_is_tab_right_enter_and_the_next_export_proposes_it(tmp_path: Path) -> None:
    """From the path field: tab to the formats, an arrow chooses HTML (the name follows), enter
    exports; the next ``e`` proposes HTML again."""
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        app.screen.query_one(Input).value = str(tmp_path / "out.md")
        await pilot.press("tab", "right")
        await settle(pilot)
        assert app.screen.query_one(Input).value == str(tmp_path / "out.html")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert (tmp_path / "out.html").read_text(encoding="utf-8").lstrip().startswith("<!DOCTYPE html>")
        assert not (tmp_path / "out.md").exists()

        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog again")
        assert app.screen.query_one(Input).value.endswith(".html")
        assert app.screen.query_one("#export-html", RadioButton).value
        assert "HTML" in str(app.screen.query_one("#export-title", Label).content)
