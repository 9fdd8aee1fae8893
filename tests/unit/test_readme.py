"""The README's promises that CI depends on stay true."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _quick_start_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.S)]


def test_quick_start_has_exactly_two_one_line_commands() -> None:
    commands = _quick_start_commands()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)
    assert commands[0].endswith("newsdiff")
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert _quick_start_commands()[1] in ci.splitlines()


def test_every_readme_image_is_a_screenshot_the_generator_makes() -> None:
    """Each image the README shows exists, and is one ``screenshots/generate.py`` writes (so it
    comes from the real app and is remade when the UI changes)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    generator = (REPO / "screenshots" / "generate.py").read_text(encoding="utf-8")
    made = {f"{name}.svg" for name in re.findall(r'shoot\(app, "([\w-]+)"\)', generator)}
    shown = re.findall(r"!\[[^\]]*\]\(screenshots/([^)]+)\)", readme)
    assert shown, "the README shows the app"
    for name in shown:
        assert (REPO / "screenshots" / name).is_file(), name
        assert name in made, f"{name} is not made by screenshots/generate.py"
    assert made <= set(shown), f"made but not shown: {sorted(made - set(shown))}"
