"""The export modal: asks where to write the Markdown, proposing a name built from the sources."""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from newsdiff.core.article import Article

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slug(article: Article, limit: int = 32) -> str:
    """A file-name-safe short name: the outlet, else the file's stem ("the-associated-press")."""
    name = article.outlet or Path(article.path).stem
    return _NON_SLUG.sub("-", name.lower()).strip("-")[:limit].strip("-") or "article"


def default_export_path(a: Article, b: Article) -> str:
    """``./newsdiff-<a>-vs-<b>.md``, relative to the working folder."""
    return f"./newsdiff-{slug(a)}-vs-{slug(b)}.md"


def resolve_path(value: str) -> Path | None:
    """The absolute path the reader typed (``~`` expanded), or None for an empty answer."""
    value = value.strip()
    if not value:
        return None
    path = Path(value).expanduser()
    return path if path.is_absolute() else Path.cwd() / path


class ExportDialog(ModalScreen[Path | None]):
    """Returns the chosen absolute path, or None when cancelled; the caller writes the file."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel", id="export.cancel")]

    def __init__(self, proposal: str) -> None:
        super().__init__()
        self.proposal = proposal

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Export the comparison to Markdown", classes="dialog-title")
            yield Static(Content(f"Relative paths start in {Path.cwd()}"), classes="hint", markup=False)
            yield Input(self.proposal, id="export-path", select_on_focus=False)
            yield Static(Content(""), id="export-error", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Export", variant="primary", id="export-ok")
                yield Button("Cancel", id="export-cancel")

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
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
