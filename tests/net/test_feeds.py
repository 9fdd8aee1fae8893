"""Feeds (RSS and Atom) from the loopback server and from files: listing, picking, saving."""

from __future__ import annotations

from pathlib import Path

import pytest
from feed_xml import rss
from pytest_httpserver import HTTPServer
from test_fetch_command import newsdiff

from newsdiff.core.errors import InputError
from newsdiff.core.feeds import parse_picks, read_feed
from newsdiff.core.loader import load_paths
from support.seed_pages import expected_paragraphs, page_meta, seed_title


@pytest.mark.parametrize("route", ["/feed.xml", "/atom.xml"])
def test_rss_and_atom_list_the_seed_pages(site: HTTPServer, route: str) -> None:
    feed = read_feed(site.url_for(route))
    assert [e.title for e in feed.entries] == [seed_title(n) for n in ("000", "001", "002", "003", "004")]
    assert [e.link for e in feed.entries] == [
        site.url_for(f"/news/{n}.html") for n in ("000", "001", "002", "003", "004")
    ]
    assert all(e.published == "2023-09-13" for e in feed.entries)
    assert feed.note is None


def test_rss_source_is_kept_and_a_feed_file_reads_the_same(site: HTTPServer, tmp_path: Path) -> None:
    file = tmp_path / "feed.xml"
    file.write_text(rss(site, ["001", "003"]), encoding="utf-8")
    feed = read_feed(file)
    assert [e.source for e in feed.entries] == [page_meta("001").site_name, page_meta("003").site_name]
    assert feed.title == "Kim-Putin summit"


def test_hostile_entry_text_is_made_safe(tmp_path: Path) -> None:
    file = tmp_path / "evil.xml"
    file.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
        "<item><title>Bad\x1b]0;pwned\x07 [bold]title[/bold]\nsecond line</title>"
        "<link>http://example.com/a</link></item></channel></rss>",
        encoding="utf-8",
    )
    (entry,) = read_feed(file).entries
    assert "\x1b" not in entry.title and "\x07" not in entry.title and "\n" not in entry.title
    assert "[bold]title[/bold]" in entry.title


def test_what_is_not_a_feed_is_one_line(site: HTTPServer, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"/news/001\.html: not an RSS or Atom feed$"):
        read_feed(site.url_for("/news/001.html"))
    with pytest.raises(InputError, match=r"404 Not Found$"):
        read_feed(site.url_for("/missing"))
    with pytest.raises(InputError, match=r"nope\.xml: no such file$"):
        read_feed(tmp_path / "nope.xml")


def test_picks() -> None:
    assert parse_picks("1,3-5", 5) == [0, 2, 3, 4]
    assert parse_picks(" 2 , 2, 1 ", 3) == [1, 0]
    for bad, message in (
        ("0", "not a range"),
        ("3-1", "not a range"),
        ("1,x", "e.g. 1,3-5"),
        ("6", "has 5 entries"),
    ):
        with pytest.raises(InputError, match=message):
            parse_picks(bad, 5)


def test_feed_command_lists_and_saves_picked_entries(site: HTTPServer, tmp_path: Path) -> None:
    url = site.url_for("/feed.xml")
    listed = newsdiff("feed", url)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0] == "Kim-Putin summit (5 entries)"
    assert lines[1] == f"1  2023-09-13  {seed_title('000')}"
    assert lines[2] == f"   {site.url_for('/news/000.html')}"
    assert len(lines) == 11
    story = tmp_path / "story"
    saved = newsdiff("feed", url, "--pick", "2,4-5", "-d", story)
    assert saved.returncode == 0, saved.stderr
    result = load_paths([story])
    assert [[p.text for p in a.body] for a in result.articles] == [
        expected_paragraphs(n) for n in ("001", "003", "004")
    ]
    printed = newsdiff("feed", url, "--pick", "3")
    assert printed.stdout == site.url_for("/news/002.html") + "\n"
    bad = newsdiff("feed", url, "--pick", "9")
    assert (bad.returncode, bad.stderr) == (1, "newsdiff: --pick 9: the feed has 5 entries\n")
    usage = newsdiff("feed", url, "-d", story)
    assert usage.returncode == 2 and "need --pick" in usage.stderr


def test_feed_open_hands_the_picked_links_to_the_app(site: HTTPServer) -> None:
    """Without a terminal the app refuses to start; that it got that far proves the picked links
    reached the app's own argument checks (a bad pick would have stopped earlier, exit 1)."""
    done = newsdiff("feed", site.url_for("/feed.xml"), "--pick", "1-2", "--open")
    assert done.returncode == 2
    assert (
        done.stderr
        == "newsdiff: the app needs a terminal; for output you can pipe, use 'newsdiff diff A B'\n"
    )
    assert [r.path for r, _ in site.log] == ["/feed.xml"]  # the pages are fetched by the app, not before


def test_links_to_local_files_are_never_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("A private note that must not end up in a story.", encoding="utf-8")
    file = tmp_path / "evil.xml"
    file.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
        f"<item><title>Local path</title><link>{secret}</link></item>"
        f"<item><title>File URL</title><link>file://{secret}</link></item>"
        "<item><title>Fine</title><link>https://example.com/a</link></item></channel></rss>",
        encoding="utf-8",
    )
    feed = read_feed(file)
    assert [e.link for e in feed.entries] == ["", "", "https://example.com/a"]
    story = tmp_path / "story"
    done = newsdiff("feed", file, "--pick", "1", "-d", story)
    assert (done.returncode, done.stderr) == (1, "newsdiff: --pick 1: entry 1 has no http(s) link\n")
    assert not story.exists()
    assert newsdiff("feed", file).stdout.splitlines()[2].strip() == "(no link)"
