"""``newsdiff export A B``: the comparison as a Markdown, HTML or JSON document (``-o FILE`` or stdout)."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsdiff.core.errors import InputError
from newsdiff.exit_codes import EXIT_OK
from newsdiff.subcommands.args import (
    CommandParser,
    add_alignment_options,
    add_output_options,
    add_wording_options,
)
from newsdiff.subcommands.options import command_options
from newsdiff.subcommands.output import write_output
from newsdiff.subcommands.pair import add_pair_arguments, compare_pair


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="newsdiff export",
        description="Write the comparison as a Markdown document: sources, summary, legend, every "
        "aligned pair with <del>deletions</del> and <ins>insertions</ins>, then what only one "
        "side has. Article text is escaped so it can never become Markdown markup. --format html "
        "writes one self-contained page (side by side, no scripts), --format json the documented "
        "JSON of 'newsdiff align --format json'.",
    )
    add_pair_arguments(parser)
    add_output_options(parser)
    parser.add_argument(
        "--format",
        choices=("md", "html", "json"),
        default=None,
        help="md (Markdown), html or json (default: from FILE's extension .md/.html/.json, else md)",
    )
    add_wording_options(parser)
    add_alignment_options(parser)
    return parser


def same_file(one: Path, other: Path | str) -> bool:
    """Whether ``one`` exists and is ``other``: an export must never be written over A or B."""
    try:
        return one.exists() and one.samefile(other)
    except OSError:
        return False


def run(args: argparse.Namespace) -> int:
    output: Path | None = args.output
    if output is not None and str(output) != "-" and (same_file(output, args.a) or same_file(output, args.b)):
        raise InputError(f"{output}: is one of the articles being compared; choose another file")
    from newsdiff.core.render.formats import DEFAULT_FORMAT, format_of

    fmt = args.format or format_of(output) or DEFAULT_FORMAT
    comparison = compare_pair(args, command_options(args))
    from newsdiff.core.render.formats import render

    write_output(render(comparison, fmt), output, force=args.force)
    return EXIT_OK
