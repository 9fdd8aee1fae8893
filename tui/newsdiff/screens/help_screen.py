"""The ``?`` screen: every key of the screen below, read from its active bindings.

Generated, not written by hand, so it always matches the footer, the palette and any keymap.
"""

from __future__ import annotations

import textwrap
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from newsdiff.commands import KeyCommand, key_commands
from newsdiff.core.comparison.tags import WORDS
from newsdiff.widgets.diff_text import (
    DELETE_STYLE,
    FACTS_STYLE,
    INSERT_STYLE,
    LABEL_STYLE,
    NUMBER_STYLE,
    REPLACE_STYLES,
)

KEY_WIDTH = 16
LEGEND_WIDTH = 22
"""Where the legend's explanations start: each sample is padded to it, so they line up."""
FRAME = 10
"""Columns the help's border, padding and scroll bar take from its width."""


def _hanging(head: Content, width: int, text: str, columns: int | None) -> Content:
    """``head`` padded to ``width``, then ``text``; wrapped lines start under the text, not at
    column 0 (``columns``: the room there is; None: no wrapping)."""
    head = head.pad_right(max(0, width - head.cell_length))
    if columns is None or columns - width < 20:
        return head + Content(text)
    lines = textwrap.wrap(text, columns - width) or [""]
    indent = "\n" + " " * width
    return head + Content(indent.join(lines))


def keys_content(commands: list[KeyCommand], columns: int | None = None) -> Content:
    """One line per binding: its keys, then what it does (wrapped under itself in ``columns``)."""
    lines: list[Content] = []
    for command in commands:
        keys = Content.styled(" ".join(command.keys), "bold $accent")
        lines.append(_hanging(keys, KEY_WIDTH, command.tooltip, columns))
    palette = Content.styled("^p", "bold $accent")
    lines.append(_hanging(palette, KEY_WIDTH, "command palette: every command by name", columns))
    return Content("\n").join(lines)


def legend_content(columns: int | None = None) -> Content:
    """How differences and the row's tags are drawn, with and without colour."""
    number = f"{REPLACE_STYLES['b']} {NUMBER_STYLE}"
    entries = [
        (Content.styled("deleted", DELETE_STYLE), "struck through: only in A"),
        (Content.styled("inserted", INSERT_STYLE), "underlined, bold: only in B"),
        (
            Content.assemble(("replaced", REPLACE_STYLES["a"]), " → ", ("replaced", REPLACE_STYLES["b"])),
            "reworded",
        ),
        (Content.styled("42", number), "reversed: a figure the other side states differently"),
        (Content.styled("0.72", "bold"), "share of the pair's words that match, weighted by similarity"),
        (Content.styled("only A", "bold"), "a paragraph only A has, facing a gap on the B side"),
        (
            Content.styled(WORDS["facts"][1], FACTS_STYLE),
            "the pair's numbers or names disagree (listed under it; f shows only these)",
        ),
        (Content.styled(WORDS["same"][1], LABEL_STYLE), "the pair is worded identically (i hides these)"),
        (Content.styled(WORDS["moved"][1], LABEL_STYLE), "B tells this pair at another place in the story"),
        (
            Content.styled(WORDS["boilerplate"][1], LABEL_STYLE),
            "boilerplate: a caption, credit or copyright line, dimmed (b hides it)",
        ),
    ]
    return Content("\n").join(_hanging(sample, LEGEND_WIDTH, text, columns) for sample, text in entries)


HELP_WIDTH = 90
"""The help's width in app.tcss (``#help``), at most the window's."""


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
        columns = min(HELP_WIDTH, self.app.size.width) - FRAME
        with VerticalScroll(id="help"):
            yield Static(Content.styled(f"Keys · {self.area}", "bold"), classes="dialog-title", markup=False)
            yield Static(keys_content(self.commands, columns), id="help-keys", markup=False)
            if self.area == "compare":
                yield Static(Content.styled("Reading the differences", "bold"), classes="dialog-title")
                yield Static(legend_content(columns), id="help-legend", markup=False)
            yield Static(Content.styled("escape, q or ? closes this help", "dim"), markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
