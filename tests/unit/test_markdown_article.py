"""Markdown articles: front matter, CommonMark body to plain paragraphs, and the saved-story round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdiff.core.article import Article
from newsdiff.core.assemble import article_from_blocks
from newsdiff.core.errors import InputError
from newsdiff.core.html_article import article_from_html
from newsdiff.core.markdown_article import article_from_markdown, dump_markdown_article
from newsdiff.core.text import one_line, sanitize
from support.articles import article_summary
from support.input_errors import one_line_input_error
from support.seed_pages import expected_paragraphs, seed_names, seed_page

MD = Path("story.md")

SAMPLE = """\
---
title: "Kim backs Putin's 'sacred fight'"
outlet: The Example Times
url: https://example.com/kim-putin
date: 2023-09-13
author: Jane Roe
fetched-at: 2024-05-01T10:00:00Z
tags: [summit, russia]
---

# Kim meets Putin at the cosmodrome

North Korean leader Kim Jong Un met *Russian President* **Vladimir Putin** on Wednesday at the
[Vostochny Cosmodrome](https://example.com/vostochny), in Russia's Far East.

## What they said

> "Russia is waging a sacred fight," Kim said at the start of the talks.
>
> Putin said he was glad to see him.

- Kim toured the launch pads.
- The talks lasted *hours*, officials said.

1. First, a tour.
2. Then, a `state dinner`.

***

![a photo of the leaders](photo.jpg) The two shook hands for about 40 seconds.
"""


def paragraphs(article: Article) -> list[str]:
    return [p.text for p in article.paragraphs]


def test_body_becomes_plain_paragraphs_with_headings_and_items_kept_apart() -> None:
    article = article_from_markdown(SAMPLE, path=MD)
    assert paragraphs(article) == [
        "Kim meets Putin at the cosmodrome",
        "North Korean leader Kim Jong Un met Russian President Vladimir Putin on Wednesday at the "
        "Vostochny Cosmodrome, in Russia's Far East.",
        "What they said",
        '"Russia is waging a sacred fight," Kim said at the start of the talks.',
        "Putin said he was glad to see him.",
        "Kim toured the launch pads.",
        "The talks lasted hours, officials said.",
        "First, a tour.",
        "Then, a state dinner.",
        "a photo of the leaders The two shook hands for about 40 seconds.",
    ]


def test_front_matter_gives_the_metadata() -> None:
    article = article_from_markdown(SAMPLE, path=MD)
    assert article.title == "Kim backs Putin's 'sacred fight'"
    assert article.outlet == "The Example Times"
    assert article.url == "https://example.com/kim-putin"
    assert article.date == "2023-09-13"  # a YAML date, kept as written
    assert article.byline == "Jane Roe"
    assert article.extra["fetched-at"] == "2024-05-01T10:00:00Z"  # not re-formatted by YAML
    assert "tags" not in article.extra  # a list is not a metadata value
    assert article.path == "story.md"


def test_without_front_matter_the_text_decides_as_for_plain_text() -> None:
    article = article_from_markdown("Just one paragraph about Kim and Putin meeting.\n", path=MD)
    assert paragraphs(article) == ["Just one paragraph about Kim and Putin meeting."]
    assert article.outlet is None and article.url is None


def test_a_thematic_break_at_the_top_is_not_front_matter() -> None:
    article = article_from_markdown("---\n\nKim met Putin.\n\n---\n\nThey talked.\n", path=MD)
    assert paragraphs(article) == ["Kim met Putin.", "They talked."]


def test_markup_and_control_characters_in_text_stay_inert() -> None:
    text = "Kim \x1b[31mmet\x1b[0m Putin <script>alert(1)</script> [bold]today[/bold].\r\n"
    article = article_from_markdown(text, path=MD)
    assert paragraphs(article) == ["Kim [31mmet[0m Putin <script>alert(1)</script> [bold]today[/bold]."]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: !!python/object/apply:os.system ['touch /tmp/pwned']\n---\nBody.\n", "not valid YAML"),
        ("---\ntitle: [unclosed\n---\nBody.\n", "not valid YAML (line"),
        ("---\ntitle: x\n- a list\n---\nBody.\n", "not valid YAML (line 3)"),
        ("---\ntitle: Only metadata\n---\n\n", "the file is empty"),
        ("", "the file is empty"),
        ("***\n\n---\n", "no article text"),
    ],
)
def test_bad_markdown_is_one_line(text: str, message: str) -> None:
    one_line_input_error(lambda: article_from_markdown(text, path=MD), "story.md", message)


def test_python_tags_are_never_executed(tmp_path: Path) -> None:
    target = tmp_path / "pwned"
    with pytest.raises(InputError):
        text = f"---\nx: !!python/object/apply:os.system ['touch {target}']\n---\nB.\n"
        article_from_markdown(text, path=MD)
    assert not target.exists()


def test_seed_articles_round_trip(seeds: dict[str, Article]) -> None:
    for seed in seeds.values():
        dumped = dump_markdown_article(seed, fetched_at="2024-05-01T10:00:00Z")
        back = article_from_markdown(dumped, path=MD)
        assert article_summary(back) == article_summary(seed)
        assert back.extra["fetched-at"] == "2024-05-01T10:00:00Z"


@pytest.mark.parametrize("name", seed_names())
def test_a_saved_web_page_reads_back_the_same(name: str) -> None:
    """What saving a fetched story does: page -> article -> Markdown -> the same article."""
    page = article_from_html(seed_page(name), path=Path(f"{name}.html"))
    back = article_from_markdown(dump_markdown_article(page, fetched_at="2024-05-01T10:00:00Z"), path=MD)
    assert article_summary(back) == article_summary(page)
    assert paragraphs(back) == expected_paragraphs(name)


def test_dump_escapes_markdown_in_text() -> None:
    article = article_from_blocks(["# not a heading", "- not an item", "[not](a link) *or* `code`"], "x.txt")
    dumped = dump_markdown_article(article)
    body = dumped.split("---\n", 2)[2]
    assert "\\# not a heading" in body and "\\- not an item" in body and "\\[not\\](a link)" in body
    assert paragraphs(article_from_markdown(dumped, path=MD)) == paragraphs(article)


# What a paragraph of any loaded article can be: sanitized, trimmed, no blank line inside.
# Half the characters drawn from Markdown's syntax, so the escaping is really tried.
_SYNTAX = st.sampled_from(
    [*"#*_`[]()<>!&;|~-+=.:)1 \t\\'\"\u00a0", "&amp;", "&#32;", "<b>", "    ", "1. ", "```"]
)
_piece = st.characters(exclude_categories=("Cs",)) | _SYNTAX
_line = st.lists(_piece, min_size=1, max_size=25).map("".join)
_paragraph = (
    st.lists(_line, min_size=1, max_size=4)
    .map(lambda lines: "\n".join(lines))
    .map(lambda text: sanitize(text).strip())
    .filter(lambda text: text != "" and all(line.strip() for line in text.split("\n")))
)
_field = st.text(min_size=1, max_size=60).map(lambda text: one_line(sanitize(text))).filter(bool)


@given(
    blocks=st.lists(_paragraph, min_size=1, max_size=6),
    title=_field,
    outlet=st.none() | _field,
    url=st.none() | _field,
    date=st.none() | _field,
    byline=st.none() | _field,
    fetched=st.none() | _field,
)
def test_any_article_round_trips_exactly(
    blocks: list[str],
    title: str,
    outlet: str | None,
    url: str | None,
    date: str | None,
    byline: str | None,
    fetched: str | None,
) -> None:
    stated = {"outlet": outlet, "url": url, "date": date, "byline": byline}
    article = article_from_blocks(blocks, "x.txt", {"title": title}, {k: v for k, v in stated.items() if v})
    back = article_from_markdown(dump_markdown_article(article, fetched_at=fetched), path=MD)
    assert article_summary(back) == article_summary(article)
    assert back.extra.get("fetched-at") == fetched
