"""The ``newsdiff`` command: open the app, or print a comparison, a Markdown export or an alignment.

``newsdiff [PATH ...]`` opens the app; ``newsdiff diff|export|align A B`` work without it. The
first argument decides: one of the command names means that command, anything else is a path (a
file really named ``diff`` can be opened as ``./diff`` or after ``--``).

Imports are deferred to the command that needs them: ``newsdiff diff`` never imports Textual,
``export`` and ``align`` never import Rich, and ``--help`` imports neither nor the numeric stack,
so every command starts fast.

Every failure ends in one line on stderr, ``newsdiff: …``, never a traceback: exit 2 for a usage
mistake, 1 for bad input or a failed write, 130 on Ctrl-C, and 141 (as if killed by SIGPIPE) when
the reader of a pipe goes away, as ``head`` does.
"""

from __future__ import annotations

import argparse
import errno
import io
import os
import re
import shutil
import signal
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from newsdiff import __version__
from newsdiff.core.errors import InputError
from newsdiff.core.untrusted import safe_line

if TYPE_CHECKING:
    from newsdiff.core.article import Article
    from newsdiff.core.compare import Comparison
    from newsdiff.core.options import LoadOptions
    from newsdiff.core.settings import Settings

BUILTIN_COMMANDS = ("diff", "export", "align")
MODULE_COMMANDS: dict[str, str] = {
    # name -> module (under newsdiff.subcommands) defining ``build_parser() -> ArgumentParser`` and
    # ``run(args) -> int``; imported only when its command runs, so each stays cheap to start.
    "coverage": "coverage",
    "fetch": "fetch",
    "feed": "feed",
    "lineage": "lineage",
    "quotes": "quotes",
    # subscriptions and versions
    "subscribe": "subscribe",
    "unsubscribe": "unsubscribe",
    "feeds": "feeds",
    "refresh": "refresh",
    "opml": "opml",
    "versions": "versions",
    "stories": "stories",
}
COMMANDS = BUILTIN_COMMANDS + tuple(MODULE_COMMANDS)
DEFAULT_THRESHOLD_TEXT = "0.18"
"""Shown in --help; kept literal so --help need not import the aligner (numpy, scipy). A test
checks it against ``newsdiff.core.align.DEFAULT_THRESHOLD``."""
MIN_WIDTH = 40
"""Narrower than this, two columns of text cannot hold ordinary words without folding them."""
EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 0, 1, 2, 130, 141
EXIT_TERMINATED = 143

_SIZE = re.compile(r"(\d+)\s*([kmg]?)b?", re.IGNORECASE)
_UNITS = {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}


class UsageError(Exception):
    """The command line itself is wrong (exit 2), as opposed to the files it names (exit 1)."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake is one line naming the fix instead of usage text plus a message."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _size(value: str) -> int:
    """A byte count: ``20000000``, ``20M``, ``500k``, ``2GB`` (decimal units, as the loader reports)."""
    match = _SIZE.fullmatch(value.strip())
    if not match or int(match.group(1)) == 0:
        raise argparse.ArgumentTypeError(f"not a positive size in bytes: {value!r} (e.g. 20000000 or 20M)")
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


def _threshold(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be a number from 0 to 1, not {value!r}")
    return number


def _width(value: str) -> int:
    if not value.isdecimal() or int(value) < MIN_WIDTH:  # isdigit() takes "²", which int() refuses
        raise argparse.ArgumentTypeError(f"must be a whole number of columns, at least {MIN_WIDTH}")
    return int(value)


def _add_alignment_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--threshold",
        type=_threshold,
        default=None,
        metavar="T",
        help=f"how alike two sentences must be (0 to 1) to count as the same content "
        f"(default {DEFAULT_THRESHOLD_TEXT}); lower finds looser paraphrases",
    )
    parser.add_argument(
        "--max-size",
        type=_size,
        default=None,
        metavar="BYTES",
        help="refuse files larger than this (default 10M, or NEWSDIFF_MAX_BYTES); accepts k, M, G",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        metavar="PATH",
        help="read settings from this TOML file (default: NEWSDIFF_CONFIG, else the user config folder's "
        "newsdiff/config.toml); flags given here win over it",
    )


def _add_wording_options(parser: argparse.ArgumentParser) -> None:
    # --no-… forms too, so a flag can switch off what the settings file switched on.
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
        "--width", type=_width, default=None, metavar="N", help="columns to fit (default: the terminal's)"
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour or plain markers (default auto: colour on a terminal unless NO_COLOR is set)",
    )


def source_argument(value: str) -> Path | str:
    """A path, or a URL kept as text: ``Path("http://x/a")`` would fold the ``//`` away."""
    from newsdiff.core.fetch import is_url

    return value if is_url(value) else Path(value)


