"""One row of the side-by-side view: a gutter with the similarity, then cell A and cell B.

Both cells of a row live in the same horizontal container, and rows are stacked in one
scrollable list, so the two columns cannot drift apart: there is a single scroll position.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from newsdiff.core.compare import RowView
from newsdiff.widgets.diff_text import LABEL_STYLE, Side, cell_content


def gutter_content(view: RowView) -> Content:
    """The row's figure and tags, in words as well as colour: "0.72", "only A", "same", "# num"."""
    if view.kind == "pair":
        head = Content.styled(f"{view.score or 0.0:.2f}", "bold")
    else:
        head = Content.styled("only A" if view.kind == "only_a" else "only B", "bold")
    tags: list[str] = []
    if view.identical:
        tags.append("same")
    if view.numeric:
        tags.append("# num")
    if view.boilerplate:
        tags.append("boiler")
    lines = [head, *(Content.styled(tag, LABEL_STYLE) for tag in tags)]
    return Content("\n").join(lines)


class DiffRow(Horizontal):
    """An aligned pair, or a paragraph facing a marked gap ("only in A" / "only in B")."""

    class Clicked(Message):
        """The reader clicked this row: the list makes it the current row."""

        def __init__(self, row: DiffRow) -> None:
            self.row = row
            super().__init__()

    def __init__(self, position: int, view: RowView, word_level: bool) -> None:
        """``position`` is the row's place in the visible list, ``view`` its diffed content."""
        kind_class = {"pair": "-pair", "only_a": "-only-a", "only_b": "-only-b"}[view.kind]
        classes = [kind_class]
        if view.identical:
            classes.append("-identical")
        elif view.kind == "pair":
            classes.append("-changed")
        if view.boilerplate:
            classes.append("-boilerplate")
        super().__init__(classes=" ".join(classes))
        self.position = position
        self.view = view
        self.word_level = word_level

    def compose(self) -> ComposeResult:
        yield Static(gutter_content(self.view), classes="gutter", markup=False)
        yield self._cell("a")
        yield self._cell("b")

    def _cell(self, side: Side) -> Widget:
        views = self.view.a if side == "a" else self.view.b
        if not views:
            other = "A" if side == "b" else "B"
            label = Static(Content(f"only in {other}"), classes="gap-label", markup=False)
            return Vertical(label, classes=f"cell -{side} -gap")
        return Static(self._text(side), classes=f"cell -{side}", markup=False)

    def _text(self, side: Side) -> Content:
        views = self.view.a if side == "a" else self.view.b
        return cell_content(views, side, self.word_level)

    def set_word_level(self, word_level: bool) -> None:
        """Re-render the cells with or without inline word highlights."""
        if word_level == self.word_level:
            return
        self.word_level = word_level
        for side in ("a", "b"):
            views = self.view.a if side == "a" else self.view.b
            if views:
                self.query_one(f".cell.-{side}", Static).update(self._text(side))

    def on_click(self, event: Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self))
