"""Turn the core's diff spans into styled ``Content``: the only place diff styles are decided.

Article text is untrusted: it goes into ``Content(text, spans)`` as plain characters, so a
``[bold]`` or ``[@click=...]`` in an article is shown literally and never interpreted. Styles
are strings with theme variables (``$text-error``...), resolved by Textual at render time, so a
theme switch restyles every row without rebuilding it.

Every difference is marked without colour too, so it survives ``NO_COLOR`` and colour
blindness: deleted words are struck through, inserted words underlined and bold, a replacement
is struck on side A and underlined on side B, and a change involving a number is also reversed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from textual.content import Content, Span

from newsdiff.core.comparison.model import ParagraphView
from newsdiff.core.comparison.tags import discrepancy_words
from newsdiff.core.facts import Discrepancy

Side = Literal["a", "b"]
Marks = Mapping[int, Sequence[tuple[int, int, bool]]]
"""Search matches to show, per paragraph index: (start, end, is the current match)."""

DELETE_STYLE = "strike $text-error on $error-muted"
INSERT_STYLE = "bold underline $text-success on $success-muted"
REPLACE_STYLES: dict[Side, str] = {
    "a": "strike $text-warning on $warning-muted",
    "b": "bold underline $text-warning on $warning-muted",
}
NUMBER_STYLE = "bold reverse"
"""Added on top of a change that involves a number: the fact-checker's first stop."""
LABEL_STYLE = "dim"
FACTS_STYLE = "bold $text-warning"
"""A pair whose numbers or names disagree: flagged in words (``⚠ figures differ``), not colour alone."""
MATCH_STYLE = "italic reverse $accent"
"""A search match: reversed and italic, so it is seen without colour and is not taken for a
changed number (bold reverse)."""
CURRENT_MATCH_STYLE = "bold italic underline2 reverse $warning"
"""The match ``n``/``N`` stands on: also bold and doubly underlined (an inserted word is already
underlined once), so it stands out without colour too."""


def span_style(kind: str, side: Side, numeric: bool) -> str | None:
    """The style for one diff span, or ``None`` for unchanged text."""
    if kind == "delete":
        style = DELETE_STYLE
    elif kind == "insert":
        style = INSERT_STYLE
    elif kind == "replace":
        style = REPLACE_STYLES[side]
    else:
        return None
    return f"{style} {NUMBER_STYLE}" if numeric else style


def paragraph_content(view: ParagraphView, side: Side, word_level: bool) -> Content:
    """One paragraph's text, with its changed words styled when ``word_level`` is on."""
    if not word_level:
        return Content(view.text)
    spans = [
        Span(span.start, span.end, style)
        for span in view.spans
        if (style := span_style(span.kind, side, span.numeric)) is not None
    ]
    return Content(view.text, spans)


def cell_content(
    views: Sequence[ParagraphView], side: Side, word_level: bool, marks: Marks | None = None
) -> Content:
    """A row's cell: its paragraphs, each led by a dim ``¶n`` (1-based, as in the file), with
    search ``marks`` drawn over the diff styles."""
    parts: list[Content] = []
    for view in views:
        label = Content.styled(f"¶{view.index + 1} ", LABEL_STYLE)
        text = paragraph_content(view, side, word_level)
        if marks and (found := marks.get(view.index)):
            text = text.add_spans(
                [
                    Span(start, end, CURRENT_MATCH_STYLE if current else MATCH_STYLE)
                    for start, end, current in found
                ]
            )
        parts.append(label + text)
    return Content("\n\n").join(parts)


def facts_content(found: Sequence[Discrepancy]) -> Content:
    """One line per discrepancy under a pair: ``⚠ figures differ: four hours → five hours``; the
    quoted article words are plain text, never markup."""
    lines = map(discrepancy_words, found)
    return Content("\n").join(Content.styled(head, FACTS_STYLE) + Content(said) for head, said in lines)
