"""Every command of ``newsdiff``, one module each, named as the command (``newsdiff diff`` is
``diff.py``); ``open_app`` is ``newsdiff [PATH ...]``, what runs when no command is named.

Each module defines ``build_parser()`` and ``run(args) -> int``. They share ``args`` (the parser
class, value types, option groups, exit codes), ``options`` (the one loader of settings and load
options) and ``output`` (stdout, files, stderr lines); they raise ``InputError``/``UsageError``
for the one-line errors ``newsdiff.cli`` prints. None of them imports ``newsdiff.cli``: it only
dispatches to them, importing a command's module when it runs, so each stays cheap to start.
"""

PAIR_COMMANDS = ("diff", "export", "align")
"""The commands that compare two articles, ``A B``."""
OTHER_COMMANDS = (
    "coverage",
    "fetch",
    "feed",
    "lineage",
    "quotes",
    # subscriptions and versions
    "subscribe",
    "unsubscribe",
    "feeds",
    "refresh",
    "opml",
    "versions",
    "stories",
)
COMMANDS = PAIR_COMMANDS + OTHER_COMMANDS
