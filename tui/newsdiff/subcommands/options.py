"""How a command runs, read once from its flags, the user's settings file and two variables.

``command_options`` is the one loader: every command calls it once and passes the result on
(``CommandOptions``: the settings with this command line's flags over them, and the
``LoadOptions`` that say how sources are read). ``NEWSDIFF_MAX_BYTES`` and
``NEWSDIFF_FETCH_TIMEOUT`` are read here and nowhere else; the environment is left alone, so
nothing set for one command leaks into another or into a library caller.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from newsdiff.subcommands.output import say

if TYPE_CHECKING:
    from newsdiff.core.options import LoadOptions
    from newsdiff.core.settings import Settings
    from newsdiff.core.store.database import Store

STORE_ENV = "NEWSDIFF_STORE"
"""The subscription store's URL, over the settings file's ``[store] url`` (``--store`` wins)."""
MAX_BYTES_ENV = "NEWSDIFF_MAX_BYTES"
TIMEOUT_ENV = "NEWSDIFF_FETCH_TIMEOUT"


class CommandOptions(NamedTuple):
    """``settings``: the file's values with the flags over them; ``load``: how sources are read;
    ``config_path`` and ``config_warning``: where the settings file is (the app's settings screen
    saves there) and what was wrong with it, if anything. Immutable; a NamedTuple rather than a
    dataclass so that ``--help``, which imports this module, does not import ``dataclasses``."""

    settings: Settings
    load: LoadOptions
    config_path: Path | None = None
    config_warning: str | None = None


def command_options(
    args: argparse.Namespace, *, quiet: bool = False, env: Mapping[str, str] | None = None
) -> CommandOptions:
    """This command's options. The settings file is read by the commands that offer ``--config``
    (``add_alignment_options``): a flag not given is None and leaves the file's value, and a
    problem with the file is one line on stderr, then the command goes on with the defaults for
    what was wrong. ``quiet`` (the app, which shows it as a notice) leaves stderr alone: a line
    written under the app's screen showed after quitting, when it may no longer be true (the
    settings screen saves the missing file). The other commands use no settings: theirs are the
    defaults, and no file is read."""
    from newsdiff.core.settings import Settings, load_config, with_overrides

    if not hasattr(args, "config") and not hasattr(args, "store"):
        return CommandOptions(Settings(), load_options(args, env))
    # The store commands take no --config, but their store may be named in the settings file.
    loaded = load_config(getattr(args, "config", None))
    environ = os.environ if env is None else env
    if loaded.warning and not quiet:
        say(loaded.warning)
    settings = with_overrides(
        loaded.settings,
        threshold=getattr(args, "threshold", None),
        ignore_case=getattr(args, "ignore_case", None),
        ignore_punctuation=getattr(args, "ignore_punctuation", None),
        strict_quotes=getattr(args, "strict_quotes", None),
        store_url=getattr(args, "store", None) or environ.get(STORE_ENV) or None,
    )
    return CommandOptions(settings, load_options(args, env), loaded.path, loaded.warning)


def load_options(args: argparse.Namespace, env: Mapping[str, str] | None = None) -> LoadOptions:
    """How this command reads its sources: ``--max-size``, ``--timeout``, ``--refresh``, else the
    user's ``NEWSDIFF_MAX_BYTES`` / ``NEWSDIFF_FETCH_TIMEOUT``, else the defaults (the part of
    ``command_options`` the loader, fetcher and app are given)."""
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


def open_store(args: argparse.Namespace) -> Store:
    """The store this command line names (``--store``, ``NEWSDIFF_STORE``, the settings file's
    ``[store] url``, else SQLite in the user data folder), open and migrated."""
    from newsdiff.core.store.database import Store

    return Store.open(command_options(args).settings.store_url)
