"""The ``,`` screen: every setting as a form field, saved to the config file and applied at once.

Made for the keyboard: tab / shift+tab move between fields, space toggles a switch, enter saves
from any switch or text field (ctrl+s from anywhere), escape leaves without saving. The values
are checked by the same rules as the file (``core.settings.parse_settings``), so the screen can
never save a file that would later be refused; a problem is shown under the form and the field
that has it gets the focus.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static, Switch

from newsdiff.core.errors import InputError
from newsdiff.core.settings import Settings, parse_settings, save_settings

SWITCHES = (
    ("ignore_case", "Ignore case", "'Kim' and 'KIM' are the same word"),
    ("ignore_punctuation", "Ignore punctuation", "show only changed words"),
    ("strict_quotes", "Strict quotes", "curly and straight quotes differ"),
    ("show_scores", "Show scores", "the comparison's similarity column"),
)
TEXT_FIELDS = (
    ("threshold", "Pairing threshold", "0 to 1, lower pairs looser (next comparison)"),
    ("wrap_width", "Column width", "widest text column; empty: window's width"),
    ("export_dir", "Export folder", "proposed for exports; empty: current folder"),
)


class SettingSwitch(Switch, inherit_bindings=False):
    """A switch that space toggles, leaving enter to save the form."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "toggle_switch", "toggle", show=False)]


def _on_off(value: bool) -> Content:
    """The switch's state in words, for terminals without colour."""
    return Content("on" if value else "off")


def _field_text(settings: Settings, name: str) -> str:
    value = getattr(settings, name)
    return "" if value is None else str(value)


def _parse_text(name: str, text: str) -> tuple[object, str | None]:
    """A text field's value as the file would hold it, or a problem."""
    text = text.strip()
    if name == "export_dir":
        if text and not Path(text).expanduser().is_dir():
            return text, f"export folder: no such folder: {text}"
        return text, None
    if name == "wrap_width":
        if not text:
            return 0, None
        return (int(text), None) if text.isdigit() else (text, None)
    try:
        return float(text), None
    except ValueError:
        return text, None  # the shared rules word the problem