def _add_pair(parser: argparse.ArgumentParser) -> None:
    from newsdiff.subcommands.fetch import add_network_options

    help_a = "the first article (txt, md or html file, http(s) URL; - for stdin)"
    parser.add_argument("a", type=source_argument, metavar="A", help=help_a)
    parser.add_argument("b", type=source_argument, metavar="B", help="the second article (the same kinds)")
    add_network_options(parser)


_TOP_EPILOG = """\
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


_ALIGN_EPILOG = """\
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


def app_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsdiff",
        usage=(
            "newsdiff [OPTIONS] [PATH ...]\n       newsdiff {diff,export,align} A B [OPTIONS]\n"
            f"       newsdiff {{{','.join(MODULE_COMMANDS)}}} ... [OPTIONS]"
        ),
        description="See how different outlets tell the same story. Open articles (text files, or\n"
        "folders of them) in the app: it aligns the paragraphs that report the same thing and\n"
        "highlights how their wording differs.",
        epilog=_TOP_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=source_argument,
        metavar="PATH",
        help="article files (txt, md, html), folders or http(s) URLs; - reads one from stdin",
    )
    _add_alignment_options(parser)
    _add_wording_options(parser)
    from newsdiff.subcommands.fetch import add_network_options

    add_network_options(parser)
    parser.add_argument("--version", action="version", version=f"newsdiff {__version__}")
    return parser


