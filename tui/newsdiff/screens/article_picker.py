"""A quick picker: the other articles of the story in a list that narrows as you type.

Used by the reader's ``c`` (compare this article with ...). Typing filters by outlet and title with
the same literal search as ``/``; up/down move, enter picks, escape cancels. Names and titles are
article text, so options are ``Content`` objects, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from newsdiff.core.article import Article
from newsdiff.core.search import compile_query
from newsdiff.core.text import one_line


def _label(article: Article) -> Content:
    return Content.assemble((one_line(article.name), "bold"), ("  ", ""), (one_line(article.title), "dim"))


class ArticlePicker(ModalScreen[Article | None]):
    """Choose one of ``articles``; dismisses with it, or ``None`` on escape."""

    DEFAULT_CSS = """
    ArticlePicker {
        align: center middle;
    }
    ArticlePicker > Vertical {
        width: 80%;
        max-width: 100;
        height: auto;
        max-height: 80%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    ArticlePicker #picker-title {
        height: 1;
        text-style: bold;
    }
    ArticlePicker Input {
        margin: 0 0 1 0;
    }
    ArticlePicker OptionList {
        height: auto;
        max-height: 20;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="picker.cancel", tooltip="close without choosing"),
        Binding("down", "move(1)", "down", id="picker.down", show=False),
        Binding("up", "move(-1)", "up", id="picker.up", show=False),
    ]

    def __init__(self, title: str, articles: Sequence[Article]) -> None:
        super().__init__()
        self.title_text = title
        self.articles = list(articles)
        self.shown: list[int] = list(range(len(self.articles)))

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), id="picker-title", markup=False)
            yield Input(placeholder="type to filter by outlet or title", id="picker-filter")
            yield OptionList(*[Option(_label(a), id=str(k)) for k, a in enumerate(self.articles)])

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0 if self.articles else None
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        pattern = compile_query(event.value)
        self.shown = [
            k
            for k, article in enumerate(self.articles)
            if pattern is None or pattern.search(article.name) or pattern.search(article.title)
        ]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(_label(self.articles[k]), id=str(k)) for k in self.shown])
        options.highlighted = 0 if self.shown else None

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if self.shown:
            current = options.highlighted or 0
            options.highlighted = (current + step) % len(self.shown)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._pick(self.query_one(OptionList).highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option_index)

    def _pick(self, position: int | None) -> None:
        if position is None or not 0 <= position < len(self.shown):
            self.notify("No article matches.", timeout=2, markup=False)
            return
        self.dismiss(self.articles[self.shown[position]])

    def action_cancel(self) -> None:
        self.dismiss(None)
