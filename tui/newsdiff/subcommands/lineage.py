"""``newsdiff lineage PATHS``: how much of each article is reused from each other, and which way."""

from __future__ import annotations

import argparse

from newsdiff.core.untrusted import json_text
from newsdiff.exit_codes import EXIT_OK
from newsdiff.subcommands.args import CommandParser
from newsdiff.subcommands.coverage import add_story_arguments, load_story
from newsdiff.subcommands.options import command_options
from newsdiff.subcommands.output import emit


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="newsdiff lineage",
        description="For every pair of articles that share text, the share of each one's words "
        "reused from the other (containment, not similarity) and the likely direction: "
        "'B condenses A: 70% of B reuses A'. Dates break near ties when the metadata gives them.",
    )
    add_story_arguments(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    options = command_options(args)
    articles = load_story(args.paths, options)
    from newsdiff.core.lineage import lineage
    from newsdiff.core.story_export import lineage_json, lineage_markdown

    result = lineage(articles, options.settings.threshold)
    if args.format == "json":
        emit(json_text(lineage_json(result)))
    else:
        emit(lineage_markdown(result))
    return EXIT_OK
