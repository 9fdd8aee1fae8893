"""``newsdiff fetch URL... -d FOLDER``: keep a story as a folder of Markdown articles.

Any source the app opens works (URLs, HTML, Markdown and text files, folders); each becomes one
Markdown file with YAML front matter, and ``newsdiff FOLDER`` reopens exactly the same paragraphs.
One failing source is one line on stderr; the others are still saved (exit status 1 if any failed).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from newsdiff.cli import _Parser, _say, _size, load_options, source_argument, tell
from newsdiff.core.errors import InputError

if TYPE_CHECKING:
    from newsdiff.core.options import LoadOptions

NETWORK_HELP = "fetch pages again instead of using the copies kept in the cache"


def add_network_options(parser: argparse.ArgumentParser) -> None:
    """``--refresh`` and ``--timeout``, shared by every command that may fetch a URL."""
    parser.add_argument("--refresh", action="store_true", help=NETWORK_HELP)
    add_timeout_option(parser)


def add_timeout_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=None,
        metavar="S",
        help="give up on a server after S seconds without an answer (default 15)",
    )


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not 0 < number <= 3600:
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0, not {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsdiff fetch",
        description="Save articles (URLs, or HTML, Markdown and text files, or folders) into a "
        "folder, one Markdown file each with front matter (title, outlet, url, date, author, "
        "fetched-at). 'newsdiff FOLDER' reopens them with exactly the same paragraphs.",
    )
    parser.add_argument("sources", nargs="+", type=source_argument, metavar="URL", help="what to save")
    parser.add_argument("-d", "--dir", type=Path, required=True, metavar="FOLDER", help="the story folder")
    parser.add_argument("--force", action="store_true", help="overwrite files already in FOLDER")
    add_network_options(parser)
    add_size_option(parser)
    return parser


def add_size_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size",
        type=_size,
        default=None,
        metavar="BYTES",
        help="refuse files and pages larger than this (default 10M, or NEWSDIFF_MAX_BYTES)",
    )


def run(args: argparse.Namespace, options: LoadOptions | None = None) -> int:
    """Save the sources; ``options`` (by default from ``args``) say how to read them."""
    from newsdiff.core.fetch import human_time
    from newsdiff.core.loader import iter_load
    from newsdiff.core.story_folder import save_story

    articles = []
    failed = 0
    for _, _, item in iter_load(args.sources, options or load_options(args)):
        if isinstance(item, InputError):
            _say(str(item))
            failed += 1
        else:
            articles.append(item)
            if item.extra.get("from-cache"):
                _say(f"{item.path}: from cache, fetched {human_time(item.extra.get('fetched-at', '?'))}")
    if not articles:
        raise InputError("nothing to save: no source could be read")
    for path in save_story(articles, args.dir, force=args.force):
        tell(f"wrote {path}")
    return 1 if failed else 0
