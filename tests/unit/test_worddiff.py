"""Word diff: exact rebuild, options, numbers, and behaviour on long input."""

from __future__ import annotations

import itertools

import pytest

from newsdiff.core.article import Article
from newsdiff.core.comparison.model import compare
from newsdiff.core.worddiff import DiffOptions, WordDiff, diff_words


def _rebuild(diff: WordDiff) -> tuple[str, str]:
    a = "".join(diff.a[op.a_start : op.a_end] for op in diff.ops)
    b = "".join(diff.b[op.b_start : op.b_end] for op in diff.ops)
    return a, b


def _changes(diff: WordDiff) -> list[tuple[str, str, str]]:
    return [
        (op.kind, diff.a[op.a_start : op.a_end].strip(), diff.b[op.b_start : op.b_end].strip())
        for op in diff.ops
        if op.kind != "equal"
    ]


@pytest.mark.parametrize(("ka", "kb"), list(itertools.combinations(["000", "001", "002", "003", "004"], 2)))
def test_ops_rebuild_both_texts_for_every_seed_pair(seeds: dict[str, Article], ka: str, kb: str) -> None:
    comparison = compare(seeds[ka], seeds[kb])
    for pair in comparison.alignment.pairs:
        a = "\n\n".join(seeds[ka].paragraphs[i].text for i in pair.a)
        b = "\n\n".join(seeds[kb].paragraphs[j].text for j in pair.b)
        diff = diff_words(a, b)
        assert _rebuild(diff) == (a, b)
        for side, text in (("a", a), ("b", b)):
            spans = diff.spans(side)  # type: ignore[arg-type]
            assert "".join(text[s.start : s.end] for s in spans) == text


def test_operations_kinds() -> None:
    diff = diff_words("Kim met Putin on Wednesday.", "Kim met Putin in Russia on Wednesday!")
    assert _changes(diff) == [("insert", "", "in Russia"), ("replace", ".", "!")]
    diff = diff_words("He said it was a very good meeting.", "He said it was a good meeting.")
    assert _changes(diff) == [("delete", "very", "")]
    diff = diff_words("Putin refilled the stores.", "Putin replenished the stores.")
    assert _changes(diff) == [("replace", "refilled", "replenished")]


def test_identical_texts_have_one_equal_op() -> None:
    diff = diff_words("Same words.", "Same words.")
    assert [op.kind for op in diff.ops] == ["equal"]
    assert diff.similarity == 1.0 and not diff.changed


def test_quote_style_is_equal_by_default_and_optional() -> None:
    a, b = "Kim’s “sacred fight”", 'Kim\'s "sacred fight"'
    assert not diff_words(a, b).changed
    assert diff_words(a, b, DiffOptions(fold_quotes=False)).changed


def test_ignore_case_and_punctuation() -> None:
    a, b = "The Summit ended, officials said.", "the summit ended officials said"
    assert diff_words(a, b).changed
    assert diff_words(a, b, DiffOptions(ignore_case=True)).changed
    assert not diff_words(a, b, DiffOptions(ignore_case=True, ignore_punctuation=True)).changed
    diff = diff_words(a, b, DiffOptions(ignore_case=True, ignore_punctuation=True))
    assert _rebuild(diff) == (a, b)


def test_stop_word_islands_fold_into_the_change() -> None:
    diff = diff_words("officials denied such claims", "officials have denied these allegations")
    kinds = [op.kind for op in diff.ops]
    assert kinds.count("equal") == 2  # "officials" and "denied" only: no lone "the"/"of" islands
    diff = diff_words("alpha of beta", "gamma of delta")
    assert [op.kind for op in diff.ops] == ["replace"]


def test_spans_trim_white_space_from_changes() -> None:
    diff = diff_words("one two three", "one four three")
    spans = diff.spans("b")
    changed = [s for s in spans if s.kind != "equal"]
    assert [diff.b[s.start : s.end] for s in changed] == ["four"]


def test_long_paragraphs_diff_correctly() -> None:
    words = [f"w{i}" for i in range(20_000)]
    a = " ".join(words)
    b = " ".join([*words[:10000], "inserted", *words[10000:]])
    diff = diff_words(a, b)
    assert _changes(diff) == [("insert", "", "inserted")]
    assert _rebuild(diff) == (a, b)


def test_empty_sides() -> None:
    assert _rebuild(diff_words("", "new text")) == ("", "new text")
    assert [op.kind for op in diff_words("old text", "").ops] == ["delete"]
    assert [op.kind for op in diff_words("", "").ops] == ["equal"]
