"""What the two line-drawn scroll views share: the comparison's ``DiffView`` (a block per row) and
the reader's ``ArticleView`` (a block per paragraph).

Both draw with Textual's Line API: ``render_line`` is asked for one screen line, so only what is
in view is ever rendered. Both hold a list of blocks, each some lines tall, and the scrollbar needs
every block's height before most are wrapped (wrapping thousands of paragraphs up front takes
seconds): a block's height is first estimated from its text (``estimate_lines``) and replaced by
the true one once it is wrapped. This base keeps those heights and their running offsets, maps a
line of the view to its block, draws blank lines past the end, and scrolls without jumps when
blocks above the view change height. A subclass says how a block's line is drawn.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import accumulate
from typing import ClassVar

from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


def estimate_lines(texts: Iterable[str], width: int) -> int:
    """About how many lines ``texts`` wrap to at ``width`` columns: each at least one line, and a
    line per ``width`` characters (the true count is known once a block is wrapped)."""
    width = max(1, width)
    return sum(max(1, -(-len(text) // width)) for text in texts)


class LineView(ScrollView):
    """Blocks of lines, one below the other, drawn one line at a time; see the module docstring."""

    EMPTY_HEIGHT: ClassVar[int] = 0
    """The view's virtual height while it has no block (room for a message, say)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._heights: list[int] = []
        """Each block's height in lines: estimated, or true once wrapped."""
        self._offsets: list[int] = [0]
        """The first line of each block; one more entry: the total."""

    # -- heights and offsets ------------------------------------------------------------------

    def set_heights(self, heights: Iterable[int]) -> None:
        """New heights for every block; the offsets and the scrollable size follow."""
        self._heights = list(heights)
        self.update_offsets()

    def update_offsets(self) -> None:
        """Recompute the offsets after heights changed (and the size the scrollbar shows)."""
        self._offsets = [0, *accumulate(self._heights)]
        total = self._offsets[-1] if self._heights else self.EMPTY_HEIGHT
        self.virtual_size = Size(self.scrollable_content_region.width, total)

    def block_top(self, index: int) -> int:
        """The first line of block ``index`` in the virtual view."""
        return self._offsets[index] if index < len(self._offsets) else 0

    def block_at(self, line: int) -> int:
        """The block that covers virtual ``line`` (clamped to the blocks; 0 with none)."""
        if not self._heights:
            return 0
        return max(0, min(bisect_right(self._offsets, line) - 1, len(self._heights) - 1))

    def visible_block(self) -> int:
        """The block at the top of the view."""
        return self.block_at(int(self.scroll_y))

    def blocks_in_view(self) -> range:
        """The blocks with a line in view, top to bottom."""
        top = int(self.scroll_y)
        return range(self.block_at(top), self.block_at(top + self.scrollable_content_region.height) + 1)

    # -- scrolling ----------------------------------------------------------------------------

    def set_scroll_y(self, y: float) -> None:
        """Scroll to ``y`` at once (clamped), with no animation pending."""
        y = max(0, min(y, self.max_scroll_y))
        self.scroll_target_y = y
        self.scroll_y = y

    @contextmanager
    def keeping_place(self) -> Iterator[None]:
        """Keep the same text at the top of the view (or the end in view) across a re-layout."""
        at_end = self.max_scroll_y > 0 and self.scroll_y >= self.max_scroll_y
        block = self.visible_block()
        offset = int(self.scroll_y) - self.block_top(block)
        yield
        if at_end:
            self.scroll_end(animate=False, immediate=True)
        else:
            self.scroll_to(y=self.block_top(block) + offset, animate=False, immediate=True)

    def show_line(self, line: int) -> None:
        """Scroll so ``line`` is in view, a third of the way down (context above a match)."""
        height = self.scrollable_content_region.height
        top = self.scroll_y
        if not top <= line < top + height:
            self.scroll_to(y=max(0, line - height // 3), animate=False)

    # -- drawing ------------------------------------------------------------------------------

    def blank_line(self) -> Strip:
        return Strip.blank(self.scrollable_content_region.width, self.rich_style)

    def render_line(self, y: int) -> Strip:
        """Screen line ``y``: a line of the block that covers it, or blank past the last block."""
        line = int(self.scroll_y) + y
        if not self._heights or line >= self._offsets[-1]:
            return self.blank_line()
        index = self.block_at(line)
        return self.render_block_line(index, line - self._offsets[index])

    def render_block_line(self, index: int, line: int) -> Strip:
        """Line ``line`` (from 0) of block ``index``."""
        raise NotImplementedError
