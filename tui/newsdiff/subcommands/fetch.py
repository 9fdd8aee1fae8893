"""``newsdiff fetch URL... -d FOLDER``: keep a story as a folder of Markdown articles.

Any source the app opens works (URLs, HTML, Markdown and text files, folders); each becomes one
Markdown file with YAML front matter, and ``newsdiff FOLDER`` reopens exactly the same paragraphs.
One failing source is one line on stderr; the others are still saved (exit status 1 if any failed).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsdiff.core.errors import InputError
from newsdiff.subcommands.args import CommandParser, add_network_options, add_size_option, source_argument
from newsdiff.subcommands.options import command_options
from newsdiff.subcommands.output import say, tell


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
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


def run(args: argparse.Namespace) -> int:
    """Save the sources, read as this command line says (``command_options``)."""
    from newsdiff.core.fetch import human_time
    from newsdiff.core.loader import iter_load
    from newsdiff.core.story_folder import save_story

    articles = []
    failed = 0
    for _, _, item in iter_load(args.sources, command_options(args).load):
        if isinstance(item, InputError):
            say(str(item))
            failed += 1
        else:
            articles.append(item)
            if item.extra.get("from-cache"):
                say(f"{item.path}: from cache, fetched {human_time(item.extra.get('fetched-at', '?'))}")
    if not articles:
        raise InputError("nothing to save: no source could be read")
    for path in save_story(articles, args.dir, force=args.force):
        tell(f"wrote {path}")
    return 1 if failed else 0
