"""Where quotations stand in a paragraph: quote marks paired, single quotes told from apostrophes."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

SCARE_MAX_WORDS = 3
"""At most this many quoted words with no speech verb in the sentence are a scare quote."""
DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE = re.compile('[“”„«»"]')
SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘']")
SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?…])[’'](?![\w])")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    open: int  # index of the opening mark (or of the first character, for a block quote)
    close: int  # index of the closing mark (or len(text) when none)
    content: tuple[int, int]


def double_spans(text: str) -> list[QuoteSpan]:
    """Pair double quote marks left to right; an unclosed one at the end runs to the paragraph end
    (the convention for a quotation that continues in the next paragraph)."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for match in DOUBLE.finditer(text):
        ch, at = match.group(), match.start()
        if open_at is None:
            opener = ch in DOUBLE_OPEN or ch == '"'
            # A closing mark used as an opener: at the start or after a space, before a letter.
            if ch in DOUBLE_CLOSE and (at == 0 or text[at - 1].isspace()) and text[at + 1 : at + 2].isalnum():
                opener = True
            if opener:
                open_at = at
        elif ch in DOUBLE_CLOSE or ch == '"':
            spans.append(QuoteSpan(open_at, at, (open_at + 1, at)))
            open_at = None
        else:
            open_at = at  # a new opener: the previous one was never closed
    if open_at is not None and len(text[open_at + 1 :].split()) > SCARE_MAX_WORDS:
        spans.append(QuoteSpan(open_at, len(text), (open_at + 1, len(text))))
    return spans


def single_spans(text: str, start: int, end: int, *, top_level: bool) -> list[tuple[int, int]]:
    """Single-quoted spans in ``text[start:end]``: nested quotes, or short headline-style ones.

    An apostrophe ("Russia's", "Koreas' leaders") is never an opener: an opener follows a space
    or the start; a closer follows a word and is not followed by one.
    """
    found: list[tuple[int, int]] = []
    pos = start
    while True:
        opener = SINGLE_OPEN.search(text, pos, end)
        if opener is None:
            return found
        if top_level and opener.group() != "‘":
            pos = opener.end()
            continue
        closer = SINGLE_CLOSE.search(text, opener.end(), end)
        if closer is None:
            return found
        inner = (opener.end(), closer.start())
        if text[inner[0] : inner[0] + 1].isalnum() and (
            not top_level or len(text[inner[0] : inner[1]].split()) <= 12
        ):
            found.append(inner)
            pos = closer.end()
        else:
            pos = opener.end()


def blank_quotes(text: str, spans: list[QuoteSpan]) -> str:
    """``text`` with quoted content replaced by spaces: verbs and names are looked for outside."""
    chars = list(text)
    for raw in spans:
        for k in range(raw.open, min(raw.close + 1, len(text))):
            chars[k] = " "
    return "".join(chars)


def sentence_bounds(spans: list[tuple[int, int]], at: int) -> tuple[int, int]:
    """The sentence holding offset ``at`` (the one before it when ``at`` falls between two);
    a bisection, as a paragraph may hold thousands of sentences and quotations."""
    if not spans:
        return 0, 0
    k = max(0, bisect.bisect_right(spans, (at, float("inf"))) - 1)
    return spans[k]
