"""``newsdiff unsubscribe URL``: stop refreshing a feed; its articles and their versions are kept."""

from __future__ import annotations

import argparse
import sys

from newsdiff.core.errors import InputError
from newsdiff.exit_codes import EXIT_OK
from newsdiff.subcommands.args import CommandParser, add_store_option
from newsdiff.subcommands.options import open_store


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="newsdiff unsubscribe",
        description="Stop refreshing a feed. The articles it brought and their versions stay in the "
        "store ('newsdiff versions URL' still shows them).",
    )
    parser.add_argument("url", metavar="URL", help="the feed's URL, as 'newsdiff feeds' lists it")
    add_store_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if not store.remove_feed(args.url):
            raise InputError(f"{args.url}: not subscribed (see 'newsdiff feeds')")
    sys.stdout.write(f"unsubscribed: {args.url}\n")
    return EXIT_OK
