"""``subscribe``, ``feeds``, ``refresh``, ``versions``, ``opml`` and ``unsubscribe`` through the real
command line, against the loopback news site whose pages change between refreshes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from news_site import NewsSite, news_site
from pytest_httpserver import HTTPServer

from newsdiff.core.store.connection import DB_NAME
from support.postgres import PostgresServer
from support.seed_pages import seed_title


def _env(data: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NEWSDIFF_DATA_DIR": str(data)}
    env["NEWSDIFF_CONFIG"] = os.devnull
    env.pop("NO_COLOR", None)
    env.pop("NEWSDIFF_STORE", None)
    return env


def run(data: Path, *args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsdiff", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**_env(data), **(env or {})},
        timeout=120,
        check=False,
    )


@pytest.fixture
def site(httpserver: HTTPServer) -> NewsSite:
    return news_site(httpserver)


def _one_error(done: subprocess.CompletedProcess[str]) -> str:
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsdiff: "), done.stderr
    assert "Traceback" not in done.stderr
    return lines[0]


def test_subscribe_refresh_and_see_an_edited_article_s_versions_and_diff(
    site: NewsSite, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    feeds = [site.feed_url(outlet) for outlet in ("ap", "wt", "globe")]
    done = run(data, "subscribe", *feeds, "ftp://example.com/feed.xml")
    assert done.returncode == 1
    assert _one_error(done) == (
        "newsdiff: ftp://example.com/feed.xml: not a feed URL "
        "(only http:// and https:// feeds can be subscribed)"
    )
    assert done.stdout.splitlines() == [f"subscribed: {url}" for url in feeds]
    assert run(data, "subscribe", feeds[0]).stdout == f"already subscribed: {feeds[0]}\n"

    listing = run(data, "feeds").stdout.splitlines()
    assert len(listing) == 3 and all("never checked" in line for line in listing)

    done = run(data, "refresh")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "feeds: 3 checked" in done.stdout and "articles: 3 new, 0 changed" in done.stdout

    story = site.story("ap", "kim-putin")
    old_title = story.title
    story.title = "Kim promises Putin support in a 'sacred fight'"
    story.body = [*story.body[:1], "Russia denied it would buy any weapons.", *story.body[1:]]
    done = run(data, "refresh", "--interval", "0")
    assert done.returncode == 0, done.stderr
    url = site.page_url(story)
    assert done.stdout.splitlines()[0] == f"changed: {url}"
    # The retitled entry changed the AP's feed; the other two feeds and pages answered 304.
    assert "feeds: 3 checked, 2 not modified" in done.stdout
    assert "3 pages checked, 2 not modified" in done.stdout
    assert "articles: 0 new, 1 changed" in done.stdout

    listing = run(data, "feeds").stdout.splitlines()
    assert all("1 article · checked " in line and "error" not in line for line in listing), listing

    versions = run(data, "versions", url)
    assert versions.returncode == 0, versions.stderr
    lines = versions.stdout.splitlines()
    assert lines[0] == f"The Associated Press — {url} (2 versions)"
    assert lines[1].startswith("1  ") and lines[1].endswith(f"{old_title}  (first seen)")
    assert lines[2].startswith("2  ") and lines[2].endswith(
        f"{story.title}  (text edited; headline changed, was: {old_title})"
    )

    log = json.loads(run(data, "versions", url, "--format", "json").stdout)
    assert log["url"] == url and log["outlet"] == "The Associated Press"
    assert [(v["number"], v["text_changed"], v["headline_was"]) for v in log["versions"]] == [
        (1, False, None),
        (2, True, old_title),
    ]
    assert log["versions"][1]["title"] == story.title
    assert log["versions"][1]["paragraphs"] == log["versions"][0]["paragraphs"] + 1

    diff = run(data, "versions", url, "--diff", "--color", "never", "--width", "100")
    assert diff.returncode == 0, diff.stderr
    assert "The Associated Press · version 1, " in diff.stdout
    assert "The Associated Press · version 2, " in diff.stdout
    assert "only in B" in diff.stdout and "Russia denied it would buy any weapons." in diff.stdout
    # The same as naming the versions, and the same rendering as 'newsdiff diff'.
    explicit = run(data, "versions", url, "--diff", "1", "2", "--color", "never", "--width", "100")
    assert explicit.stdout == diff.stdout
    assert "legend: [-deleted from A-]  {+inserted in B+}" in diff.stdout


def test_a_failing_feed_is_one_line_the_others_are_stored_and_feeds_shows_it(
    site: NewsSite, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    site.feed_status["wt"] = 500
    run(data, "subscribe", *(site.feed_url(o) for o in ("ap", "wt", "globe")))
    done = run(data, "refresh")
    assert done.returncode == 1
    bad = site.feed_url("wt")
    assert _one_error(done) == f"newsdiff: {bad}: 500 Internal Server Error"
    assert "2 checked, 0 not modified, 1 failed" in done.stdout
    assert "articles: 2 new" in done.stdout
    line = next(line for line in run(data, "feeds").stdout.splitlines() if bad in line)
    assert line.endswith(f"error: {bad}: 500 Internal Server Error")
    # Checked a moment ago: the polite interval keeps a second refresh off the network.
    asked = len(site.log)
    again = run(data, "refresh")
    assert len(site.log) == asked
    assert "0 checked, 0 not modified, 0 failed, 3 skipped" in again.stdout


def test_the_store_is_chosen_by_store_then_newsdiff_store_then_the_settings_file(
    site: NewsSite, tmp_path: Path, postgres_server: PostgresServer
) -> None:
    data = tmp_path / "data"
    server_url = postgres_server.new_database()
    feed = site.feed_url("ap")
    assert run(data, "subscribe", "--store", server_url, feed).stdout == f"subscribed: {feed}\n"
    done = run(data, "refresh", "--store", server_url)
    assert done.returncode == 0, done.stderr
    assert "articles: 1 new" in done.stdout
    assert not (data / DB_NAME).exists()  # the default SQLite file was never made
    # The settings file's [store] url, then NEWSDIFF_STORE over it, then --store over both.
    config = tmp_path / "config.toml"
    config.write_text(f'[store]\nurl = "{server_url}"\n', encoding="utf-8")
    by_file = run(data, "feeds", env={"NEWSDIFF_CONFIG": str(config)})
    assert by_file.returncode == 0, by_file.stderr
    assert feed in by_file.stdout and "1 article " in by_file.stdout
    other = f"sqlite:///{tmp_path / 'other.db'}"
    by_env = run(data, "feeds", env={"NEWSDIFF_CONFIG": str(config), "NEWSDIFF_STORE": other})
    assert by_env.stdout.startswith(f"no subscriptions yet (store: {tmp_path / 'other.db'})")
    by_flag = run(data, "feeds", "--store", server_url, env={"NEWSDIFF_STORE": other})
    assert feed in by_flag.stdout
    # The versions of the stored article come from the same server.
    url = site.page_url(site.story("ap", "kim-putin"))
    history = run(data, "versions", "--store", server_url, url)
    assert history.returncode == 0, history.stderr
    assert history.stdout.startswith(f"The Associated Press — {url} (1 version)\n1  ")


def test_opml_export_import_round_trip_and_no_overwrite(site: NewsSite, tmp_path: Path) -> None:
    data = tmp_path / "data"
    feeds = [site.feed_url(o) for o in ("ap", "wt", "globe")]
    run(data, "subscribe", *feeds)
    run(data, "refresh")
    out = tmp_path / "subs.opml"
    done = run(data, "opml", "export", "-o", out)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert '<outline type="rss" xmlUrl="' in text and 'title="The Washington Times"' in text
    assert run(data, "opml", "export").stdout == text

    out.write_text("keep me", encoding="utf-8")
    refused = run(data, "opml", "export", "-o", out)
    assert refused.returncode == 1 and "exists" in _one_error(refused)
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run(data, "opml", "export", "-o", out, "--force").returncode == 0

    other = tmp_path / "other"
    done = run(other, "opml", "import", out)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{out}: 3 feeds subscribed, 0 already subscribed\n"
    listing = run(other, "feeds").stdout.splitlines()
    assert [line.split("  ")[1] for line in listing] == feeds
    assert listing[1].startswith("The Washington Times  ")


def test_mistakes_are_one_line(site: NewsSite, tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _one_error(run(data, "refresh")).endswith(
        "no subscriptions yet: add one with 'newsdiff subscribe URL'"
    )
    nowhere = "https://news.example/nothing"
    assert (
        _one_error(run(data, "unsubscribe", nowhere))
        == f"newsdiff: {nowhere}: not subscribed (see 'newsdiff feeds')"
    )
    assert "not in the store" in _one_error(run(data, "versions", nowhere))
    run(data, "subscribe", site.feed_url("ap"))
    run(data, "refresh")
    url = site.page_url(site.story("ap", "kim-putin"))
    assert _one_error(run(data, "versions", url, "--diff")) == (
        "newsdiff: only 1 version stored: nothing to compare yet"
    )
    not_opml = tmp_path / "feed.opml"
    not_opml.write_text("<rss><channel/></rss>", encoding="utf-8")
    assert "not an OPML file" in _one_error(run(data, "opml", "import", not_opml))
    usage = run(data, "refresh", "--jobs", "0")
    assert usage.returncode == 2 and "--jobs" in _one_error(usage)
    # Unsubscribing keeps what the feed brought.
    assert run(data, "unsubscribe", site.feed_url("ap")).stdout == f"unsubscribed: {site.feed_url('ap')}\n"
    assert run(data, "versions", url).stdout.splitlines()[0].endswith("(1 version)")
    assert run(data, "feeds").stdout.startswith("no subscriptions yet")


def _versions_in(db: Path) -> int:
    raw = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(raw.execute("SELECT count(*) FROM versions").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        raw.close()


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "crash"])
def test_an_interrupted_refresh_keeps_what_it_stored_and_the_next_one_finishes(
    site: NewsSite, tmp_path: Path, how: signal.Signals
) -> None:
    for n in range(1, 4):
        site.add(
            "ap",
            f"more-{n}",
            f"{seed_title('001')} ({n})",
            [f"Paragraph {n} of a new report, told at length."],
        )
    # The refresh is stopped while it waits for this page, which is not answered until the test
    # clears the delay below: had Ctrl+C waited for it, ``communicate`` would time out.
    site.story("ap", "more-3").delay = 3600
    try:
        data = tmp_path / "data"
        run(data, "subscribe", site.feed_url("ap"))
        process = subprocess.Popen(
            [sys.executable, "-m", "newsdiff", "refresh", "--jobs", "1"],
            env=_env(data),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        db = data / DB_NAME
        deadline = time.monotonic() + 300  # hang guards only
        while _versions_in(db) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _versions_in(db) == 3, "the first three pages were stored before the slow one"
        while "/ap/more-3.html" not in site.slow_requests and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(how)
        _, stderr = process.communicate(timeout=120)  # a hang guard only: the page never comes
        assert site.in_flight == 1, "newsdiff exited while the slow page was still being answered"
        assert process.returncode == (130 if how == signal.SIGINT else -signal.SIGKILL), stderr
        assert "Traceback" not in stderr
        raw = sqlite3.connect(db)
        try:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert raw.execute("SELECT count(*) FROM versions").fetchone()[0] == 3
            assert raw.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
        finally:
            raw.close()
    finally:  # a failed check must not leave the server waiting an hour to shut down
        site.story("ap", "more-3").delay = 0
    done = run(data, "refresh", "--interval", "0")
    assert done.returncode == 0, done.stderr
    assert _versions_in(db) == 4  # the missing page, and no other version twice


def test_on_a_terminal_refresh_shows_its_progress_and_errors_stay_one_line(
    site: NewsSite, tmp_path: Path
) -> None:
    import pty

    data = tmp_path / "data"
    site.feed_status["wt"] = 500
    run(data, "subscribe", *(site.feed_url(o) for o in ("ap", "wt", "globe")))
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "newsdiff", "refresh", "--jobs", "1"],
            stdout=subprocess.PIPE,
            stderr=follower,
            env=_env(data),
            timeout=120,
            check=False,
        )
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal's other side is closed: all was read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        if follower != -1:
            os.close(follower)
        os.close(leader)
    shown = b"".join(chunks).decode("utf-8")
    assert done.returncode == 1
    assert "refreshing: 1 of 3: " in shown and "refreshing: 3 of 3: " in shown  # the feeds, then pages
    # What a terminal ends up showing on each line: the text after the line's last carriage return.
    visible = [line.split("\r")[-1].rstrip() for line in shown.replace("\r\n", "\n").split("\n")]
    error = f"newsdiff: {site.feed_url('wt')}: 500 Internal Server Error"
    assert error in visible, visible  # cleared first, so the error is a whole line of its own
    assert not any("refreshing:" in line for line in visible), "the progress line is cleared at the end"
