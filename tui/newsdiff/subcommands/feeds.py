"""``newsdiff feeds``: the subscriptions, one line each, with when each was checked and its last error."""

from __future__ import annotations

import argparse
import sys

from newsdiff.core.store.records import FeedRecord
from newsdiff.core.text import one_line
from newsdiff.exit_codes import EXIT_OK
from newsdiff.subcommands.args import CommandParser, add_store_option
from newsdiff.subcommands.options import open_store


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="newsdiff feeds",
        description="List the subscribed feeds, one line each: title, URL, stored articles, when it "
        "was last checked, and its error if the last check failed.",
    )
    add_store_option(parser)
    return parser


def feed_line(feed: FeedRecord, articles: int) -> str:
    """``title  URL  · 12 articles · checked 2026-12-03 10:05 UTC · error: …`` (all one line)."""
    from newsdiff.core.fetch import human_time

    parts = [f"{articles} article{'' if articles == 1 else 's'}"]
    parts.append(f"checked {human_time(feed.last_checked)}" if feed.last_checked else "never checked")
    if feed.last_error:
        parts.append(f"error: {one_line(feed.last_error)}")
    return f"{one_line(feed.title or '(no title yet)')}  {one_line(feed.url)}  · " + " · ".join(parts)


def run(args: argparse.Namespace) -> int:
    from newsdiff.core.store.connection import shown_url

    with open_store(args) as store:
        subscribed = store.feeds()
        counts = store.article_counts()
    if not subscribed:
        where = one_line(shown_url(store.engine.url))
        sys.stdout.write(f"no subscriptions yet (store: {where}); add one with 'newsdiff subscribe URL'\n")
        return EXIT_OK
    sys.stdout.write("".join(feed_line(feed, counts.get(feed.id, 0)) + "\n" for feed in subscribed))
    return EXIT_OK
