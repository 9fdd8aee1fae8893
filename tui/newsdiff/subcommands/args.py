"""The one argument module every command shares: the parser, the value types, the option groups.

A command's parser is a ``CommandParser``: a mistake is a ``UsageError``, which ``cli.main``
prints as one line and turns into exit 2. An option two commands take is added here, by one
function, so it reads, checks and documents the same everywhere. Nothing here imports more than
argparse: ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import NoReturn

DEFAULT_THRESHOLD_TEXT = "0.18"
"""Shown in --help; kept literal so --help need not import the aligner (numpy, scipy). A test
checks it against ``newsdiff.core.align.DEFAULT_THRESHOLD``."""
MIN_WIDTH = 40
"""Narrower than this, two columns of text cannot hold ordinary words without folding them."""
MAX_SECONDS = 3600
FILES_SIZE_HELP = "refuse files larger than this (default 10M, or NEWSDIFF_MAX_BYTES); accepts k, M, G"
PAGES_SIZE_HELP = "refuse files and pages larger than this (default 10M, or NEWSDIFF_MAX_BYTES)"
NETWORK_HELP = "fetch pages again instead of using the copies kept in the cache"

_SIZE = re.compile(r"(\d+)\s*([kmg]?)b?", re.IGNORECASE)
_UNITS = {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}


class UsageError(Exception):
    """The command line itself is wrong (exit 2), as opposed to the files it names (exit 1)."""


class CommandParser(argparse.ArgumentParser):
    """argparse, but a mistake is one line naming the fix instead of usage text plus a message."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


# -- value types -----------------------------------------------------------------------------------


def parse_size(value: str) -> int:
    """A byte count: ``20000000``, ``20M``, ``500k``, ``2GB`` (decimal units, as the loader reports)."""
    match = _SIZE.fullmatch(value.strip())
    if not match or int(match.group(1)) == 0:
        raise argparse.ArgumentTypeError(f"not a positive size in bytes: {value!r} (e.g. 20000000 or 20M)")
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


def parse_threshold(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be a number from 0 to 1, not {value!r}")
    return number


def parse_width(value: str) -> int:
    if not value.isdecimal() or int(value) < MIN_WIDTH:  # isdigit() takes "²", which int() refuses
        raise argparse.ArgumentTypeError(f"must be a whole number of columns, at least {MIN_WIDTH}")
    return int(value)


def parse_seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not 0 < number <= MAX_SECONDS:
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0, not {value!r}")
    return number


def source_argument(value: str) -> Path | str:
    """A path, or a URL kept as text: ``Path("http://x/a")`` would fold the ``//`` away."""
    from newsdiff.core.fetch import is_url

    return value if is_url(value) else Path(value)


# -- option groups ---------------------------------------------------------------------------------


def add_alignment_options(parser: argparse.ArgumentParser) -> None:
    """``--threshold``, ``--max-size`` and ``--config``: every command that aligns articles."""
    parser.add_argument(
        "--threshold",
        type=parse_threshold,
        default=None,
        metavar="T",
        help=f"how alike two sentences must be (0 to 1) to count as the same content "
        f"(default {DEFAULT_THRESHOLD_TEXT}); lower finds looser paraphrases",
    )
    add_size_option(parser, FILES_SIZE_HELP)
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        metavar="PATH",
        help="read settings from this TOML file (default: NEWSDIFF_CONFIG, else the user config folder's "
        "newsdiff/config.toml); flags given here win over it",
    )


def add_wording_options(parser: argparse.ArgumentParser) -> None:
    """How words are compared; ``--no-…`` forms too, so a flag can switch off what the settings
    file switched on."""
    flag = argparse.BooleanOptionalAction
    parser.add_argument(
        "--ignore-case", action=flag, default=None, help="treat 'Kim' and 'KIM' as the same word"
    )
    parser.add_argument(
        "--ignore-punctuation",
        action=flag,
        default=None,
        help="show only changed words, not changed punctuation",
    )
    parser.add_argument(
        "--strict-quotes",
        action=flag,
        default=None,
        help="count curly and straight quotes as different (by default they are the same)",
    )


def add_display_options(parser: argparse.ArgumentParser) -> None:
    """How ``diff`` (and ``versions --diff``) print: ``--inline``, ``--no-pager``,
    ``--no-boilerplate``, ``--width``, ``--color``."""
    parser.add_argument("--inline", action="store_true", help="one column, changes interleaved")
    parser.add_argument(
        "--no-pager",
        dest="pager",
        action="store_false",
        help="on a terminal, print instead of paging ($PAGER, else less -FRX)",
    )
    parser.add_argument(
        "--no-boilerplate",
        action="store_true",
        help="leave out the rows of boilerplate (captions, credits, copyright), as b does in the app",
    )
    parser.add_argument(
        "--width",
        type=parse_width,
        default=None,
        metavar="N",
        help="columns to fit (default: the terminal's)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour or plain markers (default auto: colour on a terminal unless NO_COLOR is set)",
    )


def add_network_options(parser: argparse.ArgumentParser) -> None:
    """``--refresh`` and ``--timeout``, shared by every command that may fetch a URL."""
    parser.add_argument("--refresh", action="store_true", help=NETWORK_HELP)
    add_timeout_option(parser)


def add_timeout_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        type=parse_seconds,
        default=None,
        metavar="S",
        help="give up on a server after S seconds without an answer (default 15)",
    )


def add_size_option(parser: argparse.ArgumentParser, help_text: str = PAGES_SIZE_HELP) -> None:
    """``--max-size BYTES``; ``help_text`` says what it refuses (files, or files and pages)."""
    parser.add_argument("--max-size", type=parse_size, default=None, metavar="BYTES", help=help_text)


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """``-o FILE`` and ``--force``, for every command that writes a document."""
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        metavar="FILE",
        help="write here (default: standard output)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def reading_flags(args: argparse.Namespace) -> list[str]:
    """``--max-size``, ``--timeout`` and ``--refresh`` as this command line gave them, for a
    command that runs another (``feed --pick`` opening the app or saving with ``fetch``): parsed
    again, they read the sources exactly as this command would (the variables fill the same gaps)."""
    flags = [] if args.max_size is None else ["--max-size", str(args.max_size)]
    flags += [] if args.timeout is None else ["--timeout", repr(args.timeout)]
    return flags + (["--refresh"] if args.refresh else [])


def add_store_option(parser: argparse.ArgumentParser) -> None:
    """``--store URL``, for the commands that use the subscription store."""
    parser.add_argument(
        "--store",
        metavar="URL",
        default=None,
        help="the store: sqlite:///PATH or postgresql://USER@HOST/DB (default: NEWSDIFF_STORE, else "
        "the settings file's [store] url, else newsdiff.db in the user data folder)",
    )
