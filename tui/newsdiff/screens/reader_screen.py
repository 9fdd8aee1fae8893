"""One article whole: metadata first, then every paragraph numbered as in the comparison.

Paragraphs are numbered ``¶1``... over the whole file, boilerplate included, exactly as the
comparison, ``diff`` and ``export`` number them, so "¶12" means the same paragraph everywhere.
Set-aside paragraphs stay in place, dimmed and indented under a label that says why.

A 50,000-word article must open at once, so paragraphs are mounted lazily: the first batch when
the screen opens, the next whenever the reader scrolls near the end of what is mounted, and all
up to a target when a key jumps there (``G``, a search match). Article text is shown through
``Content`` objects only, so markup in it is never interpreted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar
from urllib.parse import urlsplit

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from newsdiff.core.article import Article, Paragraph
from newsdiff.core.search import Hit, Matches, find
from newsdiff.core.text import one_line
from newsdiff.core.worddiff import DiffOptions
from newsdiff.screens.article_picker import ArticlePicker
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.widgets.search_bar import SearchBar, highlighted

BATCH = 80
"""Paragraphs mounted at a time: a few screens' worth, cheap to lay out."""
LABEL_STYLE = "dim"
SET_ASIDE_STYLE = "italic $text-warning"


def open_article_url(screen: Screen[Any], article: Article) -> None:
    """Open the article's URL in the system browser, or say why not.

    Only ``http``/``https`` addresses are opened: the URL comes from files and pages newsdiff does
    not trust, and a ``file:`` or ``javascript:`` address must not be handed to the browser.
    """
    url = (article.url or "").strip()
    if not url:
        screen.notify(f"No URL known for {one_line(article.name)}.", timeout=4, markup=False)
        return
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        screen.notify(f"Not a web address, not opened: {one_line(url)}", severity="warning", markup=False)
        return
    screen.app.open_url(url)
    screen.notify(f"Opening {one_line(url)}", timeout=3, markup=False)


def metadata_content(article: Article) -> Content:
    """Title, outlet, date, byline, URL, path and counts: labelled plain text."""
    aside = len(article.paragraphs) - len(article.body)
    counts = f"{article.word_count:,} words · {len(article.paragraphs)} paragraphs"
    if aside:
        counts += f" ({aside} set aside)"
    rows: list[tuple[str, str]] = [
        ("Outlet ", article.outlet or "—"),
        ("Date   ", article.date or "—"),
        ("Byline ", article.byline or "—"),
        ("URL    ", article.url or "—"),
        ("File   ", article.path),
        ("Length ", counts),
    ]
    lines = [Content.styled(one_line(article.title), "bold")]
    lines += [Content.assemble((label, LABEL_STYLE), one_line(value)) for label, value in rows]
    return Content("\n").join(lines)


def paragraph_content(
    paragraph: Paragraph, spans: Sequence[tuple[int, int]] = (), current: tuple[int, int] | None = None
) -> Content:
    """``¶n`` and the paragraph; a set-aside one under a label naming why; matches highlighted."""
    label = Content.styled(f"¶{paragraph.index + 1} ", LABEL_STYLE)
    text = highlighted(paragraph.text, spans, current)
    if paragraph.boilerplate is None:
        return label + text
    return Content.assemble(label, (f"set aside: {paragraph.boilerplate}", SET_ASIDE_STYLE), "\n", text)


class ParagraphBlock(Static):
    """One paragraph of the article."""

    def __init__(self, paragraph: Paragraph, content: Content) -> None:
        classes = "-boilerplate" if paragraph.boilerplate else ""
        super().__init__(content, markup=False, classes=classes)
        self.paragraph = paragraph