def command_parser(name: str) -> argparse.ArgumentParser:
    """The parser of one command; ``prog`` reads ``newsdiff diff`` so messages name the command."""
    if name == "diff":
        parser = _Parser(
            prog="newsdiff diff",
            description="Print how B's wording differs from A's, aligned paragraph by paragraph. On a "
            "terminal, deletions are red and struck, insertions green and underlined; piped or with "
            "NO_COLOR, they are marked [-deleted-] and {+inserted+}. Long paragraphs wrap, never crop.",
        )
        _add_pair(parser)
        add_display_options(parser)
        _add_wording_options(parser)
    elif name == "export":
        parser = _Parser(
            prog="newsdiff export",
            description="Write the comparison as a Markdown document: sources, summary, legend, every "
            "aligned pair with <del>deletions</del> and <ins>insertions</ins>, then what only one "
            "side has. Article text is escaped so it can never become Markdown markup. --format html "
            "writes one self-contained page (side by side, no scripts), --format json the documented "
            "JSON of 'newsdiff align --format json'.",
        )
        _add_pair(parser)
        add_output_options(parser)
        parser.add_argument(
            "--format",
            choices=("md", "html", "json"),
            default=None,
            help="md (Markdown), html or json (default: from FILE's extension .md/.html/.json, else md)",
        )
        _add_wording_options(parser)
    else:
        parser = _Parser(
            prog="newsdiff align",
            description="Print which paragraphs of A and B report the same thing. Indices count\n"
            "paragraphs from 0 in file order, boilerplate included.",
            epilog=_ALIGN_EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        _add_pair(parser)
        parser.add_argument(
            "--format", choices=("text", "json"), default="text", help="text (tab-separated) or json"
        )
        parser.add_argument(
            "--facts",
            action="store_true",
            help="json: give each pair the numbers and names its sides state differently "
            "('discrepancies'; needs a word diff of every pair, so it takes longer)",
        )
    _add_alignment_options(parser)
    return parser


def settings_for(args: argparse.Namespace, *, say: bool = True) -> Settings:
    """The settings file's values with this command line's flags over them (a flag not given is
    None and leaves the file's value). A problem with the file is one line on stderr, then the
    command goes on with the defaults for what was wrong; ``say=False`` (the app, which shows it
    as a notice) leaves stderr alone: a line written under the app's screen showed after quitting,
    when it may no longer be true (the settings screen saves the missing file)."""
    from newsdiff.core.settings import load_config, with_overrides

    loaded = load_config(getattr(args, "config", None))
    if loaded.warning and say:
        _say(loaded.warning)
    args.config_path, args.config_warning = loaded.path, loaded.warning
    return with_overrides(
        loaded.settings,
        threshold=getattr(args, "threshold", None),
        ignore_case=getattr(args, "ignore_case", None),
        ignore_punctuation=getattr(args, "ignore_punctuation", None),
        strict_quotes=getattr(args, "strict_quotes", None),
        store_url=getattr(args, "store", None) or os.environ.get(STORE_ENV) or None,
    )


STORE_ENV = "NEWSDIFF_STORE"
"""The subscription store's URL, over the settings file's ``[store] url`` (``--store`` wins)."""
MAX_BYTES_ENV = "NEWSDIFF_MAX_BYTES"
TIMEOUT_ENV = "NEWSDIFF_FETCH_TIMEOUT"


def load_options(args: argparse.Namespace, env: Mapping[str, str] | None = None) -> LoadOptions:
    """How this command reads its sources: ``--max-size``, ``--timeout``, ``--refresh``, else the
    user's ``NEWSDIFF_MAX_BYTES`` / ``NEWSDIFF_FETCH_TIMEOUT`` (read here, the one place), else the
    defaults. The result is passed to the loader, fetcher and app; the environment is left alone,
    so nothing set for one command leaks into another or into a library caller."""
    from newsdiff.core.options import LoadOptions

    environ = os.environ if env is None else env
    defaults = LoadOptions()
    max_bytes = getattr(args, "max_size", None) or _positive(environ.get(MAX_BYTES_ENV), int)
    timeout = getattr(args, "timeout", None) or _positive(environ.get(TIMEOUT_ENV), float)
    return LoadOptions(
        max_bytes=int(max_bytes or defaults.max_bytes),
        timeout=float(timeout or defaults.timeout),
        refresh=bool(getattr(args, "refresh", False)),
    )


def _positive(value: str | None, kind: type[int] | type[float]) -> float | None:
    """A positive number from a variable, or None (unset, or not a number: the default applies)."""
    try:
        number = kind((value or "").strip())
    except ValueError:
        return None
    return number if 0 < number < float("inf") else None


def _load(path: Path | str, options: LoadOptions) -> Article:
    """One article, with its entry from the folder's ``newsdiff.toml`` as the app would use it."""
    from newsdiff.core.loader import load_article
    from newsdiff.core.metadata import load_metadata_file

    if isinstance(path, str):  # a URL (source_argument)
        from newsdiff.core.fetch import load_url

        return load_url(path, options)
    meta = load_metadata_file(path.parent).get(path.name) if path.is_file() else None
    return load_article(path, meta, options.max_bytes)


def _compare(args: argparse.Namespace) -> Comparison:
    settings = settings_for(args)
    options = load_options(args)
    a = _load(args.a, options)
    b = _load(args.b, options)
    # Only now the numeric stack: a bad file is reported before numpy and scipy are even imported.
    from newsdiff.core.compare import compare

    return compare(a, b, settings.threshold, settings.diff_options())


def run_diff(args: argparse.Namespace) -> int:
    print_diff(_compare(args), args)
    return EXIT_OK


def print_diff(comparison: Comparison, args: argparse.Namespace) -> None:
    """The comparison on stdout as ``add_display_options`` asked: on a terminal through a pager,
    as git does (it quits at once when all fits one screen), unless ``--no-pager``."""
    from newsdiff.terminal import page, wants_colour, write_comparison

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


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.exists() and one.samefile(other)
    except OSError:
        return False


def _emit(text: str, chunk: int = 1 << 16) -> None:
    """Write to stdout in pieces: one huge write that a closing pipe cuts short can end in a
    silent partial write, while a following write reports the broken pipe properly."""
    for start in range(0, len(text), chunk):
        sys.stdout.write(text[start : start + chunk])


def run_export(args: argparse.Namespace) -> int:
    output: Path | None = args.output
    if (
        output is not None
        and str(output) != "-"
        and (_same_file(output, args.a) or _same_file(output, args.b))
    ):
        raise InputError(f"{output}: is one of the articles being compared; choose another file")
    from newsdiff.core.export_formats import DEFAULT_FORMAT, format_of

    fmt = args.format or format_of(output) or DEFAULT_FORMAT
    comparison = _compare(args)
    from newsdiff.core.export_formats import render

    write_output(render(comparison, fmt), output, force=args.force)
    return EXIT_OK


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


def write_output(text: str, output: Path | None, *, force: bool) -> None:
    """To stdout (no FILE, or ``-``), else atomically to FILE, never over a file without ``force``."""
    from newsdiff.core.export import write_export

    if output is None or str(output) == "-":
        _emit(text)
        return
    write_export(output, text, force=force)
    tell(f"wrote {output}")


def run_align(args: argparse.Namespace) -> int:
    comparison = _compare(args)
    from newsdiff.core.serialize import alignment_text, comparison_json

    if args.format == "json":
        from newsdiff.core.untrusted import json_text

        _emit(json_text(comparison_json(comparison, facts=args.facts)))
    else:
        _emit(alignment_text(comparison))
    return EXIT_OK


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


def run_app(args: argparse.Namespace, options: LoadOptions | None = None) -> int:
    """Open the app, after checking every path (it exists; a folder holds articles) so a typo is a
    one-line error, not an empty screen. ``options``: how to read the sources (by default from
    ``args``, see ``load_options``)."""
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
    options = options or load_options(args)
    if any(str(path) == "-" for path in paths):
        _stdin_then_terminal(options.max_bytes)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("the app needs a terminal; for output you can pipe, use 'newsdiff diff A B'")
    settings = settings_for(args, say=False)
    from newsdiff.app import NewsdiffApp

    app = NewsdiffApp(
        paths=paths,
        settings=settings,
        config_path=args.config_path,
        config_warning=args.config_warning,
        load_options=options,
    )
    app.run()
    code = getattr(app, "return_code", None)
    return code if isinstance(code, int) else EXIT_OK


_RUNNERS = {"diff": run_diff, "export": run_export, "align": run_align}


def _dispatch(argv: Sequence[str]) -> int:
    runner: Callable[[argparse.Namespace], int]  # a module command's run() too, imported by name
    try:
        if argv and argv[0] in MODULE_COMMANDS:
            import importlib

            module = importlib.import_module(f"newsdiff.subcommands.{MODULE_COMMANDS[argv[0]]}")
            args = module.build_parser().parse_args(argv[1:])
            runner = module.run
        elif argv and argv[0] in COMMANDS:
            args = command_parser(argv[0]).parse_args(argv[1:])
            runner = _RUNNERS[argv[0]]
        else:
            args = app_parser().parse_args(argv)
            runner = run_app
    except SystemExit as exc:  # --help and --version end here, after printing
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    code = runner(args)
    sys.stdout.flush()  # surface a closed pipe here, inside the handlers, not at interpreter exit
    return code


def _say(message: str) -> None:
    """One line on stderr, whatever the message holds (a path may contain a newline or an escape)."""
    try:
        sys.stderr.write(f"newsdiff: {safe_line(message)}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def tell(line: str) -> None:
    """A note on stderr that is not an error (``wrote FILE``): one safe line; if stderr is closed
    the note is lost, and the command's outcome is unchanged."""
    try:
        sys.stderr.write(f"{safe_line(line)}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


def _detach_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the exit-time flush cannot complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


class Terminated(BaseException):
    """SIGTERM arrived: raised where the program is, so it unwinds as for Ctrl-C (an export's
    temporary file is removed) and exits 143. A BaseException, so no ``except Exception`` keeps it."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


class _ClosedOutput(io.TextIOBase):
    """Standard output when the shell closed it (``>&-``): Python leaves ``sys.stdout`` None. Writing
    is the error it would be on a closed descriptor; a command that writes nothing there succeeds."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False


def _closed_streams() -> None:
    """Stand-ins for closed standard streams: stdout fails on first write, one line says so; stderr
    discards, so notes such as ``wrote FILE`` cannot turn a success into a failure."""
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    if sys.stderr is None:
        sys.stderr = io.StringIO()


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (the console script exits with it)."""
    args = sys.argv[1:] if argv is None else argv
    _closed_streams()
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread (a test calling main): SIGTERM keeps its handler
        previous = None
    try:
        return _run_main(args)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _run_main(args: list[str]) -> int:
    try:
        return _dispatch(args)
    except Terminated:
        return EXIT_TERMINATED
    except UsageError as exc:
        _say(str(exc))
        return EXIT_USAGE
    except InputError as exc:
        _say(str(exc))
        return EXIT_INPUT
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _detach_stdout()
        return EXIT_BROKEN_PIPE
    except UnicodeEncodeError as exc:
        _say(
            f"the output encoding ({exc.encoding}) cannot represent the article text; "
            "use a UTF-8 locale or set PYTHONIOENCODING=utf-8"
        )
        return EXIT_INPUT
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        _say(f"{where}{exc.strerror or exc}")
        return EXIT_INPUT
