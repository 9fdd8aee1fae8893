"""The reader's lasting preferences: a small TOML file, read at start-up, written by the settings screen.

Where the file is, first match wins: ``--config PATH``, then ``NEWSDIFF_CONFIG``, then
``config.toml`` in platformdirs' user config folder for "newsdiff". Command-line flags override
what the file says, and the file overrides the defaults below.

A config file is edited by hand, so a mistake in it must never stop the program: every problem
(unreadable file, bad TOML, unknown key, wrong type, value out of range) is collected into one
warning line naming the file, and only the bad values fall back to their defaults. Saving writes
the whole file again atomically (``files.write_atomic``); comments are not kept, and keys this
version does not know are dropped with the warning that named them at load time.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from newsdiff.core.text import one_line
from newsdiff.core.worddiff import DiffOptions

CONFIG_ENV = "NEWSDIFF_CONFIG"
CONFIG_NAME = "config.toml"
DEFAULT_THRESHOLD = 0.18
"""Same value as ``core.align.DEFAULT_THRESHOLD`` (a test checks), kept literal so reading the
settings never imports the aligner's numeric stack."""
DEFAULT_THEME = "textual-dark"
MIN_WRAP_WIDTH = 20
"""Narrower text columns cannot hold ordinary words without folding them."""


@dataclass(frozen=True)
class Settings:
    """Every setting with its default. ``keys`` maps a binding id to comma-separated keys."""

    ignore_case: bool = False
    ignore_punctuation: bool = False
    strict_quotes: bool = False
    threshold: float = DEFAULT_THRESHOLD
    wrap_width: int | None = None
    show_scores: bool = True
    theme: str = DEFAULT_THEME
    export_dir: str | None = None
    keys: Mapping[str, str] = field(default_factory=dict)
    store_url: str | None = None
    """The subscription store (``[store] url`` in the file); None: SQLite in the user data dir."""

    def diff_options(self) -> DiffOptions:
        return DiffOptions(
            ignore_case=self.ignore_case,
            ignore_punctuation=self.ignore_punctuation,
            fold_quotes=not self.strict_quotes,
        )

    def export_folder(self) -> Path | None:
        """The default export folder, ``~`` expanded; None when not set."""
        return Path(self.export_dir).expanduser() if self.export_dir else None

    def to_toml(self) -> dict[str, Any]:
        """The file's content: every setting, except the "not set" ones (TOML has no null)."""
        data: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if value is None:
                continue
            if item.name == "store_url":
                data["store"] = {"url": value}
                continue
            data[item.name] = dict(value) if item.name == "keys" else value
        return data


SETTING_NAMES = tuple(item.name for item in fields(Settings))


@dataclass(frozen=True)
class Loaded:
    """What reading the config produced: the settings, the file they belong to, and at most one
    warning line (None when all was well)."""

    settings: Settings
    path: Path
    warning: str | None = None


