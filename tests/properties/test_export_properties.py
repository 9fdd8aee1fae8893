"""Property tests of the Markdown export: for any pair of articles, hostile text included, every
word reaches the reader and no article text becomes a Markdown element.

The export is parsed with markdown-it-py (CommonMark plus GFM tables and strikethrough, the
constructs a reader's renderer is most likely to add) and judged by its tokens, which is what a
reader sees: a text token's content is already unescaped, so it can be compared with the article
as written.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from newsdiff.core.article import Article
from newsdiff.core.comparison.model import compare
from newsdiff.core.loader import parse_article
from newsdiff.core.render.markdown import MARKUP_TAGS, to_markdown

from .strategies import articles, as_text, paragraphs

# Markdown and HTML that would become an element if it reached the document unescaped: block
# syntax (meant for the start of a line), inline syntax, tables, fences, entities, autolinks.
_MARKDOWN_TOKENS = [
    "#",
    "##",
    ">",
    "-",
    "+",
    "*",
    "1.",
    "2)",
    "---",
    "***",
    "___",
    "===",
    "```",
    "~~~",
    "~~gone~~",
    "*em*",
    "_em_",
    "**strong**",
    "__strong__",
    "`code`",
    "``code``",
    "| a | b |",
    "|---|:-:|",
    "[link](http://example.com)",
    "[ref][1]",
    "[1]: http://example.com",
    "![image](x.png)",
    "<http://example.com>",
    "<user@example.com>",
    "www.example.com",
    "https://example.com",
    "<b>bold</b>",
    "<del>",
    "</ins>",
    "<!-- comment -->",
    "<div>",
    "&amp;",
    "&#65;",
    "&copy;",
    "\\",
    "\\*",
    "[bold]",
    "[/]",
    ":smile:",
    "    ",
    "\t",
]
_markdown_words = st.sampled_from(_MARKDOWN_TOKENS)
_markdown_lines = st.lists(
    st.one_of(_markdown_words, _markdown_words, st.sampled_from(["Kim", "met", "Putin", "said", "two"])),
    min_size=1,
    max_size=10,
).map(" ".join)
# A paragraph may hold single line breaks (scrapes keep them), each line may open with syntax.
_markdown_paragraphs = st.lists(_markdown_lines, min_size=1, max_size=3).map("\n".join)
_hostile_articles = st.one_of(articles, st.lists(st.one_of(paragraphs, _markdown_paragraphs), max_size=8))


@st.composite
def article_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """Two article texts: unrelated, or B an edited copy of A (so pairs with changes are common)."""
    first = draw(_hostile_articles)
    if draw(st.booleans()):
        return as_text(first), as_text(draw(_hostile_articles))
    edits = draw(st.lists(st.tuples(_markdown_words, _markdown_words), max_size=4))
    second = as_text(first)
    for old, new in edits:
        second = second.replace(old, new, 1)
    extra = draw(st.lists(st.one_of(paragraphs, _markdown_paragraphs), max_size=2))
    return as_text(first), as_text([second, *extra])


def _md() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _plain(inline: Token) -> str:
    """What a reader sees of an inline token: text, line breaks as newlines, our tags as nothing."""
    parts: list[str] = []
    for child in inline.children or []:
        if child.type == "text":
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


_BLOCKS = {
    "heading_open",
    "heading_close",
    "paragraph_open",
    "paragraph_close",
    "inline",
    "bullet_list_open",
    "bullet_list_close",
    "list_item_open",
    "list_item_close",
}
_INLINES = {
    "text",
    "softbreak",
    "hardbreak",
    "html_inline",
    "strong_open",
    "strong_close",
    "em_open",
    "em_close",
}
_OUR_HEADINGS = re.compile(
    r"(Comparison: |Sources$|Summary$|Legend$|Aligned paragraphs$|Pair \d+ · A ¶|Only in [AB]: "
    r"|Set aside as boilerplate, only in [AB]$)"
)
_LABEL = re.compile(r"[AB] ¶\d+$")
_BLOCK_LABEL = re.compile(r"[AB] ¶\d+( \(.*\))?$")
"""How a paragraph block starts, as read: our label, and the boilerplate reason if any."""


def _children(inline: Token) -> list[Token]:
    """The inline's children without the empty text tokens markdown-it leaves around delimiters."""
    return [c for c in inline.children or [] if not (c.type == "text" and not c.content)]


