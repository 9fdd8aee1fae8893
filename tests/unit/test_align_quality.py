"""Alignment of seed 001 (AP) with 004 (its condensed rewrite) against hand labels."""

from __future__ import annotations

from newsdiff.core.align import align
from newsdiff.core.article import Article
from support.pairing_labels import load_labels

LABELS = next(x for x in load_labels() if (x.a, x.b) == ("001", "004"))
TRUE_LINKS = set(LABELS.sure)


def _links(article_a: Article, article_b: Article) -> set[tuple[int, int]]:
    alignment = align(article_a, article_b)
    return {(i, j) for pair in alignment.pairs for i in pair.a for j in pair.b}


def test_precision_and_recall_against_hand_labels(seeds: dict[str, Article]) -> None:
    found = _links(seeds["001"], seeds["004"])
    true_positive = len(found & TRUE_LINKS)
    precision = true_positive / len(found)
    recall = true_positive / len(TRUE_LINKS)
    print(f"001 vs 004: precision {precision:.2f}, recall {recall:.2f}, extra {sorted(found - TRUE_LINKS)}")
    # Precision here over sure links only (benchmarks.md counts possible ones too): at most one
    # link beyond the eleven sure ones.
    assert recall == 1.0, sorted(TRUE_LINKS - found)
    assert precision >= 11 / 12, sorted(found - TRUE_LINKS)


def test_every_merged_paragraph_finds_both_sources(seeds: dict[str, Article]) -> None:
    alignment = align(seeds["001"], seeds["004"])
    groups = {pair.b: set(pair.a) for pair in alignment.pairs}
    sources: dict[int, set[int]] = {}
    for a, b in TRUE_LINKS:
        sources.setdefault(b, set()).add(a)
    merged = {b: a for b, a in sources.items() if len(a) == 2}
    assert len(merged) == 4  # 004 paragraphs 0, 2, 5 and 7 each condense two of 001's
    for b, a in merged.items():
        assert a <= groups[(b,)], (b, a)


def test_content_only_in_the_rewrite_stays_unpaired(seeds: dict[str, Article]) -> None:
    alignment = align(seeds["001"], seeds["004"])
    assert alignment.only_b == (4,)  # the Khasan border station paragraph
    # 001's photo caption and related links are boilerplate: never paired with story text.
    paired_a = {i for pair in alignment.pairs for i in pair.a}
    assert not paired_a & set(seeds["001"].boilerplate_indices)


def test_reordered_copies_pair_by_content_not_position(seeds: dict[str, Article]) -> None:
    from newsdiff.core.loader import parse_article

    original = seeds["003"]
    texts = [p.text for p in original.paragraphs]
    shuffled = texts[::-1]
    reordered = parse_article("\n".join(shuffled), "reordered.txt")
    alignment = align(original, reordered)
    n = len(texts)
    assert {(p.a, p.b) for p in alignment.pairs} == {((i,), (n - 1 - i,)) for i in range(n)}
    assert all(p.score == 1.0 for p in alignment.pairs)
