"""Property tests: the aligner's and word diff's promises hold for any text, hostile included."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsdiff.core.align import align
from newsdiff.core.comparison.model import compare
from newsdiff.core.loader import parse_article
from newsdiff.core.render.json import comparison_json
from newsdiff.core.worddiff import DiffOptions, diff_words

from .strategies import articles, as_text, paragraphs

separators = st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \n"])


@given(articles, articles, separators)
def test_every_paragraph_once_valid_indices_scores_in_range(pa: list[str], pb: list[str], sep: str) -> None:
    a = parse_article(as_text(pa, sep), "a.txt")
    b = parse_article(as_text(pb, sep), "b.txt")
    alignment = align(a, b)
    seen_a = sorted([i for p in alignment.pairs for i in p.a] + list(alignment.only_a))
    seen_b = sorted([j for p in alignment.pairs for j in p.b] + list(alignment.only_b))
    assert seen_a == list(range(len(a.paragraphs)))
    assert seen_b == list(range(len(b.paragraphs)))
    for pair in alignment.pairs:
        assert pair.a and pair.b
        assert 0.0 <= pair.score <= 1.0


@given(articles, articles)
def test_aligning_b_with_a_mirrors_a_with_b(pa: list[str], pb: list[str]) -> None:
    a = parse_article(as_text(pa), "a.txt")
    b = parse_article(as_text(pb), "b.txt")
    assert align(b, a) == align(a, b).swapped()


@given(articles)
def test_an_article_aligns_with_itself_one_to_one_at_score_one(pa: list[str]) -> None:
    a = parse_article(as_text(pa), "a.txt")
    alignment = align(a, a)
    assert [(p.a, p.b, p.score) for p in alignment.pairs] == [
        ((i,), (i,), 1.0) for i in range(len(a.paragraphs))
    ]


@given(paragraphs, paragraphs, st.booleans(), st.booleans(), st.booleans())
def test_word_diff_rebuilds_both_texts(a: str, b: str, case: bool, punct: bool, quotes: bool) -> None:
    diff = diff_words(a, b, DiffOptions(ignore_case=case, ignore_punctuation=punct, fold_quotes=quotes))
    assert "".join(a[op.a_start : op.a_end] for op in diff.ops) == a
    assert "".join(b[op.b_start : op.b_end] for op in diff.ops) == b
    for side, text in (("a", a), ("b", b)):
        spans = diff.spans(side)  # type: ignore[arg-type]
        assert "".join(text[s.start : s.end] for s in spans) == text
        assert all(s.kind in {"equal", "insert", "delete", "replace"} for s in spans)


@given(articles, articles)
def test_json_output_has_the_documented_shape(pa: list[str], pb: list[str]) -> None:
    a = parse_article(as_text(pa), "a.txt")
    b = parse_article(as_text(pb), "b.txt")
    data = comparison_json(compare(a, b))
    for side, article in (("a", a), ("b", b)):
        entry = data[side]
        assert isinstance(entry["path"], str) and isinstance(entry["title"], str)
        assert entry["outlet"] is None or isinstance(entry["outlet"], str)
        assert entry["paragraphs"] == [p.text for p in article.paragraphs]
        assert all(isinstance(i, int) and 0 <= i < len(entry["paragraphs"]) for i in entry["boilerplate"])
    for pair in data["pairs"]:
        assert set(pair) >= {"a", "b", "score"}
        assert all(isinstance(i, int) for i in pair["a"] + pair["b"])
        assert isinstance(pair["score"], float) and 0.0 <= pair["score"] <= 1.0
    assert all(isinstance(i, int) for i in data["only_a"] + data["only_b"])


@given(paragraphs)
def test_fast_token_table_matches_tokenize(text: str) -> None:
    from newsdiff.core.tokens import token_table, tokenize

    tokens = tokenize(text)
    assert token_table(text) == ([t.text for t in tokens], [t.start for t in tokens])
