"""``newsdiff versions URL``: every stored version of an article, and what changed between them.

The list gives each version's number, when it was fetched and its headline, and says what changed
from the one before (the text, the headline and what it was); ``--format json`` gives the same
change log as JSON, and ``-o FILE`` writes either atomically (never over a file without --force).
``--diff`` prints the comparison of two versions exactly as ``newsdiff diff`` prints two articles:
by default the last two, ``--diff K`` version K against the one before, ``--diff K L`` any two.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from newsdiff.core.errors import InputError
from newsdiff.core.text import one_line
from newsdiff.exit_codes import EXIT_OK
from newsdiff.subcommands.args import (
    CommandParser,
    UsageError,
    add_alignment_options,
    add_display_options,
    add_output_options,
    add_store_option,
    add_wording_options,
)
from newsdiff.subcommands.options import command_options, open_store
from newsdiff.subcommands.output import write_output

if TYPE_CHECKING:
    from newsdiff.core.store.records import ArticleRecord, Version


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="newsdiff versions",
        description="List the stored versions of an article (from 'newsdiff refresh'): number, time "
        "fetched, headline, and what changed from the version before. With --diff, print the "
        "comparison of two versions as 'newsdiff diff' does.",
    )
    parser.add_argument("url", metavar="URL", help="the article's URL, as its feed listed it")
    parser.add_argument(
        "--diff",
        nargs="*",
        type=int,
        default=None,
        metavar="K",
        help="compare versions K and L (--diff K L), K and the one before (--diff K), "
        "or the last two (--diff)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="the version list as text (default) or JSON: the change log, for other tools",
    )
    add_output_options(parser)
    add_display_options(parser)
    add_wording_options(parser)
    add_alignment_options(parser)
    add_store_option(parser)
    return parser


def version_lines(article: ArticleRecord, history: list[Version]) -> list[str]:
    from newsdiff.core.fetch import human_time
    from newsdiff.core.versions import changes

    outlet = history[-1].snapshot.metadata.get("outlet") if history else None
    count = len(history)
    head = f"{one_line(outlet)} — " if outlet else ""
    lines = [f"{head}{article.url} ({count} version{'' if count == 1 else 's'})"]
    width = len(str(count))
    for change in changes(history):
        version = change.version
        notes = []
        if change.version.number == 1:
            notes.append("first seen")
        if change.text_changed:
            notes.append("text edited")
        if change.headline:
            notes.append(f"headline changed, was: {one_line(change.headline[0])}")
        lines.append(
            f"{version.number:>{width}}  {human_time(version.fetched_at)}  {one_line(version.title)}"
            f"  ({'; '.join(notes)})"
        )
    return lines


def pick(spec: list[int], count: int) -> tuple[int, int]:
    """The two version numbers ``--diff`` means; ``UsageError`` naming the mistake."""
    if count < 2:
        raise InputError(f"only {count} version stored: nothing to compare yet")
    if len(spec) > 2:
        raise UsageError("--diff takes at most two version numbers (--diff K L)")
    if not spec:
        return count - 1, count
    first, second = (spec[0] - 1, spec[0]) if len(spec) == 1 else (spec[0], spec[1])
    for number in (first, second):
        if not 1 <= number <= count:
            raise UsageError(f"--diff: there is no version {number} (versions 1 to {count})")
    if first == second:
        raise UsageError("--diff: give two different versions")
    return first, second


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        article = store.article(args.url)
        if article is None:
            raise InputError(f"{args.url}: not in the store (subscribe to its feed and 'newsdiff refresh')")
        history = store.versions(article.id)
    if not history:
        why = f" (last error: {article.last_error})" if article.last_error else ""
        raise InputError(f"{args.url}: no version stored yet{why}")
    if args.diff is None:
        if args.format == "json":
            from newsdiff.core.versions import change_log

            text = json.dumps(change_log(article.url, history), ensure_ascii=False, indent=2) + "\n"
        else:
            text = "".join(line + "\n" for line in version_lines(article, history))
        write_output(text, args.output, force=args.force)
        return EXIT_OK
    first, second = pick(args.diff, len(history))
    from newsdiff.core.comparison.model import compare
    from newsdiff.core.versions import version_article
    from newsdiff.subcommands.diff import print_diff

    settings = command_options(args).settings
    a = version_article(history[first - 1], article.url, label=True)
    b = version_article(history[second - 1], article.url, label=True)
    print_diff(compare(a, b, settings.threshold, settings.diff_options()), args)
    return EXIT_OK
