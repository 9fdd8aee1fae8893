"""Paragraph pairing against the hand labels of all ten seed pairs (tests/labels).

The thresholds below are the measured quality of this version (benchmarks.md, "Pairing quality"),
rounded down: a change that pairs worse across outlets, or loosens precision, fails here.
"""

from __future__ import annotations

from newsdiff.core.align import align, align_texts
from newsdiff.core.article import Article
from support.pairing_labels import Quality, load_labels, quality

LABELS = load_labels()


def _quality(seeds: dict[str, Article], a: str, b: str) -> Quality:
    labels = next(x for x in LABELS if (x.a, x.b) == (a, b))
    alignment = align(seeds[a], seeds[b])
    return quality({(i, j) for p in alignment.pairs for i in p.a for j in p.b}, labels)


def test_the_labels_cover_every_seed_pair() -> None:
    assert len(LABELS) == 10
    assert all(labels.sure for labels in LABELS)
    assert all(not labels.sure & labels.possible for labels in LABELS)


def test_pairing_across_outlets_over_all_ten_pairs(seeds: dict[str, Article]) -> None:
    results = [_quality(seeds, labels.a, labels.b) for labels in LABELS]
    found = sum(q.found for q in results)
    precision = sum(q.correct for q in results) / found
    recall = sum(q.sure_found for q in results) / sum(q.sure for q in results)
    print(f"all ten seed pairs: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.9
    assert recall >= 0.45  # 0.26 before the paraphrase scorer


def test_globe_and_mail_against_ap_pairs_the_reports_a_reader_pairs(seeds: dict[str, Article]) -> None:
    q = _quality(seeds, "000", "001")
    assert q.precision == 1.0
    assert q.sure_found >= 8  # 2 before: the arrival, both "sacred fight" quotes, missiles, Shoigu ...


def test_the_condensed_rewrite_keeps_full_recall(seeds: dict[str, Article]) -> None:
    q = _quality(seeds, "001", "004")
    assert q.recall == 1.0
    assert q.precision >= 0.9


def test_an_exact_copy_is_paired_with_its_copy_not_with_a_merge_of_it() -> None:
    # B0 merges A0 and A1; B1 is A1 exactly. Sentence matching alone gave A1's sentences to B0
    # (the first place they occur) and left the copy unpaired.
    s = [
        f"Sentence number {w} tells of the {w} convoy crossing the river at dawn."
        for w in ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
    ]
    a = [" ".join(s[:4]), " ".join(s[4:])]
    b = [" ".join(s), " ".join(s[4:])]
    pairs, only_a, only_b = align_texts(a, b)
    assert [(p.a, p.b) for p in pairs] == [((0,), (0,)), ((1,), (1,))]
    assert pairs[1].score == 1.0
    assert (only_a, only_b) == ([], [])
