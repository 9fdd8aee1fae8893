"""Quote clusters across the seeds' outlets, the JSON shape and the Markdown report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from newsdiff.cli import main
from newsdiff.core.article import Article
from newsdiff.core.loader import parse_article
from newsdiff.core.quotes import (
    QuoteCluster,
    QuotesCancelledError,
    find_quote_clusters,
    quotes_json,
    quotes_markdown,
    variant_segments,
)


@pytest.fixture(scope="module")
def story(seeds: dict[str, Article]) -> list[Article]:
    return [seeds[k] for k in sorted(seeds)]


@pytest.fixture(scope="module")
def clusters(story: list[Article]) -> list[QuoteCluster]:
    return find_quote_clusters(story)


def _places(cluster: QuoteCluster) -> set[tuple[str, int]]:
    return {(Path(v.path).name[:3], v.paragraph) for v in cluster.variants}


def _holding(clusters: list[QuoteCluster], seed: str, paragraph: int, words: str) -> QuoteCluster:
    found = [
        c
        for c in clusters
        for v in c.variants
        if Path(v.path).name.startswith(seed) and v.paragraph == paragraph and words in v.text
    ]
    assert len(found) == 1
    return found[0]


def test_putins_answer_is_one_cluster_with_every_outlet(clusters: list[QuoteCluster]) -> None:
    """001 "that's why we have come here", 002 "That's exactly why we came here", 003 "That's why we
    came here"; 000 quotes another piece of the same answer ("great interest in rocket engineering"),
    as does 003's next paragraph. 004 quotes nobody."""
    cluster = _holding(clusters, "002", 7, "That’s exactly why we came here")
    assert cluster.speaker == "Vladimir Putin"
    assert _places(cluster) == {("001", 22), ("002", 7), ("003", 2), ("003", 3), ("000", 4)}
    texts = {Path(v.path).name[:3] + f"¶{v.paragraph}": v.text for v in cluster.variants}
    assert texts["002¶7"] == "That’s exactly why we came here."  # not Kim's quotes of the same paragraph
    assert texts["003¶2"] == "That’s why we came here."
    assert texts["001¶22"].startswith("that’s why we have come here.")
    assert "we will talk about all issues" not in texts["001¶22"]  # his next answer is another utterance
    assert not cluster.single_outlet and cluster.articles == 4


def test_kims_sacred_fight_and_sacred_struggle_are_one_cluster(clusters: list[QuoteCluster]) -> None:
    cluster = _holding(clusters, "003", 9, "sacred struggle")
    assert cluster.speaker in {"Kim Jong-un", "Kim Jong Un"}
    assert _places(cluster) == {
        ("000", 0),
        ("000", 2),
        ("001", 1),
        ("001", 5),
        ("001", 16),
        ("002", 7),
        ("003", 9),
    }
    texts = {Path(v.path).name[:3] + f"¶{v.paragraph}": v.text for v in cluster.variants}
    assert texts["002¶7"] == "sacred fight."  # not "unconditional support" nor Putin's answer
    assert texts["003¶9"].startswith("Russia is now rising to the sacred struggle")
    # Globe ¶2 quotes three pieces of the speech in one paragraph: one variant, pieces in order.
    assert (
        texts["000¶2"].startswith("risen to a sacred fight")
        and "in the fight against imperialism" in texts["000¶2"]
    )
    # 003 ¶10 is another sentence of the speech ("the sacred struggle for the punishment of a great evil").
    assert ("003", 10) not in _places(cluster)


def test_other_shared_quotes(clusters: list[QuoteCluster]) -> None:
    restrictions = _holding(clusters, "002", 31, "There are certain restrictions")
    assert _places(restrictions) == {("002", 31), ("003", 13)}
    guterres = _holding(clusters, "002", 32, "any form of cooperation")
    assert _places(guterres) == {("002", 32), ("003", 19)} and guterres.speaker == "Antonio Guterres"
    # One sentence credited to the spokesman by one outlet and to his department by another.
    miller = _holding(clusters, "000", 10, "any transfer of arms")
    assert _places(miller) == {("000", 10), ("003", 15)}