def _check_paragraph_block(inline: Token) -> None:
    """``**A ¶3** *(reason)* — text``: after our label and note, only text and our change tags,
    with bold only directly inside a ``<del>``/``<ins>`` (a changed number)."""
    children = _children(inline)
    assert [c.type for c in children[:3]] == ["strong_open", "text", "strong_close"], inline.content
    assert _LABEL.match(children[1].content), inline.content
    rest = children[3:]
    if [c.type for c in rest[:4]] == ["text", "em_open", "text", "em_close"]:
        assert rest[0].content == " " and rest[2].content.startswith("(")
        rest = rest[4:]
    assert rest and rest[0].type == "text" and rest[0].content.startswith(" — "), inline.content
    for k, child in enumerate(rest):
        if child.type == "html_inline":
            assert child.content in MARKUP_TAGS, child.content
        elif child.type == "strong_open":
            assert rest[k - 1].content in ("<del>", "<ins>"), inline.content
        elif child.type == "strong_close":
            assert rest[k + 1].content in ("</del>", "</ins>"), inline.content
        else:
            assert child.type in ("text", "softbreak", "hardbreak"), (child.type, inline.content)


def _check_structure(tokens: list[Token]) -> None:
    """Every element is ours: headings with our titles, lists only before the paragraphs,
    paragraph blocks shaped as ours, inline HTML only our change tags."""
    assert {t.type for t in tokens} <= _BLOCKS
    start = next(k for k, t in enumerate(tokens) if t.type == "inline" and t.content == "Aligned paragraphs")
    for k, token in enumerate(tokens):
        if token.type == "heading_open":
            assert token.markup.startswith("#"), "a setext heading"
            assert _OUR_HEADINGS.match(tokens[k + 1].content), tokens[k + 1].content
        if token.type != "inline":
            continue
        children = _children(token)
        assert {c.type for c in children} <= _INLINES, token.content
        assert {c.content for c in children if c.type == "html_inline"} <= MARKUP_TAGS
        if k > start and tokens[k - 1].type == "paragraph_open" and children[0].type == "strong_open":
            _check_paragraph_block(token)
        elif k > start and tokens[k - 1].type == "paragraph_open":
            assert {c.type for c in children} <= {"text"}, token.content  # our sentences
    assert not any(t.type == "bullet_list_open" for t in tokens[start:])
    # Before the legend (title, sources, summary) the only element inside a line is our bold
    # label opening a source's item; names, titles and paths come from the article.
    legend = next(k for k, t in enumerate(tokens) if t.type == "inline" and t.content == "Legend")
    for token in tokens[:legend]:
        if token.type == "inline":
            kinds = [c.type for c in _children(token)]
            if kinds[:3] == ["strong_open", "text", "strong_close"]:
                kinds = kinds[3:]
            assert set(kinds) <= {"text"}, token.content


def _words(article: Article) -> list[str]:
    return " ".join(p.text for p in article.paragraphs).split()


@given(article_pairs())
def test_export_keeps_every_word_and_creates_no_element(texts: tuple[str, str]) -> None:
    a = parse_article(texts[0], "a.txt")
    b = parse_article(texts[1], "b.txt")
    markdown = to_markdown(compare(a, b))
    tokens = _md().parse(markdown)
    _check_structure(tokens)
    shown = [_plain(t) for t in tokens if t.type == "inline"]
    seen = set(" ".join(shown).split())
    for article in (a, b):
        missing = [w for w in _words(article) if w not in seen]
        assert not missing, missing
    # Stronger: each paragraph comes back whole, in one block, white space aside.
    blocks = {
        " ".join(s.split(" — ", 1)[1].split()) for s in shown if _BLOCK_LABEL.match(s.split(" — ", 1)[0])
    }
    for article in (a, b):
        for paragraph in article.paragraphs:
            assert " ".join(paragraph.text.split()) in blocks, paragraph.text
