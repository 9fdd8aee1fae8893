"""The search line at the bottom of a screen: ``/`` opens it, typing searches, escape closes it.

It only edits the query and shows the count the screen gives it; the screen does the searching
(with ``newsdiff.core.search``) and moves its own cursor. Messages, so any screen can use it:
``Changed`` on every keystroke (incremental search), ``Submitted`` on enter (focus goes back to
the screen, the matches stay, ``n``/``N`` move between them), ``Cleared`` on escape (the bar
hides and the screen drops its highlights).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content, Span
from textual.message import Message
from textual.widgets import Input, Static


class SearchBar(Horizontal):
    """``/ [query] 3/11``, hidden until opened. Not docked: yield it last before the ``Footer``
    (two widgets docked at the bottom would overlap), below a ``1fr`` main widget."""

    DEFAULT_CSS = """
    SearchBar {
        height: 1;
        display: none;
        background: $boost;
    }
    SearchBar.-open {
        display: block;
    }
    SearchBar #search-prompt {
        width: 2;
        padding: 0 0 0 1;
        color: $accent;
        text-style: bold;
    }
    SearchBar Input {
        width: 1fr;
        height: 1;
        border: none;
        padding: 0 1;
        background: $boost;
    }
    SearchBar Input:focus {
        border: none;
        background: $surface;
    }
    SearchBar #search-count {
        width: auto;
        min-width: 10;
        padding: 0 1;
        text-align: right;
    }
    SearchBar #search-count.-none {
        color: $text-warning;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear", "clear search", id="search.clear", tooltip="clear the search and close"),
    ]

    class Changed(Message):
        """The query changed while typing (may be empty)."""

        def __init__(self, query: str) -> None:
            self.query = query
            super().__init__()

    class Submitted(Message):
        """Enter: keep the matches, give the keys back to the screen."""

        def __init__(self, query: str) -> None:
            self.query = query
            super().__init__()

    class Cleared(Message):
        """Escape: the search is over."""

    def compose(self) -> ComposeResult:
        yield Static(Content("/"), id="search-prompt", markup=False)
        yield Input(placeholder="search (plain text, any case)", id="search-input", select_on_focus=False)
        yield Static(Content(""), id="search-count", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def query_text(self) -> str:
        return self.input.value

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self) -> None:
        """Show the bar and put the cursor in it, keeping the last query to edit (as in less)."""
        self.add_class("-open")
        # Focus now, not via Widget.focus (which defers to the next idle moment): keys typed or
        # pasted right after "/" are already queued and must reach the input, not the screen.
        self.screen.set_focus(self.input)
        self.input.cursor_position = len(self.input.value)

    def show_count(self, label: str, found: bool) -> None:
        """What the screen found: ``"3/11"``, or ``"no match"`` (shown as a warning)."""
        count = self.query_one("#search-count", Static)
        count.update(Content(label))
        count.set_class(not found, "-none")

    def action_clear(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Close the bar and forget the query."""
        with self.input.prevent(Input.Changed):
            self.input.value = ""
        self.show_count("", True)
        self.remove_class("-open")
        self.post_message(self.Cleared())

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value))


MATCH_STYLE = "underline $text-accent on $accent-muted"
CURRENT_MATCH_STYLE = "bold reverse"
"""The match ``n``/``N`` stands on is reversed, so it is found without colour too."""


def highlighted(
    text: str, spans: Sequence[tuple[int, int]], current: tuple[int, int] | None = None
) -> Content:
    """``text`` as plain characters (never markup) with its search matches styled."""
    return Content(
        text,
        [
            Span(start, end, CURRENT_MATCH_STYLE if (start, end) == current else MATCH_STYLE)
            for start, end in spans
        ],
    )
