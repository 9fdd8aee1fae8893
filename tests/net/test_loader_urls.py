"""URLs among the paths of a story: loaded like files; a failing URL is one error, the rest load."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from newsdiff.core.loader import expand, load_paths
from newsdiff.core.options import LoadOptions
from support.seed_pages import SEEDS, expected_paragraphs


def test_urls_files_and_bad_urls_load_side_by_side(site: HTTPServer) -> None:
    seed = SEEDS / "004_0585261c54842d1b.txt"
    sources = [
        site.url_for("/news/001.html"),
        site.url_for("/missing"),
        seed,
        site.url_for("/to-file"),
        site.url_for("/slow"),
    ]
    result = load_paths(sources, LoadOptions(timeout=0.3))
    assert [a.path for a in result.articles] == [site.url_for("/news/001.html"), str(seed)]
    assert [p.text for p in result.articles[0].body] == expected_paragraphs("001")
    assert len(result.errors) == 3
    assert result.errors[0] == f"{site.url_for('/missing')}: 404 Not Found"
    assert result.errors[1].endswith("redirected to a file: URL, refused (only http and https)")
    assert result.errors[2].endswith("timed out after 0.3 s")


def test_a_url_is_kept_whole_and_a_plain_string_is_a_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One paragraph here.", encoding="utf-8")
    assert expand(["https://example.com/a//b.html", str(tmp_path)]) == [
        "https://example.com/a//b.html",
        tmp_path / "a.txt",
    ]
