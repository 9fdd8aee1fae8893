"""Lineage on the seeds (001 is 004's source; containment, not similarity) and on constructed
rewrites with a known direction; JSON and Markdown shapes."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from newsdiff.core.article import Article
from newsdiff.core.lineage import Lineage, lineage
from newsdiff.core.loader import load_paths, parse_article
from newsdiff.core.story_export import lineage_json, lineage_markdown

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
AP, REWRITE = 1, 4

SOURCE = [
    "The city council voted seven to two on Tuesday to approve a new budget for the public library system.",
    "The budget adds twelve librarians and extends opening hours at the riverside branch until nine.",
    "Council member Ana Ruiz said the vote was the result of two years of pressure from parents.",
    "Opponents argued that the money should have gone to road repairs in the northern districts instead.",
    "The mayor is expected to sign the budget next week, a spokesperson for her office confirmed.",
    "Construction of a second branch near the old rail yard could begin next spring, officials said.",
]


@cache
def seed_lineage() -> Lineage:
    return lineage(load_paths([SEEDS]).articles)


def test_001_is_named_as_the_source_of_004() -> None:
    result = seed_lineage()
    pair = next(p for p in result.pairs if {p.a, p.b} == {AP, REWRITE})
    assert pair.rewrite_and_source() == (REWRITE, AP)
    # Containment, not similarity: a larger share of the condensed 004 comes from 001 than the reverse.
    assert result.share(REWRITE, AP) > result.share(AP, REWRITE) > 0.1
    assert 0.25 < result.share(REWRITE, AP) < 0.9
    sentence = result.sentence(pair)
    assert sentence.startswith("004_0585261c54842d1b.txt condenses The Associated Press: ")
    assert f"{round(result.share(REWRITE, AP) * 100)}% of 004_0585261c54842d1b.txt reuses" in sentence


def test_the_rewrite_of_001_is_the_strongest_reuse_on_the_seeds() -> None:
    result = seed_lineage()
    top = result.pairs[0]
    assert {top.a, top.b} == {AP, REWRITE}
    matrix = result.matrix()
    assert all(matrix[i][i] == 0.0 for i in range(5))
    assert max(max(row) for row in matrix) == matrix[REWRITE][AP]


def _article(name: str, paragraphs: list[str], date: str | None = None) -> Article:
    article = parse_article("\n\n".join(paragraphs), name)
    return Article(article.path, article.title, name.removesuffix(".txt"), article.paragraphs, date=date)


def test_a_condensed_copy_reuses_most_of_itself_and_little_of_the_source() -> None:
    short = _article("short.txt", [SOURCE[0], SOURCE[2].replace("said", "told reporters")])
    long = _article("long.txt", SOURCE)
    result = lineage([long, short])
    (pair,) = result.pairs
    assert pair.rewrite_and_source() == (1, 0)
    assert result.share(1, 0) > 0.9
    assert result.share(0, 1) < 0.45
    assert result.sentence(pair).startswith("short condenses long: ")


def test_near_equal_containment_is_decided_by_the_dates_or_said_unclear() -> None:
    first = _article("first.txt", SOURCE[:4], "2023-09-12")
    second = _article("second.txt", SOURCE[:4], "2023-09-13")
    (pair,) = lineage([second, first]).pairs
    assert pair.rewrite_and_source() == (0, 1)  # the later one reuses the earlier
    undated = lineage([_article("x.txt", SOURCE[:4]), _article("y.txt", SOURCE[:4])])
    assert undated.pairs[0].direction == "unclear"
    assert "direction unclear" in undated.sentence(undated.pairs[0])


def test_unrelated_articles_are_not_listed() -> None:
    other = _article(
        "weather.txt",
        ["A heat wave is expected to break records across the southern plains this week, forecasters said."],
    )
    result = lineage([_article("council.txt", SOURCE), other])
    assert result.pairs == ()
    assert result.matrix() == [[0.0, 0.0], [0.0, 0.0]]


def test_json_shape() -> None:
    result = seed_lineage()
    data = lineage_json(result)
    assert set(data) >= {"articles", "matrix", "pairs"}
    assert len(data["matrix"]) == 5 and all(len(row) == 5 for row in data["matrix"])
    assert data["matrix"][REWRITE][AP] == round(result.share(REWRITE, AP), 4)
    for pair in data["pairs"]:
        assert set(pair) >= {"a", "b", "a_reuses_b", "b_reuses_a", "direction"}
        assert pair["direction"] in ("a_from_b", "b_from_a", "unclear")
        i = [a["path"] for a in data["articles"]].index(pair["a"])
        j = [a["path"] for a in data["articles"]].index(pair["b"])
        assert data["matrix"][i][j] == pair["a_reuses_b"] and data["matrix"][j][i] == pair["b_reuses_a"]


def test_markdown_matrix_and_sentences_escaped() -> None:
    hostile = _article("[x](y)|*z*.txt", SOURCE)
    text = lineage_markdown(lineage([hostile, _article("copy.txt", SOURCE[:3])]))
    assert "## Matrix" in text and "## Directions" in text
    assert "[x](y)" not in text and "\\[x\\](y)\\|\\*z\\*" in text
    seeds_text = lineage_markdown(seed_lineage())
    row = next(line for line in seeds_text.splitlines() if line.startswith("| 5 |"))
    assert f"{round(seed_lineage().share(REWRITE, AP) * 100)}%" in row and "—" in row


def test_the_index_is_reused_for_the_same_story_and_threshold_only() -> None:
    from newsdiff.core.story_index import cached_index

    articles = load_paths([SEEDS]).articles
    first = cached_index(articles, 0.18)
    assert cached_index(articles, 0.18) is first
    assert cached_index(articles, 0.3) is not first
    assert cached_index(load_paths([SEEDS]).articles, 0.3).articles[0] is not articles[0]
