"""The row-by-row comparison every view shows."""

from __future__ import annotations

import pytest

from newsdiff.core.article import Article
from newsdiff.core.comparison.model import compare
from newsdiff.core.comparison.order import out_of_order
from newsdiff.core.loader import parse_article


def test_merged_rows_split_spans_back_per_paragraph(seeds: dict[str, Article]) -> None:
    comparison = compare(seeds["001"], seeds["004"])
    for k in range(len(comparison.rows)):
        view = comparison.row_view(k)
        for paragraph in (*view.a, *view.b):
            assert "".join(paragraph.text[s.start : s.end] for s in paragraph.spans) == paragraph.text
    merged = next(comparison.row_view(k) for k, row in enumerate(comparison.rows) if row.b == (2,))
    assert [p.index for p in merged.a] == [2, 9]
    deleted = {p.text[s.start : s.end] for p in merged.a for s in p.spans if s.kind != "equal"}
    inserted = {p.text[s.start : s.end] for p in merged.b for s in p.spans if s.kind != "equal"}
    assert any("refill" in d for d in deleted)
    assert any("replenish" in i for i in inserted)


def test_summary_counts_body_only(seeds: dict[str, Article]) -> None:
    comparison = compare(seeds["001"], seeds["004"])
    summary = comparison.summary()
    body_a = len(seeds["001"].body)
    body_b = len(seeds["004"].body)
    paired_a = sum(len(p.a) for p in comparison.alignment.pairs if seeds["001"].paragraphs[p.a[0]].is_body)
    assert summary.only_a == body_a - paired_a
    assert summary.only_b == body_b - 7  # 004 has 8 paragraphs, one of them only in 004
    assert summary.pairs == 7
    assert 0.0 < summary.mean_similarity < 1.0


def test_identical_and_numeric_flags() -> None:
    a = parse_article("Kim fired two missiles at dawn.\n\nThe talks lasted four hours.", "a")
    b = parse_article("Kim fired two missiles at dawn.\n\nThe talks lasted five hours.", "b")
    views = compare(a, b).row_views()
    assert [(v.identical, v.numeric) for v in views] == [(True, False), (False, True)]


def _numeric(a: str, b: str) -> tuple[bool, list[str], list[str]]:
    """A one-pair comparison: whether it is flagged numeric, and the marked texts per side."""
    views = compare(parse_article(a, "a"), parse_article(b, "b"), 0.1).row_views()
    assert [v.kind for v in views] == ["pair"]
    (view,) = views
    marked = [
        [p.text[s.start : s.end] for p in side for s in p.spans if s.numeric] for side in (view.a, view.b)
    ]
    return view.numeric, marked[0], marked[1]


@pytest.mark.parametrize(
    ("a", "b", "marked_a", "marked_b"),
    [
        ("North Korea fired two missiles.", "North Korea fired four missiles.", ["two"], ["four"]),
        (
            "The handshake between the two leaders lasted around 40 seconds, officials said.",
            "The handshake between both leaders lasted an hour, officials said.",
            ["40 seconds"],
            ["an hour"],
        ),
        (
            "the 18-month-old war in the east",
            "the 19-month-old war in the east",
            ["18-month-old"],
            ["19-month-old"],
        ),
        (
            "The two leaders met for talks that lasted four hours on Wednesday.",
            "The leaders met for talks that lasted five hours on Wednesday.",
            ["four"],
            ["five"],
        ),
    ],
)
def test_only_the_changed_tokens_of_a_changed_figure_are_marked(
    a: str, b: str, marked_a: list[str], marked_b: list[str]
) -> None:
    """The figure check of ``f`` (core.facts) decides: "two leaders" → "the leaders" changes a
    number word but no figure, "around" is reworded but not part of the figure."""
    assert _numeric(a, b) == (True, marked_a, marked_b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim said one of them would come back to the summit.", "Kim said he would come back to the summit."),
        ("The two leaders shared a state dinner.", "The leaders shared a lavish state dinner."),
        ("Putin refilled the stores.", "Putin replenished the stores."),
    ],
)
def test_a_number_word_in_a_reworded_stretch_is_not_a_changed_figure(a: str, b: str) -> None:
    assert _numeric(a, b) == (False, [], [])


def test_numeric_rows_are_the_rows_f_flags_for_figures(seeds: dict[str, Article]) -> None:
    comparison = compare(seeds["000"], seeds["001"])
    for k in range(len(comparison.rows)):
        figures = [d for d in comparison.discrepancies(k) if d.kind == "number"]
        assert comparison.row_view(k).numeric == bool(figures), k


def test_swapped_comparison_mirrors_rows(seeds: dict[str, Article]) -> None:
    comparison = compare(seeds["000"], seeds["003"])
    swapped = comparison.swapped()
    assert swapped.a is comparison.b
    assert {(r.a, r.b) for r in swapped.rows} == {(r.b, r.a) for r in comparison.rows}


def test_coverage_says_how_much_of_each_side_has_a_counterpart() -> None:
    a = parse_article(
        "Kim fired two missiles at dawn on Wednesday.\n\nAn unrelated note about grain prices.", "a"
    )
    b = parse_article("Kim fired two missiles at dawn on Wednesday.", "b")
    summary = compare(a, b).summary()
    assert summary.mean_similarity == 1.0
    assert summary.coverage_b == 1.0
    words_first = len(a.paragraphs[0].text.split())
    words_all = words_first + len(a.paragraphs[1].text.split())
    assert summary.coverage_a == words_first / words_all


def test_row_identical_agrees_with_the_word_diff(seeds: dict[str, Article]) -> None:
    for ka, kb in (("001", "004"), ("002", "003"), ("000", "000")):
        comparison = compare(seeds[ka], seeds[kb])
        quick = [comparison.row_identical(k) for k in range(len(comparison.rows))]
        assert not comparison._cache, "the quick check must not build row views"
        full = [
            comparison.row_view(k).identical and comparison.rows[k].kind == "pair"
            for k in range(len(comparison.rows))
        ]
        assert quick == full


@pytest.mark.parametrize(
    ("positions", "moved"),
    [([0, 1, 2, 3], set()), ([0, 2, 3, 1], {3}), ([3, 0, 1, 2], {0}), ([], set()), ([2, 1, 0], {0, 1})],
)
def test_out_of_order_is_the_fewest_items_that_explain_the_order(
    positions: list[int], moved: set[int]
) -> None:
    assert out_of_order(positions) == moved


REPORTS = [
    "Kim Jong Un arrived at the cosmodrome in the Far East on Wednesday for talks with Putin.",
    "The two leaders toured the launch pads and the assembly hall before sitting down to talk.",
    "Officials in Seoul said they were watching the meeting closely for any arms agreements.",
    "The White House warned that any transfer of weapons would break United Nations sanctions.",
]


def test_a_pair_told_elsewhere_in_the_story_is_moved() -> None:
    a = parse_article("\n\n".join(REPORTS), "a")
    b = parse_article("\n\n".join([REPORTS[0], REPORTS[2], REPORTS[3], REPORTS[1]]), "b")
    comparison = compare(a, b)
    views = comparison.row_views()
    assert [v.kind for v in views] == ["pair"] * 4
    assert [v.moved for v in views] == [False, True, False, False]  # A's ¶2, told last by B
    assert not any(v.moved for v in compare(a, a).row_views())
