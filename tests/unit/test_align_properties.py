"""Structural promises of the aligner, on every seed pair and on constructed cases."""

from __future__ import annotations

import itertools

import pytest

from newsdiff.core.align import Alignment, align, align_texts
from newsdiff.core.article import Article
from newsdiff.core.loader import parse_article

SEED_KEYS = ["000", "001", "002", "003", "004"]
SEED_PAIRS = list(itertools.combinations(SEED_KEYS, 2))


def _check_partition(alignment: Alignment, a: Article, b: Article) -> None:
    seen_a = [i for p in alignment.pairs for i in p.a] + list(alignment.only_a)
    seen_b = [j for p in alignment.pairs for j in p.b] + list(alignment.only_b)
    assert sorted(seen_a) == list(range(len(a.paragraphs)))
    assert sorted(seen_b) == list(range(len(b.paragraphs)))
    for pair in alignment.pairs:
        assert pair.a and pair.b
        assert 0.0 <= pair.score <= 1.0
        bodies = {a.paragraphs[i].is_body for i in pair.a} | {b.paragraphs[j].is_body for j in pair.b}
        assert len(bodies) == 1, "body and boilerplate never pair"


@pytest.mark.parametrize(("ka", "kb"), SEED_PAIRS)
def test_every_paragraph_appears_exactly_once(seeds: dict[str, Article], ka: str, kb: str) -> None:
    _check_partition(align(seeds[ka], seeds[kb]), seeds[ka], seeds[kb])


@pytest.mark.parametrize(("ka", "kb"), SEED_PAIRS)
def test_alignment_is_symmetric(seeds: dict[str, Article], ka: str, kb: str) -> None:
    forward = align(seeds[ka], seeds[kb])
    backward = align(seeds[kb], seeds[ka])
    assert backward == forward.swapped()
    assert backward.swapped() == forward


@pytest.mark.parametrize("key", SEED_KEYS)
def test_self_alignment_is_identity_at_score_one(seeds: dict[str, Article], key: str) -> None:
    article = seeds[key]
    alignment = align(article, article)
    assert [(p.a, p.b, p.score) for p in alignment.pairs] == [
        ((i,), (i,), 1.0) for i in range(len(article.paragraphs))
    ]
    assert alignment.only_a == alignment.only_b == ()


def test_split_paragraph_pairs_one_to_many() -> None:
    first = "Putin welcomed Kim at the launch facility with a long handshake."
    second = "The two leaders then toured the rocket assembly hall together."
    weather = "Unrelated closing line about the weather in Tokyo today."
    pairs, only_a, only_b = align_texts([f"{first} {second}", weather], [first, second])
    assert [(p.a, p.b) for p in pairs] == [((0,), (0, 1))]
    assert pairs[0].score == 1.0
    assert only_a == [1] and only_b == []


def test_merged_paragraphs_pair_many_to_one() -> None:
    a = [
        "North Korea fired two ballistic missiles toward the sea early on Wednesday morning.",
        "Japan's coast guard advised vessels to remain vigilant for falling objects.",
        "A completely different paragraph about grain exports from the Black Sea ports.",
    ]
    b = [
        "North Korea fired two ballistic missiles into the sea on Wednesday. "
        "Japan's coast guard told vessels to stay vigilant for falling objects."
    ]
    pairs, only_a, only_b = align_texts(a, b)
    assert [(p.a, p.b) for p in pairs] == [((0, 1), (0,))]
    assert 0.0 < pairs[0].score < 1.0
    assert only_a == [2] and only_b == []


def test_nothing_in_common_pairs_nothing() -> None:
    a = parse_article("The central bank raised interest rates by half a point.\n\nMarkets fell.", "a")
    b = parse_article("A rare orchid bloomed in the botanical garden this spring.", "b")
    alignment = align(a, b)
    assert alignment.pairs == ()
    assert alignment.only_a == (0, 1) and alignment.only_b == (0,)


def test_empty_sides() -> None:
    assert align_texts([], ["Something."]) == ([], [], [0])
    assert align_texts(["Something."], []) == ([], [0], [])


def test_duplicate_paragraphs_pair_in_order() -> None:
    text = "\n\n".join(["Same line again and again here."] * 3)
    article = parse_article(text, "dup")
    alignment = align(article, article)
    assert [(p.a, p.b) for p in alignment.pairs] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_rows_keep_reading_order(seeds: dict[str, Article]) -> None:
    alignment = align(seeds["001"], seeds["004"])
    rows = alignment.rows()
    a_order = [min(r.a) for r in rows if r.a]
    assert a_order == sorted(a_order)
    # The B-only paragraph comes right after the row holding its B predecessor (004 #3).
    position = next(k for k, r in enumerate(rows) if r.b == (4,))
    assert 3 in rows[position - 1].b


def test_indexed_candidates_agree_with_dense_scoring_on_the_seeds(seeds: dict[str, Article]) -> None:
    """The sub-quadratic path (used for big documents) finds the same pairs on the seeds."""
    texts_a = [p.text for p in seeds["001"].body]
    texts_b = [p.text for p in seeds["004"].body]
    dense = align_texts(texts_a, texts_b)
    indexed = align_texts(texts_a, texts_b, dense_limit=0)
    assert [(p.a, p.b) for p in indexed[0]] == [(p.a, p.b) for p in dense[0]]
    assert indexed[1:] == dense[1:]


def test_a_repeated_sentence_does_not_chain_paragraphs_together() -> None:
    shared = "The Kremlin said the talks were constructive and lasted several hours."
    a = [f"Story {k} about topic number {k} in detail here. {shared}" for k in range(5)]
    b = [f"Story {k} about topic number {k} in detail here. {shared}" for k in range(5)]
    pairs, _, _ = align_texts(a, b)
    assert all(len(p.a) == 1 or len(p.b) == 1 for p in pairs)
    assert [(p.a, p.b) for p in pairs] == [((k,), (k,)) for k in range(5)]


def test_b_only_paragraphs_before_the_first_pair_precede_its_row() -> None:
    a = parse_article(
        "Alpha paragraph about the launch pad tour and the rockets.\n\n"
        "Shared text about the summit talks lasting four hours.",
        "a",
    )
    b = parse_article(
        "A new lead only B has, about the weather in Vladivostok.\n\n"
        "Shared text about the summit talks lasting four hours.",
        "b",
    )
    rows = align(a, b).rows()
    assert [(r.a, r.b) for r in rows] == [((0,), ()), ((), (0,)), ((1,), (1,))]
