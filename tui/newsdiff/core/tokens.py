"""Tokens, terms and sentences: the one place that decides what a word is.

The word diff needs tokens with exact character offsets (so the text can be rebuilt and
highlighted); the aligner needs normalised terms (so "Kim’s" and "Kim's" count as one word).
Both come from the same pattern so that the two never disagree about word boundaries.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.core.graphemes import CLUSTER_STARTS, EXTEND, REGIONAL_PAIR
from newsdiff.core.lexicon import NUMBER_WORDS, stem

# A word: letters/digits with inner apostrophes, hyphens, periods or commas ("don’t", "Soyuz-2",
# "U.S.", "1,000", "3.5"). Anything else that is not white space is a one-character token.
# An abbreviation keeps its final period ("U.S.", "e.g."). The pattern tries that period only
# after a word, so most words match in one pass. A token never ends inside a grapheme cluster:
# combining marks (Devanagari, Tamil and Thai vowel signs), skin tones, ZWJ sequences and flags
# stay in the token they belong to (core.graphemes), so no change marker can split them.
_LETTERS_IN_CLUSTERS = rf"\w+(?:{EXTEND}\w*)*"
_TOKEN_PATTERN = (
    rf"{_LETTERS_IN_CLUSTERS}(?:[’'\-.,]{_LETTERS_IN_CLUSTERS})*(?:\.(?<=\w\.\w\.))?"
    rf"|{REGIONAL_PAIR}|[^\w\s]{EXTEND}*"
)
_TOKEN = re.compile(_TOKEN_PATTERN, re.UNICODE)
# Splitting on the token pattern keeps the tokens and the white space between them: lets
# ``token_table`` find every offset without a Python-level step per match.
_SPLIT = re.compile(f"({_TOKEN_PATTERN})", re.UNICODE)
# Text with no character that continues a cluster (most news text) gets exactly the same tokens
# from the plain pattern, which runs about twice as fast: the cluster branches can never match.
_PLAIN_PATTERN = r"\w+(?:[’'\-.,]\w+)*(?:\.(?<=\w\.\w\.))?|[^\w\s]"
_PLAIN_TOKEN = re.compile(_PLAIN_PATTERN, re.UNICODE)
_PLAIN_SPLIT = re.compile(f"({_PLAIN_PATTERN})", re.UNICODE)
_CLUSTERED = re.compile(f"[{CLUSTER_STARTS}]")


def _clustered(text: str) -> bool:
    return _CLUSTERED.search(text) is not None


# Quote and dash variants that mean the same thing; folded before comparing.
QUOTE_FOLD = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "′": "'",
        "`": "'",
    }
)


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation mark, with its place in the original string."""

    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into words and single punctuation marks, keeping offsets."""
    pattern = _TOKEN if _clustered(text) else _PLAIN_TOKEN
    return [Token(m.group(), m.start(), m.end()) for m in pattern.finditer(text)]


def token_table(text: str) -> tuple[list[str], list[int]]:
    """Token texts and their start offsets, as two lists; the word diff's fast path.

    Same tokens as ``tokenize``. ``re.split`` with the token pattern as a group returns
    [gap, token, gap, token, ..., gap] in one C call; a token starts where the running length
    of the pieces before it ends, summed by C-level iterators, not a match object per token.
    """
    pieces = (_SPLIT if _clustered(text) else _PLAIN_SPLIT).split(text)
    tokens = pieces[1::2]
    if not tokens:
        return [], []
    ends = list(itertools.accumulate(map(len, pieces)))
    return tokens, ends[0:-1:2]


_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]+")


def contains_number(text: str) -> bool:
    """True when ``text`` has a numeral or a number word anywhere (see ``is_number``)."""
    return _DIGIT.search(text) is not None or not NUMBER_WORDS.isdisjoint(_LETTERS.findall(text.lower()))


_QUOTE_CHARS = re.compile("[" + "".join(chr(c) for c in QUOTE_FOLD) + "]")


def fold_quotes(text: str) -> str:
    """``text`` with curly and other quote variants made straight; same length, same offsets.

    A regex touching only the quote characters beats ``str.translate``, which looks up every
    character of non-ASCII text in the table.
    """
    return _QUOTE_CHARS.sub(lambda m: str(QUOTE_FOLD[ord(m.group())]), text)


def is_number(word: str) -> bool:
    """True for numerals ("40", "1,000", "18-month", "2023") and number words ("four")."""
    lowered = word.lower().translate(QUOTE_FOLD)
    if any(ch.isdigit() for ch in lowered):
        return True
    return any(part in NUMBER_WORDS for part in lowered.split("-"))


_WORD = re.compile(r"\w+(?:[’'\-.,]\w+)*", re.UNICODE)


def terms(text: str) -> list[str]:
    """Normalised content words of ``text`` for similarity: lower case, folded quotes, stemmed.

    The words are exactly the word tokens of ``tokenize`` (the same pattern without the
    punctuation branch), found without building Token objects: this runs on every sentence.
    """
    return [stem(word) for word in _WORD.findall(fold_quotes(text).lower())]


# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "adm",
        "rep",
        "sen",
        "gov",
        "pres",
        "st",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "inc",
        "corp",
        "co",
        "ltd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.n",
        "u.k",
        "e.g",
        "i.e",
    ]
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``; together they cover all non-space text.

    Splits after ., ! or ? (and any closing quote) when a capital follows, except after known
    abbreviations and single initials ("Edith M. Lederer").
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].rsplit(None, 1)
        last_word = before[-1].lower().lstrip("\"'“‘(") if before else ""
        if match.group().startswith(".") and (
            last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha())
        ):
            continue
        spans.append((start, match.end()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def sentence_units(texts: Sequence[str]) -> tuple[list[str], list[int]]:
    """The sentences of all ``texts`` (a text with none is one unit), and which text each came from."""
    units: list[str] = []
    owner: list[int] = []
    for k, text in enumerate(texts):
        for start, end in sentence_spans(text) or [(0, len(text))]:
            units.append(text[start:end])
            owner.append(k)
    return units, owner


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings."""
    return [text[s:e] for s, e in sentence_spans(text)]


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def word_count(text: str) -> int:
    """Words, counting scripts written without spaces (Chinese, Japanese) at two characters a word."""
    return max(len(text.split()), len(_CJK.findall(text)) // 2)
