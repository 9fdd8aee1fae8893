"""``newsdiff subscribe URL...``: add feeds to the subscription store (``newsdiff refresh`` reads them).

Nothing is fetched here, as in newsboat: a feed that cannot be read says so at the next refresh,
one line, and ``newsdiff feeds`` shows its last error.
"""

from __future__ import annotations

import argparse
import sys

from newsdiff.core.text import one_line
from newsdiff.exit_codes import EXIT_INPUT, EXIT_OK
from newsdiff.subcommands.args import CommandParser, add_store_option
from newsdiff.subcommands.options import open_store
from newsdiff.subcommands.output import say


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="newsdiff subscribe",
        description="Subscribe to RSS or Atom feeds (http:// or https:// URLs). 'newsdiff refresh' then "
        "fetches them and keeps every article and every version of it; 'newsdiff feeds' lists them.",
    )
    parser.add_argument("urls", nargs="+", metavar="URL", help="the feeds' URLs")
    add_store_option(parser)
    return parser


def feed_url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a subscription, or None: only http(s) URLs with a host are fetched."""
    from urllib.parse import urlsplit

    from newsdiff.core.fetch import ALLOWED_SCHEMES

    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES or not parts.netloc or not url.isprintable() or " " in url:
        return f"{one_line(url)}: not a feed URL (only http:// and https:// feeds can be subscribed)"
    return None


def run(args: argparse.Namespace) -> int:
    failed = 0
    with open_store(args) as store:
        for url in args.urls:
            problem = feed_url_problem(url)
            if problem:
                say(problem)
                failed += 1
            elif store.add_feed(url):
                sys.stdout.write(f"subscribed: {url}\n")
            else:
                sys.stdout.write(f"already subscribed: {url}\n")
    return EXIT_INPUT if failed else EXIT_OK
