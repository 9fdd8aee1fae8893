"""From a store URL to a working engine: where the default SQLite file lives, SQLite's pragmas, the
PostgreSQL driver, the one statement whose SQL differs by dialect, and database failures as one line.

A store URL is SQLAlchemy's: ``sqlite:///PATH`` (the default, ``newsdiff.db`` under platformdirs'
user data dir, or ``NEWSDIFF_DATA_DIR``) or ``postgresql://USER[:PASSWORD]@HOST[:PORT]/DB``
(``postgresql+psycopg://`` said outright; plain ``postgresql://`` and ``postgres://`` mean the same,
psycopg 3 being the driver newsdiff installs with its ``postgres`` extra). Which URL a command uses
is decided at the command line's edge (``--store``, ``NEWSDIFF_STORE``, the settings file's
``[store] url``) and handed to ``Store.open``.

SQLite is opened in WAL mode (a reader, such as the app, never blocks a refresh that is writing)
with real transactions: Python's sqlite3 module by default neither begins a transaction before DDL
nor lets SQLAlchemy's ``begin()`` mean BEGIN, so both are set up here (the recipe in SQLAlchemy's
SQLite dialect notes). PostgreSQL needs none of that: its transactions, DDL included, are real.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from newsdiff.core.errors import InputError
from newsdiff.core.text import one_line

DB_NAME = "newsdiff.db"
DATA_DIR_ENV = "NEWSDIFF_DATA_DIR"
POSTGRES_DRIVER = "postgresql+psycopg"
URL_FORMS = "sqlite:///PATH or postgresql://USER@HOST/DATABASE"


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    """NEWSDIFF_DATA_DIR if set, else the platform's user data folder for newsdiff."""
    override = (os.environ if env is None else env).get(DATA_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("newsdiff"))


def default_url(env: Mapping[str, str] | None = None) -> str:
    return f"sqlite:///{data_dir(env) / DB_NAME}"


def shown_url(url: sa.URL) -> str:
    """How a store is named in messages: a SQLite file by its path, a server's URL without password."""
    if url.get_backend_name() == "sqlite":
        return str(url.database or url)
    return url.render_as_string(hide_password=True)


def open_engine(url: str) -> sa.Engine:
    """An engine for the store at ``url`` (not yet connected); a URL newsdiff cannot use is one line."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        raise InputError(f"{one_line(url)}: not a store URL ({URL_FORMS})") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(parsed)
    if backend in ("postgresql", "postgres"):
        return _postgres_engine(parsed)
    raise InputError(f"{one_line(shown_url(parsed))}: not a SQLite or PostgreSQL store ({URL_FORMS})")


def _sqlite_engine(url: sa.URL) -> sa.Engine:
    if not url.database or url.database == ":memory:":
        raise InputError(f"{one_line(str(url))}: a SQLite store needs a file ({URL_FORMS})")
    folder = Path(url.database).parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{folder}: cannot create the data folder ({exc.strerror})") from None
    engine = sa.create_engine(url)

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy's begin() emits BEGIN, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")  # WAL: a crash cannot corrupt or undo a commit
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")  # the app reading while a refresh writes
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # take the write lock now, not halfway through

    return engine


def _postgres_engine(url: sa.URL) -> sa.Engine:
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername=POSTGRES_DRIVER)
    try:
        # pool_pre_ping: a server restarted while the app was open costs a reconnect, not an error.
        return sa.create_engine(url, pool_pre_ping=True)
    except ImportError as exc:
        raise InputError(
            f"{one_line(shown_url(url))}: the PostgreSQL driver is not installed ({exc.name}); "
            "install it with: pip install 'newsdiff[postgres]'"
        ) from None


def insert_new(conn: sa.Connection, table: sa.Table, rows: Sequence[dict[str, Any]], key: str) -> int:
    """Insert the rows whose ``key`` (a unique column) is not stored yet; how many were new.

    INSERT … ON CONFLICT DO NOTHING, which both databases speak but SQLAlchemy builds per dialect:
    unlike a look-up then an insert, two writers (two refreshes on one PostgreSQL store) adding
    the same row never fail on the unique key.
    """
    if not rows:
        return 0
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).on_conflict_do_nothing(index_elements=[key]).returning(table.c[key])
    return len(conn.execute(statement, list(rows)).all())


def store_error(error: sa.exc.DBAPIError, engine: sa.Engine) -> InputError:
    """A database failure (a file that is not SQLite, a full disk, a store locked too long, a server
    that refuses the connection) as the one line the user sees, naming the store."""
    reason = one_line(str(error.orig)) or type(error.orig).__name__
    if "locked" in reason:
        reason += " (is another newsdiff refresh running?)"
    return InputError(f"{one_line(shown_url(engine.url))}: cannot use the store ({reason})")
