"""The story screen's ``o``: an article already in the story is skipped, under any path; the
prompt completes paths (``tab`` or ``→`` takes the suggestion), the ``S`` prompt folders only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from appdriver import SEEDS, SIZE, settle, story_ready, wait_for
from textual.widgets import Input

from newsdiff.app import NewsdiffApp
from newsdiff.screens.open_dialog import OpenDialog, complete_path
from newsdiff.widgets.article_table import ArticleTable


async def test_the_same_article_under_another_path_is_skipped(tmp_path: Path) -> None:
    copy = tmp_path / "copy-of-001.txt"
    shutil.copy(SEEDS / "001_ee081a7865b12ef2.txt", copy)
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await story_ready(pilot)
        assert len(screen.articles) == 5
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, OpenDialog), "the open prompt")
        app.screen.query_one(Input).value = str(copy)
        await pilot.press("enter")
        await wait_for(pilot, lambda: not screen.adding and app.screen is screen, "the load")
        await settle(pilot)
        assert len(screen.articles) == 5 and len(screen.query_one(ArticleTable).articles) == 5
        notes = [n.message for n in app._notifications]
        assert any(f"{copy}: already in the story (the same text as" in note for note in notes), notes


def test_complete_path_finds_the_rest_of_a_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "kim-putin.md").write_text("x", encoding="utf-8")
    (tmp_path / "story.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert complete_path("stories/k") == "stories/kim-putin.md"
    assert complete_path(f"{tmp_path}/stor") == f"{tmp_path}/stories/"
    assert complete_path("story.") == "story.txt"
    assert complete_path("stor", folders_only=True) == "stories/"
    assert complete_path("zzz") is None and complete_path("https://example.com/a") is None
    assert complete_path("") is None and complete_path(".h") == ".hidden"
    assert complete_path("s").startswith("stor")  # hidden files are not offered unprompted


async def test_tab_completes_the_path_in_the_open_prompt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "kim-putin-story"
    folder.mkdir()
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        monkeypatch.chdir(tmp_path)
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, OpenDialog), "the open prompt")
        field = app.screen.query_one(Input)
        await pilot.press(*"kim")
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        assert field.value == "kim-putin-story/"
        assert field.has_focus
        await pilot.press("tab")  # nothing more to complete: on to the buttons
        await settle(pilot)
        assert not field.has_focus
