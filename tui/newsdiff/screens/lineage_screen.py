"""Rewrite lineage: a heat map of how much each article reuses each other one, and the directions.

Row i, column j: the share of article i's words reused from article j. Each cell shows the
percentage and a shade glyph (``░▒▓█`` for a quarter, half, three quarters, more), so the map reads
without colour; with colour the cell is also tinted by its share.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from newsdiff.core.lineage import Lineage, lineage
from newsdiff.core.steps import CancelCheck, Progress
from newsdiff.core.text import one_line
from newsdiff.core.wording import plural
from newsdiff.screens.story_view import StoryViewScreen, back_binding
from newsdiff.widgets.nav_keys import nav_bindings, navigate

MAX_MATRIX = 16
"""A larger story shows the articles that reuse or are reused the most."""
MAX_SENTENCES = 300
CELL = 6
LABEL = 22
SHADES = ((0.75, "█"), (0.5, "▓"), (0.25, "▒"), (0.0, "░"))


def shade(share: float) -> str:
    """The glyph for a share; blank for none."""
    if share <= 0:
        return " "
    return next(glyph for floor, glyph in SHADES if share > floor or floor == 0.0)


def cell_text(share: float) -> str:
    """``" 37%▒"``: the share as a whole percentage and its glyph, ``CELL`` wide."""
    if share <= 0:
        return "·".center(CELL)
    value = max(1, min(99 if share < 1 else 100, round(share * 100)))
    return f"{value:>4}%{shade(share)}"


def _label(number: int, name: str) -> str:
    text = f"{number:>2} {one_line(name)}"
    return text[: LABEL - 1] + "…" if len(text) > LABEL else text.ljust(LABEL)


def shown_articles(result: Lineage, limit: int = MAX_MATRIX) -> list[int]:
    """All articles when few; else the ones with the most reuse, in story order."""
    n = len(result.articles)
    if n <= limit:
        return list(range(n))
    weight = [0.0] * n
    for pair in result.pairs:
        weight[pair.a] += pair.a_reuses_b + pair.b_reuses_a
        weight[pair.b] += pair.a_reuses_b + pair.b_reuses_a
    return sorted(sorted(range(n), key=lambda k: -weight[k])[:limit])


def heat_map(result: Lineage) -> Content:
    shown = shown_articles(result)
    share = {(p.a, p.b): p.a_reuses_b for p in result.pairs}
    share.update({(p.b, p.a): p.b_reuses_a for p in result.pairs})
    header = " " * LABEL + "".join(f"{k + 1:>{CELL - 1}} " for k in shown)
    lines = [Content.assemble(("reuses →".ljust(LABEL), "dim"), (header[LABEL:], "bold"))]
    for i in shown:
        parts: list[tuple[str, str] | str] = [(_label(i + 1, result.articles[i].name), "bold")]
        for j in shown:
            if i == j:
                parts.append(("—".center(CELL), "dim"))
                continue
            value = share.get((i, j), 0.0)
            style = f"on $primary {round(value * 100)}%" if value > 0 else "dim"
            parts.append((cell_text(value), style))
        lines.append(Content.assemble(*parts))
    if len(shown) < len(result.articles):
        note = f"(the {len(shown)} articles with the most reuse, of {len(result.articles)})"
        lines.append(Content.assemble((note, "dim")))
    return Content("\n").join(lines)


class LineageScreen(StoryViewScreen[Lineage]):
    """Who reuses whom."""

    AREA = "lineage"
    WHAT = "lineage"
    DEFAULT_CSS = """
    LineageScreen #lineage-body { height: 1fr; padding: 0 1; }
    LineageScreen #lineage-map { height: auto; margin-bottom: 1; }
    LineageScreen .lineage-heading { height: auto; text-style: bold; }
    LineageScreen #lineage-sentences { height: auto; }
    """
    BINDINGS: ClassVar = [back_binding("lineage"), *nav_bindings("lineage", "line", priority=True)]

    def title_text(self) -> str:
        return f"Rewrite lineage · {plural(len(self.articles), 'article')}"

    def action_nav(self, move: str) -> None:
        navigate([self.query_one("#lineage-body")], move)

    def compose_view(self) -> ComposeResult:
        with VerticalScroll(id="lineage-body"):
            yield Static(Content(""), id="lineage-map", markup=False)
            yield Static(Content("Directions"), classes="lineage-heading", markup=False)
            yield Static(Content(""), id="lineage-sentences", markup=False)

    def on_mount(self) -> None:
        self.query_one("#lineage-body").display = False
        super().on_mount()

    def compute(self, cancelled: CancelCheck, progress: Progress) -> Lineage:
        return lineage(self.articles, self.threshold, progress, cancelled)

    def show_result(self, result: Lineage) -> None:
        self.query_one("#lineage-map", Static).update(heat_map(result))
        sentences = [f"• {one_line(result.sentence(p))}" for p in result.pairs[:MAX_SENTENCES]]
        if not sentences:
            sentences = ["No two articles share enough text to say which reuses which."]
        elif len(result.pairs) > MAX_SENTENCES:
            sentences.append(
                f"… and {len(result.pairs) - MAX_SENTENCES} more pairs (newsdiff lineage lists all)"
            )
        key = (
            "Row reuses column: the share of the row article's words found in the column article. "
            "░ ▒ ▓ █: up to 25, 50, 75, 100%."
        )
        self.query_one("#lineage-sentences", Static).update(Content("\n".join([*sentences, "", key])))
        body = self.query_one("#lineage-body")
        body.display = True
        body.focus()
