"""Settings: the file is found where documented, every mistake in it is one warning line and
only the bad values fall back, flags win over the file, and saving round-trips atomically."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from newsdiff.core import settings as settings_module
from newsdiff.core.errors import InputError
from newsdiff.core.settings import (
    CONFIG_ENV,
    DEFAULT_THRESHOLD,
    Settings,
    config_path,
    load_config,
    load_settings,
    parse_settings,
    save_settings,
    with_overrides,
)
from newsdiff.core.worddiff import DiffOptions

VALID = """
ignore_case = true
ignore_punctuation = true
strict_quotes = true
threshold = 0.12
wrap_width = 72
show_scores = false
theme = "nord"
export_dir = "~/exports"

[keys]
"compare.next-difference" = "ctrl+n,]"
"compare.swap-sides" = ["x", "X"]
"""


def write(tmp_path: Path, text: str, name: str = "config.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_threshold_matches_the_aligner() -> None:
    from newsdiff.core.align import DEFAULT_THRESHOLD as ALIGN_DEFAULT

    assert DEFAULT_THRESHOLD == ALIGN_DEFAULT == Settings().threshold


def test_missing_default_file_is_the_defaults_silently(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "nope.toml")
    assert loaded.settings == Settings() and loaded.warning is None


def test_missing_file_named_by_the_reader_is_said(tmp_path: Path) -> None:
    loaded = load_config(tmp_path / "nope.toml", env={})
    assert loaded.settings == Settings()
    assert loaded.warning == f"{tmp_path / 'nope.toml'}: no such file; using the default settings"


def test_valid_file_sets_everything(tmp_path: Path) -> None:
    loaded = load_settings(write(tmp_path, VALID))
    assert loaded.warning is None
    s = loaded.settings
    assert (s.ignore_case, s.ignore_punctuation, s.strict_quotes, s.show_scores) == (True, True, True, False)
    assert (s.threshold, s.wrap_width, s.theme) == (0.12, 72, "nord")
    assert s.export_folder() == Path.home() / "exports"
    assert s.keys == {"compare.next-difference": "ctrl+n,]", "compare.swap-sides": "x,X"}
    assert s.diff_options() == DiffOptions(ignore_case=True, ignore_punctuation=True, fold_quotes=False)


def test_bad_toml_is_one_line_and_the_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, "threshold = [0.1\nignore_case = yes\n")
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert loaded.warning is not None and "\n" not in loaded.warning
    assert loaded.warning.startswith(f"{path}: not valid TOML (")
    assert loaded.warning.endswith("using the default settings")


def test_not_utf8_is_bad_toml(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"theme = '\xff\xfe'\n")
    loaded = load_settings(path)
    assert loaded.settings == Settings() and "not valid TOML" in (loaded.warning or "")


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("ignore_case = 1", "ignore_case must be true or false, not 1"),
        ('show_scores = "no"', "show_scores must be true or false, not 'no'"),
        ("threshold = 1.5", "threshold must be a number from 0 to 1, not 1.5"),
        ('threshold = "0.2"', "threshold must be a number from 0 to 1, not '0.2'"),
        ("threshold = true", "threshold must be a number from 0 to 1, not True"),
        (
            "wrap_width = 5",
            "wrap_width must be a whole number of columns, at least 20 (0 for no limit), not 5",
        ),
        ("wrap_width = 60.5", "wrap_width must be a whole number of columns"),
        ('theme = ""', "theme must be a non-empty string"),
        ("export_dir = 3", "export_dir must be a string (a folder path), not 3"),
        ("colour = true", "unknown setting 'colour'"),
        ("keys = 3", "keys must be a table"),
        ('[keys]\n"compare.swap-sides" = 3', "keys.compare.swap-sides must be keys such as"),
        ('[keys]\n"compare.swap-sides" = ""', "keys.compare.swap-sides must be keys such as"),
        ('store = "postgresql://db"', "store must be a table with a url, e.g. [store] url = "),
        ("[store]\nurl = 3", "store must be a table with a url"),
        ('[store]\nurl = "sqlite:///x.db"\nhost = "h"', "store must be a table with a url"),
        ('store_url = "sqlite:///x.db"', "unknown setting 'store_url'"),
    ],
)
def test_each_bad_value_is_named_and_only_it_falls_back(tmp_path: Path, line: str, problem: str) -> None:
    path = write(tmp_path, f"ignore_punctuation = true\n{line}\n")
    loaded = load_settings(path)
    assert loaded.warning is not None and "\n" not in loaded.warning
    assert loaded.warning.startswith(f"{path}: ")
    assert problem in loaded.warning
    assert loaded.warning.endswith("using the defaults for those")
    assert loaded.settings.ignore_punctuation is True
    key = line.split(" ")[0]
    if key in Settings.__dataclass_fields__:
        assert getattr(loaded.settings, key) == getattr(Settings(), key)


def test_several_problems_are_still_one_line_and_good_values_kept(tmp_path: Path) -> None:
    path = write(tmp_path, 'threshold = 2\nbogus = 1\nignore_case = true\n[keys]\n"a.b" = 1\n"c.d" = "x"\n')
    loaded = load_settings(path)
    assert loaded.warning is not None and "\n" not in loaded.warning
    assert "threshold" in loaded.warning and "'bogus'" in loaded.warning and "keys.a.b" in loaded.warning
    assert loaded.settings.ignore_case is True
    assert loaded.settings.threshold == DEFAULT_THRESHOLD
    assert loaded.settings.keys == {"c.d": "x"}


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_unreadable_file_is_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, VALID)
    path.chmod(0)
    try:
        loaded = load_settings(path)
    finally:
        path.chmod(0o600)
    assert loaded.settings == Settings()
    assert loaded.warning == f"{path}: cannot read it (Permission denied); using the default settings"


def test_a_folder_instead_of_a_file_is_one_line(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path)
    assert loaded.settings == Settings() and loaded.warning is not None
    assert loaded.warning.startswith(f"{tmp_path}: cannot read it (")


def test_where_the_file_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    explicit, from_env = tmp_path / "x.toml", tmp_path / "env.toml"
    assert config_path(explicit, {CONFIG_ENV: str(from_env)}) == explicit
    assert config_path(None, {CONFIG_ENV: str(from_env)}) == from_env
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    if os.name == "posix" and sys.platform.startswith("linux"):
        assert config_path(None, {}) == tmp_path / "xdg" / "newsdiff" / "config.toml"
    assert config_path(None, {}).name == "config.toml"


def test_environment_variable_selects_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "threshold = 0.3\n", "env.toml")
    loaded = load_config(None, env={CONFIG_ENV: str(path)})
    assert loaded.path == path and loaded.settings.threshold == 0.3


def test_flags_override_the_file_and_none_means_not_given() -> None:
    base = Settings(ignore_case=True, threshold=0.3)
    assert with_overrides(base, threshold=0.1, ignore_case=None) == Settings(ignore_case=True, threshold=0.1)
    assert with_overrides(base, ignore_case=False).ignore_case is False
    with pytest.raises(TypeError):
        with_overrides(base, colour=True)


def test_save_round_trips_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    original = load_settings(write(tmp_path, VALID)).settings
    target = tmp_path / "new" / "folder" / "config.toml"
    save_settings(original, target)
    assert load_settings(target) == load_settings(target)
    assert load_settings(target).settings == original and load_settings(target).warning is None
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert data["theme"] == "nord" and data["keys"]["compare.swap-sides"] == "x,X"
    assert sorted(p.name for p in target.parent.iterdir()) == ["config.toml"]


def test_the_store_url_is_a_store_table_read_and_saved(tmp_path: Path) -> None:
    path = write(tmp_path, 'threshold = 0.3\n[store]\nurl = " postgresql://news@db.example/newsdiff "\n')
    loaded = load_settings(path)
    assert loaded.warning is None
    assert loaded.settings.store_url == "postgresql://news@db.example/newsdiff"
    target = tmp_path / "saved.toml"
    save_settings(loaded.settings, target)
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert data["store"] == {"url": "postgresql://news@db.example/newsdiff"} and "store_url" not in data
    assert load_settings(target).settings == loaded.settings
    assert with_overrides(loaded.settings, store_url="sqlite:///other.db").store_url == "sqlite:///other.db"


def test_saving_the_defaults_omits_unset_values(tmp_path: Path) -> None:
    target = tmp_path / "config.toml"
    save_settings(Settings(), target)
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert "wrap_width" not in data and "export_dir" not in data and data["threshold"] == DEFAULT_THRESHOLD
    assert "store" not in data
    assert load_settings(target).settings == Settings()


def test_save_failure_is_an_input_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="cannot create the folder"):
        save_settings(Settings(), blocker / "sub" / "config.toml")


def test_parse_accepts_zero_wrap_width_as_no_limit() -> None:
    settings, problems = parse_settings({"wrap_width": 0})
    assert settings.wrap_width is None and problems == []


def test_settings_module_stays_pure_and_light() -> None:
    source = Path(settings_module.__file__).read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import) (textual|rich|numpy|scipy)", source, re.MULTILINE)
    code = (
        "import sys, newsdiff.core.settings as s; s.load_config(); "
        "print(sorted(m for m in sys.modules if m in ('numpy', 'textual', 'rich')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
