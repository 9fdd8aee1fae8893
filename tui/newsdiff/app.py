"""The Textual application: app-wide keys, the command palette, and the first screen.

Kept small on purpose: screens live in ``newsdiff.screens``, widgets in ``newsdiff.widgets``,
and everything the app shows is computed by ``newsdiff.core``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from newsdiff.commands import KeyCommandsProvider
from newsdiff.core.align import DEFAULT_THRESHOLD
from newsdiff.core.seeds import seeds_dir
from newsdiff.core.worddiff import DiffOptions
from newsdiff.screens.help_screen import HelpScreen
from newsdiff.screens.story_screen import StoryScreen


class NewsdiffApp(App[None]):
    """newsdiff's terminal interface. The CLI builds it as ``NewsdiffApp(paths=..., ...)``."""

    TITLE = "newsdiff"
    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar = App.COMMANDS | {KeyCommandsProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "help", id="app.help", tooltip="show every key of this screen"),
    ]

    def __init__(
        self,
        paths: Sequence[Path] | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        options: DiffOptions | None = None,
    ) -> None:
        """``paths``: files or folders of articles; none means the bundled example story."""
        super().__init__()
        self.paths = list(paths) if paths else [seeds_dir()]
        self.threshold = threshold
        self.options = options or DiffOptions()

    def on_mount(self) -> None:
        self.push_screen(StoryScreen(self.paths, self.threshold, self.options))

    def action_help(self) -> None:
        """Open the help for the current screen (not on top of itself or a dialog)."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
