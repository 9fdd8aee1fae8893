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

from newsdiff.cli import _emit, _Parser, _say, load_options, source_argument
from newsdiff.subcommands.fetch import add_network_options, add_size_option

if TYPE_CHECKING:
    from newsdiff.core.feeds import Feed


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
    from newsdiff.cli import UsageError
    from newsdiff.core.feeds import picked_links, read_feed

    if (args.dir or args.open) and not args.pick:
        raise UsageError("-d and --open need --pick (which entries, e.g. --pick 1,3-5)")
    if args.dir and args.open:
        raise UsageError("choose -d FOLDER (save) or --open, not both")
    options = load_options(args)
    feed = read_feed(args.feed, timeout=options.timeout, max_bytes=options.max_bytes)
    if feed.note:
        _say(f"{feed.location}: {feed.note}")
    if not args.pick:
        _emit(listing(feed))  # in pieces, so "| head -1" ends it with 141, not a silent 0
        return 0
    links = picked_links(feed, args.pick)
    if args.open:
        from newsdiff.cli import app_parser, run_app

        return run_app(app_parser().parse_args(links), options)
    if args.dir:
        from newsdiff.subcommands import fetch

        flags = ["-d", str(args.dir), *(["--force"] if args.force else [])]
        return fetch.run(fetch.build_parser().parse_args([*links, *flags]), options)
    _emit("".join(f"{link}\n" for link in links))
    return 0
