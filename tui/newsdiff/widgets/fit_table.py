"""A ``DataTable`` whose text columns share the window's width instead of running off-screen.

Why: Textual sizes a column to its widest cell (or a fixed width), so at 80 columns the last
columns of a wide table (a title, a quote, a report's text) sat beyond the right edge, reachable
only by scrolling sideways. Here the columns named in ``FLEX`` take what the other columns leave,
each between a minimum and a maximum, and are recomputed whenever the table is resized; cells
that do not fit end in ``…`` (cells are ``Text`` with ``overflow="ellipsis"``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from newsdiff.widgets.nav_keys import navigate


@dataclass(frozen=True, slots=True)
class Flex:
    """A column that takes a ``share`` of the free width, between ``minimum`` and ``maximum``.

    The last flexible column takes whatever is left (at least its minimum)."""

    key: str
    minimum: int
    maximum: int | None = None
    share: float = 1.0


def flex_widths(free: int, flex: Sequence[Flex]) -> list[int]:
    """Widths for ``flex`` sharing ``free`` columns (before padding): each one's share of it, in
    its bounds; the last one gets the rest."""
    widths: list[int] = []
    left = free
    for k, column in enumerate(flex):
        width = left if k == len(flex) - 1 else round(free * column.share)
        width = max(column.minimum, width)
        if column.maximum is not None:
            width = min(column.maximum, width)
        widths.append(width)
        left -= width
    return widths


def ellipsis_text(text: str, **kwargs: object) -> Text:
    """A cell of article text on one line, cut with ``…`` when the column is narrower."""
    return Text(text, overflow="ellipsis", no_wrap=True, **kwargs)  # type: ignore[arg-type]


class FitTable(DataTable[Text]):
    """A ``DataTable`` of ``Text`` cells whose ``flex`` columns fit the table's width."""

    DEFAULT_CSS = """
    FitTable { scrollbar-gutter: stable; }
    """

    def __init__(self, flex: Sequence[Flex] = (), **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.flex = list(flex)

    def fit_columns(self) -> None:
        """Give the flexible columns the width the others leave (call after adding columns)."""
        keys = {ColumnKey(column.key) for column in self.flex}
        present = [column for column in self.flex if ColumnKey(column.key) in self.columns]
        width = self.scrollable_content_region.width
        if not present or width <= 0:
            return  # hidden (a table shown once loaded): fitted again when shown
        fixed = sum(c.get_render_width(self) for c in self.ordered_columns if c.key not in keys)
        padding = 2 * self.cell_padding * len(present)
        free = width - fixed - padding
        for column, width in zip(present, flex_widths(free, present), strict=True):
            target = self.columns[ColumnKey(column.key)]
            target.auto_width = False
            target.width = width
        self._require_update_dimensions = True  # Textual's own trigger for re-measuring the table
        self._clear_caches()
        self.refresh()

    def on_resize(self, _: events.Resize) -> None:
        self.fit_columns()

    def on_show(self, _: events.Show) -> None:
        """A table hidden while its rows load has no width until shown: fit it once laid out."""
        self.call_after_refresh(self.fit_columns)

    def action_nav(self, move: str) -> None:
        """For ``nav_bindings``: subclasses bind them with their screen's area in the ids."""
        navigate([self], move)
