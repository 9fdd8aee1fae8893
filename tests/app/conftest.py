"""Fixtures for the Pilot tests: small stories written to tmp_path next to the bundled seeds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from appdriver import SEEDS
from samples import INJECTION, INJECTION_NAMES, WIDE_A, WIDE_B


@pytest.fixture
def twin_story(tmp_path: Path) -> Path:
    """Seed 001 and a copy where only two paragraphs are reworded: most pairs are identical."""
    folder = tmp_path / "twins"
    folder.mkdir()
    original = (SEEDS / "001_ee081a7865b12ef2.txt").read_text(encoding="utf-8")
    (folder / "a_original.txt").write_text(original, encoding="utf-8")
    edited = original.replace("vowed support", "pledged backing").replace("tens of millions", "millions")
    assert edited != original
    (folder / "b_edited.txt").write_text(edited, encoding="utf-8")
    return folder


TITLE = "Council approves [bold]x[/bold] budget [red] after long debate"
HOSTILE = [
    "The city council on Tuesday approved the [bold]x[/bold] budget after a debate that ran late into"
    " the night, officials said, and [/] closes nothing here.",
    "Members who opposed the plan said they would click [@click=app.quit]y to register their protest,"
    " according to the minutes released on Wednesday morning.",
    "The final vote was {vote}, with two members absent, and the mayor said the spending plan"
    " [link=http://example.com]z[/link] would take effect next month.",
]


@pytest.fixture
def hostile_story(tmp_path: Path) -> Path:
    """Two versions of an article whose title and text look like Textual/Rich markup."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    for name, vote in (("one.txt", "12 to 3"), ("two.txt", "11 to 4")):
        paragraphs = [TITLE, *(p.format(vote=vote) for p in HOSTILE)]
        (folder / name).write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return folder


BIG_WORDS = [
    *("council", "budget", "mayor", "vote", "river", "bridge", "school"),
    *("teacher", "police", "report", "tax", "housing", "rent", "court"),
]


def _big_paragraph(i: int) -> str:
    pick = random.Random(i).choice
    return f"Paragraph {i} says " + " ".join(pick(BIG_WORDS) for _ in range(25)) + f" in district {i}."


@pytest.fixture
def big_story(tmp_path: Path) -> Path:
    """Two 300-paragraph versions of one text, every third paragraph reworded."""
    folder = tmp_path / "big"
    folder.mkdir()
    a = [_big_paragraph(i) for i in range(300)]
    b = [p.replace("river", "lake").replace("tax", "levy") if i % 3 == 0 else p for i, p in enumerate(a)]
    (folder / "a.txt").write_text("\n\n".join(a), encoding="utf-8")
    (folder / "b.txt").write_text("\n\n".join(b), encoding="utf-8")
    return folder


SPARSE_CHANGE = 150


@pytest.fixture
def sparse_story(tmp_path: Path) -> Path:
    """Two 200-paragraph versions of one text that differ only in paragraph ``SPARSE_CHANGE``."""
    folder = tmp_path / "sparse"
    folder.mkdir()
    a = [_big_paragraph(i) for i in range(200)]
    b = list(a)
    b[SPARSE_CHANGE] = b[SPARSE_CHANGE].replace("says", "reports", 1) + " Officials disagreed."
    (folder / "a.txt").write_text("\n\n".join(a), encoding="utf-8")
    (folder / "b.txt").write_text("\n\n".join(b), encoding="utf-8")
    return folder


@pytest.fixture
def injection_story(tmp_path: Path) -> Path:
    """Two versions of an article made of markup, terminal escapes, bidi overrides, invisible
    characters, HTML and Markdown, in files whose names are markup; the second version changes a
    few words right inside the hostile text, so diff styles land on it too."""
    folder = tmp_path / "injection"
    folder.mkdir()
    second = [
        p.replace("[31mwas red", "[32mwas green").replace("officials", "aides").replace("council", "city")
        for p in INJECTION
    ]
    for name, paragraphs in zip(INJECTION_NAMES, (INJECTION, second), strict=True):
        (folder / name).write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def wide_story(tmp_path: Path) -> Path:
    """Chinese, Japanese, Korean, emoji (ZWJ sequences, flags, skin tones) and Arabic, changed a little."""
    folder = tmp_path / "wide"
    folder.mkdir()
    (folder / "a.txt").write_text("\n\n".join(WIDE_A) + "\n", encoding="utf-8")
    (folder / "b.txt").write_text("\n\n".join(WIDE_B) + "\n", encoding="utf-8")
    return folder