class SettingsScreen(ModalScreen[Settings | None]):
    """Returns the saved settings, or None when left without saving."""

    AREA = "settings"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="settings.cancel", tooltip="leave without saving"),
        Binding("enter", "save", "save", id="settings.save", tooltip="save the settings and apply them"),
        Binding(
            "ctrl+s",
            "save",
            "save",
            id="settings.save-anywhere",
            priority=True,
            tooltip="save from any field",
        ),
    ]
    DEFAULT_CSS = """
    SettingsScreen { align: center middle; }
    SettingsScreen #settings { width: 110; max-width: 100%; height: auto; max-height: 100%;
        padding: 1 2; border: thick $primary; background: $surface; }
    SettingsScreen .setting { height: 1; margin-bottom: 1; }
    SettingsScreen .setting Label { width: 22; padding: 0 1; }
    SettingsScreen .setting:focus-within Label { background: $accent; color: $text; text-style: bold; }
    SettingsScreen .setting Input, SettingsScreen .setting Select { width: 30; }
    SettingsScreen .setting Input { background: $boost; }
    SettingsScreen .setting SettingSwitch { width: 25; height: 1; border: none; padding: 0; }
    SettingsScreen .setting .state { width: 5; padding: 0 1; }
    SettingsScreen .setting SettingSwitch:focus { border: none; }
    SettingsScreen .setting .help { width: 1fr; padding: 0 0 0 2; color: $text-muted;
        text-wrap: nowrap; text-overflow: ellipsis; }
    SettingsScreen #settings-path { color: $text-muted; margin-bottom: 1; }
    SettingsScreen #settings-error { color: $text-error; height: auto; }
    SettingsScreen .buttons { height: auto; align-horizontal: right; }
    SettingsScreen Button { margin-left: 2; }
    SettingsScreen .hint { color: $text-muted; }
    SettingsScreen.-short .setting { margin-bottom: 0; }
    SettingsScreen.-narrow .setting Label { width: 20; }
    SettingsScreen.-narrow .setting Input, SettingsScreen.-narrow .setting Select { width: 20; }
    SettingsScreen.-narrow .setting SettingSwitch { width: 15; }
    """
    SHORT_BELOW = 32
    """Lines below which the fields lose their blank line between them, so Save stays in view."""
    NARROW_BELOW = 100
    """Columns below which the fields get narrower, so their help stays readable."""

    def __init__(self, settings: Settings, path: Path, themes: list[str]) -> None:
        super().__init__()
        self.settings = settings
        self.path = path
        self.themes = themes if settings.theme in themes else [settings.theme, *themes]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="settings"):
            yield Label("Settings", classes="dialog-title")
            yield Static(Content(f"Saved in {self.path}"), id="settings-path", markup=False)
            for name, label, help_text in SWITCHES:
                with Horizontal(classes="setting"):
                    yield Label(label)
                    yield SettingSwitch(getattr(self.settings, name), id=f"setting-{name}")
                    yield Static(_on_off(getattr(self.settings, name)), classes="state", markup=False)
                    yield Static(Content(help_text), classes="help", markup=False)
            for name, label, help_text in TEXT_FIELDS:
                with Horizontal(classes="setting"):
                    yield Label(label)
                    yield Input(
                        _field_text(self.settings, name),
                        id=f"setting-{name}",
                        select_on_focus=False,
                        placeholder="not set" if name != "threshold" else "",
                        compact=True,
                    )
                    yield Static(Content(help_text), classes="help", markup=False)
            with Horizontal(classes="setting"):
                yield Label("Theme")
                yield Select(
                    [(theme, theme) for theme in self.themes],
                    value=self.settings.theme,
                    allow_blank=False,
                    id="setting-theme",
                    compact=True,
                )
                yield Static(Content("colours of the whole app"), classes="help", markup=False)
            yield Static(Content(""), id="settings-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="settings-save")
                yield Button("Cancel", id="settings-cancel")
            yield Static(
                Content("tab moves · space toggles · enter saves · escape cancels"),
                classes="hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self._fit()
        self.query_one(f"#setting-{SWITCHES[0][0]}").focus()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        self.set_class(self.app.size.height < self.SHORT_BELOW, "-short")
        self.set_class(self.app.size.width < self.NARROW_BELOW, "-narrow")

    def collected(self) -> tuple[Settings, list[tuple[str, str]]]:
        """The form's settings, and (field name, problem) for each value refused."""
        data: dict[str, Any] = {
            name: self.query_one(f"#setting-{name}", Switch).value for name, _, _ in SWITCHES
        }
        problems: list[tuple[str, str]] = []
        for name, _, _ in TEXT_FIELDS:
            value, problem = _parse_text(name, self.query_one(f"#setting-{name}", Input).value)
            if problem:
                problems.append((name, problem))
            else:
                data[name] = value
        data["theme"] = str(self.query_one("#setting-theme", Select).value)
        data["keys"] = dict(self.settings.keys)
        settings, shared = parse_settings(data)
        problems += [(problem.split(" ", 1)[0], problem) for problem in shared]
        return settings, problems

    def action_save(self) -> None:
        settings, problems = self.collected()
        error = self.query_one("#settings-error", Static)
        if problems:
            error.update(Content("; ".join(problem for _, problem in problems)))
            field: Widget = self.query_one(f"#setting-{problems[0][0]}")
            field.focus()
            return
        try:
            save_settings(settings, self.path)
        except InputError as exc:
            error.update(Content(f"Not saved: {exc}"))
            return
        self.dismiss(settings)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_switch_changed(self, event: Switch.Changed) -> None:
        event.stop()
        if event.switch.parent is not None:
            event.switch.parent.query_one(".state", Static).update(_on_off(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "settings-save":
            self.action_save()
        else:
            self.dismiss(None)
