"""Coverage on the seeds: 004's paragraphs report with their 001 counterparts (hand labels), reports
stay consistent across all sources, and the JSON and Markdown outputs keep their shape and escape
article text."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from newsdiff.core.align import align
from newsdiff.core.article import Article
from newsdiff.core.coverage import Coverage, coverage
from newsdiff.core.errors import Cancelled
from newsdiff.core.loader import load_paths, parse_article
from newsdiff.core.story_export import coverage_json, coverage_markdown
from support.pairing_labels import load_labels

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
AP, REWRITE = 1, 4
"""Positions of seeds 001 and 004 in the story (files sorted by name)."""


@cache
def seeds() -> tuple[Article, ...]:
    return tuple(load_paths([SEEDS]).articles)


@cache
def seed_coverage() -> Coverage:
    return coverage(seeds())


def report_of(result: Coverage) -> dict[tuple[int, int], int]:
    return {(m.article, m.paragraph): k for k, r in enumerate(result.reports) for m in r.members}


def test_the_seeds_are_in_the_expected_order() -> None:
    names = [Path(a.path).name[:3] for a in seeds()]
    assert names == ["000", "001", "002", "003", "004"]


def test_each_of_004s_paragraphs_reports_with_its_001_counterparts() -> None:
    where = report_of(seed_coverage())
    labels = next(x for x in load_labels() if (x.a, x.b) == ("001", "004"))
    for a, b in sorted(labels.sure):
        assert where[(AP, a)] == where[(REWRITE, b)], (a, b)


def test_004s_unlabelled_paragraph_is_its_own_exclusive_report() -> None:
    result = seed_coverage()
    report = result.reports[report_of(result)[(REWRITE, 4)]]
    assert report.articles == (REWRITE,)
    assert report_of(result)[(REWRITE, 4)] in result.exclusive(REWRITE)


def test_every_body_paragraph_is_in_exactly_one_report_and_boilerplate_in_none() -> None:
    result = seed_coverage()
    members = [(m.article, m.paragraph) for r in result.reports for m in r.members]
    assert len(members) == len(set(members))
    body = {(k, p.index) for k, a in enumerate(seeds()) for p in a.body}
    assert set(members) == body


@cache
def comparison_links() -> frozenset[tuple[tuple[int, int], tuple[int, int]]]:
    """Every paragraph link of every seed pair's comparison, both ways: (article, paragraph) pairs."""
    arts = seeds()
    linked: set[tuple[tuple[int, int], tuple[int, int]]] = set()
    for x in range(len(arts)):
        for y in range(x + 1, len(arts)):
            for pair in align(arts[x], arts[y]).pairs:
                for i in pair.a:
                    for j in pair.b:
                        linked |= {((x, i), (y, j)), ((y, j), (x, i))}
    return frozenset(linked)


def test_coverage_agrees_with_every_comparison() -> None:
    """Two paragraphs of different articles share a report only if their articles' comparison
    pairs them: the coverage view and the comparison screen never contradict each other."""
    result = seed_coverage()
    assert result.method == "comparisons"
    linked = comparison_links()
    checked = 0
    for report in result.reports:
        for m in report.members:
            for n in report.members:
                if m.article < n.article:
                    assert ((m.article, m.paragraph), (n.article, n.paragraph)) in linked, report
                    checked += 1
    assert checked >= 20


def test_a_report_holds_two_paragraphs_of_one_article_only_as_a_genuine_split() -> None:
    """Several paragraphs of one article share a report only when the other articles' paragraphs
    in it are paired with each of them (a condensed paragraph facing its parts)."""
    result = seed_coverage()
    linked = comparison_links()
    splits = 0
    for report in result.reports:
        for article in report.articles:
            parts = report.paragraphs_of(article)
            if len(parts) < 2:
                continue
            splits += 1
            hubs = [m for m in report.members if m.article != article]
            assert hubs
            assert all(((h.article, h.paragraph), (article, p)) in linked for p in parts for h in hubs)
    assert splits >= 1  # 004 condenses 001's paragraphs into its first


def test_reports_are_sorted_by_sources_then_first_appearance() -> None:
    reports = seed_coverage().reports
    keys = [(-r.sources, r.members[0].article, r.members[0].paragraph) for r in reports]
    assert keys == sorted(keys)
    assert reports[0].sources >= 4
    assert sum(1 for r in reports if r.sources > 1) >= 10


