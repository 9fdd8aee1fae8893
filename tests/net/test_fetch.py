"""core.fetch against a real server on 127.0.0.1: limits, refusals, one-line errors, the cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from net_site import ENDLESS_BLOCKS, ENDLESS_SENT, FAST_TIMEOUT
from pytest_httpserver import HTTPServer

from newsdiff.core.errors import InputError
from newsdiff.core.fetch import USER_AGENT, article_from_fetched, fetch, is_url, load_url
from newsdiff.core.fetched import Cache
from newsdiff.core.options import LoadOptions
from support.seed_pages import CHROME_STRINGS, expected_paragraphs, page_meta


def _error(url: str, **options: object) -> str:
    with pytest.raises(InputError) as caught:
        fetch(url, **options)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message and message.startswith(url)
    return message


def test_a_seed_page_fetches_and_extracts_exactly_its_body_without_chrome(site: HTTPServer) -> None:
    url = site.url_for("/news/002.html")
    fetched = fetch(url)
    assert fetched.final_url == url and fetched.mime == "text/html" and not fetched.from_cache
    article = article_from_fetched(fetched)
    paragraphs = [p.text for p in article.body]
    assert paragraphs == expected_paragraphs("002")
    everything = "\n".join(p.text for p in article.paragraphs) + article.title
    for chrome in CHROME_STRINGS:
        assert chrome not in everything
    assert article.path == url and article.url == url
    assert article.outlet == page_meta("002").site_name
    assert article.extra["fetched-at"] == fetched.fetched_at


def test_every_seed_page_round_trips_over_http(site: HTTPServer) -> None:
    for name in ("000", "001", "003", "004"):
        article = load_url(site.url_for(f"/news/{name}.html"))
        assert [p.text for p in article.body] == expected_paragraphs(name), name


def test_the_user_agent_names_newsdiff(site: HTTPServer) -> None:
    fetch(site.url_for("/news/001.html"), cache=False)
    request, _ = site.log[-1]
    assert request.headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("newsdiff/") and "+https://" in USER_AGENT


def test_a_redirect_is_followed_and_the_final_url_kept(site: HTTPServer) -> None:
    fetched = fetch(site.url_for("/moved"), cache=False)
    assert fetched.final_url == site.url_for("/news/001.html")
    assert article_from_fetched(fetched).url == site.url_for("/news/001.html")


@pytest.mark.parametrize(("route", "scheme"), [("/to-file", "file"), ("/to-js", "javascript")])
def test_a_redirect_to_another_scheme_is_refused(site: HTTPServer, route: str, scheme: str) -> None:
    message = _error(site.url_for(route), cache=False)
    assert f"redirected to a {scheme}: URL, refused" in message


def test_a_redirect_loop_stops_at_the_cap(site: HTTPServer) -> None:
    message = _error(site.url_for("/loop"), cache=False, max_redirects=5)
    assert message.endswith("too many redirects (more than 5)")
    assert len([r for r, _ in site.log if r.path in ("/loop", "/loop2")]) == 6


def test_http_errors_are_one_line_with_the_status(site: HTTPServer) -> None:
    assert _error(site.url_for("/missing"), cache=False).endswith(": 404 Not Found")
    assert _error(site.url_for("/broken"), cache=False).endswith(": 500 Internal Server Error")


def test_a_slow_server_times_out_quickly(site: HTTPServer) -> None:
    # The server answers after SLOW_DELAY: a timeout, not the late page, proves the fetch gave up first.
    message = _error(site.url_for("/slow"), cache=False, timeout=FAST_TIMEOUT)
    assert message.endswith(f"timed out after {FAST_TIMEOUT:g} s")


def test_an_oversize_body_is_refused_by_its_length(site: HTTPServer) -> None:
    assert _error(site.url_for("/huge"), cache=False, max_bytes=1_000_000).endswith(
        "the page is 3 MB, over the 1 MB limit"
    )


def test_an_endless_body_is_cut_at_the_cap(site: HTTPServer) -> None:
    ENDLESS_SENT.clear()
    assert _error(site.url_for("/endless"), cache=False, max_bytes=500_000).endswith(
        "more than the 500 kB limit"
    )
    # Refused while the server was still sending: the body was dropped at the cap, not read whole.
    assert len(ENDLESS_SENT) < ENDLESS_BLOCKS


@pytest.mark.parametrize(("route", "mime"), [("/image.png", "image/png"), ("/notes.txt", "text/plain")])
def test_what_is_not_html_is_refused(site: HTTPServer, route: str, mime: str) -> None:
    assert _error(site.url_for(route), cache=False).endswith(f"not an HTML page (the server says {mime})")


def test_a_page_with_no_article_text_says_so(site: HTTPServer) -> None:
    url = site.url_for("/empty-page")
    with pytest.raises(InputError, match=r"^http://127\.0\.0\.1:\d+/empty-page: no article text found"):
        load_url(url)


@pytest.mark.parametrize("url", ["ftp://example.com/a.html", "file:///etc/passwd"])
def test_other_schemes_are_refused_before_any_connection(url: str) -> None:
    assert is_url(url)
    assert _error(url).endswith("only http:// and https:// URLs can be opened")


def test_a_refused_connection_is_one_line() -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on: bound, then closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert _error(f"http://127.0.0.1:{port}/a.html", cache=False).endswith("connection refused")


def test_an_unknown_host_is_one_line() -> None:
    message = _error("http://no-such-host.invalid/a.html", cache=False, timeout=2)
    assert message.endswith(("cannot find the server (DNS lookup failed)", "timed out after 2 s"))


def test_a_second_open_with_the_server_stopped_comes_from_the_cache(
    own_server: HTTPServer, _private_cache: Path
) -> None:
    url = own_server.url_for("/news/003.html")
    first = load_url(url)
    assert "from-cache" not in first.extra
    assert len(list(_private_cache.glob("*.page"))) == 1
    own_server.stop()
    again = load_url(url)
    assert [p.text for p in again.paragraphs] == [p.text for p in first.paragraphs]
    assert again.extra["from-cache"] == "yes" and again.extra["fetched-at"] == first.extra["fetched-at"]
    # Asking the network first (feeds, --refresh) falls back to the copy when the server is gone.
    fetched = fetch(url, timeout=FAST_TIMEOUT)
    assert fetched.from_cache and fetched.note is not None and fetched.note.startswith("from cache, fetched ")


def test_refresh_asks_the_network_and_fails_honestly_without_a_copy(own_server: HTTPServer) -> None:
    url = own_server.url_for("/news/004.html")
    load_url(url)
    assert load_url(url).extra.get("from-cache") == "yes"  # reopened from the cache
    assert load_url(url, LoadOptions(refresh=True)).extra.get("from-cache") is None  # fetched again
    assert len([r for r, _ in own_server.log if r.path == "/news/004.html"]) == 2
    own_server.stop()
    with pytest.raises(InputError, match=r"connection refused|timed out"):
        fetch(own_server.url_for("/news/000.html"), cache=False, timeout=FAST_TIMEOUT)


def test_a_404_is_not_hidden_by_a_cached_copy(site: HTTPServer, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c")
    url = site.url_for("/missing")
    from newsdiff.core.fetched import Fetched

    cache.put(Fetched(url, url, "text/html", b"<p>old</p>", "2023-01-01T00:00:00Z"))
    with pytest.raises(InputError, match="404 Not Found"):
        fetch(url, cache=cache)


def test_a_damaged_cache_file_is_ignored(site: HTTPServer, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c")
    url = site.url_for("/news/001.html")
    cache.folder.mkdir()
    cache.path_for(url).write_bytes(b"not json\n<p>junk</p>")
    assert cache.get(url) is None
    assert not fetch(url, cache=cache, prefer_cache=True).from_cache
    assert cache.get(url) is not None and cache.get(url).body.startswith(b"<!DOCTYPE html>")  # type: ignore[union-attr]
