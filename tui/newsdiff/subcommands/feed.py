"""``newsdiff feed URL|FILE``: list an RSS/Atom feed's entries, and pick some to save or open.

Without ``--pick`` the entries are listed, numbered. ``--pick 1,3-5`` chooses entries by those
numbers: with ``-d FOLDER`` they are fetched and saved as a story folder (as ``newsdiff fetch``
does), with ``--open`` they open in the app as one story, and with neither their links are
printed one a line (for ``newsdiff $(newsdiff feed URL --pick 1-3)`` or any other tool).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from newsdiff.subcommands.args import (
    CommandParser,
    UsageError,
    add_network_options,
    add_size_option,
    reading_flags,
    source_argument,
)
from newsdiff.subcommands.options import command_options
from newsdiff.subcommands.output import emit, say

if TYPE_CHECKING:
    from newsdiff.core.feeds import Feed


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="newsdiff feed",
        description="List an RSS or Atom feed's entries (numbered), or pick entries to save "
        "(-d FOLDER), open in the app (--open) or print their links.",
    )
    parser.add_argument("feed", type=source_argument, metavar="URL|FILE", help="the feed")
    parser.add_argument("--pick", metavar="LIST", help="entries by number, e.g. 1,3-5")
    parser.add_argument("-d", "--dir", type=Path, metavar="FOLDER", help="save the picked entries here")
    parser.add_argument("--force", action="store_true", help="overwrite files already in FOLDER")
    parser.add_argument("--open", action="store_true", help="open the picked entries in the app")
    add_network_options(parser)
    add_size_option(parser)
    return parser


def listing(feed: Feed) -> str:
    """The numbered entries: number, date, title, and the link on the next line."""
    count = len(feed.entries)
    lines = [f"{feed.title} ({count} entr{'y' if count == 1 else 'ies'})"]
    width = len(str(count))
    for number, entry in enumerate(feed.entries, start=1):
        lines.append(f"{number:>{width}}  {entry.published or '----------'}  {entry.title}")
        lines.append(f"{'':>{width}}  {entry.link or '(no link)'}")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from newsdiff.core.feeds import picked_links, read_feed

    if (args.dir or args.open) and not args.pick:
        raise UsageError("-d and --open need --pick (which entries, e.g. --pick 1,3-5)")
    if args.dir and args.open:
        raise UsageError("choose -d FOLDER (save) or --open, not both")
    options = command_options(args).load
    feed = read_feed(args.feed, timeout=options.timeout, max_bytes=options.max_bytes)
    if feed.note:
        say(f"{feed.location}: {feed.note}")
    if not args.pick:
        emit(listing(feed))  # in pieces, so "| head -1" ends it with 141, not a silent 0
        return 0
    links = picked_links(feed, args.pick)
    # The picked links go to the app or to fetch with this command line's reading flags, parsed
    # again by their parser, so they are read exactly as the feed was.
    if args.open:
        from newsdiff.subcommands import open_app

        return open_app.run(open_app.build_parser().parse_args([*links, *reading_flags(args)]))
    if args.dir:
        from newsdiff.subcommands import fetch

        flags = ["-d", str(args.dir), *(["--force"] if args.force else []), *reading_flags(args)]
        return fetch.run(fetch.build_parser().parse_args([*links, *flags]))
    emit("".join(f"{link}\n" for link in links))
    return 0
