"""Article text is data: markup-looking text shows literally and never runs an action."""

from __future__ import annotations

from pathlib import Path

from appdriver import SIZE, open_comparison, screen_text, settle, story_ready
from textual.widgets import Static

from newsdiff.app import NewsdiffApp
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.widgets.diff_row import DiffRow

LITERALS = ["[bold]x[/bold]", "[/]", "[@click=app.quit]y"]


async def test_markup_in_articles_is_shown_literally(hostile_story: Path) -> None:
    app = NewsdiffApp(paths=[hostile_story])
    async with app.run_test(size=SIZE) as pilot:
        await story_ready(pilot)
        await settle(pilot)
        story = screen_text(app)
        assert "Council approves [bold]x[/bold] budget [red]" in story, "titles in the table and details pane"
        assert "[bold]x[/bold]" in story and "[/]" in story, "the lead in the details pane"

        screen = await open_comparison(pilot, 0, 1)
        await settle(pilot)
        compare = screen_text(app)
        for literal in [*LITERALS, "[link=http://example.com]z[/link]"]:
            assert literal in compare, literal
        cells = [str(c.visual) for row in screen.query(DiffRow) for c in row.query(".cell").results(Static)]
        assert any("[@click=app.quit]y" in cell for cell in cells)

        # Click right on the characters that look like an action link: the app must not quit.
        lines = compare.splitlines()
        y = next(n for n, line in enumerate(lines) if "[@click=app.quit]y" in line)
        x = lines[y].index("[@click=app.quit]y") + len("[@click=")
        await pilot.click(offset=(x, y))
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, CompareScreen)
        assert "[@click=app.quit]y" in screen_text(app)
