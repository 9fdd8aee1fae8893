"""Word lists shared by the scorers: one place, so two modules never disagree on what a word is worth."""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``, as a set (lists below are written as prose)."""
    return frozenset(text.split())


STOPWORDS = word_set(
    """a an the of to in on at by for with and or but as is was are were be been being it its that this
    these those he she they we i you his her their our my your him them us me from has have had not no
    will would shall should can could may might must do does did so than then also which who
    whom whose what when where while if into about over after before up out just very all any some such
    more most other only own same too"""
)
"""Function words: they carry no report of their own, so they never count as shared content."""


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
