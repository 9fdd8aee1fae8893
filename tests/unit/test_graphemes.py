"""A change marker never splits a grapheme cluster (issue 16, item 15, in part): the tokenizer
keeps combining marks, skin tones, ZWJ sequences and flags in the token they belong to."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdiff.core.graphemes import MARKS
from newsdiff.core.tokens import token_table, tokenize
from newsdiff.core.worddiff import diff_words


def test_marks_are_every_combining_mark_of_this_python() -> None:
    marks = re.compile(f"[{MARKS}]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert bool(marks.fullmatch(char)) == unicodedata.category(char).startswith("M"), hex(code)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("votes 👍🏽 👍🏿", ["votes", "👍🏽", "👍🏿"]),
        ("தமிழ்நாடு அரசு", ["தமிழ்நாடு", "அரசு"]),
        ("नमस्ते दुनिया", ["नमस्ते", "दुनिया"]),
        ("วันอังคาร", ["วันอังคาร"]),
        ("🇰🇵🇵🇰", ["🇰🇵", "🇵🇰"]),
        ("👨\u200d👩\u200d👧 ok", ["👨\u200d👩\u200d👧", "ok"]),
        ("Café U.S. don’t 1,000.", ["Café", "U.S.", "don’t", "1,000", "."]),
    ],
)
def test_tokens_end_between_clusters(text: str, tokens: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == tokens
    assert token_table(text)[0] == tokens


@pytest.mark.parametrize(
    ("a", "b", "changed_a", "changed_b"),
    [
        ("the vote 👍🏽 passed", "the vote 👍🏿 passed", "👍🏽", "👍🏿"),
        ("அரசு செவ்வாய்க்கிழமை அறிவித்தது", "அரசு புதன்கிழமை அறிவித்தது", "செவ்வாய்க்கிழமை", "புதன்கிழமை"),
        ("सरकार ने मंगलवार को", "सरकार ने बुधवार को", "मंगलवार", "बुधवार"),
        ("flags 🇰🇵 here", "flags 🇵🇰 here", "🇰🇵", "🇵🇰"),
    ],
)
def test_a_change_is_whole_clusters(a: str, b: str, changed_a: str, changed_b: str) -> None:
    ops = [op for op in diff_words(a, b).ops if op.kind != "equal"]
    changes = [(a[op.a_start : op.a_end].strip(), b[op.b_start : op.b_end].strip()) for op in ops]
    assert changes == [(changed_a, changed_b)]


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_the_plain_pattern_tokenizes_exactly_as_the_cluster_pattern_where_it_is_used(text: str) -> None:
    """The fast path (no character that continues a cluster) changes speed, never tokens."""
    from newsdiff.core import tokens

    full = tokens._SPLIT.split(text)
    chosen = (tokens._SPLIT if tokens._clustered(text) else tokens._PLAIN_SPLIT).split(text)
    assert chosen == full
