"""The article model and how a text becomes paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsdiff.core.tokens import word_count

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph as it stands in the file.

    ``boilerplate`` names why the paragraph was set aside (``"copyright"``, ``"photo credit"``...)
    or is ``None`` for article body. Set-aside paragraphs are kept, never deleted: the reader can
    show them dimmed, and the JSON output lists them.
    """

    index: int
    text: str
    boilerplate: str | None = None

    @property
    def is_body(self) -> bool:
        return self.boilerplate is None


@dataclass(frozen=True, slots=True)
class Article:
    """A loaded article: its metadata, and all its paragraphs in file order."""

    path: str
    title: str
    outlet: str | None
    paragraphs: tuple[Paragraph, ...]
    date: str | None = None
    byline: str | None = None
    url: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def name(self) -> str:
        """What to call the source on screen: its outlet, else its file name."""
        if self.outlet:
            return self.outlet
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]

    @property
    def body(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.is_body)

    @property
    def boilerplate_indices(self) -> list[int]:
        return [p.index for p in self.paragraphs if not p.is_body]

    @property
    def word_count(self) -> int:
        return sum(word_count(p.text) for p in self.body)


WRAP_MIN_WIDTH, WRAP_MAX_WIDTH = 40, 100
"""A file whose longest line is within these bounds, most lines near it, is hard-wrapped."""
MID_SENTENCE_SHARE = 0.5
"""Hard-wrapped text breaks at least this share of its lines inside a sentence."""
_SENTENCE_END = re.compile(r"[.!?:;…。！？][\"'”’)\]」』]*$")


def _hard_wrapped(lines: list[str]) -> bool:
    """True for text wrapped at a fixed width (e-mail, plain-text wires), not one line a paragraph."""
    if len(lines) < 3:
        return False
    width = max(len(line) for line in lines)
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return False
    full = sum(1 for line in lines if len(line) >= 0.6 * width)
    # Wrapping breaks lines inside sentences; a file of short paragraphs, one a line (wire
    # briefs, 40-100 characters each), ends nearly every line with a sentence.
    broken = sum(1 for line in lines[:-1] if not _SENTENCE_END.search(line))
    return full >= 0.6 * len(lines) and broken >= MID_SENTENCE_SHARE * (len(lines) - 1)


def _unwrap(lines: list[str]) -> list[str]:
    """Re-join wrapped lines. A paragraph ends at a line that ends a sentence and was broken
    early: the next line's first word would have fitted on it, so a wrapper did not break it."""
    width = max(len(line) for line in lines)
    paragraphs: list[list[str]] = [[]]
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        paragraphs[-1].append(line)
        next_word = following.split(maxsplit=1)[0] if following.strip() else ""
        if _SENTENCE_END.search(line) and len(line) + 1 + len(next_word) <= width:
            paragraphs.append([])
    return [" ".join(p) for p in paragraphs if p]


def split_blocks(text: str) -> list[str]:
    """Split text into paragraph blocks.

    Blank lines separate paragraphs. A file with no blank line at all has one paragraph per line
    (scrapes often lose the blank lines), unless it is hard-wrapped at a fixed width: then lines
    are re-joined into paragraphs. Surrounding white space is trimmed, empty blocks dropped.
    """
    stripped = text.strip()
    if not stripped:
        return []
    if _BLANK_LINE.search(stripped):
        blocks = _BLANK_LINE.split(stripped)
    else:
        lines = [line.strip() for line in stripped.split("\n") if line.strip()]
        blocks = _unwrap(lines) if _hard_wrapped(lines) else lines
    return [block.strip() for block in blocks if block.strip()]