def test_quotes_carried_by_one_outlet_are_flagged(clusters: list[QuoteCluster]) -> None:
    lankov = _holding(clusters, "002", 34, "If Russia, in efforts")
    assert lankov.single_outlet and _places(lankov) == {("002", 34)}
    shared = [c for c in clusters if not c.single_outlet]
    assert clusters[: len(shared)] == shared  # widest-carried first


def test_cancel_and_progress(story: list[Article]) -> None:
    with pytest.raises(QuotesCancelledError):
        find_quote_clusters(story, cancelled=lambda: True)
    seen: list[int] = []
    find_quote_clusters(story, progress=lambda done, total: seen.append(done))
    assert seen == sorted(seen) and seen[-1] == 100 and len(seen) > 3


def test_json_shape_and_paragraph_indices(clusters: list[QuoteCluster], story: list[Article]) -> None:
    data = json.loads(json.dumps(quotes_json(clusters)))
    assert set(data) == {"clusters"}
    by_path = {a.path: a for a in story}
    for cluster in data["clusters"]:
        assert {"speaker", "variants", "single_outlet"} <= set(cluster)
        assert cluster["speaker"] is None or isinstance(cluster["speaker"], str)
        assert isinstance(cluster["single_outlet"], bool)
        for variant in cluster["variants"]:
            assert {"path", "outlet", "paragraph", "text"} <= set(variant)
            paragraph = by_path[variant["path"]].paragraphs[variant["paragraph"]].text
            assert all(piece in paragraph for piece in variant["text"].split(" … "))
            assert variant["outlet"] == by_path[variant["path"]].outlet


def test_command_line_json(capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
    assert main(["quotes", str(seeds_dir), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    speakers = [c["speaker"] for c in data["clusters"] if not c["single_outlet"]]
    assert speakers.count("Vladimir Putin") >= 2 and len(data["clusters"]) > 20


def test_command_line_bad_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["quotes", str(tmp_path / "nope.txt")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == "newsdiff: no article could be read" and "Traceback" not in "".join(err)


HOSTILE = "see [x](y) and <b>bold</b> # now | here"


def test_markdown_escapes_article_text() -> None:
    articles = [
        parse_article(f'Mayor Jane Smith said "{HOSTILE} for the [city]" on Monday.\n', "a.txt"),
        parse_article(f'Mayor Jane Smith said "{HOSTILE} for the town" on Monday.\n', "[b](c).txt"),
    ]
    clusters = find_quote_clusters(articles)
    assert len(clusters) == 1 and clusters[0].articles == 2
    report = quotes_markdown(clusters, articles)
    assert "\\[x\\](y)" in report and "\\<b\\>" in report
    html = MarkdownIt("commonmark").render(report)
    assert "<a " not in html and "<b>" not in html
    assert "[x](y)" in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<del>" in html and "<ins>" in html  # "[city]" vs "town" is marked


def test_markdown_report_on_the_seeds(clusters: list[QuoteCluster], story: list[Article]) -> None:
    report = quotes_markdown(clusters, story)
    assert report.startswith("# Quotes\n")
    assert "## 1. Kim Jong-un · 4 outlets" in report or "## 1. Vladimir Putin · 4 outlets" in report
    assert report.count("**only one outlet**") == sum(c.single_outlet for c in clusters)


def test_partial_quote_marked_against_the_stretch_it_renders() -> None:
    reference = (
        "Russia is now rising to the sacred struggle to defend its sovereignty. We stand by all decisions."
    )
    segments = variant_segments(reference, "sacred fight")
    assert "".join(text for text, _ in segments) == "sacred fight"
    assert [text for text, kind in segments if kind != "equal"] == [
        "fight"
    ]  # the rest of the speech not listed
    segments = variant_segments("That's why we have come here.", "That's why we came here.")
    assert ("have come ", "delete") in segments and ("came", "insert") in segments
    assert "".join(text for text, kind in segments if kind != "delete") == "That's why we came here."


def test_a_story_without_quotations(seeds: dict[str, Article]) -> None:
    """004 (a condensed rewrite) quotes nobody: an empty list, said in words."""
    assert find_quote_clusters([seeds["004"]]) == []
    assert "No direct quotation was found." in quotes_markdown([], [seeds["004"]])
    assert quotes_json([]) == {"clusters": []}
