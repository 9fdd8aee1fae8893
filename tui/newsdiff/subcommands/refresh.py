"""``newsdiff refresh``: fetch the subscribed feeds and their articles, keeping every new version.

See ``core/refresh.py`` for what is fetched and when. Each feed or page that fails is one line on
stderr and the others go on; the summary is one line on stdout. Exit status 1 if anything failed,
130 on Ctrl+C (what was stored before it is kept).
"""

from __future__ import annotations

import argparse
import sys

from newsdiff.core.errors import InputError
from newsdiff.core.refresh import DEFAULT_INTERVAL, DEFAULT_JOBS, DEFAULT_PER_HOST, DEFAULT_RECHECK_DAYS
from newsdiff.core.text import one_line
from newsdiff.exit_codes import EXIT_INPUT, EXIT_OK
from newsdiff.subcommands.args import CommandParser, add_size_option, add_store_option, add_timeout_option
from newsdiff.subcommands.options import command_options, open_store
from newsdiff.subcommands.output import say

MAX_JOBS = 32


def _jobs(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= MAX_JOBS:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_JOBS}, not {value!r}")
    return int(value)


def _amount(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 100_000:
        raise argparse.ArgumentTypeError(f"must be a number from 0 up, not {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="newsdiff refresh",
        description="Fetch the subscribed feeds (a conditional GET: an unchanged feed costs a 304), "
        "store their new articles, and fetch the recent articles again to keep each new version "
        "(changed text or headline). A feed or article checked less than --interval minutes ago "
        "is not fetched again unless --force.",
    )
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=DEFAULT_JOBS,
        metavar="N",
        help=f"fetches at a time (default {DEFAULT_JOBS})",
    )
    parser.add_argument(
        "--per-host",
        type=_jobs,
        default=DEFAULT_PER_HOST,
        metavar="N",
        help=f"at most N fetches at a time from one host (default {DEFAULT_PER_HOST})",
    )
    parser.add_argument(
        "--interval",
        type=_amount,
        default=DEFAULT_INTERVAL,
        metavar="MIN",
        help=f"do not fetch what was checked less than MIN minutes ago (default {DEFAULT_INTERVAL})",
    )
    parser.add_argument(
        "--recheck-days",
        type=_amount,
        default=DEFAULT_RECHECK_DAYS,
        metavar="D",
        help="fetch again the articles first seen in the last D days, for edits "
        f"(default {DEFAULT_RECHECK_DAYS:g})",
    )
    parser.add_argument(
        "--force", action="store_true", help="fetch everything now, unconditionally (no 304s, no interval)"
    )
    add_timeout_option(parser)
    add_size_option(parser)
    add_store_option(parser)
    return parser


class _Progress:
    """``refreshing: feeds 3 of 100: …`` rewritten in place on a terminal's stderr (nothing when
    stderr is a file or a pipe); an error line first clears it, so every error stays one line."""

    def __init__(self) -> None:
        self.on = sys.stderr.isatty()
        self.shown = 0

    def show(self, done: int, total: int, label: str) -> None:
        if not self.on:
            return
        import shutil

        width = max(20, shutil.get_terminal_size().columns - 1)
        text = one_line(f"refreshing: {done} of {total}: {label}")[:width]
        sys.stderr.write("\r" + text.ljust(self.shown))
        sys.stderr.flush()
        self.shown = len(text)

    def clear(self) -> None:
        if self.on and self.shown:
            sys.stderr.write("\r" + " " * self.shown + "\r")
            self.shown = 0

    def error(self, message: str) -> None:
        self.clear()
        say(message)


def run(args: argparse.Namespace) -> int:
    from newsdiff.core.refresh import Refresher

    load = command_options(args).load
    with open_store(args) as store:
        if not store.feeds():
            raise InputError("no subscriptions yet: add one with 'newsdiff subscribe URL'")
        progress = _Progress()
        refresher = Refresher(
            store,
            jobs=args.jobs,
            per_host=args.per_host,
            interval=args.interval,
            recheck_days=args.recheck_days,
            force=args.force,
            timeout=load.timeout,
            max_bytes=load.max_bytes,
            on_error=progress.error,
            on_progress=progress.show,
        )
        try:
            report = refresher.run()
        finally:
            progress.clear()
    for url in report.changed_articles:
        sys.stdout.write(f"changed: {url}\n")
    sys.stdout.write(report.summary() + "\n")
    return EXIT_INPUT if report.errors else EXIT_OK
