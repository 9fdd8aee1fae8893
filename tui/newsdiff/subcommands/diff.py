"""``newsdiff diff A B``: the comparison on stdout, side by side (or ``--inline``), coloured on a terminal."""

from __future__ import annotations

import argparse
import io
import shutil
import sys
from typing import TYPE_CHECKING

from newsdiff.exit_codes import EXIT_OK
from newsdiff.subcommands.args import (
    CommandParser,
    add_alignment_options,
    add_display_options,
    add_wording_options,
)
from newsdiff.subcommands.options import command_options
from newsdiff.subcommands.pair import add_pair_arguments, compare_pair

if TYPE_CHECKING:
    from newsdiff.core.comparison.model import Comparison


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="newsdiff diff",
        description="Print how B's wording differs from A's, aligned paragraph by paragraph. On a "
        "terminal, deletions are red and struck, insertions green and underlined; piped or with "
        "NO_COLOR, they are marked [-deleted-] and {+inserted+}. Long paragraphs wrap, never crop.",
    )
    add_pair_arguments(parser)
    add_display_options(parser)
    add_wording_options(parser)
    add_alignment_options(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    print_diff(compare_pair(args, command_options(args)), args)
    return EXIT_OK


def print_diff(comparison: Comparison, args: argparse.Namespace) -> None:
    """The comparison on stdout as ``add_display_options`` asked: on a terminal through a pager,
    as git does (it quits at once when all fits one screen), unless ``--no-pager``."""
    from newsdiff.terminal import write_comparison
    from newsdiff.terminal_console import page, wants_colour

    colour = wants_colour(sys.stdout, args.color)
    options = {"colour": colour, "inline_view": args.inline, "hide_boilerplate": args.no_boilerplate}
    if args.pager and sys.stdout.isatty():
        buffer = io.StringIO()
        width = args.width or shutil.get_terminal_size().columns
        write_comparison(comparison, buffer, width=width, **options)
        if not page(buffer.getvalue()):
            sys.stdout.write(buffer.getvalue())
        return
    write_comparison(comparison, sys.stdout, width=args.width, **options)
