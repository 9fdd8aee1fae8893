"""HTML and JSON exports: article text never becomes markup, every word survives, nothing can run.

The HTML is parsed back with the standard library's ``html.parser`` and the tests look at the
elements and text a browser would build, not at the raw string.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsdiff.core.article import Article
from newsdiff.core.comparison.model import Comparison, compare
from newsdiff.core.loader import parse_article
from newsdiff.core.render.formats import FORMATS, format_of, render, with_extension
from newsdiff.core.render.html import CONTENT_SECURITY_POLICY, to_html
from newsdiff.core.render.json import comparison_json

EVIL = [
    "<script>alert(1)</script> The council met on Tuesday, officials said, to vote on the budget.",
    "Tom & Jerry said \"it is <b>fine</b>\" and 'done' &amp; dusted, officials said on Tuesday.",
    "The mayor wrote <img src=x onerror=alert(2)> and <a href='javascript:alert(3)'>click</a> today.",
    "Officials said the vote was 12 to 3 after a long debate on Tuesday night at the town hall.",
    "</td></tr></table><style>body{display:none}</style> closes nothing in the budget report.",
]
OURS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "ul", "li", "strong", "p",
    "table", "thead", "tbody", "tr", "th", "td", "span", "del", "ins", "br",
}  # fmt: skip


class Page(HTMLParser):
    """Every start tag with its attributes, and the text outside <style>/<title>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.cells: list[str] = []
        self._stack: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "td":
            self._cell = []
        if tag not in ("meta", "br"):
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self._stack and self._stack[-1] == tag, f"</{tag}> closes <{self._stack[-1:]}>"
        self._stack.pop()
        if tag == "td" and self._cell is not None:
            self.cells.append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1] in ("style", "title"):
            return
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def parse(document: str) -> Page:
    page = Page()
    page.feed(document)
    page.close()
    assert not page._stack, f"unclosed: {page._stack}"
    return page


def _evil_pair() -> tuple[Article, Article]:
    b_text = [p.replace("Tuesday", "Wednesday").replace("12 to 3", "11 to 4") for p in EVIL]
    b_text.append("Only B has this: <iframe src=//evil.example></iframe> & more.")
    meta = {"outlet": '<b>Evil</b> & "Co"', "title": "<script>x()</script>", "byline": "A & B"}
    a = parse_article("\n\n".join(EVIL), "<a>.txt", meta)
    b = parse_article("\n\n".join(b_text), "b&'q'.txt", None)
    return a, b


@pytest.fixture(scope="module")
def evil() -> Comparison:
    return compare(*_evil_pair())


def test_page_is_well_formed_and_has_only_our_elements(evil: Comparison) -> None:
    document = to_html(evil)
    page = parse(document)
    tags = {tag for tag, _ in page.tags}
    assert tags <= OURS, tags - OURS
    assert "script" not in tags and "<script" not in document.lower()
    for tag, attrs in page.tags:
        assert set(attrs) <= {"class", "lang", "charset", "http-equiv", "content", "name", "colspan"}, tag
        assert not any(name.startswith("on") for name in attrs)
    assert any(attrs.get("charset") == "utf-8" for tag, attrs in page.tags if tag == "meta")


