"""The app with hostile file names, newsdiff.toml values and a bad file (issue 16: items 4, 5):
whatever they hold reaches the screen as visible text, never as a control character."""

from __future__ import annotations

from pathlib import Path

from appdriver import SIZE, screen_text, settle, story_ready

from newsdiff.app import NewsdiffApp

ESCAPES = "\x1b]2;PWN\x07\x1b[2J\x1bc\x9b31m"
TOML_ESCAPES = "\\u001b]2;PWN\\u0007\\u001b[2J\\u001bc\\u009b31m"
RAW = ("\x1b", "\x07", "\x9b")
TEXT = (
    "The council approved the budget on Tuesday after a long debate about bridges.\n\n"
    "Opponents said the library had lost too much of its money in the process.\n"
)


async def test_hostile_names_and_metadata_show_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / f"a{ESCAPES}.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(TEXT.replace("Tuesday", "Monday"), encoding="utf-8")
    (folder / f"c{ESCAPES}\nx.txt").write_bytes(b"")  # an empty file: its error names it
    (folder / "newsdiff.toml").write_text(
        f'["b.txt"]\noutlet = "Evil{TOML_ESCAPES} News"\ntitle = "One\\ntwo{TOML_ESCAPES}"\n',
        encoding="utf-8",
    )
    app = NewsdiffApp(paths=[folder])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await story_ready(pilot)
        await settle(pilot)
        text = screen_text(app)
        notices = " ".join(str(n.message) for n in app._notifications)
        for shown in (text, notices):
            assert not any(ch in shown for ch in RAW), repr(shown)
        assert "Evil]2;PWN" in text and "One two]2;PWN" in text  # the printable rest, as text
        assert "x9b31m.txt" in text, text  # the file name (cut to the column), its escapes visible
        assert "the file is empty" in notices and "c\\x1b]2;PWN" in notices
