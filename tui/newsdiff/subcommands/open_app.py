"""``newsdiff [PATH ...]``: open the app, what runs when the first argument names no command.

Its parser is also the top-level ``--help``, which lists every command and the exit statuses.
Textual is imported only once the paths are checked and a terminal is there.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from newsdiff import __version__
from newsdiff.core.errors import InputError
from newsdiff.exit_codes import EXIT_OK
from newsdiff.subcommands import COMMANDS, OTHER_COMMANDS, PAIR_COMMANDS
from newsdiff.subcommands.args import (
    CommandParser,
    UsageError,
    add_alignment_options,
    add_network_options,
    add_wording_options,
    source_argument,
)
from newsdiff.subcommands.options import command_options

_EPILOG = """\
commands:
  diff A B      print the comparison, side by side (or --inline), coloured on a terminal
  export A B    write the comparison as Markdown, HTML or JSON (-o FILE, or standard output)
  align A B     print which paragraphs align (--format text or json)
  fetch URL... -d FOLDER   save articles (URLs, files) as a folder of Markdown files
  feed URL|FILE   list an RSS/Atom feed's entries (--pick 1,3-5 -d FOLDER saves them)
  coverage PATHS  which sources carry which report, and each one's exclusive content (--format md|json)
  lineage PATHS   how much of each article reuses each other one, and which way (--format md|json)
  quotes PATHS    who is quoted saying what, each utterance's wording in every outlet (--format md|json)
  subscribe URL...  subscribe to feeds (kept in the store: see 'Subscriptions and versions' in the README)
  unsubscribe URL   stop refreshing a feed (its articles and versions are kept)
  feeds           the subscriptions, one line each, with the last error
  refresh         fetch the feeds and their articles, keeping every new version (--jobs N, --force)
  opml import FILE | opml export [-o FILE]   subscriptions as OPML (newsboat's format)
  versions URL    an article's versions and headline changes; --diff [K L] compares two of them
  stories         the stories refresh formed across outlets, newest first (--min-outlets N)

Run 'newsdiff COMMAND --help' for a command's options. With no PATH, the app opens the bundled
example story. Settings (and remapped keys) are read from --config PATH, else NEWSDIFF_CONFIG,
else config.toml in the user config folder (~/.config/newsdiff/ on Linux); flags win over them.

exit status:
  0    ok
  1    bad input (a missing, unreadable, binary, empty or too large file) or a failed write
  2    usage mistake (a wrong option or value)
  130  interrupted (Ctrl-C)
  141  the reader of the output went away (as in 'newsdiff diff A B | head')
  143  terminated (SIGTERM; the app restores the terminal first)
"""


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="newsdiff",
        usage=(
            "newsdiff [OPTIONS] [PATH ...]\n"
            f"       newsdiff {{{','.join(PAIR_COMMANDS)}}} A B [OPTIONS]\n"
            f"       newsdiff {{{','.join(OTHER_COMMANDS)}}} ... [OPTIONS]"
        ),
        description="See how different outlets tell the same story. Open articles (text files, or\n"
        "folders of them) in the app: it aligns the paragraphs that report the same thing and\n"
        "highlights how their wording differs.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=source_argument,
        metavar="PATH",
        help="article files (txt, md, html), folders or http(s) URLs; - reads one from stdin",
    )
    add_alignment_options(parser)
    add_wording_options(parser)
    add_network_options(parser)
    parser.add_argument("--version", action="version", version=f"newsdiff {__version__}")
    return parser


def _stdin_then_terminal(max_size: int) -> None:
    """For ``-`` in the app: read the piped article now, then take keys from the terminal.

    The app reads keys from file descriptor 0, which is the pipe; once the article is read, the
    controlling terminal is put in its place, as ``less`` and ``vim -`` do.
    """
    if sys.stdin is not None and sys.stdin.isatty():
        raise UsageError(
            "'-' reads an article from standard input: pipe one in (cat a.txt | newsdiff - b.txt)"
        )
    from newsdiff.core.loader import read_stdin

    read_stdin(max_size)
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return  # no terminal at all: the check that follows says the app needs one
    os.dup2(terminal, 0)
    os.close(terminal)


def run(args: argparse.Namespace) -> int:
    """Open the app, after checking every path (it exists; a folder holds articles) so a typo is a
    one-line error, not an empty screen. The app gets the settings and load options of this
    command line (``command_options``); a problem with the settings file it shows as a notice."""
    from newsdiff.core.loader import expand
    from newsdiff.core.seeds import seeds_dir

    paths: list[Path | str] = args.paths or [seeds_dir()]
    for path in paths:
        if isinstance(path, str) or str(path) == "-":  # URLs are fetched in the app, one line each
            continue
        if not path.exists():
            hint = f" (commands come first: newsdiff {path} ...)" if str(path) in COMMANDS else ""
            raise InputError(f"{path}: no such file or folder{hint}")
        if path.is_dir():
            expand([path])  # a folder with no article files is an error here, not an empty story
    options = command_options(args, quiet=True)
    if any(str(path) == "-" for path in paths):
        _stdin_then_terminal(options.load.max_bytes)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("the app needs a terminal; for output you can pipe, use 'newsdiff diff A B'")
    from newsdiff.app import NewsdiffApp

    app = NewsdiffApp(
        paths=paths,
        settings=options.settings,
        config_path=options.config_path,
        config_warning=options.config_warning,
        load_options=options.load,
    )
    app.run()
    code = getattr(app, "return_code", None)
    return code if isinstance(code, int) else EXIT_OK