class ReaderScreen(Screen[None]):
    """Read one article; search it; compare it with another; open its source."""

    AREA = "reader"
    DEFAULT_CSS = """
    ReaderScreen #reader-title {
        height: 1;
        padding: 0 1;
        background: $panel;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ReaderScreen #reader-body {
        height: 1fr;
        padding: 0 2;
        scrollbar-gutter: stable;
    }
    ReaderScreen #reader-meta {
        padding: 1 0;
        margin-bottom: 1;
        border-bottom: solid $primary;
    }
    ReaderScreen ParagraphBlock {
        margin-bottom: 1;
        max-width: 100;
    }
    ReaderScreen ParagraphBlock.-boilerplate {
        color: $text-muted;
        padding-left: 4;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll(1)", "down", id="reader.down", show=False, tooltip="scroll down a line"),
        Binding("k,up", "scroll(-1)", "up", id="reader.up", show=False, tooltip="scroll up a line"),
        Binding("space,pagedown", "page(1)", "page", id="reader.page-down", tooltip="scroll down a page"),
        Binding(
            "pageup,b", "page(-1)", "page up", id="reader.page-up", show=False, tooltip="scroll up a page"
        ),
        Binding("g,home", "top", "top", id="reader.top", tooltip="the beginning of the article"),
        Binding("G,end", "bottom", "end", id="reader.bottom", tooltip="the end of the article"),
        Binding("slash", "search", "search", id="reader.search", tooltip="search this article"),
        Binding("n", "next_match", "next", id="reader.next-match", tooltip="next search match"),
        Binding("N", "previous_match", "prev", id="reader.previous-match", tooltip="previous search match"),
        Binding(
            "c", "compare", "compare", id="reader.compare", tooltip="compare this article with another one"
        ),
        Binding(
            "o", "open_url", "browser", id="reader.open-url", tooltip="open the article's URL in the browser"
        ),
        Binding("q", "back", "back", id="reader.back", tooltip="back to the list of articles"),
        Binding(
            "escape", "escape", "back", id="reader.escape", show=False, tooltip="clear the search, or go back"
        ),
    ]

    def __init__(
        self, article: Article, articles: Sequence[Article], threshold: float, options: DiffOptions
    ) -> None:
        super().__init__()
        self.article = article
        self.others = [other for other in articles if other is not article]
        self.threshold = threshold
        self.options = options
        self.blocks: list[ParagraphBlock] = []
        self.matches: Matches[int] | None = None
        self._query = ""
        self._lit: set[int] = set()
        """Paragraphs currently drawn with highlights (to redraw them plain when they lose them)."""

    def compose(self) -> ComposeResult:
        title = Content.assemble(("Reader", "bold"), " · ", one_line(self.article.name), " · ")
        yield Static(title + Content(one_line(self.article.title)), id="reader-title", markup=False)
        with VerticalScroll(id="reader-body"):
            yield Static(metadata_content(self.article), id="reader-meta", markup=False)
            yield from self._new_blocks(BATCH)
        yield SearchBar(id="reader-search")
        yield Footer()

    def on_mount(self) -> None:
        body = self.body
        body.focus()
        self.watch(body, "scroll_y", self._scrolled, init=False)

    @property
    def body(self) -> VerticalScroll:
        return self.query_one("#reader-body", VerticalScroll)

    # -- lazy paragraphs --------------------------------------------------------------------

    def _new_blocks(self, upto: int) -> list[ParagraphBlock]:
        """Blocks for the paragraphs after those mounted, up to index ``upto`` (exclusive)."""
        paragraphs = self.article.paragraphs[len(self.blocks) : max(upto, len(self.blocks))]
        new = [ParagraphBlock(p, self._render_paragraph(p)) for p in paragraphs]
        self.blocks.extend(new)
        return new

    async def _mount_upto(self, upto: int) -> None:
        new = self._new_blocks(min(upto, len(self.article.paragraphs)))
        if new:
            await self.body.mount_all(new)

    @property
    def fully_mounted(self) -> bool:
        return len(self.blocks) >= len(self.article.paragraphs)

    async def _scrolled(self, _: float) -> None:
        """Near the end of what is mounted: mount the next batch."""
        body = self.body
        if not self.fully_mounted and body.scroll_y + 2 * body.size.height >= body.max_scroll_y:
            await self._mount_upto(len(self.blocks) + BATCH)

    def _render_paragraph(self, paragraph: Paragraph) -> Content:
        if self.matches is None or not self._query:
            return paragraph_content(paragraph)
        current = self.matches.current
        spans = find(paragraph.text, self._query)
        here = (current.start, current.end) if current and current.location == paragraph.index else None
        return paragraph_content(paragraph, spans, here)

    def _redraw(self, indices: set[int]) -> None:
        for index in indices:
            if index < len(self.blocks):
                self.blocks[index].update(self._render_paragraph(self.blocks[index].paragraph))

    # -- moving -----------------------------------------------------------------------------

    async def action_scroll(self, lines: int) -> None:
        self.body.scroll_relative(y=lines, animate=False)

    async def action_page(self, pages: int) -> None:
        body = self.body
        if pages > 0 and not self.fully_mounted:
            await self._mount_upto(len(self.blocks) + BATCH)
        body.scroll_relative(y=pages * max(1, body.scrollable_content_region.height - 2), animate=False)

    def action_top(self) -> None:
        self.body.scroll_home(animate=False)

    async def action_bottom(self) -> None:
        await self._mount_upto(len(self.article.paragraphs))
        self.body.scroll_end(animate=False, immediate=False)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_escape(self) -> None:
        if self.matches is not None:
            self.query_one(SearchBar).clear()
        else:
            self.app.pop_screen()

    # -- search -----------------------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one(SearchBar).open()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_match", "previous_match"):
            return self.matches is not None
        if action == "compare":
            return bool(self.others)
        return True

    def _first_in_view(self) -> int:
        """The paragraph at the top of the view, where a new search starts from."""
        top = self.body.scroll_y
        for block in self.blocks:
            if block.virtual_region.bottom > top:
                return block.paragraph.index
        return 0

    async def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        await self._search(event.query)

    async def on_search_bar_submitted(self, event: SearchBar.Submitted) -> None:
        await self._search(event.query)
        self.body.focus()

    def on_search_bar_cleared(self, _: SearchBar.Cleared) -> None:
        lit = self._lit
        self.matches, self._query, self._lit = None, "", set()
        self._redraw(lit)
        self.body.focus()
        self.refresh_bindings()

    async def _search(self, query: str) -> None:
        bar = self.query_one(SearchBar)
        before = self._lit
        if not query.strip():
            self.matches, self._query, self._lit = None, "", set()
            bar.show_count("", True)
            self._redraw(before)
            self.refresh_bindings()
            return
        origin = self._first_in_view()
        matches: Matches[int] = Matches.search(((p.index, p.text) for p in self.article.paragraphs), query)
        matches.seek(lambda index: index >= origin)
        self.matches, self._query = matches, query
        self._lit = {hit.location for hit in matches.hits}
        self._redraw(before | self._lit)
        self.refresh_bindings()
        await self._go_to(matches.current)

    async def _go_to(self, hit: Hit[int] | None) -> None:
        bar = self.query_one(SearchBar)
        if self.matches is None:
            return
        bar.show_count(self.matches.label, bool(self.matches))
        if hit is None:
            return
        await self._mount_upto(hit.location + BATCH // 2)
        block = self.blocks[hit.location]
        self.call_after_refresh(self.body.scroll_to_widget, block, animate=False, center=True)

    async def action_next_match(self) -> None:
        await self._step(1)

    async def action_previous_match(self) -> None:
        await self._step(-1)

    async def _step(self, step: int) -> None:
        if self.matches is None:
            return
        if not self.matches:
            self.notify("No match.", timeout=2, markup=False)
            return
        old = self.matches.current
        hit = self.matches.next() if step > 0 else self.matches.previous()
        if old is not None and hit is not None:
            wrapped = (
                (hit.location, hit.start) <= (old.location, old.start)
                if step > 0
                else (hit.location, hit.start) >= (old.location, old.start)
            )
            if wrapped:
                where = "top" if step > 0 else "bottom"
                self.notify(f"Search wrapped to the {where}.", timeout=2, markup=False)
            self._redraw({old.location, hit.location})
        await self._go_to(hit)

    # -- elsewhere --------------------------------------------------------------------------

    def action_open_url(self) -> None:
        open_article_url(self, self.article)

    def action_compare(self) -> None:
        if not self.others:
            return

        def chosen(other: Article | None) -> None:
            if other is not None:
                self.app.push_screen(CompareScreen(self.article, other, self.threshold, self.options))

        title = f"Compare {one_line(self.article.name)} with:"
        self.app.push_screen(ArticlePicker(title, self.others), chosen)
