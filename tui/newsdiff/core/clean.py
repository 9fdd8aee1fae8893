"""Recognising the page chrome a scrape leaves in an article.

Scrapes keep navigation, related-story links, photo credits and captions, copyright lines and the
like. They are set aside with a reason, never deleted: the reader can still show them, and a wrong
guess costs a dimmed paragraph, not lost text. Rules are deliberately conservative: a paragraph
that reads like a sentence of reporting stays body unless a specific pattern says otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdiff.core.tokens import word_count

# Each rule: (reason, pattern matched against the whole, stripped paragraph).
_LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("separator", re.compile(r"^[\s_\-–—*=~#•·.]{3,}$")),
    (
        "navigation",
        re.compile(
            r"^(exit mobile version|skip to (main )?content|back to top|"
            r"(open|close|toggle) (menu|navigation)|menu|search|home)$",
            re.I,
        ),
    ),
    ("copyright", re.compile(r"^(copyright\b|©|\(c\)\s*\d{4}).{0,150}$", re.I)),
    ("copyright", re.compile(r"^.{0,120}\ball rights reserved\.?$", re.I)),
    (
        "reprint",
        re.compile(
            r"^(this (material|article|story) (may not be|is based in part on|"
            r"was (originally )?published)|reprinted (with|by) permission).{0,200}$",
            re.I,
        ),
    ),
    (
        "comment policy",
        re.compile(
            r"^(comments? (are|is) (closed|moderated)|"
            r"(please )?(read|see) our (comment|commenting) (policy|guidelines)|"
            r"click (here )?to read more and view comments|"
            r"we (welcome|value) (your )?comments|join the conversation|"
            r"you must be logged in to comment).{0,200}$",
            re.I,
        ),
    ),
    (
        "contributors",
        re.compile(
            r"^(with files from|contributed reporting|additional reporting by)"
            r".{0,300}$",
            re.I,
        ),
    ),
    (
        "contributors",
        re.compile(
            r"^(?=.*\b(journalists?|writers?|correspondents?|reporters?)\b)"
            r".{0,800}\bcontributed( to this (report|story))?\.?$"
        ),
    ),
    ("contributors", re.compile(r"^[A-Z][\w.’' -]{1,40} reported from [A-Z][^.]{2,60}\.$")),
    ("contributors", re.compile(r"^[•*·-]?\s*[A-Z][\w.’' -]{1,60} can be (reached|contacted) at .{3,120}$")),
    ("photo credit", re.compile(r"^(photo|image|video|file photo|credit)s?\s*[:/—–-].{0,120}$", re.I)),
    (
        "photo credit",
        re.compile(
            r"^[^.!?]{0,120}\b(via (AP|AFP|Reuters|Getty Images)|"
            r"(AP|AFP|Reuters|Getty Images|EPA|Bloomberg) photo|"
            r"Pool Photo|/ ?(AP|AFP|Reuters|Getty Images))\)?$",
            re.I,
        ),
    ),
    (
        "share links",
        re.compile(
            r"^(share|share this|tweet|email|print|facebook|twitter|x|"
            r"linkedin|whatsapp|copy link)( (article|story|on \w+))?$",
            re.I,
        ),
    ),
    ("newsletter", re.compile(r"^(sign up|subscribe)\b.{0,120}$", re.I)),
    (
        "related links",
        re.compile(
            r"^(?:(?:related|read more|also read|see also|read next)(?:\s*[:—–-].{0,150})?|"
            r"(?:related (?:stories|articles|coverage|content|links)|more from|recommended for you|"
            r"most read|most popular)\b.{0,150})$",
            re.I,
        ),
    ),
    ("masthead", re.compile(r"^[-–—|] .{2,60} [-–—|] .{0,60}\d{4}$")),
)

_TERMINAL = re.compile(r"[.!?:;…。！？；：][\"'”’)\]」』]*$")
RELATED_RUN_MAX_SHARE = 0.5
"""A run of short lines covering more of the article than this is the article, not a link box."""
_CAPTION_HINT = re.compile(
    r"(, (left|right|center|centre|second (left|right))\b|^FILE\s*[-–—]|"
    r"\b(pictured|is seen|are seen|poses?|shake hands)\b)",
    re.I,
)


def line_rule(text: str) -> str | None:
    """The reason a single line/paragraph is boilerplate by pattern alone, else ``None``."""
    stripped = text.strip()
    for reason, pattern in _LINE_RULES:
        if pattern.match(stripped):
            return reason
    return None


def _is_short(text: str) -> bool:
    return word_count(text) <= 15


def _is_teaser(text: str) -> bool:
    """A short line with no sentence-ending punctuation: a link text, label or heading."""
    return _is_short(text) and not _TERMINAL.search(text.strip())


def split_mixed_blocks(blocks: Sequence[str]) -> list[str]:
    """Split a multi-line block into its lines when any of them is boilerplate on its own.

    A scrape often glues a copyright line and a footer ("Copyright The Associated Press" /
    "Exit mobile version") into one block; each deserves its own reason.
    """
    result: list[str] = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if len(lines) > 1 and any(line_rule(line) for line in lines):
            result.extend(lines)
        else:
            result.append(block)
    return result


def classify(blocks: Sequence[str], title_index: int | None = None) -> list[str | None]:
    """A reason for every block that is boilerplate, ``None`` for body.

    Beyond single-line patterns, context decides: labels before the headline are section
    navigation, a run of short link-like lines is a related-stories box, and a paragraph beside a
    photo credit that describes a picture is its caption.
    """
    reasons: list[str | None] = [line_rule(block) for block in blocks]
    # Section labels above the headline ("Russia", "World News").
    if title_index is not None:
        for i in range(title_index):
            if reasons[i] is None and _is_teaser(blocks[i]) and len(blocks[i].split()) <= 4:
                reasons[i] = "section label"
    # Related-story boxes: three or more short paragraphs in a row, two of them link-like.
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and reasons[j] is None and j != title_index and _is_short(blocks[j]):
            j += 1
        run = range(i, j)
        if (
            len(run) >= 3
            and len(run) <= RELATED_RUN_MAX_SHARE * len(blocks)
            and sum(_is_teaser(blocks[k]) for k in run) >= 2
        ):
            for k in run:
                reasons[k] = "related links"
        i = max(j, i + 1)
    # Captions sit next to their photo credit.
    for i, reason in enumerate(reasons):
        if reason != "photo credit":
            continue
        for k in (i - 1, i + 1):
            if 0 <= k < len(blocks) and reasons[k] is None and _CAPTION_HINT.search(blocks[k]):
                reasons[k] = "photo caption"
    return reasons
