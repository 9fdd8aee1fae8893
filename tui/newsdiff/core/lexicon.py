"""Word lists shared by the scorers: one place, so two modules never disagree on what a word is worth.

Where modules need different lists on purpose, each is one base list plus a named extension
(``CORE_STOPWORDS`` -> ``STOPWORDS`` / ``FACT_STOPWORDS``; ``TITLES`` -> ``ROLE_TITLES`` ->
``FACT_TITLES`` / ``SPEAKER_TITLES``): the extensions are what those modules compute with (their
tests pin them), so they are kept as they are, only written once.
"""

from __future__ import annotations

import functools


def word_list(text: str) -> list[str]:
    """The white-space separated words of ``text``, in order (lists below are written as prose)."""
    return text.split()


def word_set(text: str) -> frozenset[str]:
    """The words of ``text`` as a set."""
    return frozenset(word_list(text))


# ---------------------------------------------------------------------------------------------
# Function words

CORE_STOPWORDS = word_set(
    """a an the of to in on at by for with and or but as is was are were be been it its that this he
    she they his her their from has have had not"""
)
"""The commonest function words, which every stop-word list below extends. The word diff uses
these alone: a run of only these between two changes is noise, not agreement."""

_MORE_STOPWORDS = word_set(
    """about after all also any before being can could did do does i if into just may might more most
    must no only our out over should so some such than then these those up we what when where which
    while who whom whose will would you your"""
)

STOPWORDS = CORE_STOPWORDS | _MORE_STOPWORDS | word_set("him me my other own same shall them too us very")
"""Function words: they carry no report of their own, so they never count as shared content."""

FACT_STOPWORDS = (
    CORE_STOPWORDS
    | _MORE_STOPWORDS
    | word_set(
        """across again against ago among around between beyond down during each earlier every fewer
        later less like near now off onto per said says since still there through today told tomorrow
        tonight toward towards under via within without yesterday"""
    )
)
"""Words that end the noun phrase a count is about and that never are a name on their own
(``core.facts``): besides function words, prepositions of place and time, reporting verbs and
time adverbs ("two missiles *said*", "*Yesterday*")."""


# ---------------------------------------------------------------------------------------------
# Titles: capitalised words that are a role, not who holds it ("Adm." and "Admiral" name nobody)

TITLES = word_set("mr mrs ms dr gen adm sen rep gov president minister prime premier")
"""The titles news style puts before a name most often (``paraphrase.names`` drops exactly these)."""

ROLE_TITLES = TITLES | word_set(
    """miss sir dame general admiral secretary chief spokesman spokeswoman spokesperson governor senator
    representative ambassador chairman chairwoman chair director king queen prince princess pope leader
    deputy vice foreign defense defence"""
)
"""Titles and roles before a name that both name readers know."""

FACT_TITLES = ROLE_TITLES | word_set("prof lt col colonel sgt capt captain commander state")
"""Titles a name discrepancy looks through (``core.facts``, which folds punctuation away first):
"Russian Defense Minister Sergei Shoigu" is reported as "Sergei Shoigu"."""

MALE_HONORIFICS = word_set("mr. mr")
FEMALE_HONORIFICS = word_set("ms. ms mrs. mrs miss")
HONORIFICS = MALE_HONORIFICS | FEMALE_HONORIFICS | word_set("dr. dr prof. sir dame")
"""Honorifics, with and without their period; Mr. and Ms. give the only gender attribution trusts."""

SPEAKER_TITLES = (
    HONORIFICS
    | ROLE_TITLES
    | word_set(
        """secretary-general chancellor sen. rep. gov. gen. adm. lt. col. capt. sgt. fellow envoy mayor
        judge justice commissioner interior finance economy trade analyst professor correspondent editor
        officer official dictator counterpart marshal comrade supreme"""
    )
)
"""Words that introduce a speaker's name (``core.quotes_names``, which matches words as written,
periods included): the name is what follows the last of them in a capitalised run."""


# ---------------------------------------------------------------------------------------------
# Calendar

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""In order, Monday first: ``core.facts`` reads a weekday as its index."""

MONTHS = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
"""Each month's name and then its abbreviations, in calendar order."""

MONTH_NAMES = frozenset(forms[0] for forms in MONTHS)
CALENDAR_WORDS = frozenset([*WEEKDAYS, *(form for forms in MONTHS for form in forms)])
"""Capitalised, but dates, not names: a changed weekday is a figure, not a name put for a name."""


# ---------------------------------------------------------------------------------------------
# Number words

CARDINALS = {
    word: n
    for n, word in enumerate(
        word_list(
            """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
            fifteen sixteen seventeen eighteen nineteen"""
        )
    )
}
"""Number words below twenty, with their values."""

TENS = {
    word: 10 * (n + 2)
    for n, word in enumerate(word_list("twenty thirty forty fifty sixty seventy eighty ninety"))
}

SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

ORDINALS = {
    word: n + 1
    for n, word in enumerate(
        word_list(
            """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
            thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"""
        )
    )
}
ORDINALS.update({"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100})

NUMBER_WORDS = frozenset(
    [
        *CARDINALS,
        *TENS,
        *SCALES,
        *(word for word, n in ORDINALS.items() if n <= 10),
        *word_set("hundreds thousands millions billions dozen dozens half twice once several"),
    ]
)
"""Words that state or hint at a number ("four", "dozens", "twice"): a sentence holding one may
state a figure (``tokens.is_number``, ``tokens.contains_number``)."""


# ---------------------------------------------------------------------------------------------
# Stems


def _without_plural_s(word: str, longer_than: int) -> str:
    if len(word) > longer_than and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """A deliberately light stem of a lower-case, quote-folded word: plural and possessive endings only.

    Heavier stemming merges unrelated words in short news sentences; this catches the common case
    ("missile"/"missiles", "Kim's"/"Kim"). The aligner's terms (``tokens.terms``) use it.
    """
    return _without_plural_s(word.removesuffix("'s"), 4)


def count_stem(word: str) -> str:
    """``stem`` widened for the nouns a figure counts (``core.facts``): curly possessives too,
    "-ies" plurals ("cities" -> "city") and four-letter plurals ("cars" -> "car")."""
    word = word.removesuffix("’s").removesuffix("'s")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return _without_plural_s(word, 3)


# ---------------------------------------------------------------------------------------------
# Places

DEMONYMS = {
    "american": "america",
    "afghan": "afghanistan",
    "british": "britain",
    "canadian": "canada",
    "chinese": "china",
    "egyptian": "egypt",
    "european": "europe",
    "french": "france",
    "german": "germany",
    "indian": "india",
    "iranian": "iran",
    "iraqi": "iraq",
    "israeli": "israel",
    "italian": "italy",
    "japanese": "japan",
    "korean": "korea",
    "lebanese": "lebanon",
    "palestinian": "palestine",
    "polish": "poland",
    "russian": "russia",
    "spanish": "spain",
    "syrian": "syria",
    "turkish": "turkey",
    "ukrainian": "ukraine",
    "venezuelan": "venezuela",
    "yemeni": "yemen",
}
"""Nationality adjectives and their countries: "Syrian troops" and "Syria's troops" report one thing."""

ABBREVIATIONS = {
    "u.s.": "united states",
    "u.s.a.": "united states",
    "u.n.": "united nations",
    "u.k.": "united kingdom",
    "e.u.": "european union",
    "dprk": "north korea",
}
"""Abbreviations whose letters alone would be dropped as one-letter words ("U.S." / "United States")."""
