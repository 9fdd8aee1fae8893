"""A long text as a scrollable list of wrapped lines, drawn one line at a time (Textual's Line API).

The reader shows whole articles, some of 50,000 words. One widget per paragraph costs a few
milliseconds each to mount and lay out (seconds for a thousand paragraphs, and ``G`` would have to
mount them all); here the first screens are wrapped at once, the rest in a thread (under a
second for 50,000 words; lines not wrapped yet are estimated, and wrapped on the spot if they
come into view first), and only the lines in view are rendered (``LineView``, shared with the
comparison). A block's content can be replaced (search highlights) and only that block is wrapped
again.

Blocks are ``Content`` objects, so article text is never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from textual import work
from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual

from newsdiff.widgets.line_view import LineView, estimate_lines

EXACT_SCREENS = 3
"""Screens' worth of lines wrapped before the first paint; the rest is wrapped in a thread."""
MARGIN = 2
"""Blank columns left of the text (drawn as spaces: a Line API widget draws its own margins)."""


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph (or the metadata): its content, how far it is indented, and whether a
    rule is drawn under it."""

    content: Content
    indent: int = 0
    rule: bool = False


BLANK = Content("")


class ArticleView(LineView, can_focus=True):
    """Blocks separated by a blank line, wrapped at the width (at most ``max_text_width``)."""

    DEFAULT_CSS = """
    ArticleView {
        height: 1fr;
        scrollbar-gutter: stable;
    }
    """

    def __init__(
        self,
        blocks: Sequence[Block],
        restyle: Callable[[int], Content] | None = None,
        max_text_width: int = 100,
        *,
        id: str | None = None,
    ) -> None:
        """``restyle(index)``: block ``index``'s content now (same text, e.g. new highlights),
        asked for only when a block marked with ``restyle_blocks`` comes into view."""
        super().__init__(id=id)
        self.blocks = list(blocks)
        self.restyle = restyle
        self.max_text_width = max_text_width
        self._width = 0
        """The width the blocks are wrapped at."""
        self._wrapped: list[list[Content]] = []
        self._exact: list[bool] = []
        """False for a block whose lines are only an estimate (blank placeholders) so far."""
        self._stale: set[int] = set()
        """Blocks to restyle (same text, new highlights) and wrap again when they are shown."""

    # -- layout -----------------------------------------------------------------------------

    def _wrap(self, block: Block, width: int) -> list[Content]:
        """The block's lines at ``width``, then a blank line. Pure: also runs in a thread."""
        pad = " " * (MARGIN + block.indent)
        text_width = max(1, min(width - MARGIN, self.max_text_width) - block.indent)
        lines = [Content(pad) + line for line in block.content.wrap(text_width)]
        if block.rule:
            rule = "─" * max(1, min(width - MARGIN, self.max_text_width))
            lines.append(Content(" " * MARGIN) + Content.styled(rule, "$primary"))
        return [*lines, BLANK]

    def _estimate(self, block: Block, width: int) -> list[Content]:
        """Blank placeholders, about as many lines as the block will wrap to."""
        text_width = max(1, min(width - MARGIN, self.max_text_width) - block.indent)
        count = estimate_lines(block.content.plain.split("\n"), text_width)
        return [BLANK] * (count + 1 + block.rule)

    def _relayout(self) -> None:
        """Wrap the first screens now and the rest in a thread: a 50,000-word article takes a
        noticeable moment to wrap, and the reader starts at the top."""
        width, height = self._width, max(1, self.scrollable_content_region.height)
        self._stale = set()
        self._wrapped, self._exact = [], []
        lines = 0
        for block in self.blocks:
            exact = lines < EXACT_SCREENS * height
            wrapped = self._wrap(block, width) if exact else self._estimate(block, width)
            self._wrapped.append(wrapped)
            self._exact.append(exact)
            lines += len(wrapped)
        self._rebuild()
        rest = [k for k, exact in enumerate(self._exact) if not exact]
        if rest:
            # After the first paint, so the thread does not hold up the screen appearing.
            self.call_after_refresh(self._wrap_rest, width, list(self.blocks), rest)

    @work(thread=True, exclusive=True, group="wrap")
    def _wrap_rest(self, width: int, blocks: list[Block], indices: list[int]) -> None:
        result = {k: self._wrap(blocks[k], width) for k in indices}
        self.app.call_from_thread(self._wrapped_rest, width, blocks, result)

    def _wrapped_rest(self, width: int, blocks: list[Block], result: dict[int, list[Content]]) -> None:
        if width != self._width:
            return
        with self.keeping_place():
            for k, lines in result.items():
                if self._exact[k]:
                    continue
                changed = self.blocks[k] is not blocks[k]
                self._wrapped[k] = self._wrap(self.blocks[k], width) if changed else lines
                self._exact[k] = True
            self._rebuild()

    @property
    def fully_wrapped(self) -> bool:
        return all(self._exact)

    def _ensure_exact(self, indices: Sequence[int]) -> None:
        for k in [k for k in indices if k in self._stale]:
            self.fresh_block(k)
        todo = [k for k in indices if 0 <= k < len(self._exact) and not self._exact[k]]
        if not todo:
            return
        with self.keeping_place():
            for k in todo:
                self._wrapped[k] = self._wrap(self.blocks[k], self._width)
                self._exact[k] = True
            self._rebuild()

    def _rebuild(self) -> None:
        self.set_heights(len(lines) for lines in self._wrapped)
        self.refresh()

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._width:
            block = self.visible_block()
            self._width = width
            self._relayout()
            if block:
                self._ensure_exact([block])
                self.scroll_to(y=self.block_top(block), animate=False, immediate=True)

    def restyle_blocks(self, indices: Iterable[int]) -> None:
        """Blocks whose styles changed (not their text): those in view are restyled now, the
        others when they come into view (a search can restyle a thousand paragraphs per key)."""
        if self.restyle is None:
            return
        in_view = self.blocks_in_view()
        for index in indices:
            if self._width and self._exact[index] and index in in_view:
                self.set_block(index, self.restyle(index))
            else:
                self._stale.add(index)

    def fresh_block(self, index: int) -> Content:
        """Block ``index``'s content as it will be shown (restyled first if it is due)."""
        if index in self._stale and self.restyle is not None:
            self._stale.discard(index)
            self.set_block(index, self.restyle(index))
        return self.blocks[index].content

    def set_block(self, index: int, content: Content) -> None:
        """Replace one block's content; only it is wrapped again."""
        old = self.blocks[index]
        self.blocks[index] = Block(content, old.indent, old.rule)
        self._stale.discard(index)
        if not self._width or not self._exact[index]:
            return
        lines = self._wrap(self.blocks[index], self._width)
        if len(lines) == len(self._wrapped[index]):
            self._wrapped[index] = lines
            self.refresh()
        else:
            with self.keeping_place():
                self._wrapped[index] = lines
                self._rebuild()

    # -- where things are -------------------------------------------------------------------

    def line_of(self, index: int, offset: int) -> int:
        """The virtual line showing character ``offset`` of block ``index``'s content."""
        self._ensure_exact([index])
        lines = self._wrapped[index] if index < len(self._wrapped) else []
        plain = self.blocks[index].content.plain
        indent = MARGIN + self.blocks[index].indent
        cursor = 0
        for k, line in enumerate(lines):
            text = line.plain[indent:]
            if not text:
                continue
            found = plain.find(text, cursor)
            if found < 0:
                break
            if offset < found + len(text):
                return self._offsets[index] + k
            cursor = found + len(text)
        return self.block_top(index)

    # -- drawing ----------------------------------------------------------------------------

    def render_block_line(self, index: int, line: int) -> Strip:
        width = self.scrollable_content_region.width
        if not self._exact[index]:
            # Not wrapped yet (the thread is still at it): wrap what is in view, then redraw.
            self.call_later(self._wrap_in_view)
            return self.blank_line()
        if index in self._stale:
            self.call_later(self._wrap_in_view)
        strips = Visual.to_strips(self, self._wrapped[index][line], width, 1, self.visual_style, pad=True)
        return strips[0] if strips else self.blank_line()

    def _wrap_in_view(self) -> None:
        self._ensure_exact(self.blocks_in_view())
