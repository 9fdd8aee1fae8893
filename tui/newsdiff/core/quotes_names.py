"""Who is who in one article: person names, their short forms, roles and (where said) gender.

Attribution needs to turn "Mr. Putin", "Putin", "the Russian president" and "President Vladimir
Putin" into one speaker. News style introduces a person once by full name with a title ("Russian
President Vladimir Putin", "spokesperson Mao Ning") and then uses one part of the name ("Putin",
"Ms. Mao": Chinese and Korean family names come first, so any part may be the short form). The
registry links a short form to the earliest full name containing it, and a role phrase ("north
korean leader") to the name it introduced. Honorifics give the only gender we trust (Mr. / Ms.),
used to keep "she said" from resolving to a man.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from newsdiff.core.lexicon import (
    FEMALE_HONORIFICS,
    MALE_HONORIFICS,
    MONTH_NAMES,
    SPEAKER_TITLES,
    WEEKDAYS,
    word_set,
)

# A run of capitalised words: names with inner hyphens or apostrophes ("Jong-un", "O’Brien"),
# initials and abbreviations ("U.S.", "M."), honorifics with their period ("Mr.").
_CAP_WORD = r"(?:[A-Z][\w’'\-]*\.?|[A-Z]\.(?:[A-Z]\.)*)"
CAPITAL_RUN = re.compile(rf"{_CAP_WORD}(?:[ \u00a0]+{_CAP_WORD})*")

# Words that make a capitalised run a place or an institution rather than a person.
_NOT_PERSON = (
    frozenset(WEEKDAYS)
    | MONTH_NAMES
    | word_set(
        """korea korean koreas russia russian china chinese japan japanese ukraine ukrainian america
        american united states nations kingdom union european europe north south east west far
        council department ministry agency university institute center centre cosmodrome kremlin
        times press news post journal sea ocean river republic group fleet security chiefs staff
        joint affairs state house white party army navy air force forces guard office committee
        commission bank fund organization association peninsula street reuters tass kcna yonhap
        sputnik ap company corp inc administration government parliament congress senate assembly
        court police media television radio service services the a an in on at for of and but
        after when while as with by from to asked both despite during earlier later last this that
        these those it its his her their our we i he she they speaking regarding according calling
        touring"""
    )
)
PRONOUNS = {"he": "m", "she": "f"}
_BORN = re.compile(r"-(?:born|based|led|backed|run)$", re.IGNORECASE)


@functools.lru_cache(maxsize=1 << 16)
def name_words(run: str) -> tuple[str, ...]:
    """The words of a capitalised run that name a person: titles, "-born" labels and anything
    before a possessive ("North Korea's Kim") dropped."""
    words = run.split()
    for k in range(len(words) - 1, -1, -1):
        if words[k].endswith(("'s", "’s")):
            words = words[k + 1 :]
            break
    last_title = -1
    for k, word in enumerate(words):
        if word.lower() in SPEAKER_TITLES or _BORN.search(word):
            last_title = k
    return tuple(w if _INITIAL.fullmatch(w) else w.rstrip(".,") for w in words[last_title + 1 :])


_INITIAL = re.compile(r"[A-Z]\.")


@functools.lru_cache(maxsize=1 << 16)
def _analyse(run: str) -> tuple[tuple[str, ...], bool, bool]:
    """A run's name words, whether they look like a person, whether it opens with Mr./Ms."""
    words = name_words(run)
    honorific = bool(words) and run.split()[0].lower() in MALE_HONORIFICS | FEMALE_HONORIFICS
    return words, looks_like_person(words), honorific


def looks_like_person(words: tuple[str, ...]) -> bool:
    """Two to four name words, none of them a place, institution or sentence-start word, none an
    all-capitals abbreviation (``DPRK``, ``U.S.``)."""
    if not 2 <= len(words) <= 4:
        return False
    for word in words:
        plain = word.replace("’", "'")
        if plain.lower() in _NOT_PERSON or plain.isupper() or "." in plain.rstrip("."):
            return False
    return True


def key(name: str) -> str:
    """A spelling-insensitive key: "Kim Jong-un" and "Kim Jong Un" are one person across outlets."""
    return re.sub(r"[\W_]+", "", name.lower().replace("’", "'"))


@dataclass
class Registry:
    """The people of one article, learnt from every paragraph before any quote is attributed."""

    full_names: list[str] = field(default_factory=list)
    by_part: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)
    _known: set[str] = field(default_factory=set)
    _holding: dict[str, list[str]] = field(default_factory=dict)

    def learn(self, texts: list[str]) -> None:
        """Two passes: every full name first, so that "Mr. Kim" early on can be tied to the "Kim
        Jong Un" named later, then the genders honorifics give."""
        honorific_runs: list[str] = []
        for text in texts:
            for match in CAPITAL_RUN.finditer(text):
                run = match.group()
                words, person, honorific = _analyse(run)
                if honorific:
                    honorific_runs.append(run)
                if not person:
                    continue
                full = " ".join(words)
                if full not in self._known:
                    self._known.add(full)
                    self.full_names.append(full)
                    for part in words:
                        self.by_part.setdefault(part.lower(), full)
                        self._holding.setdefault(part.lower(), []).append(full)
                self._learn_role(text[max(0, match.start() - 80) : match.start()], run, full)
        for run in honorific_runs:
            name = self.canonical(run)
            if name:
                self.gender.setdefault(name, "m" if run.split()[0].lower() in MALE_HONORIFICS else "f")

    def _learn_role(self, before: str, run: str, full: str) -> None:
        """ "North Korean leader Kim Jong Un" teaches that "the North Korean leader" is Kim."""
        title_words = run.split()[: len(run.split()) - len(full.split())]
        context = re.split(r"[,;:.()“”\"—–]", before)[-1].split()[-3:]
        phrase = [w.lower() for w in [*context, *title_words] if w.lower() not in {"the", "a", "an", "and"}]
        if not phrase or phrase[-1] not in SPEAKER_TITLES:
            return
        for start in range(len(phrase)):
            self.roles.setdefault(" ".join(phrase[start:]), full)

    def canonical(self, name: str) -> str | None:
        """The full name for a mention, or the mention itself when it is a new multi-word name;
        ``None`` for a single word that names nobody known (a place, an adjective)."""
        words = name_words(name)
        if not words:
            return None
        if len(words) == 1:
            return self.by_part.get(words[0].lower())
        full = " ".join(words)
        if full in self._known:
            return full
        # "Kim Jong Un" introduced, "Jong Un Kim" or "Kim Jong" later: the earliest name holding them all.
        parts = {w.lower() for w in words}
        for known in self._holding.get(words[0].lower(), []):
            if parts <= {w.lower() for w in known.split()}:
                return known
        return full

    def role(self, phrase: str) -> str | None:
        words = [w.lower() for w in phrase.split() if w.lower() not in {"the", "a", "an"}]
        return self.roles.get(" ".join(words)) if words else None

    def is_place(self, run: str) -> bool:
        return any(w.lower().rstrip(".,") in _NOT_PERSON for w in run.split())

    def person_at(self, run: str) -> str | None:
        """A capitalised run as a person (known or new-looking), else ``None``."""
        words = name_words(run)
        if len(words) == 1:
            return self.by_part.get(words[0].lower())
        if looks_like_person(words):
            return self.canonical(run)
        return None


def registry_for(texts: list[str]) -> Registry:
    registry = Registry()
    registry.learn(texts)
    return registry
