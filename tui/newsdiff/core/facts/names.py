"""Proper names in a text: which capitalised words name someone, and the whole name around one.

Names are runs of capitalised words that are not merely starting a sentence: a word that opens
a sentence counts only when the articles use it as a name elsewhere (``known_names``). Months and
weekdays are figures (dates), compared as such, not names; titles ("Adm.", "Defense Minister") are
looked through, since they name a role, not who holds it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from newsdiff.core.lexicon import CALENDAR_WORDS, FACT_STOPWORDS, FACT_TITLES, word_set
from newsdiff.core.quotes_names import key as name_key
from newsdiff.core.tokens import token_table

MAX_NAME_WORDS = 6
"""The longest name read, in words: a longer capitalised stretch is a passage, not a name."""

_NAME_JOINERS = word_set("of de da del della der van von bin al la le du")
"""Lower-case words allowed inside a name ("Republic of Korea", "bin Salman", "van der Berg")."""
_SENTENCE_ENDS = frozenset(".!?…:")
_OPENERS = frozenset("\"'“‘«([")
_NAME_FOLD = re.compile(r"[\W_]+")
_POSSESSIVE = ("’s", "'s", "’", "'")


def known_names(*texts: str) -> frozenset[str]:
    """Words the texts show to be names even where a sentence opens with them.

    A capitalised word used mid-sentence is one ("Putin said ..." after "... with Putin"). So is a
    sentence's first word when a capitalised word follows it and the texts never write it in lower
    case ("Jo Chun Ryong travelled ..."), which keeps out "Earlier Kim said" when "earlier" is used.
    """
    names: set[str] = set()
    openers: list[tuple[str, str]] = []
    lower: set[str] = set()
    for text in texts:
        keys, starts = token_table(text)
        for k, key in enumerate(keys):
            if not key[0].isupper():
                lower.add(key)
            elif not _capitalised(key):
                continue
            elif not _opens_sentence(keys, starts, text, k):
                names.add(_strip_possessive(key))
            elif k + 1 < len(keys) and keys[k + 1][0].isupper():  # opens a sentence
                openers.append((key, keys[k + 1]))
    names.update(
        key for key, after in openers if key.lower() not in lower and _strip_possessive(after) in names
    )
    return frozenset(names)


class Words:
    """One side's tokens. Whether a token is a name word is decided when first asked: only the
    tokens of short replacements and their neighbours ever are."""

    __slots__ = ("_lowered", "_name", "keys", "known", "starts", "text")

    def __init__(self, text: str, known: frozenset[str]) -> None:
        self.text = text
        self.keys, self.starts = token_table(text)
        self.known = known
        self._name: list[bool | None] = [None] * len(self.keys)
        self._lowered: frozenset[str] | None = None

    def name(self, k: int) -> bool:
        flag = self._name[k]
        if flag is None:
            key = self.keys[k]
            flag = (
                key[0].isalpha()
                and _capitalised(key)
                and key.lower() not in CALENDAR_WORDS
                and (
                    not _opens_sentence(self.keys, self.starts, self.text, k)
                    or _strip_possessive(key) in self.known
                )
            )
            self._name[k] = flag
        return flag

    @property
    def lowered(self) -> frozenset[str]:
        """Every word of the text, lower case, split at punctuation: "is this name here at all"."""
        if self._lowered is None:
            self._lowered = frozenset(_NAME_FOLD.sub(" ", self.text.lower()).split())
        return self._lowered

    def span(self, lo: int, hi: int) -> tuple[int, int]:
        """Character span of tokens ``lo`` to ``hi`` (exclusive)."""
        return self.starts[lo], self.starts[hi - 1] + len(self.keys[hi - 1])


def name_fragment(words: Words, start: int, end: int) -> tuple[int, int] | None:
    """Token range of a changed stretch that is nothing but a name (edge punctuation and function
    words aside), or None."""
    lo = bisect_left(words.starts, start)
    hi = bisect_left(words.starts, end)
    while lo < hi and not words.name(lo):
        if words.keys[lo][0].isalnum() and words.keys[lo].lower() not in FACT_STOPWORDS:
            return None
        lo += 1
    while hi > lo and not words.name(hi - 1):
        if words.keys[hi - 1][0].isalnum() and words.keys[hi - 1].lower() not in FACT_STOPWORDS:
            return None
        hi -= 1
    if lo >= hi or hi - lo > MAX_NAME_WORDS:
        return None
    for k in range(lo, hi):
        if not (words.name(k) or words.keys[k].lower() in _NAME_JOINERS or words.keys[k] in ".’'-"):
            return None
    return lo, hi


def whole_name(words: Words, lo: int, hi: int) -> tuple[int, int]:
    """Widen a name to the whole capitalised run around it ("Shoigu" → "Sergei Shoigu"), but not
    back past a title: "Russian Defense Minister Sergei Shoigu" is reported as "Sergei Shoigu"."""
    while lo > 0 and words.name(lo - 1) and not _is_title(words.keys[lo - 1]):
        lo -= 1
    while hi < len(words.keys) and words.name(hi):
        hi += 1
    return lo, hi


def folded_name(words: Words, lo: int, hi: int) -> list[str]:
    """Name words without titles or possessives, as spelling-insensitive keys (``quotes_names.key``:
    the same fold that tells speakers apart)."""
    folded: list[str] = []
    for k in range(lo, hi):
        if not words.name(k):
            continue
        word = name_key(_strip_possessive(words.keys[k]))
        if word and word not in FACT_TITLES:
            folded.append(word)
    return folded


def _is_title(word: str) -> bool:
    return name_key(_strip_possessive(word)) in FACT_TITLES


def _strip_possessive(word: str) -> str:
    for suffix in _POSSESSIVE:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def _capitalised(word: str) -> bool:
    return word[0].isupper() and word.lower() not in FACT_STOPWORDS and word != "I"


def _opens_sentence(keys: list[str], starts: list[int], text: str, k: int) -> bool:
    """Whether token ``k`` opens a sentence (after ., !, ?, a colon, a line break or an opening
    quote), where any word is capitalised and so proves nothing.

    After an opening quote a quoted sentence may start ("replied, “That’s why ..."); a closing
    straight quote is caught too, which only costs a name not yet known elsewhere.
    """
    if k == 0:
        return True
    previous = keys[k - 1]
    return (
        previous in _SENTENCE_ENDS
        or previous in _OPENERS
        or "\n" in text[starts[k - 1] + len(previous) : starts[k]]
    )
