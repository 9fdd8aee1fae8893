"""The README's keys table lists every key newsdiff binds, on the screen where it is bound.

Every ``Binding`` with an id (the ids the settings' ``[keys]`` remap and the help lists) is
collected from the classes of ``newsdiff.app``, ``newsdiff.screens.*`` and ``newsdiff.widgets.*``;
each of its default keys, written as the README writes keys, must appear in backticks in the Key
column of a row of the table whose Where column names the binding's screen.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

import newsdiff.app
import newsdiff.screens
import newsdiff.widgets

README = Path(__file__).resolve().parents[2] / "README.md"

# Textual key names -> how the README writes them; any other key is written as bound ("q", "G").
KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "right_curly_bracket": "}",
    "left_curly_bracket": "{",
    "comma": ",",
    "escape": "esc",
    "pagedown": "pgdn",
    "pageup": "pgup",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
}

# The class that binds a key -> the README's name for that screen in the Where column. A class
# not listed here fails the test, so a new screen cannot be forgotten.
WHERE = {
    "NewsdiffApp": "anywhere",
    "StoryScreen": "story",
    "ArticleTable": "story",  # the story screen's table of articles
    "CompareScreen": "compare",
    "ReaderScreen": "reader",
    "ArticlePicker": "picker",  # the reader's `c`: pick the other article
    "CoverageScreen": "coverage",
    "CoverageTable": "coverage",  # the coverage screen's table of reports
    "ReportScreen": "report",  # one report of the coverage view
    "LineageScreen": "lineage",
    "QuotesScreen": "quotes",
    "QuotesTable": "quotes",  # the quotes screen's table of utterances
    "QuoteClusterScreen": "quote",  # one utterance of the quotes view
    "HelpScreen": "help",
    "SettingsScreen": "settings",
    "FeedPicker": "feed",  # the checklist of a feed's entries
    "ConfirmDialog": "dialogs",
    "ExportDialog": "dialogs",
    "FormatChoice": "dialogs",  # the export dialog's formats
    "PromptDialog": "dialogs",
    "OpenDialog": "dialogs",  # the story screen's `o` prompt
    "SaveDialog": "dialogs",  # the story screen's `S` prompt
    "PathInput": "dialogs",  # the `o` / `S` prompts' line
    "SearchBar": "search line",
    "StoriesScreen": "stories",  # F: the stories the subscriptions formed
    "StoredStoryScreen": "story",  # a stored story, or an article's versions: the story screen
}

# (binding id, key as the README writes it) -> why the README leaves it out. Keep this minimal.
UNDOCUMENTED: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Bound:
    owner: str
    id: str
    keys: tuple[str, ...]


def _readme_keys(keys: str) -> tuple[str, ...]:
    """``"escape,q"`` -> ``("esc", "q")``: a binding's keys as the README writes them."""
    return tuple(KEY_NAMES.get(key.strip(), key.strip()) for key in keys.split(","))


def _modules() -> list[ModuleType]:
    modules: list[ModuleType] = [newsdiff.app]
    for package in (newsdiff.screens, newsdiff.widgets):
        for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            modules.append(importlib.import_module(info.name))
    return modules


def _bindings() -> list[Bound]:
    found: list[Bound] = []
    for module in _modules():
        for cls in vars(module).values():
            if not (inspect.isclass(cls) and issubclass(cls, DOMNode) and cls.__module__ == module.__name__):
                continue
            # A class's own bindings and those it inherits from newsdiff's own base classes.
            for base in cls.__mro__:
                if not base.__module__.startswith("newsdiff."):
                    continue
                for binding in base.__dict__.get("BINDINGS", []):
                    if isinstance(binding, Binding) and binding.id:
                        found.append(Bound(cls.__name__, binding.id, _readme_keys(binding.key)))
    return found


def _table() -> list[tuple[set[str], set[str]]]:
    """The keys table's rows as (keys in backticks in the Key column, names in the Where column)."""
    lines = README.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| Key |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.strip():
            break
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        keys = set(re.findall(r"`([^`]+)`", cells[0]))
        rows.append((keys, {where.strip() for where in cells[1].split(",")}))
    return rows


BINDINGS = _bindings()


def test_the_bindings_are_found() -> None:
    ids = {bound.id for bound in BINDINGS}
    assert {"app.help", "story.pick", "compare.next-difference", "reader.compare", "quote.back"} <= ids
    assert len(ids) > 60


def test_every_class_with_keys_has_a_place_in_the_table() -> None:
    assert sorted({bound.owner for bound in BINDINGS} - WHERE.keys()) == []


def test_the_table_names_only_known_places() -> None:
    places = {where for _, wheres in _table() for where in wheres}
    assert sorted(places - set(WHERE.values())) == []


@pytest.mark.parametrize("bound", BINDINGS, ids=lambda bound: f"{bound.owner}:{bound.id}")
def test_every_key_is_in_the_readme_table(bound: Bound) -> None:
    where = WHERE[bound.owner]
    documented = set().union(*(keys for keys, wheres in _table() if where in wheres))
    missing = [key for key in bound.keys if key not in documented and (bound.id, key) not in UNDOCUMENTED]
    assert missing == [], f"{bound.id}: {missing} not in a '{where}' row of the README's keys table"
