"""The article model and how a text becomes paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
        return sum(len(p.text.split()) for p in self.body)


def split_blocks(text: str) -> list[str]:
    """Split text into paragraph blocks.

    Blank lines separate paragraphs; a file with no blank line at all has one paragraph per line
    (scrapes often lose the blank lines). Surrounding white space is trimmed, empty blocks dropped.
    """
    stripped = text.strip()
    if not stripped:
        return []
    blocks = _BLANK_LINE.split(stripped) if _BLANK_LINE.search(stripped) else stripped.split("\n")
    return [block.strip() for block in blocks if block.strip()]
