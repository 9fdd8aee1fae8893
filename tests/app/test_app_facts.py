"""The comparison screen's `f`: only the pairs whose numbers or names disagree, each flagged."""

from __future__ import annotations

from pathlib import Path

import pytest
from appdriver import (
    SIZE,
    diff_view,
    open_comparison,
    screen_text,
    settle,
    text_of,
    view_lines,
    view_segments,
)
from textual.widgets import Static

from newsdiff.app import NewsdiffApp
from newsdiff.commands import key_commands
from newsdiff.screens.help_screen import HelpScreen
from newsdiff.widgets.diff_layout import MARKER

ORIGINAL = Path(__file__).resolve().parents[2] / "seeds" / "001_ee081a7865b12ef2.txt"


@pytest.fixture
def facts_story(tmp_path: Path) -> Path:
    """Seed 001 and a copy with one figure and one name changed, and one paragraph reworded
    without changing a fact (a pair `i` keeps but `f` hides)."""
    folder = tmp_path / "facts"
    folder.mkdir()
    original = ORIGINAL.read_text(encoding="utf-8")
    (folder / "a_original.txt").write_text(original, encoding="utf-8")
    edited = (
        original.replace("lasted around 40 seconds", "lasted around a minute")
        .replace("Sergei Shoigu visited", "Sergei Lavrov visited")
        .replace("vowed support", "pledged backing")
    )
    assert edited.count("a minute") == 1 and "Lavrov" in edited and "pledged" in edited
    (folder / "b_edited.txt").write_text(edited, encoding="utf-8")
    return folder


def _state(app: NewsdiffApp) -> str:
    return text_of(app.screen.query_one("#state", Static))


async def test_f_shows_only_pairs_whose_facts_disagree_and_again_shows_all(facts_story: Path) -> None:
    app = NewsdiffApp(paths=[facts_story])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        comparison = screen.comparison
        assert comparison is not None
        view = diff_view(app)
        total = len(view.order)
        flagged = comparison.flagged_rows()
        assert len(flagged) == 2 and total > 20
        assert "facts differ" not in _state(app)

        await pilot.press("f")
        await settle(pilot)
        assert view.order == flagged
        assert f"row 1 of 2 shown ({len(comparison.rows)} in all)" in _state(app)
        assert "only pairs whose facts differ" in _state(app)
        shown = screen_text(app)
        assert "40 seconds" in shown and "a minute" in shown
        assert "pledged" not in shown  # reworded without a change of fact: hidden

        await pilot.press("f")
        await settle(pilot)
        assert len(view.order) == total
        assert "facts differ" not in _state(app)
        assert view.current_row == flagged[0]  # the reader's place is kept


async def test_flagged_rows_are_marked_and_say_what_differs(facts_story: Path) -> None:
    """Without the filter too: a flagged row carries "⚠ fact" by its score and, under A's text,
    what disagrees; a row that only rewords carries neither."""
    app = NewsdiffApp(paths=[facts_story])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        comparison = screen.comparison
        assert comparison is not None
        view = diff_view(app)
        reworded = next(k for k in view.order if "vowed support" in comparison.row_view(k).a[0].text)
        view.move_to(view.order.index(reworded))
        await settle(pilot)
        lines = view_lines(app)
        assert any("pledged" in line for line in lines)
        assert not any("⚠" in line for line in lines if line.startswith(MARKER))
        for k, says in zip(
            comparison.flagged_rows(),
            ["⚠ figures differ: 40 seconds → a minute", "⚠ names differ: Sergei Shoigu → Sergei Lavrov"],
            strict=True,
        ):
            view.move_to(view.order.index(k))
            await settle(pilot)
            current = [line for line in view_lines(app) if line.startswith(MARKER)]
            assert any("⚠ fact" in line[:12] for line in current), current[:4]
            assert any(says in line for line in current), current


async def test_f_filters_with_the_same_mechanism_as_i(facts_story: Path) -> None:
    """Both filters hold at once: hiding identical pairs under `f` changes nothing (flagged pairs
    differ), and every row `f` shows is one `i` would also show."""
    app = NewsdiffApp(paths=[facts_story])
    async with app.run_test(size=SIZE) as pilot:
        await open_comparison(pilot, 0, 1)
        view = diff_view(app)
        await pilot.press("i")
        await settle(pilot)
        without_identical = list(view.order)
        await pilot.press("f")
        await settle(pilot)
        assert set(view.order) < set(without_identical)
        assert "identical: hidden" in _state(app) and "only pairs whose facts differ" in _state(app)
        await pilot.press("i")
        await settle(pilot)
        assert "identical: shown" in _state(app)
        assert len(view.order) == 2


async def test_f_with_no_disagreement_says_so(facts_story: Path) -> None:
    """Seeds 001 and 004 agree on every figure and name: the view says so rather than go blank."""
    app = NewsdiffApp(paths=[ORIGINAL.parent])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot)
        assert screen.comparison is not None and not screen.comparison.flagged_rows()
        await pilot.press("f")
        await settle(pilot)
        assert "only pairs whose facts differ" in _state(app)
        assert "No pair's numbers or names disagree" in screen_text(app)


async def test_f_is_in_the_help_and_the_palette(facts_story: Path) -> None:
    app = NewsdiffApp(paths=[facts_story])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        assert "compare: facts only" in {command.title for command in key_commands(screen)}
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        lines = text_of(app.screen.query_one("#help-keys", Static)).splitlines()
        line = next(line for line in lines if "numbers or names disagree" in line)
        assert line.split()[0] == "f"
        assert "show only pairs whose numbers or names disagree" in line


async def test_the_filter_survives_a_swap(facts_story: Path) -> None:
    """After `s` the sides change places; still only the disagreeing pairs, now read B → A."""
    app = NewsdiffApp(paths=[facts_story])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        view = diff_view(app)
        assert screen.comparison is not None
        assert view.order == screen.comparison.flagged_rows() and len(view.order) == 2
        assert "only pairs whose facts differ" in _state(app)
        assert "figures differ: a minute → 40 seconds" in screen_text(app)


async def test_only_the_changed_figure_is_reversed_and_the_row_is_flagged(facts_story: Path) -> None:
    """The "numbers changed" mark is the figure check of ``f``: on the changed pair only "40
    seconds" / "a minute" are reversed (not "around", kept, nor any other changed word), the row
    says ``⚠ fact``, and no row carries the old ``# num`` tag."""
    app = NewsdiffApp(paths=[facts_story])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        assert screen.comparison is not None
        figure_row = next(
            k for k in screen.comparison.flagged_rows() if screen.comparison.row_view(k).numeric
        )
        view = diff_view(app)
        view.move_to(view.order.index(figure_row), center=True)
        await settle(pilot)
        reversed_text = [
            seg.text.strip() for seg in view_segments(app) if seg.style and "reverse" in str(seg.style)
        ]
        words = sorted(" ".join(reversed_text).split())  # the columns wrap: words, in any order
        assert words == sorted(["40", "seconds", "a", "minute"]), reversed_text
        shown = screen_text(app)
        assert "⚠ fact" in shown and "# num" not in shown
