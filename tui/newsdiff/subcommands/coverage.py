"""``newsdiff coverage PATHS``: which sources carry which report, across all the articles at once."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsdiff.cli import EXIT_OK, _add_alignment_options, _emit, _Parser, _say, load_options, settings_for
from newsdiff.core.article import Article
from newsdiff.core.errors import InputError
from newsdiff.core.untrusted import json_text


def add_story_arguments(parser: argparse.ArgumentParser) -> None:
    """PATHS and --format, shared with ``newsdiff lineage``."""
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article files or folders")
    parser.add_argument("--format", choices=("md", "json"), default="md", help="Markdown (default) or JSON")
    _add_alignment_options(parser)


def load_story(args: argparse.Namespace) -> list[Article]:
    """Every article under the paths; a bad file is one line on stderr and the rest still load."""
    from newsdiff.core.loader import load_paths

    result = load_paths(args.paths, load_options(args))
    for error in result.errors:
        _say(f"skipped {error}")
    if len(result.articles) < 2:
        raise InputError(f"{len(result.articles)} article(s) loaded; the story view needs at least two")
    return result.articles


def threshold_of(args: argparse.Namespace) -> float:
    """``--threshold``, else the settings file's: read as every command reads it (``settings_for``),
    a missing or broken ``--config`` file being the same one warning line."""
    return settings_for(args).threshold


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsdiff coverage",
        description="Group the paragraphs of all the articles into reports (paragraphs of different "
        "sources that tell the same content) and print them, most widely carried first, with each "
        "source's exclusive content. Paragraph indices are as in 'newsdiff align' (from 0, "
        "boilerplate included).",
    )
    add_story_arguments(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    threshold = threshold_of(args)
    articles = load_story(args)
    from newsdiff.core.coverage import coverage
    from newsdiff.core.story_export import coverage_json, coverage_markdown

    result = coverage(articles, threshold)
    if args.format == "json":
        _emit(json_text(coverage_json(result)))
    else:
        _emit(coverage_markdown(result))
    return EXIT_OK
