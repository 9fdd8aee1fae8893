"""The settings file from the command line: where it is read from, what wins, what a broken one
does (one warning line, then the defaults), and export --format."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from cli_support import A, B, C, Runner

from newsdiff.core.settings import Settings


@pytest.fixture(scope="module")
def configs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("configs")
    files = {
        "empty": "",
        "strict": "threshold = 0.6\n",
        "case": "ignore_case = true\nignore_punctuation = true\n",
        "broken": "threshold = [0.1\n",
        "bad_value": "threshold = 7\nignore_case = true\n",
    }
    paths = {}
    for name, text in files.items():
        paths[name] = folder / f"{name}.toml"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def pairs(stdout: str) -> int:
    return sum(1 for line in stdout.splitlines() if line.startswith("pair\t"))


def test_config_option_sets_the_threshold(newsdiff: Runner, configs: dict[str, Path]) -> None:
    default = newsdiff("align", A, B, "--config", configs["empty"])
    strict = newsdiff("align", A, B, "--config", configs["strict"])
    flag = newsdiff("align", A, B, "--threshold", "0.6", "--config", configs["empty"])
    assert default.returncode == strict.returncode == flag.returncode == 0
    assert default.stderr == strict.stderr == ""
    assert 0 < pairs(strict.stdout) < pairs(default.stdout)
    assert strict.stdout == flag.stdout


def test_environment_variable_names_the_file(newsdiff: Runner, configs: dict[str, Path]) -> None:
    by_env = newsdiff("align", A, B, env={"NEWSDIFF_CONFIG": str(configs["strict"])})
    by_option = newsdiff("align", A, B, "--config", configs["strict"])
    assert by_env.returncode == 0 and by_env.stdout == by_option.stdout


def test_config_option_wins_over_the_environment(newsdiff: Runner, configs: dict[str, Path]) -> None:
    result = newsdiff(
        "align", A, B, "--config", configs["empty"], env={"NEWSDIFF_CONFIG": str(configs["strict"])}
    )
    default = newsdiff("align", A, B, "--config", configs["empty"])
    assert result.stdout == default.stdout


def test_flags_win_over_the_file(newsdiff: Runner, configs: dict[str, Path]) -> None:
    back = newsdiff("align", A, B, "--config", configs["strict"], "--threshold", "0.18")
    default = newsdiff("align", A, B, "--config", configs["empty"])
    assert back.stdout == default.stdout
    on = newsdiff("diff", A, B, "--color", "never", "--config", configs["case"])
    off = newsdiff("diff", A, B, "--color", "never", "--config", configs["case"], "--no-ignore-case",
                   "--no-ignore-punctuation")  # fmt: skip
    plain = newsdiff("diff", A, B, "--color", "never", "--config", configs["empty"])
    assert on.returncode == off.returncode == plain.returncode == 0
    assert off.stdout == plain.stdout and on.stdout != plain.stdout


def test_broken_file_is_one_warning_then_the_defaults(newsdiff: Runner, configs: dict[str, Path]) -> None:
    result = newsdiff("align", A, B, "--config", configs["broken"])
    default = newsdiff("align", A, B, "--config", configs["empty"])
    assert result.returncode == 0 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"newsdiff: {configs['broken']}: not valid TOML (")
    assert lines[0].endswith("using the default settings")
    assert result.stdout == default.stdout


def test_bad_value_falls_back_alone(newsdiff: Runner, configs: dict[str, Path]) -> None:
    result = newsdiff("diff", A, B, "--color", "never", "--config", configs["bad_value"])
    case_only = newsdiff("diff", A, B, "--color", "never", "--config", configs["empty"], "--ignore-case")
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"newsdiff: {configs['bad_value']}: threshold must be a number from 0 to 1, not 7; "
        "using the defaults for those"
    ]
    assert result.stdout == case_only.stdout


def test_missing_named_file_is_said(newsdiff: Runner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    result = newsdiff("align", A, B, "--config", missing)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [f"newsdiff: {missing}: no such file; using the default settings"]


def test_export_formats(newsdiff: Runner, configs: dict[str, Path], tmp_path: Path) -> None:
    empty = configs["empty"]
    html = newsdiff("export", A, B, "--format", "html", "--config", empty)
    assert html.returncode == 0 and html.stdout.startswith("<!DOCTYPE html>")
    assert "<script" not in html.stdout.lower()
    as_json = newsdiff("export", A, B, "--format", "json", "--config", empty)
    align_json = newsdiff("align", A, B, "--format", "json", "--facts", "--config", empty)
    assert json.loads(as_json.stdout) == json.loads(align_json.stdout)
    markdown = newsdiff("export", A, B, "--config", empty)
    assert markdown.stdout.startswith("# Comparison:")
    for name, start in (("x.html", "<!DOCTYPE html>"), ("x.json", "{"), ("x.md", "# Comparison:")):
        result = newsdiff("export", A, B, "-o", tmp_path / name, "--config", empty)
        assert result.returncode == 0, result.stderr
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)
    explicit = newsdiff("export", A, B, "-o", tmp_path / "y.html", "--format", "md", "--config", empty)
    assert explicit.returncode == 0
    assert (tmp_path / "y.html").read_text(encoding="utf-8") == markdown.stdout


def test_unknown_format_is_a_usage_error(newsdiff: Runner) -> None:
    result = newsdiff("export", A, B, "--format", "pdf")
    assert result.returncode == 2 and "invalid choice: 'pdf'" in result.stderr


def test_help_names_the_config_file(newsdiff: Runner) -> None:
    result = newsdiff("--help")
    assert "--config PATH" in result.stdout and "NEWSDIFF_CONFIG" in result.stdout
    assert "--format {md,html,json}" in newsdiff("export", "--help").stdout


# Every command that has settings, with what it prints: each reads --config through command_options.
_SETTINGS_COMMANDS = {
    "diff": ("diff", A, B, "--width", "100", "--color", "never"),
    "export": ("export", A, B, "--format", "md"),
    "align": ("align", A, B),
    "coverage": ("coverage", A, B, C, "--format", "json"),
    "lineage": ("lineage", A, B, C, "--format", "json"),
}


@pytest.mark.parametrize("command", sorted(_SETTINGS_COMMANDS))
def test_a_config_value_changes_every_commands_output(
    newsdiff: Runner, configs: dict[str, Path], command: str
) -> None:
    args = _SETTINGS_COMMANDS[command]
    default = newsdiff(*args, "--config", configs["empty"])
    strict = newsdiff(*args, "--config", configs["strict"])
    flag = newsdiff(*args, "--config", configs["empty"], "--threshold", "0.6")
    assert default.returncode == strict.returncode == 0, strict.stderr
    assert default.stderr == strict.stderr == ""
    assert strict.stdout != default.stdout  # threshold = 0.6 in the file
    assert strict.stdout == flag.stdout  # ... as if given on the command line


@pytest.mark.parametrize("command", sorted(_SETTINGS_COMMANDS))
def test_a_missing_config_file_is_the_same_warning_everywhere(
    newsdiff: Runner, tmp_path: Path, command: str
) -> None:
    missing = tmp_path / "nope.toml"
    args = _SETTINGS_COMMANDS[command]
    result = newsdiff(*args, "--config", missing)
    default = newsdiff(*args, "--config", os.devnull)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [f"newsdiff: {missing}: no such file; using the default settings"]
    assert result.stdout == default.stdout
    by_env = newsdiff(*args, env={"NEWSDIFF_CONFIG": str(missing)})
    assert by_env.stderr == result.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_app_gets_the_config_and_load_options_from_the_command_line(
    configs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``newsdiff [PATH]`` reads --config as every command does and hands the app its settings and
    load options (the app itself is not run: it would take over the terminal)."""
    from newsdiff import cli
    from newsdiff.app import NewsdiffApp

    opened: list[NewsdiffApp] = []
    monkeypatch.setattr(NewsdiffApp, "run", lambda app, *args, **kwargs: opened.append(app))
    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr(sys, "stdout", _Terminal())
    monkeypatch.setenv("NEWSDIFF_CONFIG", os.devnull)
    assert cli.main([str(A), str(B), "--config", str(configs["strict"]), "--max-size", "2M"]) == 0
    assert opened[-1].settings.threshold == 0.6
    assert opened[-1].load_options.max_bytes == 2_000_000
    missing = tmp_path / "nope.toml"
    errors = io.StringIO()
    monkeypatch.setattr(sys, "stderr", errors)
    assert cli.main([str(A), str(B), "--config", str(missing)]) == 0
    assert opened[-1].settings == Settings()
    # The app says it as a notice, once; not also on stderr, where it showed after quitting even
    # when the settings screen had just saved that file (issue 14, item 11).
    assert errors.getvalue() == ""
    assert opened[-1]._warnings == [f"{missing}: no such file; using the default settings"]
