"""What is set aside as boilerplate in each seed, and what must stay body."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff.core.article import Article
from newsdiff.core.clean import classify, line_rule
from newsdiff.core.loader import parse_article

# Read off the seed files by hand: paragraph index -> reason.
EXPECTED_SET_ASIDE: dict[str, dict[int, str]] = {
    "000": {20: "contributors"},  # "With files from Mark MacKinnon and Reuters"
    "001": {
        0: "section label",  # "Russia", above the headline
        3: "photo credit",  # "Vladimir Smirnov, Sputnik, Kremlin Pool Photo via AP"
        4: "photo caption",  # "Russian President Vladimir Putin, left, and ..."
        12: "related links",  # "U.S. & World"
        13: "related links",  # "Stories that affect your life ..."
        14: "related links",  # "Do not wash your turkey ..."
        15: "related links",  # "Israel and Hezbollah move closer ..."
        29: "separator",  # "___"
        30: "contributors",  # "Litvinova reported from Tallinn ... contributed."
        31: "copyright",  # "Copyright The Associated Press"
        32: "navigation",  # "Exit mobile version"
    },
    "002": {
        0: "masthead",  # "- The Washington Times - Wednesday, September 13, 2023"
        39: "reprint",  # "This article is based in part on wire service reports."
        40: "contributors",  # "• Andrew Salmon can be reached at ..."
        41: "copyright",  # "Copyright © 2024 The Washington Times, LLC. ..."
        42: "comment policy",  # "Please read our comment policy before commenting."
    },
    "003": {},
    "004": {},
}


@pytest.mark.parametrize("key", sorted(EXPECTED_SET_ASIDE))
def test_seed_boilerplate_is_exactly_what_was_labelled(seeds: dict[str, Article], key: str) -> None:
    found = {p.index: p.boilerplate for p in seeds[key].paragraphs if p.boilerplate}
    assert found == EXPECTED_SET_ASIDE[key]


def test_subheadings_inside_the_story_stay_body(seeds: dict[str, Article]) -> None:
    texts = {p.text: p for p in seeds["002"].paragraphs}
    assert texts["Wish lists"].is_body
    assert texts["Russia reckoning"].is_body
    assert next(p for p in seeds["003"].paragraphs if p.text == "Kim continued:").is_body


def test_nothing_is_deleted(seeds: dict[str, Article]) -> None:
    for article in seeds.values():
        kept = "".join(p.text for p in article.paragraphs)
        original = "".join(Path(article.path).read_text(encoding="utf-8").split())
        assert "".join(kept.split()) == original


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Copyright 2023 Reuters. All rights reserved.", "copyright"),
        ("© 2024 Example News", "copyright"),
        ("Exit mobile version", "navigation"),
        ("* * *", "separator"),
        ("Comments are closed.", "comment policy"),
        ("With files from The Canadian Press", "contributors"),
        ("Photo: Jane Doe/Getty Images", "photo credit"),
        ("Sign up for our morning newsletter", "newsletter"),
        ("Related: Five things to know about the summit", "related links"),
    ],
)
def test_line_rules(line: str, reason: str) -> None:
    assert line_rule(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Putin said the talks would cover economic cooperation.",
        "The copyright dispute went to court on Tuesday, the paper reported.",
        "Share prices fell sharply after the announcement.",
        "Related parties were not named in the filing, officials said.",
    ],
)
def test_reporting_sentences_are_not_boilerplate(line: str) -> None:
    assert line_rule(line) is None
    assert classify([line]) == [None]


def test_caption_needs_a_credit_next_to_it() -> None:
    body = "Russian President Vladimir Putin, left, and Kim Jong Un shake hands during their meeting."
    article = parse_article(f"Headline words go here today\n\n{body}\n\nMore text here, he said.", "x.txt")
    assert all(p.is_body for p in article.paragraphs[1:])
    with_credit = parse_article(f"Lead paragraph text.\n\nJohn Doe/AP Photo\n\n{body}", "x.txt")
    assert [p.boilerplate for p in with_credit.paragraphs] == [None, "photo credit", "photo caption"]


def test_short_lines_that_make_up_the_article_are_not_a_link_box() -> None:
    lines = [
        "Kim met Putin on Wednesday",
        "The talks lasted four hours",
        "A state dinner followed",
        "Kim left by train",
    ]
    assert classify(lines) == [None, None, None, None]


def test_chinese_and_japanese_paragraphs_are_body() -> None:
    article = parse_article(
        "金正恩与普京在东方航天发射场会面，双方讨论了军事合作和乌克兰战争。\n\n"
        "会谈持续了大约四个小时，随后举行了国宴。\n\n"
        "朝鲜在会面前发射了两枚弹道导弹。",
        "cjk.txt",
    )
    assert [p.boilerplate for p in article.paragraphs] == [None, None, None]
    assert article.word_count > 20


def test_reporting_that_mentions_reported_from_stays_body() -> None:
    text = (
        "Reuters reported from Moscow that Putin had accepted an invitation to visit Pyongyang. "
        "The Kremlin did not confirm it."
    )
    assert line_rule(text) is None
    assert line_rule("Litvinova reported from Tallinn, Estonia.") == "contributors"
