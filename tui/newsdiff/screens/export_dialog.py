"""The export modal: asks where to write and in which format (Markdown, HTML or JSON), proposing a
file name built from the sources, in the settings' export folder when one is set.

Choosing a format rewrites the proposed name's extension; a name typed with a known extension
(``.md``, ``.html``, ``.json``) decides the format itself, as on the command line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from newsdiff.core.article import Article
from newsdiff.core.render.formats import DEFAULT_FORMAT, FORMATS, format_of, with_extension

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slug(article: Article, limit: int = 32) -> str:
    """A file-name-safe short name: the outlet, else the file's stem ("the-associated-press")."""
    name = article.outlet or Path(article.path).stem
    return _NON_SLUG.sub("-", name.lower()).strip("-")[:limit].strip("-") or "article"


def default_export_path(a: Article, b: Article, folder: Path | None = None, fmt: str = DEFAULT_FORMAT) -> str:
    """``./newsdiff-<a>-vs-<b>.md``, relative to the working folder, or inside ``folder``."""
    name = f"newsdiff-{slug(a)}-vs-{slug(b)}.{fmt}"
    return str(folder / name) if folder is not None else f"./{name}"


def resolve_path(value: str) -> Path | None:
    """The absolute path the reader typed (``~`` expanded), or None for an empty answer."""
    value = value.strip()
    if not value:
        return None
    path = Path(value).expanduser()
    return path if path.is_absolute() else Path.cwd() / path


@dataclass(frozen=True)
class ExportChoice:
    """Where to write, and in which of ``core.render.formats.FORMATS``."""

    path: Path
    fmt: str


def _title(fmt: str) -> str:
    return f"Export the comparison to {FORMATS[fmt]}"


class FormatChoice(RadioSet):
    """The formats as radio buttons where the arrows choose (not only highlight) and enter exports.

    Why: Textual's radio set moves a highlight with the arrows and needs space to choose, and its
    enter chose again rather than export, so HTML took tab, right, space, tab, enter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,down", "step(1)", "next format", id="export.next-format", show=False),
        Binding("left,up", "step(-1)", "previous format", id="export.previous-format", show=False),
        Binding("enter", "screen.export", "export", id="export.export", show=False, tooltip="export now"),
    ]

    def action_step(self, step: int) -> None:
        if step > 0:
            self.action_next_button()
        else:
            self.action_previous_button()
        self.action_toggle_button()


class ExportDialog(ModalScreen[ExportChoice | None]):
    """Returns the chosen path and format, or None when cancelled; the caller writes the file."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel", id="export.cancel")]
    WIDTH = 104
    """Wider than the other dialogs: the proposed name holds two outlets and a folder."""
    DEFAULT_CSS = """
    ExportDialog #export-format { layout: horizontal; width: 100%; height: 1; border: none; padding: 0 1; }
    ExportDialog #export-format RadioButton { width: auto; margin-right: 3; }
    ExportDialog #export-format:focus { background: $boost; }
    """

    def __init__(self, proposal: str, fmt: str = DEFAULT_FORMAT) -> None:
        super().__init__()
        self.proposal = proposal
        self.fmt = fmt

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(_title(self.fmt), classes="dialog-title", id="export-title")
            yield Static(Content(f"Relative paths start in {Path.cwd()}"), classes="hint", markup=False)
            yield Input(self.proposal, id="export-path", select_on_focus=False)
            with FormatChoice(id="export-format"):
                for fmt, label in FORMATS.items():
                    yield RadioButton(label, value=fmt == self.fmt, id=f"export-{fmt}")
            yield Static(Content(""), id="export-error", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Export", variant="primary", id="export-ok")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#dialog").styles.width = self.WIDTH

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        fmt = (event.pressed.id or "").removeprefix("export-")
        if fmt not in FORMATS:
            return
        self.fmt = fmt
        self.query_one("#export-title", Label).update(_title(fmt))
        field = self.query_one("#export-path", Input)
        if field.value.strip():
            field.value = with_extension(field.value.strip(), fmt)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export-ok":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        path = resolve_path(self.query_one("#export-path", Input).value)
        if path is None:
            self.query_one("#export-error", Static).update(Content("Type a file path first."))
            return
        self.dismiss(ExportChoice(path, format_of(path) or self.fmt))

    def action_export(self) -> None:
        self._submit()

    def action_cancel(self) -> None:
        self.dismiss(None)
