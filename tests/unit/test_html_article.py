"""Web pages as articles: the body of each seed page exactly, no chrome, the page's metadata."""

from __future__ import annotations

import codecs
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsdiff.core.errors import InputError
from newsdiff.core.html_article import article_from_html, decode_html
from newsdiff.core.loader import load_article
from support.input_errors import one_line_input_error
from support.seed_pages import (
    CHROME_STRINGS,
    expected_paragraphs,
    page_meta,
    seed_names,
    seed_page,
    seed_title,
)

NAMES = seed_names()
PAGE = Path("page.html")


def test_every_seed_has_a_page() -> None:
    assert NAMES == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("name", NAMES)
def test_extracted_paragraphs_are_the_seed_body_exactly(name: str) -> None:
    article = article_from_html(seed_page(name).encode("utf-8"), path=Path(f"{name}.html"))
    assert [p.text for p in article.paragraphs] == expected_paragraphs(name)
    assert all(p.is_body for p in article.paragraphs)


@pytest.mark.parametrize("name", NAMES)
def test_no_chrome_leaks_into_the_article(name: str) -> None:
    page = seed_page(name)
    assert all(chrome in page for chrome in CHROME_STRINGS)  # the page really carries them
    article = article_from_html(page, path=Path(f"{name}.html"))
    everything = "\n".join([*(p.text for p in article.paragraphs), article.title, article.byline or ""])
    leaked = [chrome for chrome in CHROME_STRINGS if chrome.lower() in everything.lower()]
    assert leaked == []


@pytest.mark.parametrize("name", NAMES)
def test_metadata_comes_from_the_page(name: str) -> None:
    meta = page_meta(name)
    article = article_from_html(seed_page(name), path=Path(f"{name}.html"))
    assert article.title == seed_title(name)
    assert article.outlet == meta.site_name
    assert article.date == meta.date
    assert article.byline == meta.author
    assert article.url == f"https://news.example/{meta.slug}"
    assert article.path == f"{name}.html"


def test_the_url_it_was_fetched_from_wins_over_the_canonical_link() -> None:
    article = article_from_html(seed_page("001"), path=PAGE, url="http://127.0.0.1:8000/a.html")
    assert article.url == "http://127.0.0.1:8000/a.html"


def test_newsdiff_toml_title_wins_as_for_text_files() -> None:
    article = article_from_html(seed_page("002"), path=PAGE, meta={"title": "My title", "outlet": "X"})
    assert article.title == "My title"
    assert article.outlet == "The Washington Times"  # the page's own statement wins


def test_headings_list_items_quotes_and_line_breaks_keep_their_boundaries() -> None:
    page = seed_page("001")
    page = page.replace("<p>North Korea may", "<h2>Weapons for aid</h2>\n<p>North Korea may", 1)
    page = page.replace(
        "<p>The two men began",
        "<ul><li>Kim toured the launch pads first.</li><li>Then the two leaders talked.</li></ul>"
        "<blockquote><p>We will always stand with Russia, Kim said.</p></blockquote>"
        "<p>He spoke briefly<br>and then left the room.</p>"
        "<p>The two men began",
        1,
    )
    paragraphs = [p.text for p in article_from_html(page, path=PAGE).paragraphs]
    body = expected_paragraphs("001")
    at = body.index(next(p for p in body if p.startswith("North Korea may")))
    assert paragraphs[at - 1 : at + 2] == [body[at - 1], "Weapons for aid", body[at]]
    start = paragraphs.index("Kim toured the launch pads first.")
    assert paragraphs[start : start + 5] == [
        "Kim toured the launch pads first.",
        "Then the two leaders talked.",
        "We will always stand with Russia, Kim said.",
        "He spoke briefly and then left the room.",
        next(p for p in body if p.startswith("The two men began")),
    ]


def _in_encoding(page: str, charset: str, codec: str) -> bytes:
    return page.replace('<meta charset="utf-8">', f'<meta charset="{charset}">').encode(codec)


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("windows-1252 declared", _in_encoding(seed_page("000"), "windows-1252", "cp1252")),
        # Browsers read pages labelled Latin-1 as windows-1252; the seed's curly quotes need it.
        ("iso-8859-1 declared", _in_encoding(seed_page("000"), "iso-8859-1", "cp1252")),
        ("windows-1252 undeclared", seed_page("000").replace('<meta charset="utf-8">', "").encode("cp1252")),
        ("unknown label", _in_encoding(seed_page("000"), "no-such-charset", "cp1252")),
        ("utf-8 with BOM", codecs.BOM_UTF8 + seed_page("000").encode("utf-8")),
        ("utf-16 with BOM", seed_page("000").encode("utf-16")),
    ],
)
def test_page_encodings_are_respected(label: str, data: bytes) -> None:
    article = article_from_html(data, path=PAGE)
    assert [p.text for p in article.paragraphs] == expected_paragraphs("000"), label


def test_meta_charset_decides_over_detection() -> None:
    """Bytes valid in two single-byte encodings read as the page declares (KOI8-R here)."""
    text = "Президент России Владимир Путин встретился с Ким Чен Ыном на космодроме Восточный."
    page = f'<html><head><meta charset="koi8-r"></head><body><article><p>{text}</p></article></body></html>'
    assert decode_html(page.encode("koi8-r")).count(text) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b" \n\t\n", "the file is empty"),
        (b"<html><body></body></html>", "no article text found in the page"),
        (
            re.sub(r"<article.*?</article>", "", seed_page("001"), flags=re.S).encode(),
            "no article text found",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "looks like a binary file"),
    ],
    ids=["empty", "blank", "no body", "only chrome", "binary"],
)
def test_bad_pages_are_one_line(data: bytes, message: str) -> None:
    one_line_input_error(lambda: article_from_html(data, path=PAGE), "page.html", message)


def test_an_eleven_megabyte_page_is_refused_by_size(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    paragraph = "<p>" + "Kim met Putin at the cosmodrome on Wednesday. " * 20 + "</p>\n"
    big.write_text("<html><body><article>" + paragraph * (11_000_000 // len(paragraph) + 1), encoding="utf-8")
    with pytest.raises(InputError, match=r"big\.html: file is 11 MB, over the 10 MB limit"):
        load_article(big)


def test_trafilatura_is_imported_only_when_a_page_is_read(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text(seed_page("004"), encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("Kim met Putin.\n", encoding="utf-8")
    script = (
        "import sys; from pathlib import Path; from newsdiff.core.loader import load_article\n"
        f"load_article(Path({str(text)!r})); print('trafilatura' in sys.modules)\n"
        f"load_article(Path({str(page)!r})); print('trafilatura' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True"]
    imports = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "newsdiff", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    assert "newsdiff" in imports and "trafilatura" not in imports and "charset_normalizer" not in imports


def test_a_table_row_is_one_paragraph() -> None:
    table = "<table><tr><th>Item</th><th>Count</th></tr><tr><td>Artillery shells</td><td>1 million</td></tr>"
    table += "</table>"
    page = seed_page("004").replace("</div>\n</article>", table + "\n  </div>\n</article>", 1)
    assert table in page
    paragraphs = [p.text for p in article_from_html(page, path=PAGE).paragraphs]
    assert paragraphs == [*expected_paragraphs("004"), "Item | Count", "Artillery shells | 1 million"]