def test_content_security_policy_forbids_scripts_and_loading(evil: Comparison) -> None:
    page = parse(to_html(evil))
    policies = [
        a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert policies == [CONTENT_SECURITY_POLICY]
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY  # covers script-src, img-src, frame-src...
    assert "script" not in CONTENT_SECURITY_POLICY


def test_no_external_resource(evil: Comparison) -> None:
    page = parse(to_html(evil))
    for _, attrs in page.tags:
        assert "src" not in attrs and "href" not in attrs


def test_article_text_stays_text(evil: Comparison) -> None:
    document = to_html(evil)
    text = "".join(parse(document).text)
    assert "<script>alert(1)</script>" in text
    assert "Tom & Jerry" in text and '"it is <b>fine</b>"' in text and "&amp; dusted" in text
    assert "<img src=x onerror=alert(2)>" in text
    assert "</td></tr></table><style>body{display:none}</style>" in text
    assert '<b>Evil</b> & "Co"' in text and "b&'q'.txt" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document


def test_every_paragraph_in_its_cell_with_every_word(evil: Comparison) -> None:
    page = parse(to_html(evil))
    a, b = evil.a, evil.b
    cells = [re.sub(r"¶\d+", " ", cell) for cell in page.cells]
    for article in (a, b):
        for paragraph in article.paragraphs:
            assert any(paragraph.text in cell for cell in cells), paragraph.text


def test_changes_are_marked_on_their_side(evil: Comparison) -> None:
    document = to_html(evil)
    deleted = re.findall(r"<del[^>]*>(.*?)</del>", document)
    inserted = re.findall(r"<ins[^>]*>(.*?)</ins>", document)
    assert "Tuesday" in deleted and "Wednesday" in inserted
    # Only the figures that changed are marked as numbers, not the words between them.
    assert '<del class="number">12</del>' in document and '<ins class="number">11</ins>' in document
    assert '<del class="number">3</del>' in document and '<ins class="number">4</ins>' in document


def test_seed_export_has_the_markdown_summary(seeds: dict[str, Article]) -> None:
    comparison = compare(seeds["001"], seeds["004"])
    text = " ".join("".join(parse(to_html(comparison)).text).split())
    summary = comparison.summary()
    assert f"Aligned pairs: {summary.pairs}" in text
    assert "have a counterpart (share of body words)" in text
    rows = [r for r in comparison.rows]
    page = parse(to_html(comparison))
    assert sum(
        1
        for t, a in page.tags
        if t == "tr" and (a.get("class") or "-").split()[0] in ("pair", "only-a", "only-b")
    ) == len(rows)


def test_json_export_has_the_documented_shape(seeds: dict[str, Article]) -> None:
    comparison = compare(seeds["001"], seeds["004"])
    data = json.loads(render(comparison, "json"))
    assert data == json.loads(json.dumps(comparison_json(comparison)))
    for side, article in (("a", comparison.a), ("b", comparison.b)):
        assert {"path", "title", "outlet", "paragraphs", "boilerplate"} <= set(data[side])
        assert data[side]["paragraphs"] == [p.text for p in article.paragraphs]
    seen_a = [i for p in data["pairs"] for i in p["a"]] + data["only_a"]
    seen_b = [j for p in data["pairs"] for j in p["b"]] + data["only_b"]
    assert sorted(seen_a) == list(range(len(comparison.a.paragraphs)))
    assert sorted(seen_b) == list(range(len(comparison.b.paragraphs)))
    assert all(0.0 <= p["score"] <= 1.0 for p in data["pairs"])


def test_render_dispatches_and_refuses_unknown(evil: Comparison) -> None:
    assert render(evil, "md").startswith("# Comparison:")
    assert render(evil, "html").startswith("<!DOCTYPE html>")
    assert json.loads(render(evil, "json"))["a"]["title"] == "<script>x()</script>"
    with pytest.raises(ValueError, match="unknown export format"):
        render(evil, "pdf")


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("x.md", "md"),
        ("X.HTML", "html"),
        ("a/b.htm", "html"),
        ("c.json", "json"),
        ("d.txt", None),
        ("e", None),
    ],
)
def test_format_from_extension(path: str, fmt: str | None) -> None:
    assert format_of(Path(path)) == fmt


def test_with_extension_swaps_only_known_extensions() -> None:
    assert with_extension("./a-vs-b.md", "html") == "./a-vs-b.html"
    assert with_extension("/x/a.json", "md") == "/x/a.md"
    assert with_extension("notes.v2", "json") == "notes.v2.json"
    assert set(FORMATS) == {"md", "html", "json"}


def test_html_module_stays_pure() -> None:
    import newsdiff.core.render.html as module

    source = Path(module.__file__).read_text(encoding="utf-8")
    assert "textual" not in source and "import rich" not in source


def test_disagreeing_figures_and_names_are_flagged_as_in_the_markdown_export() -> None:
    """The page carries the same ⚠ lines as the Markdown export, in the pair's A cell, escaped."""
    a = parse_article(
        "Talks\n\nThe talks with <b>Sergei Shoigu</b> lasted four hours at the cosmodrome, officials said.",
        "a",
    )
    b = parse_article(
        "Talks\n\nThe talks with <b>Sergei Lavrov</b> lasted five hours at the cosmodrome, officials said.",
        "b",
    )
    comparison = compare(a, b)
    found = [d for k in range(len(comparison.rows)) for d in comparison.discrepancies(k)]
    assert found, "the planted changes are discrepancies"
    document = to_html(comparison)
    page = parse(document)
    text = "".join(page.text)
    for discrepancy in found:
        assert f"⚠ {discrepancy.label}: {discrepancy.a} → {discrepancy.b}" in text
    assert f"Pairs whose numbers or names disagree: {1 if found else 0}" in text
    assert "<b>" not in document  # the article's tag stays text
    assert {tag for tag, _ in page.tags} <= OURS
