"""``Store``: the one interface to the subscription store, on SQLite or PostgreSQL.

Every method is one transaction: a refresh commits each feed's listing and each article's page on
its own, so Ctrl+C or a crash loses only the one in flight. The queries live with what they are
about (``feeds``, ``articles``, ``stories``); this class joins them to an engine and a schema.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from newsdiff.core.store.articles import ArticleQueries
from newsdiff.core.store.connection import default_url, open_engine, store_error
from newsdiff.core.store.feeds import FeedQueries
from newsdiff.core.store.schema import MIGRATIONS, Migration, articles, feeds, migrate, schema_version_of
from newsdiff.core.store.schema import stories as stories_table
from newsdiff.core.store.schema import versions as versions_table
from newsdiff.core.store.stories import StoryQueries


class Store(FeedQueries, ArticleQueries, StoryQueries):
    """The database behind subscriptions, versions and stories."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """The store at ``url`` (default: SQLite under ``data_dir()``), migrated to the latest schema."""
        engine = open_engine(url or default_url())
        store = cls(engine)
        try:
            store.migrate()
        except sa.exc.DBAPIError as exc:
            engine.dispose()
            raise store_error(exc, engine) from None
        except BaseException:
            engine.dispose()
            raise
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: object, error: BaseException | None, _trace: object) -> None:
        """Close; a database error inside the ``with`` becomes a one-line ``InputError``."""
        self.close()
        if isinstance(error, sa.exc.DBAPIError):
            raise store_error(error, self.engine) from None

    def version(self) -> int:
        return schema_version_of(self.engine)

    def migrate(self, migrations: Sequence[Migration] | None = None) -> int:
        """Run the steps this store lacks (see ``schema.migrate``); the version reached."""
        return migrate(self.engine, MIGRATIONS if migrations is None else migrations)

    def counts(self) -> dict[str, int]:
        """How many feeds, articles and versions are stored (for summaries and tests)."""
        with self.engine.connect() as conn:
            return {
                name: int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
                for name, table in (
                    ("feeds", feeds),
                    ("articles", articles),
                    ("versions", versions_table),
                    ("stories", stories_table),
                )
            }
