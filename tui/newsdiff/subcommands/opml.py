"""``newsdiff opml import FILE`` and ``newsdiff opml export [-o FILE]``: subscriptions as OPML.

The format newsboat and most feed readers exchange (see ``core/opml.py``). Import subscribes to
every feed the file lists (already subscribed ones are left as they are); export writes the
subscriptions, to standard output or atomically to a file that is never overwritten without
``--force``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from newsdiff.exit_codes import EXIT_OK
from newsdiff.subcommands.args import CommandParser, add_output_options, add_store_option
from newsdiff.subcommands.options import open_store
from newsdiff.subcommands.output import say, write_output

if TYPE_CHECKING:
    from newsdiff.core.store.database import Store


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="newsdiff opml",
        description="Import or export the subscriptions as OPML (newsboat's format).",
    )
    actions = parser.add_subparsers(
        dest="action", required=True, metavar="import|export", parser_class=CommandParser
    )
    reading = actions.add_parser(
        "import",
        help="subscribe to every feed an OPML file lists",
        description="Subscribe to every "
        "feed an OPML file lists (folders are flattened; feeds already subscribed are kept as they are).",
    )
    reading.add_argument("file", type=Path, metavar="FILE", help="the OPML file")
    writing = actions.add_parser(
        "export", help="write the subscriptions as OPML", description="Write the subscriptions as OPML."
    )
    add_output_options(writing)
    add_store_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if args.action == "import":
            return _import(store, args.file)
        return _export(store, args.output, args.force)


def _import(store: Store, path: Path) -> int:
    from newsdiff.core.loader import read_file_bytes
    from newsdiff.core.opml import parse_opml

    parsed = parse_opml(read_file_bytes(path), str(path))
    for line in parsed.skipped:
        say(line)
    added = sum(store.add_feed(feed.url, feed.title) for feed in parsed.feeds)
    kept = len(parsed.feeds) - added
    sys.stdout.write(
        f"{path}: {added} feed{'' if added == 1 else 's'} subscribed, {kept} already subscribed\n"
    )
    return EXIT_OK


def _export(store: Store, output: Path | None, force: bool) -> int:
    from newsdiff.core.opml import Outline, render_opml

    write_output(render_opml([Outline(feed.url, feed.title) for feed in store.feeds()]), output, force=force)
    return EXIT_OK
