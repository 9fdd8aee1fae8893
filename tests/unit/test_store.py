"""The subscription store on a real SQLite file and a real PostgreSQL server (``store_url`` runs each
test on both; see ``support/postgres.py``): schema migrations, transactions, versions, stories, and
what only one of them has (SQLite's WAL file, a server's URL)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from newsdiff.core.article import Article, Paragraph
from newsdiff.core.errors import InputError
from newsdiff.core.store.connection import DB_NAME, data_dir, default_url, open_engine, shown_url
from newsdiff.core.store.database import Store
from newsdiff.core.store.records import Entry
from newsdiff.core.store.schema import MIGRATIONS, schema_version
from newsdiff.core.versions import changes, snapshot, version_article
from support.postgres import PostgresServer, unavailable


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An empty store, on SQLite and on PostgreSQL in turn."""
    with Store.open(store_url) as opened:
        yield opened


@pytest.fixture
def sqlite_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The default store: SQLite in the data dir."""
    monkeypatch.setenv("NEWSDIFF_DATA_DIR", str(tmp_path / "data"))
    with Store.open() as opened:
        yield opened


def _columns(store: Store, table: str) -> set[str]:
    return {column["name"] for column in sa.inspect(store.engine).get_columns(table)}


def _tables(store: Store) -> set[str]:
    return set(sa.inspect(store.engine).get_table_names())


def _entry(n: int) -> Entry:
    return Entry(f"https://news.example/{n}", f"Story {n}", "2026-12-01")


def test_the_store_lives_in_the_data_dir_as_sqlite_in_wal_mode(sqlite_store: Store, tmp_path: Path) -> None:
    assert data_dir() == tmp_path / "data"
    assert default_url() == f"sqlite:///{tmp_path / 'data' / DB_NAME}"
    path = tmp_path / "data" / DB_NAME
    assert path.is_file()
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"schema_version", "feeds", "articles", "versions"} <= tables
        assert raw.execute("SELECT version FROM schema_version").fetchall() == [(len(MIGRATIONS),)]
    finally:
        raw.close()


def test_subscribing_twice_is_one_feed_and_unsubscribing_keeps_the_articles(store: Store) -> None:
    assert store.add_feed("https://a.example/feed.xml")
    assert not store.add_feed("https://a.example/feed.xml")
    feed = store.feeds()[0]
    assert store.record_feed(feed.id, checked_at="2026-12-01T10:00:00Z", entries=[_entry(1), _entry(2)]) == 2
    # The same entries listed again are not new.
    assert store.record_feed(feed.id, checked_at="2026-12-01T11:00:00Z", entries=[_entry(2), _entry(3)]) == 1
    assert [a.url for a in store.articles()] == [_entry(n).url for n in (1, 2, 3)]
    assert store.remove_feed(feed.url)
    assert not store.remove_feed(feed.url)
    assert store.feeds() == []
    kept = store.articles()
    assert len(kept) == 3 and all(a.feed is None for a in kept)


def test_a_failed_check_keeps_the_last_good_validators(store: Store) -> None:
    store.add_feed("https://a.example/feed.xml")
    feed = store.feeds()[0]
    store.record_feed(feed.id, checked_at="2026-12-01T10:00:00Z", title="A", etag='"v1"', last_modified="x")
    store.record_feed(feed.id, checked_at="2026-12-01T11:00:00Z", error="https://a.example/feed.xml: 500 …")
    after = store.feeds()[0]
    assert (after.title, after.etag, after.last_modified) == ("A", '"v1"', "x")
    assert after.last_error is not None and after.last_checked == "2026-12-01T11:00:00Z"


def test_a_version_is_stored_only_when_the_text_or_the_title_changed(
    store: Store, seeds: dict[str, Article]
) -> None:
    store.add_feed("https://a.example/feed.xml")
    feed = store.feeds()[0]
    store.record_feed(feed.id, checked_at="2026-12-01T10:00:00Z", entries=[_entry(1)])
    article = store.articles()[0]
    first = snapshot(seeds["001"])
    assert store.record_page(article.id, checked_at="2026-12-01T10:01:00Z", snapshot=first) == "first"
    assert store.record_page(article.id, checked_at="2026-12-01T10:02:00Z", snapshot=first) is None
    retitled = replace(first, title="A new headline")
    assert store.record_page(article.id, checked_at="2026-12-01T10:03:00Z", snapshot=retitled) == "changed"
    edited = snapshot(seeds["002"])
    assert store.record_page(article.id, checked_at="2026-12-01T10:04:00Z", snapshot=edited) == "changed"
    history = store.versions(article.id)
    assert [v.number for v in history] == [1, 2, 3]
    assert [v.fetched_at for v in history] == [
        "2026-12-01T10:01:00Z",
        "2026-12-01T10:03:00Z",
        "2026-12-01T10:04:00Z",
    ]
    found = changes(history)
    assert found[0].headline is None and not found[0].text_changed
    assert found[1].headline == (seeds["001"].title, "A new headline") and not found[1].text_changed
    assert found[2].text_changed and found[2].headline == ("A new headline", seeds["002"].title)
    assert store.counts() == {"feeds": 1, "articles": 1, "versions": 3, "stories": 0}


def test_a_boilerplate_only_change_is_not_a_version(seeds: dict[str, Article]) -> None:
    article = seeds["001"]
    assert article.boilerplate_indices, "the seed has boilerplate to change"

    changed = tuple(
        Paragraph(p.index, p.text + " (c) 2027", p.boilerplate) if not p.is_body else p
        for p in article.paragraphs
    )
    assert snapshot(replace(article, paragraphs=changed)).text_hash == snapshot(article).text_hash
    body_edit = tuple(Paragraph(p.index, p.text + " More.", p.boilerplate) for p in article.paragraphs)
    assert snapshot(replace(article, paragraphs=body_edit)).text_hash != snapshot(article).text_hash


def test_a_stored_version_reopens_as_the_same_article(store: Store, seeds: dict[str, Article]) -> None:
    store.add_feed("https://a.example/feed.xml")
    store.record_feed(store.feeds()[0].id, checked_at="2026-12-01T10:00:00Z", entries=[_entry(1)])
    article = store.articles()[0]
    original = seeds["002"]  # outlet, date and byline all known
    assert original.outlet and original.byline
    store.record_page(article.id, checked_at="2026-12-01T10:01:00Z", snapshot=snapshot(original))
    (version,) = store.versions(article.id)
    again = version_article(version, article.url)
    assert [(p.text, p.boilerplate) for p in again.paragraphs] == [
        (p.text, p.boilerplate) for p in original.paragraphs
    ]
    assert (again.title, again.outlet, again.date, again.byline) == (
        original.title,
        original.outlet,
        original.date,
        original.byline,
    )
    labelled = version_article(version, article.url, label=True)
    assert labelled.outlet == f"{original.outlet} · version 1, 2026-12-01 10:01 UTC"


def test_an_older_store_is_migrated_step_by_step_keeping_its_data(store_url: str) -> None:
    with Store.open(store_url) as first:
        first.add_feed("https://a.example/feed.xml")
        assert first.version() == len(MIGRATIONS)

    def add_column(conn: sa.Connection) -> None:
        conn.exec_driver_sql("ALTER TABLE feeds ADD COLUMN category TEXT")

    with Store.open(store_url) as again:
        assert again.migrate([*MIGRATIONS, add_column]) == len(MIGRATIONS) + 1
        assert again.version() == len(MIGRATIONS) + 1
        assert [f.url for f in again.feeds()] == ["https://a.example/feed.xml"]
        assert "category" in _columns(again, "feeds")


def test_a_failing_migration_leaves_the_store_as_it_was(store: Store) -> None:
    def half_done(conn: sa.Connection) -> None:
        conn.exec_driver_sql("ALTER TABLE feeds ADD COLUMN category TEXT")
        conn.exec_driver_sql("CREATE TABLE drafts (id INTEGER PRIMARY KEY)")
        raise RuntimeError("the step fails halfway")

    with pytest.raises(RuntimeError):
        store.migrate([*MIGRATIONS, half_done])
    assert store.version() == len(MIGRATIONS)
    assert "category" not in _columns(store, "feeds") and "drafts" not in _tables(store)


def test_a_store_from_a_newer_newsdiff_is_refused_in_one_line(store_url: str) -> None:
    with Store.open(store_url) as store, store.engine.begin() as conn:
        conn.execute(sa.update(schema_version).values(version=99))
    with pytest.raises(InputError, match="schema version 99, made by a newer newsdiff"):
        Store.open(store_url)


def test_a_data_dir_that_cannot_be_created_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(InputError, match="cannot create the data folder"):
        Store.open(f"sqlite:///{blocker / 'sub' / DB_NAME}")


def test_an_interrupted_transaction_keeps_what_was_committed_before(store: Store) -> None:
    store.add_feed("https://a.example/feed.xml")
    feed = store.feeds()[0]
    store.record_feed(feed.id, checked_at="2026-12-01T10:00:00Z", entries=[_entry(1)])

    class StopHereError(Exception):
        pass

    def entries() -> object:
        yield _entry(2)
        raise StopHereError  # as Ctrl+C would, in the middle of a feed's listing

    with pytest.raises(StopHereError):
        store.record_feed(feed.id, checked_at="2026-12-01T11:00:00Z", entries=entries())  # type: ignore[arg-type]
    assert [a.url for a in store.articles()] == [_entry(1).url]
    assert store.feeds()[0].last_checked == "2026-12-01T10:00:00Z"


def test_a_version_1_store_gains_the_stories_tables_keeping_its_feeds(store_url: str) -> None:
    engine_store = Store(open_engine(store_url))
    assert engine_store.migrate(MIGRATIONS[:1]) == 1  # a store written before stories existed
    engine_store.add_feed("https://a.example/feed.xml")
    assert not {"stories", "story_articles"} & _tables(engine_store)
    engine_store.close()
    with Store.open(store_url) as store:
        assert store.version() == len(MIGRATIONS) >= 2
        assert [f.url for f in store.feeds()] == ["https://a.example/feed.xml"]
        assert store.story_listing() == []
        assert {"stories", "story_articles"} <= _tables(store)


def test_the_store_modules_stay_pure() -> None:
    import subprocess
    import sys

    modules = ", ".join(
        f"newsdiff.core.{name}" for name in ("store.database", "refresh", "versions", "opml", "stories")
    )
    code = f"import sys, {modules}; print(sorted(m for m in ('rich', 'textual') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_file_that_is_not_a_database_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    path.write_bytes(b"these are not the droids\n" * 100)
    with pytest.raises(InputError) as caught:
        Store.open(f"sqlite:///{path}")
    assert str(caught.value) == f"{path}: cannot use the store (file is not a database)"


def test_a_database_error_inside_the_store_s_with_is_one_line(sqlite_store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught, sqlite_store, sqlite_store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO no_such_table VALUES (1)")
    assert (
        str(caught.value)
        == f"{tmp_path / 'data' / DB_NAME}: cannot use the store (no such table: no_such_table)"
    )


def test_a_database_error_is_one_line_naming_the_store_on_either_database(store: Store) -> None:
    with pytest.raises(InputError) as caught, store, store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO no_such_table VALUES (1)")
    message = str(caught.value)
    assert message.startswith(f"{shown_url(store.engine.url)}: cannot use the store (")
    assert "no_such_table" in message and "\n" not in message


def test_unread_counts_fall_as_articles_are_marked_read(store: Store) -> None:
    store.add_feed("https://a.example/feed.xml")
    store.add_feed("https://b.example/feed.xml")
    a, b = store.feeds()
    store.record_feed(a.id, checked_at="2026-12-01T10:00:00Z", entries=[_entry(1), _entry(2)])
    store.record_feed(b.id, checked_at="2026-12-01T10:05:00Z", entries=[_entry(3)])
    one, two, three = store.articles()
    story = store.add_to_story(one.id, None, created="2026-12-01T10:06:00Z")
    store.add_to_story(three.id, story, created="2026-12-01T10:06:00Z")
    other = store.add_to_story(two.id, None, created="2026-12-01T10:06:00Z")
    listing = {row.id: row for row in store.story_listing()}
    assert (listing[story].unread, listing[other].unread) == (2, 1)
    assert store.mark_read([one.id, three.id], at="2026-12-01T11:00:00Z") == 2
    assert store.mark_read([one.id], at="2026-12-01T12:00:00Z") == 0  # already read
    listing = {row.id: row for row in store.story_listing()}
    assert (listing[story].unread, listing[other].unread) == (0, 1)
    # Newest first, by each story's newest article.
    assert [row.id for row in store.story_listing()] == [story, other]


def test_the_same_entries_from_two_writers_are_stored_once(store_url: str) -> None:
    # Two refreshes on one PostgreSQL store (or two processes on one SQLite file) may list the
    # same feed: INSERT ... ON CONFLICT DO NOTHING keeps one row and neither fails.
    with Store.open(store_url) as one, Store.open(store_url) as other:
        assert one.add_feed("https://a.example/feed.xml")
        assert not other.add_feed("https://a.example/feed.xml")
        feed = one.feeds()[0]
        listed = [_entry(1), _entry(2), _entry(1)]  # a feed may list one link twice
        assert one.record_feed(feed.id, checked_at="2026-12-01T10:00:00Z", entries=listed) == 2
        assert other.record_feed(feed.id, checked_at="2026-12-01T10:01:00Z", entries=listed) == 0
        assert [(a.url, a.title) for a in other.articles()] == [(_entry(n).url, f"Story {n}") for n in (1, 2)]
        first = one.articles()[0]
        assert one.mark_read([first.id, first.id], at="2026-12-01T11:00:00Z") == 1
        assert other.mark_read([first.id], at="2026-12-01T11:01:00Z") == 0


def test_a_plain_postgresql_url_opens_with_psycopg(postgres_server: PostgresServer) -> None:
    url = postgres_server.new_database().replace("postgresql+psycopg://", "postgresql://")
    with Store.open(url) as store:
        assert store.engine.url.drivername == "postgresql+psycopg"
        assert store.add_feed("https://a.example/feed.xml")
        assert store.version() == len(MIGRATIONS)


def test_an_unreachable_server_is_one_line_without_the_password(tmp_path: Path) -> None:
    url = f"postgresql://reader:s3cret@/news?host={tmp_path / 'no-server'}&port=5432"
    with pytest.raises(InputError) as caught:
        Store.open(url)
    message = str(caught.value)
    assert (
        message.startswith("postgresql+psycopg://reader:***@/news?") and "cannot use the store (" in message
    )
    assert "s3cret" not in message and "\n" not in message


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "not a store URL (sqlite:///PATH or postgresql://USER@HOST/DATABASE)"),
        ("mysql://u:pw@host/db", "mysql://u:***@host/db: not a SQLite or PostgreSQL store"),
        ("sqlite://", "a SQLite store needs a file"),
    ],
)
def test_a_store_url_newsdiff_cannot_use_is_one_line(url: str, expected: str) -> None:
    with pytest.raises(InputError, match=re.escape(expected)):
        Store.open(url)


def test_without_postgresql_the_tests_fail_under_ci_and_skip_elsewhere() -> None:
    with pytest.raises(pytest.fail.Exception, match=r"CI runs the store tests on PostgreSQL.*no initdb"):
        unavailable("no initdb", {"CI": "true"})
    with pytest.raises(pytest.skip.Exception, match="no PostgreSQL server for the store tests: no initdb"):
        unavailable("no initdb", {})
    with pytest.raises(pytest.skip.Exception):
        unavailable("no initdb", {"CI": "false"})
