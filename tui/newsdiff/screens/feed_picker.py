"""The feed checklist: a feed's entries, the reader checks some, enter fetches them into the story."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from newsdiff.core.feeds import Feed, FeedEntry


def entry_prompt(number: int, entry: FeedEntry) -> Content:
    """One entry as plain text (feed titles are untrusted: never markup): number, date, title."""
    return Content.assemble(
        (f"{number:>2}  ", "dim"), (entry.published or "----------", "dim"), "  ", (entry.title, "bold")
    )


def entry_details(entry: FeedEntry) -> Content:
    """Where the highlighted entry comes from and leads: its source and link."""
    return Content.assemble(
        ("Source ", "dim"), entry.source or "—", "\n", ("Link   ", "dim"), entry.link or "(no link)"
    )


class FeedPicker(ModalScreen[list[FeedEntry] | None]):
    """Returns the checked entries (in feed order), or None when cancelled."""

    DEFAULT_CSS = """
    FeedPicker { align: center middle; }
    FeedPicker SelectionList { height: auto; max-height: 20; }
    """
    WIDTH = 110
    """Wider than the other dialogs (set on mount: the app's ``#dialog`` rule wins over CSS here)."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "fetch",
            "fetch checked",
            id="feed.fetch",
            priority=True,
            tooltip="fetch the checked entries and add them to the story",
        ),
        Binding("a", "toggle_all", "all/none", id="feed.all", tooltip="check every entry, or none"),
        Binding("escape", "cancel", "cancel", id="feed.cancel", tooltip="close without fetching"),
        # A modal screen hides the app's own "?", so the checklist offers its own.
        Binding("question_mark", "app.help", "help", id="feed.help", show=False, tooltip="show these keys"),
    ]

    def __init__(self, feed: Feed) -> None:
        super().__init__()
        self.feed = feed

    def compose(self) -> ComposeResult:
        count = len(self.feed.entries)
        with Vertical(id="dialog"):
            yield Label(
                Content(f"{self.feed.title} · {count} entr{'y' if count == 1 else 'ies'}"),
                classes="dialog-title",
            )
            note = f" ({self.feed.note})" if self.feed.note else ""
            yield Static(
                Content(f"space checks an entry, a checks all or none, enter fetches the checked ones{note}"),
                classes="hint",
                markup=False,
            )
            yield SelectionList[int](
                *(Selection(entry_prompt(i + 1, e), i) for i, e in enumerate(self.feed.entries)),
                id="feed-entries",
            )
            yield Static(Content(""), id="feed-entry", markup=False)
            yield Static(Content(""), id="feed-error", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Fetch (enter)", variant="primary", id="feed-ok")
                yield Button("Cancel (esc)", id="feed-cancel")

    def on_mount(self) -> None:
        self.query_one("#dialog").styles.width = self.WIDTH
        self.query_one(SelectionList).focus()
        if self.feed.entries:
            self.query_one("#feed-entry", Static).update(entry_details(self.feed.entries[0]))

    def on_selection_list_selection_highlighted(self, event: SelectionList.SelectionHighlighted[int]) -> None:
        event.stop()
        self.query_one("#feed-entry", Static).update(entry_details(self.feed.entries[event.selection.value]))

    @property
    def checked(self) -> list[FeedEntry]:
        chosen = set(self.query_one(SelectionList).selected)
        return [e for i, e in enumerate(self.feed.entries) if i in chosen]

    def action_fetch(self) -> None:
        error = self.query_one("#feed-error", Static)
        if not self.checked:
            error.update(Content("Check at least one entry (space)."))
            return
        unlinked = [str(self.feed.entries.index(e) + 1) for e in self.checked if not e.link]
        if unlinked:
            error.update(Content(f"No http(s) link to fetch for entry {', '.join(unlinked)}."))
            return
        self.dismiss(self.checked)

    def action_toggle_all(self) -> None:
        entries = self.query_one(SelectionList)
        if len(entries.selected) == len(self.feed.entries):
            entries.deselect_all()
        else:
            entries.select_all()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "feed-ok":
            self.action_fetch()
        else:
            self.dismiss(None)
