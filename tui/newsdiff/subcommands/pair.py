"""The two articles ``diff``, ``export`` and ``align`` compare: their arguments, reading, comparison."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from newsdiff.subcommands.args import add_network_options, source_argument
from newsdiff.subcommands.options import CommandOptions

if TYPE_CHECKING:
    from newsdiff.core.article import Article
    from newsdiff.core.comparison.model import Comparison
    from newsdiff.core.options import LoadOptions


def add_pair_arguments(parser: argparse.ArgumentParser) -> None:
    """``A`` and ``B`` (files, URLs or ``-``), and the network options a URL needs."""
    help_a = "the first article (txt, md or html file, http(s) URL; - for stdin)"
    parser.add_argument("a", type=source_argument, metavar="A", help=help_a)
    parser.add_argument("b", type=source_argument, metavar="B", help="the second article (the same kinds)")
    add_network_options(parser)


def load_source(path: Path | str, options: LoadOptions) -> Article:
    """One article, with its entry from the folder's ``newsdiff.toml`` as the app would use it."""
    from newsdiff.core.loader import load_article
    from newsdiff.core.metadata import load_metadata_file

    if isinstance(path, str):  # a URL (source_argument)
        from newsdiff.core.fetch import load_url

        return load_url(path, options)
    meta = load_metadata_file(path.parent).get(path.name) if path.is_file() else None
    return load_article(path, meta, options.max_bytes)


def compare_pair(args: argparse.Namespace, options: CommandOptions) -> Comparison:
    """A and B read as ``options`` say, then compared with its settings."""
    a = load_source(args.a, options.load)
    b = load_source(args.b, options.load)
    # Only now the numeric stack: a bad file is reported before numpy and scipy are even imported.
    from newsdiff.core.comparison.model import compare

    return compare(a, b, options.settings.threshold, options.settings.diff_options())
