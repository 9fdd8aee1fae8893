"""The prompts of the story screen's ``o`` (open a file, folder, URL or feed) and ``S`` (save the
story as a folder): one line to type in, checked as it is typed, the problem said under it.

They only ask; the story screen does the loading and saving (in a worker), so these stay small.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, Static

from newsdiff.core.fetch import ALLOWED_SCHEMES, is_url
from newsdiff.screens.export_dialog import resolve_path


def resolve(value: str) -> Path:
    """What the reader typed as a path (``~`` expanded, relative to the working folder), as the
    export dialog reads it; nothing typed means the working folder itself."""
    return resolve_path(value) or Path.cwd()


def source_problem(value: str) -> str | None:
    """Why ``value`` cannot be opened, in a few words, or None when it can be tried."""
    value = value.strip()
    if not value:
        return "Type a file, a folder, or an http(s) URL of a page or a feed."
    if is_url(value):
        parts = urlsplit(value)
        if parts.scheme.lower() not in ALLOWED_SCHEMES:
            return "Only http:// and https:// URLs can be opened."
        if not parts.hostname:
            return "That URL has no host name."
        return None
    if not resolve(value).exists():
        return f"No such file or folder: {resolve(value)}"
    return None


def folder_problem(value: str) -> str | None:
    """Why ``value`` cannot be a story folder, or None (a missing folder is created)."""
    value = value.strip()
    if not value:
        return "Type the folder to save the story in."
    path = resolve(value)
    if path.exists() and not path.is_dir():
        return f"That is a file, not a folder: {path}"
    return None


MAX_LISTED = 5_000
"""Entries of a folder looked at for a completion: a huge folder must not stall typing."""


def complete_path(value: str, folders_only: bool = False) -> str | None:
    """``value`` with its last part completed from the folder it names (the first match by
    name, a folder with a trailing ``/``), or None: nothing matches, or it is a URL. Hidden
    entries are offered only once a ``.`` is typed."""
    if not value or is_url(value):
        return None
    head, slash, prefix = value.rpartition("/")
    folder = resolve(head + slash) if slash else Path.cwd()
    try:
        with os.scandir(folder) as entries:
            names = sorted(
                entry.name + ("/" if entry.is_dir() else "")
                for entry in itertools.islice(entries, MAX_LISTED)
                if entry.name.startswith(prefix)
                and (prefix.startswith(".") or not entry.name.startswith("."))
                and (not folders_only or entry.is_dir())
            )
    except OSError:
        return None
    match = next((name for name in names if name != prefix), None)
    return None if match is None else value[: len(value) - len(prefix)] + match


class PathSuggester(Suggester):
    """Suggests the rest of a typed path, shown dimmed after the cursor (``complete_path``)."""

    def __init__(self, folders_only: bool = False) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.folders_only = folders_only

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value, self.folders_only)


class PathInput(Input):
    """An input with path completion: ``tab`` at the end takes the suggestion, as in a shell (and
    moves on to the buttons when there is none); ``→`` takes it too, as in every Textual input."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "complete", "complete", id="prompt.complete", show=False, tooltip="complete the path")
    ]

    def action_complete(self) -> None:
        before = self.value
        if self.cursor_position == len(before):
            self.action_cursor_right()  # Textual's way to accept the suggestion
        if self.value == before:
            self.screen.focus_next()


class PromptDialog(ModalScreen[str | None]):
    """Asks for one line; enter returns it (when ``problem`` has nothing against it), escape None."""

    DEFAULT_CSS = """
    PromptDialog { align: center middle; }
    PromptDialog #dialog { width: 90; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="prompt.cancel", tooltip="close without doing anything")
    ]

    def __init__(
        self,
        title: str,
        hint: str,
        value: str,
        ok: str,
        problem: Callable[[str], str | None],
        suggester: Suggester | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint
        self.value = value
        self.ok = ok
        self.problem = problem
        self.suggester = suggester

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Content(self.title_text), classes="dialog-title")
            yield Static(Content(self.hint), classes="hint", markup=False)
            yield PathInput(self.value, id="prompt-input", select_on_focus=False, suggester=self.suggester)
            yield Static(Content(""), id="prompt-error", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.ok, variant="primary", id="prompt-ok")
                yield Button("Cancel", id="prompt-cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Say what is wrong while typing, but only once it can no longer be a half-typed URL."""
        event.stop()
        value = event.value.strip()
        typing_url = "://" not in value and "http".startswith(value.split(":", 1)[0].lower())
        self._show(None if not value or typing_url else self.problem(value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "prompt-ok":
            self._submit()
        else:
            self.dismiss(None)

    def _show(self, problem: str | None) -> None:
        self.query_one("#prompt-error", Static).update(Content(problem or ""))

    def _submit(self) -> None:
        value = self.query_one(Input).value.strip()
        problem = self.problem(value)
        if problem:
            self._show(problem)
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class OpenDialog(PromptDialog):
    """``o``: a file (txt, md, html), a folder, a feed file, or the URL of a page or a feed."""

    def __init__(self, value: str = "") -> None:
        super().__init__(
            "Add articles to the story",
            "A file (txt, md, html), a folder, a feed file (xml, rss, atom), or an http(s) URL "
            f"of a page or an RSS/Atom feed. Relative paths start in {Path.cwd()}",
            value,
            "Open",
            source_problem,
            PathSuggester(),
        )


class SaveDialog(PromptDialog):
    """``S``: the folder to save the story in, one Markdown file per article."""

    def __init__(self, value: str) -> None:
        super().__init__(
            "Save the story as a folder of Markdown files",
            "One .md file per article, with its title, outlet, URL, date and author; "
            f"'newsdiff FOLDER' reopens it. Relative paths start in {Path.cwd()}",
            value,
            "Save",
            folder_problem,
            PathSuggester(folders_only=True),
        )
