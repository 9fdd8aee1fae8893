"""``--store URL`` for the commands that use the subscription store, and opening the store they name.

Which store: ``--store``, else ``NEWSDIFF_STORE``, else the settings file's ``[store] url``, else
SQLite in the user data dir (``cli.settings_for`` decides, as for every other setting).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdiff.core.store.database import Store


def add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        metavar="URL",
        default=None,
        help="the store: sqlite:///PATH or postgresql://USER@HOST/DB (default: NEWSDIFF_STORE, else "
        "the settings file's [store] url, else newsdiff.db in the user data folder)",
    )


def open_store(args: argparse.Namespace) -> Store:
    """The store this command line names, open and migrated."""
    from newsdiff.cli import settings_for
    from newsdiff.core.store.database import Store

    return Store.open(settings_for(args).store_url)
