"""``newsdiff fetch`` and URLs given to diff/align, through the command line (``main`` in process)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml
from cli_support import run_in_process
from pytest_httpserver import HTTPServer

from newsdiff.core.loader import load_paths
from support.seed_pages import SEEDS, expected_paragraphs, page_meta


def newsdiff(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command line run afresh (a server's state and the files it writes change between runs)."""
    return run_in_process(*args, env={"NEWSDIFF_FETCH_TIMEOUT": "0.5"}, cwd=cwd)


def test_fetch_writes_a_folder_that_reopens_with_the_same_paragraphs(
    site: HTTPServer, tmp_path: Path
) -> None:
    urls = [site.url_for(f"/news/{n}.html") for n in ("001", "004", "002")]
    story = tmp_path / "story"
    done = newsdiff("fetch", *urls, "-d", story)
    assert done.returncode == 0, done.stderr
    files = sorted(story.iterdir())
    names = [f.name for f in files]
    assert names[0].startswith("01-the-associated-press--north-korea-s-kim-vows-full-support")
    assert names[1].startswith("02-morning-wire-digest--")
    assert names[2].startswith("03-the-washington-times--")
    assert all(name.endswith(".md") and len(name) < 100 for name in names)
    assert done.stderr.count("wrote ") == 3
    reopened = load_paths([story])
    assert not reopened.errors
    fetched = load_paths(urls)
    for kept, original in zip(reopened.articles, fetched.articles, strict=True):
        assert [p.text for p in kept.paragraphs] == [p.text for p in original.paragraphs]
        assert [p.boilerplate for p in kept.paragraphs] == [p.boilerplate for p in original.paragraphs]
        assert (kept.title, kept.outlet, kept.url, kept.byline) == (
            original.title,
            original.outlet,
            original.url,
            original.byline,
        )
    assert [p.text for p in reopened.articles[0].body] == expected_paragraphs("001")
    front = yaml.safe_load(files[0].read_text(encoding="utf-8").split("---\n")[1])
    assert set(front) == {"title", "outlet", "url", "date", "author", "fetched-at"}
    assert front["outlet"] == page_meta("001").site_name and front["url"] == urls[0]


def test_fetch_never_overwrites_without_force(site: HTTPServer, tmp_path: Path) -> None:
    url = site.url_for("/news/000.html")
    story = tmp_path / "story"
    assert newsdiff("fetch", url, "-d", story).returncode == 0
    (file,) = story.iterdir()
    file.write_text("my edits", encoding="utf-8")
    again = newsdiff("fetch", url, "-d", story)
    assert again.returncode == 1
    assert (
        again.stderr.splitlines()[-1]
        == f"newsdiff: {story}: 1 file already there ({file.name}); use --force to overwrite"
    )
    assert file.read_text(encoding="utf-8") == "my edits"
    assert newsdiff("fetch", url, "-d", story, "--force").returncode == 0
    assert file.read_text(encoding="utf-8").startswith("---\ntitle: ")


def test_fetch_reports_each_bad_url_and_saves_the_rest(site: HTTPServer, tmp_path: Path) -> None:
    story = tmp_path / "story"
    done = newsdiff(
        "fetch",
        site.url_for("/missing"),
        site.url_for("/news/003.html"),
        site.url_for("/to-file"),
        "-d",
        story,
    )
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines[0] == f"newsdiff: {site.url_for('/missing')}: 404 Not Found"
    assert lines[1].endswith("redirected to a file: URL, refused (only http and https)")
    assert len(list(story.iterdir())) == 1 and "Traceback" not in done.stderr


def test_a_url_works_like_a_local_file_in_diff_and_align(site: HTTPServer, tmp_path: Path) -> None:
    seed_004 = SEEDS / "004_0585261c54842d1b.txt"
    page = tmp_path / "001.html"
    from support.seed_pages import seed_page

    page.write_text(seed_page("001"), encoding="utf-8")
    by_url = newsdiff("diff", "--color", "never", "--width", "120", site.url_for("/news/001.html"), seed_004)
    by_file = newsdiff("diff", "--color", "never", "--width", "120", page, seed_004)
    assert by_url.returncode == 0, by_url.stderr
    assert by_url.stdout.replace(site.url_for("/news/001.html"), "X") == by_file.stdout.replace(
        str(page), "X"
    )
    assert "pairs" in by_url.stdout
    aligned = newsdiff("align", site.url_for("/news/001.html"), seed_004, "--format", "json")
    assert aligned.returncode == 0 and f'"path": "{site.url_for("/news/001.html")}"' in aligned.stdout


def test_a_bad_url_in_diff_is_one_line(site: HTTPServer) -> None:
    done = newsdiff("diff", site.url_for("/image.png"), SEEDS / "004_0585261c54842d1b.txt")
    assert done.returncode == 1
    assert (
        done.stderr
        == f"newsdiff: {site.url_for('/image.png')}: not an HTML page (the server says image/png)\n"
    )
    refused = newsdiff("diff", "ftp://example.com/a", "file:///etc/passwd")
    assert refused.stderr == "newsdiff: ftp://example.com/a: only http:// and https:// URLs can be opened\n"
