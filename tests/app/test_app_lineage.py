"""The lineage screen, driven by keys: L from the story, the heat map and a direction sentence."""

from __future__ import annotations

from appdriver import SEEDS, SIZE, screen_text, story_ready, text_of, wait_for
from textual.widgets import Static

from newsdiff.app import NewsdiffApp
from newsdiff.screens.lineage_screen import LineageScreen, cell_text, shade
from newsdiff.screens.story_screen import StoryScreen


async def test_lineage_screen_shows_the_matrix_and_names_001_as_004s_source() -> None:
    app = NewsdiffApp(paths=[SEEDS])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        await pilot.press("L")
        await wait_for(pilot, lambda: isinstance(app.screen, LineageScreen), "the lineage screen")
        screen = app.screen
        assert isinstance(screen, LineageScreen)
        await wait_for(pilot, lambda: screen.result is not None, "lineage to be computed")
        await pilot.pause()
        text = screen_text(app)
        assert "Rewrite lineage · 5 articles" in text
        # The matrix: one labelled row per article, the diagonal marked, 004's row holding its reuse of 001.
        rows = text_of(screen.query_one("#lineage-map", Static)).splitlines()
        assert len(rows) == 1 + 5
        row_004 = next(line for line in rows if line.lstrip().startswith("5 004_"))
        assert "—" in row_004
        assert screen.result is not None
        share = screen.result.share(4, 1)
        assert cell_text(share) in row_004 and shade(share) in row_004
        # The direction sentence, on screen.
        assert "004_0585261c54842d1b.txt condenses The Associated Press" in text
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, StoryScreen), "back to the story")


def test_cells_read_without_colour() -> None:
    assert cell_text(0.0).strip() == "·"
    assert cell_text(0.37) == "  37%▒"
    assert cell_text(0.8).endswith("█") and cell_text(0.1).endswith("░")
    assert cell_text(0.999) == "  99%█"  # never rounds up to a claim of 100%


def test_a_big_story_maps_the_articles_with_most_reuse() -> None:
    from newsdiff.core.article import Article, Paragraph
    from newsdiff.core.lineage import Lineage, LineagePair
    from newsdiff.screens.lineage_screen import MAX_MATRIX, heat_map

    articles = tuple(
        Article(f"{k:02d}.txt", f"t{k}", f"Outlet {k}", (Paragraph(0, "x"),)) for k in range(MAX_MATRIX + 4)
    )
    # Articles 0..3 share nothing; every other article reuses its neighbour.
    pairs = tuple(LineagePair(k, k + 1, 0.5, 0.2, "a_from_b") for k in range(4, len(articles) - 1))
    lines = heat_map(Lineage(articles, pairs, tuple(100 for _ in articles))).plain.splitlines()
    assert len(lines) == 1 + MAX_MATRIX + 1
    assert lines[-1] == f"(the {MAX_MATRIX} articles with the most reuse, of {len(articles)})"
    assert not any(line.lstrip().startswith(("1 Outlet 0", "2 Outlet 1")) for line in lines)
