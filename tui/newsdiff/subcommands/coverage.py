"""``newsdiff coverage PATHS``: which sources carry which report, across all the articles at once."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsdiff.core.article import Article
from newsdiff.core.errors import InputError
from newsdiff.core.untrusted import json_text
from newsdiff.exit_codes import EXIT_OK
from newsdiff.subcommands.args import CommandParser, add_alignment_options
from newsdiff.subcommands.options import CommandOptions, command_options
from newsdiff.subcommands.output import emit, say


def add_story_arguments(parser: argparse.ArgumentParser) -> None:
    """PATHS and --format, shared with ``newsdiff lineage``."""
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article files or folders")
    parser.add_argument("--format", choices=("md", "json"), default="md", help="Markdown (default) or JSON")
    add_alignment_options(parser)


def load_story(paths: list[Path], options: CommandOptions) -> list[Article]:
    """Every article under the paths; a bad file is one line on stderr and the rest still load."""
    from newsdiff.core.loader import load_paths

    result = load_paths(paths, options.load)
    for error in result.errors:
        say(f"skipped {error}")
    if len(result.articles) < 2:
        raise InputError(f"{len(result.articles)} article(s) loaded; the story view needs at least two")
    return result.articles


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="newsdiff coverage",
        description="Group the paragraphs of all the articles into reports (paragraphs of different "
        "sources that tell the same content) and print them, most widely carried first, with each "
        "source's exclusive content. Paragraph indices are as in 'newsdiff align' (from 0, "
        "boilerplate included).",
    )
    add_story_arguments(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    options = command_options(args)  # a broken --config is one warning line, as for every command
    articles = load_story(args.paths, options)
    from newsdiff.core.coverage import coverage
    from newsdiff.core.story_export import coverage_json, coverage_markdown

    result = coverage(articles, options.settings.threshold)
    if args.format == "json":
        emit(json_text(coverage_json(result)))
    else:
        emit(coverage_markdown(result))
    return EXIT_OK
