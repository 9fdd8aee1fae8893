"""Reading two outlets that share little: ``}`` / ``{`` jump from pair to pair past the unpaired
paragraphs, ``u`` hides those, and a pair told at another place of the story is tagged ``moved``."""

from __future__ import annotations

from pathlib import Path

from appdriver import SIZE, diff_view, open_comparison, screen_text, settle, text_of
from textual.widgets import Static

from newsdiff.app import NewsdiffApp
from newsdiff.core.comparison.filters import is_boilerplate

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
REPORTS = [
    "Kim Jong Un arrived at the cosmodrome in the Far East on Wednesday for talks with Putin.",
    "The two leaders toured the launch pads and the assembly hall before sitting down to talk.",
    "Officials in Seoul said they were watching the meeting closely for any arms agreements.",
    "The White House warned that any transfer of weapons would break United Nations sanctions.",
]


async def test_curly_brackets_jump_from_pair_to_pair_and_u_hides_the_unpaired() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(
            pilot, 0, 1
        )  # The Globe and Mail and the AP: pairs among many unpaired
        comparison = screen.comparison
        assert comparison is not None
        view = diff_view(app)
        pairs = [
            k for k in view.order if comparison.rows[k].kind == "pair" and not is_boilerplate(comparison, k)
        ]
        assert len(pairs) >= 2 and len(view.order) > 3 * len(pairs)
        visited = []
        for _ in pairs:
            await pilot.press("right_curly_bracket")
            await settle(pilot)
            visited.append(view.current_row)
        assert visited == pairs
        await pilot.press("left_curly_bracket")
        await settle(pilot)
        assert view.current_row == pairs[-2]

        await pilot.press("u")
        await settle(pilot)
        assert view.order and all(comparison.rows[k].kind == "pair" for k in view.order)
        assert "unpaired: hidden" in text_of(screen.query_one("#state", Static))
        assert view.current_row == pairs[-2], "the current pair stays current"
        await pilot.press("u")
        await settle(pilot)
        assert any(comparison.rows[k].kind != "pair" for k in view.order)
        assert "unpaired" not in text_of(screen.query_one("#state", Static))


async def test_a_pair_told_elsewhere_is_tagged_moved(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("\n\n".join(REPORTS), encoding="utf-8")
    reordered = [REPORTS[0], REPORTS[2], REPORTS[3], REPORTS[1]]
    (tmp_path / "b.txt").write_text("\n\n".join(reordered), encoding="utf-8")
    app = NewsdiffApp(paths=[tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        assert screen.comparison is not None
        assert screen.comparison.moved_rows == frozenset({1})
        lines = screen_text(app)
        assert lines.count("moved") == 1, lines


async def test_when_little_pairs_the_header_offers_t_and_t_pairs_more_loosely() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, 0, 1)  # The Globe and Mail vs AP: in their own words
        assert screen.comparison is not None
        before = screen.comparison.summary()
        assert before.pairs_little
        assert "little pairs: T pairs more loosely (0.12)" in screen_text(app)
        await pilot.press("T")
        await pilot.wait_for_scheduled_animations()
        for _ in range(100):  # the alignment runs in a worker
            await settle(pilot)
            if screen.comparison is not None:
                break
        assert screen.comparison is not None and screen.threshold == 0.12
        assert screen.comparison.summary().pairs >= before.pairs
        assert "paired loosely (threshold 0.12): T for 0.18" in screen_text(app)
        await pilot.press("T")
        for _ in range(100):
            await settle(pilot)
            if screen.comparison is not None:
                break
        assert screen.threshold == 0.18 and screen.comparison is not None
        assert screen.comparison.summary().pairs == before.pairs
        assert "T pairs more loosely" in screen_text(app)


async def test_a_comparison_that_pairs_well_offers_no_looser_setting(tmp_path: Path) -> None:
    text = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("Wednesday", "Tuesday"), encoding="utf-8")
    app = NewsdiffApp(paths=[tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        assert screen.comparison is not None
        assert not screen.comparison.summary().pairs_little
        assert "pairs" in screen_text(app) and "T pairs more loosely" not in screen_text(app)
