"""Markdown export: article text never becomes markup, every word survives, writes are atomic.

The export is parsed back with markdown-it-py (CommonMark plus GFM tables and strikethrough, the
constructs a reader's renderer is most likely to add) and the tests look at the tokens, not the
raw text: that is what a reader would see.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from newsdiff.core.article import Article
from newsdiff.core.comparison.model import compare
from newsdiff.core.comparison.summary import coverage_sentence
from newsdiff.core.loader import parse_article
from newsdiff.core.render.markdown import MARKUP_TAGS, escape_markdown, to_markdown
from newsdiff.core.render.sources import source_details
from newsdiff.core.wording import percent

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("NEWSDIFF_UPDATE_GOLDEN") == "1"
"""Set NEWSDIFF_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate format change."""

HOSTILE_CASES = [
    "# heading",
    "###### six",
    "Title #",
    "> block quote",
    "- dash item",
    "+ plus item",
    "* star item",
    "1. ordered item",
    "2) ordered item",
    "| a | b |",
    "|---|:---:|",
    "---",
    "***",
    "___",
    "Setext\n===",
    "Setext\n---",
    "```python\ncode\n```",
    "~~~\nfence\n~~~",
    "    indented code",
    "line one\n    indented after a break",
    "`inline code` and ``double``",
    "*emphasis* _emphasis_ **strong** __strong__ ~~strike~~ ~single~",
    "[link](http://example.com) [ref][1] [1]: http://example.com",
    "![image](http://example.com/x.png)",
    "<http://autolink.example> <user@example.com>",
    "www.example.com https://example.com user@example.com",
    "<script>alert(1)</script>",
    "<div>block html</div>",
    "<!-- comment --> <?php ?> <![CDATA[x]]>",
    "&amp; &copy; &#65; &#x41;",
    "[bold]styled[/] [/foo] [link=http://x]y[/link]",
    "[31mwas an escape sequence",
    ":smile: #123 @someone $x^2$ ==mark== ^sup^ {attr} 'single' \"double\"",
    "trailing backslash \\",
    "two trailing spaces  \nnext line",
    "tab\tinside and\n\tafter a break",
    "a\\*b \\[c\\] \\\\ escaped already",
    "U.S. officials said 1,000 rockets (roughly) cost $5.5 billion; 40% more?",
]


def _md() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _flatten(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        out.extend(_flatten(token.children or []))
    return out


def _plain(inline: Token) -> str:
    """What a reader sees of an inline token: text, line breaks as newlines, our tags as nothing."""
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def _normalised(text: str) -> str:
    """The text as Markdown can show it: white space around line breaks is not preserved."""
    return re.sub(r"[ \t]*\n[ \t]*", "\n", text.strip())


# --- the escaping function -------------------------------------------------------------------


def _golden_text() -> str:
    blocks = [f"input:  {case!r}\noutput: {escape_markdown(case)!r}\n" for case in HOSTILE_CASES]
    return "\n".join(blocks)


def test_escape_matches_golden_file() -> None:
    golden = GOLDEN / "escape_markdown.txt"
    text = _golden_text()
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), (
        "escaping changed; review, then NEWSDIFF_UPDATE_GOLDEN=1"
    )


@pytest.mark.parametrize("case", HOSTILE_CASES)
def test_escaped_case_is_one_paragraph_of_literal_text(case: str) -> None:
    tokens = _md().parse(escape_markdown(case))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    kinds = {t.type for t in tokens[1].children or []}
    assert kinds <= {"text", "softbreak", "hardbreak"}
    assert _plain(tokens[1]) == _normalised(case)


_HOSTILE_ALPHABET = st.sampled_from(
    [*"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", " ", "  ", "\t", "\n", "1.", "a", "Z", "é", "www", "http", "4"]
)


@given(st.lists(_HOSTILE_ALPHABET, min_size=1, max_size=40).map("".join))
def test_any_ascii_punctuation_soup_renders_literally(text: str) -> None:
    text = text.strip()
    if not text:
        return
    # As in an article, blank lines separate paragraphs, so a paragraph never holds one.
    text = re.sub(r"\n[ \t]*\n", "\n", text)
    tokens = _md().parse(escape_markdown(text))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert {t.type for t in tokens[1].children or []} <= {"text", "softbreak", "hardbreak"}
    assert _plain(tokens[1]) == _normalised(text)


# --- the whole document ----------------------------------------------------------------------

HOSTILE_META = {
    "outlet": "Evil [bold]News[/] <b>x</b> | # | `tick`",
    "title": "# Title\n> quoted [link](http://x)",
    "date": "<2023-09-13>",
    "byline": "*By* _someone_",
    "url": "https://example.com/a_b?c=d&e=f",
}


def _hostile_pair() -> tuple[Article, Article]:
    """Two versions of an article made of hostile paragraphs, long enough to count as body text,
    with hostile syntax both at the start of a paragraph and inside changed wording."""
    lead = "Kim met Putin at the cosmodrome on Wednesday, officials said"
    text_a = "\n\n".join(f"{p} {lead}." if k % 2 else f"{lead}. {p}" for k, p in enumerate(HOSTILE_CASES))
    changed = [
        p.replace("link", "lnk").replace("heading", "header").replace("1.", "2.").replace("<", "<<")
        for p in HOSTILE_CASES
    ]
    lead_b = lead.replace("Wednesday", "Tuesday")
    text_b = "\n\n".join(f"{p} {lead_b}." if k % 2 else f"{lead_b}. {p}" for k, p in enumerate(changed))
    text_b += "\n\nOnly B says this: <img src=x onerror=alert(1)> | c | d |"
    a = parse_article(text_a, "evil|`a`<b>.txt", HOSTILE_META)
    b = parse_article(text_b, "b [x](y).txt", None)
    return a, b


_OUR_HEADINGS = (
    "Comparison:",
    "Sources",
    "Summary",
    "Legend",
    "Aligned paragraphs",
    "Pair ",
    "Only in A:",
    "Only in B:",
    "Set aside as boilerplate",
)
_FORBIDDEN = {
    "blockquote_open",
    "ordered_list_open",
    "table_open",
    "code_block",
    "fence",
    "hr",
    "html_block",
    "link_open",
    "image",
    "code_inline",
    "s_open",
    "lheading",
}


def _check_no_element_from_text(markdown: str) -> list[Token]:
    tokens = _md().parse(markdown)
    everything = _flatten(tokens)
    assert not {t.type for t in everything} & _FORBIDDEN
    for k, token in enumerate(tokens):
        if token.type == "heading_open":
            assert token.markup.startswith("#"), "setext heading"
            assert tokens[k + 1].content.startswith(_OUR_HEADINGS), tokens[k + 1].content
    html = [t.content for t in everything if t.type == "html_inline"]
    assert set(html) <= MARKUP_TAGS
    # Lists are ours alone: sources, summary and legend, before the paragraphs start.
    first_pair = next(
        k for k, t in enumerate(tokens) if t.type == "inline" and t.content == "Aligned paragraphs"
    )
    assert not any(t.type == "bullet_list_open" for t in tokens[first_pair:])
    return tokens


def _check_every_paragraph_recovered(tokens: list[Token], *articles: Article) -> None:
    seen = [_plain(t) for t in tokens if t.type == "inline"]
    for article in articles:
        for paragraph in article.paragraphs:
            expected = _normalised(paragraph.text)
            assert any(s.endswith(f" — {expected}") for s in seen), paragraph.text


def test_hostile_export_creates_no_element_and_keeps_every_paragraph() -> None:
    a, b = _hostile_pair()
    comparison = compare(a, b)
    changed = [v for v in comparison.row_views() if v.kind == "pair" and not v.identical]
    assert len(changed) > len(HOSTILE_CASES) // 2, "the test needs body pairs with changes in them"
    markdown = to_markdown(comparison)
    tokens = _check_no_element_from_text(markdown)
    _check_every_paragraph_recovered(tokens, a, b)
    words = set(" ".join(_plain(t) for t in tokens if t.type == "inline").split())
    for article in (a, b):
        assert set(" ".join(p.text for p in article.paragraphs).split()) <= words
    plain = "\n".join(_plain(t) for t in tokens if t.type == "inline")
    for value in (a.name, b.name, a.title, a.path, b.path, a.date, a.byline, a.url):
        assert value is not None
        assert " ".join(value.split()) in plain


def test_seed_export_marks_known_changes(seeds: dict[str, Article]) -> None:
    comparison = compare(seeds["001"], seeds["004"])
    markdown = to_markdown(comparison)
    assert markdown.startswith("# Comparison: The Associated Press vs 004_0585261c54842d1b.txt\n")
    assert "<del>refill</del>" in markdown
    assert "<ins>replenish</ins>" in markdown
    summary = comparison.summary()
    assert f"- Aligned pairs: {summary.pairs}\n" in markdown
    assert f"- Mean similarity of pairs: {summary.mean_similarity:.2f} (" in markdown
    assert f"- Coverage: {coverage_sentence(summary)} (share of body words)\n" in markdown
    assert markdown.count("\n### Pair ") == sum(1 for row in comparison.rows if row.kind == "pair")
    tokens = _check_no_element_from_text(markdown)
    _check_every_paragraph_recovered(tokens, seeds["001"], seeds["004"])
    strong = [t for t in _flatten(tokens) if t.type == "strong_open"]
    assert strong, "numeric changes and labels are bold"


def test_numeric_change_is_bold_inside_the_tags() -> None:
    a = parse_article("Kim fired two missiles at dawn.", "a.txt")
    b = parse_article("Kim fired four missiles at dawn.", "b.txt")
    markdown = to_markdown(compare(a, b))
    assert "<del>**two**</del>" in markdown
    assert "<ins>**four**</ins>" in markdown
    html = _md().render(markdown)
    assert "<del><strong>two</strong></del>" in html
    assert "<ins><strong>four</strong></ins>" in html


def test_change_starting_with_punctuation_still_renders_as_a_change() -> None:
    a = parse_article("The talks ended; nobody spoke.", "a.txt")
    b = parse_article("The talks ended. Nobody spoke.", "b.txt")
    html = _md().render(to_markdown(compare(a, b)))
    assert "ended<del>; nobody</del> spoke" in html
    assert "ended<ins>. Nobody</ins> spoke" in html


def test_small_export_matches_golden_file() -> None:
    a = parse_article(
        "Kim met Putin.\n\nKim fired two missiles at dawn.\n\nCopyright 2023 The Associated Press.",
        "a.txt",
        {"date": "2023-09-13"},
    )
    b = parse_article(
        "Kim met Putin on Wednesday.\n\nKim fired four missiles at dawn.\n\nNo comment.", "b.txt"
    )
    text = to_markdown(compare(a, b))
    golden = GOLDEN / "export_small.md"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), (
        "export format changed; review, then NEWSDIFF_UPDATE_GOLDEN=1"
    )


def _sources(markdown: str) -> list[str]:
    return markdown.split("## Sources\n\n", 1)[1].split("\n\n", 1)[0].splitlines()


def test_sources_say_nothing_twice() -> None:
    """No outlet known: the name is the file name, so "File" would repeat it; an article with no
    body text has the file name as its title too."""
    a = parse_article("Kim met Putin.", "a.txt")
    b = parse_article("Copyright 2023 The Associated Press. All rights reserved.", "b.txt")
    c = parse_article("Kim met Putin.", "stories/c.txt", {"outlet": "Daily"})
    assert _sources(to_markdown(compare(a, b))) == [
        "- **A:** a.txt",
        "  - Title: Kim met Putin.",
        "  - Date: not known",
        "- **B:** The Associated Press",
        "  - File: b.txt",
        "  - Date: not known",
    ]
    assert _sources(to_markdown(compare(c, a)))[:3] == [
        "- **A:** Daily",
        "  - Title: Kim met Putin.",
        "  - File: stories/c.txt",
    ]


def test_source_details_drop_repeats_and_fold_lines() -> None:
    article = parse_article("Kim met Putin.", "dir/x.txt", {"title": "x.txt", "date": "13\nSept"})
    assert article.name == "x.txt"
    assert source_details(article) == {"file": "dir/x.txt", "date": "13 Sept"}


@pytest.mark.parametrize(
    ("share", "shown"), [(0.0, "0%"), (0.001, "1%"), (0.5, "50%"), (0.996, "99%"), (1.0, "100%")]
)
def test_percent_never_rounds_to_all_or_nothing(share: float, shown: str) -> None:
    assert percent(share) == shown


def test_export_module_stays_pure() -> None:
    code = (
        "import sys, newsdiff.core.render.markdown; "
        "print(sorted(m for m in ('rich', 'textual') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_bundled_seed_is_named_not_located_in_the_install_folder() -> None:
    from newsdiff.core.loader import load_paths
    from newsdiff.core.seeds import seeds_dir

    articles = load_paths([seeds_dir()]).articles
    assert Path(articles[1].path).is_absolute()
    markdown = to_markdown(compare(articles[1], articles[4]))
    files = [line for line in markdown.splitlines() if line.startswith("  - File:")]
    assert files == [
        "  - File: newsdiff's bundled example (001_ee081a7865b12ef2.txt)",
        "  - File: newsdiff's bundled example (004_0585261c54842d1b.txt)",
    ]
    assert str(seeds_dir()) not in markdown