def test_unrelated_articles_share_no_report(tmp_path: Path) -> None:
    one = parse_article(
        "The council approved the new library budget after a long debate.\n\n"
        "Construction of the riverside branch starts in spring, officials said.",
        "one.txt",
    )
    two = parse_article(
        "A heat wave is expected to break records across the southern plains this week.\n\n"
        "Forecasters urged residents to check on elderly neighbours during the afternoons.",
        "two.txt",
    )
    result = coverage([one, two])
    assert all(r.sources == 1 for r in result.reports)
    assert len(result.reports) == 4


def test_identical_articles_share_every_report() -> None:
    article = seeds()[AP]
    twin = Article(path="twin.txt", title=article.title, outlet="Twin", paragraphs=article.paragraphs)
    result = coverage([article, twin])
    assert all(r.sources == 2 and len(r.members) == 2 for r in result.reports)
    assert all(r.paragraphs_of(0) == r.paragraphs_of(1) for r in result.reports)


def test_cancel_stops_the_work_and_progress_reaches_the_end() -> None:
    with pytest.raises(Cancelled):
        coverage(seeds(), cancelled=lambda: True)
    shares: list[float] = []
    coverage(seeds(), progress=lambda share, _: shares.append(share))
    assert shares == sorted(shares) and shares[-1] >= 0.9


def test_json_shape_and_paragraph_indices_as_in_align() -> None:
    result = seed_coverage()
    data = coverage_json(result)
    assert set(data) >= {"articles", "reports", "exclusive"}
    assert [a["path"] for a in data["articles"]] == [a.path for a in seeds()]
    assert len(data["reports"]) == len(result.reports)
    for report in data["reports"]:
        assert report["sources"] == len({p["path"] for p in report["paragraphs"]})
        for paragraph in report["paragraphs"]:
            assert set(paragraph) >= {"path", "outlet", "paragraph", "text"}
            article = next(a for a in seeds() if a.path == paragraph["path"])
            # The index is the paragraph's place in the file, boilerplate included (as align's JSON).
            assert article.paragraphs[paragraph["paragraph"]].text == paragraph["text"]
    assert data["exclusive"]["The Washington Times"]
    for outlet, indices in data["exclusive"].items():
        for k in indices:
            assert data["reports"][k]["sources"] == 1
            assert data["reports"][k]["paragraphs"][0]["outlet"] in (outlet, None)
    json.dumps(data)


def test_markdown_table_and_exclusive_content() -> None:
    result = seed_coverage()
    text = coverage_markdown(result)
    assert "## Reports" in text and "## Exclusive content" in text
    first_row = next(line for line in text.splitlines() if line.startswith("| 1 |"))
    assert first_row.count("✓") == result.reports[0].sources
    assert "### Only in The Washington Times" in text


def test_markdown_escapes_article_text() -> None:
    hostile = "# Heading | cell <script>alert(1)</script> [link](http://x) *bold* `code`"
    a = parse_article(f"{hostile} and the council approved the budget on Tuesday night.", "a.txt")
    b = parse_article("Something else entirely about the weather in the mountains today.", "b.txt")
    text = coverage_markdown(coverage([a, b]))
    assert "<script>" not in text and "[link](" not in text and "`code`" not in text
    assert "\\# Heading \\| cell \\<script\\>" in text
    # Table rows still have exactly their columns: the article's "|" did not open a new cell.
    rows = [line for line in text.splitlines() if line.startswith("| 1 |") or line.startswith("| 2 |")]
    assert rows and all(line.replace("\\|", "").count("|") == 6 for line in rows)  # 5 cells


def test_a_story_of_more_than_twelve_articles_uses_the_story_index() -> None:
    arts = seeds()
    story = [
        *arts,
        *(parse_article("\n\n".join(p.text for p in a.body), f"copy{k}.txt") for k, a in enumerate(arts)),
    ]
    story += [parse_article("\n\n".join(p.text for p in arts[0].body[:3]), f"extra{k}.txt") for k in range(3)]
    assert len(story) == 13
    result = coverage(story)
    assert result.method == "index"
    where = report_of(result)
    # every copy of an article reports with its original, paragraph by paragraph
    for k, article in enumerate(arts):
        for n, p in enumerate(article.body):
            assert where[(k, p.index)] == where[(5 + k, n)]
