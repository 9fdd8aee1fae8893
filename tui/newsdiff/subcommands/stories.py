"""``newsdiff stories``: the stories that formed across outlets, newest first, with their articles.

Stories are formed by ``newsdiff refresh`` (see ``core/stories.py``): each new article joins the
story of the other outlets' article that tells the same thing, or starts its own.
"""

from __future__ import annotations

import argparse
import sys

from newsdiff.core.store.records import StoryRow
from newsdiff.core.text import one_line
from newsdiff.exit_codes import EXIT_OK
from newsdiff.subcommands.args import CommandParser, add_store_option
from newsdiff.subcommands.options import open_store

DEFAULT_LIMIT = 20


def _count(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 up, not {value!r}")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="newsdiff stories",
        description="List the stories 'newsdiff refresh' formed across outlets, newest first: how "
        "many outlets and articles each has, then each article's outlet, headline and URL.",
    )
    parser.add_argument(
        "--limit",
        type=_count,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"the N newest (default {DEFAULT_LIMIT})",
    )
    parser.add_argument("--all", action="store_true", help="every story, not only the newest")
    parser.add_argument(
        "--min-outlets", type=_count, default=1, metavar="N", help="only stories told by at least N outlets"
    )
    add_store_option(parser)
    return parser


def story_lines(story: StoryRow) -> list[str]:
    from newsdiff.core.fetch import human_time

    outlets, articles = len(story.outlets), len(story.members)
    lines = [
        f"story {story.id} · {outlets} outlet{'' if outlets == 1 else 's'} · "
        f"{articles} article{'' if articles == 1 else 's'} · {story.unread} unread · "
        f"newest {human_time(story.newest)}"
    ]
    for article, feed_title in story.members:
        outlet = one_line(feed_title or "(unknown feed)")
        lines.append(f"  {outlet}  {one_line(article.title)}  {one_line(article.url)}")
    return lines


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        listing = store.story_listing(None if args.all or args.min_outlets > 1 else args.limit)
    listing = [story for story in listing if len(story.outlets) >= args.min_outlets]
    if not args.all:
        listing = listing[: args.limit]
    if not listing:
        sys.stdout.write("no stories yet: subscribe to feeds and run 'newsdiff refresh'\n")
        return EXIT_OK
    sys.stdout.write("".join(line + "\n" for story in listing for line in story_lines(story)))
    return EXIT_OK
