"""What goes where on a line of the comparison: the columns, the score gutter, a drawn cell."""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from textual.content import Content

from newsdiff.core.comparison.model import Comparison
from newsdiff.core.comparison.tags import TagKey, score_text, shown_tags
from newsdiff.widgets.diff_text import FACTS_STYLE, LABEL_STYLE

GUTTER_WIDTH = 8
MARKER = "█"
HATCH = "╱"
UNPAIRED_EDGE = "▏"


@dataclass(frozen=True, slots=True)
class Columns:
    """Where things go on a line: a cursor marker, the score gutter, then cell A and cell B.

    A cell is an edge column (a coloured bar for an unpaired paragraph), the text, and one column
    of padding; ``wrap_width`` caps the text width, leaving the rest of the line blank.
    """

    width: int
    gutter: int
    box_a: int
    box_b: int

    @classmethod
    def fit(cls, width: int, show_scores: bool, wrap_width: int | None) -> Columns:
        gutter = GUTTER_WIDTH if show_scores else 0
        rest = max(0, width - 1 - gutter)
        box_a, box_b = rest // 2, rest - rest // 2
        if wrap_width is not None:
            box_a, box_b = min(box_a, wrap_width + 2), min(box_b, wrap_width + 2)
        return cls(width, gutter, box_a, box_b)

    @property
    def text_a(self) -> int:
        return max(1, self.box_a - 2)

    @property
    def text_b(self) -> int:
        return max(1, self.box_b - 2)

    @property
    def rest(self) -> int:
        return max(0, self.width - 1 - self.gutter - self.box_a - self.box_b)


GUTTER_TAGS: tuple[TagKey, ...] = ("facts", "same", "moved", "boilerplate")
"""The tags the gutter shows under the score, in this order (``comparison.tags`` words them)."""


def gutter_content(comparison: Comparison, k: int) -> Content:
    """Row ``k``'s figure and tags, in words as well as colour: "0.72", "only A", "⚠ fact"
    (numbers or names disagree: the one flag for a changed figure, whose changed tokens are also
    reversed in the text), "same", "moved", "boiler"."""
    view = comparison.row_view(k)
    if view.kind == "pair":
        head = Content.styled(score_text(view), "bold")
    else:
        head = Content.styled("only A" if view.kind == "only_a" else "only B", "bold")
    tags = [
        Content.styled(tag.short, FACTS_STYLE if tag.key == "facts" else LABEL_STYLE)
        for tag in shown_tags(comparison, k, GUTTER_TAGS)
    ]
    return Content("\n").join([head, *tags])


@dataclass(frozen=True, slots=True)
class Cell:
    """One column of a row, drawn: its lines, and what fills it below them (the row is as tall as
    its tallest column)."""

    lines: list[list[Segment]]
    fill: list[Segment]
