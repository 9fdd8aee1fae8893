"""The ``?`` screen: every key of the screen below, read from its active bindings.

Generated, not written by hand, so it always matches the footer, the palette and any keymap.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from newsdiff.commands import KeyCommand, key_commands
from newsdiff.widgets.diff_text import DELETE_STYLE, INSERT_STYLE, NUMBER_STYLE, REPLACE_STYLES

KEY_WIDTH = 16


def keys_content(commands: list[KeyCommand]) -> Content:
    """One line per binding: its keys, then what it does."""
    lines: list[Content] = []
    for command in commands:
        keys = " ".join(command.keys)
        lines.append(Content.assemble((keys.ljust(KEY_WIDTH), "bold $accent"), command.tooltip))
    lines.append(
        Content.assemble(("^p".ljust(KEY_WIDTH), "bold $accent"), "command palette: every command by name")
    )
    return Content("\n").join(lines)


def legend_content() -> Content:
    """How differences are drawn, with and without colour."""
    return Content("\n").join(
        [
            Content.assemble(("deleted", DELETE_STYLE), "   struck through: only in A"),
            Content.assemble(("inserted", INSERT_STYLE), "  underlined, bold: only in B"),
            Content.assemble(
                ("replaced", REPLACE_STYLES["a"]), " → ", ("replaced", REPLACE_STYLES["b"]), "  reworded"
            ),
            Content.assemble(
                ("42", f"{REPLACE_STYLES['b']} {NUMBER_STYLE}"),
                "  reversed: a figure the other side states differently (the row says ⚠ fact)",
            ),
            Content.assemble(
                ("0.72", "bold"), "      share of the pair's words that match, weighted by similarity"
            ),
            Content.assemble(("only A", "bold"), "    a paragraph only A has, facing a gap on the B side"),
        ]
    )


class HelpScreen(ModalScreen[None]):
    """Lists the keys of ``screen`` (the screen it was opened from)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "close", id="help.close")
    ]

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.commands = key_commands(screen)
        self.area = getattr(screen, "AREA", "newsdiff")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Content.styled(f"Keys · {self.area}", "bold"), classes="dialog-title", markup=False)
            yield Static(keys_content(self.commands), id="help-keys", markup=False)
            if self.area == "compare":
                yield Static(Content.styled("Reading the differences", "bold"), classes="dialog-title")
                yield Static(legend_content(), id="help-legend", markup=False)
            yield Static(Content.styled("escape, q or ? closes this help", "dim"), markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
