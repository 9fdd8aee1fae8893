"""Shown instead of the app while the terminal is smaller than newsdiff can lay out readably.

The app pushes it when the window shrinks below ``MIN_SIZE`` and pops it when the window grows
again, so the screen underneath (with its cursor, marks and dialogs) comes back as it was.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

MIN_SIZE = Size(60, 15)
"""Columns and lines below which newsdiff shows this screen instead of a broken layout."""


def too_small(size: Size) -> bool:
    return size.width < MIN_SIZE.width or size.height < MIN_SIZE.height


def message(size: Size) -> Content:
    """ "newsdiff needs at least 60×15; the window is 40×12" and how to go on."""
    return Content.assemble(
        (
            f"newsdiff needs at least {MIN_SIZE.width}×{MIN_SIZE.height}; "
            f"the window is {size.width}×{size.height}.",
            "bold",
        ),
        "\n\n",
        ("Enlarge the window to go on, or press ctrl+c to quit.", "dim"),
    )


class TooSmallScreen(Screen[None]):
    """A readable message about the window size, nothing else."""

    AREA = "too-small"

    def __init__(self, size: Size) -> None:
        super().__init__()
        self._size_shown = size

    def compose(self) -> ComposeResult:
        yield Static(message(self._size_shown), id="too-small", markup=False)

    def show(self, size: Size) -> None:
        """Update the message for the window's new (still too small) size."""
        self._size_shown = size
        if self.is_mounted:
            self.query_one("#too-small", Static).update(message(size))
