"""Paragraph view (``w``): changed pairs tinted whole; unpaired paragraphs keep their edge and the
hatched gap opposite, not a tint, so two outlets that share little do not become a wall of colour."""

from __future__ import annotations

from appdriver import SEEDS, SIZE, diff_view, open_comparison, settle, view_segments
from rich.color import Color as RichColor
from textual.color import Color

from newsdiff.app import NewsdiffApp


def _colour(app: NewsdiffApp, variable: str) -> RichColor:
    return Color.parse(app.theme_variables[variable]).rich_color


async def test_unpaired_paragraphs_are_not_painted_in_paragraph_view() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot, 0, 1)  # The Globe and Mail and the AP: mostly unpaired
        assert screen.comparison is not None
        await pilot.press("w")
        await settle(pilot)
        view = diff_view(app)
        assert not view.word_level
        shown = [screen.comparison.rows[k].kind for k in view.order[:8]]
        assert shown.count("only_b") + shown.count("only_a") >= 4  # what the first screen shows
        painted = {_colour(app, "success-muted"), _colour(app, "error-muted")}
        texts = [seg for seg in view_segments(app) if seg.text.strip() and seg.style]
        walls = [seg.text for seg in texts if seg.style.bgcolor in painted]
        assert walls == [], walls[:5]
        # A changed pair is still tinted whole in this view.
        await pilot.press("right_curly_bracket")
        await settle(pilot)
        tinted = _colour(app, "warning-muted")
        assert any(
            seg.style.bgcolor == tinted for seg in view_segments(app) if seg.text.strip() and seg.style
        )
