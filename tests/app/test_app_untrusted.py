"""Article text and file names are data: whatever they hold is shown literally and never acts.

Markup (``[bold]``, ``[@click=app.quit]``) is never parsed; terminal escape sequences lose their
ESC/BEL bytes in the loader, so what remains (``[31m``, ``]0;pwned``) is shown as text; bidi
overrides and zero-width spaces are removed (joiners kept); HTML and Markdown are plain text.
"""

from __future__ import annotations

from pathlib import Path

from appdriver import SIZE, open_comparison, screen_text, settle, story_ready
from samples import INJECTION_NAMES, INJECTION_TITLE
from textual.content import Content
from textual.widgets import Static

from newsdiff.app import NewsdiffApp
from newsdiff.screens.compare_screen import CompareScreen
from newsdiff.screens.story_screen import StoryScreen
from newsdiff.widgets.article_table import ArticleTable
from newsdiff.widgets.diff_view import DiffView

LITERALS = ["[bold]x[/bold]", "[/]", "[@click=app.quit]y"]
BIG = (160, 60)

SHOWN_LITERALLY = [
    "[bold]approves[/]",
    "[link=https://x]y[/link]",
    "[@click=app.quit]z",
    "The vote [31mwas red[0m and [2J cleared nothing, ]0;pwned set no title, ]52;c;SGVsbG8= copied",
    "The vote [32mwas green[0m",
    "A link ]8;;https://evil.example\\click me]8;;\\ goes nowhere",
    "Access level: user admin hidden text",
    "Zerowidth spaces go, joiners stay: 👨\u200d👩\u200d👧 and می\u200cخواهم were kept.",
    "<script>alert('x')</script> and <img src=x onerror=alert(1)> stay text",
    "# Not a heading\n| a | b |\n|---|---|\n**not bold** [link](http://x) `code`",
]
ON_SCREEN = [
    "[@click=app.quit]z",
    "[31mwas red[0m",
    "]0;pwned",
    "]52;c;SGVsbG8=",
    "<script>alert('x')</script>",
    "# Not a heading",
    "| a | b |",
    "**not bold** [link](http://x) `code`",
    "Access level: user admin hidden text",
]
NEVER_SHOWN = ["\x1b", "\x07", "\u202e", "\u202c", "\u2066", "\u2069", "\u200b"]


def cell_contents(screen: CompareScreen) -> list[Content]:
    """What each cell of the comparison shows, before wrapping: plain text and style spans."""
    view = screen.query_one(DiffView)
    cells = (view.cell_content(k, side) for k in view.order for side in ("a", "b"))
    return [cell for cell in cells if cell is not None]


def cell_texts(screen: CompareScreen) -> list[str]:
    return [cell.plain for cell in cell_contents(screen)]


async def click_text(pilot: object, text: str, offset: int) -> None:
    """Click on the screen at ``offset`` characters into the first line showing ``text``."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    lines = screen_text(pilot.app).splitlines()
    y = next(n for n, line in enumerate(lines) if text in line)
    x = lines[y].index(text) + offset
    await pilot.click(offset=(x, y))
    await settle(pilot)


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
        assert any("[@click=app.quit]y" in cell for cell in cell_texts(screen))

        # Click right on the characters that look like an action link: the app must not quit.
        await click_text(pilot, "[@click=app.quit]y", len("[@click="))
        assert app.is_running and isinstance(app.screen, CompareScreen)
        assert "[@click=app.quit]y" in screen_text(app)


async def test_the_story_screen_shows_hostile_titles_and_file_names_literally(injection_story: Path) -> None:
    app = NewsdiffApp(paths=[injection_story])
    async with app.run_test(size=BIG) as pilot:
        screen = await story_ready(pilot)
        await settle(pilot)
        table = screen.query_one(ArticleTable)
        assert [table.get_cell_at((row, 1)).plain for row in range(2)] == list(INJECTION_NAMES)
        assert [table.get_cell_at((row, 2)).plain for row in range(2)] == [INJECTION_TITLE] * 2
        text = screen_text(app)
        for literal in [*INJECTION_NAMES, INJECTION_TITLE, "]0;pwned set no title", "[31mwas red[0m"]:
            assert literal in text, literal
        assert not any(char in text for char in NEVER_SHOWN)
        # The hint line and the details pane show the name "[@click=app.quit]x.txt": click it.
        await click_text(pilot, "[@click=app.quit]x.txt", len("[@click="))
        await click_text(pilot, "Source [@click=app.quit]x.txt", len("Source [@click="))
        assert app.is_running and isinstance(app.screen, StoryScreen)
        assert INJECTION_NAMES[0] in screen_text(app)


async def test_the_comparison_shows_escapes_bidi_html_and_markdown_literally(injection_story: Path) -> None:
    app = NewsdiffApp(paths=[injection_story])
    async with app.run_test(size=BIG) as pilot:
        screen = await open_comparison(pilot, 0, 1)
        await settle(pilot)
        cells = "\n".join(cell_texts(screen))
        for literal in SHOWN_LITERALLY:
            assert literal in cells, literal
        assert not any(char in cells for char in NEVER_SHOWN)
        text = screen_text(app)
        for literal in [*ON_SCREEN, *INJECTION_NAMES]:
            assert literal in text, literal
        heads = str(screen.query_one("#head-a", Static).visual) + str(
            screen.query_one("#head-b", Static).visual
        )
        assert INJECTION_NAMES[0] in heads and INJECTION_NAMES[1] in heads

        # The word diff marks changes inside the hostile text without interpreting it.
        cell = next(c for c in cell_contents(screen) if "[31mwas red" in c.plain)
        marked = [cell.plain[span.start : span.end] for span in cell.spans if "strike" in str(span.style)]
        assert any("31m" in piece or "red" in piece for piece in marked), marked

        # Clicking on "[@click=app.quit]" in a cell and in a column head does nothing.
        await click_text(pilot, "[@click=app.quit]z", len("[@click="))
        await click_text(pilot, "[@click=app.quit]x.txt", len("[@click="))
        assert app.is_running and isinstance(app.screen, CompareScreen)
        assert "[@click=app.quit]z" in screen_text(app)
