"""One article whole: metadata first, then every paragraph numbered as in the comparison.

Paragraphs are numbered ``¶1``... over the whole file, boilerplate included, exactly as the
comparison, ``diff`` and ``export`` number them, so "¶12" means the same paragraph everywhere.
Set-aside paragraphs stay in place, dimmed and indented under a label that says why.

A 50,000-word article must open at once, so the text is drawn by ``ArticleView`` one line at a
time (only the lines in view are rendered; the wrapping is done once). Article text is shown
through ``Content`` objects only, so markup in it is never interpreted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from newsdiff.core.article import Article, Paragraph
from newsdiff.core.search import Hit, Matches, find
from newsdiff.core.text import one_line
from newsdiff.screens.article_picker import ArticlePicker
from newsdiff.screens.article_url import open_article_url
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.search_mixin import SEARCH_ACTIONS, SearchableScreen
from newsdiff.widgets.article_view import ArticleView, Block
from newsdiff.widgets.key_footer import KeyFooter
from newsdiff.widgets.search_bar import SearchBar, highlighted

LABEL_STYLE = "dim"
SET_ASIDE_STYLE = "italic $text-warning"
SET_ASIDE_TEXT_STYLE = "dim"
SET_ASIDE_INDENT = 4


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
    note = Content.styled(f"set aside: {paragraph.boilerplate}", SET_ASIDE_STYLE)
    return Content.assemble(label, note, "\n", text.stylize_before(SET_ASIDE_TEXT_STYLE))


def paragraph_block(paragraph: Paragraph, content: Content) -> Block:
    """Set-aside paragraphs are indented as well as dimmed, so they read as set apart."""
    return Block(content, indent=0 if paragraph.is_body else SET_ASIDE_INDENT)


class ReaderScreen(SearchableScreen[int]):
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
        Binding(
            "slash",
            "search",
            "search",
            id="reader.search",
            tooltip="search this article",
            priority=True,  # see SearchBar.open: keys typed right after "/" must reach the input
        ),
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

    def __init__(self, article: Article, articles: Sequence[Article]) -> None:
        super().__init__()
        self.article = article
        self.others = [other for other in articles if other is not article]
        self._lit: set[int] = set()
        """Paragraphs currently drawn with highlights (to redraw them plain when they lose them)."""

    def compose(self) -> ComposeResult:
        title = Content.assemble(("Reader", "bold"), " · ", one_line(self.article.name), " · ")
        yield Static(title + Content(one_line(self.article.title)), id="reader-title", markup=False)
        blocks = [Block(metadata_content(self.article), rule=True)]
        blocks += [paragraph_block(p, paragraph_content(p)) for p in self.article.paragraphs]
        yield ArticleView(blocks, self._restyle, id="reader-body")
        yield SearchBar(id="reader-search")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.view.focus()

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def paragraph_text(self, index: int) -> Content:
        """What paragraph ``index`` (from 0) shows, highlights included."""
        return self.view.fresh_block(index + 1)

    def _restyle(self, block: int) -> Content:
        return self._render_paragraph(self.article.paragraphs[block - 1])

    def _render_paragraph(self, paragraph: Paragraph) -> Content:
        if self.matches is None or not self.search_query:
            return paragraph_content(paragraph)
        current = self.matches.current
        spans = find(paragraph.text, self.search_query)
        here = (current.start, current.end) if current and current.location == paragraph.index else None
        return paragraph_content(paragraph, spans, here)

    def _redraw(self, indices: set[int]) -> None:
        self.view.restyle_blocks(index + 1 for index in indices)

    # -- moving -----------------------------------------------------------------------------

    def action_scroll(self, lines: int) -> None:
        self.view.scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        view = self.view
        view.scroll_relative(y=pages * max(1, view.scrollable_content_region.height - 2), animate=False)

    def action_top(self) -> None:
        self.view.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.view.scroll_end(animate=False)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_escape(self) -> None:
        if self.matches is not None:
            self.action_clear_search()
        else:
            self.app.pop_screen()

    # -- search (SearchableScreen: / n N escape) ----------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in SEARCH_ACTIONS:
            return self.search_allowed(action)
        if action == "compare":
            return bool(self.others)
        return True

    def search_texts(self) -> list[tuple[int, str]]:
        return [(p.index, p.text) for p in self.article.paragraphs]

    def search_start(self) -> Callable[[int], bool]:
        """From the paragraph at the top of the view."""
        origin = self.view.visible_block() - 1
        return lambda index: index >= origin

    def search_focus(self) -> None:
        self.view.focus()

    def show_matches(self, matches: Matches[int] | None) -> None:
        """Redraw the paragraphs that gain or lose highlights."""
        before = self._lit
        self._lit = {hit.location for hit in matches.hits} if matches is not None else set()
        self._redraw(before | self._lit)

    def go_to_match(self, hit: Hit[int] | None, previous: Hit[int] | None) -> None:
        if previous is not None and hit is not None:
            self._redraw({previous.location, hit.location})
        if hit is not None:
            label = len(f"¶{hit.location + 1} ")
            self.view.show_line(self.view.line_of(hit.location + 1, label + hit.start))

    # -- elsewhere --------------------------------------------------------------------------

    def action_open_url(self) -> None:
        open_article_url(self, self.article)

    def action_compare(self) -> None:
        if not self.others:
            return

        def chosen(other: Article | None) -> None:
            if other is not None:
                self.app.push_screen(CompareScreen(self.article, other))

        title = f"Compare {one_line(self.article.name)} with:"
        self.app.push_screen(ArticlePicker(title, self.others), chosen)