def config_path(explicit: Path | None = None, env: Mapping[str, str] | None = None) -> Path:
    """The config file in use: ``explicit`` (``--config``), else ``NEWSDIFF_CONFIG``, else the
    platform's user config folder (``~/.config/newsdiff/config.toml`` on Linux)."""
    if explicit is not None:
        return explicit.expanduser()
    environ = os.environ if env is None else env
    if environ.get(CONFIG_ENV):
        return Path(environ[CONFIG_ENV]).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("newsdiff", appauthor=False)) / CONFIG_NAME


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _threshold(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
        raise ValueError("must be a number from 0 to 1")
    return float(value)


def _wrap_width(value: object) -> int | None:
    """A whole number of columns; 0 means no limit (TOML cannot say "none")."""
    if isinstance(value, bool) or not isinstance(value, int) or (value != 0 and value < MIN_WRAP_WIDTH):
        raise ValueError(f"must be a whole number of columns, at least {MIN_WRAP_WIDTH} (0 for no limit)")
    return value or None


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty string")
    return value.strip()


def _folder(value: object) -> str | None:
    if not isinstance(value, str):
        raise ValueError("must be a string (a folder path)")
    return value.strip() or None


def _keys(value: object, problems: list[str]) -> dict[str, str]:
    """``{"compare.next-difference": "ctrl+n,]"}`` (a list of keys is accepted too); a bad entry
    is left out with a problem, the others are kept."""
    if not isinstance(value, dict):
        problems.append('keys must be a table, e.g. [keys] "compare.swap-sides" = "x"')
        return {}
    keys: dict[str, str] = {}
    for binding_id, keys_value in value.items():
        if isinstance(keys_value, list) and all(isinstance(k, str) for k in keys_value):
            keys_value = ",".join(keys_value)
        if not isinstance(keys_value, str) or not keys_value.strip(" ,"):
            problems.append(f'keys.{binding_id} must be keys such as "ctrl+n,]", not {_shown(keys_value)}')
            continue
        keys[binding_id] = ",".join(k.strip() for k in keys_value.split(",") if k.strip())
    return keys


def _store(value: object, problems: list[str]) -> str | None:
    """``[store] url = "postgresql://…"``: the store's URL (checked when the store is opened)."""
    url = value.get("url") if isinstance(value, dict) else None
    if not isinstance(value, dict) or set(value) - {"url"} or not isinstance(url, str) or not url.strip():
        problems.append('store must be a table with a url, e.g. [store] url = "postgresql://user@host/db"')
        return None
    return url.strip()


_CHECKS = {
    "ignore_case": _bool,
    "ignore_punctuation": _bool,
    "strict_quotes": _bool,
    "threshold": _threshold,
    "wrap_width": _wrap_width,
    "show_scores": _bool,
    "theme": _text,
    "export_dir": _folder,
}


def _shown(value: object) -> str:
    return one_line(repr(value))[:40]


def parse_settings(data: Mapping[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from a parsed TOML table, and a problem for each key that was ignored."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in data.items():
        if key == "keys":
            values[key] = _keys(value, problems)
            continue
        if key == "store":
            values["store_url"] = _store(value, problems)
            continue
        check = _CHECKS.get(key)
        if check is None:
            problems.append(f"unknown setting {_shown(key)}")
            continue
        try:
            values[key] = check(value)
        except ValueError as exc:
            problems.append(f"{key} {exc}, not {_shown(value)}")
    return Settings(**values), problems


def load_settings(path: Path, *, required: bool = False) -> Loaded:
    """Read ``path``; a missing file is the defaults, silently unless ``required`` (the reader
    named it with ``--config`` or ``NEWSDIFF_CONFIG``)."""
    from newsdiff.core.reading import read_small_file

    try:
        raw = read_small_file(path)  # never blocks on a FIFO, never reads /dev/zero to the end
    except FileNotFoundError:
        warning = f"{path}: no such file; using the default settings" if required else None
        return Loaded(Settings(), path, warning and one_line(warning))
    except OSError as exc:
        return Loaded(
            Settings(),
            path,
            one_line(f"{path}: cannot read it ({exc.strerror or exc}); using the default settings"),
        )
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Loaded(
            Settings(), path, one_line(f"{path}: not valid TOML ({exc}); using the default settings")
        )
    except RecursionError:  # tomllib recurses once per level of nesting: a = [[[[…]]]]
        return Loaded(Settings(), path, one_line(f"{path}: nested too deeply; using the default settings"))
    settings, problems = parse_settings(data)
    if not problems:
        return Loaded(settings, path)
    return Loaded(settings, path, one_line(f"{path}: {'; '.join(problems)}; using the defaults for those"))


def load_config(explicit: Path | None = None, env: Mapping[str, str] | None = None) -> Loaded:
    """The settings from the file in use (see ``config_path``)."""
    environ = os.environ if env is None else env
    required = explicit is not None or bool(environ.get(CONFIG_ENV))
    return load_settings(config_path(explicit, environ), required=required)


def with_overrides(settings: Settings, **overrides: Any) -> Settings:
    """``settings`` with the values given on the command line; ``None`` means "not given"."""
    given = {key: value for key, value in overrides.items() if value is not None}
    unknown = set(given) - set(SETTING_NAMES)
    if unknown:
        raise TypeError(f"not settings: {sorted(unknown)}")
    return replace(settings, **given)


def settings_toml(settings: Settings) -> str:
    """The file's text; a comment says which program wrote it and that comments are not kept."""
    import tomli_w

    header = "# newsdiff settings (written by the settings screen; comments are not kept)\n"
    return header + tomli_w.dumps(settings.to_toml())


def save_settings(settings: Settings, path: Path) -> None:
    """Write ``settings`` to ``path`` atomically, creating its folder; failures are ``InputError``."""
    from newsdiff.core.errors import InputError
    from newsdiff.core.files import write_atomic

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{path.parent}: cannot create the folder ({exc.strerror or exc})") from None
    write_atomic(path, settings_toml(settings), force=True)
