"""``newsdiff align A B``: which paragraphs align, as tab-separated text or the documented JSON."""

from __future__ import annotations

import argparse

from newsdiff.exit_codes import EXIT_OK
from newsdiff.subcommands.args import CommandParser, add_alignment_options
from newsdiff.subcommands.options import command_options
from newsdiff.subcommands.output import emit
from newsdiff.subcommands.pair import add_pair_arguments, compare_pair

_EPILOG = """\
text format (the default):
  Lines starting with '#' are comments: the paths of A and B, and a reminder
  that indices count from 0. Then a header line, 'kind a b score boilerplate',
  then one line per row in reading order, its five cells separated by tabs:
    kind         pair, only_a or only_b
    a, b         the paragraph indices on each side, comma-separated ('-': none)
    score        the pair's similarity, 0 to 1, four decimals ('-': unpaired)
    boilerplate  why the paragraphs were set aside, comma-separated ('-': body)
  For the rows alone: newsdiff align A B | grep -v '^#' | tail -n +2

json format:
  {"a": {"path", "title", "outlet", "paragraphs": [str], "boilerplate": [int]},
   "b": {...}, "pairs": [{"a": [int], "b": [int], "score": float}],
   "only_a": [int], "only_b": [int], "summary": {...}}
  Every paragraph index appears exactly once across pairs, only_a and only_b.
  With --facts each pair also has
    "discrepancies": [{"kind": "number"|"name", "a": str, "b": str}].
"""


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="newsdiff align",
        description="Print which paragraphs of A and B report the same thing. Indices count\n"
        "paragraphs from 0 in file order, boilerplate included.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_pair_arguments(parser)
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (tab-separated) or json"
    )
    parser.add_argument(
        "--facts",
        action="store_true",
        help="json: give each pair the numbers and names its sides state differently "
        "('discrepancies'; needs a word diff of every pair, so it takes longer)",
    )
    add_alignment_options(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    comparison = compare_pair(args, command_options(args))
    from newsdiff.core.render.alignment_text import alignment_text
    from newsdiff.core.render.json import comparison_json

    if args.format == "json":
        from newsdiff.core.untrusted import json_text

        emit(json_text(comparison_json(comparison, facts=args.facts)))
    else:
        emit(alignment_text(comparison))
    return EXIT_OK
