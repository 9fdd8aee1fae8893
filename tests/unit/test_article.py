"""Paragraph splitting, on constructed texts and on the seeds."""

from __future__ import annotations

from pathlib import Path

from newsdiff.core.article import Article, split_blocks


def test_blank_lines_separate_paragraphs_and_single_newlines_do_not() -> None:
    text = "First line\nstill first.\n\n  \nSecond.\n\n\nThird.\n"
    assert split_blocks(text) == ["First line\nstill first.", "Second.", "Third."]


def test_without_blank_lines_every_line_is_a_paragraph() -> None:
    assert split_blocks("One.\nTwo.\n\t\nThree.") == ["One.\nTwo.", "Three."]
    assert split_blocks("One.\nTwo.\nThree.\n") == ["One.", "Two.", "Three."]


def test_empty_text_has_no_paragraphs() -> None:
    assert split_blocks("") == []
    assert split_blocks(" \n\t\n ") == []


def _count_nonblank_lines(path: str) -> int:
    return sum(1 for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip())


def test_seed_paragraph_counts(seeds: dict[str, Article]) -> None:
    # 000, 003 and 004 have no blank lines: one paragraph per line.
    for key in ("000", "003", "004"):
        assert len(seeds[key].paragraphs) == _count_nonblank_lines(seeds[key].path)
    # 001 and 002 use blank lines. 001 ends with two lines glued in one block ("Copyright The
    # Associated Press" / "Exit mobile version"), which are set aside separately.
    assert len(seeds["001"].paragraphs) == 33
    assert seeds["001"].paragraphs[-2].text == "Copyright The Associated Press"
    assert seeds["001"].paragraphs[-1].text == "Exit mobile version"
    assert len(seeds["002"].paragraphs) == 43


def test_original_text_is_kept_for_display(seeds: dict[str, Article]) -> None:
    raw = Path(seeds["000"].path).read_text(encoding="utf-8")
    for paragraph in seeds["000"].paragraphs:
        assert paragraph.text in raw
    assert "“sacred fight”" in seeds["000"].paragraphs[0].text


WRAPPED = """North Korean leader Kim Jong Un met Russian President Vladimir Putin on
Wednesday at a remote cosmodrome in the Russian Far East, where the two
leaders discussed military cooperation, the war in Ukraine and
North Korea's satellite program, according to state media.
The talks lasted about four hours, the Kremlin said, and were followed
by a state dinner for both delegations.
"""


def test_hard_wrapped_text_is_rejoined_into_paragraphs() -> None:
    blocks = split_blocks(WRAPPED)
    assert len(blocks) == 2
    assert blocks[0].startswith("North Korean leader") and blocks[0].endswith("according to state media.")
    assert "on Wednesday" in blocks[0]
    assert blocks[1] == (
        "The talks lasted about four hours, the Kremlin said, and were followed by a state dinner "
        "for both delegations."
    )


def test_long_lines_without_blank_lines_stay_one_paragraph_each(seeds: dict[str, Article]) -> None:
    lines = Path(seeds["003"].path).read_text(encoding="utf-8").strip().split("\n")
    assert split_blocks("\n".join(lines)) == [line.strip() for line in lines if line.strip()]


def test_short_paragraphs_one_a_line_stay_one_paragraph_a_line() -> None:
    """A wire brief: eight one-sentence paragraphs of 40-100 characters, one a line. Every line ends
    a sentence, so it is not hard-wrapped (the width guess alone read it as five paragraphs)."""
    lines = [
        "Kim Jong Un arrived at the Vostochny Cosmodrome on Wednesday.",
        "Putin greeted him with a handshake that lasted about 40 seconds.",
        "The two leaders toured a Soyuz-2 rocket launch facility together.",
        "North Korea fired two ballistic missiles hours before the meeting.",
        "Kim vowed full support for Russia's sacred fight against the West.",
        "The talks lasted about four hours, Russian state media reported.",
        "Washington warned that any arms deal would violate UN resolutions.",
        "Kim later left by his armoured train for Komsomolsk-on-Amur.",
    ]
    assert split_blocks("\n".join(lines)) == lines
