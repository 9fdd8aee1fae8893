"""Right-to-left, CJK and emoji text, and the remnants of terminal escapes: ``diff`` fits the width
in terminal cells, keeps every character, and shows the text literally, in colour too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_support import run_newsdiff
from input_support import align_json, succeeds
from rich.cells import cell_len

from newsdiff.core.loader import load_article

_SGR = re.compile(r"\x1b\[[0-9;]*m")
_MARKERS = re.compile(r"\[-|-\]|\{\+|\+\}")
_COLUMNS = re.compile(r"[|│]")
"""A table's vertical rule: ASCII in plain text, box drawing in colour."""

SCRIPTS_A = """\
مرحبا بالعالم، التقى كيم ببوتين في قاعدة الفضاء يوم الأربعاء وتحدثا لساعات.

שלום עולם, קים נפגש עם פוטין בקוסמודרום ביום רביעי.

金正恩与普京在东方航天发射场会面，双方讨论了火箭、弹药和粮食援助。

北朝鮮の金正恩総書記はロシアのプーチン大統領と宇宙基地で会談した。

🙂🎉👨‍👩‍👧 emoji family and flags 🇰🇷🇷🇺 stayed in the text all week.
"""
SCRIPTS_B = (
    SCRIPTS_A.replace("الأربعاء", "الثلاثاء")
    .replace("רביעי", "שלישי")
    .replace("粮食援助", "军事合作")
    .replace("the text", "the story 🚀")
)


@pytest.fixture(scope="module")
def scripts(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("scripts")
    a, b = folder / "scripts_a.txt", folder / "scripts_b.txt"
    a.write_text(SCRIPTS_A, encoding="utf-8")
    b.write_text(SCRIPTS_B, encoding="utf-8")
    return a, b


def _flat(text: str) -> str:
    return "".join(_COLUMNS.split(_MARKERS.sub("", "".join(text.split()))))


@pytest.mark.parametrize(
    "args",
    [
        ("--width", "40"),
        ("--width", "61"),
        ("--width", "100"),
        ("--width", "61", "--inline"),
        ("--width", "61", "--color", "always"),
        ("--width", "40", "--inline", "--color", "always"),
    ],
)
def test_wide_and_right_to_left_text_fits_the_width_in_cells(
    scripts: tuple[Path, Path], args: tuple[str, ...]
) -> None:
    a, b = scripts
    result = succeeds("diff", a, b, *args)
    width = int(args[1])
    plain = _SGR.sub("", result.stdout)
    assert "\x1b" not in plain
    widths = [cell_len(line) for line in plain.splitlines()]
    assert max(widths) <= width, [line for line in plain.splitlines() if cell_len(line) > width]
    # Every character of every paragraph comes out: side by side, a column's lines joined hold each
    # paragraph whole (no wide character split or dropped); inline, each word's letters remain.
    if "--inline" in args:
        printed = _flat(plain)
        for path in (a, b):
            for paragraph in load_article(path).paragraphs:
                for word in re.findall(r"\w+", paragraph.text):
                    assert word in printed, word
    else:
        rows = [_COLUMNS.split(line) for line in plain.splitlines() if _COLUMNS.match(line)]
        for column, path in ((1, a), (3, b)):
            printed = _MARKERS.sub("", "".join("".join(row[column] for row in rows if len(row) == 5).split()))
            for paragraph in load_article(path).paragraphs:
                assert "".join(paragraph.text.split()) in printed, paragraph.text


def test_scripts_survive_json_and_export(scripts: tuple[Path, Path]) -> None:
    a, b = scripts
    data = align_json(a, b)
    assert data["a"]["paragraphs"] == SCRIPTS_A.strip().split("\n\n")
    assert len(data["pairs"]) == 5
    export = succeeds("export", a, b).stdout
    assert re.search("<del>[^<]*粮食援助</del>", export) and re.search("<ins>[^<]*军事合作</ins>", export)
    assert "<del>الأربعاء</del>" in export and "👨‍👩‍👧" in export and "🇰🇷🇷🇺" in export


# Remnants of terminal control sequences, as scrapes and copy-paste leave them: OSC 8 hyperlinks,
# OSC 52 (writes the clipboard), a title change, CSI colour, and the invisible characters that
# reorder or hide text (bidi overrides and isolates, zero-width space, word joiner, BOM).
_OSC8 = "\x1b]8;;https://evil.example\x1b\\click here\x1b]8;;\x1b\\"
_OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
_TITLE = "\x1b]0;pwned\x07"
_CSI = "\x1b[2J\x1b[31m"
_INVISIBLE = "\u202e\u202d\u2066\u2067\u2068\u2069\u200b\u2060\ufeff\u200e\u200f\u061c"
REMNANTS = (
    f"Kim met Putin {_OSC8} at the cosmodrome {_OSC52} on Wednesday, officials said.\n\n"
    f"The talks{_TITLE} lasted {_CSI}for hours and ended with a dinner in the evening.\n\n"
    f"Evil\u202etxt.exe\u202c and zero\u200bwidth and joined\u2060word and \u2067isolated\u2069 "
    f"text{_INVISIBLE} stayed.\n"
)


def test_terminal_remnants_and_invisible_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    a, b = tmp_path / "remnants_a.txt", tmp_path / "remnants_b.txt"
    a.write_text(REMNANTS, encoding="utf-8")
    b.write_text(REMNANTS.replace("Wednesday", "Tuesday"), encoding="utf-8")
    for args in (("--color", "always"), ("--color", "always", "--inline"), ("--color", "never")):
        result = run_newsdiff("diff", a, b, "--width", 120, *args)
        assert result.returncode == 0, result.stderr
        plain = _SGR.sub("", result.stdout)
        assert "\x1b" not in plain and "\x07" not in plain and "\x9b" not in plain and "\x9d" not in plain
        assert not set(_INVISIBLE + "\u202c") & set(result.stdout), "bidi and invisible characters removed"
        # What is left of the sequences prints as inert text, and the words around them stay whole.
        flat = " ".join(_MARKERS.sub("", plain).replace("|", " ").split())
        assert "]8;;https://evil.example\\click here]8;;\\" in flat
        assert "]52;c;cm0gLXJmIH4=" in flat and "]0;pwned" in flat
        assert "Evil txt.exe" not in flat and "Eviltxt.exe and zerowidth and joinedword" in flat
    for command in (["export"], ["align", "--format", "json"]):
        out = run_newsdiff(*command, a, b).stdout
        assert "\x1b" not in out and "\x07" not in out
        assert not set(_INVISIBLE + "\u202c") & set(out)
