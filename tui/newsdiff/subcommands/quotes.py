"""``newsdiff quotes PATHS``: every direct quotation of the story, grouped by the utterance it renders."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsdiff.core.errors import InputError
from newsdiff.core.untrusted import json_text
from newsdiff.exit_codes import EXIT_OK
from newsdiff.subcommands.args import FILES_SIZE_HELP, CommandParser, add_size_option
from newsdiff.subcommands.options import command_options
from newsdiff.subcommands.output import emit, say


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="newsdiff quotes",
        description="Find the direct quotations of every article (quotes broken by their attribution "
        "joined, colon-introduced block quotes, nested quotes; scare quotes left out), say who the "
        "text credits with each, and group the renderings of one utterance across outlets, "
        "translations and partial quotes included. Most widely quoted first; utterances only one "
        "outlet quotes are flagged. Paragraph indices are as in 'newsdiff align' (from 0, "
        "boilerplate included).",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article files or folders")
    parser.add_argument("--format", choices=("md", "json"), default="md", help="Markdown (default) or JSON")
    add_size_option(parser, FILES_SIZE_HELP)
    return parser


def run(args: argparse.Namespace) -> int:
    from newsdiff.core.loader import load_paths
    from newsdiff.core.quotes import find_quote_clusters, quotes_json, quotes_markdown

    result = load_paths(args.paths, command_options(args).load)
    for error in result.errors:
        say(f"skipped {error}")
    if not result.articles:
        raise InputError("no article could be read")
    clusters = find_quote_clusters(result.articles)
    if args.format == "json":
        emit(json_text(quotes_json(clusters)))
    else:
        emit(quotes_markdown(clusters, result.articles))
    return EXIT_OK
