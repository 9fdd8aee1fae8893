"""``newsdiff lineage PATHS``: how much of each article is reused from each other, and which way."""

from __future__ import annotations

import argparse

from newsdiff.cli import EXIT_OK, _emit, _Parser
from newsdiff.core.untrusted import json_text
from newsdiff.subcommands.coverage import add_story_arguments, load_story, threshold_of


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsdiff lineage",
        description="For every pair of articles that share text, the share of each one's words "
        "reused from the other (containment, not similarity) and the likely direction: "
        "'B condenses A: 70% of B reuses A'. Dates break near ties when the metadata gives them.",
    )
    add_story_arguments(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    threshold = threshold_of(args)
    articles = load_story(args)
    from newsdiff.core.lineage import lineage
    from newsdiff.core.story_export import lineage_json, lineage_markdown

    result = lineage(articles, threshold)
    if args.format == "json":
        _emit(json_text(lineage_json(result)))
    else:
        _emit(lineage_markdown(result))
    return EXIT_OK
