"""What a row is, in words: the one wording of every tag, flag and discrepancy a presenter shows.

The diff view's gutter, ``newsdiff diff``, the Markdown and the HTML export all say "same wording",
"numbers changed", "⚠ numbers or names disagree" and "boilerplate (…)" from here. Each tag has two
lengths: ``words`` for a heading or a title line, ``short`` for the app's 8-column gutter. Which
tags a presenter shows, and in which order, is its own choice; how a tag is said is not.

Tags that need the row's word diff (same wording, numbers, facts) read the comparison's one cached
diff; the boilerplate reasons need none, so the alignment table can ask for them cheaply.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from newsdiff.core.align import Row
from newsdiff.core.comparison.model import Comparison, RowView
from newsdiff.core.facts import Discrepancy

FACTS_MARK = "⚠"
"""The mark of a figure or a name the two sides state differently, in every presentation."""

TagKey = Literal["same", "moved", "numbers", "facts", "boilerplate"]


WORDS: dict[TagKey, tuple[str, str]] = {
    "same": ("same wording", "same"),
    "moved": ("moved", "moved"),
    "numbers": ("numbers changed", "numbers"),
    "facts": (f"{FACTS_MARK} numbers or names disagree", f"{FACTS_MARK} fact"),
    "boilerplate": ("boilerplate", "boiler"),
}
"""Each tag in words (a heading, a title line) and short (the app's 8-column gutter, its legend)."""


@dataclass(frozen=True, slots=True)
class Tag:
    """One thing to say about a row: ``words`` in a heading, ``short`` in the app's gutter."""

    key: TagKey
    words: str
    short: str

    @classmethod
    def of(cls, key: TagKey, detail: str = "") -> Tag:
        """Tag ``key`` as ``WORDS`` says it, ``detail`` in brackets after the words."""
        words, short = WORDS[key]
        return cls(key, f"{words} ({detail})" if detail else words, short)


def boilerplate_reasons(comparison: Comparison, row: Row) -> list[str]:
    """Why the row's paragraphs were set aside, each reason once, sorted (empty for body text).

    Takes the bare ``Row`` (indices), not a ``RowView``, so the alignment table can ask without
    computing any word diff.
    """
    sides = ((comparison.a, row.a), (comparison.b, row.b))
    return sorted(
        {
            reason
            for article, indices in sides
            for i in indices
            if (reason := article.paragraphs[i].boilerplate)
        }
    )


def row_tags(comparison: Comparison, k: int) -> tuple[Tag, ...]:
    """Every tag row ``k`` has, in this order: same, moved, numbers, facts, boilerplate."""
    view = comparison.row_view(k)
    keys: list[TagKey] = []
    if view.identical:
        keys.append("same")
    if view.moved:
        keys.append("moved")
    if view.numeric:
        keys.append("numbers")
    if comparison.discrepancies(k):
        keys.append("facts")
    tags = [Tag.of(key) for key in keys]
    reasons = boilerplate_reasons(comparison, view.row)
    if reasons:
        tags.append(Tag.of("boilerplate", ", ".join(reasons)))
    return tuple(tags)


def shown_tags(comparison: Comparison, k: int, keys: Iterable[TagKey]) -> list[Tag]:
    """Row ``k``'s tags among ``keys``, in the order of ``keys`` (what one presenter shows)."""
    tags = {tag.key: tag for tag in row_tags(comparison, k)}
    return [tags[key] for key in keys if key in tags]


def score_text(view: RowView) -> str:
    """A pair's similarity as shown next to it: ``0.72``."""
    return f"{view.score or 0.0:.2f}"


def paragraph_numbers(indices: Iterable[int]) -> str:
    """``¶3, ¶4``: paragraphs by their place in the file, counted from 1."""
    return ", ".join(f"¶{i + 1}" for i in indices)


def pair_heading(view: RowView) -> list[str]:
    """What opens a pair's heading: ``A ¶3 ↔ B ¶5``, ``similarity 0.72``."""
    a, b = paragraph_numbers(v.index for v in view.a), paragraph_numbers(v.index for v in view.b)
    return [f"A {a} ↔ B {b}", f"similarity {score_text(view)}"]


def discrepancy_words(discrepancy: Discrepancy, text: Callable[[str], str] = str) -> tuple[str, str]:
    """A discrepancy as (head, what each side says): ``("⚠ figures differ: ", "four hours →
    five hours")``. ``text`` escapes the article's words for a format (Markdown, HTML); a styled
    presenter styles the head apart."""
    return f"{FACTS_MARK} {discrepancy.label}: ", f"{text(discrepancy.a)} → {text(discrepancy.b)}"
