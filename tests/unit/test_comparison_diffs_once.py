"""Each pair's word diff is computed once, whatever reads it (``Comparison.word_diff``).

Every presenter of a comparison (Markdown, HTML, JSON, the terminal's side-by-side and inline
views, the clipboard's one row) reads the model's cached diff: a word diff is the most expensive
step after the alignment, and a second one for the same row could also disagree with the first
if anyone ever changed one path and not the other. The diff function is replaced by a counter in
every module that holds it, so a renderer that diffed again on its own would be counted too.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable

import pytest

from newsdiff.core.article import Article
from newsdiff.core.comparison.model import Comparison, compare
from newsdiff.core.render.formats import render
from newsdiff.core.render.markdown import row_markdown
from newsdiff.core.worddiff import DiffOptions, WordDiff, diff_words
from newsdiff.terminal import write_comparison


@pytest.fixture
def diffed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The texts each word diff was asked for, from any module of the package."""
    calls: list[tuple[str, str]] = []

    def counting(a: str, b: str, options: DiffOptions | None = None) -> WordDiff:
        calls.append((a, b))
        return diff_words(a, b, options)

    holders = [
        module
        for name, module in list(sys.modules.items())
        if name.startswith("newsdiff") and getattr(module, "diff_words", None) is diff_words
    ]
    assert holders, "the diff function is held by no module: the counter would count nothing"
    for module in holders:
        monkeypatch.setattr(module, "diff_words", counting)
    return calls


def _terminal(inline: bool, colour: bool) -> Callable[[Comparison], object]:
    def write(comparison: Comparison) -> None:
        write_comparison(comparison, io.StringIO(), colour=colour, inline_view=inline, width=100)

    return write


PRESENTERS: dict[str, Callable[[Comparison], object]] = {
    "markdown": lambda comparison: render(comparison, "md"),
    "html": lambda comparison: render(comparison, "html"),
    "json": lambda comparison: render(comparison, "json"),
    "terminal side by side": _terminal(inline=False, colour=False),
    "terminal inline": _terminal(inline=True, colour=False),
    "terminal inline, colour": _terminal(inline=True, colour=True),
}


def _pairs(comparison: Comparison) -> int:
    return sum(1 for row in comparison.rows if row.kind == "pair")


@pytest.mark.parametrize("presenter", list(PRESENTERS))
def test_a_presenter_diffs_each_pair_once(
    presenter: str, seeds: dict[str, Article], diffed: list[tuple[str, str]]
) -> None:
    comparison = compare(seeds["000"], seeds["001"])
    pairs = _pairs(comparison)
    assert pairs >= 5 and len(comparison.rows) > pairs  # pairs and unpaired rows both
    PRESENTERS[presenter](comparison)
    assert len(diffed) == pairs
    assert len(set(diffed)) == pairs, "a pair was diffed twice"


def test_every_presenter_together_still_diffs_each_pair_once(
    seeds: dict[str, Article], diffed: list[tuple[str, str]]
) -> None:
    comparison = compare(seeds["000"], seeds["001"])
    for present in PRESENTERS.values():
        present(comparison)
    for k in range(len(comparison.rows)):
        row_markdown(comparison, k)
    assert len(diffed) == _pairs(comparison)


def test_facts_first_then_the_rows_share_the_diff(
    seeds: dict[str, Article], diffed: list[tuple[str, str]]
) -> None:
    """The app's facts filter reads every pair's discrepancies before any row is drawn: drawing
    the rows afterwards reuses those diffs."""
    comparison = compare(seeds["000"], seeds["001"])
    comparison.flagged_rows()
    comparison.row_views()
    assert len(diffed) == _pairs(comparison)
