"""A page's ``<meta charset>`` may name any of Python's codecs (issue 16, item 2): only text
encodings a page can be in are used; any other label is ignored and the page read as if unlabelled."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsdiff.cli import main
from newsdiff.core.html_article import decode_html
from newsdiff.core.loader import article_from_bytes

NOT_PAGE_ENCODINGS = (
    "base64",
    "rot13",
    "hex",
    "zlib",
    "bz2",
    "uu",
    "quopri",
    "idna",
    "undefined",
    "punycode",
    "unicode_escape",
    "raw_unicode_escape",
    "utf-7",
)
BODY = (
    "<p>The council approved the new budget on Tuesday evening after a long debate, officials said "
    "in a statement to the press.</p><p>Opponents said the café and library lost too much money.</p>"
)


def page(label: str) -> bytes:
    html = f'<html><head><meta charset="{label}"><title>Budget</title></head><body><article>{BODY}'
    return (html + "</article></body></html>").encode("utf-8")


@pytest.mark.parametrize("label", NOT_PAGE_ENCODINGS)
def test_a_label_that_is_no_page_encoding_is_ignored(label: str) -> None:
    assert "café" in decode_html(page(label))  # read as UTF-8, as if there were no label
    article = article_from_bytes(page(label), f"{label}.html")
    assert any("café" in p.text for p in article.paragraphs)


def test_real_labels_still_decide() -> None:
    assert "Café" in decode_html('<meta charset="iso-8859-1"><p>Café</p>'.encode("cp1252"))
    assert "Кафе" in decode_html('<meta charset="koi8-r"><p>Кафе</p>'.encode("koi8-r"))


def test_coverage_reads_the_other_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDIFF_CONFIG", os.devnull)
    for label in ("base64", "utf-8", "zlib"):
        (tmp_path / f"{label}.html").write_bytes(page(label))
    assert main(["coverage", str(tmp_path), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.count('"path"') >= 3
